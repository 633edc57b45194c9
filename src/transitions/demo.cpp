// Demo data of the transitions module (`serve --demo`, idempotent): the demo
// network's childcare, pre-school and out-of-school services become settings,
// with a few handovers written with parents (Dutch and French) and their
// consents, so /transitions, a service's page and a receiver's view are
// meaningful right after scripts/run. The handovers are sealed with the key
// file the server will use (DATA_DIR/transitions.key, or
// SAMEN_TRANSITIONS_KEY_FILE), made and recorded here when it is missing.
#include <cstdlib>

#include "store/database.hpp"
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

}  // namespace

void load_demo_transitions(const app::DemoLoad& load) {
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
  const char* env = std::getenv("SAMEN_TRANSITIONS_KEY_FILE");
  Keyring keyring(key_file_path(load.data_dir, env ? env : ""));
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
