// The request pipeline and the accounts routes, in-process on both
// databases: routing, languages, CSRF, access per role, login throttling,
// sessions, API tokens, audit, escaping and error answers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "accounts/audit.hpp"
#include "accounts/secrets.hpp"
#include "accounts/sessions.hpp"
#include "accounts/throttle.hpp"
#include "accounts/users.hpp"
#include "app/app.hpp"
#include "demo/demo.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "web/embedded.hpp"

namespace samen {
namespace {

using accounts::Role;
using testing::AppClient;

constexpr const char* kPassword = testing::kTestPassword;

class AppTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    app_ = testing::make_test_app(test_db(), 4, [](app::AppOptions& o) { o.metrics_allow = {"198.51.100.9"}; });
    for (Role r : accounts::kRoles) add_user(std::string(accounts::role_name(r)) + "@example.org", r);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::int64_t add_user(const std::string& email, Role role, const std::string& name = "Test User") {
    return testing::add_test_user(db(), email, role, {}, name);
  }
  std::int64_t audit_count(const std::string& action) { return testing::audit_count(db(), action); }
  std::unique_ptr<app::App> app_;
};

TEST_P(AppTest, HealthzAnswersOkWhenTheDatabaseAnswers) {
  AppClient c(*app_);
  auto r = c.get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["status"], "ok");
}

TEST_P(AppTest, LanguageFollowsQueryThenCookieThenAcceptLanguage) {
  AppClient fr(*app_, "fr-BE,fr;q=0.9");
  EXPECT_NE(fr.get("/").body.find("<html lang=\"fr\">"), std::string::npos);
  auto en = fr.get("/?lang=en");
  EXPECT_NE(en.body.find("<html lang=\"en\">"), std::string::npos);
  // The choice is remembered in a cookie for the next page without ?lang.
  EXPECT_NE(fr.get("/login").body.find("<html lang=\"en\">"), std::string::npos);
  AppClient nl(*app_, "nl");
  EXPECT_NE(nl.get("/").body.find("<html lang=\"nl\">"), std::string::npos);
  // The switch offers all three languages on every page.
  auto page = nl.get("/login");
  for (const char* code : {"lang=nl", "lang=fr", "lang=en"}) EXPECT_NE(page.body.find(code), std::string::npos);
}

TEST_P(AppTest, UnknownRoutesAndMethodsGetLocalizedErrors) {
  AppClient fr(*app_, "fr");
  auto page = fr.get("/no/such/page");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("Cette page n&#39;existe pas."), std::string::npos);
  auto api = fr.get("/api/v1/nothing");
  EXPECT_EQ(api.status, 404);
  auto j = nlohmann::json::parse(api.body);
  EXPECT_EQ(j["error"]["code"], "not_found");
  EXPECT_EQ(j["error"]["message"], "Cette page n'existe pas.");
  auto wrong = fr.request("DELETE", "/login");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_NE(wrong.header("Allow").value_or("").find("POST"), std::string::npos);
}

TEST_P(AppTest, EveryResponseCarriesSecurityHeaders) {
  AppClient c(*app_);
  for (const char* path : {"/", "/login", "/nowhere", "/healthz"}) {
    auto r = c.get(path);
    auto csp = r.header("Content-Security-Policy").value_or("");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_TRUE(r.header("Referrer-Policy").has_value()) << path;
  }
}

TEST_P(AppTest, LoginWithoutOrWithForgedCsrfIsRefused) {
  AppClient c(*app_);
  auto none = c.request("POST", "/login", "email=admin%40example.org&password=x");
  EXPECT_EQ(none.status, 403);
  c.get("/login");
  auto forged = c.request("POST", "/login", "_csrf=forged&email=admin%40example.org&password=" +
                                                http::url_encode(kPassword));
  EXPECT_EQ(forged.status, 403);
  EXPECT_FALSE(c.has_cookie("samen_session"));
}

TEST_P(AppTest, LoginShowsNameAndLogoutEndsTheSession) {
  AppClient c(*app_);
  auto r = c.login("coordinator@example.org", kPassword);
  ASSERT_EQ(r.status, 303);
  ASSERT_TRUE(c.has_cookie("samen_session"));
  auto home = c.get("/");
  EXPECT_NE(home.body.find("Test User"), std::string::npos);
  EXPECT_EQ(audit_count("login"), 1);
  EXPECT_EQ(c.post("/logout", "").status, 303);
  EXPECT_FALSE(c.has_cookie("samen_session"));
  EXPECT_EQ(c.get("/profile").status, 303);  // back to the login page
}

