// Surveys' demo content (serve --demo): "Openingsuren en informatie", a
// parents' survey in nl/fr/en published with a public link and forty
// invented responses, and a partners' survey about warm transitions with an
// invitation per demo partner organisation (two answered). Responses go
// through the same store functions as the respondents' page. Idempotent: a
// survey already there (by its Dutch title) is left alone. Also the hidden
// `surveys-bench-data` of bench/surveys.sh, which writes a survey with N
// submitted responses straight into the tables in batches.
#include "surveys/demo.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <random>

#include "accounts/secrets.hpp"
#include "surveys/store.hpp"
#include "util/uuid.hpp"

namespace samen::surveys {

using nlohmann::json;

namespace {

json t(const char* nl, const char* fr, const char* en) { return {{"nl", nl}, {"fr", fr}, {"en", en}}; }
json opt(const char* code, const char* nl, const char* fr, const char* en) { return {{"code", code}, {"label", t(nl, fr, en)}}; }

json parents_definition() {
  return {
      {"title", t("Openingsuren en informatie", "Heures d'ouverture et information", "Opening hours and information")},
      {"intro", t("Deze korte vragenlijst is anoniem: we vragen geen naam of adres. Uw antwoorden helpen de partners "
                  "van het netwerk hun openingsuren en informatie beter af te stemmen op gezinnen.",
                  "Ce court questionnaire est anonyme : nous ne demandons ni nom ni adresse. Vos réponses aident les "
                  "partenaires du réseau à adapter leurs horaires et leur information aux familles.",
                  "This short questionnaire is anonymous: we ask for no name or address. Your answers help the "
                  "network's partners fit their opening hours and information to families.")},
      {"questions",
       json::array(
           {{{"id", "uses_services"}, {"type", "single"}, {"required", true},
             {"text", t("Gaat u met uw kind naar de kinderopvang, een consultatie of de buitenschoolse opvang?",
                        "Fréquentez-vous avec votre enfant une crèche, une consultation ou l'accueil extrascolaire ?",
                        "Do you use childcare, a baby clinic or out-of-school care with your child?")},
             {"options", {opt("yes", "Ja", "Oui", "Yes"), opt("no", "Nee", "Non", "No")}}},
            {{"id", "hours_fit"}, {"type", "likert"}, {"required", true},
             {"text", t("De openingsuren passen bij ons gezin.", "Les heures d'ouverture conviennent à notre famille.",
                        "The opening hours suit our family.")},
             {"scale", {t("Helemaal niet akkoord", "Pas du tout d'accord", "Strongly disagree"),
                        t("Niet akkoord", "Pas d'accord", "Disagree"), t("Neutraal", "Neutre", "Neutral"),
                        t("Akkoord", "D'accord", "Agree"), t("Helemaal akkoord", "Tout à fait d'accord", "Strongly agree")}},
             {"show_if", {{"question", "uses_services"}, {"any_of", {"yes"}}}}},
            {{"id", "better_times"}, {"type", "multiple"},
             {"text", t("Welke momenten zouden u helpen?", "Quels moments vous aideraient ?", "Which times would help you?")},
             {"options", {opt("early_morning", "Vroeg in de ochtend (voor 7u30)", "Tôt le matin (avant 7h30)", "Early morning (before 7.30)"),
                          opt("evening", "'s Avonds (na 18u)", "Le soir (après 18h)", "Evening (after 6 pm)"),
                          opt("wednesday", "Woensdagnamiddag", "Mercredi après-midi", "Wednesday afternoon"),
                          opt("saturday", "Zaterdag", "Samedi", "Saturday")}},
             {"show_if", {{"question", "hours_fit"}, {"any_of", {"1", "2", "3"}}}}},
            {{"id", "children"}, {"type", "number"}, {"min", 1}, {"max", 12}, {"integer", true},
             {"text", t("Hoeveel kinderen jonger dan 12 jaar zijn er in uw gezin?",
                        "Combien d'enfants de moins de 12 ans y a-t-il dans votre famille ?",
                        "How many children under 12 are in your family?")}},
            {{"id", "info_channels"}, {"type", "multiple"}, {"required", true},
             {"text", t("Hoe hoort u over activiteiten voor gezinnen?", "Comment entendez-vous parler des activités pour les familles ?",
                        "How do you hear about activities for families?")},
             {"options", {opt("school", "Via de school", "Par l'école", "Through school"),
                          opt("whatsapp", "WhatsApp-groep", "Groupe WhatsApp", "WhatsApp group"),
                          opt("website", "Website of sociale media", "Site web ou réseaux sociaux", "Website or social media"),
                          opt("paper", "Folder of affiche", "Dépliant ou affiche", "Leaflet or poster"),
                          opt("word_of_mouth", "Andere ouders", "D'autres parents", "Other parents")}}},
            {{"id", "info_language"}, {"type", "single"},
             {"text", t("In welke taal krijgt u informatie het liefst?", "Dans quelle langue préférez-vous recevoir l'information ?",
                        "In which language would you rather get information?")},
             {"options", {opt("nl", "Nederlands", "Néerlandais", "Dutch"), opt("fr", "Frans", "Français", "French"),
                          opt("en", "Engels", "Anglais", "English"), opt("ar", "Arabisch", "Arabe", "Arabic"),
                          opt("other", "Een andere taal", "Une autre langue", "Another language")}}},
            {{"id", "wish"}, {"type", "text"}, {"max_length", 500},
             {"text", t("Wat zou uw gezin het meest helpen?", "Qu'est-ce qui aiderait le plus votre famille ?",
                        "What would help your family most?")}}})}};
}

json partners_definition() {
  return {
      {"title", t("Samenwerking rond warme overdrachten", "Collaboration autour des transitions en douceur",
                  "Cooperation on warm transitions")},
      {"intro", t("Voor de partners van het netwerk: hoe verlopen de overdrachten tussen opvang, school en buitenschoolse opvang?",
                  "Pour les partenaires du réseau : comment se passent les transitions entre accueil, école et extrascolaire ?",
                  "For the network's partners: how do transitions between childcare, school and out-of-school care go?")},
      {"questions",
       json::array({{{"id", "know_whom"}, {"type", "likert"}, {"required", true},
                     {"text", t("We weten wie we moeten bellen bij een overdracht.", "Nous savons qui appeler lors d'une transition.",
                                "We know whom to call for a transition.")},
                     {"scale", {t("Nooit", "Jamais", "Never"), t("Soms", "Parfois", "Sometimes"),
                                t("Meestal", "Le plus souvent", "Mostly"), t("Altijd", "Toujours", "Always")}}},
                    {{"id", "handovers"}, {"type", "number"}, {"min", 0}, {"max", 500}, {"integer", true},
                     {"text", t("Hoeveel overdrachten deed uw organisatie het voorbije trimester?",
                                "Combien de transitions votre organisation a-t-elle faites le trimestre passé ?",
                                "How many handovers did your organisation make last quarter?")}},
                    {{"id", "remarks"}, {"type", "text"}, {"max_length", 1000},
                     {"text", t("Opmerkingen", "Remarques", "Remarks")}}})}};
}

Definition parse(const json& j) {
  Problems p;
  Definition d = definition_from_json(j, p);
  if (!p.empty()) throw std::logic_error("surveys demo definition: " + p.front().where + " " + p.front().key);
  return d;
}

constexpr const char* kWishes[] = {
    "Een opvang die open is op zaterdag.", "Plus d'informations en arabe et en anglais.",
    "Een WhatsApp-groep per wijk met de activiteiten.", "Des horaires plus tard le soir, je travaille jusqu'à 18h.",
    "Minder papieren formulieren, alles op één website.", "Un endroit pour jouer à l'intérieur en hiver.",
    "Informatie in eenvoudige taal.", "Qu'on nous prévienne plus tôt des changements d'horaire.",
};

// One invented parent's answers (skip logic applied by the store).
Answers parent_answers(std::mt19937& rng, int i) {
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  Answers a;
  bool uses = pick(10) < 8;
  a["uses_services"].codes = {uses ? "yes" : "no"};
  if (uses) {
    int fit = static_cast<int>(1 + std::min<std::size_t>(4, pick(3) + pick(3)));  // mostly in the middle
    a["hours_fit"].codes = {std::to_string(fit)};
    if (fit <= 3) {
      for (const char* c : {"early_morning", "evening", "wednesday", "saturday"})
        if (pick(10) < 4) a["better_times"].codes.push_back(c);
    }
  }
  if (pick(10) < 9) a["children"].number = static_cast<double>(1 + pick(3) + (pick(6) == 0 ? 2 : 0));
  for (const char* c : {"school", "whatsapp", "website", "paper", "word_of_mouth"})
    if (pick(10) < 4) a["info_channels"].codes.push_back(c);
  if (a["info_channels"].codes.empty()) a["info_channels"].codes = {"word_of_mouth"};
  const char* langs[] = {"nl", "fr", "fr", "nl", "en", "ar", "other"};
  a["info_language"].codes = {langs[pick(std::size(langs))]};
  if (i % 3 == 0) a["wish"].text = kWishes[pick(std::size(kWishes))];
  return a;
}

bool exists(store::Connection& c, const std::string& title) {
  return !c.exec("SELECT 1 FROM surveys WHERE title = ?", {title}).empty();
}

}  // namespace

void load_demo_surveys(store::Database& db, std::int64_t now) {
  auto lease = db.acquire();
  auto& c = *lease;
  std::mt19937 rng(17);
  store::run_in_transaction(c, [&] {
    if (exists(c, "Openingsuren en informatie")) return;
    Survey s = create_survey(c, parse(parents_definition()), Audience::parents, std::nullopt, now - 40 * 86400);
    s = publish(c, s.id, true, now - 39 * 86400);
    Access a{s, std::nullopt};
    for (int i = 0; i < 40; ++i) {
      std::string draft = accounts::random_token();
      std::int64_t at = now - (38 - i) * 86400 + 3600 * (i % 9);
      save_answers(c, a, draft, parent_answers(rng, i), i % 2 ? "fr" : "nl", at);
      submit(c, a, draft, at + 300);
    }
    // One parent still on the way: saved, not submitted.
    std::string draft = accounts::random_token();
    save_answers(c, a, draft, {{"uses_services", {{"yes"}, {}, {}}}}, "nl", now - 3600);
  });
  store::run_in_transaction(c, [&] {
    if (exists(c, "Samenwerking rond warme overdrachten")) return;
    Survey s = create_survey(c, parse(partners_definition()), Audience::partners, std::nullopt, now - 20 * 86400);
    s = publish(c, s.id, false, now - 20 * 86400);
    const auto& catalog = i18n::Catalog::embedded();
    struct Who {
      const char* org;
      const char* email;
      const char* name;
      const char* lang;
    };
    const Who invitees[] = {{"Kinderdagverblijf De Vlinder", "partner@samen.local", "Sanne Peeters", "nl"},
                            {"Crèche Les Petits Pas", "partenaire@samen.local", "Julien Lambert", "fr"},
                            {"Buitenschoolse opvang De Kastanje", "buitenschools@samen.local", "Yusuf Demir", "nl"},
                            {"Accueil extrascolaire Les Copains", "extrascolaire@samen.local", "Sofia Martins", "fr"}};
    int answered = 0;
    for (const auto& w : invitees) {
      auto org = c.exec("SELECT id FROM organizations WHERE name = ?", {std::string(w.org)});
      Invitee who{w.email, w.name, w.lang, org.empty() ? std::nullopt : std::optional<std::string>(org.rows[0].text(0))};
      std::string token = invite(c, catalog, s.id, who, "", now - 20 * 86400);
      if (answered >= 2) continue;
      auto access = access_by_token(c, token);
      Answers ans{{"know_whom", {{answered == 0 ? "3" : "2"}, {}, {}}},
                  {"handovers", {{}, answered == 0 ? 14.0 : 6.0, {}}},
                  {"remarks", {{}, {}, std::string(answered == 0 ? "Een vast aanspreekpunt per school zou helpen."
                                                                 : "Les fiches de transition arrivent souvent trop tard.")}}};
      save_answers(c, *access, "", ans, w.lang, now - (15 - answered) * 86400);
      submit(c, *access, "", now - (15 - answered) * 86400);
      ++answered;
    }
  });
}

namespace {

struct BenchOptions {
  std::int64_t responses = 10000;
  std::uint32_t seed = 17;
};

// The demo's parents' survey with N submitted responses written in batches
// straight into the tables (the same rows save_answers would write).
int generate(store::Database& db, const BenchOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  std::mt19937 rng(o.seed);
  auto lease = db.acquire();
  auto& c = *lease;
  const std::int64_t now = 1790000000;
  std::string id = store::run_in_transaction(c, [&] {
    Survey s = create_survey(c, parse(parents_definition()), Audience::parents, std::nullopt, now);
    s = publish(c, s.id, true, now);
    return s.id;
  });
  Survey s = *load_survey(c, id);
  constexpr std::int64_t kBatch = 500;
  for (std::int64_t done = 0; done < o.responses;) {
    store::run_in_transaction(c, [&] {
      for (std::int64_t i = 0; i < kBatch && done < o.responses; ++i, ++done) {
        std::string rid = uuid::random();
        std::int64_t at = now + done * 60;
        c.exec("INSERT INTO survey_responses (id, survey_id, draft_digest, lang, started_at, updated_at, submitted_at) "
               "VALUES (?, ?, ?, 'nl', ?, ?, ?)",
               {rid, id, accounts::token_digest(rid), at, at, at});
        Answers a = visible_answers(s.definition, parent_answers(rng, static_cast<int>(done)));
        for (const auto& [qid, ans] : a) {
          const Question* q = s.definition.question(qid);
          const char* sql = "INSERT INTO survey_answers (response_id, survey_id, question_id, item, number, text_value, "
                            "first_row, submitted, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)";
          for (std::size_t k = 0; k < ans.codes.size(); ++k)
            c.exec(sql, {rid, id, qid, ans.codes[k],
                         q->type == QuestionType::likert ? store::Param(std::stod(ans.codes[k])) : store::Param(nullptr),
                         nullptr, std::int64_t{k == 0 ? 1 : 0}, at});
          if (ans.number) c.exec(sql, {rid, id, qid, std::string(), *ans.number, nullptr, std::int64_t{1}, at});
          if (ans.text) c.exec(sql, {rid, id, qid, std::string(), nullptr, *ans.text, std::int64_t{1}, at});
        }
      }
    });
  }
  if (db.dialect() == store::Dialect::postgres) c.exec("VACUUM ANALYZE survey_answers");
  else c.exec("ANALYZE");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "survey " << id << ": added " << o.responses << " responses in " << seconds << " s\n";
  return 0;
}

}  // namespace

void add_bench_command(app::CommandLine& cl) {
  static BenchOptions options;
  auto* cmd = cl.add(nullptr, "surveys-bench-data", "Add a survey with synthetic responses (bench/surveys.sh)", 1,
                     [](store::Database& db, const app::CommandLine::Store&) { return generate(db, options); });
  cmd->add_option("--responses", options.responses, "How many")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}));
  cmd->add_option("--seed", options.seed, "The same seed gives the same responses");
  cmd->group("");  // hidden from --help: a benchmark's tool
}

}  // namespace samen::surveys
