// The journal's sources through the whole pipeline on both databases:
// attachments (multipart upload with CSRF, 25 MB and type-by-content limits
// with nothing stored on refusal, downloads with nosniff, archive, the API
// with raw bodies, the upload route's body limit), guides whose questions
// keep their ids, answer sets whose own visibility a partner cannot get
// around (and whose reads are audited), the expectations register per role,
// activity types archived but kept on old activities, follow-up edits with
// conflicts, restore through the API, exports that say they were cut, and
// the demo data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/sessions.hpp"
#include "demo/demo.hpp"
#include "documents/download.hpp"
#include "documents/table.hpp"
#include "journal/demo.hpp"
#include "journal/demo_sources.hpp"
#include "journal/sources.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::journal {
namespace {

using accounts::Role;
using nlohmann::json;

const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const std::string kExe = std::string("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", 14) + "This program cannot be run";
constexpr const char* kBoundary = "----samen-test-boundary";

std::string multipart(const std::string& csrf, const std::string& file_name, const std::string& bytes) {
  std::string b = std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf +
                  "\r\n--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
                  "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
  b += bytes;
  b += std::string("\r\n--") + kBoundary + "--\r\n";
  return b;
}

class SourcesTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    {
      auto lease = db().acquire();
      auto& c = *lease;
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'Kinderdagverblijf De Vlinder', 1, 1), "
             "('org-b', 'Crèche Les Petits Pas', 1, 1)");
      c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-jette', 'Lokaal team Jette', 'local_team', 1, 1)");
      c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-a')");
    }
    testing::add_test_user(db(), "admin@example.org", Role::admin);
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator, {}, "Lotte Coördinator");
    facilitator_id_ = testing::add_test_user(db(), "facilitator@example.org", Role::facilitator, {}, "Pieter Begeleider");
    partner_id_ = testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"}, "Sanne Partner");
    testing::add_test_user(db(), "other@example.org", Role::partner, {"org-b"}, "Julien Ailleurs");
    testing::add_test_user(db(), "parent@example.org", Role::parent_rep, {}, "Fatima Ouder");
    app_ = testing::make_test_app(test_db(), 4);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::unique_ptr<testing::AppClient> signed_in(const std::string& email, const std::string& lang = "nl") {
    auto c = std::make_unique<testing::AppClient>(*app_, lang);
    EXPECT_EQ(c->login(email, testing::kTestPassword).status, 303);
    c->get("/journal");
    return c;
  }
  http::Response api(const std::string& method, const std::string& path, const std::string& email,
                     const std::string& body = "", const std::string& type = "application/json", http::Headers extra = {}) {
    std::string token;
    {
      auto lease = db().acquire();
      token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, email)->id, "t", 1000);
    }
    testing::AppClient client(*app_, "nl");
    extra.emplace_back("authorization", "Bearer " + token);
    return client.request(method, path, body, body.empty() ? "" : type, extra);
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }
  std::string text(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).text(0); }
  std::string create(testing::AppClient& client, const std::string& title, const std::string& visibility,
                     const std::string& type = "interview") {
    auto r = client.post("/journal/new", "type=" + type + "&title=" + http::url_encode(title) +
                                             "&starts_at=2014-10-07T10%3A00&duration_minutes=75&visibility=" + visibility);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 1500);
    std::string location = r.header("Location").value_or("");
    return location.substr(9, location.find('?') - 9);
  }
  http::Response upload(testing::AppClient& client, const std::string& id, const std::string& name,
                        const std::string& bytes) {
    client.get("/journal/" + id);
    return client.request("POST", "/journal/" + id + "/attachments", multipart(client.csrf(), name, bytes),
                          std::string("multipart/form-data; boundary=") + kBoundary);
  }
  // Creates a guide through the form; returns its id.
  std::string create_guide(testing::AppClient& client, const std::string& title, const std::vector<std::string>& questions) {
    client.get("/journal/sources/guides/new");
    std::string body = "kind=interview&language=nl&title=" + http::url_encode(title);
    for (std::size_t i = 0; i < questions.size(); ++i)
      body += "&question_id=&question_text=" + http::url_encode(questions[i]) + "&question_position=" + std::to_string(i + 1);
    auto r = client.post("/journal/sources/guides/new", body);
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 1500);
    std::string location = r.header("Location").value_or("");
    return location.substr(24, location.find('?') - 24);
  }

  std::int64_t partner_id_ = 0, facilitator_id_ = 0;
  std::unique_ptr<app::App> app_;
};

