// The network metrics engine (src/monitoring/metrics.hpp) on networks whose
// figures are known: Zachary's karate club (published values), a small
// directed network worked out by hand, and the edge cases (empty network,
// isolated nodes, fewer than 3 nodes, mutual ties, weights) and invalid input.
#include "monitoring/metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <nlohmann/json.hpp>

namespace samen::monitoring {
namespace {

// Zachary's karate club (Zachary 1977): 34 members, 78 friendships, numbered from 1.
const std::vector<std::pair<int, int>> kKarate = {
    {1, 2},   {1, 3},   {1, 4},   {1, 5},   {1, 6},   {1, 7},   {1, 8},   {1, 9},   {1, 11},  {1, 12},
    {1, 13},  {1, 14},  {1, 18},  {1, 20},  {1, 22},  {1, 32},  {2, 3},   {2, 4},   {2, 8},   {2, 14},
    {2, 18},  {2, 20},  {2, 22},  {2, 31},  {3, 4},   {3, 8},   {3, 28},  {3, 29},  {3, 33},  {3, 10},
    {3, 9},   {3, 14},  {4, 8},   {4, 13},  {4, 14},  {5, 7},   {5, 11},  {6, 7},   {6, 11},  {6, 17},
    {7, 17},  {9, 31},  {9, 33},  {9, 34},  {10, 34}, {14, 34}, {15, 33}, {15, 34}, {16, 33}, {16, 34},
    {19, 33}, {19, 34}, {20, 34}, {21, 33}, {21, 34}, {23, 33}, {23, 34}, {24, 26}, {24, 28}, {24, 33},
    {24, 34}, {24, 30}, {25, 26}, {25, 28}, {25, 32}, {26, 32}, {27, 30}, {27, 34}, {28, 34}, {29, 32},
    {29, 34}, {30, 33}, {30, 34}, {31, 33}, {31, 34}, {32, 33}, {32, 34}, {33, 34}};

Network karate() {
  Network n;
  n.nodes = 34;
  n.directed = false;
  for (auto [a, b] : kKarate) n.ties.emplace_back(a - 1, b - 1);
  return n;
}

Network directed(std::size_t nodes, std::vector<std::pair<std::size_t, std::size_t>> ties) {
  Network n;
  n.nodes = nodes;
  n.ties = std::move(ties);
  return n;
}

Network undirected(std::size_t nodes, std::vector<std::pair<std::size_t, std::size_t>> ties) {
  Network n = directed(nodes, std::move(ties));
  n.directed = false;
  return n;
}

TEST(NetworkMetrics, KarateClubHasItsPublishedValues) {
  Metrics m = compute(karate());
  EXPECT_EQ(m.nodes, 34);
  EXPECT_EQ(m.edges, 78);
  EXPECT_FALSE(m.reciprocity.has_value());
  EXPECT_NEAR(m.density, 0.1390, 5e-5);        // 78 / 561
  EXPECT_NEAR(m.density, 78.0 / 561.0, 1e-12);
  EXPECT_NEAR(m.transitivity, 0.2557, 5e-5);   // 3 × 45 triangles / 528 connected triples
  EXPECT_NEAR(m.transitivity, 135.0 / 528.0, 1e-12);
  EXPECT_EQ(m.components, 1);
  EXPECT_NEAR(m.mean_degree, 156.0 / 34.0, 1e-12);
  // Degrees 17 (member 34) at most: Σ(17 − degree) = 34 × 17 − 156 over 33 × 32.
  EXPECT_NEAR(m.degree_centralization, (34.0 * 17 - 156) / (33.0 * 32), 1e-12);
  // Betweenness (unnormalised, each pair once) as published for the
  // instructor (1), the administrator (34) and members 3, 32, 33.
  const auto& v = m.per_node;
  EXPECT_NEAR(v[0].betweenness, 231.0714, 1e-4);
  EXPECT_NEAR(v[33].betweenness, 160.5516, 1e-4);
  EXPECT_NEAR(v[32].betweenness, 76.6905, 1e-4);
  EXPECT_NEAR(v[2].betweenness, 75.8508, 1e-4);
  EXPECT_NEAR(v[31].betweenness, 73.0095, 1e-4);
  EXPECT_EQ(v[11].betweenness, 0.0);  // member 12 knows only the instructor
  // Closeness: 1 / mean distance (everyone is reachable).
  EXPECT_NEAR(v[0].closeness, 0.5690, 5e-5);
  EXPECT_NEAR(v[0].closeness, 33.0 / 58.0, 1e-12);
  EXPECT_NEAR(v[2].closeness, 0.5593, 5e-5);
  EXPECT_NEAR(v[33].closeness, 0.5500, 5e-5);
  EXPECT_NEAR(v[31].closeness, 0.5410, 5e-5);
  EXPECT_NEAR(v[32].closeness, 0.5156, 5e-5);
  EXPECT_EQ(v[0].degree, 16);
  EXPECT_EQ(v[33].degree, 17);
  EXPECT_EQ(v[33].in_degree, 17);  // undirected: in = out = degree
  EXPECT_EQ(v[33].out_degree, 17);
  double total = 0;
  for (const auto& n : v) total += n.betweenness;
  // Each pair at distance d puts d − 1 intermediaries on its paths: Σ over pairs of (d − 1).
  EXPECT_NEAR(total, 790.0, 1e-9);
}

// a → b → c → a (a cycle) and c → d, worked out by hand:
// - paths: a→b, a→b→c, a→b→c→d; b→c, b→c→a, b→c→d; c→a, c→a→b, c→d; d reaches nobody.
// - betweenness: a lies on c→b (1); b on a→c, a→d (2); c on a→d, b→a, b→d (3); d 0.
// - closeness: a: (1 + 2 + 3) / 3 = 2 → 0.5; b: (1 + 2 + 2) / 3 → 0.6; c: (1 + 1 + 2) / 3 → 0.75; d: 0.
// - undirected simple graph: triangle a b c plus c–d, degrees 2 2 3 1: one triangle, 5 connected
//   triples → transitivity 3/5; centralization (1 + 1 + 0 + 2) / (3 × 2) = 2/3.
TEST(NetworkMetrics, SmallDirectedNetworkWorkedOutByHand) {
  Metrics m = compute(directed(4, {{0, 1}, {1, 2}, {2, 0}, {2, 3}}));
  EXPECT_EQ(m.nodes, 4);
  EXPECT_EQ(m.edges, 4);
  EXPECT_DOUBLE_EQ(m.density, 4.0 / 12.0);
  ASSERT_TRUE(m.reciprocity.has_value());
  EXPECT_EQ(*m.reciprocity, 0.0);
  EXPECT_DOUBLE_EQ(m.transitivity, 0.6);
  EXPECT_EQ(m.components, 1);
  EXPECT_DOUBLE_EQ(m.degree_centralization, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.mean_degree, 2.0);
  const double betweenness[] = {1, 2, 3, 0}, closeness[] = {0.5, 0.6, 0.75, 0};
  const int in[] = {1, 1, 1, 1}, out[] = {1, 1, 2, 0};
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    EXPECT_DOUBLE_EQ(m.per_node[i].betweenness, betweenness[i]);
    EXPECT_DOUBLE_EQ(m.per_node[i].closeness, closeness[i]);
    EXPECT_EQ(m.per_node[i].in_degree, in[i]);
    EXPECT_EQ(m.per_node[i].out_degree, out[i]);
    EXPECT_EQ(m.per_node[i].degree, in[i] + out[i]);
  }
}

// a ⇄ b and b → c: two of three ties are reciprocated; the undirected simple
// graph is the path a–b–c (the mutual pair once), a star: centralization 1.
TEST(NetworkMetrics, MutualTiesCountOnceInTheUndirectedFigures) {
  Metrics m = compute(directed(3, {{0, 1}, {1, 0}, {1, 2}}));
  EXPECT_DOUBLE_EQ(*m.reciprocity, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.degree_centralization, 1.0);
  EXPECT_EQ(m.transitivity, 0.0);  // no triangle among the 1 connected triple
  EXPECT_EQ(m.per_node[1].degree, 3);  // directed degree: in 1 + out 2
  EXPECT_DOUBLE_EQ(m.mean_degree, 2.0);
  EXPECT_DOUBLE_EQ(m.per_node[1].betweenness, 1.0);  // a → c goes through b
  EXPECT_DOUBLE_EQ(m.per_node[0].closeness, 1.0 / 1.5);
}

TEST(NetworkMetrics, UndirectedBetweennessCountsEachPairOnce) {
  Metrics m = compute(undirected(3, {{0, 1}, {1, 2}}));
  EXPECT_DOUBLE_EQ(m.per_node[1].betweenness, 1.0);  // only the pair {a, c}; directed would give 2
  EXPECT_DOUBLE_EQ(m.density, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.per_node[0].closeness, 1.0 / 1.5);
  EXPECT_DOUBLE_EQ(m.per_node[1].closeness, 1.0);
}

TEST(NetworkMetrics, WeightsAreLengthsOfPaths) {
  // a–b 1, b–c 1, a–c 3: the shortest a–c path (2) goes through b.
  Network n = undirected(3, {{0, 1}, {1, 2}, {0, 2}});
  n.weights = {1, 1, 3};
  Metrics weighted = compute(n);
  EXPECT_DOUBLE_EQ(weighted.per_node[1].betweenness, 1.0);
  EXPECT_DOUBLE_EQ(weighted.per_node[0].closeness, 1.0 / 1.5);  // b at 1, c at 2
  EXPECT_DOUBLE_EQ(weighted.transitivity, 1.0);                 // weights do not change the structure
  n.weights.clear();
  Metrics plain = compute(n);
  EXPECT_EQ(plain.per_node[1].betweenness, 0.0);
  EXPECT_DOUBLE_EQ(plain.per_node[0].closeness, 1.0);
  // Square a–b 1, b–d 1, a–c 0.5, c–d 1.5: the pair a–d has two paths of
  // length 2 (via b, via c), each node gets half; b–c goes through a (1.5
  // against 2.5 through d); every other pair is joined directly.
  Network square = undirected(4, {{0, 1}, {1, 3}, {0, 2}, {2, 3}});
  square.weights = {1, 1, 0.5, 1.5};
  Metrics sq = compute(square);
  EXPECT_DOUBLE_EQ(sq.per_node[0].betweenness, 1.0);
  EXPECT_DOUBLE_EQ(sq.per_node[1].betweenness, 0.5);
  EXPECT_DOUBLE_EQ(sq.per_node[2].betweenness, 0.5);
  EXPECT_EQ(sq.per_node[3].betweenness, 0.0);
  EXPECT_DOUBLE_EQ(sq.per_node[3].closeness, 3.0 / (2 + 1 + 1.5));  // a at 2, b at 1, c at 1.5
}

// Above exact_up_to nodes, paths up to the cutoff only. Unweighted closeness
// then comes from neighbourhood sizes, weighted from igraph_closeness_cutoff:
// with every weight 1 both must give the same figures, on a random directed
// network where many nodes are farther than the cutoff.
TEST(NetworkMetrics, ACutoffCountsShortPathsOnlyAndClosenessAgreesWithIgraphs) {
  Network path{4, {{0, 1}, {1, 2}, {2, 3}}, {}, true};  // a → b → c → d
  Metrics cut = compute(path, {.exact_up_to = 3, .cutoff = 2});
  ASSERT_TRUE(cut.path_cutoff);
  EXPECT_DOUBLE_EQ(cut.per_node[0].closeness, 1.0 / 1.5);  // b at 1, c at 2; d (3) beyond
  EXPECT_DOUBLE_EQ(cut.per_node[1].betweenness, 1.0);       // a → c only; a → d is too long
  EXPECT_FALSE(compute(path, {.exact_up_to = 4, .cutoff = 2}).path_cutoff);
  EXPECT_DOUBLE_EQ(compute(path).per_node[0].closeness, 0.5);  // exact by default

  std::uint32_t x = 18;  // a small fixed generator: the same network on every run
  auto next = [&] { return x = x * 1664525u + 1013904223u, (x >> 8) % 300; };
  Network net{300, {}, {}, true};
  std::set<std::pair<std::size_t, std::size_t>> seen;
  while (net.ties.size() < 450) {
    std::size_t s = next(), t = next();
    if (s != t && seen.insert({s, t}).second) net.ties.emplace_back(s, t);
  }
  Network unit = net;
  unit.weights.assign(net.ties.size(), 1.0);
  for (double cutoff : {1.0, 2.0, 3.0}) {
    Metrics plain = compute(net, {.exact_up_to = 0, .cutoff = cutoff});
    Metrics weighted = compute(unit, {.exact_up_to = 0, .cutoff = cutoff});
    int reached_some = 0;
    for (std::size_t i = 0; i < 300; ++i) {
      EXPECT_NEAR(plain.per_node[i].closeness, weighted.per_node[i].closeness, 1e-12) << cutoff << " " << i;
      EXPECT_NEAR(plain.per_node[i].betweenness, weighted.per_node[i].betweenness, 1e-9) << cutoff << " " << i;
      reached_some += plain.per_node[i].closeness > 0 && plain.per_node[i].closeness < 1;
    }
    if (cutoff > 1) EXPECT_GT(reached_some, 50) << cutoff;  // nodes at distance 2 and more: not a trivial case
  }
}

TEST(NetworkMetrics, EmptyNetworkGivesZerosAndNoNodes) {
  Metrics m = compute(directed(0, {}));
  EXPECT_EQ(m.nodes, 0);
  EXPECT_EQ(m.edges, 0);
  EXPECT_EQ(m.density, 0.0);
  EXPECT_EQ(*m.reciprocity, 0.0);
  EXPECT_EQ(m.components, 0);
  EXPECT_EQ(m.mean_degree, 0.0);
  EXPECT_TRUE(m.per_node.empty());
  auto j = to_json(m, {});
  EXPECT_EQ(j["network"]["nodes"], 0);
  EXPECT_TRUE(j["nodes"].is_array() && j["nodes"].empty());
  EXPECT_FALSE(compute(undirected(0, {})).reciprocity.has_value());
}

TEST(NetworkMetrics, IsolatedNodesReachNobody) {
  Metrics m = compute(directed(4, {{0, 1}}));
  EXPECT_EQ(m.components, 3);
  EXPECT_DOUBLE_EQ(m.density, 1.0 / 12.0);
  EXPECT_DOUBLE_EQ(m.per_node[0].closeness, 1.0);
  EXPECT_EQ(m.per_node[1].closeness, 0.0);  // reaches nobody along out-paths (igraph: NaN)
  EXPECT_EQ(m.per_node[3].closeness, 0.0);
  EXPECT_EQ(m.per_node[3].degree, 0);
  EXPECT_EQ(m.transitivity, 0.0);  // no connected triple (igraph's default: NaN)
  // Undirected degrees 1 1 0 0, max 1: Σ(max − degree) = 0 + 0 + 1 + 1 = 2 over (4−1)(4−2).
  EXPECT_DOUBLE_EQ(m.degree_centralization, 2.0 / 6.0);
  Metrics single = compute(undirected(1, {}));
  EXPECT_EQ(single.density, 0.0);  // undefined below 2 nodes (igraph: NaN)
  EXPECT_EQ(single.components, 1);
  EXPECT_EQ(single.per_node[0].closeness, 0.0);
}

TEST(NetworkMetrics, CentralizationNeedsThreeNodes) {
  Metrics pair = compute(undirected(2, {{0, 1}}));
  EXPECT_EQ(pair.degree_centralization, 0.0);  // (n−1)(n−2) = 0: undefined, given as 0
  EXPECT_DOUBLE_EQ(pair.density, 1.0);
  Metrics star = compute(undirected(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}));
  EXPECT_DOUBLE_EQ(star.degree_centralization, 1.0);  // the star is the most centralized graph
  EXPECT_DOUBLE_EQ(star.per_node[0].betweenness, 6.0);  // the C(4,2) pairs of leaves
}

