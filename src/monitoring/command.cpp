// The network-metrics command (see command.hpp).
#include "monitoring/command.hpp"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "monitoring/edge_list.hpp"
#include "monitoring/metrics.hpp"

namespace samen::monitoring {

namespace {

int report(const std::string& file, const EdgeListError& e, std::size_t max_errors, std::ostream& err) {
  for (const auto& l : e.errors) err << "samen: " << file << ":" << l.line << ": " << l.message << "\n";
  if (e.errors.size() >= max_errors) err << "samen: stopped after " << max_errors << " errors\n";
  err << "samen: no figures computed: correct the edge list first" << std::endl;
  return 1;
}

}  // namespace

int network_metrics(const MetricsCommand& c, std::ostream& out, std::ostream& err) {
  EdgeListOptions options;
  options.directed = c.directed;
  if (!c.weight.empty()) options.weight_column = c.weight;
  EdgeList list;
  try {
    if (c.edges == "-") {
      list = read_edge_list(std::cin, options);
    } else {
      std::ifstream in(c.edges, std::ios::binary);
      if (!in) {
        err << "samen: cannot open " << c.edges << std::endl;
        return 1;
      }
      list = read_edge_list(in, options);
    }
  } catch (const EdgeListError& e) {
    return report(c.edges, e, options.max_errors, err);
  }
  Metrics m = compute(list.network, PathOptions{c.exact_up_to, c.cutoff});
  nlohmann::json j = to_json(m, list.ids);
  j["path_cutoff"] = m.path_cutoff ? nlohmann::json(*m.path_cutoff) : nlohmann::json(nullptr);
  out << j.dump() << "\n";
  out.flush();
  return out ? 0 : 1;
}

}  // namespace samen::monitoring