// ---- attachments ---------------------------------------------------------------------------

TEST_P(SourcesTest, AFileIsStoredWithItsChecksumAndServedAsADownloadToThoseWhoSeeTheActivity) {
  auto facilitator = signed_in("facilitator@example.org");
  std::string secret = create(*facilitator, "Interview De Vlinder", "facilitators");
  auto r = upload(*facilitator, secret, "transcript.exe", kPdf);  // the name lies, the content decides
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 1500);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_attachments"), 1);
  EXPECT_EQ(text("SELECT media_type FROM documents_attachments"), "application/pdf");
  EXPECT_EQ(text("SELECT file_name FROM documents_attachments"), "transcript.exe.pdf");
  std::string sha = text("SELECT sha256 FROM documents_attachments");
  EXPECT_EQ(sha.size(), 64u);
  std::string file_id = text("SELECT id FROM journal_attachments");
  EXPECT_EQ(testing::audit_count(db(), "journal.attachment.upload"), 1);

  auto page = facilitator->get("/journal/" + secret);
  EXPECT_NE(page.body.find("transcript.exe.pdf"), std::string::npos);
  EXPECT_NE(page.body.find(sha), std::string::npos) << "the checksum is listed";
  EXPECT_NE(page.body.find("Pieter Begeleider"), std::string::npos) << "the uploader is listed";

  auto download = facilitator->get("/journal/" + secret + "/attachments/" + file_id);
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, kPdf);
  EXPECT_EQ(download.header("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_EQ(download.header("Content-Disposition").value_or("").rfind("attachment;", 0), 0u);
  EXPECT_EQ(download.header("Content-Type").value_or(""), "application/pdf");
  EXPECT_EQ(testing::audit_count(db(), "journal.attachment.read"), 1) << "a facilitators-only file's reader is audited";

  // A partner reaches it through no path.
  auto partner = signed_in("partner@example.org");
  EXPECT_EQ(partner->get("/journal/" + secret + "/attachments/" + file_id).status, 404);
  EXPECT_EQ(api("GET", "/api/v1/activities/" + secret + "/attachments", "partner@example.org").status, 404);
  EXPECT_EQ(api("GET", "/api/v1/activities/" + secret + "/attachments/" + file_id, "partner@example.org").status, 404);
  EXPECT_EQ(api("GET", "/api/v1/activities/" + secret + "/attachments/" + file_id, "parent@example.org").status, 404);
  auto listed = api("GET", "/api/v1/activities/" + secret + "/attachments", "coordinator@example.org");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(json::parse(listed.body)["contents"][0]["sha256"], sha);

  // Archived by an editor: gone from the list, kept for restoring.
  facilitator->get("/journal/" + secret);
  EXPECT_EQ(facilitator->post("/journal/" + secret + "/attachments/" + file_id + "/archive", "").status, 303);
  EXPECT_EQ(facilitator->get("/journal/" + secret).body.find(sha), std::string::npos);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/activities/" + secret + "/attachments", "admin@example.org").body)["total_items"], 0);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/activities/" + secret + "/attachments?archived=true", "admin@example.org").body)["total_items"], 1);
  EXPECT_EQ(testing::audit_count(db(), "journal.attachment.archive"), 1);
}

TEST_P(SourcesTest, ATooLargeOrRefusedFileIsAnsweredInTheUsersLanguageAndNothingIsStored) {
  auto facilitator = signed_in("facilitator@example.org", "fr");
  facilitator->get("/journal?lang=fr");  // the account's language becomes French
  std::string id = create(*facilitator, "Groupe focal", "network", "focus_group");
  std::string big(documents::kMaxAttachmentBytes + 1, 'a');
  auto r = upload(*facilitator, id, "notes.txt", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body.find("25 Mo"), std::string::npos) << "the message is the user's language (French)";
  r = upload(*facilitator, id, "setup.pdf", kExe);
  EXPECT_EQ(r.status, 415);
  EXPECT_NE(r.body.find("Rien n&#39;a été enregistré"), std::string::npos);
  r = upload(*facilitator, id, "empty.txt", "");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents_attachments"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_attachments"), 0);
  EXPECT_EQ(testing::audit_count(db(), "journal.attachment.upload"), 0);
  // A form without the CSRF token is refused before anything is read.
  auto no_csrf = facilitator->request("POST", "/journal/" + id + "/attachments", multipart("", "a.pdf", kPdf),
                                      std::string("multipart/form-data; boundary=") + kBoundary);
  EXPECT_EQ(no_csrf.status, 403);
  // Exactly 25 MB is accepted.
  EXPECT_EQ(upload(*facilitator, id, "notes.txt", std::string(documents::kMaxAttachmentBytes, 'a')).status, 303);
}

