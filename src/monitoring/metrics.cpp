// The network metrics engine over igraph (see metrics.hpp for the
// definitions). Each figure comes from the igraph function that computes it;
// the comments say which of igraph's conventions that relies on and what is
// given where igraph answers NaN (JSON has no NaN, and a figure the reader
// cannot compare is worse than a documented 0).
#include "monitoring/metrics.hpp"

#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <vector>
#include <nlohmann/json.hpp>

namespace samen::monitoring {

namespace {

// igraph 0.10 as Debian builds it is not thread safe (IGRAPH_THREAD_SAFE 0:
// one global error stack, one RNG), so every use takes this lock.
std::mutex& igraph_lock() {
  static std::mutex m;
  return m;
}

// igraph's default error handler aborts the process; the "ignore" handler
// frees igraph's temporaries and returns the error code, which check() turns
// into an exception. Warnings (none expected on valid input) are not printed.
void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
  });
}

void check(igraph_error_t code, const char* what) {
  if (code != IGRAPH_SUCCESS) throw std::runtime_error(std::string("igraph: ") + what + ": " + igraph_strerror(code));
}

// Owners of igraph's C objects (destroyed on every path, exceptions included).
struct RealVector {
  igraph_vector_t v;
  explicit RealVector(igraph_integer_t n = 0) { check(igraph_vector_init(&v, n), "vector"); }
  ~RealVector() { igraph_vector_destroy(&v); }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
  double operator[](igraph_integer_t i) const { return VECTOR(v)[i]; }
};

