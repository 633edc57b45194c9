// The sources' demo data (demo_sources.hpp). Every person, quote and worry is invented.
#include "journal/demo_sources.hpp"

#include <optional>
#include <string>
#include <vector>

#include "demo/demo.hpp"
#include "journal/activity.hpp"

namespace samen::journal {

namespace {

struct DemoGuide {
  const char* key;
  const char* kind;
  const char* language;
  const char* title;
  const char* introduction;
  std::vector<const char*> questions;
};

const DemoGuide kGuides[] = {
    {"guide-interview-nl", "interview", "nl", "Interviewleidraad: verwachtingen van partners (2014)",
     "Semigestructureerd interview van ongeveer een uur met de verantwoordelijke van een partnerorganisatie, "
     "bij de start van het Brusselbrede samenwerkingsverband. Vraag door op **voorbeelden**.",
     {"Wat verwacht u van het Brusselbrede samenwerkingsverband?",
      "Wat kan uw organisatie inbrengen in de samenwerking?",
      "Waar maakt u zich zorgen over?",
      "Hoe wilt u ouders bij de samenwerking betrekken?"}},
    {"guide-focus-fr", "focus_group", "fr", "Guide du groupe focal : attentes des partenaires (2014)",
     "Groupe focal de deux heures avec six à huit partenaires francophones. Tour de table, puis discussion libre "
     "sur chaque question.",
     {"Qu'attendez-vous du partenariat bruxellois ?",
      "Qu'est-ce que votre service peut apporter aux autres ?",
      "Quelles sont vos inquiétudes ?",
      "Comment rendre les transitions entre la crèche, l'école et l'accueil extrascolaire plus chaleureuses ?"}},
};

struct DemoAnswers {
  const char* activity;  // key of a demo activity (demo.cpp)
  const char* guide;
  const char* visibility;
  std::vector<const char*> answers;  // per question, in order
};

const DemoAnswers kAnswers[] = {
    {"interview-vlinder", "guide-interview-nl", "facilitators",
     {"Minder losse overlegmomenten, meer *samen leren*. \"Nu zitten we op drie overleggen met dezelfde mensen.\"",
      "Onze ervaring met wenmomenten voor nieuwe ouders en een ruimte voor oudergroepen op woensdag.",
      "De tijd van de begeleiders: als het samenwerkingsverband veel vergaderingen vraagt, gaat dat van de kinderen af.",
      "Ouders mee laten beslissen over het programma van de oudergroep, niet alleen laten komen."}},
    {"focus-expectations", "guide-interview-nl", "network",
     {"- Kwetsbare gezinnen beter **bereiken**\n- Warme overdrachten tussen diensten\n- Eén aanspreekpunt per buurt",
      "Taalpunt Brussel biedt taalondersteuning; het buurthuis brengt zijn bereik in de buurt in.",
      "Dat Nederlandstalige en Franstalige partners naast elkaar blijven werken.",
      "Een oudercafé per lokaal team, met ouders als gastheer of gastvrouw."}},
    {"focus-attentes", "guide-focus-fr", "network",
     {"Un lien plus fort avec les écoles maternelles et un langage commun entre professionnels.",
      "La Passerelle apporte son expérience de l'accueil des parents avec leurs enfants, sans rendez-vous.",
      "La charge administrative d'un nouveau partenariat, et des réunions uniquement en néerlandais.",
      "Que l'enfant et ses parents visitent l'école avant la rentrée ; un carnet qui passe de la crèche à l'école."}},
};

struct DemoExpectation {
  const char* key;
  const char* organization;  // name
  const char* round;
  const char* date;
  const char* activity;  // demo activity key, "" = none
  const char* expects;
  const char* brings;
  const char* worries;
};

constexpr const char* kKickOff = "Start 2014 / Lancement 2014";
constexpr const char* kRound2017 = "Ronde 2017 / Tour 2017";

const DemoExpectation kExpectations[] = {
    {"exp-vlinder-2014", "Kinderdagverblijf De Vlinder", kKickOff, "2014-10-07", "interview-vlinder",
     "Samen leren in plaats van losse overlegmomenten; gedeelde vorming voor de begeleiders.",
     "Ervaring met wenmomenten en een ruimte voor oudergroepen.", "Tijd van de begeleiders; te veel vergaderingen."},
    {"exp-petits-pas-2014", "Crèche Les Petits Pas", kKickOff, "2014-10-14", "interview-petits-pas",
     "Un lien plus fort avec les écoles maternelles du quartier.", "Une équipe habituée à travailler avec des familles "
     "de nombreuses langues.", "La charge administrative ; des réunions seulement en néerlandais."},
    {"exp-nieuwland-2014", "Opvoedingswinkel Nieuwland", kKickOff, "2014-11-20", "focus-expectations",
     "Kwetsbare gezinnen beter bereiken, samen met de opvang.", "Opvoedingsondersteuning en een netwerk van vrijwilligers.",
     "Dat de samenwerking blijft hangen bij de trekkers."},
    {"exp-taalpunt-2014", "Taalpunt Brussel", kKickOff, "2014-11-20", "focus-expectations",
     "Taal als hefboom: ouders die de weg vinden naar de diensten.", "Taalondersteuning en tolken voor oudergroepen.",
     "Dat meertaligheid als probleem gezien wordt in plaats van als rijkdom."},
    {"exp-passerelle-2014", "Lieu de rencontre La Passerelle", kKickOff, "2014-11-27", "focus-attentes",
     "Des transitions chaleureuses entre crèche et école.", "L'accueil des parents avec leurs enfants, sans rendez-vous.",
     "Le manque de temps pour se rencontrer entre professionnels."},
    {"exp-vlinder-2017", "Kinderdagverblijf De Vlinder", kRound2017, "2017-01-26", "jette-team-start",
     "Het lerend netwerk verder zetten in het lokale team Jette.", "Trekker van het lokale team; de oudergroep op woensdag.",
     "Personeelswissels: nieuwe begeleiders kennen de afspraken niet."},
    {"exp-petits-pas-2017", "Crèche Les Petits Pas", kRound2017, "2017-04-25", "communaute-1",
     "Observer ensemble le premier jour d'école dans la communauté critique d'apprentissage.",
     "Des observations de transitions et des photos (avec l'accord des parents).",
     "Que les écoles ne restent pas jusqu'au bout."},
    {"exp-nieuwland-2017", "Opvoedingswinkel Nieuwland", kRound2017, "2017-02-09", "nieuwland-team-start",
     "De kleuterschool mee aan tafel in het lokale team.", "Het oudercafé, nu samen met het buurthuis.",
     "Minder zorgen over bereik; meer over de betaalbaarheid van de opvang."},
    {"exp-passerelle-2017", "Lieu de rencontre La Passerelle", kRound2017, "2017-06-13", "groupe-parents",
     "Que les parents prennent la parole dans le groupe de parents.", "Le lieu et l'animation du groupe de parents.",
     "Le financement du lieu de rencontre après 2018."},
};

std::string id_of(const std::string& key) { return demo::demo_uuid("journal:" + key); }

std::optional<std::string> organization_id(store::Connection& c, const char* name) {
  auto r = c.exec("SELECT id FROM organizations WHERE name = ?", {std::string(name)});
  if (r.empty()) return std::nullopt;
  return r.rows[0].text(0);
}

bool activity_exists(store::Connection& c, const std::string& id) {
  return !c.exec("SELECT 1 FROM journal_activities WHERE id = ?", {id}).empty();
}

void load_guides(store::Connection& c, std::int64_t now) {
  for (const auto& g : kGuides) {
    std::string id = id_of(g.key);
    auto r = c.exec("INSERT INTO journal_guides (id, version, created_at, updated_at, kind, title, language, introduction) "
                    "VALUES (?, 1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    {id, now, now, g.kind, g.title, g.language, g.introduction});
    if (r.affected != 1) continue;
    for (std::size_t i = 0; i < g.questions.size(); ++i)
      c.exec("INSERT INTO journal_guide_questions (id, guide_id, position, text) VALUES (?, ?, ?, ?)",
             {id_of(std::string(g.key) + ":q" + std::to_string(i + 1)), id, static_cast<std::int64_t>(i + 1),
              g.questions[i]});
  }
}

void load_answers(store::Connection& c, std::int64_t now) {
  for (const auto& a : kAnswers) {
    std::string activity = id_of(a.activity), set = id_of(std::string("answers:") + a.activity + ":" + a.guide);
    if (!activity_exists(c, activity)) continue;
    auto r = c.exec("INSERT INTO journal_activity_guides (id, version, created_at, updated_at, activity_id, guide_id, "
                    "visibility) VALUES (?, 1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    {set, now, now, activity, id_of(a.guide), a.visibility});
    if (r.affected != 1) continue;
    for (std::size_t i = 0; i < a.answers.size(); ++i) {
      std::string question = id_of(std::string(a.guide) + ":q" + std::to_string(i + 1));
      c.exec("INSERT INTO journal_answers (id, version, created_at, updated_at, activity_guide_id, question_id, text) "
             "VALUES (?, 1, ?, ?, ?, ?, ?)",
             {id_of(set + ":a" + std::to_string(i + 1)), now, now, set, question, a.answers[i]});
    }
  }
}

int load_register(store::Connection& c, std::int64_t now) {
  int added = 0;
  for (const auto& e : kExpectations) {
    auto org = organization_id(c, e.organization);
    if (!org) continue;
    std::string activity = *e.activity ? id_of(e.activity) : "";
    store::Param linked = activity.empty() || !activity_exists(c, activity) ? store::Param(nullptr) : store::Param(activity);
    auto r = c.exec("INSERT INTO journal_expectations (id, version, created_at, updated_at, organization_id, round, "
                    "captured_on, activity_id, visibility, expects, brings, worries) "
                    "VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'network', ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    {id_of(e.key), now, now, *org, e.round, e.date, linked, e.expects, e.brings, e.worries});
    added += r.affected == 1;
  }
  return added;
}

}  // namespace

int load_demo_sources(store::Database& db, std::int64_t now) {
  int added = 0;
  store::in_transaction(db, [&](store::Connection& c) {
    load_guides(c, now);
    load_answers(c, now);
    added = load_register(c, now);
  });
  return added;
}

}  // namespace samen::journal
