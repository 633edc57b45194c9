// The application shell's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): home page, health, metrics, OpenAPI.
#include "support/route_access.hpp"

namespace samen::testing {
namespace {

std::vector<RouteCase> shell_cases(RouteWorld&) {
  return {
      {"GET", "/", "", kPublicPage},
      {"GET", "/healthz", "", kPublicApi},
      // The test client is not on loopback: only an admin's token may read the metrics.
      {"GET", "/metrics", "", {401, 200, 403, 403, 403, 403}},
      {"GET", "/api/v1/openapi.json", "", kPublicApi},
  };
}

const bool registered = register_route_cases(&shell_cases);

}  // namespace
}  // namespace samen::testing
