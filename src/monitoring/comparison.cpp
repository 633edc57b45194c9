// Wave comparison (see comparison.hpp).
#include "monitoring/comparison.hpp"

#include <algorithm>
#include <set>

namespace samen::monitoring {

namespace {

using TieSet = std::set<std::pair<std::string, std::string>>;

// The ties of a wave by organisation ids: reported (directed) or confirmed (both sides, once).
TieSet ties_of(const WaveData& d, bool confirmed) {
  TieSet reported;
  for (const auto& a : d.answers)
    if (a.integration && *a.integration != "none") reported.insert({a.source, a.target});
  if (!confirmed) return reported;
  TieSet both;
  for (const auto& [s, t] : reported)
    if (s < t && reported.count({t, s})) both.insert({s, t});
  return both;
}

std::vector<FigureChange> figures(const WaveMetrics& a, const WaveMetrics& b) {
  auto d = [](double v) { return std::optional<double>(v); };
  auto i = [](std::int64_t v) { return std::optional<double>(static_cast<double>(v)); };
  std::vector<FigureChange> out = {
      {"nodes", i(a.metrics.nodes), i(b.metrics.nodes)},
      {"edges", i(a.metrics.edges), i(b.metrics.edges)},
      {"density", d(a.metrics.density), d(b.metrics.density)},
      {"reciprocity", a.metrics.reciprocity, b.metrics.reciprocity},
      {"transitivity", d(a.metrics.transitivity), d(b.metrics.transitivity)},
      {"components", i(a.metrics.components), i(b.metrics.components)},
      {"degree_centralization", d(a.metrics.degree_centralization), d(b.metrics.degree_centralization)},
      {"mean_degree", d(a.metrics.mean_degree), d(b.metrics.mean_degree)},
      {"trust", a.trust, b.trust},
      {"value", a.value, b.value},
  };
  for (std::size_t k = 1; k < kIntegration.size(); ++k) {
    std::string level(kIntegration[k]);
    out.push_back({"integration_share." + level, d(a.integration_share.at(level)), d(b.integration_share.at(level))});
  }
  if (!a.metrics.reciprocity) out.erase(out.begin() + 3);  // undirected: no reciprocity
  return out;
}

}  // namespace

Comparison compare_waves(store::Connection& c, const std::string& wave_id, const std::string& with_id, bool confirmed) {
  if (wave_id == with_id) throw WaveError(422, "monitoring.error.same_wave");
  WaveData now = load_wave_data(c, wave_id), before = load_wave_data(c, with_id);
  WaveMetrics a = metrics_of(now, now.wave.organization_ids, confirmed);
  WaveMetrics b = metrics_of(before, before.wave.organization_ids, confirmed);
  Comparison out;
  out.wave = now.wave;
  out.with = before.wave;
  out.confirmed = confirmed;
  out.figures = figures(a, b);
  TieSet ta = ties_of(now, confirmed), tb = ties_of(before, confirmed);
  std::set_difference(ta.begin(), ta.end(), tb.begin(), tb.end(), std::back_inserter(out.new_ties));
  std::set_difference(tb.begin(), tb.end(), ta.begin(), ta.end(), std::back_inserter(out.lost_ties));
  std::map<std::string, std::size_t> before_index;
  for (std::size_t i = 0; i < b.organization_ids.size(); ++i) before_index[b.organization_ids[i]] = i;
  for (std::size_t i = 0; i < a.organization_ids.size(); ++i) {
    auto it = before_index.find(a.organization_ids[i]);
    if (it == before_index.end()) continue;
    const auto &x = a.metrics.per_node[i], &y = b.metrics.per_node[it->second];
    out.organizations.push_back({a.organization_ids[i], x.degree, y.degree, x.betweenness, y.betweenness, x.closeness,
                                 y.closeness});
  }
  std::stable_sort(out.organizations.begin(), out.organizations.end(),
                   [](const OrganizationChange& p, const OrganizationChange& q) {
                     auto dp = p.degree - p.degree_before, dq = q.degree - q.degree_before;
                     if (dp != dq) return dp > dq;
                     return p.betweenness - p.betweenness_before > q.betweenness - q.betweenness_before;
                   });
  return out;
}

nlohmann::json to_json(const Comparison& cmp) {
  using nlohmann::json;
  auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  json network = json::object();
  for (const auto& f : cmp.figures) network[f.name] = {{"wave", opt(f.wave)}, {"with", opt(f.with)}, {"change", opt(f.change())}};
  auto ties = [](const std::vector<std::pair<std::string, std::string>>& v) {
    json out = json::array();
    for (const auto& [s, t] : v) out.push_back({{"source", s}, {"target", t}});
    return out;
  };
  json orgs = json::array();
  for (const auto& o : cmp.organizations)
    orgs.push_back({{"id", o.id},
                    {"degree", {{"wave", o.degree}, {"with", o.degree_before}, {"change", o.degree - o.degree_before}}},
                    {"betweenness",
                     {{"wave", o.betweenness}, {"with", o.betweenness_before}, {"change", o.betweenness - o.betweenness_before}}},
                    {"closeness",
                     {{"wave", o.closeness}, {"with", o.closeness_before}, {"change", o.closeness - o.closeness_before}}}});
  return {{"wave", cmp.wave.id},
          {"with", cmp.with.id},
          {"ties", cmp.confirmed ? "confirmed" : "reported"},
          {"network", network},
          {"new_ties", ties(cmp.new_ties)},
          {"lost_ties", ties(cmp.lost_ties)},
          {"organizations", orgs}};
}

}  // namespace samen::monitoring
