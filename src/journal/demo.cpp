// The journal's demo history (demo.hpp). Every person, meeting and quote is invented.
#include "journal/demo.hpp"

#include <array>
#include <optional>
#include <string>

#include "accounts/users.hpp"
#include "demo/demo.hpp"
#include "journal/activity.hpp"

namespace samen::journal {

namespace {

struct DemoActivity {
  const char* key;
  const char* start;  // Brussels wall clock
  int minutes;
  const char* type;
  const char* team;        // team name, "" = Brussels-wide level
  const char* visibility;
  const char* lang;
  const char* facilitator;  // e-mail, "" = none
  const char* place;
  const char* title;
  const char* organizations;  // names separated by '|'
  int external;
  const char* notes;
  const char* decisions;
};

constexpr std::array<DemoActivity, 17> kActivities{{
    {"jette-pilot", "2012-02-09T14:00", 120, "partner_meeting", "Lokaal team Jette", "network", "nl",
     "facilitator@samen.local", "Ontmoetingsplaats 't Speelhuis, Jette", "Start pilootproject Jette",
     "Kinderdagverblijf De Vlinder|Consultatiebureau Jette-Centrum|Ontmoetingsplaats 't Speelhuis", 0,
     "Eerste kennismaking van vijf diensten in Jette. Iedereen stelt zich voor en vertelt **wat gezinnen "
     "vandaag missen**.\n\n- Ouders vinden de weg naar de diensten moeilijk\n- Wachtlijsten in de opvang\n",
     "We komen maandelijks samen; Pieter begeleidt het eerste jaar."},
    {"nieuwland-pilot", "2012-03-15T09:30", 150, "partner_meeting", "Lokaal team Nieuwland", "network", "nl",
     "facilitator@samen.local", "Buurthuis Nieuwland", "Start pilootproject Nieuwland",
     "Kinderdagverblijf Kleine Reus|Opvoedingswinkel Nieuwland|Buurthuis Nieuwland", 2,
     "Start van het tweede pilootproject. De buurt telt veel jonge gezinnen; het buurthuis is de "
     "plek waar ouders al komen.", "Een gezamenlijke onthaalmoment op woensdag uitproberen."},
    {"sweden-visit", "2012-05-22T08:30", 540, "study_visit", "", "network", "nl", "coordinator@samen.local",
     "Göteborg (Zweden)", "Studiebezoek familiecentra in Zweden",
     "Huis van het Kind Brussel|Kinderdagverblijf De Vlinder|Buurthuis Nieuwland", 0,
     "Bezoek aan drie *familjecentraler*: consultatiebureau, open kleuterschool en sociaal werk onder één dak.\n\n"
     "> \"De drempel is laag omdat iedereen er komt.\"\n", "Verslag en foto's delen op de terugkomdag."},
    {"sweden-return", "2012-10-04T13:30", 180, "partner_meeting", "", "network", "nl", "facilitator@samen.local",
     "Huis van het Kind Brussel", "Terugkomdag na het studiebezoek", "Huis van het Kind Brussel", 12,
     "Wat nemen we mee uit Zweden? Drie lessen: samen op één plek, een open onthaal, ouders als medewerkers.", ""},
    {"inspiration-2014", "2014-03-20T09:00", 420, "inspiration_day", "", "network", "nl", "coordinator@samen.local",
     "Brussels Congrescentrum", "Inspiratiedag: familiecentra in een grootstedelijke context", "Huis van het Kind Brussel",
     85, "Sprekers uit Zweden, Gent en Brussel. Werkwinkels over **meertaligheid**, armoede en superdiversiteit.",
     "Voorstel: een Brusselbreed samenwerkingsverband opstarten."},
    {"partnership-start", "2014-06-12T14:00", 150, "partner_meeting", "", "network", "nl", "coordinator@samen.local",
     "Huis van het Kind Brussel", "Start Brusselbreed samenwerkingsverband: kennismaking",
     "Huis van het Kind Brussel|Kinderdagverblijf De Vlinder|Crèche Les Petits Pas|Opvoedingswinkel Nieuwland|Taalpunt Brussel",
     0, "Twintig partners maken kennis. Elke partner brengt een voorwerp mee dat zijn werking toont.",
     "Interviews en focusgroepen over verwachtingen in het najaar."},
    {"partenariat-lancement", "2014-09-18T09:30", 150, "partner_meeting", "", "network", "fr",
     "chercheuse@samen.local", "Maison médicale du Midi", "Lancement du partenariat bruxellois (partenaires francophones)",
     "Crèche Les Petits Pas|Crèche L'Arc-en-ciel|Maison médicale du Midi|CPAS Service Familles", 0,
     "Présentation du partenariat aux partenaires francophones. Questions sur la place des **parents** et le "
     "bilinguisme des réunions.", "Les réunions plénières seront bilingues, avec des supports en deux langues."},
    {"interview-vlinder", "2014-10-07T10:00", 75, "interview", "", "facilitators", "nl", "facilitator@samen.local",
     "Kinderdagverblijf De Vlinder", "Interview verwachtingen: Kinderdagverblijf De Vlinder",
     "Kinderdagverblijf De Vlinder", 0,
     "Transcript (vertrouwelijk): de verantwoordelijke verwacht *minder losse overlegmomenten* en meer "
     "gedeelde vorming. Zorg: tijd van de begeleiders.", ""},
    {"interview-petits-pas", "2014-10-14T14:00", 60, "interview", "", "facilitators", "fr", "chercheuse@samen.local",
     "Crèche Les Petits Pas", "Entretien sur les attentes : Crèche Les Petits Pas", "Crèche Les Petits Pas", 0,
     "Transcription (confidentielle) : la directrice attend un lien plus fort avec les écoles maternelles ; "
     "inquiétude sur la charge administrative.", ""},
    {"focus-expectations", "2014-11-20T13:30", 120, "focus_group", "", "network", "nl", "facilitator@samen.local",
     "Huis van het Kind Brussel", "Focusgroep verwachtingen van partners",
     "Kinderdagverblijf De Vlinder|Opvoedingswinkel Nieuwland|Buurthuis Nieuwland|Taalpunt Brussel", 0,
     "Drie thema's: **bereik** van kwetsbare gezinnen, warme overdrachten tussen diensten, taal.",
     "De thema's worden de basis van het meerjarenplan."},
    {"focus-attentes", "2014-11-27T09:30", 120, "focus_group", "", "network", "fr", "chercheuse@samen.local",
     "Lieu de rencontre La Passerelle", "Groupe focal : attentes des partenaires francophones",
     "Crèche Les Petits Pas|Halte-accueil Le Nid|Lieu de rencontre La Passerelle", 0,
     "Les partenaires souhaitent des *transitions chaleureuses* entre crèche et école, et des groupes de parents.",
     "Proposer une communauté critique d'apprentissage en 2017."},
    {"jette-team-start", "2017-01-26T13:30", 120, "partner_meeting", "Lokaal team Jette", "team", "nl",
     "facilitator@samen.local", "Kinderdagverblijf Zonnebloem", "Start lokaal team Jette",
     "Kinderdagverblijf De Vlinder|Kinderdagverblijf Zonnebloem|Buitenschoolse opvang De Kastanje", 0,
     "Het pilootproject wordt een lokaal team. Afspraken over trekkers en het lerend netwerk.", "Trekker: De Vlinder."},
    {"nieuwland-team-start", "2017-02-09T09:30", 120, "partner_meeting", "Lokaal team Nieuwland", "team", "nl",
     "facilitator@samen.local", "Buurthuis Nieuwland", "Start lokaal team Nieuwland",
     "Kinderdagverblijf Kleine Reus|Buurthuis Nieuwland|Kleuterschool De Regenboog", 0,
     "Start van het lokale team, met de kleuterschool erbij.", ""},
    {"intervision-1", "2017-03-16T13:30", 150, "intervision", "Lokaal team Jette", "team", "nl",
     "facilitator@samen.local", "Ontmoetingsplaats 't Speelhuis, Jette", "Intervisie lerend netwerk participatief werken (1)",
     "Kinderdagverblijf De Vlinder|Ontmoetingsplaats 't Speelhuis", 0,
     "Casus: een vader die niet naar het oudercafé komt. Werkvorm: *incidentmethode*.", ""},
    {"intervision-2", "2017-05-11T13:30", 150, "intervision", "Lokaal team Nieuwland", "team", "nl",
     "facilitator@samen.local", "Buurthuis Nieuwland", "Intervisie lerend netwerk participatief werken (2)",
     "Opvoedingswinkel Nieuwland|Buurthuis Nieuwland", 0, "Casus: ouders mee laten beslissen over het programma.", ""},
    {"communaute-1", "2017-04-25T09:30", 180, "learning_community", "Cluster francophone petite enfance", "team", "fr",
     "chercheuse@samen.local", "École maternelle Les Tilleuls", "Communauté critique d'apprentissage : transitions chaleureuses (1)",
     "Crèche Les Petits Pas|École maternelle Les Tilleuls|Accueil extrascolaire Les Copains", 0,
     "Crèche, école maternelle et accueil extrascolaire regardent ensemble **le premier jour d'école**.",
     "Chaque partenaire observe une transition d'ici juin."},
    {"groupe-parents", "2017-06-13T18:00", 90, "parent_group", "Cluster francophone petite enfance", "network", "fr",
     "chercheuse@samen.local", "Lieu de rencontre La Passerelle", "Groupe de parents : l'entrée à l'école maternelle",
     "Lieu de rencontre La Passerelle", 9, "Neuf parents racontent la première rentrée de leur enfant.", ""},
}};

std::optional<std::string> lookup(store::Connection& c, const char* sql, const std::string& name) {
  auto r = c.exec(sql, {name});
  if (r.empty()) return std::nullopt;
  return r.rows[0].text(0);
}

store::Param user_id(store::Connection& c, const char* email) {
  if (!*email) return nullptr;
  if (auto u = accounts::find_user_by_email(c, email)) return u->id;
  return nullptr;
}

}  // namespace

int load_demo_journal(store::Database& db, std::int64_t now) {
  int added = 0;
  store::in_transaction(db, [&](store::Connection& c) {
    for (const auto& d : kActivities) {
      std::string id = demo::demo_uuid(std::string("journal:") + d.key);
      auto start = parse_local_date_time(d.start).value_or(now);
      store::Param team = nullptr;
      if (*d.team)
        if (auto t = lookup(c, "SELECT id FROM teams WHERE name = ?", d.team)) team = *t;
      std::string visibility = d.visibility;
      if (visibility == "team" && std::holds_alternative<std::nullptr_t>(team)) visibility = "network";
      auto r = c.exec(
          "INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, place, languages, team_id, "
          "visibility, facilitator_id, external_participants, notes, decisions, created_by, version, created_at, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (id) DO NOTHING",
          {id, d.type, d.title, start, static_cast<std::int64_t>(d.minutes), d.place, d.lang, team, visibility,
           user_id(c, d.facilitator), static_cast<std::int64_t>(d.external), d.notes, d.decisions,
           user_id(c, d.facilitator), start + 86400, start + 86400});
      if (r.affected != 1) continue;
      ++added;
      std::string names = d.organizations;
      for (std::size_t pos = 0; pos <= names.size();) {
        auto bar = names.find('|', pos);
        std::string name = names.substr(pos, bar == std::string::npos ? std::string::npos : bar - pos);
        if (auto org = lookup(c, "SELECT id FROM organizations WHERE name = ?", name))
          c.exec("INSERT INTO journal_activity_organizations (activity_id, organization_id) VALUES (?, ?) "
                 "ON CONFLICT DO NOTHING", {id, *org});
        if (bar == std::string::npos) break;
        pos = bar + 1;
      }
    }
    // Two open follow-ups, so the home panel shows something.
    struct DemoFollowUp {
      const char* key;
      const char* activity;
      const char* owner;
      const char* text;
      const char* due;
    };
    for (const DemoFollowUp& f : {DemoFollowUp{"fu-plan", "focus-expectations", "coordinator@samen.local",
                                               "Thema's uit de focusgroepen verwerken in het meerjarenplan", "2027-01-15"},
                                  DemoFollowUp{"fu-observe", "communaute-1", "partenaire@samen.local",
                                               "Observer une transition crèche-école et l'apporter à la prochaine rencontre",
                                               "2027-02-01"}}) {
      store::Param owner = user_id(c, f.owner);
      c.exec("INSERT INTO journal_follow_ups (id, version, created_at, updated_at, activity_id, text, owner_id, due_date, "
             "status) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'open') ON CONFLICT (id) DO NOTHING",
             {demo::demo_uuid(std::string("journal:") + f.key), now, now,
              demo::demo_uuid(std::string("journal:") + f.activity), f.text, owner, f.due});
    }
  });
  return added;
}

}  // namespace samen::journal