TEST_P(SourcesTest, TheUploadRoutesReadAtMostTheFileAndItsEnvelope) {
  auto session = [&](const std::string& email) {
    auto lease = db().acquire();
    return accounts::create_session(*lease, accounts::find_user_by_email(*lease, email)->id, "192.0.2.10", app::unix_now());
  };
  http::Request head;
  head.method = "POST";
  head.path = "/journal/some-activity/attachments";
  head.headers.emplace_back("content-length", std::to_string(documents::kUploadBodyLimit + 1));
  head.headers.emplace_back("cookie", "samen_session=" + session("partner@example.org"));
  auto policy = app_->body_policy_for(head);
  EXPECT_EQ(policy.limit, documents::kUploadBodyLimit) << "a bounded limit (the server answers 413 past it, reading no further)";
  EXPECT_EQ(policy.refuse, 0);
  head.headers.back().second = "samen_session=" + session("parent@example.org");
  EXPECT_EQ(app_->body_policy_for(head).refuse, 403) << "a caller who may not upload is refused before the body";
  http::Request api_head;
  api_head.method = "POST";
  api_head.path = "/api/v1/activities/x/attachments";
  EXPECT_EQ(app_->body_policy_for(api_head).limit, 0u) << "no token: the default limit";
  EXPECT_LT(documents::kUploadBodyLimit, documents::kMaxAttachmentBytes + 1024 * 1024);
}

TEST_P(SourcesTest, AnUploadTheServerStoppedReadingIsRefusedInTheCallersOwnLanguage) {
  std::string sid;
  {
    auto lease = db().acquire();
    auto user = accounts::find_user_by_email(*lease, "facilitator@example.org");
    accounts::update_profile(*lease, user->id, user->name, "fr", 1000);
    sid = accounts::create_session(*lease, user->id, "192.0.2.10", app::unix_now());
  }
  http::Request head;
  head.method = "POST";
  head.path = "/journal/some-activity/attachments";
  head.headers.emplace_back("accept-language", "en");
  head.headers.emplace_back("cookie", "samen_session=" + sid);
  auto r = app_->transport_error(413, head);
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body.find("Rien n&#39;a été enregistré"), std::string::npos) << "the account's French, not the header's English";
  head.path = "/journal";
  head.headers.pop_back();
  EXPECT_NE(app_->transport_error(413, head).body.find("The request is too large"), std::string::npos)
      << "another route, anonymous: the header's language and the general message";
}