TEST_P(AppTest, UnknownAccountAndWrongPasswordGetTheSameAnswer) {
  AppClient a(*app_), b(*app_);
  auto wrong = a.login("partner@example.org", "not the password");
  auto unknown = b.login("nobody@example.org", "not the password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, wrong.status);
  auto strip = [](std::string body, const std::string& email) {
    for (size_t p; (p = body.find(email)) != std::string::npos;) body.erase(p, email.size());
    for (size_t p; (p = body.find("value=\"")) != std::string::npos;) body.erase(p, body.find('"', p + 7) - p + 1);
    return body;
  };
  EXPECT_EQ(strip(wrong.body, "partner@example.org"), strip(unknown.body, "nobody@example.org"));
  EXPECT_EQ(audit_count("login.failed"), 2);
}

TEST_P(AppTest, TenFailuresLockTheAccountEvenForTheRightPassword) {
  AppClient c(*app_);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(c.login("facilitator@example.org", "wrong password!").status, 401);
  AppClient other(*app_);
  other.ip = "198.51.100.7";  // another address: the account lock applies
  auto r = other.login("facilitator@example.org", kPassword);
  EXPECT_EQ(r.status, 429);
  // Retry-After: the seconds left of the 15-minute lock.
  auto wait = std::stol(r.header("Retry-After").value_or("0"));
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, accounts::kAccountPolicy.lock_seconds);
  EXPECT_FALSE(other.has_cookie("samen_session"));
  // Another account from the first address still works (address limit is higher).
  EXPECT_EQ(c.login("partner@example.org", kPassword).status, 303);
}

TEST_P(AppTest, AdminPagesAreForAdminsOnly) {
  const char* pages[] = {"/admin/users", "/admin/audit", "/admin/tokens"};
  AppClient anon(*app_);
  for (auto p : pages) {
    auto r = anon.get(p);
    EXPECT_EQ(r.status, 303) << p;
    EXPECT_EQ(r.header("Location").value_or("").rfind("/login", 0), 0u) << p;
  }
  for (Role role : accounts::kRoles) {
    AppClient c(*app_);
    ASSERT_EQ(c.login(std::string(accounts::role_name(role)) + "@example.org", kPassword).status, 303);
    for (auto p : pages) EXPECT_EQ(c.get(p).status, role == Role::admin ? 200 : 403) << p << " as " << role_name(role);
    EXPECT_EQ(c.get("/profile").status, 200);
    // A state change by a non-admin is refused too, not only the page.
    auto post = c.post("/admin/tokens", "label=x");
    EXPECT_EQ(post.status, role == Role::admin ? 201 : 403);
  }
}

TEST_P(AppTest, AdminInvitesAUserWhoSetsAPasswordAndLogsIn) {
  AppClient admin(*app_);
  admin.login("admin@example.org", kPassword);
  admin.get("/admin/users");
  auto r = admin.post("/admin/users", "email=New.Person%40Example.org&name=Nieuwe+Partner&role=partner");
  ASSERT_EQ(r.status, 201) << r.body;
  auto at = r.body.find("/invite/");
  ASSERT_NE(at, std::string::npos);
  std::string link = r.body.substr(at, r.body.find('<', at) - at);
  AppClient invited(*app_);
  ASSERT_EQ(invited.get(link).status, 200);
  EXPECT_EQ(invited.post(link, "new_password=short&confirm_password=short").status, 422);
  EXPECT_EQ(invited.post(link, "new_password=a+long+enough+one&confirm_password=a+long+enough+one").status, 303);
  EXPECT_EQ(invited.get(link).status, 404);  // used once
  EXPECT_EQ(invited.login("new.person@example.org", "a long enough one").status, 303);
  EXPECT_EQ(audit_count("user.invited"), 1);
  EXPECT_EQ(audit_count("invitation.accepted"), 1);
}

TEST_P(AppTest, RoleChangesAreAuditedAndDisablingEndsSessions) {
  auto id = add_user("worker@example.org", Role::partner);
  AppClient worker(*app_);
  ASSERT_EQ(worker.login("worker@example.org", kPassword).status, 303);
  AppClient admin(*app_);
  admin.login("admin@example.org", kPassword);
  admin.get("/admin/users/" + std::to_string(id));
  EXPECT_EQ(admin.post("/admin/users/" + std::to_string(id), "role=coordinator").status, 303);
  EXPECT_EQ(audit_count("user.role"), 1);
  EXPECT_EQ(admin.post("/admin/users/" + std::to_string(id), "role=coordinator&disabled=1").status, 303);
  EXPECT_EQ(worker.get("/profile").status, 303);  // session ended
  EXPECT_EQ(worker.login("worker@example.org", kPassword).status, 401);
  // Admins cannot lock themselves out.
  auto self = add_user("admin2@example.org", Role::admin);
  AppClient a2(*app_);
  a2.login("admin2@example.org", kPassword);
  a2.get("/admin/users/" + std::to_string(self));
  EXPECT_EQ(a2.post("/admin/users/" + std::to_string(self), "role=partner").status, 422);
}

