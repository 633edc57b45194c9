// The job scheduler: due-time arithmetic, and on both databases that two
// schedulers sharing a database run a job once per period, that a job
// overdue after downtime runs once, and that a failing job is recorded and
// retried next period without stopping the others.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/app.hpp"
#include "app/module.hpp"
#include "jobs/schedule.hpp"
#include "jobs/scheduler.hpp"
#include "support/test_db.hpp"
#include "support/test_app.hpp"

namespace samen::jobs {
namespace {

TEST(JobSchedule, NextDueStaysOnTheGridAndSkipsMissedPeriods) {
  EXPECT_EQ(next_due_after(1000, 60, 999), 1000) << "not yet due: unchanged";
  EXPECT_EQ(next_due_after(1000, 60, 1000), 1060);
  EXPECT_EQ(next_due_after(1000, 60, 1059), 1060);
  EXPECT_EQ(next_due_after(1000, 60, 1060), 1120);
  EXPECT_EQ(next_due_after(1000, 60, 1000 + 60 * 1000 + 7), 1000 + 60 * 1001) << "a thousand missed periods: one run";
  EXPECT_THROW(next_due_after(1000, 0, 1000), std::invalid_argument);
}

class SchedulerTest : public testing::DatabaseTest {
 protected:
  std::unique_ptr<app::App> make_app() {
    auto dir = test_db().scratch() / ("app" + std::to_string(apps_++));
    std::filesystem::create_directories(dir);
    return testing::make_test_app(test_db(), 4, [&](app::AppOptions& o) { o.data_dir = dir; });
  }
  app::Job counting(const std::string& name, std::int64_t every, std::atomic<int>& runs) {
    return {name, std::chrono::seconds(every), [&runs](app::App&, std::int64_t) { ++runs; }};
  }
  int apps_ = 0;
};

TEST_P(SchedulerTest, TwoSchedulersOnOneDatabaseRunAJobOncePerPeriod) {
  auto a = make_app(), b = make_app();
  std::atomic<int> runs{0};
  Scheduler sa(*a, {counting("test.once", 60, runs)}), sb(*b, {counting("test.once", 60, runs)});
  // Both servers wake at the same moment, many times over, in parallel.
  for (std::int64_t now : {1000, 1001, 1030, 1059}) {
    std::thread ta([&] { sa.run_due(now); }), tb([&] { sb.run_due(now); });
    ta.join();
    tb.join();
  }
  EXPECT_EQ(runs, 1) << "one run in the first period";
  std::thread ta([&] { sa.run_due(1060); }), tb([&] { sb.run_due(1061); });
  ta.join();
  tb.join();
  EXPECT_EQ(runs, 2) << "one more in the second";
  auto lease = db().acquire();
  auto state = job_state(*lease, "test.once");
  ASSERT_TRUE(state);
  EXPECT_EQ(state->runs, 2);
  EXPECT_EQ(state->next_due, 1120);
}

TEST_P(SchedulerTest, ManyConcurrentClaimsOfOnePeriodGiveOneWinner) {
  std::atomic<int> winners{0};
  std::vector<std::thread> threads;
  std::vector<std::unique_ptr<store::Database>> dbs;
  for (int i = 0; i < 6; ++i) dbs.push_back(test_db().open_another(1));
  for (int i = 0; i < 6; ++i)
    threads.emplace_back([&, i] {
      auto lease = dbs[i]->acquire();
      if (claim_run(*lease, "test.race", 300, 5000)) ++winners;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(winners, 1);
}

TEST_P(SchedulerTest, AJobOverdueAfterDowntimeRunsOnceThenKeepsItsRhythm) {
  auto a = make_app();
  std::vector<std::int64_t> seen;
  {
    Scheduler s(*a, {{"test.hourly", std::chrono::hours(1), [&](app::App&, std::int64_t now) { seen.push_back(now); }}});
    s.run_due(10'000);
  }
  // The servers were down for three days; a new process starts.
  auto later = make_app();
  Scheduler s(*later, {{"test.hourly", std::chrono::hours(1), [&](app::App&, std::int64_t now) { seen.push_back(now); }}});
  std::int64_t restart = 10'000 + 3 * 24 * 3600 + 125;
  s.run_due(restart);
  s.run_due(restart + 1);
  s.run_due(restart + 60);
  ASSERT_EQ(seen.size(), 2u) << "one catch-up run, not 72";
  EXPECT_EQ(seen[1], restart);
  auto lease = db().acquire();
  EXPECT_EQ(job_state(*lease, "test.hourly")->next_due, 10'000 + 73 * 3600) << "back on the hourly grid";
  s.run_due(10'000 + 73 * 3600);
  EXPECT_EQ(seen.size(), 3u);
}

TEST_P(SchedulerTest, AFailingJobIsRecordedAndRetriedNextPeriodWithoutStoppingOthers) {
  auto a = make_app();
  std::atomic<int> failures{0}, others{0};
  Scheduler s(*a, {{"test.fails", std::chrono::seconds(60),
                    [&](app::App&, std::int64_t) {
                      ++failures;
                      throw std::runtime_error("mail server on fire");
                    }},
                   counting("test.other", 60, others)});
  auto first = s.run_due(1000);
  EXPECT_EQ(first.failed, std::vector<std::string>{"test.fails"});
  EXPECT_EQ(first.ran, std::vector<std::string>{"test.other"});
  {
    auto lease = db().acquire();
    auto state = job_state(*lease, "test.fails");
    ASSERT_TRUE(state && state->last_error);
    EXPECT_EQ(*state->last_error, "mail server on fire");
    EXPECT_EQ(state->last_started_at, 1000);
  }
  s.run_due(1030);
  EXPECT_EQ(failures, 1) << "not retried within the same period";
  s.run_due(1060);
  EXPECT_EQ(failures, 2) << "retried next period";
  EXPECT_EQ(others, 2);
}

TEST_P(SchedulerTest, BackgroundThreadRunsDueJobsAndStopsPromptly) {
  auto a = make_app();
  std::atomic<int> runs{0};
  Scheduler s(*a, {counting("test.thread", 3600, runs)}, std::chrono::milliseconds(20));
  s.start();
  for (int i = 0; i < 250 && runs == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  auto asked = std::chrono::steady_clock::now();
  s.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(2));
  EXPECT_EQ(runs, 1);
  EXPECT_TRUE(s.stopping());
}

TEST(SchedulerSetup, RejectsUnnamedDuplicateOrPeriodlessJobs) {
  auto noop = [](app::App&, std::int64_t) {};
  auto check = [&](std::vector<app::Job> jobs) {
    testing::TempDir dir;
    app::AppOptions o;
    o.data_dir = dir.path();
    o.access_log = false;
    auto db = store::Database::open("", dir.path(), 2);
    app::migrate(*db);
    app::App a(o, std::move(db));
    EXPECT_THROW(Scheduler(a, std::move(jobs)), std::invalid_argument);
  };
  check({{"", std::chrono::seconds(1), noop}});
  check({{"x.y", std::chrono::seconds(0), noop}});
  check({{"x.y", std::chrono::seconds(1), noop}, {"x.y", std::chrono::seconds(2), noop}});
  check({{"x.y", std::chrono::seconds(1), nullptr}});
}

SAMEN_INSTANTIATE_FOR_BACKENDS(SchedulerTest);

}  // namespace
}  // namespace samen::jobs
