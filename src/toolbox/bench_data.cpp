// The hidden command `samen toolbox-bench-data --methods N --versions V`
// that bench/toolbox.sh runs: N synthetic published methods with texts in
// nl, fr and en (sentences of the network's practice, numbered so no two are
// the same), eight steps each, spread over the phases and topics, with V
// versions in all (each a snapshot, as the write path stores them), a few
// uses and experiences, and one long method ("bench-long": 60 steps per
// language, long texts, two versions that differ in every field) for the
// comparison figure. Written straight into the tables in one transaction (no
// history or audit: this is no one's work); the same seed gives the same data.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>

#include "app/module.hpp"
#include "store/database.hpp"
#include "toolbox/method.hpp"

namespace samen::toolbox {

namespace {

constexpr const char* kNl[] = {
    "Partners leren elkaars werking kennen en bouwen vertrouwen op.",
    "Ouders vertellen wat zij nodig hebben bij de overgang naar school.",
    "Het team bespreekt een casus en zoekt samen naar nieuwe wegen.",
    "We maken zichtbaar wie welke diensten aanbiedt in de buurt.",
    "De groep formuleert een gedeelde visie op integraal werken.",
};
constexpr const char* kFr[] = {
    "Les partenaires découvrent le travail des autres et construisent la confiance.",
    "Les parents racontent ce dont ils ont besoin lors du passage à l'école.",
    "L'équipe discute d'un cas et cherche ensemble de nouvelles pistes.",
    "Nous rendons visible qui offre quels services dans le quartier.",
    "Le groupe formule une vision partagée du travail intégré.",
};
constexpr const char* kEn[] = {
    "Partners get to know each other's work and build trust.",
    "Parents tell what they need when their child moves to school.",
    "The team discusses a case and looks for new ways together.",
    "We make visible who offers which services in the neighbourhood.",
    "The group writes a shared vision of integrated working.",
};

struct BenchOptions {
  std::int64_t methods = 2000;
  std::int64_t versions = 20000;
  std::uint32_t seed = 16;
};

Method synthetic(std::mt19937& rng, std::int64_t i, std::int64_t revision, int steps, int repeat) {
  Method m;
  m.id = "bench-" + std::to_string(i);
  m.status = "published";
  m.phase = std::string(kPhases[i % 5]);
  m.topics = {std::string(kTopics[i % 8]), std::string(kTopics[(i / 8 + 3) % 8])};
  if (m.topics[0] == m.topics[1]) m.topics.pop_back();
  m.group_min = 2 + static_cast<std::int64_t>(rng() % 6);
  m.group_max = m.group_min + static_cast<std::int64_t>(rng() % 30);
  m.duration_minutes = 30 + static_cast<std::int64_t>(rng() % 16) * 15;
  m.licence = "CC BY-SA 4.0";
  const char* const* sets[] = {kNl, kFr, kEn};
  const char* langs[] = {"nl", "fr", "en"};
  const char* names[] = {"Methode", "Méthode", "Method"};
  for (int l = 0; l < 3; ++l) {
    Translation t;
    auto text = [&](int k) {
      std::string s;
      for (int r = 0; r < repeat; ++r) s += std::string(sets[l][(i + k + r) % 5]) + " ";
      return s + "(" + std::to_string(i) + "." + std::to_string(revision) + ")";
    };
    t.name = std::string(names[l]) + " " + std::to_string(i) + " · " + std::string(sets[l][i % 5]).substr(0, 40);
    t.aim = text(0);
    t.when_to_use = text(1);
    t.for_whom = text(2);
    t.preparation = text(3);
    t.tips = text(4);
    t.variations = text(5);
    t.pitfalls = text(6);
    t.source = "Samen bench";
    for (int s = 0; s < steps; ++s) t.steps.push_back({text(s), 5 + (s * 7 + revision) % 25});
    m.translations[langs[l]] = std::move(t);
  }
  return m;
}

void write_method(store::Connection& c, const Method& m, std::int64_t versions, std::int64_t now) {
  c.exec("INSERT INTO toolbox_methods (id, version, created_at, updated_at, status, phase, topics, group_min, group_max, "
         "duration_minutes, licence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         {m.id, versions, now, now, m.status, m.phase, join_list(m.topics), m.group_min, m.group_max, m.duration_minutes,
          m.licence});
  for (const auto& [lang, t] : m.translations) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& s : t.steps) steps.push_back({{"description", s.description}, {"minutes", s.minutes}});
    c.exec("INSERT INTO toolbox_translations (method_id, lang, name, aim, when_to_use, for_whom, preparation, steps, tips, "
           "variations, pitfalls, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
           {m.id, lang, t.name, t.aim, t.when_to_use, t.for_whom, t.preparation, steps.dump(), t.tips, t.variations,
            t.pitfalls, t.source});
  }
}

