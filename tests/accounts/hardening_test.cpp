// Login, sessions and tokens under attack (issue 14), on both databases:
// the throttle counts parallel failures, IPv6 addresses count per /64, a
// flood of failures stays a few audit rows, sessions end when they should,
// tokens expire, and a one-time password is changed before anything else.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "accounts/audit.hpp"
#include "accounts/secrets.hpp"
#include "accounts/sessions.hpp"
#include "accounts/throttle.hpp"
#include "accounts/users.hpp"
#include "app/app.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"

namespace samen {
namespace {

using accounts::Role;
using testing::AppClient;

constexpr const char* kPassword = testing::kTestPassword;

TEST(AddressSubject, IPv6CountsPerSlash64AndIPv4PerAddress) {
  using accounts::address_subject;
  EXPECT_EQ(address_subject("192.0.2.7"), "ip:192.0.2.7");
  EXPECT_EQ(address_subject("::ffff:192.0.2.7"), "ip:192.0.2.7");
  EXPECT_EQ(address_subject("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "ip:2001:db8:1:2::/64");
  EXPECT_EQ(address_subject("2001:db8:1:2::1"), address_subject("2001:db8:1:2:ffff::9"));
  EXPECT_NE(address_subject("2001:db8:1:2::1"), address_subject("2001:db8:1:3::1"));
  EXPECT_EQ(address_subject("not an address"), "ip:not an address");
}

class LoginHardening : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    app_ = testing::make_test_app(test_db(), 6);
    for (Role r : accounts::kRoles) add_user(std::string(accounts::role_name(r)) + "@example.org", r);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::int64_t add_user(const std::string& email, Role role) {
    return testing::add_test_user(db(), email, role);
  }
  std::int64_t user_id(const std::string& email) {
    auto lease = db().acquire();
    return accounts::find_user_by_email(*lease, email)->id;
  }
  std::vector<accounts::AuditEntry> audit(const std::string& action) {
    auto lease = db().acquire();
    accounts::AuditFilter f;
    f.action = action;
    return accounts::query_audit(*lease, f);
  }
  bool session_alive(const std::string& raw) {
    auto lease = db().acquire();
    return accounts::find_session(*lease, raw, app::unix_now()).has_value();
  }
  std::unique_ptr<app::App> app_;
};

// Failures recorded at the same moment from many connections are all
// counted (the read-change-write lost some of them).
TEST_P(LoginHardening, ParallelFailuresAreAllCounted) {
  constexpr int kThreads = 6, kEach = 20;
  const accounts::ThrottlePolicy never_locks{1000, 3600, 60};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      while (!go.load()) std::this_thread::yield();
      for (int i = 0; i < kEach; ++i) {
        for (int attempt = 0;; ++attempt) {  // SQLite may answer "busy": try again, as a server would answer 503
          try {
            auto lease = db().acquire();
            accounts::record_failure(*lease, "user:race@example.org", 5000, never_locks);
            break;
          } catch (const store::StoreError& e) {
            if (e.kind() != store::StoreError::Kind::busy || attempt > 50) throw;
          }
        }
      }
    });
  go = true;
  for (auto& t : threads) t.join();
  auto lease = db().acquire();
  EXPECT_EQ(accounts::load_throttle(*lease, "user:race@example.org").failures, kThreads * kEach);
  // The lock still comes at the limit, in the same statement.
  accounts::ThrottleState s;
  for (int i = 0; i < 10; ++i) s = accounts::record_failure(*lease, "user:lock@example.org", 7000 + i, accounts::kAccountPolicy);
  EXPECT_TRUE(accounts::is_locked(s, 7010));
  EXPECT_TRUE(accounts::is_locked(accounts::load_throttle(*lease, "user:lock@example.org"), 7010));
  EXPECT_FALSE(accounts::is_locked(s, 7009 + accounts::kAccountPolicy.lock_seconds));
}

// Two addresses of one IPv6 /64 are one address for the throttle.
TEST_P(LoginHardening, IPv6AddressesOfOneSlash64ShareTheAddressLimit) {
  for (int i = 0; i < 30; ++i) {
    AppClient c(*app_);
    c.ip = "2001:db8:7:7::" + std::to_string(i + 1);
    EXPECT_EQ(c.login("nobody" + std::to_string(i) + "@example.org", "wrong password!").status, 401) << i;
  }
  AppClient same_block(*app_);
  same_block.ip = "2001:db8:7:7:1234::99";
  EXPECT_EQ(same_block.login("partner@example.org", kPassword).status, 429);
  AppClient other_block(*app_);
  other_block.ip = "2001:db8:7:8::1";
  EXPECT_EQ(other_block.login("partner@example.org", kPassword).status, 303);
}

// A flood of failed logins is counted, not written row by row: who, when,
// from where and how often stay in the audit log.
TEST_P(LoginHardening, RepeatedFailuresAreCountedInOneAuditRow) {
  AppClient c(*app_);
  for (int i = 0; i < 25; ++i) c.login("facilitator@example.org", "wrong password!");
  auto failed = audit("login.failed");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].repeats, 10);  // the account locks after 10
  EXPECT_EQ(failed[0].actor_label, "facilitator@example.org");
  EXPECT_EQ(failed[0].remote_ip, "192.0.2.10");
  auto locked = audit("login.locked");
  ASSERT_EQ(locked.size(), 1u);
  EXPECT_EQ(locked[0].repeats, 15);
  EXPECT_TRUE(locked[0].last_at.has_value());
  // Another address is another row.
  AppClient other(*app_);
  other.ip = "198.51.100.20";
  other.login("partner@example.org", "wrong password!");
  EXPECT_EQ(audit("login.failed").size(), 2u);
  // The count is the only thing that may change in the log.
  auto lease = db().acquire();
  EXPECT_THROW(lease->exec("UPDATE audit_log SET remote_ip = 'x', repeats = repeats + 1 WHERE action = 'login.failed'"),
               store::StoreError);
  accounts::record_audit(*lease, {0, 1000, std::nullopt, "cli", "user.role", "user", "1", "partner -> admin", ""});
  EXPECT_THROW(lease->exec("UPDATE audit_log SET repeats = repeats + 1 WHERE action = 'user.role'"), store::StoreError)
      << "only repeated login events are counted";
  EXPECT_THROW(lease->exec("DELETE FROM audit_log WHERE action = 'login.failed'"), store::StoreError);
}

