// The edge list of `samen network-metrics`: a CSV file with a header naming
// the columns source and target (and the weight column chosen with --weight),
// one tie per line. Reading it checks every line and reports what is wrong
// with its line number, so a file with a mistake gives no figures at all.
#pragma once
#include <cstddef>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "monitoring/metrics.hpp"

namespace samen::monitoring {

struct EdgeListOptions {
  bool directed = false;
  // The column holding the ties' weights (lengths); none: unweighted. A
  // column named "weight" is allowed in the header without being used.
  std::optional<std::string> weight_column;
  std::size_t max_errors = 20;  // reading stops after this many
};

struct EdgeList {
  std::vector<std::string> ids;  // node names, in order of first appearance
  Network network;
};

struct LineError {
  std::size_t line;  // 1-based; the header is line 1
  std::string message;
};

class EdgeListError : public std::runtime_error {
 public:
  explicit EdgeListError(std::vector<LineError> errors)
      : std::runtime_error("the edge list has errors"), errors(std::move(errors)) {}
  std::vector<LineError> errors;  // in line order
};

// Reads and checks the whole list. Throws EdgeListError listing: a missing
// or malformed header (no source/target column, an unknown or repeated
// column, the --weight column absent), lines with a wrong number of fields or
// broken CSV quoting, empty names, names that are not UTF-8, self-ties, a tie
// given twice (a–b and b–a are the same tie when undirected), weights that are
// empty, not numbers, not finite, negative or 0.
EdgeList read_edge_list(std::istream& in, const EdgeListOptions& options);

}  // namespace samen::monitoring
