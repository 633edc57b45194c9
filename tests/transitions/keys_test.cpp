// The key file and the database's key check on both databases: made on the
// first start (0600), a missing or wrong key file stops the start once
// something is sealed (a clear message, nothing read), `keys rotate`
// re-encrypts everything under a new key in one transaction and replaces the
// file only after the commit, a running server follows a rotation, an
// interrupted rotation is finished at the next start; and retention deletes
// handovers past their time at start-up and in the job.
#include <CLI/CLI.hpp>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>

#include "app/api.hpp"
#include "transitions/crypto.hpp"
#include "transitions/fixture.hpp"
#include "transitions/handlers.hpp"
#include "transitions/keyring.hpp"
#include "transitions/module.hpp"

namespace samen::transitions {
namespace {

using nlohmann::json;

class KeysTest : public TransitionsFixture {
 protected:
  std::filesystem::path key_file() { return test_db().scratch() / "transitions.key"; }
  std::string what_fails_to_start() {
    try {
      testing::make_test_app(test_db());
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  }
};

TEST_P(KeysTest, TheFirstStartMakesAnOwnerOnlyKeyAndRecordsItsCheckValue) {
  struct stat st {};
  ASSERT_EQ(::stat(key_file().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Key k = read_key_file(key_file());
  auto rec = db().acquire()->exec("SELECT key_id, check_value FROM transitions_key");
  ASSERT_EQ(rec.rows.size(), 1u);
  EXPECT_EQ(rec.rows[0].text(0), k.id);
  EXPECT_TRUE(key_matches(k, rec.rows[0].text(1)));
  // A second start finds the same key.
  app_ = testing::make_test_app(test_db());
  EXPECT_EQ(read_key_file(key_file()).id, k.id);
}

TEST_P(KeysTest, AMissingOrWrongKeyFileStopsTheStartOnceSomethingIsSealed) {
  create_handover();
  app_.reset();
  std::filesystem::rename(key_file(), key_file().string() + ".away");
  std::string missing = what_fails_to_start();
  EXPECT_NE(missing.find("is missing"), std::string::npos) << missing;
  EXPECT_FALSE(std::filesystem::exists(key_file())) << "no new key made over sealed data";

  write_key_file(key_file(), generate_key());
  std::string wrong = what_fails_to_start();
  EXPECT_NE(wrong.find("wrong key file"), std::string::npos) << wrong;

  std::filesystem::remove(key_file());
  std::filesystem::rename(key_file().string() + ".away", key_file());
  app_ = testing::make_test_app(test_db());
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers"), 1);
}

TEST_P(KeysTest, RotationReEncryptsEverythingAndTheServerFollows) {
  std::string id = create_handover();
  ASSERT_EQ(api("POST", "/api/v1/handovers/" + id + "/consents", consent_body({"child"}), kPartnerA).status, 201);
  std::string before = db().acquire()->exec("SELECT contents FROM transitions_handovers").rows[0].text(0);
  Key old_key = read_key_file(key_file());

  Rotation r = rotate(db(), key_file(), 5000);
  EXPECT_EQ(r.values, 2u);
  EXPECT_EQ(r.old_id, old_key.id);
  Key new_key = read_key_file(key_file());
  EXPECT_EQ(new_key.id, r.new_id);
  EXPECT_FALSE(std::filesystem::exists(key_file().string() + ".new"));
  std::string after = db().acquire()->exec("SELECT contents FROM transitions_handovers").rows[0].text(0);
  EXPECT_NE(after, before);
  EXPECT_EQ(sealed_key_id(after), new_key.id);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_consents WHERE details LIKE 's1." + new_key.id + ".%'"), 1);

  // The running server (it holds the old key) follows, and a new start works too.
  auto read = api("GET", "/api/v1/handovers/" + id, "", kPartnerB);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(json::parse(read.body)["child_first_name"], "Amira");
  app_ = testing::make_test_app(test_db());
  EXPECT_EQ(api("GET", "/api/v1/handovers/" + id, "", kPartnerA).status, 200);
}

TEST_P(KeysTest, ARotationThatFailsChangesNothing) {
  std::string id = create_handover();
  Key old_key = read_key_file(key_file());
  // A damaged value: the rotation cannot open it and must not half-finish.
  db().acquire()->exec("UPDATE transitions_handovers SET contents = 's1." + old_key.id + ".AAAA' WHERE id = ?", {id});
  create_handover();
  EXPECT_THROW(rotate(db(), key_file(), 5000), CryptoError);
  EXPECT_EQ(read_key_file(key_file()).id, old_key.id);
  EXPECT_FALSE(std::filesystem::exists(key_file().string() + ".new"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers WHERE contents LIKE 's1." + old_key.id + ".%'"), 2);
  EXPECT_EQ(db().acquire()->exec("SELECT key_id FROM transitions_key").rows[0].text(0), old_key.id);
}

TEST_P(KeysTest, ARotationInterruptedAfterItsCommitIsFinishedAtTheNextStart) {
  std::string id = create_handover();
  app_.reset();
  Key old_key = read_key_file(key_file());
  Rotation r = rotate(db(), key_file(), 5000);
  // As if the process had stopped between the commit and the file's replacement.
  std::filesystem::rename(key_file(), key_file().string() + ".new");
  { write_key_file(key_file().string() + ".tmp", old_key); }
  std::filesystem::rename(key_file().string() + ".tmp", key_file());
  app_ = testing::make_test_app(test_db());
  EXPECT_EQ(read_key_file(key_file()).id, r.new_id);
  EXPECT_EQ(api("GET", "/api/v1/handovers/" + id, "", kPartnerA).status, 200);
}

TEST_P(KeysTest, RetentionDeletesHandoversPastTheirTimeAtStartAndInTheJob) {
  std::string old_one = create_handover("2020-01-15");
  std::string current = create_handover("2026-09-01");
  ASSERT_EQ(api("POST", "/api/v1/handovers/" + old_one + "/consents", consent_body({"child"}), kPartnerA).status, 201);
  auto due = db().acquire()->exec("SELECT delete_after FROM transitions_handovers WHERE id = ?", {old_one});
  EXPECT_EQ(app::rfc3339(due.rows[0].int64(0)), "2020-07-15T00:00:00Z") << "six months after the transition";

  // At start-up.
  app_ = testing::make_test_app(test_db());
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers WHERE id = '" + old_one + "'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_consents"), 0) << "its consents went with it";
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers"), 1);
  EXPECT_EQ(api("GET", "/api/v1/handovers/" + old_one, "", kPartnerA).status, 404);
  EXPECT_EQ(testing::audit_count(db(), "transitions.retention.delete"), 1);

  // The job, later: the current one's time comes too.
  EXPECT_EQ(run_retention(db(), retention_end("2026-09-01", 6) - 1), 0u);
  EXPECT_EQ(run_retention(db(), retention_end("2026-09-01", 6)), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_handovers"), 0);
  (void)current;
}

// `serve --demo --transitions-key-file F` (the flag, no SAMEN_TRANSITIONS_KEY_FILE):
// the demo seals its handovers under F, the key start() then opens, so the
// server starts and the receiver reads the demo handover. The demo used to
// look at the variable only, sealed under DATA_DIR/transitions.key, and the
// start stopped with "the key file F is missing".
TEST_P(KeysTest, TheDemoSealsWithTheKeyFileGivenAsAFlag) {
  app_.reset();
  {
    auto lease = db().acquire();
    lease->exec("UPDATE organizations SET name = 'Kinderdagverblijf De Vlinder' WHERE id = 'org-a'");
    lease->exec("UPDATE organizations SET name = 'Basisschool Sint-Pieter (kleuterschool)' WHERE id = 'org-b'");
  }
  const auto flag_file = test_db().scratch() / "elsewhere" / "demo.key";
  std::filesystem::create_directories(flag_file.parent_path());
  // `samen serve --transitions-key-file F` as the command line reads it (static: the module keeps its address).
  static app::Settings settings;
  settings.clear();
  CLI::App serve;
  module().serve_options(serve, settings);
  ::unsetenv("SAMEN_TRANSITIONS_KEY_FILE");
  serve.parse("--transitions-key-file \"" + flag_file.string() + "\"", false);
  ASSERT_EQ(settings[kKeyFileSetting], flag_file.string());
  std::vector<std::string> announce;
  module().load_demo({db(), test_db().scratch(), app::unix_now(), announce});
  ASSERT_EQ(count("SELECT COUNT(*) FROM transitions_handovers"), 1) << "the demo's handover between these two";

  app_ = testing::make_test_app(test_db(), 4, [&](app::AppOptions& o) { o.settings = settings; });
  EXPECT_EQ(db().acquire()->exec("SELECT key_id FROM transitions_key").rows.at(0).text(0),
            read_key_file(flag_file).id);
  auto read = api("GET", "/api/v1/handovers/demo-transitions-amira", "", kPartnerB);
  EXPECT_EQ(read.status, 200) << read.body;
  EXPECT_NE(read.body.find("Amira"), std::string::npos);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(KeysTest);

}  // namespace
}  // namespace samen::transitions
