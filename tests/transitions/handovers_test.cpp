// Handovers ("transition passports") through the whole pipeline on both
// databases: the sending setting's staff write one and record consent; the
// receiving setting's staff read only the consented parts while the consent
// runs; everyone else gets 403 (audited) or 404; bad input is a 422 with
// nothing stored; a tampered or misplaced sealed value is refused (409),
// never shown; a marker written in a handover is nowhere in the SQLite
// database file, its WAL or the log output.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "accounts/sessions.hpp"
#include "accounts/users.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"
#include "transitions/fixture.hpp"

namespace samen::transitions {
namespace {

using nlohmann::json;

class HandoversTest : public TransitionsFixture {};

TEST_P(HandoversTest, TheSenderWritesAndReadsAllOfIt) {
  auto made = api("POST", "/api/v1/handovers", handover_body(), kPartnerA);
  ASSERT_EQ(made.status, 201) << made.body;
  json h = json::parse(made.body);
  EXPECT_EQ(h["child_first_name"], "Amira");
  EXPECT_EQ(h["home_languages"], json({"ar", "fr"}));
  EXPECT_EQ(h["parts"].size(), 5u);
  EXPECT_EQ(made.header("ETag"), "\"1\"");

  auto got = api("GET", "/api/v1/handovers/" + h["id"].get<std::string>(), "", kPartnerA);
  ASSERT_EQ(got.status, 200) << got.body;
  json g = json::parse(got.body);
  EXPECT_EQ(g["health_notes"], "Allergisch voor noten");
  EXPECT_EQ(g["what_helps"], "Haar knuffel bij het slapengaan");
  EXPECT_EQ(g["consents"], json::array());
  EXPECT_EQ(got.header("Cache-Control"), "no-store");
  EXPECT_EQ(testing::audit_count(db(), "transitions.handover.create"), 1);
  EXPECT_EQ(testing::audit_count(db(), "transitions.handover.read"), 1);
  // Nothing of the child in the audit log.
  auto details = db().acquire()->exec("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%Amira%'");
  EXPECT_EQ(details.rows[0].int64(0), 0);
}

TEST_P(HandoversTest, TheReceiverReadsTheConsentedPartsWhileTheConsentRuns) {
  std::string id = create_handover();
  std::string path = "/api/v1/handovers/" + id;

  // No consent yet: 403, and the attempt is on record.
  auto refused = api("GET", path, "", kPartnerB);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.body.find("Amira"), std::string::npos);
  EXPECT_EQ(testing::audit_count(db(), "transitions.handover.refused"), 1);

  auto consent = api("POST", path + "/consents", consent_body({"child", "what_helps"}), kPartnerA);
  ASSERT_EQ(consent.status, 201) << consent.body;
  std::string consent_id = json::parse(consent.body)["id"];

  auto read = api("GET", path, "", kPartnerB);
  ASSERT_EQ(read.status, 200) << read.body;
  json r = json::parse(read.body);
  EXPECT_EQ(r["parts"], json({"child", "what_helps"}));
  EXPECT_EQ(r["child_first_name"], "Amira");
  EXPECT_EQ(r["what_helps"], "Haar knuffel bij het slapengaan");
  EXPECT_FALSE(r.contains("health_notes"));
  EXPECT_FALSE(r.contains("parent_wishes"));
  EXPECT_FALSE(r.contains("consents")) << "consent details are the sender's";
  EXPECT_EQ(read.body.find("noten"), std::string::npos);
  auto audit = db().acquire()->exec(
      "SELECT actor_label, detail FROM audit_log WHERE action = 'transitions.handover.read' ORDER BY id DESC");
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.rows[0].text(0), kPartnerB);
  EXPECT_EQ(audit.rows[0].text(1), "receiver: child,what_helps");

  // Staff of a third organisation: the consent is not theirs.
  EXPECT_EQ(api("GET", path, "", kPartnerC).status, 403);