TEST_P(SourcesTest, TheApiTakesARawBodyListsDownloadsArchivesAndRestoresActivities) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string id = create(*coordinator, "Partneroverleg", "network", "partner_meeting");
  auto r = api("POST", "/api/v1/activities/" + id + "/attachments", "partner@example.org", kPdf, "application/pdf",
               {{"x-filename", "verslag%20juni.pdf"}});
  EXPECT_EQ(r.status, 403) << "a partner uploads only to activities they may edit";
  r = api("POST", "/api/v1/activities/" + id + "/attachments", "facilitator@example.org", kPdf, "application/pdf",
          {{"x-filename", "verslag%20juni.pdf"}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto file = json::parse(r.body);
  EXPECT_EQ(file["file_name"], "verslag juni.pdf");
  EXPECT_EQ(file["size_bytes"], static_cast<std::int64_t>(kPdf.size()));
  EXPECT_EQ(r.header("Location").value_or(""), file["download_url"].get<std::string>());
  auto refused = api("POST", "/api/v1/activities/" + id + "/attachments", "facilitator@example.org", kExe,
                     "application/pdf", {{"x-filename", "a.pdf"}});
  EXPECT_EQ(refused.status, 415);
  EXPECT_EQ(json::parse(refused.body)["error"]["code"], "unsupported_media_type");
  auto nameless = api("POST", "/api/v1/activities/" + id + "/attachments", "facilitator@example.org", kPdf, "application/pdf");
  EXPECT_EQ(nameless.status, 422);
  // Multipart works too.
  auto mp = api("POST", "/api/v1/activities/" + id + "/attachments", "facilitator@example.org",
                multipart("", "foto.txt", "Zaalfoto volgt\n"), std::string("multipart/form-data; boundary=") + kBoundary);
  EXPECT_EQ(mp.status, 201) << mp.body;
  EXPECT_EQ(json::parse(api("GET", "/api/v1/activities/" + id + "/attachments", "parent@example.org").body)["total_items"], 2);
  auto download = api("GET", file["download_url"], "parent@example.org");
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, kPdf);
  EXPECT_EQ(download.header("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_EQ(api("DELETE", file["download_url"], "partner@example.org").status, 403);
  auto deleted = api("DELETE", file["download_url"], "coordinator@example.org");
  ASSERT_EQ(deleted.status, 200);
  EXPECT_FALSE(json::parse(deleted.body)["archived_at"].is_null());
  EXPECT_EQ(api("GET", file["download_url"], "parent@example.org").status, 404) << "an archived file is the editors' only";

  // Restore through the API.
  EXPECT_EQ(api("DELETE", "/api/v1/activities/" + id, "coordinator@example.org").status, 200);
  auto stale = api("POST", "/api/v1/activities/" + id + "/restore", "coordinator@example.org", "", "",
                   {{"if-match", "\"1\""}});
  EXPECT_EQ(stale.status, 412);
  auto restored = api("POST", "/api/v1/activities/" + id + "/restore", "coordinator@example.org");
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_TRUE(json::parse(restored.body)["archived_at"].is_null());
  EXPECT_EQ(testing::audit_count(db(), "journal.activity.restore"), 1);
}

// ---- guides and answer sets ----------------------------------------------------------------

TEST_P(SourcesTest, AGuidesQuestionsKeepTheirIdsWhenReorderedRewordedOrRemoved) {
  auto facilitator = signed_in("facilitator@example.org");
  std::string guide = create_guide(*facilitator, "Interviewleidraad", {"Wat verwacht u?", "Wat brengt u in?", "Zorgen?"});
  auto ids = [&] {
    std::vector<std::string> out;
    for (const auto& r : db().acquire()->exec("SELECT id FROM journal_guide_questions WHERE guide_id = ? AND archived_at IS NULL "
                                              "ORDER BY position", {guide}).rows)
      out.push_back(r.text(0));
    return out;
  };
  auto before = ids();
  ASSERT_EQ(before.size(), 3u);
  facilitator->get("/journal/sources/guides/" + guide + "/edit");
  // The second question first, the first reworded, the third removed.
  std::string body = "kind=interview&language=nl&title=Interviewleidraad&version=1"
                     "&question_id=" + before[0] + "&question_text=Wat+verwacht+u+van+het+netwerk%3F&question_position=2"
                     "&question_id=" + before[1] + "&question_text=Wat+brengt+u+in%3F&question_position=1"
                     "&question_id=" + before[2] + "&question_text=&question_position=3";
  EXPECT_EQ(facilitator->post("/journal/sources/guides/" + guide + "/edit", body).status, 303);
  auto after = ids();
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0], before[1]);
  EXPECT_EQ(after[1], before[0]);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_guide_questions WHERE archived_at IS NOT NULL"), 1) << "removed = archived";
  // A second editor who read version 1 gets a conflict, with their input kept.
  auto stale = facilitator->post("/journal/sources/guides/" + guide + "/edit",
                                 "kind=interview&language=nl&title=Mijn+titel&version=1&question_id=&question_text=Nieuw&question_position=1");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Mijn titel"), std::string::npos);
  EXPECT_EQ(text("SELECT title FROM journal_guides"), "Interviewleidraad");
  EXPECT_NE(facilitator->get("/journal/sources/guides/" + guide).body.find("Wat verwacht u van het netwerk?"), std::string::npos);
  // Partners read guides but do not write them.
  auto partner = signed_in("partner@example.org");
  EXPECT_EQ(partner->get("/journal/sources/guides").status, 200);
  EXPECT_EQ(partner->get("/journal/sources/guides/new").status, 403);
}

