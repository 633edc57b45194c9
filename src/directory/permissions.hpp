// Who may do what on the staff side of the service map. Coordinators and
// admins edit everything; partner staff edit the records of their own
// organisations; facilitators and parent representatives only read; the
// public sees none of it (the finder is public). Plain logic, no I/O.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "accounts/roles.hpp"
#include "accounts/users.hpp"
#include "directory/records.hpp"

namespace samen::directory {

// Route-level rules, for Routes::page / Routes::api.
accounts::Access staff_readers();  // every signed-in role
accounts::Access staff_editors();  // admin, coordinator, partner (record checks follow)
accounts::Access network_editors();  // admin, coordinator: organisations' creation, teams

bool edits_everything(const accounts::User& u);  // admin or coordinator
// May the user create a record of this kind owned by this organisation
// (services and locations: their organization_id; organisations and teams: "")?
bool may_create(const accounts::User& u, RecordKind k, const std::string& owner_org);
// May the user change (edit, mark verified) a record owned by owner_org (an
// organisation: its own id)?
bool may_edit(const accounts::User& u, RecordKind k, const std::string& owner_org);
// May the user archive or restore it?
bool may_archive(const accounts::User& u, RecordKind k, const std::string& owner_org);
// May the user mark a service verified (assured_date, assurer_email)? Only
// coordinators (and admins): a partner's own records must still reach the
// review list.
bool may_verify(const accounts::User& u);
// May the user link a service to a location owned by location_org? A
// partner links only its own organisations' locations; another
// organisation's location needs a coordinator.
bool may_link_location(const accounts::User& u, const std::string& location_org);
// The organisations whose records the user sees in review lists and may pick
// in forms: nullopt = all.
std::optional<std::vector<std::string>> own_organizations(const accounts::User& u);

}  // namespace samen::directory
