// Coding of guide answers and transcripts through the whole pipeline on both
// databases: a paragraph of an answer coded without JavaScript and a
// selection in it, the passage anchored to the answer's stable id (moved when
// the answer is edited, flagged when its text is gone, re-attached), the
// per-code pages and exports naming the source, frequencies following the
// answer set's visibility and archiving, the QDPX export with each answer as
// a source with true offsets, and the answer set's visibility everywhere: a
// partner never sees a facilitators-only transcript's passage. Also the
// answers form on an archived activity (read-only) and the expectations
// register's "team" visibility.
#include "support/paths.hpp"
#include <gtest/gtest.h>

#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "accounts/sessions.hpp"
#include "journal/coding.hpp"
#include "journal/store.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::journal {
namespace {

using accounts::Role;
using nlohmann::json;

// The entries of a zip archive, by name.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  if (!z) {
    if (src) zip_source_free(src);
    ADD_FAILURE() << "not a zip archive";
    return out;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, i, 0, &st);
    zip_file_t* f = zip_fopen_index(z, i, 0);
    std::string data(st.size, '\0');
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    out[st.name] = data;
  }
  zip_close(z);
  return out;
}

class AnswerCodingTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      auto& c = *lease;
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'Kinderdagverblijf De Vlinder', 1, 1), "
             "('org-b', 'Crèche Les Petits Pas', 1, 1)");
      c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-jette', 'Lokaal team Jette', 'local_team', 1, 1), "
             "('team-nieuwland', 'Lokaal team Nieuwland', 'local_team', 1, 1)");
      c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-a'), ('team-nieuwland', 'org-b')");
    }
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator, {}, "Lotte Coördinator");
    testing::add_test_user(db(), "facilitator@example.org", Role::facilitator, {}, "Pieter Begeleider");
    testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"}, "Sanne Partner");
    testing::add_test_user(db(), "other@example.org", Role::partner, {"org-b"}, "Julien Ailleurs");
    app_ = testing::make_test_app(test_db(), 4);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::unique_ptr<testing::AppClient> signed_in(const std::string& email) {
    auto c = std::make_unique<testing::AppClient>(*app_, "nl");
    EXPECT_EQ(c->login(email, testing::kTestPassword).status, 303);
    c->get("/journal");
    return c;
  }
  http::Response api(const std::string& method, const std::string& path, const std::string& email,
                     const std::string& body = "") {
    std::string token;
    {
      auto lease = db().acquire();
      token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, email)->id, "t", 1000);
    }
    testing::AppClient client(*app_, "nl");
    return client.request(method, path, body, body.empty() ? "" : "application/json",
                          {{"authorization", "Bearer " + token}});
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }
  std::string text(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).text(0); }
  static std::string after(const http::Response& r, const std::string& prefix) {
    std::string location = r.header("Location").value_or("");
    EXPECT_EQ(location.rfind(prefix, 0), 0u) << location << "\n" << r.body.substr(0, 1500);
    auto rest = location.substr(prefix.size());
    return rest.substr(0, rest.find_first_of("?/#"));
  }

  // A network interview with notes, a guide of two questions attached (facilitators only, the
  // interviews' default) and answered; fills the ids below.
  void interview(testing::AppClient& f) {
    auto r = f.post("/journal/new", "type=interview&title=" + http::url_encode("Interview De Vlinder") +
                                        "&starts_at=2014-10-07T10%3A00&duration_minutes=75&visibility=network&notes=" +
                                        http::url_encode("Open verslag voor iedereen."));
    ASSERT_EQ(r.status, 303) << r.body.substr(0, 1500);
    activity_ = after(r, "/journal/");
    f.get("/journal/sources/guides/new");
    auto g = f.post("/journal/sources/guides/new",
                    "kind=interview&language=nl&title=Leidraad&question_id=&question_text=" +
                        http::url_encode("Wat verwacht u?") + "&question_position=1&question_id=&question_text=" +
                        http::url_encode("Waar maakt u zich zorgen over?") + "&question_position=2");
    ASSERT_EQ(g.status, 303) << g.body.substr(0, 1500);
    std::string guide = after(g, "/journal/sources/guides/");
    f.get("/journal/" + activity_);
    ASSERT_EQ(f.post("/journal/" + activity_ + "/guides", "guide_id=" + guide).status, 303);
    set_ = text("SELECT id FROM journal_activity_guides");
    auto q = db().acquire()->exec("SELECT id FROM journal_guide_questions ORDER BY position").rows;
    q1_ = q.at(0).text(0);
    q2_ = q.at(1).text(0);
    save_answers(f, 1, "facilitators", kFirst, "Personeelstekort in de crèche.");
    answer_ = text("SELECT id FROM journal_answers WHERE question_id = '" + q1_ + "'");
  }
  void save_answers(testing::AppClient& f, int version, const std::string& visibility, const std::string& a1,
                    const std::string& a2) {
    f.get("/journal/" + activity_ + "/guides/" + set_ + "/edit");
    auto r = f.post("/journal/" + activity_ + "/guides/" + set_ + "/edit",
                    "version=" + std::to_string(version) + "&visibility=" + visibility + "&answer_" + q1_ + "=" +
                        http::url_encode(a1) + "&answer_" + q2_ + "=" + http::url_encode(a2));
    ASSERT_EQ(r.status, 303) << r.body.substr(0, 1500);
  }
  std::string create_code(testing::AppClient& f, const std::string& label) {
    auto r = f.post("/journal/coding/codes/new", "label_nl=" + label + "&label_fr=" + label + "&label_en=" + label +
                                                     "&colour=%231f6feb&parent_id=");
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 1500);
    return after(r, "/journal/coding/codes/");
  }

  // Two paragraphs; the second has an accent and a CR LF before it, so code points and bytes differ.
  static constexpr const char* kFirst = "Wij verwachten meer samen leren.\r\n\r\nZorgen: de crèche heeft geen tijd.";
  std::string activity_, set_, q1_, q2_, answer_;
  std::unique_ptr<app::App> app_;
};

