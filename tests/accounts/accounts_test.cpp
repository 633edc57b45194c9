// Accounts logic without a server: throttle decisions, password hashing and
// rules, e-mail normalisation, role access; sessions and tokens on both
// databases (expiry, refresh, revocation, digests at rest).
#include <gtest/gtest.h>

#include "accounts/audit.hpp"
#include "accounts/roles.hpp"
#include "accounts/secrets.hpp"
#include "accounts/sessions.hpp"
#include "accounts/throttle.hpp"
#include "accounts/users.hpp"
#include "support/test_db.hpp"

namespace samen::accounts {
namespace {

TEST(Throttle, LocksAfterTheLimitWithinTheWindowAndUnlocksLater) {
  ThrottleState s;
  for (int i = 0; i < 9; ++i) s = after_failure(s, 1000 + i, kAccountPolicy);
  EXPECT_FALSE(is_locked(s, 1010));
  s = after_failure(s, 1010, kAccountPolicy);
  EXPECT_TRUE(is_locked(s, 1011));
  EXPECT_TRUE(is_locked(s, 1010 + 15 * 60 - 1));
  EXPECT_FALSE(is_locked(s, 1010 + 15 * 60));
}

TEST(Throttle, FailuresOutsideTheWindowDoNotAccumulate) {
  ThrottleState s;
  for (int i = 0; i < 20; ++i) s = after_failure(s, 1000 + i * 100, kAccountPolicy);  // one per 100 s
  EXPECT_FALSE(is_locked(s, 3000));
}

TEST(Secrets, PasswordsHashWithArgon2idAndVerify) {
  init_crypto();
  auto h = hash_password("a long enough password");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(h, "a long enough password"));
  EXPECT_FALSE(verify_password(h, "a long enough passwore"));
  EXPECT_NE(hash_password("a long enough password"), h) << "salted";
  EXPECT_EQ(password_problem("short"), "password.too_short");
  EXPECT_EQ(password_problem(std::string("valid len \xff\xfe bytes")), "password.invalid");
  EXPECT_EQ(password_problem("ten chars!"), "");
}

TEST(Secrets, TokensAreRandomAndComparedInConstantTime) {
  init_crypto();
  auto a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(token_digest(a).size(), 64u);
  EXPECT_TRUE(constant_time_equal(a, a));
  EXPECT_FALSE(constant_time_equal(a, b));
  EXPECT_FALSE(constant_time_equal("", ""));
}

TEST(Users, EmailsAreNormalisedOrRejected) {
  EXPECT_EQ(normalize_email("  Lotte@Example.BE "), "lotte@example.be");
  for (const char* bad : {"", "no-at", "@x.be", "a@", "a@b@c", "a b@c.be", "<a@b.be>"})
    EXPECT_EQ(normalize_email(bad), "") << bad;
}

TEST(Roles, AccessRules) {
  EXPECT_TRUE(Access::anyone().allows(std::nullopt));
  EXPECT_FALSE(Access::signed_in().allows(std::nullopt));
  EXPECT_TRUE(Access::signed_in().allows(Role::parent_rep));
  auto staff = Access::only({Role::admin, Role::coordinator});
  EXPECT_TRUE(staff.allows(Role::coordinator));
  EXPECT_FALSE(staff.allows(Role::partner));
  EXPECT_FALSE(staff.allows(std::nullopt));
  for (Role r : kRoles) EXPECT_EQ(parse_role(role_name(r)), r);
  EXPECT_FALSE(parse_role("root"));
}

class SessionStore : public testing::DatabaseTest {
 protected:
  std::int64_t user(bool disabled = false) {
    init_crypto();
    auto lease = db().acquire();
    auto id = create_user(*lease, {"s@example.org", "S", Role::partner, "nl", std::nullopt, {}}, 100);
    if (disabled) set_disabled(*lease, id, true, 100);
    return id;
  }
};

TEST_P(SessionStore, SessionsExpireAndAreRefreshedOnUse) {
  auto id = user();
  auto lease = db().acquire();
  auto raw = create_session(*lease, id, "192.0.2.1", 1000);
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM sessions WHERE id_hash = ?", {raw}).rows[0].int64(0), 0)
      << "only the digest is stored";
  auto s = find_session(*lease, raw, 1000 + 60);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->user.id, id);
  EXPECT_FALSE(s->csrf_token.empty());
  // Used after 11 hours: refreshed, so still valid 12 hours after that use.
  ASSERT_TRUE(find_session(*lease, raw, 1000 + 11 * 3600));
  EXPECT_TRUE(find_session(*lease, raw, 1000 + 22 * 3600));
  EXPECT_FALSE(find_session(*lease, raw, 1000 + 22 * 3600 + kSessionIdleSeconds + 1)) << "idle too long";
  EXPECT_FALSE(find_session(*lease, "forged", 1000));
  end_session(*lease, raw);
  EXPECT_FALSE(find_session(*lease, raw, 1000 + 60));
}

TEST_P(SessionStore, DisabledUsersHaveNoSessionsOrTokens) {
  auto id = user();
  auto lease = db().acquire();
  auto raw = create_session(*lease, id, "", 1000);
  auto token = create_api_token(*lease, id, "x", 1000);
  ASSERT_TRUE(user_for_api_token(*lease, token, 1000));
  set_disabled(*lease, id, true, 1001);
  EXPECT_FALSE(find_session(*lease, raw, 1002));
  EXPECT_FALSE(user_for_api_token(*lease, token, 1002));
}

TEST_P(SessionStore, InvitationsAreSingleUseAndExpire) {
  auto id = user();
  auto lease = db().acquire();
  auto raw = create_invitation(*lease, id, std::nullopt, 1000);
  EXPECT_TRUE(user_for_invitation(*lease, raw, 1001));
  EXPECT_FALSE(user_for_invitation(*lease, raw, 1000 + kInvitationSeconds + 1));
  use_invitation(*lease, raw, 1002);
  EXPECT_FALSE(user_for_invitation(*lease, raw, 1003));
}

TEST_P(SessionStore, TheAuditLogRefusesUpdatesAndDeletes) {
  auto lease = db().acquire();
  record_audit(*lease, {0, 1000, std::nullopt, "cli", "test", "", "", "", ""});
  EXPECT_THROW(lease->exec("UPDATE audit_log SET action = 'changed'"), store::StoreError);
  EXPECT_THROW(lease->exec("DELETE FROM audit_log"), store::StoreError);
  EXPECT_EQ(lease->exec("SELECT action FROM audit_log").rows.at(0).text(0), "test");
}

SAMEN_INSTANTIATE_FOR_BACKENDS(SessionStore);

}  // namespace
}  // namespace samen::accounts
