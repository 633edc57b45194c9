// The hidden command `samen journal-bench-data --activities N` that
// bench/journal.sh runs: N synthetic activities with notes of a few hundred
// words (Dutch and French sentences of a family-support network, mixed with
// numbers so no two notes are the same), spread over 2012-2026, six teams,
// every type and the three visibilities (70% network, 20% team, 10%
// facilitators), written straight into the tables in batches (no history or
// audit: this is no one's work). The search index is built by the server's
// start-up, as after any bulk change. Idempotent teams and organisations
// (bench-*); the same seed gives the same data.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <random>

#include "journal/lookback_handlers.hpp"
#include "journal/store.hpp"
#include "util/uuid.hpp"

namespace samen::journal {

namespace {

constexpr const char* kSentences[] = {
    "We bespraken hoe ouders beter betrokken kunnen worden bij de werking van het Huis van het Kind.",
    "De partners wisselden ervaringen uit over warme overgangen van de kinderopvang naar de kleuterschool.",
    "Er is nood aan meer tolken voor gezinnen die geen Nederlands of Frans spreken.",
    "De coördinator stelde het meerjarenplan voor en vroeg feedback van elke organisatie.",
    "Tijdens de intervisie werkten we met een casus over een gezin in een precaire woonsituatie.",
    "Les partenaires ont discuté de l'accueil des familles primo-arrivantes dans les lieux de rencontre.",
    "La communauté d'apprentissage critique a réfléchi aux transitions entre la crèche et l'école maternelle.",
    "Plusieurs parents ont témoigné de leurs difficultés à trouver une place d'accueil extrascolaire.",
    "Nous avons décidé d'organiser une journée d'inspiration sur les centres familiaux en milieu urbain.",
    "De focusgroep met ouders toonde dat de openingsuren van de consultatiebureaus niet passen.",
    "Het lerend netwerk koos voor participatief werken met vaders als thema voor volgend jaar.",
    "Een studiebezoek aan familjecentraler in Zweden inspireerde het team om de onthaalfunctie te versterken.",
    "La réunion a porté sur la collaboration avec les services de santé mentale pour les jeunes enfants.",
    "We spraken af om de verslagen voortaan in beide talen te delen met alle partners.",
    "Het team evalueerde de speelotheek en de babymassage als laagdrempelige ontmoetingsplaatsen.",
    "Les animatrices ont présenté les résultats des entretiens avec les directions d'écoles.",
    "De buurtwerking meldt dat gezinnen vaker langskomen sinds de inloopmomenten op woensdag.",
    "Nous manquons de personnel qualifié pour les ateliers parents-enfants du samedi matin.",
    "Er werd gestemd over de verdeling van de middelen tussen de lokale teams van Jette en Nieuwland.",
    "Le groupe de parents a demandé plus d'informations sur les primes de naissance et les allocations.",
};
constexpr const char* kTitles[] = {
    "Partneroverleg", "Intervisie lerend netwerk", "Focusgroep ouders", "Interview partner", "Studiebezoek",
    "Inspiratiedag", "Réunion de la communauté d'apprentissage", "Groupe de parents", "Vorming", "Kick-off lokaal team",
};
constexpr const char* kPlaces[] = {"Huis van het Kind Jette", "Maison de l'Enfant Anderlecht", "Gemeenschapscentrum Nieuwland",
                                   "Online", "Lieu de rencontre Molenbeek", "Stadhuis Brussel"};

struct BenchOptions {
  std::int64_t activities = 50000;
  std::uint32_t seed = 15;
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
    }
  });
  auto types = type_codes(activity_types(c));
  if (types.empty()) {
    std::cerr << "no activity types: run the migrations first\n";
    return 1;
  }
  const std::int64_t first = 1325376000;                 // 2012-01-01
  const std::int64_t span = 1767225600 - first;          // to 2026-01-01
  constexpr std::int64_t kBatch = 1000;
  for (std::int64_t done = 0; done < o.activities;) {
    store::run_in_transaction(c, [&] {
      for (std::int64_t i = 0; i < kBatch && done < o.activities; ++i, ++done) {
        std::string notes;
        for (std::size_t s = 0, n = 4 + pick(8); s < n; ++s)
          notes += std::string(kSentences[pick(std::size(kSentences))]) + (s % 3 == 2 ? "\n\n" : " ");
        notes += "Opvolging nummer " + std::to_string(done) + ".";
        const auto roll = pick(10);
        const std::string visibility = roll < 7 ? "network" : roll < 9 ? "team" : "facilitators";
        const bool team_level = visibility == "team" || pick(2) == 0;
        const std::string team = team_level ? teams[pick(teams.size())] : "";
        const std::int64_t starts = first + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span)) / 900 * 900;
        c.exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, place, languages, team_id, "
               "visibility, external_participants, agenda, notes, decisions, version, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
               {uuid::random(), types[pick(types.size())],
                std::string(kTitles[pick(std::size(kTitles))]) + " " + std::to_string(done % 997), starts,
                static_cast<std::int64_t>(60 + 30 * pick(5)), std::string(kPlaces[pick(std::size(kPlaces))]),
                std::string(pick(3) ? "nl" : "nl,fr"), team.empty() ? store::Param(nullptr) : store::Param(team),
                visibility, static_cast<std::int64_t>(pick(12)), std::string("1. Welkom\n2. Stand van zaken\n3. Varia"),
                notes, std::string(kSentences[pick(std::size(kSentences))]), starts, starts});
      }
    });
  }
  // After a bulk load, as autovacuum would in time: planner statistics, and on PostgreSQL the visibility
  // map that lets counts read the index alone.
  if (db.dialect() == store::Dialect::postgres) c.exec("VACUUM ANALYZE journal_activities");
  else c.exec("ANALYZE");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "added " << o.activities << " activities in " << seconds << " s\n";
  return 0;
}

}  // namespace

void add_bench_command(app::CommandLine& cl) {
  static BenchOptions options;
  auto* cmd = cl.add(nullptr, "journal-bench-data", "Add synthetic journal activities (bench/journal.sh)", 1,
                     [](store::Database& db, const app::CommandLine::Store&) { return generate(db, options); });
  cmd->add_option("--activities", options.activities, "How many")->check(CLI::Range(std::int64_t{1}, std::int64_t{5'000'000}));
  cmd->add_option("--seed", options.seed, "The same seed gives the same activities");
  cmd->group("");  // hidden from --help: a benchmark's tool
}

}  // namespace samen::journal
