// How modules plug into the shell: routes with their access rule, and
// navigation entries. Each module has one register_* function that adds
// both; app.cpp calls them in order, so the route table reads top to bottom.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "accounts/roles.hpp"
#include "app/context.hpp"
#include "http/router.hpp"

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
};

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
  void nav_item(NavItem item) { nav.push_back(std::move(item)); }

  http::Router<Route> router;
  std::vector<NavItem> nav;
};

}  // namespace samen::app