TEST_P(SourcesTest, AnInterviewsAnswersAreForFacilitatorsByDefaultAndAPartnerCannotReachThem) {
  auto facilitator = signed_in("facilitator@example.org");
  std::string guide = create_guide(*facilitator, "Leidraad verwachtingen", {"Wat verwacht u?", "Waar maakt u zich zorgen over?"});
  std::string activity = create(*facilitator, "Interview De Vlinder", "network");
  facilitator->get("/journal/" + activity);
  auto attached = facilitator->post("/journal/" + activity + "/guides", "guide_id=" + guide);
  ASSERT_EQ(attached.status, 303) << attached.body.substr(0, 1500);
  std::string set = text("SELECT id FROM journal_activity_guides");
  EXPECT_EQ(text("SELECT visibility FROM journal_activity_guides"), "facilitators") << "interviews default to facilitators";
  auto questions = db().acquire()->exec("SELECT id FROM journal_guide_questions ORDER BY position").rows;
  std::string q1 = questions.at(0).text(0), q2 = questions.at(1).text(0);
  facilitator->get("/journal/" + activity + "/guides/" + set + "/edit");
  auto saved = facilitator->post("/journal/" + activity + "/guides/" + set + "/edit",
                                 "version=1&visibility=facilitators&answer_" + q1 + "=" +
                                     http::url_encode("Meer **samen leren**<script>alert(1)</script>") + "&answer_" + q2 +
                                     "=" + http::url_encode("Personeelstekort"));
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 1500);
  std::string answer_id = text("SELECT id FROM journal_answers WHERE question_id = '" + q1 + "'");

  auto page = facilitator->get("/journal/" + activity + "/guides/" + set);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<strong>samen leren</strong>"), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert"), std::string::npos) << "Markdown in safe mode";
  EXPECT_EQ(testing::audit_count(db(), "journal.answer_set.read"), 2) << "the form and the page were read";

  for (const char* email : {"partner@example.org", "parent@example.org"}) {
    auto reader = signed_in(email);
    auto activity_page = reader->get("/journal/" + activity);
    ASSERT_EQ(activity_page.status, 200) << "the activity itself is for the network";
    EXPECT_EQ(activity_page.body.find("Leidraad verwachtingen"), std::string::npos) << email << " sees the answer set listed";
    EXPECT_EQ(reader->get("/journal/" + activity + "/guides/" + set).status, 404) << email;
    EXPECT_EQ(reader->get("/journal/" + activity + "/guides/" + set + "/edit").status,
              std::string(email) == "parent@example.org" ? 403 : 404);
  }
  EXPECT_EQ(testing::audit_count(db(), "journal.answer_set.read"), 2) << "refused reads are no reads";

  // Opened to the network: the answer keeps its id (a coded passage will point at it).
  facilitator->get("/journal/" + activity + "/guides/" + set + "/edit");
  EXPECT_EQ(facilitator->post("/journal/" + activity + "/guides/" + set + "/edit",
                              "version=2&visibility=network&answer_" + q1 + "=" + http::url_encode("Meer samen leren") +
                                  "&answer_" + q2 + "=Personeelstekort").status,
            303);
  EXPECT_EQ(text("SELECT id FROM journal_answers WHERE question_id = '" + q1 + "'"), answer_id);
  EXPECT_EQ(text("SELECT text FROM journal_answers WHERE id = '" + answer_id + "'"), "Meer samen leren");
  EXPECT_EQ(signed_in("partner@example.org")->get("/journal/" + activity + "/guides/" + set).status, 200);
  // An editor who read version 2 meanwhile gets a conflict, with what they typed kept.
  auto stale = facilitator->post("/journal/" + activity + "/guides/" + set + "/edit",
                                 "version=2&visibility=network&answer_" + q2 + "=Mijn+eigen+notitie");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Mijn eigen notitie"), std::string::npos);
}

