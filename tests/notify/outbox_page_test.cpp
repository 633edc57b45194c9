// The admin outbox page and the invitation e-mail in-process, on both
// databases: admins only, the three lists with paging, retry and cancel with
// CSRF, texts in nl/fr/en, and an invitation queued in the invitee's language.
#include <gtest/gtest.h>

#include "accounts/secrets.hpp"
#include "accounts/users.hpp"
#include "app/app.hpp"
#include "notify/outbox.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"

namespace samen::notify {
namespace {

using accounts::Role;
using testing::AppClient;

constexpr const char* kPassword = testing::kTestPassword;

class OutboxPageTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    accounts::init_crypto();
    app_ = testing::make_test_app(test_db(), 4, [](app::AppOptions& o) { o.settings["public-url"] = "https://samen.example"; });
    static const std::string hash = accounts::hash_password(kPassword);
    auto lease = db().acquire();
    for (Role r : accounts::kRoles)
      accounts::create_user(*lease, {std::string(accounts::role_name(r)) + "@example.org", "Ad Min", r, "nl", hash, {}},
                            1000);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::int64_t queue(const std::string& to) {
    auto lease = db().acquire();
    return enqueue(*lease, {to, "Uitnodiging", "x", std::nullopt, "nl"}, app::unix_now());
  }
  std::unique_ptr<app::App> app_;
};

TEST_P(OutboxPageTest, OnlyAdminsSeeTheOutbox) {
  for (Role r : accounts::kRoles) {
    AppClient c(*app_);
    ASSERT_EQ(c.login(std::string(accounts::role_name(r)) + "@example.org", kPassword).status, 303);
    EXPECT_EQ(c.get("/admin/outbox").status, r == Role::admin ? 200 : 403) << accounts::role_name(r);
  }
  AppClient anonymous(*app_);
  EXPECT_EQ(anonymous.get("/admin/outbox").status, 303) << "to the login page";
}

TEST_P(OutboxPageTest, ListsWaitingMessagesInEachLanguageAndSaysNoServerIsSet) {
  queue("lotte@example.be");
  for (auto [lang, title, waiting] : {std::tuple{"nl", "Outbox", "Wachtend"}, std::tuple{"fr", "Boîte d", "En attente"},
                                      std::tuple{"en", "Outbox", "Waiting"}}) {
    AppClient admin(*app_, lang);
    admin.login("admin@example.org", kPassword);
    auto page = admin.get(std::string("/admin/outbox?lang=") + lang);  // over the admin's saved language (nl)
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(title), std::string::npos) << lang;
    EXPECT_NE(page.body.find(std::string(waiting) + " (1)"), std::string::npos) << lang;
    EXPECT_NE(page.body.find("lotte@example.be"), std::string::npos);
    EXPECT_NE(page.body.find("--smtp-url"), std::string::npos) << "no mail server: messages wait";
    EXPECT_EQ(page.body.find("outbox."), std::string::npos) << "no raw catalog key";
  }
  AppClient admin(*app_);
  admin.login("admin@example.org", kPassword);
  EXPECT_EQ(admin.get("/admin/outbox?status=nonsense").status, 404);
  EXPECT_EQ(admin.get("/admin/outbox?page=x").status, 400);
}

TEST_P(OutboxPageTest, PagesHoldFiftyMessages) {
  for (int i = 0; i < 55; ++i) queue("p" + std::to_string(i) + "@example.be");
  AppClient admin(*app_, "en");
  admin.login("admin@example.org", kPassword);
  auto first = admin.get("/admin/outbox?lang=en");
  EXPECT_NE(first.body.find("55 messages"), std::string::npos);
  EXPECT_NE(first.body.find("p49@example.be"), std::string::npos);
  EXPECT_EQ(first.body.find("p50@example.be"), std::string::npos);
  EXPECT_NE(first.body.find("status=queued&amp;page=2"), std::string::npos) << "a link to the next page";
  auto second = admin.get("/admin/outbox?status=queued&page=2");
  EXPECT_NE(second.body.find("p54@example.be"), std::string::npos);
}

TEST_P(OutboxPageTest, AdminsCancelAndRetryWithAFormAndItIsAudited) {
  auto id = queue("lotte@example.be");
  AppClient admin(*app_, "en");
  admin.login("admin@example.org", kPassword);
  admin.get("/admin/outbox");
  std::string base = "/admin/outbox/" + std::to_string(id);
  EXPECT_EQ(admin.request("POST", base + "/cancel", "_csrf=wrong").status, 403) << "CSRF checked";
  auto cancelled = admin.post(base + "/cancel", "");
  EXPECT_EQ(cancelled.status, 303);
  EXPECT_EQ(admin.post(base + "/cancel", "").status, 409) << "only a waiting message";
  auto dead = admin.get("/admin/outbox?status=dead&lang=en");
  EXPECT_NE(dead.body.find("Cancelled"), std::string::npos);
  EXPECT_NE(dead.body.find(base + "/retry"), std::string::npos);
  EXPECT_EQ(admin.post(base + "/retry", "").status, 303);
  EXPECT_EQ(admin.post("/admin/outbox/999999/retry", "").status, 409);
  EXPECT_EQ(admin.post("/admin/outbox/abc/retry", "").status, 404);
  auto lease = db().acquire();
  EXPECT_EQ(find_entry(*lease, id)->status, Status::queued);
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM audit_log WHERE action IN ('outbox.cancelled', 'outbox.retried')")
                .rows[0].int64(0), 2);
}

TEST_P(OutboxPageTest, AnInvitationQueuesAnEmailInTheInviteesLanguage) {
  AppClient admin(*app_);
  admin.login("admin@example.org", kPassword);
  admin.get("/admin/users");
  auto r = admin.post("/admin/users", "email=zoe%40example.be&name=Zo%C3%A9&role=partner&lang=fr");
  ASSERT_EQ(r.status, 201) << r.body;
  auto at = r.body.find("/invite/");
  ASSERT_NE(at, std::string::npos) << "the admin still sees the link";
  std::string path = r.body.substr(at, r.body.find('<', at) - at);
  auto lease = db().acquire();
  auto waiting = list_entries(*lease, Status::queued, 10, 0);
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0].message.to, "zoe@example.be");
  EXPECT_EQ(waiting[0].message.lang, "fr");
  EXPECT_EQ(waiting[0].message.subject, "Invitation à rejoindre Samen");
  EXPECT_NE(waiting[0].message.text.find("https://samen.example" + path), std::string::npos);
  // An address SMTP would not take: the invitation still works, without e-mail.
  auto odd = admin.post("/admin/users", "email=%C3%BCn%C3%AF%40example.be&name=U&role=partner&lang=nl");
  ASSERT_EQ(odd.status, 201);
  EXPECT_EQ(count_entries(*lease, Status::queued), 1);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(OutboxPageTest);

}  // namespace
}  // namespace samen::notify
