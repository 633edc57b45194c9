// Qualitative coding through the whole pipeline on both databases: the
// codebook (tree, cycle refused, stale edit 409, archive, memos, API with
// If-Match), coding a note by paragraph and by a selection (offsets in code
// points, CR LF and accents), bad offsets refused, re-anchoring when the note
// is edited on the page or through the API (moved, flagged, re-attached,
// removed), the per-code page, frequencies and exports, the timeline filter by
// code, and visibility: a partner never sees a facilitators-only passage.
#include "support/paths.hpp"
#include <gtest/gtest.h>

#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "accounts/audit.hpp"
#include "accounts/sessions.hpp"
#include "demo/demo.hpp"
#include "journal/coding.hpp"
#include "journal/coding_demo.hpp"
#include "journal/coding_store.hpp"
#include "journal/demo.hpp"
#include "journal/demo_sources.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::journal {
namespace {

using accounts::Role;
using nlohmann::json;

class JournalCodingTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      auto& c = *lease;
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'Kinderdagverblijf De Vlinder', 1, 1)");
      c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-jette', 'Lokaal team Jette', 'local_team', 1, 1)");
      c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-a')");
    }
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator, {}, "Lotte Coördinator");
    testing::add_test_user(db(), "facilitator@example.org", Role::facilitator, {}, "Pieter Begeleider");
    testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"}, "Sanne Partner");
    testing::add_test_user(db(), "parent@example.org", Role::parent_rep, {}, "Fatima Ouder");
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
  std::string token(const std::string& email) {
    auto lease = db().acquire();
    return accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, email)->id, "t", 1000);
  }
  http::Response api(const std::string& method, const std::string& path, const std::string& email,
                     const std::string& body = "", http::Headers extra = {}) {
    testing::AppClient client(*app_, "nl");
    extra.emplace_back("authorization", "Bearer " + token(email));
    return client.request(method, path, body, body.empty() ? "" : "application/json", extra);
  }
  std::int64_t audits(const std::string& action) {
    auto lease = db().acquire();
    accounts::AuditFilter f;
    f.action = action;
    return accounts::count_audit(*lease, f);
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }
  std::string text(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).text(0); }
  static std::string after(const http::Response& r, const std::string& prefix) {
    std::string location = r.header("Location").value_or("");
    EXPECT_EQ(location.rfind(prefix, 0), 0u) << location << "\n" << r.body.substr(0, 1500);
    auto rest = location.substr(prefix.size());
    return rest.substr(0, rest.find_first_of("?/#"));
  }
  std::string create_activity(testing::AppClient& client, const std::string& title, const std::string& visibility,
                              const std::string& notes, const std::string& extra = "") {
    auto r = client.post("/journal/new", "type=interview&title=" + http::url_encode(title) +
                                             "&starts_at=2014-10-07T10%3A00&duration_minutes=75&visibility=" + visibility +
                                             "&notes=" + http::url_encode(notes) + extra);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 1500);
    return after(r, "/journal/");
  }
  std::string create_code(testing::AppClient& client, const std::string& label, const std::string& parent = "",
                          const std::string& colour = "#1f6feb") {
    auto r = client.post("/journal/coding/codes/new", "label_nl=" + http::url_encode(label) + "&label_fr=" +
                                                          http::url_encode(label + " (fr)") + "&label_en=" +
                                                          http::url_encode(label + " (en)") + "&colour=" +
                                                          http::url_encode(colour) + "&parent_id=" + parent);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 1500);
    return after(r, "/journal/coding/codes/");
  }

  std::unique_ptr<app::App> app_;
};