TEST_P(SourcesTest, AnAnswerSetIsNeverLessStrictThanItsActivity) {
  auto facilitator = signed_in("facilitator@example.org");
  std::string guide = create_guide(*facilitator, "Leidraad", {"Vraag?"});
  std::string secret = create(*facilitator, "Vertrouwelijk gesprek", "facilitators", "focus_group");
  facilitator->get("/journal/" + secret);
  EXPECT_EQ(facilitator->post("/journal/" + secret + "/guides", "guide_id=" + guide + "&visibility=network").status, 422);
  EXPECT_EQ(facilitator->post("/journal/" + secret + "/guides", "guide_id=" + guide + "&visibility=team").status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_activity_guides"), 0);
  EXPECT_EQ(facilitator->post("/journal/" + secret + "/guides", "guide_id=" + guide).status, 303);
  EXPECT_EQ(text("SELECT visibility FROM journal_activity_guides"), "facilitators");
  EXPECT_FALSE(at_least_as_strict("network", "team"));
  EXPECT_TRUE(at_least_as_strict("facilitators", "network"));
  Activity a;
  a.visibility = "network";
  EXPECT_FALSE(valid_set_visibility("team", a)) << "team needs the activity's team";
  a.team_id = "team-jette";
  EXPECT_TRUE(valid_set_visibility("team", a));
}

// ---- the expectations register -------------------------------------------------------------

TEST_P(SourcesTest, PartnersWriteTheirOwnOrganisationsEntriesAndTheRegisterShowsThemSideBySideAndOverTime) {
  auto partner = signed_in("partner@example.org");
  partner->get("/journal/sources/expectations/new");
  auto own = partner->post("/journal/sources/expectations/new",
                           "organization_id=org-a&round=Start+2014&captured_on=2014-10-07&expects=Samen+leren&brings=Ruimte&worries=Tijd");
  EXPECT_EQ(own.status, 303) << own.body.substr(0, 1500);
  auto other = partner->post("/journal/sources/expectations/new",
                             "organization_id=org-b&round=Start+2014&captured_on=2014-10-07&expects=Iets");
  EXPECT_EQ(other.status, 422);
  EXPECT_NE(other.body.find("eigen organisatie"), std::string::npos);
  auto empty = partner->post("/journal/sources/expectations/new", "organization_id=org-a&round=Ronde+2017&captured_on=2017-13-01");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_expectations"), 1);

  auto facilitator = signed_in("facilitator@example.org");
  facilitator->get("/journal/sources/expectations/new");
  for (const char* body : {"organization_id=org-b&round=Start+2014&captured_on=2014-10-14&expects=Lien+avec+l%27%C3%A9cole",
                           "organization_id=org-a&round=Ronde+2017&captured_on=2017-01-26&expects=Lerend+netwerk",
                           "organization_id=org-b&round=Ronde+2017&captured_on=2017-04-25&worries=Vertrouwelijke+zorg&visibility=facilitators"})
    EXPECT_EQ(facilitator->post("/journal/sources/expectations/new", body).status, 303) << body;

  auto side = partner->get("/journal/sources/expectations");
  ASSERT_EQ(side.status, 200);
  auto kickoff = side.body.find("Start 2014"), later = side.body.find("Ronde 2017");
  ASSERT_NE(kickoff, std::string::npos);
  ASSERT_NE(later, std::string::npos);
  EXPECT_LT(kickoff, later) << "rounds in time";
  EXPECT_NE(side.body.find("Lien avec l"), std::string::npos) << "organisations side by side";
  EXPECT_EQ(side.body.find("Vertrouwelijke zorg"), std::string::npos) << "a facilitators-only entry stays hidden";
  EXPECT_EQ(partner->get("/journal/sources/expectations?format=csv").body.find("Vertrouwelijke zorg"), std::string::npos);
  EXPECT_NE(facilitator->get("/journal/sources/expectations?format=csv").body.find("Vertrouwelijke zorg"), std::string::npos);
  EXPECT_EQ(facilitator->get("/journal/sources/expectations?format=xlsx").status, 200);
  auto time = partner->get("/journal/sources/expectations?view=time&organization=org-a");
  EXPECT_NE(time.body.find("Lerend netwerk"), std::string::npos);
  EXPECT_EQ(time.body.find("Lien avec"), std::string::npos) << "filtered to one organisation";
  auto team = partner->get("/journal/sources/expectations?team=team-jette");
  EXPECT_EQ(team.body.find("Lien avec"), std::string::npos) << "org-b is not in the Jette team";

  // Editing: the partner only their own; a stale version is a conflict with the input kept.
  std::string own_id = text("SELECT id FROM journal_expectations WHERE organization_id = 'org-a' AND round = 'Start 2014'");
  std::string b_id = text("SELECT id FROM journal_expectations WHERE organization_id = 'org-b' AND round = 'Start 2014'");
  EXPECT_EQ(partner->get("/journal/sources/expectations/" + b_id + "/edit").status, 403);
  EXPECT_EQ(signed_in("other@example.org")->get("/journal/sources/expectations/" + own_id + "/edit").status, 403);
  partner->get("/journal/sources/expectations/" + own_id + "/edit");
  std::string edit = "organization_id=org-a&round=Start+2014&captured_on=2014-10-07&expects=Samen+leren+en+vorming&version=1";
  EXPECT_EQ(partner->post("/journal/sources/expectations/" + own_id + "/edit", edit).status, 303);
  auto stale = partner->post("/journal/sources/expectations/" + own_id + "/edit",
                             "organization_id=org-a&round=Start+2014&captured_on=2014-10-07&expects=Mijn+versie&version=1");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Mijn versie"), std::string::npos);
  EXPECT_EQ(text("SELECT expects FROM journal_expectations WHERE id = '" + own_id + "'"), "Samen leren en vorming");
  EXPECT_EQ(testing::audit_count(db(), "journal.expectation.update"), 1);
  EXPECT_EQ(signed_in("parent@example.org")->get("/journal/sources/expectations/new").status, 403);
}

// ---- activity types, follow-ups ------------------------------------------------------------

TEST_P(SourcesTest, AnArchivedTypeStaysOnOldActivitiesButIsNotOfferedForNewOnes) {
  auto admin = signed_in("admin@example.org");
  admin->get("/admin/journal/activity-types");
  EXPECT_EQ(admin->post("/admin/journal/activity-types", "code=Home+Visit&label_nl=a&label_fr=b&label_en=c").status, 422);
  EXPECT_EQ(admin->post("/admin/journal/activity-types",
                        "code=home_visit&label_nl=Huisbezoek&label_fr=Visite+%C3%A0+domicile&label_en=Home+visit").status,
            303);
  EXPECT_EQ(admin->post("/admin/journal/activity-types", "code=home_visit&label_nl=x&label_fr=y&label_en=z").status, 409);
  EXPECT_NE(admin->get("/journal/new").body.find("Huisbezoek"), std::string::npos);
  std::string id = create(*admin, "Huisbezoek bij de familie", "network", "home_visit");
  admin->get("/admin/journal/activity-types");
  EXPECT_EQ(admin->post("/admin/journal/activity-types/home_visit",
                        "action=save&label_nl=Bezoek+thuis&label_fr=Visite&label_en=Visit&sort_order=5").status, 303);
  EXPECT_EQ(admin->post("/admin/journal/activity-types/home_visit", "action=archive").status, 303);
  EXPECT_EQ(testing::audit_count(db(), "journal.activity_type."), 3);
  EXPECT_EQ(admin->get("/journal/new").body.find("Bezoek thuis"), std::string::npos) << "not offered for new ones";
  EXPECT_NE(admin->get("/journal/" + id).body.find("Bezoek thuis"), std::string::npos) << "its label stays";
  auto edit = admin->get("/journal/" + id + "/edit");
  EXPECT_NE(edit.body.find("Bezoek thuis"), std::string::npos) << "the old activity keeps it in its form";
  auto saved = admin->post("/journal/" + id + "/edit", "type=home_visit&title=Huisbezoek+bij+de+familie&starts_at=2014-10-07T10%3A00"
                                                       "&duration_minutes=90&visibility=network&version=1");
  EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 1500);
  auto other = admin->post("/journal/new", "type=home_visit&title=Nieuw&starts_at=2014-10-07T10%3A00&duration_minutes=60&visibility=network");
  EXPECT_EQ(other.status, 422) << "an archived type cannot start a new activity";
  EXPECT_EQ(signed_in("coordinator@example.org")->get("/admin/journal/activity-types").status, 403);
}

