// The app-wide route × role table, assembled from every module's own part:
// each module's tests register a function that makes the records its routes
// need and returns one RouteCase per route (more where the answer depends on
// whose record it is). tests/app/route_access_test.cpp checks that every
// route of the router is in the table and that each caller gets the status
// the table says.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/roles.hpp"
#include "app/app.hpp"

namespace samen::testing {

// Expected status per caller: anonymous, then each role. The partner works
// for organisation A; cases on organisation B's records show what another
// organisation's partner gets.
struct RoleExpect {
  int anonymous, admin, coordinator, facilitator, partner, parent_rep;
  int of(std::optional<accounts::Role> r) const {
    if (!r) return anonymous;
    switch (*r) {
      case accounts::Role::admin: return admin;
      case accounts::Role::coordinator: return coordinator;
      case accounts::Role::facilitator: return facilitator;
      case accounts::Role::partner: return partner;
      case accounts::Role::parent_rep: return parent_rep;
    }
    return 0;
  }
};

struct RouteCase {
  std::string method, path;
  std::string body;          // form fields (pages, CSRF added) or JSON (API routes)
  RoleExpect expect;
};

// What every module's cases may use: the App, its database, two
// organisations and one account per role (the partner in organisation A).
struct RouteWorld {
  app::App& app;
  std::string org_a, org_b;
  std::map<accounts::Role, std::int64_t> user_ids;
};

using RouteCaseSource = std::vector<RouteCase> (*)(RouteWorld&);

// Registers a module's cases; use as `const bool registered = register_route_cases(&cases);`.
bool register_route_cases(RouteCaseSource source);
const std::vector<RouteCaseSource>& route_case_sources();

// Common answers.
inline constexpr RoleExpect kPublicPage{200, 200, 200, 200, 200, 200};
inline constexpr RoleExpect kPublicApi{200, 200, 200, 200, 200, 200};

}  // namespace samen::testing
