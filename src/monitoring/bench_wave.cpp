// The hidden command bench/network.sh runs: `samen network-bench-wave
// --organizations N --ties M [--rounds R]` adds a synthetic wave (N
// organisations bench-net-*, their profiles, every one invited and submitted,
// M reported ties drawn with a fixed seed, integration levels and ratings
// spread over the scales) straight into the tables, then times on the same
// database what the server does for a request: the wave's metrics
// (load_wave_data + metrics_of, as /metrics) and the diagram's data (the
// answers, network and profiles read, build_diagram and its JSON, as
// /api/v1/network/waves/{id}/diagram), the first diagram (its layout computed)
// and the later ones (the layout cached). Prints one line per figure (ms).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "app/module.hpp"
#include "monitoring/diagram.hpp"

namespace samen::monitoring {

namespace {

struct BenchOptions {
  std::int64_t organizations = 500;
  std::int64_t ties = 25000;
  std::int64_t rounds = 10;
};

std::string add_wave(store::Connection& c, const BenchOptions& o) {
  std::mt19937 rng(18);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  const std::string wave = "bench-net-wave";
  store::run_in_transaction(c, [&] {
    c.exec("INSERT INTO monitoring_waves (id, version, created_at, updated_at, name, opened_at) "
           "VALUES (?, 1, 1, 1, 'Bench wave', 1)",
           {wave});
    for (std::int64_t i = 0; i < o.organizations; ++i) {
      std::string id = "bench-net-" + std::to_string(i);
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES (?, ?, 1, 1)",
             {id, "Bench organisatie " + std::to_string(i)});
      save_profile(c, id, {std::string(kSectors[pick(kSectors.size())]),
                           std::string(kLanguageCommunities[pick(kLanguageCommunities.size())])}, 1);
      c.exec("INSERT INTO monitoring_wave_organizations (wave_id, organization_id) VALUES (?, ?)", {wave, id});
      c.exec("INSERT INTO monitoring_invitations (id, wave_id, organization_id, email, token_digest, invited_at, "
             "submitted_at) VALUES (?, ?, ?, 'bench@example.org', ?, 1, 2)",
             {"inv-" + id, wave, id, "digest-" + id});
    }
    std::set<std::pair<std::size_t, std::size_t>> seen;
    auto n = static_cast<std::size_t>(o.organizations);
    while (static_cast<std::int64_t>(seen.size()) < o.ties) {
      std::size_t s = pick(n), t = pick(n);
      if (s == t || !seen.insert({s, t}).second) continue;
      std::string source = "bench-net-" + std::to_string(s), target = "bench-net-" + std::to_string(t);
      auto r = [&] { return static_cast<std::int64_t>(1 + pick(4)); };
      c.exec("INSERT INTO monitoring_ties (invitation_id, wave_id, source_id, target_id, contact_frequency, integration, "
             "trust_reliability, trust_openness, trust_mission, value_influence, value_involvement, value_resources, "
             "resources, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'information,referrals', 1)",
             {"inv-" + source, wave, source, target, std::string(kFrequencies[1 + pick(4)]),
              std::string(kIntegration[1 + pick(4)]), r(), r(), r(), r(), r(), r()});
    }
  });
  return wave;
}

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

int run(store::Database& db, const BenchOptions& o) {
  auto lease = db.acquire();
  auto& c = *lease;
  std::string wave = add_wave(c, o);
  std::vector<double> metrics_ms, diagram_ms;
  double first_diagram = 0;
  std::size_t bytes = 0;
  for (std::int64_t round = 0; round <= o.rounds; ++round) {
    auto start = std::chrono::steady_clock::now();
    WaveData data = load_wave_data(c, wave);
    WaveMetrics m = metrics_of(data, data.wave.organization_ids, false);
    if (round > 0) metrics_ms.push_back(ms_since(start));  // round 0 warms the database's caches

    start = std::chrono::steady_clock::now();
    WaveData again = load_wave_data(c, wave);
    Diagram d = build_diagram(again, core::load_network(c, true), load_profiles(c), DiagramFilter{}, i18n::Lang::nl);
    bytes = to_json(d).dump().size();
    double t = ms_since(start);
    if (round == 0) first_diagram = t;
    else diagram_ms.push_back(t);
  }
  std::printf("wave: %lld organisations, %lld reported ties, %lld rounds\n", static_cast<long long>(o.organizations),
              static_cast<long long>(o.ties), static_cast<long long>(o.rounds));
  std::printf("metrics_ms %.1f\n", median(metrics_ms));
  std::printf("diagram_first_ms %.1f\n", first_diagram);
  std::printf("diagram_ms %.1f\n", median(diagram_ms));
  std::printf("diagram_json_bytes %zu\n", bytes);
  return 0;
}

}  // namespace

void add_bench_command(app::CommandLine& cl) {
  static BenchOptions options;
  auto* cmd = cl.add(nullptr, "network-bench-wave", "Add a synthetic wave and time its metrics and diagram (bench/network.sh)",
                     1, [](store::Database& db, const app::CommandLine::Store&) { return run(db, options); });
  cmd->add_option("--organizations", options.organizations, "Organisations")->check(CLI::Range(std::int64_t{2}, std::int64_t{5000}));
  cmd->add_option("--ties", options.ties, "Reported ties")->check(CLI::Range(std::int64_t{0}, std::int64_t{1000000}));
  cmd->add_option("--rounds", options.rounds, "Timed rounds (the median is printed)")->check(CLI::Range(std::int64_t{1}, std::int64_t{1000}));
  cmd->group("");  // hidden from --help: a benchmark's tool
}

}  // namespace samen::monitoring
