// The registry behind route_access.hpp.
#include "support/route_access.hpp"

namespace samen::testing {

namespace {
std::vector<RouteCaseSource>& sources() {
  static std::vector<RouteCaseSource> s;
  return s;
}
}  // namespace

bool register_route_cases(RouteCaseSource source) {
  sources().push_back(source);
  return true;
}

const std::vector<RouteCaseSource>& route_case_sources() { return sources(); }

}  // namespace samen::testing
