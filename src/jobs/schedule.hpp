// When a periodic job is next due: plain arithmetic on unix seconds, no I/O,
// so the scheduler's catch-up rule is tested on its own.
#pragma once
#include <cstdint>

namespace samen::jobs {

// The first time on the job's grid (due, due + every, due + 2·every, ...)
// strictly after `now`. A job overdue by many periods (the servers were down)
// therefore runs once and then keeps its rhythm, instead of running once per
// missed period. Throws std::invalid_argument when every <= 0.
std::int64_t next_due_after(std::int64_t due, std::int64_t every, std::int64_t now);

}  // namespace samen::jobs
