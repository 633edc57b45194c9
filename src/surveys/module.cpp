// The surveys module's plug (module.hpp): its route table, the public
// respondents' rate limit it keeps in the App, the demo data and the hidden
// command of bench/surveys.sh.
#include "surveys/module.hpp"

#include <CLI/CLI.hpp>

#include "app/app.hpp"
#include "app/routes.hpp"
#include "surveys/demo.hpp"
#include "surveys/handlers.hpp"

namespace samen::surveys {

namespace {

class SurveysModule final : public app::Module {
 public:
  std::string_view name() const override { return "surveys"; }

  void routes(app::Routes& r) const override {
    const auto anyone = accounts::Access::anyone();
    const auto signed_in = accounts::Access::signed_in();
    // Managing surveys: admins, coordinators, facilitators.
    r.page("GET", "/surveys", signed_in, list_page);
    r.page("GET", "/surveys/new", managers(), new_page);
    r.page("POST", "/surveys/new", managers(), create_page);
    r.page("GET", "/surveys/{id}", managers(), survey_page);
    r.page("POST", "/surveys/{id}", managers(), settings_post);
    r.page("POST", "/surveys/{id}/questions", managers(), question_add_post);
    r.page("POST", "/surveys/{id}/questions/{qid}", managers(), question_update_post);
    r.page("POST", "/surveys/{id}/questions/{qid}/delete", managers(), question_delete_post);
    r.page("POST", "/surveys/{id}/questions/{qid}/move", managers(), question_move_post);
    r.page("POST", "/surveys/{id}/publish", managers(), publish_post);
    r.page("POST", "/surveys/{id}/close", managers(), close_post);
    r.page("POST", "/surveys/{id}/public-link", managers(), public_link_post);
    r.page("POST", "/surveys/{id}/invitations", managers(), invitations_post);
    r.page("POST", "/surveys/{id}/reminders", managers(), reminders_post);
    r.page("GET", "/surveys/{id}/preview", managers(), preview_page);
    // Results: per survey (may_read_results).
    r.page("GET", "/surveys/{id}/results", signed_in, results_page);
    r.page("GET", "/surveys/{id}/results/texts/{qid}", signed_in, texts_page);
    // The individual responses (one per row, audited): admins and coordinators.
    r.page("GET", "/surveys/{id}/responses", response_exporters(), responses_export);
    // Respondents: no login, the link's token is the key.
    r.page("GET", "/s/{token}", anyone, respond_page);
    r.page("POST", "/s/{token}", anyone, respond_post);
    // JSON API.
    r.api("GET", "/api/v1/surveys", signed_in, api_list);
    r.api("POST", "/api/v1/surveys", managers(), api_create, 1u << 20);
    r.api("GET", "/api/v1/surveys/{id}", managers(), api_get);
    r.api("PUT", "/api/v1/surveys/{id}", managers(), api_update, 1u << 20);
    r.api("GET", "/api/v1/surveys/{id}/responses", managers(), api_responses);
    r.api("POST", "/api/v1/surveys/{id}/responses", anyone, api_respond, 1u << 20);
    r.api("GET", "/api/v1/surveys/{id}/results", signed_in, api_results);
    r.nav_item({"nav.surveys", "/surveys", signed_in, "nav.surveys.about", 43});
  }

  void serve_options(CLI::App& serve, app::Settings& settings) const override {
    serve.add_option("--surveys-saves-per-hour", settings["surveys-saves-per-hour"],
                     "Answers saved through a survey's public link per client address and hour (beyond: 429)")
        ->envname("SAMEN_SURVEYS_SAVES_PER_HOUR");
  }

  void start(app::App& app) const override {
    std::string v = app.setting("surveys-saves-per-hour");
    long per_hour = 300;
    try {
      if (!v.empty()) per_hour = std::stol(v);
    } catch (const std::exception&) {
      throw std::runtime_error("--surveys-saves-per-hour: not a number: " + v);
    }
    app.put(std::make_shared<RespondState>(app.db(), static_cast<std::size_t>(per_hour)));
  }

  void load_demo(const app::DemoLoad& load) const override { load_demo_surveys(load.db, load.now); }

  void commands(app::CommandLine& cl) const override { add_bench_command(cl); }
};

}  // namespace

const app::Module& module() {
  static const SurveysModule m;
  return m;
}

}  // namespace samen::surveys
