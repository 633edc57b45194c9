// Table pages answering ?format=csv|xlsx in-process on both databases: the
// admin's users list and audit log as downloads (headers, rows read back,
// audit dates as dates), the same filters as the page, access and bad formats.
#include <gtest/gtest.h>

#include "accounts/audit.hpp"
#include "notify/outbox.hpp"
#include "accounts/secrets.hpp"
#include "accounts/sessions.hpp"
#include "accounts/users.hpp"
#include "app/app.hpp"
#include "directory/import/spreadsheet_table.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"

namespace samen {
namespace {

using accounts::Role;
using testing::AppClient;

constexpr const char* kPassword = testing::kTestPassword;

class DocumentsExports : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    app_ = testing::make_test_app(test_db(), 4);
    static const std::string hash = accounts::hash_password(kPassword);
    auto lease = db().acquire();
    accounts::create_user(*lease, {"admin@example.org", "Ad Min", Role::admin, "nl", hash, {}}, 1000);
    accounts::create_user(*lease, {"partner@example.org", "=cmd|' /C calc'!A0", Role::partner, "nl", hash, {}}, 1000);
    // 2026-07-01 10:30:05 UTC: 12:30 in Brussels.
    accounts::record_audit(*lease, {0, 1782901805, std::nullopt, "cli", "import.done", "", "", "Crèche Élan", ""});
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::unique_ptr<app::App> app_;
};

TEST_P(DocumentsExports, UsersListDownloadsAsCsvAndXlsx) {
  AppClient c(*app_, "fr");
  c.login("admin@example.org", kPassword);
  auto page = c.get("/admin/users");
  EXPECT_NE(page.body.find("href=\"/admin/users?format=xlsx\""), std::string::npos);

  auto csv = c.get("/admin/users?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("content-disposition"), "attachment; filename=\"users.csv\"; filename*=UTF-8''users.csv");
  EXPECT_NE(csv.body.find("\r\n'=cmd|' /C calc'!A0,partner@example.org,"), std::string::npos)
      << "a name that starts like a formula is neutralised:\n" << csv.body;

  auto xlsx = c.get("/admin/users?format=xlsx&lang=fr");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.header("x-content-type-options"), "nosniff");
  auto sheet = directory::parse_xlsx(xlsx.body);
  ASSERT_EQ(sheet.header.size(), 5u);
  EXPECT_EQ(sheet.header[0], "Nom");  // the caller's language
  ASSERT_EQ(sheet.rows.size(), 2u);
  // Sorted by name: the two databases may collate "=" and letters differently.
  const auto& admin = sheet.rows[0].cells[1] == "admin@example.org" ? sheet.rows[0] : sheet.rows[1];
  EXPECT_EQ(admin.cells, (std::vector<std::string>{"Ad Min", "admin@example.org", "Administrateur·rice", "Actif", "0"}));
}

TEST_P(DocumentsExports, TokenListAndOutboxDownloadWithoutSecrets) {
  std::string raw;
  {
    auto lease = db().acquire();
    auto admin = accounts::find_user_by_email(*lease, "admin@example.org");
    raw = accounts::create_api_token(*lease, admin->id, "Integratie Kind & Gezin", 1000);
    notify::enqueue(*lease, {"lotte@example.be", "Uitnodiging voor Samen", "https://samen.example/invite/SECRET",
                             std::nullopt, "nl"}, 1000);
  }
  AppClient c(*app_, "nl");
  c.login("admin@example.org", kPassword);
  EXPECT_NE(c.get("/admin/tokens").body.find("href=\"/admin/tokens?format=csv\""), std::string::npos);
  auto csv = c.get("/admin/tokens?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Integratie Kind & Gezin"), std::string::npos);
  EXPECT_NE(csv.body.find(raw.substr(0, 8)), std::string::npos) << "the prefix, to recognise the token";
  EXPECT_EQ(csv.body.find(raw), std::string::npos) << "never the token itself";
  auto outbox = c.get("/admin/outbox?status=queued&format=xlsx");
  ASSERT_EQ(outbox.status, 200);
  auto sheet = directory::parse_xlsx(outbox.body);
  ASSERT_EQ(sheet.rows.size(), 1u);
  EXPECT_EQ(sheet.rows[0].cells[1], "lotte@example.be");
  EXPECT_EQ(outbox.body.find("SECRET"), std::string::npos) << "message bodies stay out of the export";
  EXPECT_EQ(c.get("/admin/outbox?status=queued&format=pdf").status, 400);
}

TEST_P(DocumentsExports, AuditLogDownloadKeepsTheFiltersAndDatesAsDates) {
  AppClient c(*app_, "nl");
  c.login("admin@example.org", kPassword);
  auto page = c.get("/admin/audit?action=import");
  EXPECT_NE(page.body.find("href=\"/admin/audit?action=import&amp;actor=&amp;from=&amp;to=&amp;format=xlsx\""),
            std::string::npos);
  auto xlsx = c.get("/admin/audit?action=import&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto sheet = directory::parse_xlsx(xlsx.body);
  ASSERT_EQ(sheet.rows.size(), 1u) << "only the filtered entry, not the login";
  EXPECT_EQ(sheet.rows[0].cells[0], "2026-07-01T12:30:05");
  EXPECT_EQ(sheet.rows[0].cells[2], "import.done");
  EXPECT_EQ(sheet.rows[0].cells[4], "Crèche Élan");
  // The export itself is audited.
  auto lease = db().acquire();
  accounts::AuditFilter f;
  f.action = "audit.export";
  EXPECT_EQ(accounts::count_audit(*lease, f), 1);
}

TEST_P(DocumentsExports, OnlyAdminsAndOnlyKnownFormats) {
  AppClient anonymous(*app_);
  EXPECT_EQ(anonymous.get("/admin/users?format=csv").status, 303);
  AppClient partner(*app_);
  partner.login("partner@example.org", kPassword);
  EXPECT_EQ(partner.get("/admin/audit?format=xlsx").status, 403);
  AppClient admin(*app_, "en");
  admin.login("admin@example.org", kPassword);
  auto bad = admin.get("/admin/audit?format=pdf&lang=en");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("This format does not exist"), std::string::npos);
  EXPECT_EQ(admin.get("/admin/audit?from=2026-13-01&format=csv").status, 400);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(DocumentsExports);

}  // namespace
}  // namespace samen
