// How modules plug into the shell: routes with their access rule, and
// navigation entries. Each module has one register_* function that adds
// both; app.cpp calls them in order, so the route table reads top to bottom.
#pragma once
#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "accounts/roles.hpp"
#include "app/context.hpp"
#include "http/router.hpp"

namespace samen::store {
class Connection;
}

namespace samen::app {

using Handler = std::function<http::Response(Context&)>;

struct Route {
  accounts::Access access;
  Handler handler;
  bool api = false;              // JSON route: bearer token, no CSRF, JSON errors
  std::size_t body_limit = 0;    // 0: the server default (1 MiB)
};

struct NavItem {
  std::string label_key;
  std::string href;
  accounts::Access access;
  std::string about_key;  // one line on a signed-in user's home page card ("" for no card)
  int weight = 50;        // menu order: lower first (modules register in dependency order)
};

// A part of a signed-in user's home page (e.g. an admin's overview, "my open
// follow-ups"): HTML rendered with the module's own template, "" when it has
// nothing to show for this user.
using HomePanel = std::function<std::string(Context&)>;

// A part of an earlier module's record page contributed by a later module,
// which owns the link (the toolbox's "methods used" on a journal activity, a
// plan's actions on a concern). The host page has already decided that the
// caller may see the record and passes its open connection and the record's
// id; the panel returns HTML rendered with its own module's template, "" when
// it has nothing to show. Slots are named "<host module>.<page>", e.g.
// "journal.activity", "directory.service"; ARCHITECTURE.md lists them.
using RecordPanel = std::function<std::string(Context&, store::Connection&, const std::string& record_id)>;

class Routes {
 public:
  void page(const std::string& method, const std::string& pattern, accounts::Access access, Handler h,
            std::size_t body_limit = 0) {
    router.add(method, pattern, Route{std::move(access), std::move(h), false, body_limit});
  }
  void api(const std::string& method, const std::string& pattern, accounts::Access access, Handler h,
           std::size_t body_limit = 0) {
    router.add(method, pattern, Route{std::move(access), std::move(h), true, body_limit});
  }
  void nav_item(NavItem item) {
    auto at = std::upper_bound(nav.begin(), nav.end(), item.weight,
                               [](int w, const NavItem& n) { return w < n.weight; });
    nav.insert(at, std::move(item));
  }
  void home_panel(HomePanel panel) { home_panels.push_back(std::move(panel)); }
  void record_panel(const std::string& slot, RecordPanel panel) { record_panels[slot].push_back(std::move(panel)); }
  // The contributed panels of a record page, in module order, empty ones left out.
  std::vector<std::string> render_record_panels(const std::string& slot, Context& ctx, store::Connection& c,
                                                const std::string& record_id) const {
    std::vector<std::string> out;
    auto it = record_panels.find(slot);
    if (it == record_panels.end()) return out;
    for (const auto& panel : it->second) {
      std::string html = panel(ctx, c, record_id);
      if (!html.empty()) out.push_back(std::move(html));
    }
    return out;
  }
  // Every answer under this path prefix, errors and unknown paths included,
  // may be read by pages of any origin (Access-Control-Allow-Origin: *):
  // public read-only APIs whose profile requires it.
  void open_to_any_origin(std::string path_prefix) { any_origin_prefixes.push_back(std::move(path_prefix)); }

  http::Router<Route> router;
  std::vector<NavItem> nav;          // in menu order
  std::vector<HomePanel> home_panels;
  std::map<std::string, std::vector<RecordPanel>> record_panels;  // by slot
  std::vector<std::string> any_origin_prefixes;
};

}  // namespace samen::app
