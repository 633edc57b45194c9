// The job scheduler: runs the periodic work of every module (app::Job) once
// per period across all servers that share one database, and catches up
// after downtime with a single run. Each job has a row in job_runs; a server
// runs a job only after moving its next_due forward with a conditional UPDATE
// that no other server can have made (compare-and-set on the old value), so
// two servers on one PostgreSQL — or two processes on one SQLite file — never
// both run the same period. A failing job is logged and recorded, and runs
// again next period; the other jobs are not affected.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/module.hpp"
#include "store/database.hpp"

namespace samen::jobs {

// Claims the run of `name` due at `now`: true when this caller moved the job's
// next_due forward (and must run it), false when it is not due or another
// server claimed it first. A job seen for the first time is due at once.
bool claim_run(store::Connection& c, const std::string& name, std::int64_t every, std::int64_t now);
// Records how a claimed run ended (error: nullopt on success).
void record_outcome(store::Connection& c, const std::string& name, std::int64_t finished_at,
                    const std::optional<std::string>& error);

struct JobState {
  std::string name;
  std::int64_t next_due = 0;
  std::int64_t runs = 0;
  std::optional<std::int64_t> last_started_at;
  std::optional<std::int64_t> last_finished_at;
  std::optional<std::string> last_error;
};
std::optional<JobState> job_state(store::Connection& c, const std::string& name);

// What one pass did, for logs and tests.
struct PassReport {
  std::vector<std::string> ran;     // claimed and finished without an exception
  std::vector<std::string> failed;  // claimed and threw
};

class Scheduler {
 public:
  // Throws std::invalid_argument for a job without a name, with a period
  // <= 0 or without a function, and for two jobs with one name.
  Scheduler(app::App& app, std::vector<app::Job> jobs,
            std::chrono::milliseconds poll_interval = std::chrono::seconds(1));
  ~Scheduler();  // stops the thread
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // One pass at `now`: runs, in list order, every job due that this process
  // claims. Used by the background thread and directly by tests.
  PassReport run_due(std::int64_t now);
  // Starts the background thread (a pass every poll interval). Idempotent.
  void start();
  // Asks the thread to stop, lets a job in progress finish, joins. Idempotent.
  void stop();
  // True once stop() was asked: long jobs may check it between pieces of work.
  bool stopping() const;

 private:
  enum class Outcome { not_claimed, ran, failed };
  void loop();
  Outcome run_one(const app::Job& job, std::int64_t now);

  app::App& app_;
  std::vector<app::Job> jobs_;
  std::chrono::milliseconds poll_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool stop_requested_ = false;
  std::thread thread_;
};

}  // namespace samen::jobs
