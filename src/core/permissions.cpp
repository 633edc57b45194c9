// The network's "own organisation" rules (see permissions.hpp).
#include "core/permissions.hpp"

#include <algorithm>

namespace samen::core {

using accounts::Access;
using accounts::Role;

bool acts_for_whole_network(const accounts::User& u) { return u.role == Role::admin || u.role == Role::coordinator; }

bool works_for(const accounts::User& u, std::string_view organization_id) {
  return u.role == Role::partner && !organization_id.empty() &&
         std::find(u.organizations.begin(), u.organizations.end(), organization_id) != u.organizations.end();
}

bool acts_for(const accounts::User& u, std::string_view organization_id) {
  return acts_for_whole_network(u) || works_for(u, organization_id);
}

std::optional<std::vector<std::string>> own_organizations(const accounts::User& u) {
  if (acts_for_whole_network(u)) return std::nullopt;
  return u.organizations;
}

Access network_readers() { return Access::signed_in(); }
Access network_editors() { return Access::only({Role::admin, Role::coordinator}); }
Access partner_editors() { return Access::only({Role::admin, Role::coordinator, Role::partner}); }

}  // namespace samen::core
