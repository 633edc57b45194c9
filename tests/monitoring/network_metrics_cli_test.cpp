// `samen network-metrics` as a user runs it (the real binary): on generated
// random networks every figure equals python-igraph's (Debian's
// python3-igraph through tests/monitoring/igraph_reference.py) within 1e-9,
// and the ones networkx defines the same way equal networkx's; bad files exit
// non-zero with their line numbers and print no figures.
#include "support/paths.hpp"
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "support/process.hpp"
#include "support/test_db.hpp"

namespace samen::testing {
namespace {

using nlohmann::json;

struct Case {
  unsigned seed;
  int nodes;
  int ties;
  bool directed;
  enum { none, integer, real } weights;
  int exact_up_to = -1;  // -1: the default (exact at these sizes); else --exact-up-to, with --cutoff
  const char* cutoff = "2";
};

// A random simple network as an edge list file; names are "org N", some with
// a comma or a quote (so quoted CSV fields); a weight column "length" when asked.
void write_network(const std::filesystem::path& file, const Case& c) {
  std::mt19937 rng(c.seed);
  std::uniform_int_distribution<int> node(0, c.nodes - 1), small(1, 4);
  std::uniform_real_distribution<double> real(0.05, 3.0);
  auto name = [](int i) {
    if (i % 17 == 3) return "\"org " + std::to_string(i) + ", Brussel\"";
    if (i % 23 == 5) return "\"org \"\"" + std::to_string(i) + "\"\"\"";
    return "org " + std::to_string(i);
  };
  std::set<std::pair<int, int>> seen;
  std::ofstream out(file);
  out << "source,target" << (c.weights != Case::none ? ",length" : "") << "\n";
  char buf[40];
  while (static_cast<int>(seen.size()) < c.ties) {
    int s = node(rng), t = node(rng);
    if (s == t) continue;
    if (!seen.insert(c.directed ? std::pair{s, t} : std::pair{std::min(s, t), std::max(s, t)}).second) continue;
    out << name(s) << "," << name(t);
    if (c.weights == Case::integer) out << "," << small(rng);
    if (c.weights == Case::real) {
      std::snprintf(buf, sizeof buf, "%.17g", real(rng));
      out << "," << buf;
    }
    out << "\n";
  }
}

std::string run_python(const std::vector<std::string>& args) {
  std::string cmd = "/usr/bin/python3 " + samen::testing::source_dir() + "/tests/monitoring/igraph_reference.py";
  for (const auto& a : args) cmd += " '" + a + "'";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[65536];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  EXPECT_EQ(pclose(p), 0) << cmd;
  return out;
}

void expect_close(double got, double want, const std::string& what) {
  EXPECT_LE(std::fabs(got - want), 1e-9 * std::max(1.0, std::fabs(want))) << what << ": " << got << " vs " << want;
}

class NetworkMetricsCli : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_EQ(std::system("/usr/bin/python3 -c 'import igraph, networkx' 2>/dev/null"), 0)
        << "python3-igraph or python3-networkx is missing: run scripts/install-deps --test";
  }
};

TEST_P(NetworkMetricsCli, EveryFigureEqualsPythonIgraphs) {
  const Case& c = GetParam();
  TempDir dir;
  auto file = dir.path() / "ties.csv";
  write_network(file, c);
  std::vector<std::string> args = {"network-metrics", "--edges", file.string()};
  std::vector<std::string> ref_args = {file.string(), "--networkx"};
  if (c.directed) {
    args.push_back("--directed");
    ref_args.push_back("--directed");
  }
  for (auto* v : {&args, &ref_args}) {
    if (c.weights != Case::none) v->insert(v->end(), {"--weight", "length"});
    if (c.exact_up_to >= 0) v->insert(v->end(), {"--exact-up-to", std::to_string(c.exact_up_to), "--cutoff", c.cutoff});
  }
  auto run = run_samen(args);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json got = json::parse(run.out), want = json::parse(run_python(ref_args));

  const json& gn = got["network"];
  const json& wn = want["network"];
  EXPECT_EQ(gn.size(), wn.size());
  for (auto& [key, value] : wn.items()) {
    ASSERT_TRUE(gn.contains(key)) << key;
    if (value.is_number_integer()) EXPECT_EQ(gn[key], value) << key;
    else expect_close(gn[key].get<double>(), value.get<double>(), key);
  }
  EXPECT_EQ(gn["nodes"], c.nodes > 0 ? want["nodes"].size() : 0u);
  // Both say whether betweenness and closeness counted only paths up to the cutoff.
  if (c.exact_up_to >= 0 && c.exact_up_to < c.nodes) EXPECT_EQ(got["path_cutoff"], std::stod(c.cutoff));
  else EXPECT_TRUE(got["path_cutoff"].is_null()) << got["path_cutoff"];
  EXPECT_EQ(got["path_cutoff"], want["path_cutoff"]);
  ASSERT_EQ(got["nodes"].size(), want["nodes"].size());
  for (std::size_t i = 0; i < want["nodes"].size(); ++i) {
    const json& g = got["nodes"][i];
    const json& w = want["nodes"][i];
    std::string id = w["id"];
    EXPECT_EQ(g["id"], w["id"]);
    for (const char* k : {"degree", "in_degree", "out_degree"}) EXPECT_EQ(g[k], w[k]) << id << " " << k;
    expect_close(g["betweenness"], w["betweenness"], id + " betweenness");
    expect_close(g["closeness"], w["closeness"], id + " closeness");
  }

  // networkx, an implementation of its own, agrees with the definitions.
  const json& nx = want["networkx"];
  expect_close(gn["density"], nx["density"], "networkx density");
  expect_close(gn["transitivity"], nx["transitivity"], "networkx transitivity");
  EXPECT_EQ(gn["components"], nx["components"]);
  if (c.directed) expect_close(gn["reciprocity"], nx["reciprocity"], "networkx reciprocity");
  if (!got["path_cutoff"].is_null()) return;  // networkx's betweenness counts every path
  ASSERT_EQ(nx["betweenness"].size(), got["nodes"].size());
  for (std::size_t i = 0; i < got["nodes"].size(); ++i)
    expect_close(got["nodes"][i]["betweenness"], nx["betweenness"][i], "networkx betweenness " + std::to_string(i));
}

