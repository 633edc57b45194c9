// The hidden command `samen plan-bench-data` that bench/plan.sh runs: a plan
// of --objectives objectives (a third Brussels-wide, the others spread over
// six local teams and contributing to Brussels-wide ones), --actions actions
// hung under them up to three levels deep, --indicators indicators with
// --years years of monthly values, each item with owners, a period, a
// budget and a status history, written straight into the tables in
// batches (no field history or audit: this is no one's work). Teams and
// organisations bench-* are shared with journal-bench-data. The same seed
// gives the same plan.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>

#include "app/module.hpp"
#include "plan/plan.hpp"
#include "store/database.hpp"
#include "util/dates.hpp"

namespace samen::plan {

namespace {

struct BenchOptions {
  std::int64_t objectives = 50, actions = 2000, indicators = 200, years = 5;
  std::uint32_t seed = 17;
};

constexpr const char* kVerbs[] = {"Onthaal versterken", "Oudergroep opstarten", "Vorming organiseren", "Overgang begeleiden",
                                  "Tolken inzetten", "Renforcer l'accueil", "Former les équipes", "Accompagner la transition",
                                  "Wijkwerking uitbreiden", "Évaluer avec les parents"};

std::string iso(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int generate(store::Database& db, const BenchOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  std::mt19937 rng(o.seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto lease = db.acquire();
  auto& c = *lease;
  std::vector<std::string> teams, orgs;
  store::run_in_transaction(c, [&] {
    for (int i = 1; i <= 6; ++i) {
      std::string org = "bench-org-" + std::to_string(i), team = "bench-team-" + std::to_string(i);
      if (c.exec("SELECT 1 FROM organizations WHERE id = ?", {org}).empty())
        c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES (?, ?, 1, 1)",
               {org, "Benchorganisatie " + std::to_string(i)});
      if (c.exec("SELECT 1 FROM teams WHERE id = ?", {team}).empty()) {
        c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES (?, ?, 'local_team', 1, 1)",
               {team, "Benchteam " + std::to_string(i)});
        c.exec("INSERT INTO team_members (team_id, organization_id) VALUES (?, ?)", {team, org});
      }
      teams.push_back(team);
      orgs.push_back(org);
    }
  });
  // Objectives: the first third Brussels-wide.
  struct Made {
    std::string id, team;
    int depth;
  };
  std::vector<Made> objectives, brussels, items;
  const std::int64_t now = 1796000000;
  auto insert = [&](const std::string& id, const char* kind, const std::string& parent, const std::string& team,
                    const std::string& title, int first_year) {
    int y0 = first_year + static_cast<int>(pick(3)), y1 = y0 + 1 + static_cast<int>(pick(4));
    std::string status(kStatuses[pick(std::size(kStatuses))]);
    c.exec("INSERT INTO plan_items (id, version, created_at, updated_at, kind, parent_id, team_id, title, description, status, "
           "status_reason, starts_on, ends_on, budget_cents) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
           {id, now, now, kind, parent.empty() ? store::Param(nullptr) : store::Param(parent),
            team.empty() ? store::Param(nullptr) : store::Param(team), title,
            std::string("Een actie van het meerjarenplan, **met** opmaak."), status,
            std::string(status == "dropped" ? "Vervangen door een andere aanpak" : ""), iso(y0, 1 + static_cast<int>(pick(12)), 1),
            iso(y1, 1 + static_cast<int>(pick(12)), 28), static_cast<std::int64_t>(pick(50000)) * 100});
    c.exec("INSERT INTO plan_item_owners (item_id, organization_id) VALUES (?, ?)", {id, orgs[pick(orgs.size())]});
    c.exec("INSERT INTO plan_status_changes (item_id, changed_at, previous, status, reason, actor_label) "
           "VALUES (?, ?, '', ?, '', 'bench')", {id, now, status});
  };
  store::run_in_transaction(c, [&] {
    for (std::int64_t i = 0; i < o.objectives; ++i) {
      std::string id = "bench-objective-" + std::to_string(i);
      std::string team = i < (o.objectives + 2) / 3 ? "" : teams[pick(teams.size())];
      insert(id, "objective", "", team, "Doelstelling " + std::to_string(i + 1), 2025);
      objectives.push_back({id, team, 0});
      (team.empty() ? brussels : items).push_back({id, team, 0});
      if (!team.empty() && !brussels.empty())
        c.exec("INSERT INTO plan_contributions (item_id, objective_id) VALUES (?, ?)", {id, brussels[pick(brussels.size())].id});
    }
  });
  items.insert(items.end(), brussels.begin(), brussels.end());
  constexpr std::int64_t kBatch = 500;
  for (std::int64_t done = 0; done < o.actions;) {
    store::run_in_transaction(c, [&] {
      for (std::int64_t i = 0; i < kBatch && done < o.actions; ++i, ++done) {
        // Half under an objective, half under an earlier action (depth at most 3).
        Made parent = objectives[pick(objectives.size())];
        if (pick(2) && !items.empty()) {
          const Made& p = items[pick(items.size())];
          if (p.depth < 3) parent = p;
        }
        std::string id = "bench-action-" + std::to_string(done);
        insert(id, "action", parent.id, parent.team, std::string(kVerbs[pick(std::size(kVerbs))]) + " " + std::to_string(done),
               2025);
        items.push_back({id, parent.team, parent.depth + 1});
      }
    });
  }
  // Indicators: half on objectives, with monthly values over the years.
  for (std::int64_t done = 0; done < o.indicators;) {
    store::run_in_transaction(c, [&] {
      for (std::int64_t i = 0; i < 20 && done < o.indicators; ++i, ++done) {
        const Made& on = done % 2 == 0 ? objectives[pick(objectives.size())] : items[pick(items.size())];
        std::string id = "bench-indicator-" + std::to_string(done);
        const char* type = done % 3 == 0 ? "percentage" : done % 3 == 1 ? "integer" : "decimal";
        double base = static_cast<double>(pick(40)), target = std::string(type) == "percentage" ? 90 : base + 50 + pick(100);
        c.exec("INSERT INTO plan_indicators (id, version, created_at, updated_at, item_id, name, unit, value_type, baseline, "
               "target, target_on) VALUES (?, 1, ?, ?, ?, ?, 'gezinnen', ?, ?, ?, '2030-12-31')",
               {id, now, now, on.id, "Indicator " + std::to_string(done + 1), std::string(type), base, target});
        double value = base;
        for (int m = 0; m < o.years * 12; ++m) {
          value += static_cast<double>(pick(5));
          if (std::string(type) == "percentage" && value > 100) value = 100;
          c.exec("INSERT INTO plan_indicator_values (id, version, created_at, updated_at, indicator_id, measured_on, value) "
                 "VALUES (?, 1, ?, ?, ?, ?, ?)",
                 {id + "-" + std::to_string(m), now, now, id, iso(2025 + m / 12, 1 + m % 12, 28), value});
        }
      }
    });
  }
  if (db.dialect() == store::Dialect::postgres) c.exec("VACUUM ANALYZE");
  else c.exec("ANALYZE");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "added " << o.objectives << " objectives, " << o.actions << " actions, " << o.indicators << " indicators with "
            << o.indicators * o.years * 12 << " values in " << seconds << " s\n";
  return 0;
}

}  // namespace

void add_bench_command(app::CommandLine& cl) {
  static BenchOptions options;
  auto* cmd = cl.add(nullptr, "plan-bench-data", "Add a synthetic multi-year plan (bench/plan.sh)", 1,
                     [](store::Database& db, const app::CommandLine::Store&) { return generate(db, options); });
  cmd->add_option("--objectives", options.objectives, "Objectives")->check(CLI::Range(std::int64_t{1}, std::int64_t{10000}));
  cmd->add_option("--actions", options.actions, "Actions")->check(CLI::Range(std::int64_t{0}, std::int64_t{1000000}));
  cmd->add_option("--indicators", options.indicators, "Indicators")->check(CLI::Range(std::int64_t{0}, std::int64_t{100000}));
  cmd->add_option("--years", options.years, "Years of monthly values")->check(CLI::Range(std::int64_t{0}, std::int64_t{50}));
  cmd->add_option("--seed", options.seed, "The same seed gives the same plan");
  cmd->group("");  // hidden from --help: a benchmark's tool
}

}  // namespace samen::plan