struct IntVector {
  igraph_vector_int_t v;
  explicit IntVector(igraph_integer_t n = 0) { check(igraph_vector_int_init(&v, n), "vector"); }
  ~IntVector() { igraph_vector_int_destroy(&v); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  igraph_integer_t operator[](igraph_integer_t i) const { return VECTOR(v)[i]; }
};

struct Graph {
  igraph_t g;
  Graph(const IntVector& edges, igraph_integer_t n, bool directed) {
    check(igraph_create(&g, &edges.v, n, directed), "create");
  }
  explicit Graph(const Graph& other) { check(igraph_copy(&g, &other.g), "copy"); }
  ~Graph() { igraph_destroy(&g); }
  Graph& operator=(const Graph&) = delete;
};

double finite_or_zero(double x) { return std::isfinite(x) ? x : 0.0; }

// The rules of Network (metrics.hpp): igraph would accept loops and
// multi-edges, but every definition here is for a simple graph.
void validate(const Network& net) {
  if (!net.weights.empty() && net.weights.size() != net.ties.size())
    throw InvalidNetwork("one weight per tie is needed");
  for (double w : net.weights)
    if (!std::isfinite(w) || w <= 0) throw InvalidNetwork("a weight must be a finite number above 0");
  std::vector<std::pair<std::size_t, std::size_t>> seen;
  seen.reserve(net.ties.size());
  for (auto [s, t] : net.ties) {
    if (s >= net.nodes || t >= net.nodes) throw InvalidNetwork("a tie names a node outside the network");
    if (s == t) throw InvalidNetwork("a tie from a node to itself");
    seen.emplace_back(net.directed ? s : std::min(s, t), net.directed ? t : std::max(s, t));
  }
  std::sort(seen.begin(), seen.end());
  if (std::adjacent_find(seen.begin(), seen.end()) != seen.end()) throw InvalidNetwork("a tie appears twice");
}

// Whole-network figures of the undirected simple graph (ties without their
// direction, a mutual pair once): transitivity and degree centralization.
void undirected_figures(const Graph& graph, bool directed, Metrics& out) {
  Graph simple(graph);
  // COLLAPSE: one undirected edge per connected pair, however many directed
  // ties join it (a mutual pair would otherwise count twice in degrees).
  if (directed) check(igraph_to_undirected(&simple.g, IGRAPH_TO_UNDIRECTED_COLLAPSE, nullptr), "to_undirected");
  // TRANSITIVITY_ZERO: 0 for a graph without connected triples (igraph's
  // default, and python-igraph's, is NaN).
  igraph_real_t transitivity = 0;
  check(igraph_transitivity_undirected(&simple.g, &transitivity, IGRAPH_TRANSITIVITY_ZERO), "transitivity");
  out.transitivity = finite_or_zero(transitivity);
  // Normalised degree centralization: for an undirected graph without loops
  // igraph's theoretical maximum is (n−1)(n−2) (the star), so this is
  // Σ(max − degree) / ((n−1)(n−2)). Below 3 nodes that maximum is 0 and the
  // figure undefined (igraph: NaN); we give 0.
  if (out.nodes >= 3) {
    RealVector scores;
    igraph_real_t centralization = 0;
    check(igraph_centralization_degree(&simple.g, &scores.v, IGRAPH_ALL, /*loops=*/false, &centralization,
                                       /*theoretical_max=*/nullptr, /*normalized=*/true),
          "centralization_degree");
    out.degree_centralization = finite_or_zero(centralization);
  }
}

// Closeness counting only the nodes within `cutoff` ties, unweighted: from
// the number of nodes at each distance k (igraph_neighborhood_size with
// mindist k: every node in one call per k), reached = Σ count_k and the
// distance sum = Σ k·count_k. The figure of igraph_closeness_cutoff (the test
// compares them), which igraph 0.10.2 computes in 20 s instead of 1.4 s on
// 100,000 nodes and 1,000,000 ties (bench/network.sh).
void closeness_within(const Graph& graph, double cutoff, RealVector& out) {
  igraph_integer_t n = igraph_vcount(&graph.g);
  std::vector<double> reached(static_cast<std::size_t>(n)), total(static_cast<std::size_t>(n));
  IntVector at_k;
  for (igraph_integer_t k = 1; k <= cutoff; ++k) {
    check(igraph_neighborhood_size(&graph.g, &at_k.v, igraph_vss_all(), k, IGRAPH_OUT, k), "neighborhood_size");
    bool farther = false;  // none at distance k: none beyond it either
    for (igraph_integer_t i = 0; i < n; ++i) {
      auto count = static_cast<double>(at_k[i]);
      reached[static_cast<std::size_t>(i)] += count;
      total[static_cast<std::size_t>(i)] += static_cast<double>(k) * count;
      farther = farther || count > 0;
    }
    if (!farther) break;
  }
  for (igraph_integer_t i = 0; i < n; ++i) {
    auto j = static_cast<std::size_t>(i);
    VECTOR(out.v)[i] = reached[j] > 0 ? reached[j] / total[j] : std::nan("");
  }
}

void node_figures(const Graph& graph, const Network& net, Metrics& out) {
  // igraph's cutoff functions take a negative cutoff as "no cutoff" (exact).
  const double cutoff = out.path_cutoff.value_or(-1);
  auto n = static_cast<igraph_integer_t>(net.nodes);
  IntVector all(n), in(n), outd(n);
  // IGRAPH_ALL on a directed graph is in + out; on an undirected graph IN,
  // OUT and ALL are the same count, so in_degree = out_degree = degree.
  check(igraph_degree(&graph.g, &all.v, igraph_vss_all(), IGRAPH_ALL, false), "degree");
  check(igraph_degree(&graph.g, &in.v, igraph_vss_all(), IGRAPH_IN, false), "degree");
  check(igraph_degree(&graph.g, &outd.v, igraph_vss_all(), IGRAPH_OUT, false), "degree");

  RealVector weights(static_cast<igraph_integer_t>(net.weights.size()));
  for (std::size_t i = 0; i < net.weights.size(); ++i) VECTOR(weights.v)[i] = net.weights[i];
  const igraph_vector_t* w = net.weights.empty() ? nullptr : &weights.v;

  // Betweenness: igraph counts shortest paths between ordered pairs on a
  // directed graph (directed=true) and each unordered pair once on an
  // undirected one (it halves its ordered-pair sums), unnormalised. Weights
  // are lengths and must be > 0 (validate()). With a cutoff, only shortest
  // paths of length ≤ cutoff count (python-igraph's betweenness(cutoff=)).
  RealVector betweenness(n);
  check(igraph_betweenness_cutoff(&graph.g, &betweenness.v, igraph_vss_all(), /*directed=*/true, w, cutoff),
        "betweenness");

  // Closeness: igraph 0.10 considers only the nodes a node reaches (along
  // out-paths with IGRAPH_OUT; on an undirected graph OUT is ALL); normalized
  // = true gives 1 / mean distance to them (false: 1 / their summed
  // distance). A node that reaches none gets NaN from igraph; we give 0.
  // With a cutoff, nodes farther than it count as not reached.
  RealVector closeness(n);
  if (out.path_cutoff && !w)
    closeness_within(graph, *out.path_cutoff, closeness);
  else
    check(igraph_closeness_cutoff(&graph.g, &closeness.v, nullptr, nullptr, igraph_vss_all(), IGRAPH_OUT, w,
                                  /*normalized=*/true, cutoff),
          "closeness");

  out.per_node.resize(net.nodes);
  for (igraph_integer_t i = 0; i < n; ++i) {
    NodeMetrics& m = out.per_node[static_cast<std::size_t>(i)];
    m.degree = all[i];
    m.in_degree = in[i];
    m.out_degree = outd[i];
    m.betweenness = betweenness[i];
    m.closeness = finite_or_zero(closeness[i]);
  }
}

}  // namespace

