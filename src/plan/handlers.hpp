// The plan's request handlers and what they share: the caller as a viewer,
// path parameters, the version a form carries, labels in the reader's
// language (levels, statuses, dates, euro amounts) and the check that the
// caller may edit an item. pages.cpp: roll-up, item pages and forms;
// vision.cpp: the vision; indicators.cpp: indicators and values; links.cpp:
// evidence (journal activities) and the activity page's panel; methods.cpp:
// toolbox methods of actions and the method page's panel;
// dashboard.cpp: dashboard, timeline, overdue list; api.cpp: the JSON API.
#pragma once
#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/module.hpp"
#include "core/network.hpp"
#include "plan/plan.hpp"
#include "plan/store.hpp"
#include "web/render.hpp"

namespace samen::plan {

// The signed-in caller (401 without one), and as a Viewer.
const accounts::User& me(const app::Context& ctx);
Viewer viewer(const app::Context& ctx, const core::Network& n);
// A path parameter (404 when empty or over 100 bytes).
std::string path_id(const app::Context& ctx, const char* name = "id");
// The version a form carries (400 when it is no number; nullopt when absent).
std::optional<std::int64_t> form_version(const http::Form& f);

// "Brussels-wide" or the team's name.
std::string level_label(const app::Context& ctx, const core::Network& n, const std::string& team_id);
std::string status_label(const app::Context& ctx, const std::string& status);
// "12 500,00 €" (ICU, the reader's language).
std::string budget_label(const app::Context& ctx, std::int64_t cents);
// An ISO date as the reader's short date; "" for "".
std::string date_label(const app::Context& ctx, const std::string& iso);
// "1 Jan 2025 – 31 Dec 2027", or "" without dates.
std::string period_label(const app::Context& ctx, const Item& i);
// A number of an indicator (12,5 in nl/fr).
std::string value_label(const app::Context& ctx, double v);
// Today's date in Brussels.
std::string today(const app::Context& ctx);

// The item named by the path's {id} inside a change, checked: it exists (404)
// and the caller may edit it (403).
Item editable_item(app::Change& change, const std::string& id);

// Fills ERROR_LIST / ERR_<FIELD> sections of a form page.
void show_errors(const app::Context& ctx, web::Dict& d, const FieldErrors& errors);

// Pages (pages.cpp).
http::Response rollup_page(app::Context& ctx);
http::Response new_item_page(app::Context& ctx);
http::Response create_item_page(app::Context& ctx);
http::Response item_page(app::Context& ctx);
http::Response edit_item_page(app::Context& ctx);
http::Response update_item_page(app::Context& ctx);
http::Response status_page(app::Context& ctx);
http::Response archive_item_page(app::Context& ctx);
http::Response restore_item_page(app::Context& ctx);

// The vision (vision.cpp).
http::Response vision_page(app::Context& ctx);
http::Response vision_edit_page(app::Context& ctx);
http::Response vision_update_page(app::Context& ctx);
http::Response vision_history_page(app::Context& ctx);

// Indicators (indicators.cpp).
http::Response new_indicator_page(app::Context& ctx);
http::Response create_indicator_page(app::Context& ctx);
http::Response indicator_page(app::Context& ctx);
http::Response edit_indicator_page(app::Context& ctx);
http::Response update_indicator_page(app::Context& ctx);
http::Response add_value_page(app::Context& ctx);
http::Response archive_value_page(app::Context& ctx);
// The indicators section of an item's page.
std::string indicators_section(app::Context& ctx, store::Connection& c, const Item& item, bool editable);

// Dashboard and timeline (dashboard.cpp).
http::Response dashboard_page(app::Context& ctx);
http::Response timeline_page(app::Context& ctx);
// The yearly report (report.cpp): printable HTML, ?format=pdf.
http::Response report_page(app::Context& ctx);

// Evidence (links.cpp).
http::Response link_activity_page(app::Context& ctx);
http::Response unlink_activity_page(app::Context& ctx);
// The evidence section of an item's page.
std::string evidence_section(app::Context& ctx, store::Connection& c, const Viewer& v, const Item& item, bool editable);
// The record panel on a journal activity's page: the actions it serves.
std::string activity_panel(app::Context& ctx, store::Connection& c, const std::string& activity_id);

// Toolbox methods of an action (methods.cpp).
http::Response link_method_page(app::Context& ctx);
http::Response unlink_method_page(app::Context& ctx);
// The methods section of an action's page.
std::string methods_section(app::Context& ctx, store::Connection& c, const Item& item, bool editable);
// The record panel "toolbox.method" on a method's page: the actions that use it.
std::string method_panel(app::Context& ctx, store::Connection& c, const std::string& method_id);

// The hidden command plan-bench-data of bench/plan.sh (bench_data.cpp).
void add_bench_command(app::CommandLine& cl);

// JSON API (api.cpp).
http::Response api_objectives(app::Context& ctx);
http::Response api_create_objective(app::Context& ctx);
http::Response api_objective(app::Context& ctx);
http::Response api_put_objective(app::Context& ctx);
http::Response api_patch_objective(app::Context& ctx);
http::Response api_delete_objective(app::Context& ctx);
http::Response api_actions(app::Context& ctx);
http::Response api_create_action(app::Context& ctx);
http::Response api_action(app::Context& ctx);
http::Response api_put_action(app::Context& ctx);
http::Response api_patch_action(app::Context& ctx);
http::Response api_delete_action(app::Context& ctx);
http::Response api_indicators(app::Context& ctx);
http::Response api_create_indicator(app::Context& ctx);
http::Response api_indicator(app::Context& ctx);
http::Response api_put_indicator(app::Context& ctx);
http::Response api_delete_indicator(app::Context& ctx);
http::Response api_values(app::Context& ctx);
http::Response api_add_value(app::Context& ctx);

}  // namespace samen::plan
