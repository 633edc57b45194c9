// The job scheduler: claims in job_runs, one pass over the jobs, and the
// background thread started by `samen serve`.
#include "jobs/scheduler.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "app/app.hpp"
#include "jobs/schedule.hpp"

namespace samen::jobs {

bool claim_run(store::Connection& c, const std::string& name, std::int64_t every, std::int64_t now) {
  auto r = c.exec("SELECT next_due FROM job_runs WHERE name = ?", {name});
  if (r.empty()) {  // a new job: due now (the INSERT only writes the first time, a pass is mostly reads)
    c.exec("INSERT INTO job_runs (name, next_due) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", {name, now});
    r = c.exec("SELECT next_due FROM job_runs WHERE name = ?", {name});
    if (r.empty()) return false;
  }
  std::int64_t due = r.rows[0].int64(0);
  if (due > now) return false;
  // Compare-and-set: only the server that still sees the old next_due moves
  // it. On PostgreSQL a concurrent UPDATE waits for the first one to commit
  // and then no longer matches; on SQLite writers are serialised.
  auto claimed = c.exec(
      "UPDATE job_runs SET next_due = ?, runs = runs + 1, last_started_at = ? WHERE name = ? AND next_due = ?",
      {next_due_after(due, every, now), now, name, due});
  return claimed.affected == 1;
}

void record_outcome(store::Connection& c, const std::string& name, std::int64_t finished_at,
                    const std::optional<std::string>& error) {
  c.exec("UPDATE job_runs SET last_finished_at = ?, last_error = ? WHERE name = ?",
         {finished_at, store::opt(error), name});
}

std::optional<JobState> job_state(store::Connection& c, const std::string& name) {
  auto r = c.exec(
      "SELECT name, next_due, runs, last_started_at, last_finished_at, last_error FROM job_runs WHERE name = ?",
      {name});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  return JobState{row.text(0), row.int64(1), row.int64(2), row.opt_int64(3), row.opt_int64(4), row.opt_text(5)};
}

namespace {

void check_jobs(const std::vector<app::Job>& jobs) {
  std::set<std::string> names;
  for (const auto& j : jobs) {
    if (j.name.empty()) throw std::invalid_argument("a job needs a name");
    if (j.every.count() <= 0) throw std::invalid_argument("job " + j.name + ": the period must be positive");
    if (!j.run) throw std::invalid_argument("job " + j.name + ": no function to run");
    if (!names.insert(j.name).second) throw std::invalid_argument("two jobs are named " + j.name);
  }
}

void log_event(const nlohmann::json& event, bool error) {
  if (error) spdlog::error(event.dump());
  else spdlog::info(event.dump());
}

}  // namespace

Scheduler::Scheduler(app::App& app, std::vector<app::Job> jobs, std::chrono::milliseconds poll_interval)
    : app_(app), jobs_(std::move(jobs)), poll_(poll_interval) {
  check_jobs(jobs_);
}

Scheduler::~Scheduler() { stop(); }

Scheduler::Outcome Scheduler::run_one(const app::Job& job, std::int64_t now) {
  {
    auto lease = app_.db().acquire();
    if (!claim_run(*lease, job.name, job.every.count(), now)) return Outcome::not_claimed;
  }
  std::optional<std::string> error;
  try {
    job.run(app_, now);
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "unknown exception";
  }
  auto lease = app_.db().acquire();
  record_outcome(*lease, job.name, app::unix_now(), error);
  if (error) log_event({{"event", "job_failed"}, {"job", job.name}, {"error", *error}}, true);
  return error ? Outcome::failed : Outcome::ran;
}

PassReport Scheduler::run_due(std::int64_t now) {
  PassReport report;
  for (const auto& job : jobs_) {
    if (stopping()) break;
    try {
      switch (run_one(job, now)) {
        case Outcome::not_claimed: break;
        case Outcome::ran: report.ran.push_back(job.name); break;
        case Outcome::failed: report.failed.push_back(job.name); break;
      }
    } catch (const std::exception& e) {
      // The database did not answer the claim: try this job again next pass.
      log_event({{"event", "job_claim_failed"}, {"job", job.name}, {"error", e.what()}}, true);
    }
  }
  return report;
}

void Scheduler::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable() || stop_requested_) return;
  thread_ = std::thread([this] { loop(); });
}

void Scheduler::stop() {
  {
    std::lock_guard lock(mu_);
    stop_requested_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

bool Scheduler::stopping() const {
  std::lock_guard lock(mu_);
  return stop_requested_;
}

void Scheduler::loop() {
  std::unique_lock lock(mu_);
  while (!stop_requested_) {
    lock.unlock();
    run_due(app::unix_now());
    lock.lock();
    wake_.wait_for(lock, poll_, [this] { return stop_requested_; });
  }
}

}  // namespace samen::jobs
