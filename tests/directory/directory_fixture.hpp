// Test support for the staff side of the service map: an App on a fresh
// database of each backend, one account per role (the partner works for
// organisation A, not B), the family taxonomy, and helpers to make records
// directly through the repository and to read rows back.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "accounts/secrets.hpp"
#include "accounts/sessions.hpp"
#include "accounts/users.hpp"
#include "app/app.hpp"
#include "directory/model/records.hpp"
#include "directory/model/taxonomy.hpp"
#include "support/app_client.hpp"
#include "support/test_db.hpp"
#include "support/test_app.hpp"

namespace samen::testing {

inline constexpr const char* kStaffPassword = "correct horse battery";

class DirectoryAppTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    directory::seed_family_taxonomy(db());
    org_a = make_org("Kinderdagverblijf De Vlinder");
    org_b = make_org("Crèche Les Petits Pas");
    for (auto r : accounts::kRoles) {
      std::vector<std::string> orgs;
      if (r == accounts::Role::partner) orgs = {org_a};
      add_user(std::string(accounts::role_name(r)) + "@example.org", r, orgs);
    }
    app_ = testing::make_test_app(test_db(), 4);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }

  std::int64_t add_user(const std::string& email, accounts::Role role, const std::vector<std::string>& orgs = {}) {
    static const std::string hash = accounts::hash_password(kStaffPassword);
    auto lease = db().acquire();
    return accounts::create_user(*lease, {email, "Test User", role, "nl", hash, orgs}, 1000);
  }
  std::string token_for(const std::string& email) {
    auto lease = db().acquire();
    return accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, email)->id, "test", 1000);
  }
  // A client logged in with the role's account, holding a CSRF token (anonymous: none).
  std::unique_ptr<AppClient> client(std::optional<accounts::Role> role, const std::string& lang = "nl") {
    auto c = std::make_unique<AppClient>(*app_, lang);
    if (role) {
      auto r = c->login(std::string(accounts::role_name(*role)) + "@example.org", kStaffPassword);
      EXPECT_EQ(r.status, 303);
      c->get("/directory");
    } else {
      c->get("/login");
    }
    return c;
  }

  directory::Actor actor() const { return {"coordinator@example.org", 1'700'000'000}; }

  std::string make_org(const std::string& name) {
    directory::Organization o;
    o.name.nl = name;
    auto lease = db().acquire();
    directory::create_record(*lease, o, actor());
    return o.id;
  }
  std::string make_service(const std::string& name, const std::string& org, bool with_french = true) {
    directory::Service s;
    s.organization_id = org;
    s.name.nl = name;
    s.description.nl = "Beschrijving van " + name;
    if (with_french) {
      s.name.fr = name + " (fr)";
      s.description.fr = "Description de " + name;
    }
    auto lease = db().acquire();
    directory::create_record(*lease, s, actor());
    return s.id;
  }
  std::string make_location(const std::string& name, const std::string& org) {
    directory::Location l;
    l.organization_id = org;
    l.name.nl = name;
    l.address = {"Kerkstraat 1", "", "1090", ""};
    auto lease = db().acquire();
    directory::create_record(*lease, l, actor());
    return l.id;
  }
  std::string make_team(const std::string& name, const std::string& parent = "") {
    directory::Team t;
    t.name.nl = name;
    t.kind = parent.empty() ? "partnership" : "local_team";
    t.parent_id = parent;
    auto lease = db().acquire();
    directory::create_record(*lease, t, actor());
    return t.id;
  }

  std::int64_t count(const std::string& sql, const store::Params& p = {}) {
    auto lease = db().acquire();
    return lease->exec(sql, p).rows.at(0).int64(0);
  }
  std::string scalar(const std::string& sql, const store::Params& p = {}) {
    auto lease = db().acquire();
    auto r = lease->exec(sql, p);
    return r.empty() ? "" : r.rows[0].text(0);
  }
  std::int64_t updated_at(const std::string& table, const std::string& id) {
    return count("SELECT updated_at FROM " + table + " WHERE id = ?", {id});
  }

  std::unique_ptr<app::App> app_;
  std::string org_a, org_b;
};

}  // namespace samen::testing
