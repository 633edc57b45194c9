// Role names and the access rule check.
#include "accounts/roles.hpp"

#include <algorithm>

namespace samen::accounts {

std::string_view role_name(Role r) {
  switch (r) {
    case Role::admin: return "admin";
    case Role::coordinator: return "coordinator";
    case Role::facilitator: return "facilitator";
    case Role::partner: return "partner";
    case Role::parent_rep: return "parent_rep";
  }
  return "partner";
}

std::optional<Role> parse_role(std::string_view s) {
  for (Role r : kRoles)
    if (role_name(r) == s) return r;
  return std::nullopt;
}

std::string_view role_label_key(Role r) {
  switch (r) {
    case Role::admin: return "role.admin";
    case Role::coordinator: return "role.coordinator";
    case Role::facilitator: return "role.facilitator";
    case Role::partner: return "role.partner";
    case Role::parent_rep: return "role.parent_rep";
  }
  return "role.partner";
}

bool Access::allows(std::optional<Role> caller) const {
  switch (kind) {
    case Kind::anyone: return true;
    case Kind::signed_in: return caller.has_value();
    case Kind::roles: return caller && std::find(roles.begin(), roles.end(), *caller) != roles.end();
  }
  return false;
}

}  // namespace samen::accounts