Metrics compute(const Network& net, const PathOptions& paths) {
  validate(net);
  Metrics out;
  out.nodes = static_cast<std::int64_t>(net.nodes);
  if (net.nodes > paths.exact_up_to) out.path_cutoff = paths.cutoff;
  out.edges = static_cast<std::int64_t>(net.ties.size());
  if (net.directed) out.reciprocity = 0.0;
  if (net.nodes == 0) return out;  // the empty network: every figure 0, no nodes

  std::lock_guard lock(igraph_lock());
  install_handlers();
  IntVector edges(static_cast<igraph_integer_t>(2 * net.ties.size()));
  for (std::size_t i = 0; i < net.ties.size(); ++i) {
    VECTOR(edges.v)[2 * i] = static_cast<igraph_integer_t>(net.ties[i].first);
    VECTOR(edges.v)[2 * i + 1] = static_cast<igraph_integer_t>(net.ties[i].second);
  }
  Graph graph(edges, static_cast<igraph_integer_t>(net.nodes), net.directed);

  // Density without loops: m / (n(n−1)) directed, m / (n(n−1)/2) undirected;
  // NaN below 2 nodes in igraph, 0 here.
  igraph_real_t density = 0;
  check(igraph_density(&graph.g, &density, /*loops=*/false), "density");
  out.density = finite_or_zero(density);

  // RECIPROCITY_DEFAULT is reciprocated ties / ties (RATIO would count
  // mutual pairs / connected pairs instead); NaN without ties in igraph, 0 here.
  if (net.directed) {
    igraph_real_t reciprocity = 0;
    check(igraph_reciprocity(&graph.g, &reciprocity, /*ignore_loops=*/true, IGRAPH_RECIPROCITY_DEFAULT),
          "reciprocity");
    out.reciprocity = finite_or_zero(reciprocity);
  }

  igraph_integer_t components = 0;
  check(igraph_connected_components(&graph.g, nullptr, nullptr, &components, IGRAPH_WEAK), "components");
  out.components = components;

  // The mean of the nodes' degree column: 2m / n whether directed or not
  // (igraph_mean_degree would give m / n, the mean out-degree, on a directed graph).
  out.mean_degree = 2.0 * static_cast<double>(net.ties.size()) / static_cast<double>(net.nodes);

  undirected_figures(graph, net.directed, out);
  node_figures(graph, net, out);
  return out;
}

