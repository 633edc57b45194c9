// Archiving the contributions to a method page: experiences and uses by
// journal activities. The one who wrote the experience (or linked the
// activity) or a coordinator archives; archived ones leave the method page,
// the API lists and the catalogue's rating and use counts; coordinators see
// them on the method page and restore them. Every move is a history row and
// an audit entry in its change ("toolbox.experience.archive", ...).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "accounts/roles.hpp"
#include "app/context.hpp"
#include "store/database.hpp"

namespace samen::toolbox {

// The author (or who linked the activity) and coordinators (and admins) archive.
bool may_archive_contribution(accounts::Role role, std::int64_t user_id, std::optional<std::int64_t> author_id);
// Coordinators and admins restore.
bool may_restore_contribution(accounts::Role role);

// The method page's list of archived experiences and uses, with restore
// buttons ("" for a reader who may not restore, or when there are none).
std::string archived_contributions_section(app::Context& ctx, store::Connection& c, const std::string& method_id);

// POST /toolbox/{id}/experiences/{experience_id}/archive|restore and
// /toolbox/{id}/uses/{activity_id}/archive|restore.
http::Response experience_archive_page(app::Context& ctx);
http::Response experience_restore_page(app::Context& ctx);
http::Response use_archive_page(app::Context& ctx);
http::Response use_restore_page(app::Context& ctx);

}  // namespace samen::toolbox
