// `samen network-metrics --edges FILE.csv [--directed] [--weight COLUMN]`:
// reads an edge list (edge_list.hpp), computes the metrics (metrics.hpp) and
// prints their JSON on stdout; a bad file prints its errors with their line
// numbers on stderr, nothing on stdout, and exits 1.
#pragma once
#include <ostream>
#include <string>

namespace samen::monitoring {

struct MetricsCommand {
  std::string edges;   // file path; "-" reads stdin
  bool directed = false;
  std::string weight;  // column name; empty: unweighted
};

int network_metrics(const MetricsCommand& command, std::ostream& out, std::ostream& err);

}  // namespace samen::monitoring
