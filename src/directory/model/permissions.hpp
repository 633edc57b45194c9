// Who may do what on the staff side of the service map, per kind of record,
// on top of the network's "own organisation" rules (core/permissions.hpp):
// coordinators and admins edit everything; partner staff edit the records of
// their own organisations and create services and locations for them;
// facilitators and parent representatives only read; the public sees none of
// it (the finder is public). Plain logic, no I/O.
#pragma once
#include <string>

#include "accounts/users.hpp"
#include "core/permissions.hpp"
#include "directory/model/records.hpp"

namespace samen::directory {

// May the user create a record of this kind owned by this organisation
// (services and locations: their organization_id; organisations and teams: "")?
bool may_create(const accounts::User& u, RecordKind k, const std::string& owner_org);
// May the user create a record of this kind for at least one organisation (the "new" links)?
bool may_create_some(const accounts::User& u, RecordKind k);
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

}  // namespace samen::directory