TEST_P(JournalCodingTest, TheCodebookIsATreeWithoutCyclesEditedWithVersions) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string trust = create_code(*coordinator, "Vertrouwen", "", "#8250df");
  std::string low = create_code(*coordinator, "Lage drempel", trust);
  std::string lower = create_code(*coordinator, "Heel lage drempel", low);
  auto book = coordinator->get("/journal/coding/codes");
  ASSERT_EQ(book.status, 200);
  EXPECT_LT(book.body.find("Vertrouwen"), book.body.find("Lage drempel"));
  EXPECT_NE(book.body.find("fill=\"#8250df\""), std::string::npos) << "the badge carries the colour";
  EXPECT_NE(book.body.find("fill=\"#ffffff\""), std::string::npos) << "white text on the dark purple";

  // Trust under its own grandchild: refused with a clear message, nothing changed.
  auto cycle = coordinator->post("/journal/coding/codes/" + trust + "/edit",
                                 "label_nl=Vertrouwen&label_fr=Confiance&label_en=Trust&colour=%238250df&version=1&parent_id=" + lower);
  EXPECT_EQ(cycle.status, 422);
  EXPECT_NE(cycle.body.find("Een code kan niet onder zichzelf"), std::string::npos);
  EXPECT_EQ(text("SELECT COALESCE(parent_id, '') FROM journal_codes WHERE id = '" + trust + "'"), "");
  auto bad = coordinator->post("/journal/coding/codes/new", "label_nl=&label_fr=x&label_en=x&colour=blauw");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("#rrggbb"), std::string::npos);

  EXPECT_EQ(coordinator->post("/journal/coding/codes/" + trust + "/edit",
                              "label_nl=Vertrouwen+opbouwen&label_fr=Confiance&label_en=Trust&colour=%238250df&version=1").status,
            303);
  auto stale = coordinator->post("/journal/coding/codes/" + trust + "/edit",
                                 "label_nl=Mijn+versie&label_fr=Confiance&label_en=Trust&colour=%238250df&version=1");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Mijn versie"), std::string::npos) << "the editor's input is kept";

  // Grouping only: set on the form (a new code's form offers "coded with it" first), shown on the code's
  // page, not offered for coding, and a coding with it refused with a clear 422.
  EXPECT_NE(coordinator->get("/journal/coding/codes/new").body.find("name=\"codable\" value=\"1\" aria-describedby=\"codable-hint\" checked"),
            std::string::npos);
  std::string grouping_edit = "label_nl=Vertrouwen+opbouwen&label_fr=Confiance&label_en=Trust&colour=%238250df&version=2&codable=";
  auto odd = coordinator->post("/journal/coding/codes/" + trust + "/edit", grouping_edit + "misschien");
  EXPECT_EQ(odd.status, 422);
  EXPECT_NE(odd.body.find("Kies of er passages met deze code gecodeerd worden."), std::string::npos);
  EXPECT_EQ(coordinator->post("/journal/coding/codes/" + trust + "/edit", grouping_edit + "0").status, 303);
  EXPECT_EQ(count("SELECT codable FROM journal_codes WHERE id = '" + trust + "'"), 0);
  EXPECT_NE(coordinator->get("/journal/coding/codes/" + trust).body.find("Enkel groepering"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal/coding/codes/" + trust + "/edit").body.find("value=\"0\" aria-describedby=\"codable-hint\" checked"),
            std::string::npos);
  std::string activity = create_activity(*coordinator, "Partneroverleg", "network", "Vertrouwen groeit.");
  EXPECT_EQ(coordinator->get("/journal/" + activity + "/code").body.find("value=\"" + trust + "\""), std::string::npos)
      << "a grouping code is not offered";
  auto refused = coordinator->post("/journal/" + activity + "/codings", "code=" + trust + "&start=0&end=10");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Deze code groepeert enkel andere codes"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codings"), 0);
  EXPECT_EQ(coordinator->post("/journal/coding/codes/" + trust + "/memos", "text=" + http::url_encode("Komt vaak terug.")).status, 303);
  EXPECT_NE(coordinator->get("/journal/coding/codes/" + trust).body.find("Komt vaak terug."), std::string::npos);
  EXPECT_EQ(coordinator->post("/journal/coding/codes/" + low + "/archive", "version=1").status, 303);
  EXPECT_EQ(coordinator->get("/journal/coding/codes/" + low + "/edit").status, 409);
  EXPECT_EQ(audits("journal.code.create"), 3);
  EXPECT_EQ(audits("journal.code.update"), 2);
  EXPECT_EQ(audits("journal.code.memo"), 1);
  EXPECT_EQ(audits("journal.code.archive"), 1);

  // Partners read the codebook but do not manage it; parent representatives do neither.
  auto partner = signed_in("partner@example.org");
  EXPECT_EQ(partner->get("/journal/coding/codes").status, 200);
  EXPECT_EQ(partner->get("/journal/coding/codes/new").status, 403);
  EXPECT_EQ(signed_in("parent@example.org")->get("/journal/coding/codes").status, 403);
}