TEST_P(SourcesTest, AFollowUpsTextOwnerAndDueDateAreEditedWithOptimisticLocking) {
  auto coordinator = signed_in("coordinator@example.org");
  std::string id = create(*coordinator, "Partneroverleg", "network", "partner_meeting");
  coordinator->get("/journal/" + id);
  ASSERT_EQ(coordinator->post("/journal/" + id + "/follow-ups", "text=Zaal+boeken&due_date=2030-01-10").status, 303);
  std::string fu = text("SELECT id FROM journal_follow_ups");
  EXPECT_NE(coordinator->get("/journal/" + id).body.find("/journal/follow-ups/" + fu + "/edit"), std::string::npos);
  coordinator->get("/journal/follow-ups/" + fu + "/edit");
  auto saved = coordinator->post("/journal/follow-ups/" + fu + "/edit", "version=1&text=Grote+zaal+boeken&due_date=2030-02-01&owner_id=" +
                                                                        std::to_string(facilitator_id_));
  EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 1500);
  EXPECT_EQ(text("SELECT text FROM journal_follow_ups"), "Grote zaal boeken");
  EXPECT_EQ(text("SELECT due_date FROM journal_follow_ups"), "2030-02-01");
  EXPECT_EQ(count("SELECT owner_id FROM journal_follow_ups"), facilitator_id_);
  auto stale = coordinator->post("/journal/follow-ups/" + fu + "/edit", "version=1&text=Mijn+tekst&due_date=");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Mijn tekst"), std::string::npos);
  EXPECT_EQ(coordinator->post("/journal/follow-ups/" + fu + "/edit", "version=2&text=&due_date=2030-02-30").status, 422);
  EXPECT_EQ(text("SELECT text FROM journal_follow_ups"), "Grote zaal boeken");
  EXPECT_EQ(count("SELECT COUNT(*) FROM record_history WHERE record_type = 'journal.follow_up' AND action = 'update'"), 3);
  auto partner = signed_in("partner@example.org");
  EXPECT_EQ(partner->get("/journal/follow-ups/" + fu + "/edit").status, 403) << "not the partner's activity";
}

