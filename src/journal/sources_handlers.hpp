// The request handlers of the journal's sources (sources.hpp): the activity
// page's sources section, attachments (pages and API), guides and answer
// sets, the expectations register, the admin page of activity types, the
// follow-up edit form and restore through the API.
#pragma once
#include <string>

#include "app/context.hpp"
#include "journal/activity.hpp"
#include "store/database.hpp"

namespace samen::app {
class Change;
}

namespace samen::journal {

// The activity page's part for attachments and answer sets (HTML, "" when
// there is nothing to show and nothing the viewer may add).
std::string sources_section(app::Context& ctx, store::Connection& c, const Viewer& v, const Activity& a);

// Attachments (sources_pages.cpp).
http::Response attachment_upload_page(app::Context& ctx);
http::Response attachment_download_page(app::Context& ctx);
// The file of the path on an activity the caller may see (an archived one for its editors only); reads of
// facilitators-only files are audited with `via` ("page", "api").
http::Response activity_file_download(app::Context& ctx, const char* via);
http::Response attachment_archive_page(app::Context& ctx);
http::Response attachment_restore_page(app::Context& ctx);

// Guides and answer sets (sources_guides.cpp).
http::Response guides_page(app::Context& ctx);
http::Response guide_new_page(app::Context& ctx);
http::Response guide_create_page(app::Context& ctx);
http::Response guide_page(app::Context& ctx);
http::Response guide_edit_page(app::Context& ctx);
http::Response guide_update_page(app::Context& ctx);
http::Response guide_archive_page(app::Context& ctx);
http::Response guide_restore_page(app::Context& ctx);
http::Response answer_set_attach_page(app::Context& ctx);
http::Response answer_set_page(app::Context& ctx);
http::Response answer_set_edit_page(app::Context& ctx);
http::Response answer_set_update_page(app::Context& ctx);
http::Response answer_set_archive_page(app::Context& ctx);

// The expectations register (sources_register.cpp).
http::Response register_page(app::Context& ctx);
http::Response expectation_new_page(app::Context& ctx);
http::Response expectation_create_page(app::Context& ctx);
http::Response expectation_edit_page(app::Context& ctx);
http::Response expectation_update_page(app::Context& ctx);
http::Response expectation_archive_page(app::Context& ctx);

// Activity types (sources_admin.cpp).
http::Response types_page(app::Context& ctx);
http::Response type_create_page(app::Context& ctx);
http::Response type_update_page(app::Context& ctx);

// Follow-ups (sources_pages.cpp).
http::Response follow_up_edit_page(app::Context& ctx);
http::Response follow_up_update_page(app::Context& ctx);

// JSON API (sources_api.cpp).
http::Response api_attachments(app::Context& ctx);
http::Response api_attachment_upload(app::Context& ctx);
http::Response api_attachment_download(app::Context& ctx);
http::Response api_attachment_delete(app::Context& ctx);
// Guides, answer sets and the expectations register (sources_records_api.cpp).
http::Response api_guides_list(app::Context& ctx);
http::Response api_guide_get(app::Context& ctx);
http::Response api_guide_create(app::Context& ctx);
http::Response api_guide_put(app::Context& ctx);
http::Response api_answer_sets_list(app::Context& ctx);
http::Response api_answer_set_get(app::Context& ctx);
http::Response api_answer_set_create(app::Context& ctx);
http::Response api_answer_set_put(app::Context& ctx);
http::Response api_expectations_list(app::Context& ctx);
http::Response api_expectation_get(app::Context& ctx);
http::Response api_expectation_create(app::Context& ctx);
http::Response api_expectation_put(app::Context& ctx);

}  // namespace samen::journal