// The lock is read again after the ~100 ms password check: guesses that
// locked the account meanwhile are not bypassed by a right one among them.
// The seam locks the account exactly between the check and the re-check.
TEST_P(LoginHardening, ALockSetDuringThePasswordCheckStillRefuses) {
  AppClient c(*app_);
  c.get("/login");
  int seam_calls = 0;
  app_->get<accounts::LoginSeams>().after_password_check = [&] {
    ++seam_calls;
    auto lease = db().acquire();
    for (int i = 0; i < 10; ++i)
      accounts::record_failure(*lease, "user:coordinator@example.org", app::unix_now(), accounts::kAccountPolicy);
  };
  auto r = c.post("/login", "email=coordinator%40example.org&password=" + http::url_encode(kPassword));
  app_->get<accounts::LoginSeams>().after_password_check = nullptr;
  EXPECT_EQ(seam_calls, 1) << "the password was right: the login reached the re-check";
  EXPECT_EQ(r.status, 429);
  EXPECT_FALSE(c.has_cookie("samen_session"));
}

TEST_P(LoginHardening, SessionsHaveAnAbsoluteLifetime) {
  auto id = user_id("partner@example.org");
  auto lease = db().acquire();
  auto raw = accounts::create_session(*lease, id, "", 1000);
  std::int64_t t = 1000;
  for (; t < 1000 + accounts::kSessionAbsoluteSeconds - 3600; t += 3600)
    ASSERT_TRUE(accounts::find_session(*lease, raw, t)) << "used every hour: alive at " << t - 1000;
  EXPECT_FALSE(accounts::find_session(*lease, raw, 1000 + accounts::kSessionAbsoluteSeconds))
      << "however active, a session ends after its absolute lifetime";
}

TEST_P(LoginHardening, LoggingInEndsTheSessionTheBrowserHadBefore) {
  AppClient c(*app_);
  ASSERT_EQ(c.login("partner@example.org", kPassword).status, 303);
  c.get("/profile");  // a page of the session, for its CSRF token
  auto lease = db().acquire();
  auto before = lease->exec("SELECT id_hash FROM sessions").rows;
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(c.login("partner@example.org", kPassword).status, 303);
  auto after = lease->exec("SELECT id_hash FROM sessions").rows;
  ASSERT_EQ(after.size(), 1u) << "the old session is deleted at login";
  EXPECT_NE(after[0].text(0), before[0].text(0));
}

