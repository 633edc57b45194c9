// The hidden command `samen parents-bench-data --concerns N` that
// bench/plan.sh runs (its parents' voice's section): N synthetic concerns over
// every theme, status, source and local team, 30% of them published with a
// public wording and a response in nl, fr and en, half of them linked to one
// or two of the plan's actions when there are any (plan-bench-data runs
// first), written straight into the tables in batches (no history or audit:
// this is no one's work). Teams bench-parents-team-* are made when missing;
// the same seed gives the same data.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <random>

#include "parents/demo.hpp"
#include "parents/store.hpp"
#include "util/uuid.hpp"

namespace samen::parents {

namespace {

constexpr const char* kSaid[] = {
    "De openingsuren passen niet bij ouders die werken.", "La crèche ferme trop tôt pour les parents qui travaillent.",
    "De wachtlijst is lang en we horen niets.", "Les formulaires n'existent qu'en néerlandais et en français.",
    "Er is geen plek om met baby's binnen te spelen.", "Les activités coûtent trop cher pour les familles nombreuses.",
    "We weten niet hoe we ons kind inschrijven in de kleuterschool.", "Le bus ne passe pas près de la consultation.",
};
constexpr const char* kDid[] = {
    "Het team opende een extra inloopmoment op zaterdag.", "Une permanence avec interprète a lieu chaque mois.",
    "De partners maakten één gezamenlijk aanmeldpunt.", "Les tarifs ont été adaptés aux revenus des familles.",
};
constexpr const char* kMunicipalities[] = {"21004", "21010", "21001", "21012", "21015", "21013"};

struct BenchOptions {
  std::int64_t concerns = 20000;
  std::uint32_t seed = 17;
};

int generate(store::Database& db, const BenchOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  std::mt19937 rng(o.seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto lease = db.acquire();
  auto& c = *lease;
  std::vector<std::string> teams;
  store::run_in_transaction(c, [&] {
    for (int i = 1; i <= 6; ++i) {
      std::string team = "bench-parents-team-" + std::to_string(i);
      if (c.exec("SELECT 1 FROM teams WHERE id = ?", {team}).empty())
        c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES (?, ?, 'local_team', 1, 1)",
               {team, "Benchteam ouders " + std::to_string(i)});
      teams.push_back(team);
    }
  });
  auto codes = theme_codes(themes(c));
  std::vector<std::string> actions;
  for (const auto& r : c.exec("SELECT id FROM plan_items WHERE kind = 'action' AND archived_at IS NULL ORDER BY id LIMIT 5000").rows)
    actions.push_back(r.text(0));
  std::int64_t links = 0;
  constexpr std::int64_t kBatch = 1000;
  const std::int64_t first = 1609459200;  // 2021-01-01
  for (std::int64_t done = 0; done < o.concerns;) {
    store::run_in_transaction(c, [&] {
      for (std::int64_t i = 0; i < kBatch && done < o.concerns; ++i, ++done) {
        const bool published = pick(10) < 3;
        const std::string status(kStatuses[pick(std::size(kStatuses))]);
        const std::int64_t raised = first + static_cast<std::int64_t>(pick(5 * 365)) * 86400;
        const std::string said = std::string(kSaid[pick(std::size(kSaid))]) + " (" + std::to_string(done) + ")";
        const std::string did = kDid[pick(std::size(kDid))];
        char day[11];
        std::time_t t = raised;
        std::tm tm{};
        gmtime_r(&t, &tm);
        std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
        const std::string id = uuid::random();
        c.exec("INSERT INTO parents_concerns (id, version, created_at, updated_at, text, theme, language, municipality, "
               "source, status, status_note, team_id, raised_on, public_text_nl, public_text_fr, public_text_en, "
               "response_nl, response_fr, response_en, published_at) "
               "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {id, raised, raised, said, codes[pick(codes.size())], std::string(pick(2) ? "nl" : "fr"),
                std::string(kMunicipalities[pick(std::size(kMunicipalities))]),
                std::string(kSources[pick(std::size(kSources))]), status,
                std::string(status == "not_possible" ? "Te weinig personeel." : ""), teams[pick(teams.size())],
                std::string(day), std::string(published ? said : ""), std::string(published ? said : ""),
                std::string(published ? said : ""), std::string(published ? did : ""),
                std::string(published ? did : ""), std::string(published ? did : ""),
                published ? store::Param(raised + 86400) : store::Param(nullptr)});
        if (!actions.empty() && pick(2))
          for (std::size_t k = 0, n = 1 + pick(2); k < n; ++k)
            links += c.exec("INSERT INTO parents_concern_actions (concern_id, action_id, linked_at) VALUES (?, ?, ?) "
                            "ON CONFLICT DO NOTHING",
                            {id, actions[pick(actions.size())], raised}).affected;
      }
    });
  }
  if (db.dialect() == store::Dialect::postgres) c.exec("VACUUM ANALYZE parents_concerns, parents_concern_actions");
  else c.exec("ANALYZE");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "added " << o.concerns << " concerns (" << links << " links to actions) in " << seconds << " s\n";
  return 0;
}

}  // namespace

void add_bench_command(app::CommandLine& cl) {
  static BenchOptions options;
  auto* cmd = cl.add(nullptr, "parents-bench-data", "Add synthetic parents' concerns (bench/plan.sh)", 1,
                     [](store::Database& db, const app::CommandLine::Store&) { return generate(db, options); });
  cmd->add_option("--concerns", options.concerns, "How many")->check(CLI::Range(std::int64_t{1}, std::int64_t{5'000'000}));
  cmd->add_option("--seed", options.seed, "The same seed gives the same concerns");
  cmd->group("");  // hidden from --help: a benchmark's tool
}

}  // namespace samen::parents