// ---- exports that say they were cut -------------------------------------------------------

TEST(ExportCut, ACutTableEndsWithItsNoteAndAWholeOneDoesNot) {
  documents::Table t({{"Naam", documents::ColumnType::text}, {"Aantal", documents::ColumnType::integer}});
  t.add_row({std::string("a"), std::int64_t{1}});
  EXPECT_FALSE(t.cut());
  EXPECT_EQ(documents::write_csv(t).find("first"), std::string::npos);
  t.mark_cut(1, "not cut");
  EXPECT_FALSE(t.cut()) << "a total equal to the rows is no cut";
  t.mark_cut(5, "=only the first 1 of 5 rows");
  EXPECT_TRUE(t.cut());
  std::string csv = documents::write_csv(t);
  EXPECT_TRUE(csv.ends_with("'=only the first 1 of 5 rows,\r\n")) << csv << " (a note is escaped like any text)";
  auto download = documents::table_download(t, documents::TableFormat::xlsx, "t");
  EXPECT_EQ(download.header("X-Export-Truncated").value_or(""), "1/5");
}

TEST_P(SourcesTest, TheTimelineSaysWhenItsExportWouldBeCutAndTheExportSaysItWas) {
  db().acquire()->exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20001) "
      "INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, visibility, version, created_at, "
      "updated_at) SELECT 'bulk-' || i, 'partner_meeting', 'Overleg ' || i, 1400000000 + i, 60, 'network', 1, 1, 1 FROM n");
  auto coordinator = signed_in("coordinator@example.org", "en");
  auto page = coordinator->get("/journal?lang=en");
  EXPECT_NE(page.body.find("would hold only the first 20,000 of its 20,001 rows"), std::string::npos);
  auto csv = coordinator->get("/journal?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("X-Export-Truncated").value_or(""), "20000/20001");
  EXPECT_NE(csv.body.find("only the first 20,000 of 20,001 rows"), std::string::npos);
  auto filtered = coordinator->get("/journal?year=2013");
  EXPECT_EQ(filtered.body.find("would hold only"), std::string::npos) << "a list within the cap says nothing";
}

TEST_P(SourcesTest, TheAuditLogSaysWhenItsExportWouldBeCutAndTheExportSaysItWas) {
  // The cap is platform-wide (documents/download.hpp): the audit log's export stops at 100,000 rows.
  db().acquire()->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100001) "
                       "INSERT INTO audit_log (at, action, detail) SELECT 1000 + i, 'test.bulk', 'x' FROM n");
  auto admin = signed_in("admin@example.org", "en");
  auto page = admin->get("/admin/audit?action=test.bulk&lang=en");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("would hold only the first 100,000 of its 100,001 rows"), std::string::npos);
  auto csv = admin->get("/admin/audit?action=test.bulk&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("X-Export-Truncated").value_or(""), "100000/100001");
  EXPECT_NE(csv.body.find("100,001 rows"), std::string::npos);
}

// ---- demo ----------------------------------------------------------------------------------

TEST_P(SourcesTest, TheDemoHasTwoGuidesTheirAnswersAndTheRegisterOfTwoRounds) {
  demo::load_network(db(), 1000);
  load_demo_journal(db(), 1000);
  EXPECT_GE(load_demo_sources(db(), 1000), 8);
  EXPECT_EQ(load_demo_sources(db(), 2000), 0) << "idempotent";
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_guides"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_guides WHERE language = 'fr' AND kind = 'focus_group'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_activity_guides"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_answers"), 12);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT round) FROM journal_expectations"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_expectations WHERE activity_id IS NULL"), 0) << "each linked to its activity";
}

SAMEN_INSTANTIATE_FOR_BACKENDS(SourcesTest);

}  // namespace
}  // namespace samen::journal