TEST_P(LoginHardening, AcceptingAnInvitationEndsOtherSessionsAndReinvitingCancelsOldLinks) {
  auto id = user_id("parent_rep@example.org");
  std::string old_session, first_link, second_link;
  {
    auto lease = db().acquire();
    old_session = accounts::create_session(*lease, id, "", app::unix_now());
    first_link = accounts::create_invitation(*lease, id, std::nullopt, app::unix_now());
    second_link = accounts::create_invitation(*lease, id, std::nullopt, app::unix_now());
    EXPECT_FALSE(accounts::user_for_invitation(*lease, first_link, app::unix_now())) << "re-invite cancels";
    EXPECT_TRUE(accounts::user_for_invitation(*lease, second_link, app::unix_now()));
  }
  ASSERT_TRUE(session_alive(old_session));
  AppClient c(*app_);
  ASSERT_EQ(c.get("/invite/" + second_link).status, 200);
  auto r = c.post("/invite/" + second_link, "new_password=another+good+password&confirm_password=another+good+password");
  ASSERT_EQ(r.status, 303);
  EXPECT_FALSE(session_alive(old_session));
}

TEST_P(LoginHardening, ApiTokensExpireAndTheListShowsWhen) {
  auto id = user_id("admin@example.org");
  std::string lasting, expiring;
  {
    auto lease = db().acquire();
    lasting = accounts::create_api_token(*lease, id, "lasting", 1000);
    expiring = accounts::create_api_token(*lease, id, "expiring", 1000, 5000);
    EXPECT_TRUE(accounts::user_for_api_token(*lease, expiring, 4999));
    EXPECT_FALSE(accounts::user_for_api_token(*lease, expiring, 5000));
    EXPECT_TRUE(accounts::user_for_api_token(*lease, lasting, 5000));
    auto list = accounts::list_api_tokens(*lease);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].expires_at.value_or(0) + list[1].expires_at.value_or(0), 5000);
  }
  AppClient admin(*app_);
  ASSERT_EQ(admin.login("admin@example.org", kPassword).status, 303);
  admin.get("/admin/tokens");
  EXPECT_EQ(admin.post("/admin/tokens", "label=old&expires=2001-01-01").status, 422) << "a day in the past";
  EXPECT_EQ(admin.post("/admin/tokens", "label=bad&expires=soon").status, 422);
  auto made = admin.post("/admin/tokens", "label=yearly&expires=2199-12-31");
  ASSERT_EQ(made.status, 201);
  auto page = admin.get("/admin/tokens?lang=en");
  EXPECT_NE(page.body.find("Expired"), std::string::npos) << "the token that expired at 5000";
  EXPECT_NE(page.body.find("2199"), std::string::npos) << "the new token's expiry is listed";
}

// The demo admin's one-time password: until it is changed, every page but
// the profile leads to the profile.
TEST_P(LoginHardening, AOneTimePasswordIsChangedBeforeAnythingElse) {
  auto id = user_id("admin@example.org");
  {
    auto lease = db().acquire();
    lease->exec("UPDATE users SET must_change_password = 1 WHERE id = ?", {id});
  }
  AppClient c(*app_);
  auto login = c.login("admin@example.org", kPassword);
  ASSERT_EQ(login.status, 303);
  EXPECT_EQ(login.header("Location"), "/profile");
  for (const char* page : {"/", "/admin/users", "/admin/tokens", "/directory", "/services"}) {
    auto r = c.get(page);
    EXPECT_EQ(r.status, 303) << page;
    EXPECT_EQ(r.header("Location"), "/profile") << page;
  }
  EXPECT_EQ(c.get("/profile").status, 200);
  auto changed = c.post("/profile/password", std::string("current_password=") + http::url_encode(kPassword) +
                                                 "&new_password=my+own+new+password&confirm_password=my+own+new+password");
  ASSERT_EQ(changed.status, 303);
  EXPECT_EQ(c.get("/admin/users").status, 200);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(LoginHardening);

}  // namespace
}  // namespace samen
