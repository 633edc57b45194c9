// The monitoring module's plug (module.hpp): its route table (the survey
// waves' API, for coordinators and admins; the respondents' survey pages) and its CLI command network-metrics.
#include "monitoring/module.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/routes.hpp"
#include "core/permissions.hpp"
#include "monitoring/command.hpp"
#include "monitoring/demo.hpp"
#include "monitoring/handlers.hpp"
#include "monitoring/survey_handlers.hpp"

namespace samen::monitoring {

void add_bench_command(app::CommandLine& cl);  // bench_wave.cpp

namespace {

class MonitoringModule final : public app::Module {
 public:
  std::string_view name() const override { return "monitoring"; }

  void routes(app::Routes& r) const override {
    // Waves, respondents' addresses and their answers: the coordination (admins, coordinators).
    const auto coordination = core::network_editors();
    r.api("GET", "/api/v1/network/waves", coordination, api_waves);
    r.api("POST", "/api/v1/network/waves", coordination, api_create_wave, 1u << 20);
    r.api("GET", "/api/v1/network/waves/{id}", coordination, api_wave);
    r.api("POST", "/api/v1/network/waves/{id}/close", coordination, api_close_wave);
    r.api("GET", "/api/v1/network/waves/{id}/invitations", coordination, api_invitations);
    r.api("POST", "/api/v1/network/waves/{id}/invitations", coordination, api_invite);
    r.api("POST", "/api/v1/network/waves/{id}/reminders", coordination, api_remind);
    r.api("GET", "/api/v1/network/waves/{id}/responses", coordination, api_responses);
    r.api("GET", "/api/v1/network/waves/{id}/metrics", coordination, api_metrics);
    r.api("GET", "/api/v1/network/waves/{id}/comparison", coordination, api_comparison);
    r.api("GET", "/api/v1/network/waves/{id}/diagram", coordination, api_diagram);
    r.api("GET", "/api/v1/network/waves/{id}/graphml", coordination, api_graphml);

    // The coordinator's pages.
    r.page("GET", "/monitoring", coordination, waves_page);
    r.page("GET", "/monitoring/waves/new", coordination, new_wave_page);
    r.page("POST", "/monitoring/waves/new", coordination, create_wave_page);
    r.page("GET", "/monitoring/waves/{id}", coordination, wave_page);
    r.page("POST", "/monitoring/waves/{id}/invitations", coordination, invite_page);
    r.page("POST", "/monitoring/waves/{id}/reminders", coordination, remind_page);
    r.page("POST", "/monitoring/waves/{id}/close", coordination, close_wave_page);
    r.page("GET", "/monitoring/waves/{id}/metrics", coordination, metrics_page);
    r.page("GET", "/monitoring/waves/{id}/comparison", coordination, comparison_page);
    r.page("GET", "/monitoring/waves/{id}/diagram", coordination, diagram_page);
    r.page("GET", "/monitoring/waves/{id}/trends", coordination, trends_page);
    r.page("GET", "/monitoring/waves/{id}/exports/{kind}", coordination, export_page);
    r.page("GET", "/monitoring/waves/{id}/report", coordination, report_page);
    r.page("GET", "/monitoring/organizations", coordination, profiles_page);
    r.page("POST", "/monitoring/organizations", coordination, save_profiles_page);
    r.nav_item({"monitoring.nav", "/monitoring", coordination, "monitoring.nav.about", 60});

    // The respondent's survey: the token link is the only key (no account).
    const auto anyone = accounts::Access::anyone();
    r.page("GET", "/survey/{token}", anyone, survey_page);
    r.page("POST", "/survey/{token}/ties/{org}", anyone, survey_save_tie);
    r.page("POST", "/survey/{token}/factors", anyone, survey_save_factors);
    r.page("POST", "/survey/{token}/submit", anyone, survey_submit);
  }

  void load_demo(const app::DemoLoad& load) const override { load_demo_monitoring(load.db, load.now); }

  void commands(app::CommandLine& cl) const override {
    auto* cmd = cl.add_tool("network-metrics",
                            "Network metrics of an edge list (CSV with a header source,target[,weight]) as JSON",
                            [this] { return network_metrics(metrics_, std::cout, std::cerr); });
    cmd->add_option("--edges", metrics_.edges, "Edge list, CSV with a header source,target (- reads stdin)")
        ->required();
    cmd->add_flag("--directed", metrics_.directed, "Ties are directed (source -> target)");
    cmd->add_option("--weight", metrics_.weight, "Column of the ties' weights, read as lengths of paths (> 0)");
    // Exact betweenness and closeness take a shortest-path search from every
    // node: hours on 100,000 nodes and 1,000,000 ties (igraph alike).
    cmd->add_option("--exact-up-to", metrics_.exact_up_to,
                    "Betweenness and closeness are exact up to this many nodes; above it they count only paths of "
                    "length up to --cutoff (igraph's cutoff versions; the JSON's path_cutoff says which)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--cutoff", metrics_.cutoff,
                    "Longest path (in ties, or summed weights) counted above --exact-up-to nodes; with 2 on "
                    "directed ties, betweenness counts the pairs a -> v -> b without a tie a -> b")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    add_bench_command(cl);  // bench_wave.cpp: network-bench-wave (hidden)
  }

 private:
  mutable MetricsCommand metrics_;  // bound to the command's options
};

}  // namespace

const app::Module& module() {
  static const MonitoringModule m;
  return m;
}

}  // namespace samen::monitoring
