// The transitions module's plug (module.hpp): its route table, serve flags
// (key file, retention), start-up (the key checked against the database
// before anything is served), the command `keys rotate` and the retention job.
#include "transitions/module.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/app.hpp"
#include "app/routes.hpp"
#include "core/permissions.hpp"
#include "transitions/handlers.hpp"

namespace samen::transitions {

namespace {

using accounts::Access;
using accounts::Role;

class TransitionsModule final : public app::Module {
 public:
  std::string_view name() const override { return "transitions"; }

  void routes(app::Routes& r) const override {
    // Handovers: only partner staff write them; who reads what is decided per
    // handover (sender, consented receiver), every refusal audited.
    const auto partners = Access::only({Role::partner});
    r.api("POST", "/api/v1/handovers", partners, api_create_handover);
    r.api("GET", "/api/v1/handovers/{id}", core::network_readers(), api_get_handover);
    r.api("POST", "/api/v1/handovers/{id}/consents", partners, api_add_consent);
    r.api("DELETE", "/api/v1/handovers/{id}/consents/{consent_id}", partners, api_withdraw_consent);
    r.api("GET", "/api/v1/transitions/settings", core::network_readers(), api_settings);
    // Pages: the list, the form written with the parent, a handover, the parent's printed copy, consents.
    r.page("GET", "/transitions", core::network_readers(), transitions_page);
    r.page("GET", "/transitions/handovers/new", partners, new_handover_page);
    r.page("POST", "/transitions/handovers", partners, create_handover_page);
    r.page("GET", "/transitions/handovers/{id}", core::network_readers(), handover_page);
    r.page("GET", "/transitions/handovers/{id}/print", partners, handover_print_page);
    r.page("POST", "/transitions/handovers/{id}/consents", partners, add_consent_page);
    r.page("POST", "/transitions/handovers/{id}/consents/{consent_id}/withdraw", partners, withdraw_consent_page);
    // Parents' rights: export and erasure of what is held about a child (coordination only).
    r.page("GET", "/transitions/rights", core::network_editors(), rights_page);
    r.page("POST", "/transitions/rights", core::network_editors(), rights_search_page);
    r.page("POST", "/transitions/rights/export", core::network_editors(), rights_export_page);
    r.page("POST", "/transitions/rights/erase", core::network_editors(), rights_erase_page);
    // Pathways: counts per pair of settings and school year, read by every
    // signed-in role; entered by staff of either setting and coordinators (checked per pair).
    r.page("GET", "/transitions/pathways", core::network_readers(), pathways_page);
    r.page("POST", "/transitions/pathways", core::partner_editors(), pathway_save_page);
    r.api("GET", "/api/v1/transitions/pathways", core::network_readers(), api_pathways);
    r.api("POST", "/api/v1/transitions/pathways", core::partner_editors(), api_create_pathway);
    r.api("PUT", "/api/v1/transitions/pathways/{id}", core::partner_editors(), api_update_pathway);
    // Transition activities are journal activities: read as the journal's visibility allows, created by
    // those who create journal activities (admins, coordinators, facilitators, partners).
    const auto activity_creators = Access::only({Role::admin, Role::coordinator, Role::facilitator, Role::partner});
    r.page("GET", "/transitions/activities", core::network_readers(), transition_activities_page);
    r.page("POST", "/transitions/activities", activity_creators, create_transition_activity_page);
    r.api("GET", "/api/v1/transitions/activities", core::network_readers(), api_transition_activities);
    r.api("POST", "/api/v1/transitions/activities", activity_creators, api_create_transition_activity);
    r.api("GET", "/api/v1/transitions/activities.ics", core::network_readers(), api_transition_activities_ics);
    r.record_panel("journal.activity", activity_panel);
    // The after-transition evaluation: results per pathway for every signed-in role (fewer than 5
    // answers never shown); coordinators and admins start a school year's.
    r.page("GET", "/transitions/evaluations", core::network_readers(), evaluations_page);
    r.page("POST", "/transitions/evaluations", core::network_editors(), evaluation_start_page);
    r.api("GET", "/api/v1/transitions/evaluations", core::network_readers(), api_evaluations);
    r.nav_item({"transitions.title", "/transitions", core::network_readers(), "transitions.about", 60});
    // A setting's facts on its service's staff page; the form for the owner organisation's staff and coordinators.
    r.record_panel("directory.service", service_panel);
    r.page("GET", "/transitions/settings/{id}/edit", core::partner_editors(), setting_form_page);
    r.page("POST", "/transitions/settings/{id}/edit", core::partner_editors(), setting_save_page);
  }