// Sparse networks leave nodes unreached (closeness of reachable nodes only,
// several components); dense ones have many shortest paths of equal length.
// The last four lower --exact-up-to below their size: betweenness and
// closeness count only paths up to the cutoff, as for networks above 10,000
// nodes (a directed and an undirected network, weighted lengths, a cutoff of
// 3 on a sparse network where many paths are longer).
INSTANTIATE_TEST_SUITE_P(RandomNetworks, NetworkMetricsCli,
                         ::testing::Values(Case{1, 40, 45, true, Case::none}, Case{2, 40, 45, false, Case::none},
                                           Case{3, 120, 600, true, Case::none}, Case{4, 120, 600, false, Case::none},
                                           Case{5, 80, 300, true, Case::integer}, Case{6, 80, 300, false, Case::integer},
                                           Case{7, 150, 900, true, Case::real}, Case{8, 150, 400, false, Case::real},
                                           Case{9, 300, 280, true, Case::none}, Case{10, 3, 2, false, Case::none},
                                           Case{11, 120, 600, true, Case::none, 100, "2"},
                                           Case{12, 120, 600, false, Case::none, 100, "2"},
                                           Case{13, 80, 300, true, Case::real, 50, "2.5"},
                                           Case{14, 200, 300, true, Case::none, 0, "3"}));

TEST(NetworkMetricsCommand, BadFilesExitNonZeroWithLineNumbersAndNoFigures) {
  TempDir dir;
  auto file = dir.path() / "bad.csv";
  std::ofstream(file) << "source,target,length\na,b,1\nb,b,1\nc,d,-3\ngarbage\nd,e,x\n";
  auto run = run_samen({"network-metrics", "--edges", file.string(), "--directed", "--weight", "length"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
  std::string f = file.string();
  for (std::string line : {f + ":3: a tie from 'b' to itself",
                           f + ":4: the weight -3 is negative (weights are lengths, above 0)",
                           f + ":5: expected 3 fields, found 1", f + ":6: the weight 'x' is not a number"})
    EXPECT_NE(run.err.find(line), std::string::npos) << line << "\n" << run.err;

  std::ofstream(file) << "source,target,colour\na,b,red\n";
  run = run_samen({"network-metrics", "--edges", file.string()});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find(":1: unknown column 'colour'"), std::string::npos) << run.err;

  run = run_samen({"network-metrics", "--edges", (dir.path() / "absent.csv").string()});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("cannot open"), std::string::npos) << run.err;
}

TEST(NetworkMetricsCommand, ReadsStdinAndNeedsNoDatabase) {
  TempDir dir;
  // --data is not an option of this command: it opens no database.
  auto run = run_samen({"network-metrics", "--edges", "-", "--data", dir.path().string()}, "source,target\na,b\n");
  EXPECT_NE(run.exit_code, 0);
  run = run_samen({"network-metrics", "--edges", "-"}, "source,target\na,b\nb,c\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json j = json::parse(run.out);
  EXPECT_EQ(j["network"]["nodes"], 3);
  EXPECT_EQ(j["nodes"][1]["betweenness"], 1.0);
  EXPECT_FALSE(j["network"].contains("reciprocity"));
}

}  // namespace
}  // namespace samen::testing
