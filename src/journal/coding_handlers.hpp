// The coding part's request handlers: pages (coding_pages.cpp: the codebook,
// a code with its passages and memos, code frequencies, the review list of
// passages whose text changed, coding an activity's note) and the JSON API
// (coding_api.cpp: /api/v1/codes, /api/v1/codings). Routes in module.cpp.
#pragma once
#include <string>

#include "app/context.hpp"
#include "journal/activity.hpp"
#include "store/database.hpp"

namespace samen::journal {

// Pages.
http::Response codebook_page(app::Context& ctx);
http::Response code_new_page(app::Context& ctx);
http::Response code_create_page(app::Context& ctx);
http::Response code_page(app::Context& ctx);
http::Response code_edit_page(app::Context& ctx);
http::Response code_update_page(app::Context& ctx);
http::Response code_archive_page(app::Context& ctx);
http::Response code_restore_page(app::Context& ctx);
http::Response code_memo_page(app::Context& ctx);
http::Response code_frequencies_page(app::Context& ctx);
http::Response coding_review_page(app::Context& ctx);
http::Response code_note_page(app::Context& ctx);
http::Response code_note_post(app::Context& ctx);
http::Response coding_delete_page(app::Context& ctx);
http::Response coding_reattach_page(app::Context& ctx);
// The codebook import (coding_import_pages.cpp): upload form, then preview or confirmed import.
http::Response code_import_form_page(app::Context& ctx);
http::Response code_import_page(app::Context& ctx);
http::Response api_codes_import(app::Context& ctx);
// The codings of an activity as a section of its page ("" when the reader
// may not read the codebook).
std::string coding_section(app::Context& ctx, store::Connection& c, const Viewer& v, const Activity& a);

// JSON API.
http::Response api_codes_list(app::Context& ctx);
http::Response api_code_get(app::Context& ctx);
http::Response api_code_create(app::Context& ctx);
http::Response api_code_put(app::Context& ctx);
http::Response api_codings_list(app::Context& ctx);
http::Response api_coding_create(app::Context& ctx);
http::Response api_coding_delete(app::Context& ctx);
// The REFI-QDA project (coding_qdpx.hpp) of what the caller may see: GET /api/v1/project.qdpx and its page twin.
http::Response qdpx_download(app::Context& ctx);

}  // namespace samen::journal