TEST_P(AppTest, ApiTokensAuthenticateUntilRevoked) {
  AppClient c(*app_);
  EXPECT_EQ(c.get("/api/v1/me").status, 401);
  std::string token;
  {
    auto lease = db().acquire();
    auto u = accounts::find_user_by_email(*lease, "coordinator@example.org");
    token = accounts::create_api_token(*lease, u->id, "test", 1000);
  }
  auto bearer = http::Headers{{"authorization", "Bearer " + token}};
  auto me = c.request("GET", "/api/v1/me", "", "", bearer);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(nlohmann::json::parse(me.body)["role"], "coordinator");
  EXPECT_EQ(c.request("GET", "/api/v1/users", "", "", bearer).status, 403);
  {
    auto lease = db().acquire();
    EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?", {token}).rows[0].int64(0), 0)
        << "tokens are stored hashed";
    accounts::revoke_api_token(*lease, accounts::list_api_tokens(*lease).at(0).id, 2000);
  }
  EXPECT_EQ(c.request("GET", "/api/v1/me", "", "", bearer).status, 401);
  // Session cookies do not authenticate the API.
  AppClient browser(*app_);
  browser.login("admin@example.org", kPassword);
  EXPECT_EQ(browser.get("/api/v1/me").status, 401);
}

TEST_P(AppTest, ApiPaginationIsValidated) {
  std::string token;
  {
    auto lease = db().acquire();
    token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, "admin@example.org")->id, "t", 1);
  }
  AppClient c(*app_);
  auto bearer = http::Headers{{"authorization", "Bearer " + token}};
  auto page = nlohmann::json::parse(c.request("GET", "/api/v1/users?per_page=2&page=2", "", "", bearer).body);
  EXPECT_EQ(page["total_items"], 5);
  EXPECT_EQ(page["contents"].size(), 2u);
  EXPECT_EQ(page["page_number"], 2);
  EXPECT_EQ(page["total_pages"], 3);
  for (const char* bad : {"per_page=0", "per_page=201", "page=abc", "page=-1"})
    EXPECT_EQ(c.request("GET", std::string("/api/v1/users?") + bad, "", "", bearer).status, 400) << bad;
  EXPECT_EQ(audit_count("users.read"), 1);
}

TEST_P(AppTest, InvalidUtf8AndMalformedFormsAreRejectedWithoutChanges) {
  AppClient admin(*app_);
  admin.login("admin@example.org", kPassword);
  admin.get("/admin/users");
  std::int64_t before;
  {
    auto lease = db().acquire();
    before = accounts::count_users(*lease);
  }
  EXPECT_EQ(admin.post("/admin/users", "email=x%40y.org&name=%C3%28&role=partner").status, 400);
  EXPECT_EQ(admin.post("/admin/users", "email=x%40y.org&name=%zz&role=partner").status, 400);
  EXPECT_EQ(admin.request("POST", "/admin/users", "{\"a\":1}", "application/json").status, 415);
  auto lease = db().acquire();
  EXPECT_EQ(accounts::count_users(*lease), before);
}

