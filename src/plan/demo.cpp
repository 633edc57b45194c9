// The plan's demo data (demo.hpp). Every person, figure and plan text is invented.
#include "plan/demo.hpp"

#include <array>
#include <string>

#include "demo/demo.hpp"

namespace samen::plan {

namespace {

const char* kVisionNl1 =
    "# Samen sterk voor Brusselse gezinnen\n\n"
    "Elk gezin met jonge kinderen in Brussel vindt dicht bij huis een open deur: opvang, gezondheid, "
    "opvoedingsondersteuning en ontmoeting werken samen.\n\n"
    "- Ouders zijn partners, geen klanten.\n"
    "- We werken meertalig: Nederlands, Frans en de talen van de gezinnen.\n";
const char* kVisionNl2 =
    "# Samen sterk voor Brusselse gezinnen\n\n"
    "Elk gezin met jonge kinderen in Brussel vindt dicht bij huis een open deur: opvang, gezondheid, "
    "opvoedingsondersteuning, onderwijs en ontmoeting werken samen als één netwerk.\n\n"
    "- Ouders zijn partners, geen klanten: hun vragen sturen ons werk.\n"
    "- We werken meertalig: Nederlands, Frans en de talen van de gezinnen.\n"
    "- Overgangen (thuis – opvang – kleuterschool) verlopen zacht.\n"
    "- We leren samen en meten wat we doen.\n";
const char* kVisionFr1 =
    "# Ensemble pour les familles bruxelloises\n\n"
    "Chaque famille avec de jeunes enfants à Bruxelles trouve près de chez elle une porte ouverte : accueil, "
    "santé, soutien à la parentalité et rencontre travaillent ensemble.\n\n"
    "- Les parents sont des partenaires, pas des clients.\n"
    "- Nous travaillons en plusieurs langues : français, néerlandais et les langues des familles.\n";
const char* kVisionFr2 =
    "# Ensemble pour les familles bruxelloises\n\n"
    "Chaque famille avec de jeunes enfants à Bruxelles trouve près de chez elle une porte ouverte : accueil, "
    "santé, soutien à la parentalité, école et rencontre travaillent ensemble comme un seul réseau.\n\n"
    "- Les parents sont des partenaires, pas des clients : leurs questions orientent notre travail.\n"
    "- Nous travaillons en plusieurs langues : français, néerlandais et les langues des familles.\n"
    "- Les transitions (maison – accueil – école maternelle) se font en douceur.\n"
    "- Nous apprenons ensemble et mesurons ce que nous faisons.\n";

struct DemoItem {
  const char* key;
  const char* kind;
  const char* parent;      // key, "" = none
  const char* team;        // "jette", "nieuwland", "" = Brussels-wide
  const char* title;
  const char* starts_on;
  const char* ends_on;
  const char* status;
  const char* reason;
  long long budget_euros;  // 0 = none
  const char* owners;      // organisation names separated by '|'
  const char* contributes; // Brussels-wide objective keys separated by '|'
  const char* description;
};

constexpr std::array<DemoItem, 31> kItems{{
    // 1. Toegankelijkheid / accessibilité
    {"o1", "objective", "", "", "Elk gezin vindt de weg naar het aanbod / Chaque famille trouve son chemin", "2025-01-01", "2030-12-31",
     "on_track", "", 0, "Huis van het Kind Brussel", "",
     "Gezinnen vinden **snel en dicht bij huis** de dienst die ze zoeken, in hun taal."},
    {"a1.1", "action", "o1", "", "Gezamenlijke sociale kaart in Samen (nl/fr/en)", "2025-01-01", "2026-06-30", "done", "", 18000,
     "Huis van het Kind Brussel", "", "Alle partners beschrijven hun diensten in de dienstenkaart."},
    {"a1.2", "action", "o1", "", "Onthaalpunten in vijf wijken", "2025-09-01", "2027-12-31", "on_track", "", 65000,
     "Huis van het Kind Brussel|Buurthuis Nieuwland", "", "Een open onthaal waar ouders zonder afspraak binnenlopen."},
    {"a1.2.1", "action", "a1.2", "", "Onthaalpunt Nieuwland: woensdagonthaal", "2025-09-01", "2026-06-30", "done", "", 12000,
     "Buurthuis Nieuwland", "", ""},
    {"a1.2.2", "action", "a1.2", "", "Onthaalpunt Anderlecht", "2026-01-01", "2026-10-31", "at_risk", "", 15000,
     "Crèche L'Arc-en-ciel", "", "Zoektocht naar een geschikte ruimte."},
    {"a1.3", "action", "o1", "", "Folder en website in zes talen", "2026-03-01", "2026-09-30", "not_started", "", 6500,
     "Taalpunt Brussel", "", ""},
    // 2. Overgangen / transitions
    {"o2", "objective", "", "", "Zachte overgangen naar opvang en school / Des transitions en douceur", "2025-01-01", "2030-12-31",
     "on_track", "", 0, "", "", "Kinderen en ouders worden begeleid bij de overgang van thuis naar opvang en kleuterschool."},
    {"a2.1", "action", "o2", "", "Wenmomenten crèche – kleuterschool", "2025-09-01", "2027-06-30", "on_track", "", 22000,
     "Crèche Les Petits Pas|École maternelle Les Tilleuls", "", ""},
    {"a2.2", "action", "o2", "", "Overdrachtsfiche met toestemming van de ouders", "2025-06-01", "2026-03-31", "at_risk", "", 4000,
     "Kinderdagverblijf De Vlinder", "", "Privacyvragen moeten eerst worden opgelost."},
    // 3. Ouderparticipatie / participation des parents
    {"o3", "objective", "", "", "Ouders sturen mee / Les parents co-construisent", "2025-01-01", "2030-12-31", "on_track", "", 0,
     "", "", "Oudergroepen in elke wijk; wat ouders vragen leidt aantoonbaar tot acties."},
    {"a3.1", "action", "o3", "", "Oudergroepen per lokaal team", "2025-03-01", "2030-12-31", "on_track", "", 30000,
     "Opvoedingswinkel Nieuwland|Ontmoetingsplaats 't Speelhuis", "", ""},
    {"a3.2", "action", "o3", "", "Jaarlijkse ouderbevraging", "2025-10-01", "2030-12-31", "on_track", "", 8000,
     "Huis van het Kind Brussel", "", ""},
    // 4. Meertaligheid / multilinguisme
    {"o4", "objective", "", "", "Meertalig werken / Travailler en plusieurs langues", "2025-01-01", "2030-12-31", "at_risk",
     "Te weinig tolken beschikbaar", 0, "Taalpunt Brussel", "", ""},
    {"a4.1", "action", "o4", "", "Tolkenpool voor partners", "2025-04-01", "2026-12-31", "at_risk", "Budget nog niet rond", 40000,
     "Taalpunt Brussel", "", ""},
    {"a4.2", "action", "o4", "", "Vorming taalbewust werken", "2025-02-01", "2025-12-31", "done", "", 9000, "Taalpunt Brussel", "", ""},
    // 5. Lerend netwerk / réseau apprenant
    {"o5", "objective", "", "", "Een lerend netwerk / Un réseau apprenant", "2025-01-01", "2030-12-31", "on_track", "", 0,
     "Procesbegeleiding Samen Sterk", "", ""},
    {"a5.1", "action", "o5", "", "Intervisie voor medewerkers (4 per jaar)", "2025-01-01", "2030-12-31", "on_track", "", 24000,
     "Procesbegeleiding Samen Sterk", "", ""},
    {"a5.2", "action", "o5", "", "Communauté d'apprentissage critique", "2025-09-01", "2027-06-30", "on_track", "", 15000,
     "Procesbegeleiding Samen Sterk|Lieu de rencontre La Passerelle", "", ""},
    {"a5.3", "action", "o5", "", "Studiebezoek familiecentra", "2026-04-01", "2026-05-31", "dropped",
     "Vervangen door een inspiratiedag in Brussel (minder reiskosten)", 12000, "Huis van het Kind Brussel", "", ""},
    // 6. Armoede / pauvreté
    {"o6", "objective", "", "", "Gezinnen in armoede bereiken / Atteindre les familles en situation de pauvreté", "2025-01-01",
     "2030-12-31", "not_started", "", 0, "CPAS Service Familles", "", ""},
    {"a6.1", "action", "o6", "", "Toeleiding via het OCMW / via le CPAS", "2026-01-01", "2028-12-31", "not_started", "", 20000,
     "CPAS Service Familles", "", ""},
    {"a6.2", "action", "o6", "", "Gratis spelotheek-pas", "2025-06-01", "2026-06-30", "on_track", "", 3500, "Speelotheek De Knikker",
     "", ""},
    // Jette
    {"j1", "objective", "", "jette", "Jette: één onthaal voor alle diensten", "2025-01-01", "2027-12-31", "on_track", "", 0,
     "Ontmoetingsplaats 't Speelhuis", "o1", "Het lokale team Jette bundelt het onthaal in 't Speelhuis."},
    {"j1.1", "action", "j1", "jette", "Gezamenlijk onthaal op dinsdag in 't Speelhuis", "2025-03-01", "2026-12-31", "on_track", "", 5000,
     "Ontmoetingsplaats 't Speelhuis|Consultatiebureau Jette-Centrum", "o1", ""},
    {"j1.2", "action", "j1", "jette", "Doorverwijsafspraken tussen opvang en consultatiebureau", "2025-05-01", "2026-03-31", "at_risk",
     "Wachten op akkoord van de directies", 0, "Kinderdagverblijf De Vlinder|Consultatiebureau Jette-Centrum", "", ""},
    {"j2", "objective", "", "jette", "Jette: zachte start in de kleuterschool", "2025-09-01", "2028-06-30", "on_track", "", 0,
     "Basisschool Sint-Pieter (kleuterschool)", "o2", ""},
    {"j2.1", "action", "j2", "jette", "Kijkdagen voor peuters en ouders", "2025-09-01", "2026-06-30", "done", "", 2500,
     "Basisschool Sint-Pieter (kleuterschool)|Kinderdagverblijf Zonnebloem", "", ""},
    // Nieuwland
    {"n1", "objective", "", "nieuwland", "Nieuwland: ouders ontmoeten elkaar", "2025-01-01", "2027-12-31", "on_track", "", 0,
     "Buurthuis Nieuwland", "o3|o6", ""},
    {"n1.1", "action", "n1", "nieuwland", "Oudergroep in het buurthuis (maandelijks)", "2025-02-01", "2027-12-31", "on_track", "", 7500,
     "Buurthuis Nieuwland|Opvoedingswinkel Nieuwland", "o3", ""},
    {"n1.2", "action", "n1", "nieuwland", "Koffiemomenten aan de schoolpoort", "2025-09-01", "2026-06-30", "at_risk",
     "Weinig ouders in de winter", 1500, "Kleuterschool De Regenboog", "", ""},
    {"n2", "objective", "", "nieuwland", "Nieuwland: taalondersteuning voor ouders", "2026-01-01", "2028-12-31", "not_started", "", 0,
     "Taalpunt Brussel", "o4", ""},
}};

struct DemoIndicator {
  const char* key;
  const char* item;
  const char* name;
  const char* unit;
  const char* type;
  double baseline, target;
  const char* target_on;
  std::array<double, 6> values;  // 2025-06-30, 2025-12-31, 2026-06-30, 2026-12-31 ... (< 0 = none)
};

constexpr std::array<DemoIndicator, 5> kIndicators{{
    {"i1", "o1", "Gezinnen die een onthaalpunt bezochten", "gezinnen", "integer", 120, 900, "2030-12-31",
     {180, 260, 340, 410, -1, -1}},
    {"i2", "a1.1", "Partners met een actuele dienstbeschrijving", "%", "percentage", 35, 100, "2026-06-30",
     {52, 71, 88, 93, -1, -1}},
    {"i3", "o3", "Oudergroepen die minstens vier keer per jaar samenkomen", "groepen", "integer", 2, 8, "2028-12-31",
     {3, 4, 4, 5, -1, -1}},
    {"i4", "a4.1", "Gemiddelde wachttijd voor een tolk", "dagen", "decimal", 9.5, 3, "2026-12-31",
     {9.0, 8.5, 8.8, 7.9, -1, -1}},
    {"i5", "n1.1", "Ouders per oudergroep (gemiddeld)", "ouders", "decimal", 6, 12, "2027-12-31",
     {7.5, 8.0, 9.5, 10.5, -1, -1}},
}};

constexpr const char* kValueDates[] = {"2025-06-30", "2025-12-31", "2026-06-30", "2026-12-31", "2027-06-30", "2027-12-31"};

struct DemoLink {
  const char* item;
  const char* activity;  // journal demo key
};
constexpr std::array<DemoLink, 6> kLinks{{{"a5.1", "intervision-1"},
                                          {"a5.1", "intervision-2"},
                                          {"a5.2", "communaute-1"},
                                          {"a3.1", "groupe-parents"},
                                          {"j1.1", "jette-team-start"},
                                          {"n1.1", "nieuwland-team-start"}}};

std::string id_of(const std::string& key) { return demo::demo_uuid("plan:" + key); }

std::vector<std::string> split(const char* text) {
  std::vector<std::string> out;
  std::string s = text;
  for (std::size_t pos = 0; !s.empty() && pos <= s.size();) {
    auto bar = s.find('|', pos);
    out.push_back(s.substr(pos, bar == std::string::npos ? std::string::npos : bar - pos));
    if (bar == std::string::npos) break;
    pos = bar + 1;
  }
  return out;
}

}  // namespace

int load_demo_plan(store::Database& db, std::int64_t now) {
  int added = 0;
  store::in_transaction(db, [&](store::Connection& c) {
    // The vision: two versions, the second widening the first.
    auto r = c.exec("INSERT INTO plan_vision (id, version, created_at, updated_at, text_nl, text_fr) VALUES "
                    "('brussels', 2, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    {now - 86400 * 400, now - 86400 * 30, kVisionNl2, kVisionFr2});
    if (r.affected == 1)
      c.exec("INSERT INTO plan_vision_versions (vision_id, version, text_nl, text_fr, note, saved_at, saved_by) VALUES "
             "('brussels', 1, ?, ?, 'Eerste versie, goedgekeurd op het partneroverleg', ?, 'coordinator@samen.local'), "
             "('brussels', 2, ?, ?, 'Onderwijs en overgangen toegevoegd na de ouderbevraging', ?, 'coordinator@samen.local')",
             {kVisionNl1, kVisionFr1, now - 86400 * 400, kVisionNl2, kVisionFr2, now - 86400 * 30});
    auto team_id = [](const char* key) -> store::Param {
      if (!*key) return nullptr;
      return demo::demo_uuid(std::string("team:") + key);
    };
    for (const auto& d : kItems) {
      std::string id = id_of(d.key);
      auto ins = c.exec(
          "INSERT INTO plan_items (id, version, created_at, updated_at, kind, parent_id, team_id, title, description, "
          "status, status_reason, starts_on, ends_on, budget_cents) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (id) DO NOTHING",
          {id, now - 86400 * 600, now - 86400 * 20, d.kind, *d.parent ? store::Param(id_of(d.parent)) : store::Param(nullptr),
           team_id(d.team), d.title, d.description, d.status, d.reason, d.starts_on, d.ends_on,
           d.budget_euros ? store::Param(static_cast<std::int64_t>(d.budget_euros * 100)) : store::Param(nullptr)});
      if (ins.affected != 1) continue;
      ++added;
      for (const auto& name : split(d.owners))
        c.exec("INSERT INTO plan_item_owners (item_id, organization_id) SELECT ?, id FROM organizations WHERE name = ? "
               "ON CONFLICT DO NOTHING", {id, name});
      for (const auto& key : split(d.contributes))
        c.exec("INSERT INTO plan_contributions (item_id, objective_id) VALUES (?, ?) ON CONFLICT DO NOTHING", {id, id_of(key)});
      // Its status history: started, and the change to where it is now with the reason.
      c.exec("INSERT INTO plan_status_changes (item_id, changed_at, previous, status, reason, actor_label) "
             "VALUES (?, ?, '', 'not_started', '', 'coordinator@samen.local')", {id, now - 86400 * 600});
      if (std::string(d.status) != "not_started")
        c.exec("INSERT INTO plan_status_changes (item_id, changed_at, previous, status, reason, actor_label) "
               "VALUES (?, ?, 'not_started', ?, ?, 'coordinator@samen.local')", {id, now - 86400 * 60, d.status, d.reason});
    }
    for (const auto& d : kIndicators) {
      std::string id = id_of(std::string("indicator:") + d.key);
      auto ins = c.exec("INSERT INTO plan_indicators (id, version, created_at, updated_at, item_id, name, unit, value_type, "
                        "baseline, target, target_on) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                        {id, now - 86400 * 600, now - 86400 * 600, id_of(d.item), d.name, d.unit, d.type, d.baseline, d.target,
                         d.target_on});
      if (ins.affected != 1) continue;
      for (std::size_t k = 0; k < d.values.size(); ++k) {
        if (d.values[k] < 0) continue;
        c.exec("INSERT INTO plan_indicator_values (id, version, created_at, updated_at, indicator_id, measured_on, value) "
               "VALUES (?, 1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
               {id_of(std::string("value:") + d.key + ":" + kValueDates[k]), now, now, id, kValueDates[k], d.values[k]});
      }
    }
    for (const auto& l : kLinks)
      c.exec("INSERT INTO plan_activity_links (item_id, activity_id, created_at) SELECT ?, id, ? FROM journal_activities "
             "WHERE id = ? ON CONFLICT DO NOTHING",
             {id_of(l.item), now, demo::demo_uuid(std::string("journal:") + l.activity)});
  });
  return added;
}

}  // namespace samen::plan
