// Demo data of the transitions module (`serve --demo`, idempotent): the demo
// network's childcare, pre-school and out-of-school services become settings,
// with a few handovers written with parents (Dutch and French) and their
// consents, so /transitions, a service's page and a receiver's view are
// meaningful right after scripts/run; pathway counts of Jette, Nieuwland and
// the French-speaking cluster and their transition activities (journal
// activities) in nl and fr, and the 2026 after-transition evaluation with
// invented answers (De Vlinder → Sint-Pieter: 6 parents and 5 receiving
// answers shown, 2 sending ones "fewer than 5"). The handovers are sealed with the key
// file the server will use (DATA_DIR/transitions.key, or the serve setting
// `--transitions-key-file` / SAMEN_TRANSITIONS_KEY_FILE), made and recorded
// here when it is missing.
#include "demo/demo.hpp"
#include "journal/activity.hpp"
#include "store/database.hpp"
#include "i18n/i18n.hpp"
#include "surveys/store.hpp"
#include "transitions/evaluation.hpp"
#include "transitions/handlers.hpp"
#include "transitions/store.hpp"

namespace samen::transitions {

namespace {

struct DemoSetting {
  const char* organization;
  const char* kind;
  std::int64_t capacity, age_min, age_max;
  const char* languages;
};

constexpr DemoSetting kSettings[] = {
    {"Kinderdagverblijf De Vlinder", "childcare", 28, 0, 36, "nl,fr"},
    {"Kinderdagverblijf Zonnebloem", "childcare", 18, 0, 36, "nl"},
    {"Basisschool Sint-Pieter (kleuterschool)", "pre_school", 75, 30, 72, "nl"},
    {"Kleuterschool De Regenboog", "pre_school", 60, 30, 72, "nl"},
    {"Buitenschoolse opvang De Kastanje", "out_of_school", 40, 30, 144, "nl,fr"},
    {"Crèche Les Petits Pas", "childcare", 24, 0, 36, "fr"},
    {"École maternelle Les Tilleuls", "pre_school", 90, 30, 72, "fr,nl"},
    {"Kinderdagverblijf Kleine Reus", "childcare", 21, 0, 36, "nl,fr,ar"},
    {"Accueil extrascolaire Les Copains", "out_of_school", 45, 30, 144, "fr"},
};

// Entered pathway counts (kSettings indexes): Jette's and Nieuwland's local
// teams and the French-speaking cluster, childcare → pre-school → out-of-school
// care. Les Copains has no partner pathway yet: the page flags it.
struct DemoPathway {
  int from, to, school_year;
  std::int64_t children;
};
constexpr DemoPathway kPathways[] = {
    {0, 2, 2024, 11}, {0, 2, 2025, 13}, {1, 2, 2025, 6}, {2, 4, 2024, 15}, {2, 4, 2025, 18}, {0, 4, 2025, 3},
    {7, 3, 2024, 9},  {7, 3, 2025, 10}, {5, 6, 2025, 8},
};

// Transition activities: journal activities (type "transition") of a team, in the team's language.
struct DemoActivity {
  const char* key;
  const char* team;  // the demo team's name
  const char* kind;
  int from, to, school_year;
  const char* starts;  // Brussels wall clock
  std::int64_t minutes;
  const char* title;
  const char* place;
  const char* language;
};
constexpr DemoActivity kActivities[] = {
    {"jette-visit-2025", "Lokaal team Jette", "child_visit", 0, 2, 2025, "2026-05-12T09:30", 90,
     "Wenbezoek van de peuters van De Vlinder in de kleuterklas", "Basisschool Sint-Pieter", "nl"},
    {"jette-meeting-2026", "Lokaal team Jette", "staff_meeting", 1, 2, 2026, "2027-01-21T15:30", 90,
     "Overleg kinderbegeleiders en kleuterleraren Jette", "Kinderdagverblijf Zonnebloem", "nl"},
    {"jette-visit-2026", "Lokaal team Jette", "child_visit", 0, 2, 2026, "2027-03-18T09:30", 90,
     "Wenbezoek kleuterklas Sint-Pieter", "Basisschool Sint-Pieter", "nl"},
    {"jette-bso-2026", "Lokaal team Jette", "welcome_day", 2, 4, 2026, "2027-06-23T14:00", 120,
     "Kennismakingsnamiddag in de BSO De Kastanje", "Buitenschoolse opvang De Kastanje", "nl"},
    {"nieuwland-info-2026", "Lokaal team Nieuwland", "parent_session", 7, 3, 2026, "2027-02-09T18:30", 90,
     "Infoavond voor ouders: naar de kleuterschool (met tolken)", "Buurthuis Nieuwland", "nl"},
    {"nieuwland-welcome-2026", "Lokaal team Nieuwland", "welcome_day", 7, 3, 2026, "2027-04-19T09:00", 180,
     "Onthaaldag De Regenboog na de paasvakantie", "Kleuterschool De Regenboog", "nl"},
    {"cluster-info-2026", "Cluster francophone petite enfance", "parent_session", 5, 6, 2026, "2027-02-11T18:00",
     90, "Séance d'information : l'entrée à l'école maternelle", "École maternelle Les Tilleuls", "fr"},
    {"cluster-visit-2026", "Cluster francophone petite enfance", "child_visit", 5, 6, 2026, "2027-05-20T10:00", 90,
     "Visite des enfants des Petits Pas à l'école Les Tilleuls", "École maternelle Les Tilleuls", "fr"},
};

// The first service of the organisation of that name, "" when the demo has none.
std::string service_of(store::Connection& c, const std::string& organization) {
  auto r = c.exec("SELECT s.id FROM services s JOIN organizations o ON o.id = s.organization_id WHERE o.name = ? "
                  "ORDER BY s.name, s.id LIMIT 1",
                  {organization});
  return r.empty() ? "" : r.rows[0].text(0);
}

struct DemoHandover {
  const char* id;
  int from, to;  // kSettings indexes
  const char* date;
  const char* language;
  HandoverContents contents;
  std::vector<std::string> consented;
};

std::vector<DemoHandover> handovers() {
  return {
      {"demo-transitions-amira", 0, 2, "2026-09-01", "nl",
       {"Amira", "2023-06", {"ar", "nl"},
        "Een vast afscheidsritueel met mama aan de deur. Haar knuffel (een blauw konijn) helpt bij het slapen. Ze "
        "eet graag samen met andere kinderen en speelt het liefst buiten.",
        "Mama vraagt of Amira de eerste weken halve dagen mag komen en of er iemand Arabisch spreekt op school.",
        ""},
       {"child", "home_languages", "what_helps", "parent_wishes"}},
      {"demo-transitions-lucas", 0, 4, "2026-09-01", "nl",
       {"Lucas", "2022-11", {"nl", "fr"},
        "Lucas heeft tijd nodig om te wennen aan nieuwe volwassenen. Een vriendje uit de opvang gaat mee naar de BSO.",
        "Papa wil graag op de hoogte blijven via een kort berichtje op het einde van de dag.", "Astma, puffer in de tas."},
       {"child", "what_helps"}},
      {"demo-transitions-ines", 5, 6, "2026-09-01", "fr",
       {"Inès", "2023-03", {"fr", "pt"},
        "Inès aime les chansons et les livres d'images. Une sieste après le repas l'aide à passer la journée.",
        "La maman souhaite rencontrer l'institutrice avant la rentrée.", ""},
       {"child", "home_languages", "what_helps", "parent_wishes"}},
  };
}

store::Param setting_or_null(const std::vector<std::string>& ids, int i) {
  return ids[static_cast<std::size_t>(i)].empty() ? store::Param(nullptr) : store::Param(ids[static_cast<std::size_t>(i)]);
}

// Pathway counts and transition activities (idempotent: fixed ids, conflicts ignored).
void load_demo_pathways(store::Connection& c, const std::vector<std::string>& ids, std::int64_t now) {
  store::run_in_transaction(c, [&] {
    for (const auto& p : kPathways) {
      const auto& from = ids[static_cast<std::size_t>(p.from)];
      const auto& to = ids[static_cast<std::size_t>(p.to)];
      if (from.empty() || to.empty()) continue;
      c.exec("INSERT INTO transitions_pathways (id, version, created_at, updated_at, sending_setting_id, "
             "receiving_setting_id, school_year, children) VALUES (?, 1, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
             {demo::demo_uuid("transitions-pathway:" + from + ":" + to + ":" + std::to_string(p.school_year)), now,
              now, from, to, std::int64_t{p.school_year}, p.children});
    }
    for (const auto& a : kActivities) {
      auto team = c.exec("SELECT id FROM teams WHERE name = ?", {std::string(a.team)});
      auto start = journal::parse_local_date_time(a.starts);
      if (team.empty() || !start) continue;
      std::string id = demo::demo_uuid(std::string("transitions-activity:") + a.key);
      c.exec("INSERT INTO journal_activities (id, version, created_at, updated_at, type, title, starts_at, "
             "duration_minutes, place, languages, team_id, visibility) "
             "VALUES (?, 1, ?, ?, 'transition', ?, ?, ?, ?, ?, ?, 'network') ON CONFLICT (id) DO NOTHING",
             {id, now, now, std::string(a.title), *start, a.minutes, std::string(a.place), std::string(a.language),
              team.rows[0].text(0)});
      c.exec("INSERT INTO transitions_activities (activity_id, kind, school_year, sending_setting_id, "
             "receiving_setting_id, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (activity_id) DO NOTHING",
             {id, std::string(a.kind), std::int64_t{a.school_year}, setting_or_null(ids, a.from),
              setting_or_null(ids, a.to), now});
    }
  });
}

// The 2026 evaluation and invented answers on De Vlinder → Sint-Pieter, given
// through link invitations of that pathway as a parent or setting would.
void load_demo_evaluation(store::Connection& c, const std::vector<std::string>& ids, std::int64_t now) {
  if (ids[0].empty() || ids[2].empty()) return;
  store::run_in_transaction(c, [&] {
    auto e = start_evaluation(c, i18n::Catalog::embedded(), 2026, std::nullopt, now);
    if (!e) return;  // loaded before
    const std::string segment = pathway_segment(ids[0], ids[2], 2026);
    struct Answer {
      const char* audience;
      std::vector<int> points;
      const char* comment;
    };
    const Answer answers[] = {
        {"parent", {5, 4, 4}, "De wenbezoeken hielpen echt."}, {"parent", {4, 5, 4}, ""},
        {"parent", {3, 3, 2}, "Ik had graag vroeger gehoord wie de juf zou zijn."}, {"parent", {5, 5, 5}, ""},
        {"parent", {4, 4, 3}, ""}, {"parent", {4, 3, 4}, "Merci pour l'accueil."},
        {"receiving", {4, 5, 4}, ""}, {"receiving", {5, 4, 4}, ""}, {"receiving", {3, 4, 3}, ""},
        {"receiving", {4, 4, 5}, "Het overdrachtsformulier gaf een goed beeld."}, {"receiving", {4, 3, 4}, ""},
        {"sending", {4, 5}, ""}, {"sending", {3, 4}, ""},
    };
    for (const auto& a : answers) {
      std::string token = surveys::invite_link(c, e->survey_ids[a.audience], "nl", segment, now);
      auto access = surveys::access_by_token(c, token);
      surveys::Answers given;
      std::size_t i = 0;
      for (const auto& q : access->survey.definition.questions) {
        if (q.type == surveys::QuestionType::likert && i < a.points.size()) given[q.id].codes = {std::to_string(a.points[i++])};
        else if (q.type == surveys::QuestionType::text && *a.comment) given[q.id].text = a.comment;
      }
      surveys::save_answers(c, *access, "", given, "nl", now);
      surveys::submit(c, *access, "", now);
    }
  });
}

}  // namespace

void load_demo_transitions(const app::DemoLoad& load, const std::string& key_file_setting) {
  auto lease = load.db.acquire();
  auto& c = *lease;
  std::vector<std::string> ids;
  store::run_in_transaction(c, [&] {
    for (const auto& s : kSettings) {
      std::string id = service_of(c, s.organization);
      ids.push_back(id);
      if (id.empty() || load_setting(c, id)) continue;
      Setting st;
      st.id = id;
      st.kind = s.kind;
      st.capacity = s.capacity;
      st.age_min_months = s.age_min;
      st.age_max_months = s.age_max;
      st.languages = parse_languages(s.languages);
      upsert_setting(c, st, load.now);
    }
  });
  load_demo_pathways(c, ids, load.now);
  load_demo_evaluation(c, ids, load.now);
  // The key file start() will open: the serve setting (flag or variable), else DATA_DIR/transitions.key.
  Keyring keyring(key_file_path(load.data_dir, key_file_setting));
  keyring.open(c, load.now);
  store::run_in_transaction(c, [&] {
    Key key = keyring.current(c);
    for (auto& d : handovers()) {
      if (ids[d.from].empty() || ids[d.to].empty() || load_handover_plain(c, d.id)) continue;
      Handover h;
      h.id = d.id;
      h.sending_setting_id = ids[d.from];
      h.receiving_setting_id = ids[d.to];
      h.transition_date = d.date;
      h.delete_after = retention_end(d.date, 6);
      h.language = d.language;
      h.created_at = load.now;
      h.contents = d.contents;
      insert_handover(c, key, h);
      Consent k;
      k.id = std::string(d.id) + "-consent";
      k.handover_id = d.id;
      k.receiving_setting_id = h.receiving_setting_id;
      k.valid_until = h.delete_after;
      k.created_at = load.now;
      k.details = {d.language == std::string("fr") ? "la maman" : "mama", "written", d.consented, load.now};
      insert_consent(c, key, k);
    }
  });
}

}  // namespace samen::transitions
