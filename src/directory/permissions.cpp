// The staff side's permission rules (see permissions.hpp).
#include "directory/permissions.hpp"

#include <algorithm>

namespace samen::directory {

using accounts::Access;
using accounts::Role;

Access staff_readers() { return Access::signed_in(); }
Access staff_editors() { return Access::only({Role::admin, Role::coordinator, Role::partner}); }
Access network_editors() { return Access::only({Role::admin, Role::coordinator}); }

bool edits_everything(const accounts::User& u) { return u.role == Role::admin || u.role == Role::coordinator; }

namespace {
bool works_for(const accounts::User& u, const std::string& org) {
  return !org.empty() && std::find(u.organizations.begin(), u.organizations.end(), org) != u.organizations.end();
}
}  // namespace

bool may_create(const accounts::User& u, RecordKind k, const std::string& owner_org) {
  if (edits_everything(u)) return true;
  if (u.role != Role::partner) return false;
  return (k == RecordKind::service || k == RecordKind::location) && works_for(u, owner_org);
}

bool may_edit(const accounts::User& u, RecordKind k, const std::string& owner_org) {
  if (edits_everything(u)) return true;
  if (u.role != Role::partner || k == RecordKind::team) return false;
  return works_for(u, owner_org);
}

bool may_archive(const accounts::User& u, RecordKind k, const std::string& owner_org) {
  if (edits_everything(u)) return true;
  if (u.role != Role::partner) return false;
  return (k == RecordKind::service || k == RecordKind::location) && works_for(u, owner_org);
}

bool may_verify(const accounts::User& u) { return edits_everything(u); }

bool may_link_location(const accounts::User& u, const std::string& location_org) {
  return edits_everything(u) || works_for(u, location_org);
}

std::optional<std::vector<std::string>> own_organizations(const accounts::User& u) {
  if (edits_everything(u)) return std::nullopt;
  return u.organizations;
}

}  // namespace samen::directory
