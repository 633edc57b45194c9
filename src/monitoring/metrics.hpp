// The network metrics engine of partnership monitoring (issue 18): whole-
// network and per-organisation figures of a network of ties, computed with
// igraph (C library, 0.10). Plain C++ without I/O: the `network-metrics`
// command (edge_list.hpp) and the survey waves feed it nodes and ties.
//
// The definitions (those of the issue; igraph's conventions and the choices
// made where igraph leaves a figure undefined are documented in metrics.cpp):
// - density = m / (n(n−1)) when directed, 2m / (n(n−1)) when not (0 for n < 2);
// - reciprocity (directed only) = the share of directed ties whose reverse exists (0 without ties);
// - transitivity = 3 × triangles / connected triples of the undirected simple graph (0 without triples);
// - components = weakly connected components;
// - degree_centralization = Σ(max degree − degree) / ((n−1)(n−2)) on the undirected simple graph (0 for n < 3);
// - mean_degree = the mean of the nodes' degree (in + out when directed) = 2m / n (0 for n = 0);
// - per node: degree (in + out when directed), in_degree, out_degree (both equal to degree when undirected),
//   betweenness (unnormalised shortest-path betweenness: directed paths when directed, each unordered pair
//   once when not), closeness (1 / mean distance to the nodes it reaches along out-paths; 0 when it
//   reaches none). With weights, paths are weighted (a weight is a tie's length, as igraph reads it).
// Betweenness and closeness need a shortest-path search from every node (O(n·m): about 10^11 steps for
// 100,000 nodes and 1,000,000 ties, in igraph's C core as in python-igraph), so above a size (PathOptions)
// they count only paths of at most a cutoff length: igraph's cutoff versions of both.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace samen::monitoring {

// A network: nodes 0..nodes−1 and ties between them. A simple graph: no tie
// from a node to itself, no tie twice (when undirected, a–b and b–a are the
// same tie). Weights: empty (unweighted) or one per tie, each finite and > 0.
struct Network {
  std::size_t nodes = 0;
  std::vector<std::pair<std::size_t, std::size_t>> ties;  // (source, target)
  std::vector<double> weights;
  bool directed = true;
};

// Thrown by compute() for a network that breaks the rules above (the edge
// list reader reports such input by line first; this guards other callers).
class InvalidNetwork : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

struct NodeMetrics {
  std::int64_t degree = 0;
  std::int64_t in_degree = 0;
  std::int64_t out_degree = 0;
  double betweenness = 0;
  double closeness = 0;
};

// When betweenness and closeness are exact and when they count only short
// paths. Up to `exact_up_to` nodes: every shortest path. Above it: only paths
// of length ≤ `cutoff` (ties; with weights, summed lengths), as igraph's
// betweenness_cutoff and closeness_cutoff define it: betweenness counts the
// shortest paths of at most that length through a node (with cutoff 2 on a
// directed network: the pairs a → v → b without a tie a → b, the brokerage
// of v), closeness is 1 / the mean distance to the nodes reached within it.
// The default is always exact (a survey wave has hundreds of organisations).
struct PathOptions {
  std::size_t exact_up_to = static_cast<std::size_t>(-1);
  double cutoff = 2;
};

struct Metrics {
  std::int64_t nodes = 0;
  std::int64_t edges = 0;
  double density = 0;
  std::optional<double> reciprocity;  // directed networks only
  double transitivity = 0;
  std::int64_t components = 0;
  double degree_centralization = 0;
  double mean_degree = 0;
  std::optional<double> path_cutoff;  // set when betweenness and closeness counted only paths up to it
  std::vector<NodeMetrics> per_node;  // in node order
};

// Computes every figure (betweenness and closeness as `paths` says). Throws
// InvalidNetwork (see Network) or std::runtime_error when igraph fails (out
// of memory). Safe to call from several threads: igraph is built without
// thread safety, so calls take turns on one lock.
Metrics compute(const Network& network, const PathOptions& paths = {});

// Positions for a picture of the network (the diagram of a wave): igraph's
// Fruchterman-Reingold layout of the ties without their direction, from
// nodes on a circle with igraph's random generator seeded with `seed`, so the
// same network always gives the same picture. Coordinates in igraph's units
// (the caller scales them); one (x, y) per node, in node order.
// Weights are ignored. Throws like compute().
std::vector<std::pair<double, double>> layout(const Network& network, unsigned long seed = 18);

// The JSON of the issue: {"network": {...}, "nodes": [{"id", ...}]}; `ids`
// names the nodes (one per node, in node order).
nlohmann::json to_json(const Metrics& metrics, const std::vector<std::string>& ids);

}  // namespace samen::monitoring
