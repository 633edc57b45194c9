// The monitoring's demo content (demo.hpp). Every answer is invented: drawn
// from a fixed-seed generator, more ties and closer ones inside a local team
// or cluster and around the Huis van het Kind, and more and closer in 2026
// than in 2025, so the pages show a network that grows.
#include "monitoring/demo.hpp"

#include <array>
#include <map>
#include <random>
#include <string>

#include "core/network.hpp"
#include "i18n/i18n.hpp"
#include "monitoring/profiles.hpp"
#include "monitoring/waves.hpp"

namespace samen::monitoring {

namespace {

struct DemoProfile {
  const char* name;  // the demo organisation's name (src/demo/demo.cpp)
  const char* sector;
  const char* language;
};

constexpr std::array<DemoProfile, 26> kProfiles{{
    {"Huis van het Kind Brussel", "social", "bilingual"},
    {"Kinderdagverblijf De Vlinder", "childcare", "nl"},
    {"Kinderdagverblijf Zonnebloem", "childcare", "nl"},
    {"Consultatiebureau Jette-Centrum", "health", "nl"},
    {"Ontmoetingsplaats 't Speelhuis", "social", "nl"},
    {"Buitenschoolse opvang De Kastanje", "out_of_school", "nl"},
    {"Basisschool Sint-Pieter (kleuterschool)", "pre_school", "nl"},
    {"Kinderdagverblijf Kleine Reus", "childcare", "nl"},
    {"Opvoedingswinkel Nieuwland", "social", "nl"},
    {"Buurthuis Nieuwland", "social", "nl"},
    {"Consultatiebureau Anneessens", "health", "nl"},
    {"Kleuterschool De Regenboog", "pre_school", "nl"},
    {"Crèche Les Petits Pas", "childcare", "fr"},
    {"Crèche L'Arc-en-ciel", "childcare", "fr"},
    {"Halte-accueil Le Nid", "childcare", "fr"},
    {"École maternelle Les Tilleuls", "pre_school", "fr"},
    {"Accueil extrascolaire Les Copains", "out_of_school", "fr"},
    {"École de devoirs Le Cartable", "out_of_school", "fr"},
    {"Lieu de rencontre La Passerelle", "social", "fr"},
    {"Procesbegeleiding Samen Sterk", "other", "bilingual"},
    {"Maison médicale du Midi", "health", "fr"},
    {"CPAS Service Familles", "social", "fr"},
    {"Taalpunt Brussel", "social", "bilingual"},
    {"Prenataal Steunpunt Noord", "health", "nl"},
    {"Speelotheek De Knikker", "other", "nl"},
    {"Gezinsbond Afdeling Brussel", "other", "nl"},
}};

struct DemoWave {
  const char* name;
  std::int64_t opened, closed;  // unix seconds; closed 0 = still open
  double closeness;             // how much closer the partners work than in the first wave
  std::size_t not_answered;     // respondents who have not submitted yet (the last ones)
};

constexpr DemoWave kWaves[] = {
    {"Brussel 2025", 1740787200, 1746057600, 0.0, 0},  // 2025-03-01 … 2025-05-01
    {"Brussel 2026", 1772323200, 0, 0.18, 4},          // 2026-03-01, open
};

struct Org {
  std::string id, sector, language;
  std::vector<std::string> teams;  // local teams and clusters (not the partnership)
};

bool share_team(const Org& a, const Org& b) {
  for (const auto& t : a.teams)
    if (std::find(b.teams.begin(), b.teams.end(), t) != b.teams.end()) return true;
  return false;
}

// One respondent's answer about another organisation, or none (no contact).
std::optional<TieAnswer> draw_answer(std::mt19937& rng, const Org& from, const Org& to, bool hub, double closer) {
  std::uniform_real_distribution<double> u(0, 1);
  double p = share_team(from, to) ? 0.75 : hub ? 0.8 : from.sector == to.sector ? 0.35 : 0.12;
  if (from.language != to.language && from.language != "bilingual" && to.language != "bilingual") p *= 0.6;
  p = std::min(0.95, p + closer);
  if (u(rng) > p) return std::nullopt;
  // Integration: networking … collaborating, higher in a team and later on.
  double depth = u(rng) + (share_team(from, to) ? 0.35 : 0.0) + 2 * closer;
  std::size_t level = depth < 0.5 ? 1 : depth < 0.9 ? 2 : depth < 1.25 ? 3 : 4;
  TieAnswer a;
  a.target_id = to.id;
  a.integration = std::string(kIntegration[level]);
  a.frequency = std::string(kFrequencies[std::min<std::size_t>(4, level + (u(rng) < 0.4 ? 1 : 0))]);
  for (auto& t : a.trust) t = std::clamp(static_cast<int>(level) + (u(rng) < 0.5 ? 0 : 1) - (u(rng) < 0.2 ? 1 : 0), 1, 4);
  for (auto& v : a.value) v = std::clamp(static_cast<int>(level) + (u(rng) < 0.3 ? 1 : 0) - (u(rng) < 0.3 ? 1 : 0), 1, 4);
  for (auto r : kResources)
    if (u(rng) < 0.12 * static_cast<double>(level)) a.resources.emplace_back(r);
  return a;
}

// The drawn answers of one respondent in two statements: the demo loads at
// every `serve --demo` start, and saving them one by one through save_tie
// (which re-reads the wave for each answer) took seconds. The answers are
// valid by construction; the tables' keys and CHECKs still hold them.
void insert_answers(store::Connection& c, const Invitation& inv, const std::vector<TieAnswer>& answers,
                    const std::map<std::string, int>& scores, std::int64_t at) {
  if (!answers.empty()) {
    std::string sql =
        "INSERT INTO monitoring_ties (invitation_id, wave_id, source_id, target_id, contact_frequency, integration, "
        "trust_reliability, trust_openness, trust_mission, value_influence, value_involvement, value_resources, "
        "resources, updated_at) VALUES ";
    store::Params params;
    for (const auto& a : answers) {
      sql += std::string(params.empty() ? "" : ", ") + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      std::string resources;
      for (const auto& r : a.resources) resources += (resources.empty() ? "" : ",") + r;
      params.insert(params.end(), {inv.id, inv.wave_id, inv.organization_id, a.target_id, *a.frequency, *a.integration,
                                   std::int64_t{*a.trust[0]}, std::int64_t{*a.trust[1]}, std::int64_t{*a.trust[2]},
                                   std::int64_t{*a.value[0]}, std::int64_t{*a.value[1]}, std::int64_t{*a.value[2]},
                                   resources, at});
    }
    c.exec(sql, params);
  }
  std::string sql = "INSERT INTO monitoring_self_assessments (invitation_id, factor, score, updated_at) VALUES ";
  store::Params params;
  for (const auto& [factor, score] : scores) {
    sql += std::string(params.empty() ? "" : ", ") + "(?, ?, ?, ?)";
    params.insert(params.end(), {inv.id, factor, std::int64_t{score}, at});
  }
  if (!params.empty()) c.exec(sql, params);
}

}  // namespace

int load_demo_monitoring(store::Database& db, std::int64_t now) {
  int made = 0;
  store::in_transaction(db, [&](store::Connection& c) {
    if (!c.exec("SELECT 1 FROM monitoring_waves WHERE name = ?", {std::string(kWaves[0].name)}).empty()) return;
    core::Network net = core::load_network(c);
    std::vector<Org> orgs;
    std::string hub_id;
    for (const auto& p : kProfiles) {
      auto r = c.exec("SELECT id FROM organizations WHERE name = ?", {std::string(p.name)});
      if (r.empty()) continue;  // the demo network changed: profile what is there
      Org o{r.rows[0].text(0), p.sector, p.language, {}};
      save_profile(c, o.id, {o.sector, o.language}, now);
      if (const auto* n = net.organization(o.id))
        for (const auto& t : n->team_ids)
          if (const auto* team = net.team(t); team && team->kind != "partnership") o.teams.push_back(t);
      if (std::string(p.name) == "Huis van het Kind Brussel") hub_id = o.id;
      orgs.push_back(std::move(o));
    }
    if (orgs.size() < 2) return;
    std::mt19937 rng(2025);
    const auto& catalog = i18n::Catalog::embedded();
    for (const auto& dw : kWaves) {
      Wave w = create_wave(c, {dw.name, std::nullopt, {}, std::nullopt}, dw.opened);
      ++made;
      std::map<std::string, const Org*> by_id;
      for (const auto& o : orgs) by_id[o.id] = &o;
      std::size_t index = 0;
      for (const auto& o : orgs) {
        if (!std::binary_search(w.organization_ids.begin(), w.organization_ids.end(), o.id)) continue;
        std::string lang = o.language == "fr" ? "fr" : "nl";
        invite(c, catalog, w.id, {o.id, "enquete-" + std::to_string(index) + "@samen.local", "Respondent", lang}, "",
               dw.opened);
        Invitation inv;
        for (auto& i : invitations(c, w.id))
          if (i.organization_id == o.id) inv = i;
        std::vector<TieAnswer> answers;
        for (const auto& other : orgs) {
          if (other.id == o.id || !by_id.count(other.id)) continue;
          bool hub = o.id == hub_id || other.id == hub_id;
          if (auto a = draw_answer(rng, o, other, hub, dw.closeness)) answers.push_back(std::move(*a));
        }
        std::map<std::string, int> scores;
        for (auto f : kFactors) {
          std::uniform_int_distribution<int> score(dw.closeness > 0 ? 3 : 2, dw.closeness > 0 ? 5 : 4);
          scores[std::string(f)] = score(rng);
        }
        insert_answers(c, inv, answers, scores, dw.opened + 86400);
        bool waiting = index + dw.not_answered >= orgs.size();  // the last few have not submitted yet
        if (!waiting) submit(c, inv, dw.opened + 86400 * static_cast<std::int64_t>(2 + index % 20));
        ++index;
      }
      if (dw.closed) close_wave(c, w.id, dw.closed);
    }
  });
  return made;
}

}  // namespace samen::monitoring
