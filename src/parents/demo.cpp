// Parents' voice's demo data (demo.hpp): what parent groups in Jette and
// Nieuwland told the network, in their own words (nl and fr), and what the
// network did. The teams are looked up by name in the demo network; fixed
// ids (demo_uuid) make a second load change nothing.
#include "parents/demo.hpp"

#include <map>

#include "demo/demo.hpp"
#include "journal/activity.hpp"

namespace samen::parents {

namespace {

std::optional<std::string> lookup(store::Connection& c, const char* sql, const std::string& arg) {
  auto r = c.exec(sql, {arg});
  if (r.empty()) return std::nullopt;
  return r.rows[0].text(0);
}

struct DemoGroup {
  const char* key;
  const char* name;
  const char* team;  // team name
  const char* languages;
  const char* description;
};

constexpr DemoGroup kGroups[] = {
    {"jette", "Oudergroep Jette", "Lokaal team Jette", "nl, fr, ar",
     "Ouders van jonge kinderen die elke maand samenkomen in het Huis van het Kind Jette, met koffie en kinderopvang."},
    {"nieuwland", "Groupe de parents Nieuwland", "Lokaal team Nieuwland", "fr, nl, ber",
     "Des mamans et des papas du quartier Nieuwland qui se retrouvent au Buurthuis le mercredi après-midi."},
};

struct DemoMeeting {
  const char* key;
  const char* group;
  const char* starts;  // Brussels wall clock
  const char* title;
  const char* lang;
  const char* notes;
};

constexpr DemoMeeting kMeetings[] = {
    {"jette-2025-10", "jette", "2025-10-08T09:30", "Oudergroep Jette: openingsuren en wachtlijsten", "nl",
     "Twaalf ouders. Vooral de openingsuren van het consultatiebureau en de wachtlijsten van de kinderopvang kwamen aan bod."},
    {"jette-2026-02", "jette", "2026-02-11T09:30", "Oudergroep Jette: informatie in andere talen", "nl",
     "Negen ouders. Folders bestaan bijna alleen in het Nederlands en het Frans; ouders vragen Arabisch en eenvoudige taal."},
    {"nieuwland-2025-11", "nieuwland", "2025-11-19T14:00", "Groupe de parents Nieuwland : accueil et horaires", "fr",
     "Quinze parents. Les horaires de la crèche et l'accès aux activités du mercredi ont été discutés."},
};

struct DemoConcern {
  const char* key;
  const char* group;  // "" for none
  const char* team;   // team name
  const char* municipality;
  const char* theme;
  const char* language;
  const char* source;
  const char* status;
  const char* raised_on;
  const char* text;
  const char* status_note;
  // Publication: "" for none.
  const char* public_nl;
  const char* public_fr;
  const char* public_en;
  const char* response_nl;
  const char* response_fr;
  const char* response_en;
};

constexpr DemoConcern kConcerns[] = {
    {"opening-hours-jette", "jette", "Lokaal team Jette", "21010", "opening_hours", "nl", "parent_group", "done",
     "2025-10-08",
     "Het consultatiebureau is alleen open tijdens de werkuren. Wie voltijds werkt, moet verlof nemen voor elke afspraak.",
     "", "Het consultatiebureau is alleen open als ouders moeten werken.",
     "La consultation n'est ouverte que pendant les heures de travail des parents.",
     "The baby clinic is only open while parents are at work.",
     "Sinds januari is er elke eerste zaterdagvoormiddag van de maand een consultatie in Jette.",
     "Depuis janvier, une consultation a lieu le premier samedi matin de chaque mois à Jette.",
     "Since January there is a clinic on the first Saturday morning of every month in Jette."},
    {"waiting-list-jette", "jette", "Lokaal team Jette", "21010", "waiting_lists", "nl", "parent_group",
     "action_planned", "2025-10-08",
     "We staan op vijf wachtlijsten tegelijk en horen nooit iets. We weten niet of we nog kans maken op een plaats.",
     "", "Ouders staan op veel wachtlijsten en horen niet hoe ver ze staan.",
     "Les parents sont inscrits sur beaucoup de listes d'attente et ne savent pas où ils en sont.",
     "Parents are on many waiting lists and do not know where they stand.",
     "De kinderdagverblijven van Jette maken samen één aanmeldpunt; ouders krijgen elke maand een bericht.",
     "Les crèches de Jette créent un point d'inscription commun ; les parents recevront un message chaque mois.",
     "The day-care centres of Jette are setting up one shared registration point; parents will hear every month."},
    {"languages-jette", "jette", "Lokaal team Jette", "21010", "language_information", "nl", "parent_group",
     "being_discussed", "2026-02-11",
     "De folders over het Groeipakket en de kinderopvang zijn er niet in het Arabisch. Eenvoudige taal zou ook helpen.", "",
     "", "", "", "", "", ""},
    {"wednesday-nieuwland", "nieuwland", "Lokaal team Nieuwland", "21004", "opening_hours", "fr", "parent_group",
     "done", "2025-11-19",
     "Le mercredi après-midi, il n'y a rien pour les tout-petits dans le quartier. Les grands frères ont des activités, pas les bébés.",
     "", "Op woensdagnamiddag is er in de wijk niets voor de allerkleinsten.",
     "Le mercredi après-midi, il n'y a rien pour les tout-petits dans le quartier.",
     "On Wednesday afternoons there is nothing for the youngest children in the neighbourhood.",
     "Het Buurthuis opende een inloopmoment voor ouders en baby's op woensdag van 14 tot 16 uur.",
     "Le Buurthuis a ouvert un moment d'accueil parents-bébés le mercredi de 14 h à 16 h.",
     "The Buurthuis opened a drop-in for parents and babies on Wednesdays from 2 to 4 pm."},
    {"creche-hours-nieuwland", "nieuwland", "Lokaal team Nieuwland", "21004", "opening_hours", "fr", "parent_group",
     "not_possible", "2025-11-19",
     "La crèche ferme à 17 h 30. Avec le métro, je n'arrive jamais avant 18 h.",
     "La crèche ne peut pas ouvrir plus tard faute de personnel ; l'Opvoedingswinkel aide à trouver une garde relais.",
     "De crèche sluit te vroeg voor ouders die ver werken.", "La crèche ferme trop tôt pour les parents qui travaillent loin.",
     "The crèche closes too early for parents who work far away.",
     "Later openblijven lukt niet: er is te weinig personeel. De Opvoedingswinkel helpt ouders een oplossing voor de laatste uren te vinden.",
     "Rester ouvert plus tard n'est pas possible faute de personnel. L'Opvoedingswinkel aide les parents à trouver une solution pour la fin de journée.",
     "Staying open later is not possible for lack of staff. The Opvoedingswinkel helps parents find care for the last hours."},
    {"forms-nieuwland", "", "Lokaal team Nieuwland", "21004", "language_information", "fr", "anonymous_form", "heard",
     "2026-03-02", "Les formulaires d'inscription sont trop compliqués. Quelqu'un pourrait-il nous aider à les remplir ?", "",
     "", "", "", "", "", ""},
    {"costs-jette", "", "Lokaal team Jette", "21010", "costs", "nl", "staff_observation", "being_discussed", "2026-01-20",
     "Verschillende ouders haken af voor de peuterturnles omdat ze de inschrijving van 60 euro niet in één keer kunnen betalen.",
     "", "", "", "", "", "", ""},
    {"school-nieuwland", "nieuwland", "Lokaal team Nieuwland", "21004", "school_transition", "fr", "parent_group",
     "action_planned", "2026-03-18",
     "Nous ne savons pas comment inscrire notre enfant à l'école maternelle, ni quand. Les dates sont différentes en néerlandais et en français.",
     "", "Ouders weten niet hoe en wanneer ze hun kind inschrijven in de kleuterschool.",
     "Les parents ne savent pas comment ni quand inscrire leur enfant à l'école maternelle.",
     "Parents do not know how and when to register their child for nursery school.",
     "In april houden we een infomoment over de inschrijvingen, met tolken.",
     "En avril, nous organisons une séance d'information sur les inscriptions, avec des interprètes.",
     "In April we hold an information session on school registration, with interpreters."},
};

}  // namespace

void load_demo_parents(store::Database& db, std::int64_t now) {
  store::in_transaction(db, [&](store::Connection& c) {
    std::map<std::string, std::string> group_ids;
    for (const auto& g : kGroups) {
      auto team = lookup(c, "SELECT id FROM teams WHERE name = ?", g.team);
      if (!team) continue;
      std::string id = demo::demo_uuid(std::string("parents-group:") + g.key);
      c.exec("INSERT INTO parents_groups (id, version, created_at, updated_at, name, team_id, languages, description) "
             "VALUES (?, 1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
             {id, now, now, std::string(g.name), *team, std::string(g.languages), std::string(g.description)});
      group_ids[g.key] = id;
    }
    for (const auto& m : kMeetings) {
      if (!group_ids.count(m.group)) continue;
      auto start = journal::parse_local_date_time(m.starts);
      if (!start) continue;
      auto team = c.exec("SELECT team_id FROM parents_groups WHERE id = ?", {group_ids[m.group]}).rows.at(0).text(0);
      std::string id = demo::demo_uuid(std::string("parents-meeting:") + m.key);
      c.exec("INSERT INTO journal_activities (id, version, created_at, updated_at, type, title, starts_at, "
             "duration_minutes, place, languages, team_id, visibility, external_participants, notes) "
             "VALUES (?, 1, ?, ?, 'parent_group', ?, ?, 120, ?, ?, ?, 'network', ?, ?) ON CONFLICT (id) DO NOTHING",
             {id, *start, *start, std::string(m.title), *start,
              std::string(m.group == std::string("jette") ? "Huis van het Kind Jette" : "Buurthuis Nieuwland"),
              std::string(m.lang), team, std::int64_t{12}, std::string(m.notes)});
      c.exec("INSERT INTO parents_group_meetings (group_id, activity_id, linked_at) VALUES (?, ?, ?) "
             "ON CONFLICT DO NOTHING",
             {group_ids[m.group], id, now});
    }
    auto coordinator = c.exec("SELECT id FROM users WHERE role = 'coordinator' ORDER BY id LIMIT 1");
    store::Param publisher = coordinator.empty() ? store::Param(nullptr) : store::Param(coordinator.rows[0].int64(0));
    for (const auto& x : kConcerns) {
      auto team = lookup(c, "SELECT id FROM teams WHERE name = ?", x.team);
      std::string id = demo::demo_uuid(std::string("parents-concern:") + x.key);
      bool published = *x.public_nl != '\0';
      auto raised = journal::parse_local_date_time(std::string(x.raised_on) + "T12:00").value_or(now);
      store::Param group = group_ids.count(x.group) ? store::Param(group_ids[x.group]) : store::Param(nullptr);
      c.exec("INSERT INTO parents_concerns (id, version, created_at, updated_at, text, theme, language, municipality, "
             "source, status, status_note, team_id, group_id, raised_on, public_text_nl, public_text_fr, public_text_en, "
             "response_nl, response_fr, response_en, published_at, published_by) "
             "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
             {id, raised, raised, std::string(x.text), std::string(x.theme), std::string(x.language),
              std::string(x.municipality), std::string(x.source), std::string(x.status), std::string(x.status_note),
              team ? store::Param(*team) : store::Param(nullptr), group, std::string(x.raised_on),
              std::string(x.public_nl), std::string(x.public_fr), std::string(x.public_en), std::string(x.response_nl),
              std::string(x.response_fr), std::string(x.response_en),
              published ? store::Param(raised + 30 * 86400) : store::Param(nullptr),
              published ? publisher : store::Param(nullptr)});
    }
  });
}

}  // namespace samen::parents
