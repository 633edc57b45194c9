// A wave's network as GraphML and tables (see exports.hpp).
#include "monitoring/exports.hpp"

#include <cstdio>

#include "documents/xml_writer.hpp"

namespace samen::monitoring {

namespace {

using documents::Cell;
using documents::ColumnType;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string teams_of(const NetworkExport& e, const DiagramNode& n) {
  std::vector<std::string> names;
  for (const auto& id : n.team_ids)
    if (auto it = e.team_names.find(id); it != e.team_names.end()) names.push_back(it->second);
  return join(names);
}

// Doubles as GraphML's xsd:double reads them: shortest round-trip form, '.' always.
std::string real(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

Cell opt(const std::optional<double>& v) { return v ? Cell(*v) : Cell(); }

void key(documents::XmlWriter& w, const char* id, const char* on, const char* name, const char* type) {
  w.start("key");
  w.attribute("id", id);
  w.attribute("for", on);
  w.attribute("attr.name", name);
  w.attribute("attr.type", type);
  w.end();
}

void data(documents::XmlWriter& w, const char* k, const std::string& value) {
  w.start("data");
  w.attribute("key", k);
  w.text(value);
  w.end();
}

}  // namespace

NetworkExport network_export(const WaveData& data, const core::Network& net,
                             const std::map<std::string, Profile>& profiles, bool confirmed, i18n::Lang lang) {
  NetworkExport e;
  e.wave = data.wave;
  e.diagram = build_diagram(data, net, profiles, DiagramFilter{.confirmed = confirmed}, lang);
  e.metrics = metrics_of(data, data.wave.organization_ids, confirmed);
  for (const auto& t : net.teams) e.team_names[t.id] = t.name.in(lang);
  return e;
}

std::string write_graphml(const NetworkExport& e) {
  documents::XmlWriter w;
  w.start("graphml");
  w.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  key(w, "n_name", "node", "name", "string");
  key(w, "n_sector", "node", "sector", "string");
  key(w, "n_language", "node", "language", "string");
  key(w, "n_teams", "node", "teams", "string");
  key(w, "n_degree", "node", "degree", "long");
  key(w, "n_in_degree", "node", "in_degree", "long");
  key(w, "n_out_degree", "node", "out_degree", "long");
  key(w, "n_betweenness", "node", "betweenness", "double");
  key(w, "n_closeness", "node", "closeness", "double");
  key(w, "n_trust", "node", "trust", "double");
  key(w, "n_value", "node", "value", "double");
  key(w, "e_level", "edge", "level", "string");
  key(w, "e_frequency", "edge", "frequency", "string");
  key(w, "e_trust", "edge", "trust", "double");
  key(w, "e_value", "edge", "value", "double");
  key(w, "e_resources", "edge", "resources", "string");
  key(w, "e_confirmed", "edge", "confirmed", "boolean");
  w.start("graph");
  w.attribute("id", e.wave.id);
  w.attribute("edgedefault", e.diagram.confirmed ? "undirected" : "directed");
  const auto& per_node = e.metrics.metrics.per_node;
  for (std::size_t i = 0; i < e.diagram.nodes.size(); ++i) {
    const auto& n = e.diagram.nodes[i];
    const auto& m = per_node.at(i);
    w.start("node");
    w.attribute("id", n.id);
    data(w, "n_name", n.name);
    data(w, "n_sector", n.sector);
    data(w, "n_language", n.language);
    data(w, "n_teams", teams_of(e, n));
    data(w, "n_degree", std::to_string(m.degree));
    data(w, "n_in_degree", std::to_string(m.in_degree));
    data(w, "n_out_degree", std::to_string(m.out_degree));
    data(w, "n_betweenness", real(m.betweenness));
    data(w, "n_closeness", real(m.closeness));
    // A missing rating is a missing <data>: networkx leaves the attribute out, igraph reads NaN.
    if (auto v = e.metrics.trust_received.at(n.id)) data(w, "n_trust", real(*v));
    if (auto v = e.metrics.value_received.at(n.id)) data(w, "n_value", real(*v));
    w.end();
  }
  for (const auto& t : e.diagram.ties) {
    w.start("edge");
    w.attribute("source", e.diagram.nodes[t.source].id);
    w.attribute("target", e.diagram.nodes[t.target].id);
    data(w, "e_level", t.level);
    if (t.frequency) data(w, "e_frequency", *t.frequency);
    if (t.trust) data(w, "e_trust", real(*t.trust));
    if (t.value) data(w, "e_value", real(*t.value));
    if (!t.resources.empty()) data(w, "e_resources", join(t.resources));
    data(w, "e_confirmed", t.confirmed ? "true" : "false");
    w.end();
  }
  w.end();
  w.end();
  return w.finish();
}

documents::Table ties_table(const NetworkExport& e, const Translate& t) {
  documents::Table table({{t("monitoring.export.source_id"), ColumnType::text},
                          {t("monitoring.export.source"), ColumnType::text},
                          {t("monitoring.export.target_id"), ColumnType::text},
                          {t("monitoring.export.target"), ColumnType::text},
                          {t("monitoring.diagram.level_column"), ColumnType::text},
                          {t("monitoring.diagram.frequency"), ColumnType::text},
                          {t("monitoring.metrics.trust"), ColumnType::number},
                          {t("monitoring.metrics.value"), ColumnType::number},
                          {t("monitoring.export.resources"), ColumnType::text},
                          {t("monitoring.diagram.confirmed"), ColumnType::text}});
  for (const auto& tie : e.diagram.ties) {
    const auto &s = e.diagram.nodes[tie.source], &g = e.diagram.nodes[tie.target];
    std::vector<std::string> resources;
    for (const auto& r : tie.resources) resources.push_back(t("monitoring.resource." + r));
    table.add_row({s.id, s.name, g.id, g.name, t("monitoring.level." + tie.level),
                   tie.frequency ? Cell(t("monitoring.frequency." + *tie.frequency)) : Cell(), opt(tie.trust),
                   opt(tie.value), resources.empty() ? Cell() : Cell(join(resources)), t(tie.confirmed ? "monitoring.diagram.yes" : "monitoring.diagram.no")});
  }
  return table;
}

documents::Table organizations_table(const NetworkExport& e, const Translate& t) {
  documents::Table table({{t("monitoring.export.id"), ColumnType::text},
                          {t("monitoring.wave.organization"), ColumnType::text},
                          {t("monitoring.wave.sector"), ColumnType::text},
                          {t("monitoring.profiles.language"), ColumnType::text},
                          {t("monitoring.metrics.by_team"), ColumnType::text},
                          {t("monitoring.metrics.degree"), ColumnType::integer},
                          {t("monitoring.metrics.in_degree"), ColumnType::integer},
                          {t("monitoring.metrics.out_degree"), ColumnType::integer},
                          {t("monitoring.metrics.betweenness"), ColumnType::number},
                          {t("monitoring.metrics.closeness"), ColumnType::number},
                          {t("monitoring.metrics.trust_received"), ColumnType::number},
                          {t("monitoring.metrics.value_received"), ColumnType::number}});
  for (std::size_t i = 0; i < e.diagram.nodes.size(); ++i) {
    const auto& n = e.diagram.nodes[i];
    const auto& m = e.metrics.metrics.per_node.at(i);
    table.add_row({n.id, n.name, t("monitoring.sector." + n.sector), t("monitoring.language." + n.language),
                   teams_of(e, n), m.degree, m.in_degree, m.out_degree, m.betweenness, m.closeness,
                   opt(e.metrics.trust_received.at(n.id)), opt(e.metrics.value_received.at(n.id))});
  }
  return table;
}

documents::Table figures_table(const NetworkExport& e, const Translate& t) {
  documents::Table table({{t("monitoring.comparison.figure"), ColumnType::text}, {t("monitoring.export.code"), ColumnType::text},
                          {e.wave.name, ColumnType::number}});
  const auto& n = e.metrics.metrics;
  auto row = [&](const std::string& label_key, const std::string& code, Cell value) {
    table.add_row({t(label_key), code, std::move(value)});
  };
  row("monitoring.metrics.nodes", "nodes", n.nodes);
  row("monitoring.metrics.edges", "edges", n.edges);
  row("monitoring.metrics.density", "density", n.density);
  if (n.reciprocity) row("monitoring.metrics.reciprocity", "reciprocity", *n.reciprocity);
  row("monitoring.metrics.transitivity", "transitivity", n.transitivity);
  row("monitoring.metrics.components", "components", n.components);
  row("monitoring.metrics.centralization", "degree_centralization", n.degree_centralization);
  row("monitoring.metrics.mean_degree", "mean_degree", n.mean_degree);
  row("monitoring.metrics.trust", "trust", opt(e.metrics.trust));
  row("monitoring.metrics.value", "value", opt(e.metrics.value));
  for (std::size_t k = 1; k < kIntegration.size(); ++k) {
    std::string level(kIntegration[k]);
    row("monitoring.level." + level, "integration_share." + level, e.metrics.integration_share.at(level));
  }
  return table;
}

}  // namespace samen::monitoring