TEST_P(JournalCodingTest, ParagraphsAndSelectionsAreCodedInCodePointsAndBadOffsetsAreRefused) {
  auto facilitator = signed_in("facilitator@example.org");
  std::string notes = "Eerste alinea over de crèche.\r\nTweede regel.\r\n\r\nDe drempel is laag omdat iedereen er komt.";
  std::string id = create_activity(*facilitator, "Interview", "network", notes);
  std::string code = create_code(*facilitator, "Lage drempel");
  auto page = facilitator->get("/journal/" + id + "/code");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"para_start\" value=\"48\""), std::string::npos) << "the second paragraph starts at code point 48";
  EXPECT_NE(page.body.find("/static/js/coding."), std::string::npos) << "the script is a file of its own";
  EXPECT_EQ(page.body.find("<script>"), std::string::npos);

  // Without JavaScript: the whole second paragraph.
  EXPECT_EQ(facilitator->post("/journal/" + id + "/codings", "code=" + code + "&para_start=48&para_end=90&from=&to=").status, 303);
  EXPECT_EQ(text("SELECT passage FROM journal_codings"), "De drempel is laag omdat iedereen er komt.");
  // With JavaScript: "crèche.\nTweede" as the page shows it (CR LF is one character there).
  EXPECT_EQ(facilitator->post("/journal/" + id + "/codings", "code=" + code + "&para_start=0&para_end=44&from=22&to=36").status, 303);
  EXPECT_EQ(text("SELECT passage FROM journal_codings WHERE start_offset = 22"), "crèche.\r\nTweede");
  EXPECT_EQ(count("SELECT end_offset FROM journal_codings WHERE start_offset = 22"), 37);

  // Outside the note, empty, reversed, not a number, no code: clear errors, nothing stored.
  for (const auto& [body, status] : std::vector<std::pair<std::string, int>>{
           {"code=" + code + "&start=80&end=500", 422},
           {"code=" + code + "&start=5&end=5", 422},
           {"code=" + code + "&start=9&end=3", 422},
           {"code=" + code + "&para_start=0&para_end=44&from=20&to=99", 422},
           {"code=" + code + "&start=een&end=3", 400},
           {"para_start=0&para_end=44", 422}}) {
    auto r = facilitator->post("/journal/" + id + "/codings", body);
    EXPECT_EQ(r.status, status) << body;
  }
  auto outside = facilitator->post("/journal/" + id + "/codings", "code=" + code + "&start=80&end=500");
  EXPECT_NE(outside.body.find("De passage valt buiten de notities."), std::string::npos);
  auto reversed = facilitator->post("/journal/" + id + "/codings", "code=" + code + "&start=9&end=3");
  EXPECT_NE(reversed.body.find("Het einde van de passage ligt vóór het begin."), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codings"), 2);
  EXPECT_EQ(audits("journal.coding.create"), 2);

  // The activity page shows its coded passages.
  auto shown = facilitator->get("/journal/" + id).body;
  auto section = shown.find("id=\"coding\"");
  ASSERT_NE(section, std::string::npos);
  EXPECT_NE(shown.find("«De drempel is laag omdat iedereen er komt.»", section), std::string::npos);
}