std::vector<std::pair<double, double>> layout(const Network& net, unsigned long seed) {
  validate(net);
  std::vector<std::pair<double, double>> out(net.nodes);
  if (net.nodes < 2) return out;  // one node sits at the centre
  std::lock_guard lock(igraph_lock());
  install_handlers();
  IntVector edges(static_cast<igraph_integer_t>(2 * net.ties.size()));
  for (std::size_t i = 0; i < net.ties.size(); ++i) {
    VECTOR(edges.v)[2 * i] = static_cast<igraph_integer_t>(net.ties[i].first);
    VECTOR(edges.v)[2 * i + 1] = static_cast<igraph_integer_t>(net.ties[i].second);
  }
  // Undirected: a tie pulls both ends whichever side named it.
  Graph graph(edges, static_cast<igraph_integer_t>(net.nodes), false);
  auto n = static_cast<igraph_integer_t>(net.nodes);
  igraph_matrix_t positions;
  check(igraph_matrix_init(&positions, n, 2), "matrix");
  struct Free {
    igraph_matrix_t* m;
    ~Free() { igraph_matrix_destroy(m); }
  } free_positions{&positions};
  // Start from a circle (use_seed) and seed the generator FR draws from when
  // two nodes coincide: the same input gives the same picture on every run.
  const double pi = std::acos(-1.0);
  for (igraph_integer_t i = 0; i < n; ++i) {
    MATRIX(positions, i, 0) = std::cos(2 * pi * static_cast<double>(i) / static_cast<double>(n)) * std::sqrt(n);
    MATRIX(positions, i, 1) = std::sin(2 * pi * static_cast<double>(i) / static_cast<double>(n)) * std::sqrt(n);
  }
  check(igraph_rng_seed(igraph_rng_default(), seed), "rng_seed");
  // 500 iterations (igraph's default); the grid (an approximation of the
  // repulsion) from 1,000 nodes on, as igraph's AUTOGRID chooses.
  check(igraph_layout_fruchterman_reingold(&graph.g, &positions, /*use_seed=*/true, /*niter=*/500,
                                           /*start_temp=*/std::sqrt(static_cast<double>(n)) / 10.0,
                                           IGRAPH_LAYOUT_AUTOGRID, nullptr, nullptr, nullptr, nullptr, nullptr),
        "layout_fruchterman_reingold");
  for (igraph_integer_t i = 0; i < n; ++i)
    out[static_cast<std::size_t>(i)] = {finite_or_zero(MATRIX(positions, i, 0)), finite_or_zero(MATRIX(positions, i, 1))};
  return out;
}

nlohmann::json to_json(const Metrics& m, const std::vector<std::string>& ids) {
  if (ids.size() != m.per_node.size()) throw std::invalid_argument("one id per node is needed");
  nlohmann::json network = {{"nodes", m.nodes},
                            {"edges", m.edges},
                            {"density", m.density},
                            {"transitivity", m.transitivity},
                            {"components", m.components},
                            {"degree_centralization", m.degree_centralization},
                            {"mean_degree", m.mean_degree}};
  if (m.reciprocity) network["reciprocity"] = *m.reciprocity;
  nlohmann::json nodes = nlohmann::json::array();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const NodeMetrics& n = m.per_node[i];
    nodes.push_back({{"id", ids[i]},
                     {"degree", n.degree},
                     {"in_degree", n.in_degree},
                     {"out_degree", n.out_degree},
                     {"betweenness", n.betweenness},
                     {"closeness", n.closeness}});
  }
  return {{"network", std::move(network)}, {"nodes", std::move(nodes)}};
}

}  // namespace samen::monitoring