TEST(NetworkMetrics, RejectsNetworksThatAreNotSimpleOrHaveBadWeights) {
  EXPECT_THROW(compute(directed(2, {{0, 0}})), InvalidNetwork);
  EXPECT_THROW(compute(directed(2, {{0, 1}, {0, 1}})), InvalidNetwork);
  EXPECT_NO_THROW(compute(directed(2, {{0, 1}, {1, 0}})));
  EXPECT_THROW(compute(undirected(2, {{0, 1}, {1, 0}})), InvalidNetwork);
  EXPECT_THROW(compute(directed(2, {{0, 2}})), InvalidNetwork);
  for (double bad : {-1.0, 0.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    Network n = directed(2, {{0, 1}});
    n.weights = {bad};
    EXPECT_THROW(compute(n), InvalidNetwork) << bad;
  }
  Network mismatch = directed(3, {{0, 1}, {1, 2}});
  mismatch.weights = {1};
  EXPECT_THROW(compute(mismatch), InvalidNetwork);
}

TEST(NetworkMetrics, JsonHasTheIssuesFields) {
  Metrics m = compute(directed(2, {{0, 1}}));
  auto j = to_json(m, {"a", "b"});
  for (const char* key : {"nodes", "edges", "density", "reciprocity", "transitivity", "components",
                          "degree_centralization", "mean_degree"})
    EXPECT_TRUE(j["network"].contains(key)) << key;
  EXPECT_EQ(j["network"].size(), 8u);
  ASSERT_EQ(j["nodes"].size(), 2u);
  EXPECT_EQ(j["nodes"][0]["id"], "a");
  for (const char* key : {"id", "degree", "in_degree", "out_degree", "betweenness", "closeness"})
    EXPECT_TRUE(j["nodes"][1].contains(key)) << key;
  EXPECT_EQ(j["nodes"][1].size(), 6u);
  auto u = to_json(compute(undirected(2, {{0, 1}})), {"a", "b"});
  EXPECT_FALSE(u["network"].contains("reciprocity"));  // directed networks only
  EXPECT_THROW(to_json(m, {"a"}), std::invalid_argument);
}

}  // namespace
}  // namespace samen::monitoring
