// The transitions module's request handlers, listed in its route table
// (module.cpp), and what they share: the process's keyring (start-up) and
// the signed-in caller.
#pragma once
#include <string>

#include "app/context.hpp"
#include "app/module.hpp"
#include "store/database.hpp"
#include "transitions/domain.hpp"
#include "transitions/keyring.hpp"

namespace samen::app {
class Change;
class CommandLine;
}

namespace samen::transitions {

// The settings this module reads in start() (serve flags).
inline constexpr const char* kKeyFileSetting = "transitions-key-file";
inline constexpr const char* kRetentionSetting = "transitions-retention-months";

// What start() keeps in the App.
struct State {
  explicit State(std::filesystem::path key_file) : keyring(std::move(key_file)) {}
  Keyring keyring;
  int retention_months = 6;
};
State& state(app::Context& ctx);

// The signed-in caller (HttpError 401 without one).
const accounts::User& me(const app::Context& ctx);
// The path's {name} (404 when empty or over 100 bytes).
std::string path_id(const app::Context& ctx, const std::string& name = "id");

// What pages and API share (api.cpp), each in the caller's write transaction.
// Every part of a handover.
const std::set<std::string>& all_parts();
// Checks the settings (field errors returned) and that the caller is the
// sender (HttpError 403), then seals, inserts and audits the handover.
FieldErrors create_handover(app::Change& change, const accounts::User& user, Handover& h);
// The handover's plain columns when the caller is its sender; 404 / 403 otherwise.
Handover check_sender(app::Change& change, const accounts::User& user, const std::string& id);
// Records a consent (valid_until_date validated before); field errors when the setting is unknown.
FieldErrors add_consent(app::Change& change, const accounts::User& user, Consent& k,
                        const std::string& valid_until_date);
// A handover as the caller may read it, the read or the refusal audited in
// the same transaction. HttpError 404 when there is none; `refused` 403 (no
// running consent, audited) or 409 (sealed data that does not open, audited),
// with nothing of the contents.
struct Reading {
  Standing standing = Standing::none;
  Handover handover;
  std::set<std::string> parts;
  std::vector<Consent> consents;  // the sender's only
  int refused = 0;
};
Reading read_handover(app::Change& change, const accounts::User& user, const std::string& id);

// JSON API (api.cpp).
http::Response api_create_handover(app::Context& ctx);
http::Response api_get_handover(app::Context& ctx);
http::Response api_add_consent(app::Context& ctx);
http::Response api_withdraw_consent(app::Context& ctx);
http::Response api_settings(app::Context& ctx);

// Handover pages (handover_pages.cpp).
http::Response transitions_page(app::Context& ctx);
http::Response new_handover_page(app::Context& ctx);
http::Response create_handover_page(app::Context& ctx);
http::Response handover_page(app::Context& ctx);
http::Response handover_print_page(app::Context& ctx);
http::Response add_consent_page(app::Context& ctx);
http::Response withdraw_consent_page(app::Context& ctx);

// Parents' rights (rights.cpp): coordinators and admins.
http::Response rights_page(app::Context& ctx);
http::Response rights_search_page(app::Context& ctx);
http::Response rights_export_page(app::Context& ctx);
http::Response rights_erase_page(app::Context& ctx);

// Pages (settings_pages.cpp).
std::string service_panel(app::Context& ctx, store::Connection& c, const std::string& service_id);
http::Response setting_form_page(app::Context& ctx);
http::Response setting_save_page(app::Context& ctx);

// Pathways (pathway_pages.cpp): the page, entering a count, and the API.
http::Response pathways_page(app::Context& ctx);
http::Response pathway_save_page(app::Context& ctx);
http::Response api_pathways(app::Context& ctx);
http::Response api_create_pathway(app::Context& ctx);
http::Response api_update_pathway(app::Context& ctx);

// Transition activities (activities.cpp): journal activities linked to a school year, kind and settings.
http::Response transition_activities_page(app::Context& ctx);
http::Response create_transition_activity_page(app::Context& ctx);
http::Response api_transition_activities(app::Context& ctx);
http::Response api_create_transition_activity(app::Context& ctx);
http::Response api_transition_activities_ics(app::Context& ctx);
std::string activity_panel(app::Context& ctx, store::Connection& c, const std::string& activity_id);

// The after-transition evaluation (evaluation_pages.cpp): results per pathway, starting a year, the API.
http::Response evaluations_page(app::Context& ctx);
http::Response evaluation_start_page(app::Context& ctx);
http::Response api_evaluations(app::Context& ctx);

// The retention job's work (retention.cpp): deletes handovers past their
// retention in batches; returns how many.
std::size_t run_retention(store::Database& db, std::int64_t now);

// Demo data (demo.cpp); key_file_setting: `--transitions-key-file` / SAMEN_TRANSITIONS_KEY_FILE ("" = default).
void load_demo_transitions(const app::DemoLoad& load, const std::string& key_file_setting);

// The hidden commands of bench/transitions.sh (bench_data.cpp).
void add_bench_commands(app::CommandLine& cl);

}  // namespace samen::transitions
