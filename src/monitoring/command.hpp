// `samen network-metrics --edges FILE.csv [--directed] [--weight COLUMN]
// [--exact-up-to NODES] [--cutoff LENGTH]`: reads an edge list
// (edge_list.hpp), computes the metrics (metrics.hpp) and prints their JSON on
// stdout, with "path_cutoff": null when betweenness and closeness are exact,
// or the cutoff when the network has more than --exact-up-to nodes (10,000 by
// default) and they count only paths up to --cutoff (2 by default; see
// PathOptions). A bad file prints its errors with their line numbers on
// stderr, nothing on stdout, and exits 1.
#pragma once
#include <cstddef>
#include <ostream>
#include <string>

namespace samen::monitoring {

struct MetricsCommand {
  std::string edges;   // file path; "-" reads stdin
  bool directed = false;
  std::string weight;  // column name; empty: unweighted
  std::size_t exact_up_to = 10000;  // nodes; above: betweenness and closeness with the cutoff
  double cutoff = 2;                // path length (ties, or summed weights)
};

int network_metrics(const MetricsCommand& command, std::ostream& out, std::ostream& err);

}  // namespace samen::monitoring