TEST_P(JournalCodingTest, EditingTheNoteMovesPassagesOrFlagsThemForReview) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string notes = "Wij verwachten meer vorming. Zorg: tijd.";
  std::string id = create_activity(*coordinator, "Interview", "network", notes);
  std::string code = create_code(*coordinator, "Verwachtingen");
  EXPECT_EQ(coordinator->post("/journal/" + id + "/codings", "code=" + code + "&start=4&end=27").status, 303);
  EXPECT_EQ(coordinator->post("/journal/" + id + "/codings", "code=" + code + "&start=29&end=40").status, 303);

  // The page's edit: text inserted before both; one passage's own text changed.
  auto edited = coordinator->post("/journal/" + id + "/edit",
                                  "type=interview&title=Interview&starts_at=2014-10-07T10%3A00&duration_minutes=75"
                                  "&visibility=network&version=1&notes=" +
                                      http::url_encode("Inleiding é. Wij verwachten méér vorming. Zorg: tijd."));
  ASSERT_EQ(edited.status, 303) << edited.body.substr(0, 1000);
  EXPECT_EQ(count("SELECT start_offset FROM journal_codings WHERE passage = 'Zorg: tijd.'"), 42);
  EXPECT_EQ(count("SELECT text_changed FROM journal_codings WHERE passage = 'Zorg: tijd.'"), 0);
  EXPECT_EQ(count("SELECT text_changed FROM journal_codings WHERE passage = 'verwachten meer vorming'"), 1);
  EXPECT_EQ(audits("journal.coding.reanchor"), 1) << "in the edit's own transaction, with its audit entry";
  auto review = coordinator->get("/journal/coding/review");
  ASSERT_EQ(review.status, 200);
  EXPECT_NE(review.body.find("verwachten meer vorming"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal/" + id).body.find("Tekst gewijzigd"), std::string::npos);

  // The API's edit of the notes re-anchors too: back to the old text, found again.
  auto patched = api("PATCH", "/api/v1/activities/" + id, "coordinator@example.org",
                     json{{"notes", notes}}.dump(), {{"if-match", "\"2\""}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codings WHERE text_changed = 1"), 0);
  EXPECT_EQ(count("SELECT start_offset FROM journal_codings WHERE passage = 'Zorg: tijd.'"), 29);

  // Flagged again, then re-attached to another passage; the other removed.
  api("PATCH", "/api/v1/activities/" + id, "coordinator@example.org", R"({"notes":"Nieuwe tekst. Zorg: tijd."})");
  std::string flagged = text("SELECT id FROM journal_codings WHERE text_changed = 1");
  EXPECT_EQ(coordinator->get("/journal/" + id + "/code?reattach=" + flagged).status, 200);
  EXPECT_EQ(coordinator->post("/journal/coding/codings/" + flagged + "/reattach", "para_start=0&para_end=25&from=0&to=13").status, 303);
  EXPECT_EQ(text("SELECT passage FROM journal_codings WHERE id = '" + flagged + "'"), "Nieuwe tekst.");
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codings WHERE text_changed = 1"), 0);
  std::string other = text("SELECT id FROM journal_codings WHERE id <> '" + flagged + "'");
  EXPECT_EQ(coordinator->post("/journal/coding/codings/" + other + "/delete", "back=review").status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codings"), 1);
  EXPECT_EQ(audits("journal.coding.delete"), 1);
  EXPECT_EQ(audits("journal.coding.reattach"), 1);
}

TEST_P(JournalCodingTest, APartnerNeverSeesAFacilitatorsOnlyPassageAndItsReadsAreAudited) {
  auto facilitator = signed_in("facilitator@example.org");
  std::string secret = create_activity(*facilitator, "Interview vertrouwelijk", "facilitators", "Transcript: zorgen over personeel.");
  std::string open = create_activity(*facilitator, "Partneroverleg", "network", "Iedereen komt graag.");
  std::string team = create_activity(*facilitator, "Intervisie", "team", "Een vader komt niet.", "&team_id=team-jette");
  std::string code = create_code(*facilitator, "Zorgen");
  for (const auto& a : {secret, open, team})
    EXPECT_EQ(facilitator->post("/journal/" + a + "/codings", "code=" + code + "&start=0&end=10").status, 303);

  auto partner = signed_in("partner@example.org");
  auto page = partner->get("/journal/coding/codes/" + code);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Iedereen k"), std::string::npos);
  EXPECT_NE(page.body.find("Een vader "), std::string::npos) << "the partner's own team";
  EXPECT_EQ(page.body.find("Transcript"), std::string::npos);
  EXPECT_EQ(page.body.find("Interview vertrouwelijk"), std::string::npos);
  EXPECT_NE(page.body.find("2 passages"), std::string::npos) << "the count is the partner's too";
  EXPECT_EQ(partner->get("/journal/coding/codes/" + code + "?format=csv").body.find("Transcript"), std::string::npos);
  auto listed = json::parse(api("GET", "/api/v1/codings?code=" + code, "partner@example.org").body);
  EXPECT_EQ(listed["total_items"], 2);
  EXPECT_EQ(listed.dump().find("Transcript"), std::string::npos);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/codings?activity=" + secret, "partner@example.org").body)["total_items"], 0);
  auto chart = partner->get("/journal/coding/frequencies?by=year&format=csv");
  ASSERT_EQ(chart.status, 200);
  EXPECT_NE(chart.body.find("2014,2"), std::string::npos) << chart.body;
  EXPECT_EQ(partner->get("/journal?code=" + code).body.find("Interview vertrouwelijk"), std::string::npos);
  EXPECT_NE(partner->get("/journal?code=" + code).body.find("Partneroverleg"), std::string::npos);
  EXPECT_EQ(audits("journal.coding.read"), 0) << "nothing facilitators-only was shown to the partner";
  // Nor may a partner code or remove codings.
  EXPECT_EQ(partner->post("/journal/" + open + "/codings", "code=" + code + "&start=0&end=3").status, 403);
  EXPECT_EQ(api("POST", "/api/v1/codings", "partner@example.org",
                json{{"code_id", code}, {"activity_id", open}, {"start", 0}, {"end", 3}}.dump()).status, 403);

  auto coordinator = signed_in("coordinator@example.org");
  auto full = coordinator->get("/journal/coding/codes/" + code);
  EXPECT_NE(full.body.find("Transcript"), std::string::npos);
  EXPECT_NE(full.body.find("3 passages"), std::string::npos);
  EXPECT_EQ(audits("journal.coding.read"), 1) << "the coordinator read a facilitators-only passage";
  auto all = coordinator->get("/journal/coding/frequencies?by=year&format=csv");
  EXPECT_NE(all.body.find("2014,3"), std::string::npos) << all.body;
  EXPECT_NE(coordinator->get("/journal/coding/frequencies?by=quarter").body.find("2014-Q4"), std::string::npos);
  EXPECT_NE(coordinator->get("/journal/coding/frequencies?by=team").body.find("Lokaal team Jette"), std::string::npos);
  EXPECT_EQ(coordinator->get("/journal/coding/frequencies?by=week").status, 400);
  EXPECT_EQ(coordinator->get("/journal/coding/codes/" + code + "?format=xlsx").status, 200);
  EXPECT_EQ(audits("journal.coding.export"), 4) << "partner CSV x2, coordinator CSV and XLSX";
}

TEST_P(JournalCodingTest, TheApiCreatesCodesWithVersionsAndCodingsWithCheckedOffsets) {
  auto created = api("POST", "/api/v1/codes", "coordinator@example.org",
                     R"({"label_nl":"Taal","label_fr":"Langue","label_en":"Language","colour":"#0a7d8c"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto c = json::parse(created.body);
  std::string code = c["id"];
  EXPECT_EQ(c["text_colour"], "#ffffff");
  EXPECT_EQ(created.header("ETag"), "\"1\"");
  auto child = api("POST", "/api/v1/codes", "coordinator@example.org",
                   json{{"label_nl", "Meertaligheid"}, {"label_fr", "Multilinguisme"}, {"label_en", "Multilingualism"},
                        {"parent_id", code}}.dump());
  ASSERT_EQ(child.status, 201);
  std::string child_id = json::parse(child.body)["id"];
  auto cycle = api("PUT", "/api/v1/codes/" + code, "coordinator@example.org",
                   json{{"label_nl", "Taal"}, {"label_fr", "Langue"}, {"label_en", "Language"}, {"parent_id", child_id}}.dump());
  EXPECT_EQ(cycle.status, 422);
  EXPECT_EQ(json::parse(cycle.body)["error"]["fields"]["parent_id"],
            "Een code kan niet onder zichzelf of onder een van haar subcodes staan.");
  std::string put = R"({"label_nl":"Taal en meertaligheid","label_fr":"Langue","label_en":"Language","colour":"#0a7d8c"})";
  EXPECT_EQ(api("PUT", "/api/v1/codes/" + code, "coordinator@example.org", put, {{"if-match", "\"7\""}}).status, 412);
  auto updated = api("PUT", "/api/v1/codes/" + code, "coordinator@example.org", put, {{"if-match", "\"1\""}});
  ASSERT_EQ(updated.status, 200);
  EXPECT_EQ(json::parse(updated.body)["version"], 2);
  EXPECT_EQ(api("POST", "/api/v1/codes", "partner@example.org", put).status, 403);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/codes", "partner@example.org").body)["total_items"], 2);
  EXPECT_EQ(api("GET", "/api/v1/codes", "parent@example.org").status, 403);

  auto coordinator = signed_in("coordinator@example.org");
  std::string id = create_activity(*coordinator, "Focusgroep", "facilitators", "Crèche én école 🙂 taal.");
  auto bad = [&](std::int64_t start, std::int64_t end) {
    return api("POST", "/api/v1/codings", "coordinator@example.org",
               json{{"code_id", code}, {"activity_id", id}, {"start", start}, {"end", end}}.dump());
  };
  EXPECT_EQ(bad(0, 100).status, 422);
  EXPECT_EQ(json::parse(bad(5, 2).body)["error"]["fields"]["end"], "Het einde van de passage ligt vóór het begin.");
  EXPECT_EQ(bad(3, 3).status, 422);
  EXPECT_EQ(api("POST", "/api/v1/codings", "coordinator@example.org", R"({"code_id":"nope","activity_id":"nope","start":"0","end":1})").status, 422);
  auto ok = bad(16, 17);  // the emoji: one code point (two UTF-16 units)
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(json::parse(ok.body)["passage"], "🙂");
  std::string coding = json::parse(ok.body)["id"];
  EXPECT_EQ(json::parse(api("GET", "/api/v1/codings?activity=" + id, "coordinator@example.org").body)["total_items"], 1);
  EXPECT_EQ(audits("journal.coding.read"), 1) << "an API read of a facilitators-only passage is audited";
  EXPECT_EQ(api("DELETE", "/api/v1/codings/" + coding, "partner@example.org").status, 403);
  EXPECT_EQ(api("DELETE", "/api/v1/codings/" + coding, "coordinator@example.org").status, 204);
  EXPECT_EQ(api("DELETE", "/api/v1/codings/" + coding, "coordinator@example.org").status, 404);

  // "codable": false makes a grouping code; a coding with it is refused (422 naming code_id); an update
  // without "codable" keeps it, with true makes it codable again; a non-boolean is a field error.
  auto grouping = api("POST", "/api/v1/codes", "coordinator@example.org",
                      R"({"label_nl":"Thema's","label_fr":"Thèmes","label_en":"Themes","codable":false})");
  ASSERT_EQ(grouping.status, 201) << grouping.body;
  EXPECT_EQ(json::parse(grouping.body)["codable"], false);
  std::string theme = json::parse(grouping.body)["id"];
  auto code_it = [&](const std::string& code_id) {
    return api("POST", "/api/v1/codings", "coordinator@example.org",
               json{{"code_id", code_id}, {"activity_id", id}, {"start", 0}, {"end", 6}}.dump());
  };
  auto refused = code_it(theme);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(json::parse(refused.body)["error"]["fields"]["code_id"],
            "Deze code groepeert enkel andere codes (niet codeerbaar): kies een van zijn subcodes.");
  std::string themes = R"({"label_nl":"Thema's","label_fr":"Thèmes","label_en":"Themes")";
  auto kept = api("PUT", "/api/v1/codes/" + theme, "coordinator@example.org", themes + R"(,"version":1})");
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(json::parse(kept.body)["codable"], false);
  EXPECT_EQ(api("PUT", "/api/v1/codes/" + theme, "coordinator@example.org", themes + R"(,"version":2,"codable":"ja"})").status, 422);
  auto codable = api("PUT", "/api/v1/codes/" + theme, "coordinator@example.org", themes + R"(,"version":2,"codable":true})");
  EXPECT_EQ(json::parse(codable.body)["codable"], true);
  EXPECT_EQ(code_it(theme).status, 201);
}

TEST_P(JournalCodingTest, TheDemoCodebookAndCodingsLoadOnceOnTheDemoJournal) {
  demo::load_network(db(), 1000);
  load_demo_journal(db(), 1000);
  load_demo_sources(db(), 1000);  // the guides' answers, coded too
  int added = load_demo_coding(db(), 1000);
  EXPECT_EQ(added, 32 + 20) << "every demo passage was found in its note or answer";
  EXPECT_EQ(load_demo_coding(db(), 2000), 0) << "idempotent";
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codes"), 19);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codes WHERE parent_id IS NULL"), 7);
  // Every stored passage is its source's text (the notes, or its answer) at its code-point offsets.
  auto lease = db().acquire();
  for (const auto& r : lease->exec("SELECT k.passage, k.start_offset, k.end_offset, COALESCE(ans.text, a.notes) "
                                   "FROM journal_codings k JOIN journal_activities a ON a.id = k.activity_id "
                                   "LEFT JOIN journal_answers ans ON ans.id = k.answer_id").rows)
    EXPECT_EQ(cp_substr(r.text(3), r.int64(1), r.int64(2)), r.text(0));
  // The answers of the three demo answer sets are coded, the facilitators-only interview's too.
  EXPECT_EQ(count("SELECT COUNT(DISTINCT s.id) FROM journal_codings k JOIN journal_answers ans ON ans.id = k.answer_id "
                  "JOIN journal_activity_guides s ON s.id = ans.activity_guide_id"), 3);
  // The code page and the frequencies show them: a coordinator sees the interview's answer, a partner does not.
  std::string staff_time = demo::demo_uuid("journal-code:resources.staff_time");
  auto coordinator = signed_in("coordinator@example.org");
  auto page = coordinator->get("/journal/coding/codes/" + staff_time);
  EXPECT_NE(page.body.find("De tijd van de begeleiders"), std::string::npos);
  EXPECT_NE(page.body.find("Antwoord op"), std::string::npos) << "the source is named as an answer";
  auto partner = signed_in("partner@example.org");
  EXPECT_EQ(partner->get("/journal/coding/codes/" + staff_time).body.find("De tijd van de begeleiders"), std::string::npos);
  auto years = lease->exec("SELECT COUNT(DISTINCT a.starts_at / 31536000) FROM journal_codings k "
                           "JOIN journal_activities a ON a.id = k.activity_id").rows.at(0).int64(0);
  EXPECT_GE(years, 3) << "2012, 2014 and 2017 all have coded passages";
}

TEST_P(JournalCodingTest, FrequenciesFollowCodingsEditsAndArchivesOfActivities) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string a = create_activity(*coordinator, "Partneroverleg", "network", "Ouders komen graag.");
  std::string b = create_activity(*coordinator, "Intervisie", "network", "Ouders komen niet.");
  std::string code = create_code(*coordinator, "Ouders");
  std::string child = create_code(*coordinator, "Ouders komen", code);
  EXPECT_EQ(coordinator->post("/journal/" + a + "/codings", "code=" + code + "&code=" + child + "&start=0&end=6").status, 303);
  EXPECT_EQ(coordinator->post("/journal/" + b + "/codings", "code=" + child + "&start=0&end=6").status, 303);
  auto csv = [&](const std::string& by) { return coordinator->get("/journal/coding/frequencies?by=" + by + "&format=csv").body; };
  EXPECT_NE(csv("year").find("2014,3"), std::string::npos) << "a child's passages count for its top-level code: " << csv("year");
  EXPECT_NE(csv("quarter").find("2014-Q4,3"), std::string::npos);
  EXPECT_NE(csv("type").find("Semigestructureerd interview,3"), std::string::npos) << csv("type");

  // Moved to another year, team and type: the counts follow, in the edit's transaction.
  auto moved = coordinator->post("/journal/" + b + "/edit",
                                 "type=focus_group&title=Intervisie&starts_at=2017-03-16T13%3A30&duration_minutes=75"
                                 "&visibility=team&team_id=team-jette&version=1&notes=" + http::url_encode("Ouders komen niet."));
  ASSERT_EQ(moved.status, 303) << moved.body.substr(0, 800);
  EXPECT_NE(csv("year").find("2014,2"), std::string::npos) << csv("year");
  EXPECT_NE(csv("year").find("2017,1"), std::string::npos);
  EXPECT_NE(csv("team").find("Lokaal team Jette,1"), std::string::npos) << csv("team");
  // The team's partner sees the team's passage; a parent representative reads no codebook.
  auto partner = signed_in("partner@example.org");
  EXPECT_NE(partner->get("/journal/coding/frequencies?by=year&format=csv").body.find("2017,1"), std::string::npos);

  // Archived: off the chart; restored: back.
  EXPECT_EQ(coordinator->post("/journal/" + a + "/archive", "version=1").status, 303);
  EXPECT_EQ(csv("year").find("2014,"), std::string::npos) << csv("year");
  EXPECT_EQ(coordinator->post("/journal/" + a + "/restore", "version=2").status, 303);
  EXPECT_NE(csv("year").find("2014,2"), std::string::npos) << csv("year");

  // The kept counts are what a recount from the codings gives.
  std::string before = csv("quarter") + csv("type") + csv("team");
  EXPECT_GT(store::in_transaction(db(), [](store::Connection& c) { return rebuild_coding_counts(c); }), 0);
  EXPECT_EQ(csv("quarter") + csv("type") + csv("team"), before);
  // Removing a coding takes it off.
  std::string one = text("SELECT id FROM journal_codings WHERE activity_id = '" + b + "'");
  EXPECT_EQ(coordinator->post("/journal/coding/codings/" + one + "/delete", "").status, 303);
  EXPECT_EQ(csv("year").find("2017,"), std::string::npos) << csv("year");
}

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

TEST_P(JournalCodingTest, TheQdpxExportValidatesAndKeepsEveryPassageTrueToItsSource) {
  std::string xsd = samen::testing::source_dir() + "/../shared/refi-qda/Project.xsd";
  if (!std::ifstream(xsd) || std::system("xmllint --version >/dev/null 2>&1") != 0) {
    if (testing::in_ci()) FAIL() << "needs " << xsd << " and xmllint";
    GTEST_SKIP() << "needs " << xsd << " and xmllint";
  }
  demo::load_network(db(), 1000);
  load_demo_journal(db(), 1000);
  load_demo_sources(db(), 1000);
  load_demo_coding(db(), 1000);
  auto res = api("GET", "/api/v1/project.qdpx", "coordinator@example.org");
  ASSERT_EQ(res.status, 200) << res.body.substr(0, 500);
  EXPECT_EQ(res.header("Content-Type"), "application/zip");
  auto files = unzip(res.body);
  ASSERT_TRUE(files.contains("project.qde"));
  const std::string& qde = files["project.qde"];
  auto path = test_db().scratch() / "project.qde";
  std::ofstream(path) << qde;
  EXPECT_EQ(std::system(("xmllint --noout --schema " + xsd + " " + path.string() + " 2>" + path.string() + ".err").c_str()), 0)
      << std::ifstream(path.string() + ".err").rdbuf();

  // Every selection's offsets, read in its source text, give the coded passage.
  std::multiset<std::string> passages;
  for (const auto& r : db().acquire()->exec("SELECT passage FROM journal_codings").rows) passages.insert(r.text(0));
  static const std::regex source(R"re(<TextSource guid="([^"]+)"[^>]*plainTextPath="internal://([^"]+)")re");
  static const std::regex selection(R"re(<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)")re");
  std::size_t checked = 0;
  auto sources = std::sregex_iterator(qde.begin(), qde.end(), source);
  for (auto it = sources; it != std::sregex_iterator(); ++it) {
    auto next = std::next(it);
    std::size_t from = it->position(), to = next == std::sregex_iterator() ? qde.size() : next->position();
    ASSERT_TRUE(files.contains("sources/" + (*it)[2].str())) << (*it)[2];
    const std::string& textfile = files["sources/" + (*it)[2].str()];
    std::string block = qde.substr(from, to - from);
    for (auto s = std::sregex_iterator(block.begin(), block.end(), selection); s != std::sregex_iterator(); ++s) {
      std::string coded = cp_substr(textfile, std::stoll((*s)[1]), std::stoll((*s)[2]));
      EXPECT_TRUE(passages.contains(coded)) << "«" << coded << "» is no coded passage";
      ++checked;
    }
  }
  EXPECT_EQ(checked, passages.size()) << "every coding is in the project";
  EXPECT_NE(qde.find("<Code "), std::string::npos);
  EXPECT_NE(qde.find("Warme overgangen"), std::string::npos) << "code names in the reader's language";
  EXPECT_NE(qde.find("<NoteRef "), std::string::npos) << "the memo is a note of its code";

  // A partner's project holds no facilitators-only transcript, in any file.
  auto partner = unzip(api("GET", "/api/v1/project.qdpx", "partner@example.org").body);
  ASSERT_TRUE(partner.contains("project.qde"));
  EXPECT_LT(partner.size(), files.size());
  for (const auto& [name, content] : partner) {
    EXPECT_EQ(content.find("vertrouwelijk"), std::string::npos) << name;
    EXPECT_EQ(content.find("confidentielle"), std::string::npos) << name;
  }
  EXPECT_EQ(api("GET", "/api/v1/project.qdpx", "parent@example.org").status, 403);
  EXPECT_EQ(audits("journal.coding.export"), 2);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(JournalCodingTest);

}  // namespace
}  // namespace samen::journal
