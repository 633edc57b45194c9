// A wave's network as files (issue 18): GraphML (readable by networkx and
// igraph: typed <key>s, node attributes name, sector, language, teams,
// degree, in/out degree, betweenness, closeness, trust and value received;
// edge attributes level, frequency, trust, value, resources, confirmed),
// written with libxml2's writer (documents/xml_writer.hpp); and the tables
// for CSV/XLSX (documents/table.hpp): the ties (an edge list), the
// organisations with their figures, and the network's figures.
// Plain data in, text or tables out; column titles through `t`.
#pragma once
#include <functional>
#include <string>

#include "documents/table.hpp"
#include "monitoring/diagram.hpp"

namespace samen::monitoring {

// What every export of a wave is made of: the whole wave's diagram (no
// filter: nodes in the wave's organisation order) and its metrics (the same
// ties: reported or confirmed), team names in the reader's language.
struct NetworkExport {
  Wave wave;
  Diagram diagram;
  WaveMetrics metrics;
  std::map<std::string, std::string> team_names;  // team id → name
};

NetworkExport network_export(const WaveData& data, const core::Network& net,
                             const std::map<std::string, Profile>& profiles, bool confirmed, i18n::Lang lang);

// GraphML: directed (as reported) or undirected (confirmed); node ids are the
// organisations' ids, sector/language/level/frequency are codes.
std::string write_graphml(const NetworkExport& e);

using Translate = std::function<std::string(const std::string&)>;
documents::Table ties_table(const NetworkExport& e, const Translate& t);
documents::Table organizations_table(const NetworkExport& e, const Translate& t);
documents::Table figures_table(const NetworkExport& e, const Translate& t);

}  // namespace samen::monitoring