  // Withdrawn: nothing any more.
  EXPECT_EQ(api("DELETE", path + "/consents/" + consent_id, "", kPartnerA).status, 204);
  EXPECT_EQ(api("GET", path, "", kPartnerB).status, 403);
  EXPECT_EQ(api("DELETE", path + "/consents/" + consent_id, "", kPartnerA).status, 404) << "withdrawn already";

  // Expired: nothing either.
  auto again = api("POST", path + "/consents", consent_body({"health_notes"}), kPartnerA);
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(api("GET", path, "", kPartnerB).status, 200);
  db().acquire()->exec("UPDATE transitions_consents SET valid_until = ?", {std::int64_t{1000}});
  EXPECT_EQ(api("GET", path, "", kPartnerB).status, 403);
  EXPECT_EQ(testing::audit_count(db(), "transitions.handover.refused"), 4);
}

TEST_P(HandoversTest, OnlyTheSendingOrganisationsStaffWriteAndNobodyElseReads) {
  std::string id = create_handover();
  std::string path = "/api/v1/handovers/" + id;
  for (const char* who : {kCoordinator, kAdmin, kFacilitator, kParentRep, kPartnerB, kPartnerC}) {
    EXPECT_EQ(api("POST", "/api/v1/handovers", handover_body(), who).status, 403) << who;
    EXPECT_EQ(api("GET", path, "", who).status, 403) << who;
    EXPECT_EQ(api("POST", path + "/consents", consent_body({"child"}), who).status, 403) << who;
  }
  EXPECT_EQ(api("GET", "/api/v1/handovers/no-such-id", "", kPartnerA).status, 404);
  EXPECT_EQ(api("GET", path, "", "").status, 401);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_consents"), 0);
}

TEST_P(HandoversTest, BadInputIsRefusedWithFieldsAndNothingIsStored) {
  json bad = json::parse(handover_body());
  bad["child_first_name"] = "";
  bad["child_birth_month"] = "2023-13";
  bad["home_languages"] = json({"Arabic"});
  bad["child_last_name"] = "El Amrani";
  auto res = api("POST", "/api/v1/handovers", bad.dump(), kPartnerA);
  ASSERT_EQ(res.status, 422) << res.body;
  json fields = json::parse(res.body)["error"]["fields"];
  for (const char* f : {"child_first_name", "child_birth_month", "home_languages", "child_last_name"})
    EXPECT_TRUE(fields.contains(f)) << f << " " << res.body;
  EXPECT_NE(json::parse(res.body)["error"]["message"].get<std::string>().find("Niet opgeslagen"), std::string::npos);

  json same = json::parse(handover_body());
  same["receiving_setting_id"] = kServiceA;
  EXPECT_EQ(api("POST", "/api/v1/handovers", same.dump(), kPartnerA).status, 422);
  json unknown = json::parse(handover_body());
  unknown["receiving_setting_id"] = "no-such-setting";
  EXPECT_EQ(api("POST", "/api/v1/handovers", unknown.dump(), kPartnerA).status, 422);
  EXPECT_EQ(api("POST", "/api/v1/handovers", "[1]", kPartnerA).status, 400);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers"), 0);

  std::string id = create_handover();
  json c = json::parse(consent_body({"child"}));
  c["parts"] = json({"child", "surname"});
  c["valid_until"] = "2001-01-01";
  c["method"] = "telepathy";
  auto cr = api("POST", "/api/v1/handovers/" + id + "/consents", c.dump(), kPartnerA);
  ASSERT_EQ(cr.status, 422) << cr.body;
  json cf = json::parse(cr.body)["error"]["fields"];
  for (const char* f : {"parts", "valid_until", "method"}) EXPECT_TRUE(cf.contains(f)) << f;
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_consents"), 0);
}

