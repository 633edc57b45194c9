// The journal's request handlers (pages.cpp: HTML pages and forms; api.cpp:
// the JSON API) and what they share: the caller as a Viewer, loading an
// activity the caller may see (404 otherwise, so its existence does not
// leak), and reading the checks that need the database.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "app/context.hpp"
#include "core/network.hpp"
#include "journal/activity.hpp"
#include "journal/store.hpp"

namespace samen::journal {

// The signed-in caller (HttpError 401 without one), and as a Viewer.
const accounts::User& me(const app::Context& ctx);
Viewer viewer(const app::Context& ctx, const core::Network& n);
// The path's {id} (404 when empty or over 100 bytes).
std::string id_param(const app::Context& ctx);
// The version the editor read (the forms always send it); a post without
// one is checked by the transaction alone. 400 when it is not a number.
std::optional<std::int64_t> form_version(const http::Form& f);
// The activity named by the path's {id}, if the viewer may see it; 404 otherwise.
Activity visible_activity_or_404(app::Context& ctx, store::Connection& c, const Viewer& v);
// The activity `id` for a write, checked inside the change's transaction:
// one the viewer may see (404 otherwise, as for an empty id or one over 100
// bytes), may edit (403) and, when `archived` is refused, that is not
// archived (409). The activity form may edit an archived activity (its
// restore), what hangs on one (follow-ups, attachments, answer sets) may not.
enum class ArchivedActivity { allowed, refused };
Activity editable_activity(store::Connection& c, const Viewer& v, const std::string& id, ArchivedActivity archived);
Activity editable_activity(app::Change& change, const std::string& id, ArchivedActivity archived);
// Field errors of ids that do not exist (organisations, people, facilitator)
// added to `errors`, then the domain rules of validate().
// kept_type: the type the activity had before an edit, accepted even when archived since.
void check_activity(store::Connection& c, const core::Network& n, const Activity& a, const Viewer& v,
                    FieldErrors& errors, const std::string& kept_type = "");

// Pages (pages.cpp).
http::Response timeline_page(app::Context& ctx);
http::Response new_page(app::Context& ctx);
http::Response create_page(app::Context& ctx);
http::Response activity_page(app::Context& ctx);
http::Response edit_page(app::Context& ctx);
http::Response update_page(app::Context& ctx);
http::Response archive_page(app::Context& ctx);
http::Response restore_page(app::Context& ctx);
http::Response add_follow_up_page(app::Context& ctx);
http::Response follow_up_status_page(app::Context& ctx);
std::string follow_ups_panel(app::Context& ctx);

// JSON API (api.cpp).
http::Response api_list(app::Context& ctx);
http::Response api_get(app::Context& ctx);
http::Response api_create(app::Context& ctx);
http::Response api_put(app::Context& ctx);
http::Response api_patch(app::Context& ctx);
http::Response api_delete(app::Context& ctx);
// Shared by the journal's JSON handlers (api.cpp, coding_api.cpp): the 422
// answer with a message per field, and a string member of a JSON body (""
// when absent or null; a field error when of another type).
http::Response validation_error(app::Context& ctx, const FieldErrors& errors);
std::string string_of(const nlohmann::json& j, const char* name, FieldErrors& e);
http::Response api_restore(app::Context& ctx);  // POST /api/v1/activities/{id}/restore

}  // namespace samen::journal
