// Test support: an App on a test database, as every in-process page and API
// test needs it (no access log, a scratch data directory of its own, its own
// connection pool), and test accounts that share one argon2id hash (hashing
// is the slow part of a test's set-up).
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "accounts/audit.hpp"
#include "accounts/roles.hpp"
#include "accounts/secrets.hpp"
#include "accounts/users.hpp"
#include "app/app.hpp"
#include "support/test_db.hpp"

namespace samen::testing {

inline constexpr const char* kTestPassword = "correct horse battery";

// An App on `tdb` with `pool` connections; `adjust` may change the options first.
inline std::unique_ptr<app::App> make_test_app(TestDatabase& tdb, std::size_t pool = 4,
                                               const std::function<void(app::AppOptions&)>& adjust = {}) {
  app::AppOptions o;
  o.access_log = false;
  o.data_dir = tdb.scratch();  // a search index of its own per test
  if (adjust) adjust(o);
  return std::make_unique<app::App>(o, tdb.open_another(pool));
}

// An account with kTestPassword; returns its id.
inline std::int64_t add_test_user(store::Database& db, const std::string& email, accounts::Role role,
                                  const std::vector<std::string>& organizations = {},
                                  const std::string& name = "Test User") {
  static const std::string hash = accounts::hash_password(kTestPassword);
  auto lease = db.acquire();
  return accounts::create_user(*lease, {email, name, role, "nl", hash, organizations}, 1000);
}

// "<role>@example.org" for each role, the partner working for `partner_orgs`.
inline void add_one_user_per_role(store::Database& db, const std::vector<std::string>& partner_orgs = {}) {
  for (accounts::Role r : accounts::kRoles)
    add_test_user(db, std::string(accounts::role_name(r)) + "@example.org", r,
                  r == accounts::Role::partner ? partner_orgs : std::vector<std::string>{});
}

// How many audit entries have an action starting with `action`.
inline std::int64_t audit_count(store::Database& db, const std::string& action) {
  auto lease = db.acquire();
  accounts::AuditFilter f;
  f.action = action;
  return accounts::count_audit(*lease, f);
}

}  // namespace samen::testing