TEST_P(AnswerCodingTest, AnAnswersParagraphAndSelectionAreCodedAndFollowItsEdits) {
  auto f = signed_in("facilitator@example.org");
  interview(*f);
  std::string code = create_code(*f, "Zorgen");

  // The coding page offers the answers' paragraphs, each form naming its answer; reading a
  // facilitators-only transcript there is audited.
  auto reads = testing::audit_count(db(), "journal.answer_set.read");
  auto page = f->get("/journal/" + activity_ + "/code");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Antwoord op «Wat verwacht u?»"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"answer_id\" value=\"" + answer_ + "\""), std::string::npos);
  EXPECT_NE(page.body.find("Open verslag voor iedereen."), std::string::npos) << "the notes too";
  EXPECT_EQ(testing::audit_count(db(), "journal.answer_set.read"), reads + 1);

  // Without JavaScript: the whole second paragraph (code points 34..68 of the stored text).
  auto para = paragraphs(kFirst);
  ASSERT_EQ(para.size(), 2u);
  auto coded = f->post("/journal/" + activity_ + "/codings", "answer_id=" + answer_ + "&code=" + code + "&para_start=" +
                                                                 std::to_string(para[1].start) + "&para_end=" +
                                                                 std::to_string(para[1].end));
  ASSERT_EQ(coded.status, 303) << coded.body.substr(0, 1500);
  EXPECT_EQ(text("SELECT passage FROM journal_codings WHERE answer_id IS NOT NULL"), "Zorgen: de crèche heeft geen tijd.");
  EXPECT_EQ(count("SELECT start_offset FROM journal_codings WHERE answer_id IS NOT NULL"), para[1].start);
  // A selection inside the first paragraph: «samen leren».
  ASSERT_EQ(f->post("/journal/" + activity_ + "/codings", "answer_id=" + answer_ + "&code=" + code +
                                                              "&para_start=0&para_end=" + std::to_string(para[0].end) +
                                                              "&from=20&to=31").status,
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codings WHERE passage = 'samen leren' AND answer_id = '" + answer_ + "'"), 1);
  // Outside the answer (its own length, not the notes'), or another activity's answer: refused.
  EXPECT_EQ(f->post("/journal/" + activity_ + "/codings", "answer_id=" + answer_ + "&code=" + code + "&start=60&end=90").status, 422);
  EXPECT_EQ(f->post("/journal/" + activity_ + "/codings", "answer_id=nope&code=" + code + "&start=0&end=3").status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codings"), 2);

  // Text inserted before the passages: they move with it; the passage's text removed: flagged.
  save_answers(*f, 2, "facilitators", std::string("Inleiding.\n\n") + kFirst, "Personeelstekort in de crèche.");
  EXPECT_EQ(count("SELECT start_offset FROM journal_codings WHERE passage = 'samen leren'"), 20 + 12);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codings WHERE text_changed = 1"), 0);
  save_answers(*f, 3, "facilitators", "Wij verwachten meer samen leren.", "Personeelstekort in de crèche.");
  EXPECT_EQ(count("SELECT start_offset FROM journal_codings WHERE passage = 'samen leren'"), 20);
  std::string changed = text("SELECT id FROM journal_codings WHERE text_changed = 1");
  EXPECT_EQ(text("SELECT answer_id FROM journal_codings WHERE id = '" + changed + "'"), answer_);
  auto review = f->get("/journal/coding/review");
  EXPECT_NE(review.body.find("Antwoord op «Wat verwacht u?»"), std::string::npos) << "the review names the source";
  // Re-attached within its own answer: only that answer's paragraphs are offered.
  auto reattach = f->get("/journal/" + activity_ + "/code?reattach=" + changed);
  EXPECT_EQ(reattach.body.find("Open verslag voor iedereen."), std::string::npos);
  EXPECT_NE(reattach.body.find("/journal/coding/codings/" + changed + "/reattach"), std::string::npos);
  ASSERT_EQ(f->post("/journal/coding/codings/" + changed + "/reattach", "answer_id=" + answer_ + "&start=0&end=3").status, 303);
  EXPECT_EQ(text("SELECT passage FROM journal_codings WHERE id = '" + changed + "'"), "Wij");
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codings WHERE text_changed = 1"), 0);
}

TEST_P(AnswerCodingTest, APartnerNeverSeesAFacilitatorsOnlyTranscriptsPassageThroughCodes) {
  auto f = signed_in("facilitator@example.org");
  interview(*f);
  std::string code = create_code(*f, "Zorgen");
  ASSERT_EQ(f->post("/journal/" + activity_ + "/codings", "answer_id=" + answer_ + "&code=" + code + "&start=37&end=70").status, 303);
  // The same code on the (network) notes.
  ASSERT_EQ(f->post("/journal/" + activity_ + "/codings", "code=" + code + "&start=0&end=4").status, 303);

  auto coordinator = signed_in("coordinator@example.org");
  auto full = coordinator->get("/journal/coding/codes/" + code);
  EXPECT_NE(full.body.find("de crèche heeft geen tijd"), std::string::npos);
  EXPECT_NE(full.body.find("Antwoord op «Wat verwacht u?»"), std::string::npos) << "the source of the passage";
  EXPECT_NE(full.body.find("2 passages"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal/coding/codes/" + code + "?format=csv").body.find("Antwoord op"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal/coding/frequencies?by=year&format=csv").body.find("2014,2"), std::string::npos);

  auto partner = signed_in("partner@example.org");
  auto page = partner->get("/journal/coding/codes/" + code);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("geen tijd"), std::string::npos);
  EXPECT_NE(page.body.find("<blockquote>Open</blockquote>"), std::string::npos) << "the notes' passage is the partner's";
  EXPECT_NE(page.body.find("1 passage"), std::string::npos) << page.body.substr(0, 200);
  EXPECT_EQ(partner->get("/journal/coding/codes/" + code + "?format=csv").body.find("geen tijd"), std::string::npos);
  EXPECT_NE(partner->get("/journal/coding/frequencies?by=year&format=csv").body.find("2014,1"), std::string::npos);
  EXPECT_EQ(partner->get("/journal/" + activity_).body.find("geen tijd"), std::string::npos) << "the activity page's codings";
  auto listed = json::parse(api("GET", "/api/v1/codings?code=" + code, "partner@example.org").body);
  EXPECT_EQ(listed["total_items"], 1);
  EXPECT_EQ(listed.dump().find("geen tijd"), std::string::npos);
  auto qdpx = unzip(api("GET", "/api/v1/project.qdpx", "partner@example.org").body);
  ASSERT_TRUE(qdpx.contains("project.qde"));
  for (const auto& [name, content] : qdpx) {
    EXPECT_EQ(content.find("geen tijd"), std::string::npos) << name;
    EXPECT_EQ(content.find(answer_), std::string::npos) << name;
  }
  // A partner's code filter does not reveal that a hidden transcript holds the code.
  std::string other_code = create_code(*f, "Personeel");
  ASSERT_EQ(f->post("/journal/" + activity_ + "/codings", "answer_id=" + answer_ + "&code=" + other_code + "&start=0&end=3").status, 303);
  EXPECT_EQ(partner->get("/journal?code=" + other_code).body.find("Interview De Vlinder"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal?code=" + other_code).body.find("Interview De Vlinder"), std::string::npos);

  // Opened to the network: the partner sees it, and the counts moved with it.
  save_answers(*f, 2, "network", kFirst, "Personeelstekort in de crèche.");
  EXPECT_NE(partner->get("/journal/coding/codes/" + code).body.find("geen tijd"), std::string::npos);
  // Columns: Personeel, Zorgen (the notes' and the answer's passages).
  EXPECT_NE(partner->get("/journal/coding/frequencies?by=year&format=csv").body.find("2014,1,2"), std::string::npos);
  EXPECT_NE(partner->get("/journal?code=" + other_code).body.find("Interview De Vlinder"), std::string::npos);
  // The answer set taken off the activity: its passages leave every list and count.
  f->get("/journal/" + activity_ + "/guides/" + set_);
  ASSERT_EQ(f->post("/journal/" + activity_ + "/guides/" + set_ + "/archive", "version=3").status, 303);
  EXPECT_EQ(coordinator->get("/journal/coding/codes/" + code).body.find("geen tijd"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal/coding/frequencies?by=year&format=csv").body.find("2014,0,1"), std::string::npos);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/codings?code=" + code, "coordinator@example.org").body)["total_items"], 1);
}

TEST_P(AnswerCodingTest, TheApiCodesAnAnswerAndTheQdpxExportHasItAsASourceWithTrueOffsets) {
  auto f = signed_in("facilitator@example.org");
  interview(*f);
  std::string code = create_code(*f, "Leren");
  auto created = api("POST", "/api/v1/codings", "facilitator@example.org",
                     json{{"code_id", code}, {"activity_id", activity_}, {"field", "answer"}, {"answer_id", answer_},
                          {"start", 20}, {"end", 31}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  auto k = json::parse(created.body);
  EXPECT_EQ(k["field"], "answer");
  EXPECT_EQ(k["answer_id"], answer_);
  EXPECT_EQ(k["passage"], "samen leren");
  EXPECT_EQ(api("POST", "/api/v1/codings", "facilitator@example.org",
                json{{"code_id", code}, {"activity_id", activity_}, {"field", "answer"}, {"start", 0}, {"end", 3}}.dump()).status,
            422) << "an answer's coding names its answer";
  EXPECT_EQ(api("POST", "/api/v1/codings", "facilitator@example.org",
                json{{"code_id", code}, {"activity_id", activity_}, {"answer_id", answer_}, {"start", 0}, {"end", 500}}.dump()).status,
            422) << "offsets of the answer's text";
  ASSERT_EQ(api("POST", "/api/v1/codings", "facilitator@example.org",
                json{{"code_id", code}, {"activity_id", activity_}, {"start", 0}, {"end", 4}}.dump()).status, 201);

  std::string xsd = samen::testing::source_dir() + "/../shared/refi-qda/Project.xsd";
  if (!std::ifstream(xsd) || std::system("xmllint --version >/dev/null 2>&1") != 0) {
    if (testing::in_ci()) FAIL() << "needs " << xsd << " and xmllint";
    GTEST_SKIP() << "needs " << xsd << " and xmllint";
  }
  auto res = api("GET", "/api/v1/project.qdpx", "coordinator@example.org");
  ASSERT_EQ(res.status, 200);
  auto files = unzip(res.body);
  const std::string& qde = files["project.qde"];
  auto path = test_db().scratch() / "answers.qde";
  std::ofstream(path) << qde;
  EXPECT_EQ(std::system(("xmllint --noout --schema " + xsd + " " + path.string() + " 2>" + path.string() + ".err").c_str()), 0)
      << std::ifstream(path.string() + ".err").rdbuf();
  // The answer is a source of its own (its stable id is its guid), its text as stored.
  ASSERT_TRUE(files.contains("sources/" + answer_ + ".txt")) << qde;
  EXPECT_EQ(files["sources/" + answer_ + ".txt"], kFirst);
  EXPECT_NE(qde.find("Interview De Vlinder — Wat verwacht u?"), std::string::npos);
  static const std::regex source(R"re(<TextSource guid="([^"]+)"[^>]*plainTextPath="internal://([^"]+)")re");
  static const std::regex selection(R"re(<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)")re");
  std::vector<std::string> coded;
  auto sources = std::sregex_iterator(qde.begin(), qde.end(), source);
  for (auto it = sources; it != std::sregex_iterator(); ++it) {
    auto next = std::next(it);
    std::size_t from = it->position(), to = next == std::sregex_iterator() ? qde.size() : next->position();
    const std::string& textfile = files["sources/" + (*it)[2].str()];
    std::string block = qde.substr(from, to - from);
    for (auto s = std::sregex_iterator(block.begin(), block.end(), selection); s != std::sregex_iterator(); ++s)
      coded.push_back(cp_substr(textfile, std::stoll((*s)[1]), std::stoll((*s)[2])));
  }
  std::sort(coded.begin(), coded.end());
  EXPECT_EQ(coded, (std::vector<std::string>{"Open", "samen leren"}));
}

TEST_P(AnswerCodingTest, AnArchivedActivitysAnswersFormIsReadOnlyWithAMessage) {
  auto f = signed_in("facilitator@example.org");
  interview(*f);
  f->get("/journal/" + activity_);
  ASSERT_EQ(f->post("/journal/" + activity_ + "/archive", "").status, 303);
  auto form = f->get("/journal/" + activity_ + "/guides/" + set_ + "/edit");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Deze activiteit is gearchiveerd"), std::string::npos);
  EXPECT_NE(form.body.find(" disabled aria-describedby=\"archived-notice\""), std::string::npos);
  EXPECT_EQ(form.body.find(">Bewaren</button>"), std::string::npos) << "no save button";
  EXPECT_NE(form.body.find("Personeelstekort"), std::string::npos) << "the answers are shown";
  // A save sent anyway (an old tab) is still refused, and nothing changes.
  auto r = f->post("/journal/" + activity_ + "/guides/" + set_ + "/edit",
                   "version=2&visibility=facilitators&answer_" + q2_ + "=Nieuw");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(text("SELECT text FROM journal_answers WHERE question_id = '" + q2_ + "'"), "Personeelstekort in de crèche.");
}

TEST_P(AnswerCodingTest, AnExpectationSharedWithATeamIsSeenByItsPartnersOnly) {
  auto f = signed_in("facilitator@example.org");
  f->get("/journal/sources/expectations/new");
  auto form = f->get("/journal/sources/expectations/new");
  EXPECT_NE(form.body.find("<option value=\"team\""), std::string::npos);
  EXPECT_NE(form.body.find("Lokaal team Jette"), std::string::npos);
  const std::string base = "organization_id=org-a&round=Start+2014&captured_on=2014-10-07&expects=Teamgeheim+Jette";
  auto none = f->post("/journal/sources/expectations/new", base + "&visibility=team");
  EXPECT_EQ(none.status, 422) << "team visibility needs a team";
  auto foreign = f->post("/journal/sources/expectations/new", base + "&visibility=team&team_id=team-nieuwland");
  EXPECT_EQ(foreign.status, 422) << "org-a is not in the Nieuwland team";
  EXPECT_NE(foreign.body.find("geen lid van dit team"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_expectations"), 0);
  ASSERT_EQ(f->post("/journal/sources/expectations/new", base + "&visibility=team&team_id=team-jette").status, 303);
  EXPECT_EQ(text("SELECT team_id FROM journal_expectations"), "team-jette");
  // A team id sent with another visibility is not kept.
  ASSERT_EQ(f->post("/journal/sources/expectations/new",
                    "organization_id=org-b&round=Start+2014&captured_on=2014-10-07&expects=Voor+iedereen&team_id=team-nieuwland")
                .status,
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_expectations WHERE team_id IS NULL"), 1);

  EXPECT_NE(signed_in("partner@example.org")->get("/journal/sources/expectations").body.find("Teamgeheim Jette"),
            std::string::npos) << "org-a's partner is in the Jette team";
  auto other = signed_in("other@example.org");
  EXPECT_EQ(other->get("/journal/sources/expectations").body.find("Teamgeheim Jette"), std::string::npos);
  EXPECT_EQ(other->get("/journal/sources/expectations?format=csv").body.find("Teamgeheim Jette"), std::string::npos);
  EXPECT_NE(other->get("/journal/sources/expectations").body.find("Voor iedereen"), std::string::npos);
  EXPECT_NE(signed_in("coordinator@example.org")->get("/journal/sources/expectations").body.find("Teamgeheim Jette"),
            std::string::npos);
  // A partner shares its own organisation's entry with its own team; not with a team it is not in.
  auto partner = signed_in("partner@example.org");
  partner->get("/journal/sources/expectations/new");
  EXPECT_EQ(partner->post("/journal/sources/expectations/new",
                          "organization_id=org-a&round=Ronde+2017&captured_on=2017-01-26&expects=Eigen&visibility=team&team_id=team-jette")
                .status,
            303);
}

TEST_P(AnswerCodingTest, TheApiWritesGuidesAnswerSetsAndTheRegisterWithVersions) {
  // A guide: created by staff, its questions keep their ids through an update.
  auto created = api("POST", "/api/v1/guides", "facilitator@example.org",
                     R"({"kind":"interview","title":"Leidraad API","language":"nl","questions":[{"text":"Wat verwacht u?"},{"text":"Wat brengt u mee?"}]})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto guide = json::parse(created.body);
  EXPECT_EQ(created.header("ETag"), "\"1\"");
  std::string q1 = guide["questions"][0]["id"], q2 = guide["questions"][1]["id"];
  EXPECT_EQ(api("POST", "/api/v1/guides", "partner@example.org", created.body).status, 403);
  json moved = {{"kind", "interview"}, {"title", "Leidraad API"}, {"language", "nl"},
                {"questions", {{{"id", q2}, {"text", "Wat brengt u mee?"}}, {{"id", q1}, {"text", "Wat verwacht u van ons?"}}}}};
  auto put = api("PUT", "/api/v1/guides/" + std::string(guide["id"]), "facilitator@example.org", moved.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(json::parse(put.body)["questions"][1]["id"], q1);
  moved["version"] = 1;
  EXPECT_EQ(api("PUT", "/api/v1/guides/" + std::string(guide["id"]), "facilitator@example.org", moved.dump()).status, 409);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/guides", "partner@example.org").body)["total_items"], 1);

  // An answer set on a network interview: facilitators only by default, so 404 for the partner.
  auto f = signed_in("facilitator@example.org");
  auto r = f->post("/journal/new", "type=interview&title=Interview+API&starts_at=2014-10-07T10%3A00&duration_minutes=60&visibility=network");
  ASSERT_EQ(r.status, 303);
  std::string activity = after(r, "/journal/");
  std::string sets = "/api/v1/activities/" + activity + "/answer-sets";
  auto attached = api("POST", sets, "facilitator@example.org", json{{"guide_id", guide["id"]}}.dump());
  ASSERT_EQ(attached.status, 201) << attached.body;
  auto set = json::parse(attached.body);
  EXPECT_EQ(set["visibility"], "facilitators");
  std::string set_path = sets + "/" + std::string(set["id"]);
  auto answered = api("PUT", set_path, "facilitator@example.org",
                      json{{"version", 1}, {"answers", {{q1, "Meer samen leren."}}}}.dump());
  ASSERT_EQ(answered.status, 200) << answered.body;
  auto body = json::parse(answered.body);
  EXPECT_EQ(body["version"], 2);
  EXPECT_EQ(body["answers"][1]["text"], "Meer samen leren.") << "in the guide's order";
  EXPECT_EQ(api("PUT", set_path, "facilitator@example.org", json{{"version", 1}, {"answers", {{q2, "x"}}}}.dump()).status, 409);
  testing::AppClient client(*app_, "nl");
  {
    std::string token;
    {
      auto lease = db().acquire();
      token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, "facilitator@example.org")->id, "t", 1000);
    }
    auto stale = client.request("PUT", set_path, json{{"answers", {{q2, "x"}}}}.dump(), "application/json",
                                {{"authorization", "Bearer " + token}, {"if-match", "\"1\""}});
    EXPECT_EQ(stale.status, 412);
  }
  EXPECT_EQ(api("PUT", set_path, "facilitator@example.org", json{{"answers", {{"no-such-question", "x"}}}}.dump()).status, 422);
  EXPECT_EQ(api("GET", set_path, "partner@example.org").status, 404);
  EXPECT_EQ(json::parse(api("GET", sets, "partner@example.org").body)["total_items"], 0);
  auto reads = testing::audit_count(db(), "journal.answer_set.read");
  EXPECT_EQ(api("GET", set_path, "coordinator@example.org").status, 200);
  EXPECT_EQ(testing::audit_count(db(), "journal.answer_set.read"), reads + 1) << "a facilitators-only set read is audited";
  EXPECT_EQ(text("SELECT text FROM journal_answers WHERE question_id = '" + q1 + "'"), "Meer samen leren.");

  // The register: a team entry for org-a's team; the other partner does not get it.
  auto entry = api("POST", "/api/v1/expectations", "partner@example.org",
                   R"({"organization_id":"org-a","round":"Start 2014","captured_on":"2014-10-07","expects":"Samen","visibility":"team","team_id":"team-jette"})");
  ASSERT_EQ(entry.status, 201) << entry.body;
  std::string entry_id = json::parse(entry.body)["id"];
  EXPECT_EQ(json::parse(entry.body)["team_id"], "team-jette");
  EXPECT_EQ(api("GET", "/api/v1/expectations/" + entry_id, "other@example.org").status, 404);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/expectations", "other@example.org").body)["total_items"], 0);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/expectations?team=team-jette", "coordinator@example.org").body)["total_items"], 1);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/expectations?team=team-nieuwland", "coordinator@example.org").body)["total_items"], 0);
  EXPECT_EQ(api("POST", "/api/v1/expectations", "partner@example.org",
                R"({"organization_id":"org-b","round":"Start 2014","captured_on":"2014-10-07","expects":"Niet van mij"})").status,
            422);
  auto updated = api("PUT", "/api/v1/expectations/" + entry_id, "partner@example.org",
                     R"({"organization_id":"org-a","round":"Start 2014","captured_on":"2014-10-07","expects":"Samen leren","visibility":"team","team_id":"team-jette","version":1})");
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(json::parse(updated.body)["version"], 2);
  EXPECT_EQ(api("PUT", "/api/v1/expectations/" + entry_id, "partner@example.org",
                R"({"organization_id":"org-a","round":"Start 2014","captured_on":"2014-10-07","expects":"Oud","version":1})").status,
            409);
}

TEST_P(AnswerCodingTest, ATimelineFilteredByACommonCodeCountsOnlyAThousandPastItsPage) {
  auto f = signed_in("coordinator@example.org");
  std::string common = create_code(*f, "Overal"), rare = create_code(*f, "Zelden");
  {
    auto lease = db().acquire();
    auto& c = *lease;
    for (int i = 0; i < 1100; ++i) {
      std::string id = "many-" + std::to_string(i);
      c.exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, visibility, notes, version, "
             "created_at, updated_at) VALUES (?, 'training', ?, ?, 60, 'network', 'Notities', 1, 1, 1)",
             {id, "Vorming " + std::to_string(i), static_cast<std::int64_t>(1400000000 + i * 3600)});
      c.exec("INSERT INTO journal_codings (id, code_id, activity_id, start_offset, end_offset, passage, created_at) "
             "VALUES (?, ?, ?, 0, 4, 'Noti', 1)", {"k-" + id, i < 3 ? rare : common, id});
    }
  }
  auto page = f->get("/journal?code=" + common);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Meer dan 1.025 activiteiten"), std::string::npos) << "counted to 25 + 1,000";
  EXPECT_NE(page.body.find("Pagina 1<"), std::string::npos);
  EXPECT_NE(page.body.find("page=2\" rel=\"next\""), std::string::npos);
  auto last = f->get("/journal?code=" + common + "&page=44");
  EXPECT_NE(last.body.find("1.097 activiteiten"), std::string::npos) << "near the end the count is exact again";
  EXPECT_EQ(last.body.find("Meer dan"), std::string::npos);
  auto few = f->get("/journal?code=" + rare);
  EXPECT_NE(few.body.find("3 activiteiten"), std::string::npos);
  EXPECT_EQ(few.body.find("Meer dan"), std::string::npos);
  // The export counts exactly (and exports every match).
  auto csv = f->get("/journal?code=" + common + "&format=csv");
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 1097 + 1);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(AnswerCodingTest);

// The timeline's code filter plans two ways (store.hpp ListFilter::rare_code_codings): from the code's
// codings, or by walking the activities. Both must give the same page and count for every reader,
// with notes and answers of every visibility, archived activities and archived answer sets.
class CodeFilterPlanTest : public testing::DatabaseTest {};

TEST_P(CodeFilterPlanTest, FromTheCodingsOrWalkingTheActivitiesGivesTheSameRows) {
  {
    auto lease = db().acquire();
    auto& c = *lease;
    c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('t1', 'Team 1', 'local_team', 1, 1), "
           "('t2', 'Team 2', 'local_team', 1, 1)");
    c.exec("INSERT INTO journal_codes (id, version, created_at, updated_at, parent_id, label_nl, label_fr, label_en) VALUES "
           "('top', 1, 1, 1, NULL, 'T', 'T', 'T'), ('sub', 1, 1, 1, 'top', 'S', 'S', 'S'), ('other', 1, 1, 1, NULL, 'O', 'O', 'O')");
    c.exec("INSERT INTO journal_guides (id, version, created_at, updated_at, kind, title, language) "
           "VALUES ('g', 1, 1, 1, 'interview', 'G', 'nl')");
    c.exec("INSERT INTO journal_guide_questions (id, guide_id, position, text) VALUES ('q', 'g', 1, 'Q?')");
    const char* visibilities[] = {"network", "team", "facilitators"};
    for (int i = 0; i < 24; ++i) {
      std::string id = "a" + std::to_string(i);
      c.exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, team_id, visibility, notes, "
             "version, created_at, updated_at, archived_at) VALUES (?, 'training', ?, ?, 60, ?, ?, 'Notities', 1, 1, 1, ?)",
             {id, "A" + std::to_string(i), static_cast<std::int64_t>(1400000000 + (i * 7 % 24) * 3600),
              i % 3 == 0 ? store::Param(nullptr) : store::Param(i % 3 == 1 ? "t1" : "t2"),
              visibilities[(i / 3) % 3], i == 5 ? store::Param(std::int64_t{9}) : store::Param(nullptr)});
      // Half are coded in their notes (with the top code, its sub-code or another one); the others in an
      // answer whose set has a visibility of its own (one set archived).
      if (i % 2 == 0) {
        c.exec("INSERT INTO journal_codings (id, code_id, activity_id, start_offset, end_offset, passage, created_at) "
               "VALUES (?, ?, ?, 0, 4, 'Noti', 1)", {"k" + id, i % 8 == 0 ? "other" : i % 4 == 0 ? "sub" : "top", id});
      } else {
        c.exec("INSERT INTO journal_activity_guides (id, version, created_at, updated_at, activity_id, guide_id, visibility, "
               "archived_at) VALUES (?, 1, 1, 1, ?, 'g', ?, ?)",
               {"s" + id, id, visibilities[i % 3], i == 7 ? store::Param(std::int64_t{9}) : store::Param(nullptr)});
        c.exec("INSERT INTO journal_answers (id, version, created_at, updated_at, activity_guide_id, question_id, text) "
               "VALUES (?, 1, 1, 1, ?, 'q', 'Antwoord')", {"ans" + id, "s" + id});
        c.exec("INSERT INTO journal_codings (id, code_id, activity_id, start_offset, end_offset, passage, created_at, answer_id) "
               "VALUES (?, ?, ?, 0, 4, 'Antw', 1, ?)", {"k" + id, i % 5 == 0 ? "sub" : "top", id, "ans" + id});
      }
    }
  }
  Viewer staff{accounts::Role::coordinator, 1, {}, {}};
  Viewer partner{accounts::Role::partner, 2, {"t1"}, {"o1"}};
  Viewer outsider{accounts::Role::partner, 3, {}, {"o9"}};
  auto lease = db().acquire();
  for (const Viewer& v : {staff, partner, outsider}) {
    for (const std::string& code : {"top", "sub", "other"}) {
      for (bool archived : {false, true}) {
        ListFilter f;
        f.code_id = code;
        f.archived = archived;
        f.limit = 3;
        f.offset = 1;
        f.count_cap = 4;
        ListFilter walk = f;
        walk.rare_code_codings = 0;  // every code is common: walk the activities
        auto driven = list_activities(*lease, v, f), walked = list_activities(*lease, v, walk);
        auto ids = [](const ActivityList& l) {
          std::string out;
          for (const auto& a : l.items) out += a.id + " ";
          return out;
        };
        std::string where = code + (archived ? " archived" : "") + " as role " + std::to_string(static_cast<int>(v.role));
        EXPECT_EQ(ids(driven), ids(walked)) << where;
        EXPECT_EQ(driven.total, walked.total) << where;
        EXPECT_EQ(driven.total_capped, walked.total_capped) << where;
        f.count_cap = 0;
        f.limit = 0;
        walk.count_cap = 0;
        walk.limit = 0;
        EXPECT_EQ(list_activities(*lease, v, f).total, list_activities(*lease, v, walk).total) << where;
        if (code == "top" && !archived && v.role == accounts::Role::coordinator)
          EXPECT_EQ(list_activities(*lease, v, f).total, 19) << "9 notes coded with top or sub, 10 answers (a7's set and a5 are archived)";
      }
    }
  }
}

SAMEN_INSTANTIATE_FOR_BACKENDS(CodeFilterPlanTest);

}  // namespace
}  // namespace samen::journal