  void serve_options(CLI::App& serve, app::Settings& s) const override {
    // load_demo runs before start() and gets no settings: it reads the key
    // file's flag (or variable, CLI11 fills both into s) here, so the demo
    // seals under the key start() opens. s lives as long as the command line.
    serve_settings_ = &s;
    serve.add_option("--transitions-key-file", s[kKeyFileSetting],
                     "Key file of the handovers' encryption (default DATA_DIR/transitions.key; keep it out of "
                     "database backups)")
        ->envname("SAMEN_TRANSITIONS_KEY_FILE");
    serve.add_option("--transitions-retention-months", s[kRetentionSetting],
                     "Months after the transition date a handover is deleted (default 6)")
        ->envname("SAMEN_TRANSITIONS_RETENTION_MONTHS")
        ->check(CLI::Range(1, 60));
  }

  void start(app::App& app) const override {
    auto st = std::make_shared<State>(key_file_path(app.options().data_dir, app.setting(kKeyFileSetting)));
    st->retention_months = std::stoi(app.setting(kRetentionSetting, "6"));
    {
      auto lease = app.db().acquire();
      st->keyring.open(*lease, app::unix_now());  // a missing or wrong key file stops the start here
    }
    app.put<State>(st);
    run_retention(app.db(), app::unix_now());  // handovers past retention go before anything is served
  }

  void load_demo(const app::DemoLoad& load) const override {
    std::string key_file;
    if (serve_settings_)
      if (auto it = serve_settings_->find(kKeyFileSetting); it != serve_settings_->end()) key_file = it->second;
    load_demo_transitions(load, key_file);
  }

  std::vector<app::Job> jobs() const override {
    return {{"transitions.retention", std::chrono::hours(1),
             [](app::App& app, std::int64_t now) { run_retention(app.db(), now); }}};
  }

  void commands(app::CommandLine& cl) const override {
    auto* keys = cl.group("keys", "The transitions module's encryption key");
    auto* rotate_cmd = cl.add(keys, "rotate",
                              "Re-encrypt every handover and consent under a new key (one transaction), then "
                              "replace the key file",
                              1, [this](store::Database& db, const app::CommandLine::Store& where) {
                                auto file = key_file_path(where.data, key_file_);
                                Rotation r = rotate(db, file, app::unix_now());
                                std::cout << "key " << r.old_id << " replaced by " << r.new_id << "; " << r.values
                                          << " sealed value(s) re-encrypted; key file " << file.string()
                                          << std::endl;
                                return 0;
                              });
    add_bench_commands(cl);
    rotate_cmd->add_option("--key-file", key_file_, "Key file (default DATA_DIR/transitions.key)")
        ->envname("SAMEN_TRANSITIONS_KEY_FILE");
  }

 private:
  mutable std::string key_file_;  // bound to `keys rotate --key-file`
  mutable const app::Settings* serve_settings_ = nullptr;  // `samen serve`'s, for load_demo
};

}  // namespace

State& state(app::Context& ctx) { return ctx.app.get<State>(); }

const accounts::User& me(const app::Context& ctx) {
  const accounts::User* u = ctx.user();
  if (!u) throw app::HttpError(401, "unauthorized", "error.unauthorized");
  return *u;
}

std::string path_id(const app::Context& ctx, const std::string& name) {
  std::string id = ctx.param(name);
  if (id.empty() || id.size() > 100) throw app::HttpError(404, "not_found", "error.not_found");
  return id;
}

const app::Module& module() {
  static const TransitionsModule m;
  return m;
}

}  // namespace samen::transitions
