// The one app-wide route × role test: every route of the router must appear
// in the table the modules' tests assemble (support/route_access.hpp), and
// each caller — anonymous, each role, and another organisation's partner on
// organisation B's records — must get the status the table says, through
// the whole pipeline (session cookie and CSRF for pages, bearer token for
// the API). Every page a caller may open is also read in nl, fr and en: no
// catalog key may show (a missing text falls back to its key), and every
// template must have been rendered by some page.
#include <gtest/gtest.h>

#include <mutex>
#include <regex>
#include <set>

#include "accounts/sessions.hpp"
#include "directory/directory_fixture.hpp"
#include "support/route_access.hpp"
#include "web/embedded.hpp"
#include "web/render.hpp"

namespace samen {
namespace {

using accounts::Role;

std::mutex g_rendered_mutex;
std::set<std::string> g_rendered;
void note_render(std::string_view name) {
  std::lock_guard lock(g_rendered_mutex);
  g_rendered.emplace(name);
}

// What a reader sees of a page: its text and the attributes read out or shown,
// less identifiers shown as <code> on purpose (the audit log's action codes).
std::string visible_text(const std::string& raw) {
  static const std::regex code("<code>[^<]*</code>");
  const std::string html = std::regex_replace(raw, code, "");
  static const std::regex attrs(R"re((?:aria-label|placeholder|title|alt)="([^"]*)")re");
  std::string out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), attrs); it != std::sregex_iterator(); ++it)
    out += (*it)[1].str() + "\n";
  static const std::regex tags("<[^>]*>");
  return out + std::regex_replace(html, tags, "\n");
}

// Catalog keys (or key-like names under a catalog prefix) shown as text.
std::vector<std::string> visible_keys(const std::string& html) {
  static const std::set<std::string> prefixes = [] {
    std::set<std::string> p;
    for (const auto& k : i18n::Catalog::embedded().keys(i18n::Lang::en)) p.insert(k.substr(0, k.find('.')));
    return p;
  }();
  static const std::regex key(R"(\b([a-z_]+)\.[a-z_0-9]+(\.[a-z_0-9]+)*\b)");
  std::vector<std::string> found;
  std::string text = visible_text(html);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator(); ++it)
    if (prefixes.contains((*it)[1].str())) found.push_back(it->str());
  if (html.find("[[") != std::string::npos) found.push_back("an unbaked [[marker]]");
  return found;
}

class RouteAccess : public testing::DirectoryAppTest {
 protected:
  // One request as `role` (nullopt: anonymous), with a fresh session or token,
  // so a case that logs out or changes the account leaves the next untouched.
  http::Response call(const testing::RouteCase& c, std::optional<Role> role, bool api, const std::string& lang = "en") {
    testing::AppClient client(*app_, lang);
    http::Headers extra;
    std::string csrf;
    if (role) {
      auto lease = db().acquire();
      auto user_id = world_->user_ids.at(*role);
      if (api) {
        extra.emplace_back("authorization", "Bearer " + accounts::create_api_token(*lease, user_id, "route test", 1000));
      } else {
        std::string sid = accounts::create_session(*lease, user_id, "192.0.2.10", app::unix_now());
        client.set_cookie("samen_session", sid);
        csrf = accounts::find_session(*lease, sid, app::unix_now())->csrf_token;
      }
    } else if (!api) {
      client.get("/login");  // an anonymous visitor's CSRF cookie and token
      csrf = client.csrf();
    }
    if (api) {
      if (c.method == "GET" || c.method == "DELETE") return client.request(c.method, c.path, "", "", extra);
      return client.request(c.method, c.path, c.body.empty() ? "{}" : c.body, "application/json", extra);
    }
    if (c.method == "GET") return client.request("GET", c.path, "", "", extra);
    return client.request(c.method, c.path, "_csrf=" + csrf + (c.body.empty() ? "" : "&" + c.body),
                          "application/x-www-form-urlencoded", extra);
  }