void write_version(store::Connection& c, const Method& m, std::int64_t version, std::int64_t now) {
  nlohmann::json snapshot = content_json(m);
  snapshot["id"] = m.id;
  snapshot["version"] = version;
  c.exec("INSERT INTO toolbox_method_versions (method_id, version, created_at, action, snapshot) VALUES (?, ?, ?, ?, ?)",
         {m.id, version, now - 86400 + version, version == 1 ? "create" : "update", snapshot.dump()});
}

int generate(store::Database& db, const BenchOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  std::mt19937 rng(o.seed);
  const std::int64_t now = 1796150547;
  store::in_transaction(db, [&](store::Connection& c) {
    std::int64_t per = std::max<std::int64_t>(1, o.versions / std::max<std::int64_t>(1, o.methods));
    std::int64_t extra = o.versions - per * o.methods;  // the remainder goes to the first methods
    for (std::int64_t i = 1; i <= o.methods; ++i) {
      std::int64_t versions = per + (extra > 0 ? 1 : 0);
      if (extra > 0) --extra;
      // The method's row first (the versions refer to it), then every version's snapshot.
      std::vector<Method> history;
      for (std::int64_t v = 1; v <= versions; ++v) history.push_back(synthetic(rng, i, v, 8, 1));
      const Method& last = history.back();
      write_method(c, last, versions, now);
      for (std::int64_t v = 1; v <= versions; ++v) write_version(c, history[v - 1], v, now);
      // A fifth of the methods has an experience rating (no activity: the journal's data is its own bench).
      if (i % 5 == 0)
        c.exec("INSERT INTO toolbox_experiences (id, version, created_at, updated_at, method_id, worked, changed, rating) "
               "VALUES (?, 1, ?, ?, ?, 'Werkte goed', '', ?)",
               {"bench-exp-" + std::to_string(i), now, now, last.id, static_cast<std::int64_t>(1 + rng() % 5)});
    }
    Method a = synthetic(rng, 0, 1, 60, 6), b = synthetic(rng, 0, 2, 60, 6);
    a.id = b.id = "bench-long";
    write_method(c, b, 2, now);
    write_version(c, a, 1, now);
    write_version(c, b, 2, now);
  });
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  std::cout << o.methods << " methods, " << o.versions << " versions written in " << ms << " ms\n";
  return 0;
}

}  // namespace

void add_bench_command(app::CommandLine& cl) {
  static BenchOptions options;
  auto* cmd = cl.add(nullptr, "toolbox-bench-data", "Add synthetic toolbox methods (bench/toolbox.sh)", 1,
                     [](store::Database& db, const app::CommandLine::Store&) { return generate(db, options); });
  cmd->add_option("--methods", options.methods, "How many")->check(CLI::Range(std::int64_t{1}, std::int64_t{200'000}));
  cmd->add_option("--versions", options.versions, "Versions in all (at least one per method)");
  cmd->add_option("--seed", options.seed, "The same seed gives the same methods");
  cmd->group("");  // hidden from --help: a benchmark's tool
}

}  // namespace samen::toolbox
