// The parents module's plug (module.hpp): its route table, the record panels
// on journal activities and on the plan's actions, what it keeps in the App
// (the public page cache and the suggestion form's limit), the expiry job of
// the suggestion queue, the demo data and the hidden command of bench/plan.sh.
#include "parents/module.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/routes.hpp"
#include "parents/demo.hpp"
#include "parents/handlers.hpp"

namespace samen::parents {

namespace {

class ParentsModule final : public app::Module {
 public:
  std::string_view name() const override { return "parents"; }

  void routes(app::Routes& r) const override {
    const auto anyone = accounts::Access::anyone();
    // The public side: no login.
    r.page("GET", "/you-said-we-did", anyone, you_said_we_did_page);
    r.page("GET", "/you-said-we-did/suggest", anyone, suggest_page);
    r.page("POST", "/you-said-we-did/suggest", anyone, suggest_post);
    r.page("GET", "/you-said-we-did/{team}", anyone, you_said_we_did_page);
    // The register: every signed-in role reads and records; staff edit; the coordination publishes.
    r.page("GET", "/parents", readers(), register_page);
    r.page("GET", "/parents/concerns/new", readers(), concern_new_page);
    r.page("POST", "/parents/concerns/new", readers(), concern_create_page);
    r.page("GET", "/parents/concerns/{id}", readers(), concern_page);
    r.page("GET", "/parents/concerns/{id}/edit", staff(), concern_edit_page);
    r.page("POST", "/parents/concerns/{id}/edit", staff(), concern_update_page);
    r.page("POST", "/parents/concerns/{id}/archive", staff(), concern_archive_page);
    r.page("POST", "/parents/concerns/{id}/actions", staff(), concern_link_action_page);
    r.page("POST", "/parents/concerns/{id}/actions/remove", staff(), concern_unlink_action_page);
    r.page("GET", "/parents/concerns/{id}/publication", coordination(), publication_page);
    r.page("POST", "/parents/concerns/{id}/publication", coordination(), publication_update_page);
    r.page("GET", "/parents/themes", readers(), themes_page);
    r.page("POST", "/parents/themes", coordination(), theme_create_page);
    r.page("POST", "/parents/themes/{code}/archive", coordination(), theme_archive_page);
    // Parent groups and their meetings.
    r.page("GET", "/parents/groups", readers(), groups_page);
    r.page("GET", "/parents/groups/new", staff(), group_new_page);
    r.page("POST", "/parents/groups/new", staff(), group_create_page);
    r.page("GET", "/parents/groups/{id}", readers(), group_page);
    r.page("GET", "/parents/groups/{id}/edit", staff(), group_edit_page);
    r.page("POST", "/parents/groups/{id}/edit", staff(), group_update_page);
    r.page("POST", "/parents/groups/{id}/archive", staff(), group_archive_page);
    r.page("POST", "/parents/groups/{id}/meetings", staff(), meeting_link_page);
    r.page("POST", "/parents/groups/{id}/meetings/{activity_id}/unlink", staff(), meeting_unlink_page);
    // Moderation of the anonymous suggestions.
    r.page("GET", "/parents/suggestions", coordination(), suggestions_page);
    r.page("GET", "/parents/suggestions/{id}/accept", coordination(), suggestion_accept_page);
    r.page("POST", "/parents/suggestions/{id}/accept", coordination(), suggestion_accept_post);
    r.page("POST", "/parents/suggestions/{id}/discard", coordination(), suggestion_discard_page);
    // JSON API.
    r.api("GET", "/api/v1/concerns", readers(), api_list);
    r.api("POST", "/api/v1/concerns", readers(), api_create, 1u << 20);
    r.api("GET", "/api/v1/concerns/{id}", readers(), api_get);
    r.api("PUT", "/api/v1/concerns/{id}", staff(), api_put, 1u << 20);
    r.api("PATCH", "/api/v1/concerns/{id}", staff(), api_patch, 1u << 20);
    r.nav_item({"nav.parents", "/parents", readers(), "nav.parents.about", 40});
    r.nav_item({"nav.parents.public", "/you-said-we-did", anyone, "", 41});
    r.nav_item({"parents.suggestions", "/parents/suggestions", coordination(), "parents.suggestions.about", 42});
    r.record_panel("journal.activity", activity_panel);
    r.record_panel("plan.item", action_panel);  // an action's page: the concerns that led to it
  }

  void serve_options(CLI::App& serve, app::Settings& settings) const override {
    serve.add_option("--parents-public-cache-ms", settings["parents-public-cache-ms"],
                     "How long the public \"you said, we did\" page is kept rendered (ms, 0: not)")
        ->envname("SAMEN_PARENTS_PUBLIC_CACHE_MS");
    serve.add_option("--parents-suggestions-per-hour", settings["parents-suggestions-per-hour"],
                     "Anonymous suggestions per client address and hour (beyond: 429)")
        ->envname("SAMEN_PARENTS_SUGGESTIONS_PER_HOUR");
  }

  void start(app::App& app) const override {
    auto number = [&](const char* name, long fallback) {
      std::string v = app.setting(name);
      try {
        return v.empty() ? fallback : std::stol(v);
      } catch (const std::exception&) {
        throw std::runtime_error(std::string("--") + name + ": not a number: " + v);
      }
    };
    app.put(std::make_shared<PublicState>(app.db(), std::chrono::milliseconds(number("parents-public-cache-ms", 30000)),
                                          static_cast<std::size_t>(number("parents-suggestions-per-hour", 10))));
  }

  std::vector<app::Job> jobs() const override {
    // The moderation queue cannot grow without bound: a cap (store.hpp), and suggestions no one
    // moderated within kSuggestionLifetime go.
    return {{"parents.expire_suggestions", std::chrono::hours(1), [](app::App& app, std::int64_t now) {
               auto lease = app.db().acquire();
               if (auto n = expire_suggestions(*lease, now - kSuggestionLifetime))
                 spdlog::info("{{\"event\":\"parents_suggestions_expired\",\"count\":{}}}", n);
             }}};
  }

  void load_demo(const app::DemoLoad& load) const override { load_demo_parents(load.db, load.now); }

  void commands(app::CommandLine& cl) const override { add_bench_command(cl); }
};

}  // namespace

const app::Module& module() {
  static const ParentsModule m;
  return m;
}

}  // namespace samen::parents
