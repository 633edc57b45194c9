// Surveys through storage and the whole pipeline on both databases: the
// store's lifecycle (the structure locked once answers exist, invitation
// e-mails in the invitee's language, one answer per invitation, skip logic
// dropping stored answers, SQL results equal to the in-memory aggregation),
// the respondent's page without JavaScript (saved as you go, continued with
// the draft cookie, bad input kept and nothing stored, required questions),
// the coordinator's pages (a forward skip rule refused, results with charts
// and CSV, questions moved up and down also once answers exist, the open
// texts page by page, the responses exported one per row) and the JSON API
// (422 with fields, 409 after publication, answers by token, 429 with
// Retry-After through a public link).
#include <algorithm>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/sessions.hpp"
#include "app/app.hpp"
#include "store/database.hpp"
#include "surveys/store.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::surveys {
namespace {

using accounts::Role;
using nlohmann::json;

json lt(const std::string& nl, const std::string& fr) { return {{"nl", nl}, {"fr", fr}}; }

json definition_json() {
  return {{"languages", {"nl", "fr"}},
          {"title", lt("Openingsuren", "Heures d'ouverture")},
          {"questions",
           json::array({{{"id", "uses"}, {"type", "single"}, {"required", true}, {"text", lt("Opvang?", "Accueil ?")},
                         {"options", {{{"code", "yes"}, {"label", lt("Ja", "Oui")}}, {{"code", "no"}, {"label", lt("Nee", "Non")}}}}},
                        {{"id", "fit"}, {"type", "likert"}, {"required", true}, {"text", lt("Passen de uren?", "Les heures ?")},
                         {"scale", {lt("1", "1"), lt("2", "2"), lt("3", "3"), lt("4", "4")}},
                         {"show_if", {{"question", "uses"}, {"any_of", {"yes"}}}}},
                        {{"id", "kids"}, {"type", "number"}, {"min", 1}, {"max", 12}, {"integer", true},
                         {"text", lt("Kinderen", "Enfants")}},
                        {{"id", "channels"}, {"type", "multiple"}, {"text", lt("Kanalen", "Canaux")},
                         {"options", {{{"code", "school"}, {"label", lt("School", "École")}}, {{"code", "web"}, {"label", lt("Web", "Web")}}}}},
                        {{"id", "wish"}, {"type", "text"}, {"max_length", 50}, {"text", lt("Wens", "Souhait")}}})}};
}

Definition definition() {
  Problems p;
  Definition d = definition_from_json(definition_json(), p);
  EXPECT_TRUE(p.empty());
  return d;
}

class SurveysTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    db().acquire()->exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'De Vlinder', 1, 1), "
                         "('org-b', 'Les Petits Pas', 1, 1)");
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
    testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"});
    testing::add_test_user(db(), "other-partner@example.org", Role::partner, {"org-b"});
    testing::add_test_user(db(), "parent@example.org", Role::parent_rep);
    app_ = testing::make_test_app(test_db(), 4);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::unique_ptr<testing::AppClient> signed_in(const std::string& email) {
    auto c = std::make_unique<testing::AppClient>(*app_, "nl");
    EXPECT_EQ(c->login(email, testing::kTestPassword).status, 303);
    c->get("/surveys");
    return c;
  }
  http::Response api(const std::string& method, const std::string& path, const std::string& email,
                     const std::string& body = "") {
    http::Headers extra;
    if (!email.empty()) {
      auto lease = db().acquire();
      extra.emplace_back("authorization",
                         "Bearer " + accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, email)->id, "t", 1000));
    }
    testing::AppClient client(*app_, "nl");
    return client.request(method, path, body, body.empty() ? "" : "application/json", extra);
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }
  // An open survey with a public link; returns {id, public token}.
  std::pair<std::string, std::string> open_survey() {
    auto lease = db().acquire();
    Survey s = create_survey(*lease, definition(), Audience::parents, std::nullopt, 100);
    s = publish(*lease, s.id, true, 200);
    return {s.id, *s.public_token};
  }
  std::unique_ptr<app::App> app_;
};

