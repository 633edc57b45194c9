// A wave's metrics page for coordinators and admins
// (/monitoring/waves/{id}/metrics?ties=reported|confirmed&by=team|sector|language):
// the network figures (metrics.hpp) of the ties as reported (directed) or as
// confirmed by both sides (undirected), trust and value (averages of the
// ratings given and received), the share of ties per integration level, the
// subnetworks of one cut (team, sector or language community) side by side,
// and one row per organisation, most connected first. Submitted answers only.
#include <algorithm>

#include "app/app.hpp"
#include "core/network.hpp"
#include "monitoring/analysis.hpp"
#include "monitoring/handlers.hpp"
#include "monitoring/profiles.hpp"

namespace samen::monitoring {

using app::Context;
using app::HttpError;

namespace {

std::string number(Context& ctx, double v, int digits = 2) { return i18n::format_number(ctx.lang, v, digits); }
std::string number(Context& ctx, const std::optional<double>& v) {
  return v ? number(ctx, *v) : ctx.t("monitoring.metrics.no_rating");
}
std::string percent(Context& ctx, double share) { return number(ctx, share * 100.0, 0) + " %"; }

// A tab link that keeps the other choice.
void add_tab(web::Dict& d, const char* section, const std::string& href, const std::string& label, bool current) {
  auto* t = d.AddSectionDictionary(section);
  t->SetValue("HREF", href);
  t->SetValue("LABEL", label);
  if (current) t->ShowSection("CURRENT");
}

void network_figures(Context& ctx, web::Dict& d, const WaveMetrics& m) {
  const auto& n = m.metrics;
  auto fig = [&](const std::string& key, const std::string& value) {
    auto* f = d.AddSectionDictionary("FIGURES");
    f->SetValue("LABEL", ctx.t(key));
    f->SetValue("VALUE", value);
  };
  fig("monitoring.metrics.nodes", i18n::format_integer(ctx.lang, n.nodes));
  fig("monitoring.metrics.edges", i18n::format_integer(ctx.lang, n.edges));
  fig("monitoring.metrics.density", number(ctx, n.density, 3));
  if (n.reciprocity) fig("monitoring.metrics.reciprocity", number(ctx, *n.reciprocity, 3));
  fig("monitoring.metrics.transitivity", number(ctx, n.transitivity, 3));
  fig("monitoring.metrics.components", i18n::format_integer(ctx.lang, n.components));
  fig("monitoring.metrics.centralization", number(ctx, n.degree_centralization, 3));
  fig("monitoring.metrics.mean_degree", number(ctx, n.mean_degree));
  fig("monitoring.metrics.trust", number(ctx, m.trust));
  fig("monitoring.metrics.value", number(ctx, m.value));
  for (std::size_t k = 1; k < kIntegration.size(); ++k) {
    std::string level(kIntegration[k]);
    auto* row = d.AddSectionDictionary("LEVELS");
    row->SetValue("LABEL", ctx.t("monitoring.integration." + level));
    row->SetValue("SHARE", percent(ctx, m.integration_share.at(level)));
  }
}

}  // namespace

http::Response metrics_page(Context& ctx) {
  std::string ties = ctx.req.query_param("ties").value_or("reported");
  if (ties != "reported" && ties != "confirmed") throw HttpError(400, "bad_request", "monitoring.error.ties");
  std::string by = ctx.req.query_param("by").value_or("sector");
  auto cut = parse_cut(by);
  if (!cut) throw HttpError(400, "bad_request", "monitoring.error.cut");
  bool confirmed = ties == "confirmed";

  std::optional<store::Lease> lease(ctx.app.db().acquire());
  std::string id = ctx.param("id");
  if (id.empty() || id.size() > 100 || !load_wave(**lease, id)) throw HttpError(404, "not_found", "error.not_found");
  WaveData data = load_wave_data(**lease, id);
  core::Network net = core::load_network(**lease, true);
  auto profiles = load_profiles(**lease);
  lease.reset();

  WaveMetrics m = metrics_of(data, data.wave.organization_ids, confirmed);
  WaveMetrics other = metrics_of(data, data.wave.organization_ids, !confirmed);
  auto d = ctx.content_dict();
  std::string base = "/monitoring/waves/" + id;
  d.SetValue("WAVE", data.wave.name);
  d.SetValue("WAVE_HREF", base);
  d.SetValue("TIES_CODE", ties);
  d.SetValue("TIE_COUNTS", ctx.tf("monitoring.metrics.tie_counts",
                                  {{"reported", confirmed ? other.metrics.edges : m.metrics.edges},
                                   {"confirmed", confirmed ? m.metrics.edges : other.metrics.edges}}));
  add_tab(d, "TIES", base + "/metrics?ties=reported&by=" + by, ctx.t("monitoring.metrics.reported"), !confirmed);
  add_tab(d, "TIES", base + "/metrics?ties=confirmed&by=" + by, ctx.t("monitoring.metrics.confirmed"), confirmed);
  for (const char* c : {"team", "sector", "language"})
    add_tab(d, "CUTS", base + "/metrics?ties=" + ties + "&by=" + c, ctx.t(std::string("monitoring.metrics.by_") + c),
            by == c);
  d.SetValue("CUT_LABEL", ctx.t("monitoring.metrics.by_" + by));
  network_figures(ctx, d, m);

  for (const auto& s : subnetworks(data, *cut, confirmed, net, profiles, ctx.lang,
                                   [&](const std::string& key) { return ctx.t(key); })) {
    const auto& n = s.metrics.metrics;
    auto* row = d.AddSectionDictionary("SUBNETS");
    row->SetValue("NAME", s.label);
    row->SetValue("NODES", i18n::format_integer(ctx.lang, n.nodes));
    row->SetValue("EDGES", i18n::format_integer(ctx.lang, n.edges));
    row->SetValue("DENSITY", number(ctx, n.density, 3));
    row->SetValue("MEAN_DEGREE", number(ctx, n.mean_degree));
    row->SetValue("COMPONENTS", i18n::format_integer(ctx.lang, n.components));
    row->SetValue("TRUST", number(ctx, s.metrics.trust));
    row->SetValue("VALUE", number(ctx, s.metrics.value));
  }

  // Organisations, most connected first.
  std::vector<std::size_t> order(m.organization_ids.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::string> names;
  for (const auto& o : m.organization_ids) {
    const auto* org = net.organization(o);
    names.push_back(org ? org->name.in(ctx.lang) : o);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto &x = m.metrics.per_node[a], &y = m.metrics.per_node[b];
    if (x.degree != y.degree) return x.degree > y.degree;
    return names[a] < names[b];
  });
  if (!confirmed) d.ShowSection("DIRECTED");
  for (std::size_t i : order) {
    const auto& n = m.metrics.per_node[i];
    const auto& o = m.organization_ids[i];
    Profile p = profile_of(profiles, o);
    auto* row = d.AddSectionDictionary("ORGS");
    row->SetValue("NAME", names[i]);
    row->SetValue("SECTOR", ctx.t("monitoring.sector." + p.sector));
    row->SetValue("LANGUAGE", ctx.t("monitoring.language." + p.language));
    row->SetValue("DEGREE", i18n::format_integer(ctx.lang, n.degree));
    if (!confirmed) {
      auto* dir = row->AddSectionDictionary("DIRECTED");
      dir->SetValue("IN", i18n::format_integer(ctx.lang, n.in_degree));
      dir->SetValue("OUT", i18n::format_integer(ctx.lang, n.out_degree));
    }
    row->SetValue("BETWEENNESS", number(ctx, n.betweenness));
    row->SetValue("CLOSENESS", number(ctx, n.closeness, 3));
    row->SetValue("TRUST", number(ctx, m.trust_received.at(o)));
    row->SetValue("VALUE", number(ctx, m.value_received.at(o)));
  }
  return ctx.page("monitoring_metrics", ctx.tf("monitoring.metrics.page_title", {{"wave", data.wave.name}}), d);
}

}  // namespace samen::monitoring
