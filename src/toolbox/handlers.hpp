// The toolbox's request handlers (pages.cpp: the catalogue, the method page,
// forms, translations, versions, review; use.cpp: methods used by journal
// activities and experiences; api.cpp: the JSON API; package_pages.cpp:
// export, import, the starter methods and the booklet) and what they share:
// the caller as a Reader, loading a method the caller may see (404 otherwise,
// so a draft's existence does not leak).
#pragma once
#include <string>

#include "app/context.hpp"
#include "toolbox/store.hpp"

namespace samen::toolbox {

// The signed-in caller (HttpError 401 without one).
const accounts::User& me(const app::Context& ctx);
// The caller as a Reader, with its journal viewer (needs the network).
Reader reader(const app::Context& ctx, store::Connection& c);
// The path's {id} as a method the reader may see; 404 otherwise.
Method visible_method_or_404(app::Context& ctx, store::Connection& c, const Reader& r);
// The language code of the page ("nl", "fr", "en").
std::string lang_code(const app::Context& ctx);
// The version a form names (400 when it is absent or no number: every toolbox form sends it).
std::int64_t form_version(app::Context& ctx);

// Pages (pages.cpp).
http::Response catalogue_page(app::Context& ctx);
http::Response new_page(app::Context& ctx);
http::Response create_page(app::Context& ctx);
http::Response method_page(app::Context& ctx);
http::Response edit_page(app::Context& ctx);
http::Response update_page(app::Context& ctx);
http::Response status_page(app::Context& ctx);
http::Response comment_page(app::Context& ctx);
http::Response translations_page(app::Context& ctx);
http::Response versions_page(app::Context& ctx);
http::Response restore_page(app::Context& ctx);
http::Response card_page(app::Context& ctx);

// Use and experience (use.cpp).
std::string activity_panel(app::Context& ctx, store::Connection& c, const std::string& activity_id);
http::Response activity_methods_page(app::Context& ctx);  // POST: add or remove a method of an activity
http::Response experience_page(app::Context& ctx);        // POST: an experience with a method

// JSON API (api.cpp).
http::Response api_list(app::Context& ctx);
http::Response api_get(app::Context& ctx);
http::Response api_create(app::Context& ctx);
http::Response api_put(app::Context& ctx);
http::Response api_versions(app::Context& ctx);
http::Response api_experiences(app::Context& ctx);
http::Response api_add_experience(app::Context& ctx);
http::Response api_comments(app::Context& ctx);
http::Response api_add_comment(app::Context& ctx);

}  // namespace samen::toolbox