TEST_P(HandoversTest, TamperedOrMisplacedCiphertextIsRefusedNotShown) {
  std::string first = create_handover();
  std::string second = create_handover();
  // A sealed value copied from another handover: it authenticates, but belongs elsewhere.
  db().acquire()->exec("UPDATE transitions_handovers SET contents = (SELECT contents FROM transitions_handovers "
                       "WHERE id = ?) WHERE id = ?",
                       {second, first});
  auto moved = api("GET", "/api/v1/handovers/" + first, "", kPartnerA);
  EXPECT_EQ(moved.status, 409) << moved.body;
  EXPECT_EQ(moved.body.find("Amira"), std::string::npos);

  // One character of the ciphertext changed.
  std::string sealed = db().acquire()->exec("SELECT contents FROM transitions_handovers WHERE id = ?", {second})
                           .rows[0]
                           .text(0);
  sealed[sealed.size() - 5] = sealed[sealed.size() - 5] == 'A' ? 'B' : 'A';
  db().acquire()->exec("UPDATE transitions_handovers SET contents = ? WHERE id = ?", {sealed, second});
  auto changed = api("GET", "/api/v1/handovers/" + second, "", kPartnerA);
  EXPECT_EQ(changed.status, 409) << changed.body;
  EXPECT_NE(json::parse(changed.body)["error"]["message"].get<std::string>().find("beschadigd"), std::string::npos);
  EXPECT_EQ(testing::audit_count(db(), "transitions.handover.sealed_refused"), 2);
  EXPECT_EQ(testing::audit_count(db(), "transitions.handover.read"), 0);
}

TEST_P(HandoversTest, AMarkerWrittenInAHandoverIsInNeitherTheDatabaseFilesNorTheLog) {
  if (is_postgres()) GTEST_SKIP() << "the database files are SQLite's";
  std::ostringstream log;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log);
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
  app_.reset();
  app_ = testing::make_test_app(test_db(), 4, [](app::AppOptions& o) { o.access_log = true; });

  const std::string marker = "ZEBRA-MARKER-7f3a91";
  json body = json::parse(handover_body());
  body["child_first_name"] = marker.substr(0, 12);
  body["what_helps"] = marker + " helps";
  body["parent_wishes"] = marker + " wishes";
  body["health_notes"] = marker + " health";
  auto made = api("POST", "/api/v1/handovers", body.dump(), kPartnerA);
  ASSERT_EQ(made.status, 201) << made.body;
  std::string id = json::parse(made.body)["id"];
  json consent = json::parse(consent_body({"child", "what_helps", "health_notes"}));
  consent["given_by"] = marker + " mother";
  ASSERT_EQ(api("POST", "/api/v1/handovers/" + id + "/consents", consent.dump(), kPartnerA).status, 201);
  auto read = api("GET", "/api/v1/handovers/" + id, "", kPartnerB);
  ASSERT_EQ(read.status, 200);
  EXPECT_NE(read.body.find(marker), std::string::npos) << "the marker is really in the handover";
  spdlog::set_default_logger(previous);

  auto file_holds = [&](const std::filesystem::path& p, const std::string& needle) {
    std::ifstream in(p, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes.find(needle) != std::string::npos;
  };
  std::string url = test_db().url();
  std::filesystem::path file = url.substr(url.find(':') + 1);
  ASSERT_TRUE(std::filesystem::exists(file)) << file;
  std::filesystem::path wal = file.string() + "-wal";
  EXPECT_TRUE(std::filesystem::exists(wal)) << "the writes are in the WAL, which is searched too";
  EXPECT_TRUE(file_holds(wal, id) || file_holds(file, id)) << "the search would find what is there";
  EXPECT_FALSE(file_holds(file, marker.substr(0, 12)));
  EXPECT_FALSE(file_holds(wal, marker.substr(0, 12)));
  EXPECT_FALSE(log.str().empty()) << "the access log was captured";
  EXPECT_EQ(log.str().find(marker.substr(0, 12)), std::string::npos) << log.str();
}

SAMEN_INSTANTIATE_FOR_BACKENDS(HandoversTest);

}  // namespace
}  // namespace samen::transitions
