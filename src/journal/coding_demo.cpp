// The coding part of the demo (coding_demo.hpp). Every code, memo and coding is invented.
#include "journal/coding_demo.hpp"

#include <optional>
#include <string>

#include "demo/demo.hpp"
#include "journal/coding.hpp"
#include "journal/coding_store.hpp"

namespace samen::journal {

namespace {

struct DemoCode {
  const char* key;
  const char* parent;  // "" = top level
  const char* nl;
  const char* fr;
  const char* en;
  const char* colour;
  const char* description;
};

constexpr DemoCode kCodes[] = {
    {"expectations", "", "Verwachtingen", "Attentes", "Expectations", "#1f6feb",
     "What partners expect of the cooperation, and what worries them."},
    {"expectations.cooperation", "expectations", "Verwachtingen over samenwerken", "Attentes sur la coopération",
     "Expectations of working together", "#6ea8fe", "Fewer loose meetings, shared training, stronger links."},
    {"expectations.needs", "expectations", "Wat gezinnen missen", "Ce qui manque aux familles", "What families miss",
     "#9ec5fe", "Needs of families named by partners."},
    {"trust", "", "Vertrouwen", "Confiance", "Trust", "#8250df", "Getting to know each other; a low threshold."},
    {"trust.getting_to_know", "trust", "Kennismaking", "Faire connaissance", "Getting to know each other", "#c297ff", ""},
    {"trust.low_threshold", "trust", "Lage drempel", "Seuil bas", "Low threshold", "#e2d1ff",
     "Places where everyone comes, so no one is singled out."},
    {"vision", "", "Gedeelde visie", "Vision partagée", "Shared vision", "#1a7f37", "What the partners want together."},
    {"vision.one_place", "vision", "Samen onder één dak", "Ensemble sous un même toit", "Together under one roof",
     "#4ac26b", "The family-centre idea: services in one place."},
    {"parents", "", "Ouderparticipatie", "Participation des parents", "Parent participation", "#bf3989",
     "Parents as partners, not only as users."},
    {"parents.groups", "parents", "Oudergroepen", "Groupes de parents", "Parent groups", "#f6a8d0", ""},
    {"parents.decisions", "parents", "Ouders beslissen mee", "Les parents co-décident", "Parents take part in decisions",
     "#ffd6ea", ""},
    {"transitions", "", "Warme overgangen", "Transitions chaleureuses", "Warm transitions", "#d4a72c",
     "Handing over families and children between services and to school."},
    {"transitions.school", "transitions", "Naar de kleuterschool", "Vers l'école maternelle", "To pre-school", "#eac54f",
     ""},
    {"transitions.services", "transitions", "Tussen diensten", "Entre services", "Between services", "#fae17d", ""},
    {"language", "", "Taal", "Langue", "Language", "#0a7d8c", "Multilingual families and bilingual meetings."},
    {"language.multilingual", "language", "Meertaligheid", "Multilinguisme", "Multilingualism", "#5cc8d6", ""},
    {"resources", "", "Tijd en middelen", "Temps et moyens", "Time and resources", "#cf222e",
     "Staff time, administration, waiting lists."},
    {"resources.staff_time", "resources", "Tijd van begeleiders", "Temps des accompagnateurs", "Staff time", "#ff8182", ""},
    {"resources.admin", "resources", "Administratieve last", "Charge administrative", "Administrative burden", "#ffc1c0",
     ""},
};

struct DemoCoding {
  const char* activity;  // key of the demo activity (journal/demo.cpp)
  const char* code;
  const char* passage;  // exact text of its notes
};

constexpr DemoCoding kCodings[] = {
    {"jette-pilot", "expectations.needs", "wat gezinnen vandaag missen"},
    {"jette-pilot", "trust.low_threshold", "Ouders vinden de weg naar de diensten moeilijk"},
    {"jette-pilot", "resources", "Wachtlijsten in de opvang"},
    {"nieuwland-pilot", "trust.low_threshold", "het buurthuis is de plek waar ouders al komen"},
    {"sweden-visit", "vision.one_place", "consultatiebureau, open kleuterschool en sociaal werk onder één dak"},
    {"sweden-visit", "trust.low_threshold", "De drempel is laag omdat iedereen er komt."},
    {"sweden-return", "vision.one_place", "samen op één plek"},
    {"sweden-return", "trust.low_threshold", "een open onthaal"},
    {"sweden-return", "parents.decisions", "ouders als medewerkers"},
    {"inspiration-2014", "language.multilingual", "meertaligheid"},
    {"inspiration-2014", "expectations.needs", "armoede en superdiversiteit"},
    {"partnership-start", "trust.getting_to_know", "Twintig partners maken kennis."},
    {"partnership-start", "trust.getting_to_know", "Elke partner brengt een voorwerp mee dat zijn werking toont."},
    {"partenariat-lancement", "parents", "Questions sur la place des **parents**"},
    {"partenariat-lancement", "language", "le bilinguisme des réunions"},
    {"interview-vlinder", "expectations.cooperation", "minder losse overlegmomenten"},
    {"interview-vlinder", "expectations.cooperation", "meer gedeelde vorming"},
    {"interview-vlinder", "resources.staff_time", "Zorg: tijd van de begeleiders."},
    {"interview-petits-pas", "transitions.school", "un lien plus fort avec les écoles maternelles"},
    {"interview-petits-pas", "resources.admin", "inquiétude sur la charge administrative"},
    {"focus-expectations", "expectations.needs", "**bereik** van kwetsbare gezinnen"},
    {"focus-expectations", "transitions.services", "warme overdrachten tussen diensten"},
    {"focus-expectations", "language", "taal"},
    {"focus-attentes", "transitions.school", "*transitions chaleureuses* entre crèche et école"},
    {"focus-attentes", "parents.groups", "des groupes de parents"},
    {"jette-team-start", "vision", "Afspraken over trekkers en het lerend netwerk."},
    {"nieuwland-team-start", "transitions.school", "met de kleuterschool erbij"},
    {"intervision-1", "parents", "een vader die niet naar het oudercafé komt"},
    {"intervision-2", "parents.decisions", "ouders mee laten beslissen over het programma"},
    {"communaute-1", "transitions.school", "regardent ensemble **le premier jour d'école**"},
    {"groupe-parents", "parents.groups", "Neuf parents racontent la première rentrée de leur enfant."},
    {"groupe-parents", "transitions.school", "la première rentrée de leur enfant"},
};

// Passages of the demo guides' answers (journal/demo_sources.cpp), so the code pages, the frequencies and
// the REFI-QDA export show coded answers too: the answer to question `question` (1-based) of `guide`
// used in `activity`.
struct DemoAnswerCoding {
  const char* activity;  // key of the demo activity
  const char* guide;     // key of the demo guide
  int question;
  const char* code;
  const char* passage;  // exact text of that answer
};

constexpr DemoAnswerCoding kAnswerCodings[] = {
    // The interview with De Vlinder (a facilitators-only answer set).
    {"interview-vlinder", "guide-interview-nl", 1, "expectations.cooperation", "Minder losse overlegmomenten"},
    {"interview-vlinder", "guide-interview-nl", 1, "expectations.cooperation", "meer *samen leren*"},
    {"interview-vlinder", "guide-interview-nl", 2, "trust.getting_to_know", "wenmomenten voor nieuwe ouders"},
    {"interview-vlinder", "guide-interview-nl", 2, "parents.groups", "een ruimte voor oudergroepen op woensdag"},
    {"interview-vlinder", "guide-interview-nl", 3, "resources.staff_time", "De tijd van de begeleiders"},
    {"interview-vlinder", "guide-interview-nl", 4, "parents.decisions",
     "Ouders mee laten beslissen over het programma van de oudergroep"},
    // The Dutch-speaking focus group (answers seen by the network).
    {"focus-expectations", "guide-interview-nl", 1, "expectations.needs", "Kwetsbare gezinnen beter **bereiken**"},
    {"focus-expectations", "guide-interview-nl", 1, "transitions.services", "Warme overdrachten tussen diensten"},
    {"focus-expectations", "guide-interview-nl", 1, "vision.one_place", "Eén aanspreekpunt per buurt"},
    {"focus-expectations", "guide-interview-nl", 2, "language.multilingual", "Taalpunt Brussel biedt taalondersteuning"},
    {"focus-expectations", "guide-interview-nl", 3, "language",
     "Dat Nederlandstalige en Franstalige partners naast elkaar blijven werken."},
    {"focus-expectations", "guide-interview-nl", 4, "parents.groups", "Een oudercafé per lokaal team"},
    {"focus-expectations", "guide-interview-nl", 4, "parents.decisions", "met ouders als gastheer of gastvrouw"},
    // The French-speaking focus group.
    {"focus-attentes", "guide-focus-fr", 1, "transitions.school", "Un lien plus fort avec les écoles maternelles"},
    {"focus-attentes", "guide-focus-fr", 1, "expectations.cooperation", "un langage commun entre professionnels"},
    {"focus-attentes", "guide-focus-fr", 2, "trust.low_threshold", "sans rendez-vous"},
    {"focus-attentes", "guide-focus-fr", 3, "resources.admin", "La charge administrative d'un nouveau partenariat"},
    {"focus-attentes", "guide-focus-fr", 3, "language", "des réunions uniquement en néerlandais"},
    {"focus-attentes", "guide-focus-fr", 4, "transitions.school",
     "Que l'enfant et ses parents visitent l'école avant la rentrée"},
    {"focus-attentes", "guide-focus-fr", 4, "transitions.services", "un carnet qui passe de la crèche à l'école"},
};

std::string code_id(const std::string& key) { return demo::demo_uuid("journal-code:" + key); }

// Inserts one demo coding of `text` (the notes or an answer) at the first occurrence of `passage`;
// returns 1 when it is new, 0 when it was there already or the passage is not in the text.
int insert_demo_coding(store::Connection& c, const std::string& id, const char* code, const std::string& activity,
                       const store::Param& answer, const std::string& text, const char* passage,
                       std::optional<std::int64_t> author, std::int64_t now) {
  auto at = text.find(passage);
  if (at == std::string::npos) return 0;
  std::int64_t start = cp_length(std::string_view(text).substr(0, at));
  std::int64_t end = start + cp_length(passage);
  auto ins = c.exec("INSERT INTO journal_codings (id, code_id, activity_id, field, start_offset, end_offset, passage, "
                    "text_changed, author_id, created_at, answer_id) VALUES (?, ?, ?, 'notes', ?, ?, ?, 0, ?, ?, ?) "
                    "ON CONFLICT (id) DO NOTHING",
                    {id, code_id(code), activity, start, end, std::string(passage),
                     author ? store::Param(*author) : store::Param(nullptr), now, answer});
  return static_cast<int>(ins.affected);
}

// The demo codings of the guides' answers (after load_demo_sources made the answers; none before).
int load_answer_codings(store::Connection& c, std::int64_t now) {
  int added = 0;
  for (const auto& d : kAnswerCodings) {
    std::string activity = demo::demo_uuid(std::string("journal:") + d.activity);
    auto r = c.exec("SELECT ans.id, ans.text, a.created_by FROM journal_answers ans "
                    "JOIN journal_activity_guides s ON s.id = ans.activity_guide_id "
                    "JOIN journal_guide_questions q ON q.id = ans.question_id "
                    "JOIN journal_activities a ON a.id = s.activity_id "
                    "WHERE s.activity_id = ? AND s.guide_id = ? AND q.position = ?",
                    {activity, demo::demo_uuid(std::string("journal:") + d.guide), static_cast<std::int64_t>(d.question)});
    if (r.empty()) continue;
    const auto& row = r.rows[0];
    std::string key = std::string(d.activity) + ":" + d.guide + ":" + std::to_string(d.question) + ":" + d.passage;
    added += insert_demo_coding(c, demo::demo_uuid("journal-answer-coding:" + key), d.code, activity,
                                store::Param(row.text(0)), row.text(1), d.passage, row.opt_int64(2), now);
  }
  return added;
}

}  // namespace

int load_demo_coding(store::Database& db, std::int64_t now) {
  int added = 0;
  store::in_transaction(db, [&](store::Connection& c) {
    // Parents come before their children in kCodes, so the foreign key holds.
    for (const auto& k : kCodes)
      c.exec("INSERT INTO journal_codes (id, version, created_at, updated_at, parent_id, label_nl, label_fr, label_en, "
             "description, colour) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
             {code_id(k.key), now, now, *k.parent ? store::Param(code_id(k.parent)) : store::Param(nullptr), k.nl, k.fr,
              k.en, k.description, k.colour});
    c.exec("INSERT INTO journal_code_memos (id, code_id, text, author_id, created_at) VALUES (?, ?, ?, NULL, ?) "
           "ON CONFLICT (id) DO NOTHING",
           {demo::demo_uuid("journal-memo:transitions"), code_id("transitions"),
            "Warme overgangen komen vooral aan Franstalige kant terug (crèche → école maternelle); bij de Nederlandstalige "
            "partners gaat het eerder over overdrachten tussen diensten.",
            now});
    int n = 0;
    for (const auto& d : kCodings) {
      ++n;
      std::string activity = demo::demo_uuid(std::string("journal:") + d.activity);
      auto r = c.exec("SELECT notes, created_by FROM journal_activities WHERE id = ?", {activity});
      if (r.empty()) continue;
      added += insert_demo_coding(c, demo::demo_uuid("journal-coding:" + std::to_string(n)), d.code, activity,
                                  store::Param(nullptr), r.rows[0].text(0), d.passage, r.rows[0].opt_int64(1), now);
    }
    added += load_answer_codings(c, now);
    if (added) rebuild_coding_counts(c);
  });
  return added;
}

}  // namespace samen::journal