TEST_P(SurveysTest, StoreLifecycleInvitationsSkipLogicAndSqlResults) {
  auto lease = db().acquire();
  auto& c = *lease;
  Survey s = create_survey(c, definition(), Audience::partners, std::nullopt, 100);
  EXPECT_EQ(s.status, "draft");
  // An invitation e-mail in the invitee's language, the token stored only as its digest.
  std::string token = invite(c, app_->catalog(), s.id, {"onthaal@example.org", "Julie", "fr", "org-b"},
                             "https://samen.example/s/", 150);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'onthaal@example.org' AND subject LIKE 'Enquête%'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_invitations WHERE token_digest = '" + token + "'"), 0);
  EXPECT_THROW(invite(c, app_->catalog(), s.id, {"onthaal@example.org", "", "nl", {}}, "", 150), SurveyError);
  s = publish(c, s.id, false, 200);
  auto access = access_by_token(c, token);
  ASSERT_TRUE(access && access->invitation);
  // Saving as you go; an answer out of range stores nothing.
  save_answers(c, *access, "", {{"uses", {{"yes"}, {}, {}}}, {"fit", {{"2"}, {}, {}}}}, "fr", 300);
  try {
    save_answers(c, *access, "", {{"kids", {{}, 40.0, {}}}}, "fr", 310);
    FAIL() << "out of range accepted";
  } catch (const SurveyError& e) {
    EXPECT_EQ(e.status, 422);
    EXPECT_EQ(e.problems.at(0).key, "surveys.error.out_of_range");
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_answers WHERE question_id = 'kids'"), 0);
  // "no" hides the Likert question: its stored answer goes.
  Response r = save_answers(c, *access, "", {{"uses", {{"no"}, {}, {}}}}, "fr", 320);
  EXPECT_FALSE(r.answers.count("fit"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_answers WHERE question_id = 'fit'"), 0);
  // The structure is locked once answers exist; wording may still change.
  Definition changed = definition();
  changed.questions[0].text["nl"] = "Gaat u naar de opvang?";
  EXPECT_NO_THROW(update_survey(c, s.id, changed, std::nullopt, std::nullopt, 330));
  changed.questions[0].options[1].code = "nee";  // the skip rule names "yes" only: the definition stays valid
  try {
    update_survey(c, s.id, changed, std::nullopt, std::nullopt, 340);
    FAIL() << "structure changed with answers";
  } catch (const SurveyError& e) {
    EXPECT_EQ(e.key, "surveys.error.structure_locked");
  }
  submit(c, *access, "", 350);
  EXPECT_THROW(submit(c, *access, "", 360), SurveyError);  // one answer per invitation
  EXPECT_THROW(save_answers(c, *access, "", {{"kids", {{}, 2.0, {}}}}, "fr", 370), SurveyError);

  // Anonymous responses through the public link; the SQL results equal the in-memory aggregation.
  std::string pub = make_public_link(c, s.id, 400);
  auto anon = access_by_token(c, pub);
  ASSERT_TRUE(anon && !anon->invitation);
  std::vector<Answers> all{{{"uses", {{"no"}, {}, {}}}}};
  std::vector<Answers> given{
      {{"uses", {{"yes"}, {}, {}}}, {"fit", {{"4"}, {}, {}}}, {"kids", {{}, 3.0, {}}}, {"channels", {{"school", "web"}, {}, {}}}},
      {{"uses", {{"yes"}, {}, {}}}, {"fit", {{"1"}, {}, {}}}, {"kids", {{}, 1.0, {}}}, {"wish", {{}, {}, std::string("Zaterdag")}}},
      {{"uses", {{"no"}, {}, {}}}, {"channels", {{"web"}, {}, {}}}, {"wish", {{}, {}, std::string("Avond")}}}};
  for (std::size_t i = 0; i < given.size(); ++i) {
    std::string draft = "draft-" + std::to_string(i);
    save_answers(c, *anon, draft, given[i], "nl", 500 + static_cast<std::int64_t>(i));
    submit(c, *anon, draft, 600 + static_cast<std::int64_t>(i));
    all.push_back(given[i]);
  }
  save_answers(c, *anon, "not-submitted", {{"uses", {{"yes"}, {}, {}}}}, "nl", 700);  // not counted
  Survey now = *load_survey(c, s.id);
  Results sql = survey_results(c, now);
  Results mem = aggregate(now.definition, all);
  EXPECT_EQ(sql.responses, 4);
  for (const auto& q : now.definition.questions) {
    SCOPED_TRACE(q.id);
    EXPECT_EQ(sql.questions[q.id].answered, mem.questions[q.id].answered);
    EXPECT_EQ(sql.questions[q.id].counts, mem.questions[q.id].counts);
    EXPECT_EQ(sql.questions[q.id].mean.has_value(), mem.questions[q.id].mean.has_value());
    if (mem.questions[q.id].mean) EXPECT_DOUBLE_EQ(*sql.questions[q.id].mean, *mem.questions[q.id].mean);
    EXPECT_EQ(sql.questions[q.id].min, mem.questions[q.id].min);
    EXPECT_EQ(sql.questions[q.id].max, mem.questions[q.id].max);
    EXPECT_EQ(sql.questions[q.id].texts, mem.questions[q.id].texts);
  }
  EXPECT_EQ(sql.questions["uses"].counts["no"], 2);
  EXPECT_EQ(sql.questions["channels"].answered, 2) << "one respondent choosing two options counts once";
  EXPECT_EQ(sql.questions["wish"].texts, (std::vector<std::string>{"Avond", "Zaterdag"}));  // latest first
  // Open texts page by page, latest first.
  EXPECT_EQ(count_open_texts(c, s.id, "wish"), 2);
  auto second = open_texts(c, s.id, "wish", 1, 1);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].text, "Zaterdag");
  EXPECT_EQ(second[0].submitted_at, 601);

  // A database answered before migration 0003 (results_speed): its backfill gives the same results.
  c.exec("UPDATE survey_answers SET first_row = 1, submitted_at = NULL");
  const auto migrations = store::embedded_migrations("surveys");
  auto speed = std::find_if(migrations.begin(), migrations.end(),
                            [](const auto& m) { return m.name.find("results_speed") != std::string::npos; });
  ASSERT_NE(speed, migrations.end());
  const std::string& sql_text = speed->sql;
  for (std::size_t from = sql_text.find("UPDATE"); from != std::string::npos; from = sql_text.find("UPDATE", from + 1))
    c.exec(sql_text.substr(from, sql_text.find(';', from) - from));
  Results backfilled = survey_results(c, now);
  for (const auto& q : now.definition.questions) {
    SCOPED_TRACE(q.id);
    EXPECT_EQ(backfilled.questions[q.id].answered, sql.questions[q.id].answered);
    EXPECT_EQ(backfilled.questions[q.id].texts, sql.questions[q.id].texts);
  }

  // Moving questions keeps the answers (keyed by question id), also once responses exist;
  // a move that puts a skip rule before its question is refused.
  Definition moved = now.definition;
  std::swap(moved.questions[2], moved.questions[3]);  // kids ↔ channels
  EXPECT_NO_THROW(update_survey(c, s.id, moved, std::nullopt, std::nullopt, 800));
  std::swap(moved.questions[0], moved.questions[1]);  // fit (shown if uses = yes) before uses
  try {
    update_survey(c, s.id, moved, std::nullopt, std::nullopt, 810);
    FAIL() << "a rule pointing forward accepted";
  } catch (const SurveyError& e) {
    EXPECT_EQ(e.status, 422);
    ASSERT_FALSE(e.problems.empty());
    EXPECT_EQ(e.problems[0].key, "surveys.error.show_if_forward");
  }
  EXPECT_EQ(load_survey(c, s.id)->definition.questions[2].id, "channels");
  EXPECT_EQ(survey_results(c, *load_survey(c, s.id)).questions["kids"].answered, sql.questions["kids"].answered);
}

TEST_P(SurveysTest, RespondentPageSavesAsYouGoWithoutJavaScript) {
  auto [id, token] = open_survey();
  testing::AppClient phone(*app_, "fr");
  auto page = phone.get("/s/" + token);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Accueil ?"), std::string::npos);        // the reader's language
  EXPECT_EQ(page.body.find("Les heures ?"), std::string::npos);      // hidden until "yes" is saved
  EXPECT_EQ(page.header("cache-control").value_or(""), "no-store");
  auto saved = phone.post("/s/" + token, "q=uses&a_uses=yes&q=kids&a_kids=3&action=save");
  ASSERT_EQ(saved.status, 200);
  EXPECT_TRUE(phone.has_cookie("samen_survey"));
  EXPECT_NE(saved.body.find("Les heures ?"), std::string::npos);     // shown now, by the server
  // Bad input: the page again with the input kept and a message; nothing stored.
  auto bad = phone.post("/s/" + token, "q=uses&a_uses=yes&q=kids&a_kids=quarante&q=fit&a_fit=2&action=save");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("value=\"quarante\""), std::string::npos);
  EXPECT_NE(bad.body.find("Ce n&#39;est pas un nombre."), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_answers WHERE question_id = 'fit'"), 0);
  // Submitting without a required question shown: 422, not submitted.
  auto missing = phone.post("/s/" + token, "q=uses&a_uses=yes&action=submit");
  EXPECT_EQ(missing.status, 422);
  // The same browser comes back later and continues where it left off.
  auto again = phone.get("/s/" + token);
  EXPECT_NE(again.body.find("value=\"3\""), std::string::npos);
  auto done = phone.post("/s/" + token, "q=fit&a_fit=3&action=submit");
  EXPECT_EQ(done.status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_responses WHERE submitted_at IS NOT NULL"), 1);
  EXPECT_EQ(phone.post("/s/" + token, "q=fit&a_fit=1&action=save").status, 409);
  // Another browser is another response.
  testing::AppClient other(*app_, "nl");
  other.get("/s/" + token);
  EXPECT_EQ(other.post("/s/" + token, "q=uses&a_uses=no&action=submit").status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_responses WHERE submitted_at IS NOT NULL"), 2);
}

TEST_P(SurveysTest, CoordinatorPagesRefuseForwardRulesAndShowResults) {
  auto coord = signed_in("coordinator@example.org");
  auto created = coord->post("/surveys/new", "audience=parents&languages=nl&title_nl=Informatie");
  ASSERT_EQ(created.status, 303);
  std::string loc = created.header("location").value_or("");
  std::string id = loc.substr(9, loc.find('?') - 9);
  coord->get("/surveys/" + id);
  auto q1 = coord->post("/surveys/" + id + "/questions",
                        "version=1&qid=lang&type=single&text_nl=Taal&options=nl%3A+Nederlands%0Afr%3A+Frans");
  EXPECT_EQ(q1.status, 303);
  // A rule naming a question that comes later: refused, the input kept.
  auto bad = coord->post("/surveys/" + id + "/questions",
                         "version=2&qid=why&type=text&text_nl=Waarom&show_if_question=later&show_if_codes=x");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("value=\"Waarom\""), std::string::npos);
  auto stale = coord->post("/surveys/" + id + "/questions", "version=1&qid=other&type=text&text_nl=Ander");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(coord->post("/surveys/" + id + "/publish", "version=2&public_link=1").status, 303);
  std::string token = db().acquire()->exec("SELECT public_token FROM surveys WHERE id = ?", {id}).rows.at(0).text(0);
  testing::AppClient phone(*app_, "nl");
  phone.get("/s/" + token);
  ASSERT_EQ(phone.post("/s/" + token, "q=lang&a_lang=fr&action=submit").status, 200);
  auto results = coord->get("/surveys/" + id + "/results");
  ASSERT_EQ(results.status, 200);
  EXPECT_NE(results.body.find("<svg"), std::string::npos);
  EXPECT_NE(results.body.find("<table"), std::string::npos);  // the chart's data table
  auto csv = coord->get("/surveys/" + id + "/results?format=csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Frans,1,100"), std::string::npos);
  // A parent representative reads a parents' survey's results; a partner does not.
  EXPECT_EQ(signed_in("parent@example.org")->get("/surveys/" + id + "/results").status, 200);
  EXPECT_EQ(signed_in("partner@example.org")->get("/surveys/" + id + "/results").status, 403);
}

TEST_P(SurveysTest, ApiCreatesUpdatesDraftsAndTakesAnswersByToken) {
  json bad = {{"audience", "parents"}, {"definition", definition_json()}};
  bad["definition"]["questions"][1]["show_if"]["question"] = "kids";
  auto refused = api("POST", "/api/v1/surveys", "coordinator@example.org", bad.dump());
  ASSERT_EQ(refused.status, 422);
  EXPECT_TRUE(json::parse(refused.body)["error"]["fields"].contains("fit.show_if"));
  auto created = api("POST", "/api/v1/surveys", "coordinator@example.org",
                     json{{"audience", "partners"}, {"definition", definition_json()}}.dump());
  ASSERT_EQ(created.status, 201);
  std::string id = json::parse(created.body)["id"];
  json update{{"definition", definition_json()}, {"version", 1}};
  update["definition"]["title"]["nl"] = "Openingsuren 2027";
  EXPECT_EQ(api("PUT", "/api/v1/surveys/" + id, "coordinator@example.org", update.dump()).status, 200);
  EXPECT_EQ(api("PUT", "/api/v1/surveys/" + id, "coordinator@example.org", update.dump()).status, 409);  // stale version
  std::string token;
  {
    auto lease = db().acquire();
    publish(*lease, id, false, 300);
    token = invite(*lease, app_->catalog(), id, {"onthaal@example.org", "", "nl", "org-a"}, "", 300);
  }
  update.erase("version");
  EXPECT_EQ(api("PUT", "/api/v1/surveys/" + id, "coordinator@example.org", update.dump()).status, 409);  // not a draft
  json answer{{"token", token}, {"answers", {{"uses", "yes"}, {"fit", 5}}}, {"submit", true}};
  auto out_of_range = api("POST", "/api/v1/surveys/" + id + "/responses", "", answer.dump());
  EXPECT_EQ(out_of_range.status, 422);
  answer["answers"]["fit"] = 4;
  answer["answers"]["kids"] = "2";  // a number as a string: the wrong type
  EXPECT_EQ(api("POST", "/api/v1/surveys/" + id + "/responses", "", answer.dump()).status, 422);
  answer["answers"]["kids"] = 2;
  EXPECT_EQ(api("POST", "/api/v1/surveys/" + id + "/responses", "", answer.dump()).status, 201);
  EXPECT_EQ(api("POST", "/api/v1/surveys/" + id + "/responses", "", answer.dump()).status, 409);
  auto results = json::parse(api("GET", "/api/v1/surveys/" + id + "/results", "partner@example.org").body);
  EXPECT_EQ(results["responses"], 1);
  EXPECT_EQ(results["questions"][1]["counts"]["4"], 1);
  EXPECT_EQ(api("GET", "/api/v1/surveys/" + id + "/results", "other-partner@example.org").status, 403);
  auto list = json::parse(api("GET", "/api/v1/surveys/" + id + "/responses", "coordinator@example.org").body);
  EXPECT_EQ(list["total_items"], 1);
  EXPECT_EQ(list["contents"][0]["answers"]["kids"], 2.0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'surveys.responses.read'"), 1);
}

TEST_P(SurveysTest, CoordinatorsMoveQuestionsPageOpenTextsAndExportResponses) {
  const auto opened = open_survey();  // not a structured binding: lambdas below capture the id
  const std::string id = opened.first, token = opened.second;
  std::string invitation;
  {
    // One invited partner's response through the store, twelve anonymous ones straight into the tables.
    auto lease = db().acquire();
    auto& c = *lease;
    invitation = invite(c, app_->catalog(), id, {"onthaal@example.org", "Julie", "nl", "org-a"}, "", 250);
    auto access = access_by_token(c, invitation);
    save_answers(c, *access, "", {{"uses", {{"no"}, {}, {}}}, {"kids", {{}, 2.0, {}}}}, "nl", 300);
    submit(c, *access, "", 300);
    std::string responses, answers;
    for (int i = 1; i <= 12; ++i) {
      std::string rid = "'r" + std::to_string(i) + "'", at = std::to_string(1000 + i);
      responses += std::string(responses.empty() ? "" : ", ") + "(" + rid + ", '" + id + "', 'd" + std::to_string(i) +
                   "', 'nl', " + at + ", " + at + ", " + at + ")";
      answers += std::string(answers.empty() ? "" : ", ") + "(" + rid + ", '" + id + "', 'uses', 'no', NULL, 1, " + at +
                 "), (" + rid + ", '" + id + "', 'wish', '', 'Wens " + std::to_string(i) + "', 1, " + at + ")";
    }
    c.exec("INSERT INTO survey_responses (id, survey_id, draft_digest, lang, started_at, updated_at, submitted_at) VALUES " +
           responses);
    c.exec("INSERT INTO survey_answers (response_id, survey_id, question_id, item, text_value, submitted, submitted_at) "
           "VALUES " + answers);
  }
  auto coord = signed_in("coordinator@example.org");

  // Moving a question works without JavaScript, also once responses exist; a rule may not end up first.
  auto page = coord->get("/surveys/" + id);
  EXPECT_NE(page.body.find("/questions/kids/move"), std::string::npos);
  EXPECT_EQ(coord->request("POST", "/surveys/" + id + "/questions/kids/move", "direction=up").status, 403)
      << "no CSRF token";
  auto move = [&](const std::string& qid, const std::string& direction, std::int64_t version_offset = 0) {
    std::int64_t v = load_survey(*db().acquire(), id)->version + version_offset;
    return coord->post("/surveys/" + id + "/questions/" + qid + "/move", "version=" + std::to_string(v) +
                                                                           "&direction=" + direction);
  };
  auto order = [&] {
    std::vector<std::string> ids;
    auto s = load_survey(*db().acquire(), id);
    for (const auto& q : s->definition.questions) ids.push_back(q.id);
    return ids;
  };
  EXPECT_EQ(move("kids", "up").status, 303);
  EXPECT_EQ(order(), (std::vector<std::string>{"uses", "kids", "fit", "channels", "wish"}));
  EXPECT_EQ(move("kids", "down", -1).status, 409) << "a stale version";
  EXPECT_EQ(move("uses", "down").status, 303);
  auto forward = move("fit", "up");
  EXPECT_EQ(forward.status, 422);
  EXPECT_NE(forward.body.find("De voorwaarde mag alleen naar een eerdere vraag verwijzen."), std::string::npos);
  EXPECT_EQ(move("wish", "down").status, 422) << "already last";
  EXPECT_EQ(move("wish", "sideways").status, 422);
  EXPECT_EQ(order(), (std::vector<std::string>{"kids", "uses", "fit", "channels", "wish"}));

  // The results page shows the ten latest open texts and links to all of them, page by page.
  auto results = coord->get("/surveys/" + id + "/results");
  ASSERT_EQ(results.status, 200);
  EXPECT_NE(results.body.find("Wens 12"), std::string::npos);
  EXPECT_NE(results.body.find("Wens 3"), std::string::npos);
  EXPECT_EQ(results.body.find("Wens 2<"), std::string::npos);
  EXPECT_NE(results.body.find("/surveys/" + id + "/results/texts/wish"), std::string::npos);
  auto texts = coord->get("/surveys/" + id + "/results/texts/wish?page=3&per_page=5");
  ASSERT_EQ(texts.status, 200);
  EXPECT_NE(texts.body.find("Wens 1 "), std::string::npos);
  EXPECT_NE(texts.body.find("Wens 2 "), std::string::npos);
  EXPECT_EQ(texts.body.find("Wens 3 "), std::string::npos);
  EXPECT_NE(texts.body.find("rel=\"prev\""), std::string::npos);
  EXPECT_EQ(texts.body.find("rel=\"next\""), std::string::npos);
  EXPECT_EQ(coord->get("/surveys/" + id + "/results/texts/wish?page=4&per_page=5").status, 404);
  EXPECT_EQ(coord->get("/surveys/" + id + "/results/texts/uses").status, 404) << "not an open question";
  EXPECT_EQ(signed_in("partner@example.org")->get("/surveys/" + id + "/results/texts/wish").status, 403);

  // The responses one per row for coordinators, audited; not for facilitators.
  auto csv = coord->get("/surveys/" + id + "/responses?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.header("content-disposition").value_or("").find("survey-responses.csv"), std::string::npos);
  std::size_t lines = 0;
  for (std::size_t at = csv.body.find("\r\n"); at != std::string::npos; at = csv.body.find("\r\n", at + 1)) ++lines;
  EXPECT_EQ(lines, 14u) << "a header and thirteen responses";
  EXPECT_NE(csv.body.find("kids: Kinderen"), std::string::npos);
  EXPECT_NE(csv.body.find(",ja,De Vlinder,nl,"), std::string::npos) << "the invited partner's organisation";
  EXPECT_NE(csv.body.find(",Nee,,,Wens 12"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'surveys.responses.export' AND detail = 'csv 13 (1 invited)'"), 1);
  auto xlsx = coord->get("/surveys/" + id + "/responses?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(coord->get("/surveys/" + id + "/responses").status, 400) << "a file format is asked";
  auto facilitator_email = "facilitator@example.org";
  testing::add_test_user(db(), facilitator_email, Role::facilitator);
  EXPECT_EQ(signed_in(facilitator_email)->get("/surveys/" + id + "/responses?format=csv").status, 403);
}

TEST_P(SurveysTest, PublicLinkSavesOverTheLimitAnswer429WithRetryAfter) {
  const auto opened = open_survey();  // not a structured binding: lambdas below capture the id
  const std::string id = opened.first, token = opened.second;
  auto limited = testing::make_test_app(test_db(), 2, [](app::AppOptions& o) { o.settings["surveys-saves-per-hour"] = "2"; });
  auto post = [&](const std::string& ip, const json& body) {
    testing::AppClient client(*limited, "fr");
    client.ip = ip;
    return client.request("POST", "/api/v1/surveys/" + id + "/responses", body.dump(), "application/json");
  };
  json body{{"token", token}, {"answers", {{"uses", "no"}}}, {"submit", "yes"}};
  EXPECT_EQ(post("198.51.100.40", body).status, 422) << "submit is a boolean";  // the first of two saves
  body.erase("submit");  // absent: saved, not submitted
  EXPECT_EQ(post("198.51.100.40", body).status, 200);
  auto refused = post("198.51.100.40", body);
  EXPECT_EQ(refused.status, 429);
  auto wait = refused.header("Retry-After");
  ASSERT_TRUE(wait.has_value());
  EXPECT_GT(std::stol(*wait), 0);
  EXPECT_LE(std::stol(*wait), 3600);
  EXPECT_EQ(json::parse(refused.body)["error"]["message"], "Trop de réponses depuis cette adresse. Réessayez plus tard.");
  // The respondent's page counts against the same limit and says so too.
  testing::AppClient phone(*limited, "nl");
  phone.ip = "198.51.100.40";
  phone.get("/s/" + token);
  auto page = phone.post("/s/" + token, "q=uses&a_uses=yes&action=save");
  EXPECT_EQ(page.status, 429);
  EXPECT_TRUE(page.header("Retry-After").has_value());
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_responses"), 1) << "nothing stored beyond the limit";
  EXPECT_EQ(post("198.51.100.41", body).status, 200) << "another address";
}

SAMEN_INSTANTIATE_FOR_BACKENDS(SurveysTest);

}  // namespace
}  // namespace samen::surveys
