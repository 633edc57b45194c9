// The roles of Samen's users and what each may do in the shell. The public
// (families looking for help) needs no account and has no role.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace samen::accounts {

enum class Role { admin, coordinator, facilitator, partner, parent_rep };
inline constexpr Role kRoles[] = {Role::admin, Role::coordinator, Role::facilitator, Role::partner,
                                  Role::parent_rep};

std::string_view role_name(Role r);                   // stored form: "parent_rep"
std::optional<Role> parse_role(std::string_view s);   // accepts the stored form only
std::string_view role_label_key(Role r);              // catalog key: "role.parent_rep"

// Who may enter a route: anyone, any signed-in user, or one of some roles.
struct Access {
  enum class Kind { anyone, signed_in, roles } kind = Kind::anyone;
  std::vector<Role> roles;

  static Access anyone() { return {}; }
  static Access signed_in() { return {Kind::signed_in, {}}; }
  static Access only(std::vector<Role> r) { return {Kind::roles, std::move(r)}; }
  // Would a caller with this role (nullopt: anonymous) be let in?
  bool allows(std::optional<Role> caller) const;
};

}  // namespace samen::accounts
