// The staff side's permission rules per kind of record (see permissions.hpp).
#include "directory/model/permissions.hpp"

namespace samen::directory {

namespace {
// Services and locations are what partners add and retire for their organisations.
bool partner_owned(RecordKind k) { return k == RecordKind::service || k == RecordKind::location; }
}  // namespace

bool may_create(const accounts::User& u, RecordKind k, const std::string& owner_org) {
  if (core::acts_for_whole_network(u)) return true;
  return partner_owned(k) && core::works_for(u, owner_org);
}

bool may_create_some(const accounts::User& u, RecordKind k) {
  if (core::acts_for_whole_network(u)) return true;
  return partner_owned(k) && u.role == accounts::Role::partner && !u.organizations.empty();
}

bool may_edit(const accounts::User& u, RecordKind k, const std::string& owner_org) {
  if (core::acts_for_whole_network(u)) return true;
  return k != RecordKind::team && core::works_for(u, owner_org);
}

bool may_archive(const accounts::User& u, RecordKind k, const std::string& owner_org) {
  if (core::acts_for_whole_network(u)) return true;
  return partner_owned(k) && core::works_for(u, owner_org);
}

bool may_verify(const accounts::User& u) { return core::acts_for_whole_network(u); }

bool may_link_location(const accounts::User& u, const std::string& location_org) {
  return core::acts_for(u, location_org);
}

}  // namespace samen::directory
