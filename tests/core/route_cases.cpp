// The core module's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): the network page, its exports and the
// network API.
#include "support/route_access.hpp"

namespace samen::testing {
namespace {

std::vector<RouteCase> core_cases(RouteWorld&) {
  //                          anonymous admin coord facil partner parent_rep
  const RoleExpect readers_page{303, 200, 200, 200, 200, 200};
  const RoleExpect readers_api{401, 200, 200, 200, 200, 200};
  const RoleExpect people_api{401, 200, 200, 403, 403, 403};
  return {
      {"GET", "/network", "", readers_page},
      {"GET", "/network?format=csv", "", readers_page},
      {"GET", "/network?format=xlsx", "", readers_page},
      {"GET", "/api/v1/network/teams", "", readers_api},
      {"GET", "/api/v1/network/organizations?page=1&per_page=10", "", readers_api},
      {"GET", "/api/v1/network/people", "", people_api},
  };
}

const bool registered = register_route_cases(&core_cases);

}  // namespace
}  // namespace samen::testing
