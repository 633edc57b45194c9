// Parents' voice's request handlers, listed in its route table (module.cpp),
// and what they share: the path's ids, the version a form sent, options of a
// <select>, the error list of a form, labels of statuses, sources, themes,
// teams and municipalities in the reader's language.
#pragma once
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/rate_limit.hpp"
#include "app/ttl_cache.hpp"
#include "core/network.hpp"
#include "parents/concern.hpp"
#include "parents/store.hpp"

namespace samen::parents {

// What the module keeps in the App (module.cpp's start()): the rendered
// public pages of anonymous readers, and the per-address limit of the
// anonymous suggestion form.
struct PublicState {
  PublicState(store::Database& db, std::chrono::milliseconds ttl, std::size_t per_hour)
      : pages(ttl, 256), suggestions(db, per_hour, 3600) {}
  app::TtlCache<std::string> pages;
  app::RateLimiter suggestions;
};

// ---- shared (pages.cpp) ----
const accounts::User& me(const app::Context& ctx);
// A path parameter (404 when empty or over 100 bytes).
std::string path_id(const app::Context& ctx, const std::string& name = "id");
std::optional<std::int64_t> form_version(const http::Form& f);
void add_option(web::Dict& d, const char* section, const std::string& value, const std::string& label, bool selected);
void add_errors(app::Context& ctx, web::Dict& d, const FieldErrors& errors, const std::string& label_prefix);
std::string theme_label(const std::vector<Theme>& themes, const std::string& code, i18n::Lang lang);
std::string team_name(const core::Network& n, const std::string& id, i18n::Lang lang);
std::string municipality_name(const std::string& nis, i18n::Lang lang);
// Thrown inside a write when a form's fields are wrong (the transaction rolls back).
struct Invalid {
  FieldErrors errors;
};

// ---- concerns (concern_pages.cpp) ----
http::Response register_page(app::Context& ctx);
http::Response concern_new_page(app::Context& ctx);
http::Response concern_create_page(app::Context& ctx);
http::Response concern_page(app::Context& ctx);
http::Response concern_edit_page(app::Context& ctx);
http::Response concern_update_page(app::Context& ctx);
http::Response concern_archive_page(app::Context& ctx);
// Links to the plan's actions from the concern's page (concern_links.cpp).
http::Response concern_link_action_page(app::Context& ctx);
http::Response concern_unlink_action_page(app::Context& ctx);
// The concern page's section of linked actions (with the add/remove forms for staff).
std::string linked_actions_section(app::Context& ctx, store::Connection& c, const Concern& concern);
// The record panel "plan.item" on an action's page: the concerns that led to it.
std::string action_panel(app::Context& ctx, store::Connection& c, const std::string& item_id);
http::Response publication_page(app::Context& ctx);
http::Response publication_update_page(app::Context& ctx);
http::Response themes_page(app::Context& ctx);
http::Response theme_create_page(app::Context& ctx);
http::Response theme_archive_page(app::Context& ctx);
// The concern form for a new concern from `defaults` (the moderation's "turn into a concern" too).
http::Response concern_form(app::Context& ctx, const http::Form& f, const FieldErrors& errors, const std::string& id,
                            int status, bool stale = false, const std::string& suggestion_id = "");
Concern read_concern(const http::Form& f);
// The database checks and the rules of a concern: what is wrong, field by field
// (`linked_before`: the actions linked before the change, which may stay even if archived since).
FieldErrors concern_errors(store::Connection& c, const Concern& concern, std::string_view from_status,
                           const std::vector<std::string>& linked_before = {});
// The same, thrown as Invalid when anything is wrong.
void check_concern(store::Connection& c, const Concern& concern, std::string_view from_status,
                   const std::vector<std::string>& linked_before = {});

// ---- parent groups (group_pages.cpp) ----
http::Response groups_page(app::Context& ctx);
http::Response group_new_page(app::Context& ctx);
http::Response group_create_page(app::Context& ctx);
http::Response group_page(app::Context& ctx);
http::Response group_edit_page(app::Context& ctx);
http::Response group_update_page(app::Context& ctx);
http::Response group_archive_page(app::Context& ctx);
http::Response meeting_link_page(app::Context& ctx);
http::Response meeting_unlink_page(app::Context& ctx);
// The record panel on a journal activity's page: the parent groups it is a meeting of.
std::string activity_panel(app::Context& ctx, store::Connection& c, const std::string& activity_id);

// ---- the public side (public_pages.cpp) ----
http::Response you_said_we_did_page(app::Context& ctx);
http::Response suggest_page(app::Context& ctx);
http::Response suggest_post(app::Context& ctx);
http::Response suggestions_page(app::Context& ctx);
http::Response suggestion_accept_page(app::Context& ctx);
http::Response suggestion_accept_post(app::Context& ctx);
http::Response suggestion_discard_page(app::Context& ctx);
// Empties the cached public pages (after a publication changed).
void forget_public_pages(app::App& app);

// ---- JSON API (api.cpp) ----
http::Response api_list(app::Context& ctx);
http::Response api_get(app::Context& ctx);
http::Response api_create(app::Context& ctx);
http::Response api_put(app::Context& ctx);
http::Response api_patch(app::Context& ctx);

}  // namespace samen::parents