  std::unique_ptr<testing::RouteWorld> world_;
};

TEST_P(RouteAccess, EveryRouteAnswersEachCallerAsTheTableSays) {
  world_ = std::make_unique<testing::RouteWorld>(testing::RouteWorld{*app_, org_a, org_b, {}});
  for (Role r : accounts::kRoles) {
    auto lease = db().acquire();
    world_->user_ids[r] = accounts::find_user_by_email(*lease, std::string(accounts::role_name(r)) + "@example.org")->id;
  }
  std::vector<testing::RouteCase> cases;
  for (auto source : testing::route_case_sources()) {
    auto part = source(*world_);
    cases.insert(cases.end(), part.begin(), part.end());
  }

  // Every route of the router has at least one case, and every case reaches a route.
  std::set<std::string> routed, covered;
  for (const auto& r : app_->routes().router.routes()) routed.insert(r.method + " " + r.pattern);
  for (const auto& c : cases) {
    auto m = app_->routes().router.match(c.method, c.path.substr(0, c.path.find('?')));
    ASSERT_NE(m.route, nullptr) << c.method << " " << c.path << " matches no route";
    covered.insert(c.method + " " + m.route->pattern);
  }
  for (const auto& r : routed) EXPECT_TRUE(covered.contains(r)) << r << " is missing from the route × role table";

  web::set_render_observer(note_render);
  std::optional<Role> callers[] = {std::nullopt, Role::admin, Role::coordinator, Role::facilitator, Role::partner,
                                   Role::parent_rep};
  // Caller by caller, as a person would go through the pages (archive before restore).
  for (auto role : callers) {
    for (const auto& c : cases) {
      auto m = app_->routes().router.match(c.method, c.path.substr(0, c.path.find('?')));
      bool api = m.route->handler.api;
      auto r = call(c, role, api);
      EXPECT_EQ(r.status, c.expect.of(role))
          << c.method << " " << c.path << " as " << (role ? accounts::role_name(*role) : "anonymous") << "\n"
          << r.body.substr(0, 300);
      // Anonymous callers of pages that need an account are sent to the login page.
      if (!role && !api && r.status == 303 && c.expect.anonymous == 303 && c.path != "/login" &&
          c.path.rfind("/invite/", 0) != 0 && c.path.rfind("/survey/", 0) != 0 && c.path != "/logout")
        EXPECT_EQ(r.header("Location").value_or("").rfind("/login", 0), 0u) << c.path;
      if (api || c.method != "GET" || r.status != 200 ||
          !r.header("content-type").value_or("").starts_with("text/html"))
        continue;
      for (const char* lang : {"nl", "fr", "en"}) {
        auto page = std::string(lang) == "en" ? r : call(c, role, false, lang);
        for (const auto& k : visible_keys(page.body))
          ADD_FAILURE() << c.path << " in " << lang << " as " << (role ? accounts::role_name(*role) : "anonymous")
                        << " shows the catalog key " << k;
      }
    }
  }
  web::set_render_observer(nullptr);

  // Every template was rendered by some page, so every one was read for keys.
  // The spreadsheet import's later steps need a real upload: spreadsheet_test.cpp renders them; so does
  // the codebook import's preview (coding_import_test.cpp).
  const std::set<std::string> rendered_elsewhere = {"sheet_mapping", "sheet_preview", "sheet_done",
                                                    "journal_code_import_preview"};
  for (const auto& f : embedded::all()) {
    if (!f.name.starts_with("templates/")) continue;
    std::string name(f.name.substr(10, f.name.size() - 14));
    if (!rendered_elsewhere.contains(name))
      EXPECT_TRUE(g_rendered.contains(name)) << "no page of the route table renders the template " << name;
  }
}

SAMEN_INSTANTIATE_FOR_BACKENDS(RouteAccess);

}  // namespace
}  // namespace samen
