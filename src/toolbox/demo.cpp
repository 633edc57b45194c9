// The toolbox's demo content (serve --demo): the starter methods, an
// adaptation by the demo's local team of Jette with its reason (so a family
// tree shows), the demo journal's activities linked to the methods they used
// (by activity type) and a few experiences in nl and fr. Idempotent: every
// row is looked up or skipped when it exists.
#include <nlohmann/json.hpp>

#include "toolbox/package.hpp"

namespace samen::toolbox {

namespace {

// Journal activity types and the starter method such an activity used.
constexpr std::pair<const char*, const char*> kTypeMethods[] = {
    {"interview", "starter-semi-structured-interview"},   {"focus_group", "starter-focus-group"},
    {"intervision", "starter-intervision"},               {"learning_community", "starter-critical-learning-community"},
    {"study_visit", "starter-study-visit"},               {"inspiration_day", "starter-inspiration-day"},
    {"parent_group", "starter-parent-cafe"},
};

struct DemoExperience {
  const char* id;
  const char* author;  // a demo account's e-mail
  const char* method;
  int rating;
  const char* worked;
  const char* changed;
};
constexpr DemoExperience kExperiences[] = {
    {"demo-exp-cafe-1", "partner@samen.local", "starter-parent-cafe", 5,
     "De ouders kozen zelf het thema (slapen en schermen) en bleven na afloop nog lang napraten.",
     "We zetten de speelhoek in dezelfde ruimte, zodat ouders hun kinderen konden zien."},
    {"demo-exp-cafe-2", "partenaire@samen.local", "starter-parent-cafe", 4,
     "Les mamans primo-arrivantes sont revenues avec une amie la fois suivante.",
     "Nous avons traduit l'affiche en arabe et en roumain."},
    {"demo-exp-intervision", "facilitator@samen.local", "starter-intervision", 4,
     "De fase met alleen vragen hielp: de inbrenger zag zelf een nieuwe weg.",
     "We werkten met een timer, anders schoten we te snel in adviezen."},
    {"demo-exp-transition", "extrascolaire@samen.local", "starter-transition-visit", 5,
     "L'enfant a reconnu la classe le premier jour et est entré sans pleurer.",
     "Deux visites courtes au lieu d'une longue."},
};

}  // namespace

void load_demo_toolbox(store::Database& db, std::int64_t now) {
  store::in_transaction(db, [&](store::Connection& c) {
    Writer w(c, now);
    load_starter(w);

    // An adaptation of the parent café by the local team of Jette.
    auto team = c.exec("SELECT id FROM teams WHERE name = 'Lokaal team Jette' LIMIT 1");
    if (c.exec("SELECT 1 FROM toolbox_methods WHERE id = 'demo-fathers-cafe'").empty()) {
      auto original = load_method(c, "starter-parent-cafe");
      if (original) {
        Method m = *original;
        m.id = "demo-fathers-cafe";
        m.adapted_from = original->id;
        m.adapted_by_team = team.empty() ? "" : team.rows[0].text(0);
        m.adaptation_reason = "Vaders kwamen zelden naar het oudercafé op weekdagen; op zaterdagochtend met een activiteit voor vader en kind wel.";
        m.group_max = 12;
        m.translations["nl"].name = "Vaderscafé op zaterdag";
        m.translations["nl"].aim = "Vaders van jonge kinderen ontmoeten elkaar en de diensten, tijdens een activiteit samen met hun kind.";
        m.translations["fr"].name = "Café des pères le samedi";
        m.translations["fr"].aim = "Les pères de jeunes enfants se rencontrent et découvrent les services, pendant une activité avec leur enfant.";
        m.translations.erase("en");  // a translation still to do: the side-by-side view shows it missing
        m.created_by.reset();
        insert_method(w, m, "adapt");
      }
    }

    // Demo activities linked to the methods they used.
    for (auto [type, method] : kTypeMethods)
      c.exec("INSERT INTO toolbox_method_uses (activity_id, method_id, added_at) SELECT a.id, ?, ? FROM journal_activities a "
             "WHERE a.type = ? AND EXISTS (SELECT 1 FROM toolbox_methods WHERE id = ?) AND NOT EXISTS "
             "(SELECT 1 FROM toolbox_method_uses u WHERE u.activity_id = a.id AND u.method_id = ?)",
             {std::string(method), now, std::string(type), std::string(method), std::string(method)});

    for (const auto& e : kExperiences) {
      if (!c.exec("SELECT 1 FROM toolbox_experiences WHERE id = ?", {std::string(e.id)}).empty()) continue;
      if (c.exec("SELECT 1 FROM toolbox_methods WHERE id = ?", {std::string(e.method)}).empty()) continue;
      Experience x;
      x.id = e.id;
      x.method_id = e.method;
      x.rating = e.rating;
      x.worked = e.worked;
      x.changed = e.changed;
      if (auto u = c.exec("SELECT id FROM users WHERE email = ?", {std::string(e.author)}); !u.empty())
        x.author_id = u.rows[0].int64(0);
      insert_experience(w, x);
    }
  });
}

}  // namespace samen::toolbox