TEST_P(AppTest, HostileNamesAreEscapedEverywhere) {
  add_user("evil@example.org", Role::partner, "<script>alert(1)</script>\"'");
  AppClient c(*app_);
  c.login("evil@example.org", kPassword);
  auto home = c.get("/");
  EXPECT_EQ(home.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(home.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  AppClient admin(*app_);
  admin.login("admin@example.org", kPassword);
  EXPECT_EQ(admin.get("/admin/users").body.find("<script>alert"), std::string::npos);
}

TEST_P(AppTest, ProfileSavesNameAndLanguage) {
  AppClient c(*app_);
  c.login("parent_rep@example.org", kPassword);
  c.get("/profile");
  EXPECT_EQ(c.post("/profile", "name=&lang=fr").status, 422);
  EXPECT_EQ(c.post("/profile", "name=Ouder+Een&lang=fr").status, 303);
  auto page = c.get("/profile");
  EXPECT_NE(page.body.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(page.body.find("Ouder Een"), std::string::npos);
}

TEST_P(AppTest, DemoNetworkLoadsIdempotently) {
  demo::load_network(db(), 1000);
  demo::load_network(db(), 2000);
  auto lease = db().acquire();
  EXPECT_GE(lease->exec("SELECT COUNT(*) FROM organizations").rows[0].int64(0), 25);
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM teams WHERE kind = 'local_team'").rows[0].int64(0), 2);
  for (const char* role : {"coordinator", "facilitator", "partner", "parent_rep"})
    EXPECT_GE(lease->exec("SELECT COUNT(*) FROM users WHERE role = ?", {std::string(role)}).rows[0].int64(0), 2) << role;
  auto p1 = demo::reset_demo_admin(db(), 3000);
  auto p2 = demo::reset_demo_admin(db(), 3001);
  EXPECT_NE(p1, p2);
  AppClient c(*app_);
  EXPECT_EQ(c.login(demo::kAdminEmail, p1).status, 401);
  EXPECT_EQ(c.login(demo::kAdminEmail, p2).status, 303);
}

// Behind a proxy on the same host every peer is local: a loopback address
// proves nothing. An admin token or an allowed address does.
TEST_P(AppTest, MetricsAreForAnAdminTokenOrAnAllowedAddress) {
  AppClient remote(*app_);
  remote.get("/");
  EXPECT_EQ(remote.get("/metrics").status, 401);
  AppClient local(*app_);
  local.ip = "127.0.0.1";
  EXPECT_EQ(local.get("/metrics").status, 401) << "a local peer is not enough";
  AppClient scraper(*app_);
  scraper.ip = "198.51.100.9";
  auto m = scraper.get("/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("samen_http_requests_total{route=\"/\",status=\"200\"}"), std::string::npos);
  EXPECT_NE(m.body.find("samen_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(m.body.find("samen_db_pool_connections"), std::string::npos);
  std::string admin_token, partner_token;
  {
    auto lease = db().acquire();
    admin_token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, "admin@example.org")->id, "m", 1);
    partner_token =
        accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, "partner@example.org")->id, "m", 1);
  }
  EXPECT_EQ(local.request("GET", "/metrics", "", "", {{"authorization", "Bearer " + admin_token}}).status, 200);
  EXPECT_EQ(local.request("GET", "/metrics", "", "", {{"authorization", "Bearer " + partner_token}}).status, 403);
}

// The OpenAPI document lists exactly the JSON routes of the router.
TEST_P(AppTest, OpenApiDocumentMatchesTheRouter) {
  auto doc = nlohmann::json::parse(*embedded::find("api/openapi.json"));
  std::set<std::string> documented, routed;
  for (auto& [path, ops] : doc["paths"].items())
    for (auto& [method, op] : ops.items()) {
      std::string m = method;
      for (auto& ch : m) ch = static_cast<char>(std::toupper(ch));
      documented.insert(m + " " + path);
    }
  // The HSDS API (/hsds/...) has its own document, Open Referral's, at /hsds/openapi.json.
  for (const auto& r : app_->routes().router.routes())
    if (r.handler.api && !r.pattern.starts_with("/hsds")) routed.insert(r.method + " " + r.pattern);
  EXPECT_EQ(documented, routed);
  EXPECT_EQ(doc["openapi"], "3.1.0");
}

TEST_P(AppTest, RecordPanelsRenderInModuleOrderAndLeaveOutEmptyOnes) {
  // A later module's part of an earlier module's record page: given the
  // host's connection and the record's id, "" for nothing to show.
  app::Routes r;
  r.record_panel("journal.activity", [](app::Context&, store::Connection&, const std::string& id) {
    return "<p>first " + id + "</p>";
  });
  r.record_panel("journal.activity", [](app::Context&, store::Connection&, const std::string&) { return std::string(); });
  r.record_panel("journal.activity", [](app::Context&, store::Connection& c, const std::string&) {
    return "<p>second " + c.exec("SELECT 'two'").rows.at(0).text(0) + "</p>";
  });
  r.record_panel("directory.service", [](app::Context&, store::Connection&, const std::string&) { return "<p>x</p>"; });
  http::Request req;
  app::Context ctx(*app_, req);
  auto lease = app_->db().acquire();
  auto html = r.render_record_panels("journal.activity", ctx, *lease, "a1");
  ASSERT_EQ(html.size(), 2u);
  EXPECT_EQ(html[0], "<p>first a1</p>");
  EXPECT_EQ(html[1], "<p>second two</p>");
  EXPECT_TRUE(r.render_record_panels("plan.action", ctx, *lease, "a1").empty());
}

SAMEN_INSTANTIATE_FOR_BACKENDS(AppTest);

}  // namespace
}  // namespace samen
