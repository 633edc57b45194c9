// Due-time arithmetic of the job scheduler.
#include "jobs/schedule.hpp"

#include <stdexcept>

namespace samen::jobs {

std::int64_t next_due_after(std::int64_t due, std::int64_t every, std::int64_t now) {
  if (every <= 0) throw std::invalid_argument("a job's period must be positive");
  if (due > now) return due;
  std::int64_t missed = (now - due) / every;  // whole periods since `due`
  return due + (missed + 1) * every;
}

}  // namespace samen::jobs
