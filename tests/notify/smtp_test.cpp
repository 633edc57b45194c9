// E-mail through a real SMTP server (Debian's python3-aiosmtpd, started by
// support/smtp_sink): in-process delivery read back decoded by Python's email
// package; retry and dead letters with a refused address and a closed port;
// and the real `samen serve --smtp-url` sending an invitation an admin made.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <thread>

#include "accounts/secrets.hpp"
#include "http/forms.hpp"
#include "notify/delivery.hpp"
#include "notify/outbox.hpp"
#include "support/process.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_db.hpp"

namespace samen::notify {
namespace {

using testing::SmtpSink;

class SmtpTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    accounts::init_crypto();
    settings.from = "samen@example.org";
    settings.retry = RetryPolicy{2, 60, 3600};
  }
  std::int64_t queue(const Message& m, std::int64_t now = 1000) {
    auto lease = db().acquire();
    return enqueue(*lease, m, now);
  }
  Status status_of(std::int64_t id) {
    auto lease = db().acquire();
    return find_entry(*lease, id)->status;
  }
  DeliverySettings settings;
};

TEST_P(SmtpTest, AMessageArrivesWithDecodedSubjectRecipientAndBody) {
  SmtpSink sink;
  SmtpTransport smtp(sink.url());
  std::string link = "https://samen.example/invite/" + std::string(60, 'T');
  Message m{"lotte@example.be", "Invitation à rejoindre Samen – déjà prête",
            "Bonjour Lotte,\n\nChoisissez votre mot de passe :\n" + link + "\n\nÀ bientôt, l'équipe\n",
            "<p>Bonjour <a href=\"" + link + "\">Lotte</a></p>", "fr"};
  queue(m);
  auto report = deliver_due(db(), smtp, settings, 1000);
  EXPECT_EQ(report.sent, 1);
  auto got = sink.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  const auto& mail = got[0];
  EXPECT_EQ(mail["mail_from"], "samen@example.org");
  EXPECT_EQ(mail["rcpt_tos"], nlohmann::json::array({"lotte@example.be"}));
  EXPECT_EQ(mail["headers"]["to"], "lotte@example.be");
  EXPECT_EQ(mail["headers"]["from"], "Samen <samen@example.org>");
  EXPECT_EQ(mail["headers"]["subject"], "Invitation à rejoindre Samen – déjà prête");
  EXPECT_EQ(mail["headers"]["content-language"], "fr");
  EXPECT_TRUE(mail["headers"].contains("date"));
  EXPECT_TRUE(std::regex_match(mail["headers"]["message-id"].get<std::string>(),
                               std::regex("<[A-Za-z0-9_-]+@example\\.org>")));
  EXPECT_EQ(mail["content_type"], "multipart/alternative");
  EXPECT_NE(mail["text"].get<std::string>().find(link), std::string::npos) << "the link survives line wrapping";
  EXPECT_NE(mail["text"].get<std::string>().find("À bientôt, l'équipe"), std::string::npos);
  EXPECT_NE(mail["html"].get<std::string>().find("href=\"" + link + "\""), std::string::npos);
  EXPECT_EQ(mail["defects"], nlohmann::json::array());
  EXPECT_TRUE(mail["ascii_only"]) << "everything encoded for 7-bit transport";
  EXPECT_LE(mail["longest_line"].get<int>(), 78);
}

TEST_P(SmtpTest, ARefusedRecipientIsADeadLetterAtOnce) {
  SmtpSink sink;
  SmtpTransport smtp(sink.url());
  auto refused = queue({"nobody@refused.example", "Hello", "x", std::nullopt, "en"});
  auto fine = queue({"lotte@example.be", "Hello", "x", std::nullopt, "en"});
  auto report = deliver_due(db(), smtp, settings, 1000);
  EXPECT_EQ(report.dead, 1);
  EXPECT_EQ(report.sent, 1);
  EXPECT_EQ(status_of(refused), Status::dead);
  EXPECT_EQ(status_of(fine), Status::sent);
  auto lease = db().acquire();
  auto e = find_entry(*lease, refused);
  EXPECT_NE(e->last_error->find("550"), std::string::npos) << *e->last_error;
  EXPECT_EQ(sink.wait_for(1).size(), 1u);
}

TEST_P(SmtpTest, AClosedPortIsRetriedWithBackoffThenDeadThenRetriedByAnAdmin) {
  SmtpTransport closed("smtp://127.0.0.1:" + std::to_string(testing::closed_port()));
  auto id = queue({"lotte@example.be", "Hello", "x", std::nullopt, "en"});
  auto first = deliver_due(db(), closed, settings, 1000, [] { return 0.5; });
  EXPECT_EQ(first.retrying, 1);
  {
    auto lease = db().acquire();
    auto e = find_entry(*lease, id);
    EXPECT_EQ(e->status, Status::queued);
    EXPECT_EQ(e->next_attempt_at, 1000 + 45) << "60 s with equal jitter 0.5";
    EXPECT_TRUE(e->last_error && !e->last_error->empty());
  }
  EXPECT_EQ(deliver_due(db(), closed, settings, 1044).retrying, 0);
  EXPECT_EQ(deliver_due(db(), closed, settings, 1045).dead, 1) << "second of two attempts";
  EXPECT_EQ(status_of(id), Status::dead);
  // The mail server is back; an admin retries the dead letter.
  SmtpSink sink;
  SmtpTransport smtp(sink.url());
  {
    auto lease = db().acquire();
    ASSERT_TRUE(retry_entry(*lease, id, 2000));
  }
  EXPECT_EQ(deliver_due(db(), smtp, settings, 2000).sent, 1);
  EXPECT_EQ(sink.wait_for(1).size(), 1u);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(SmtpTest);

// ---- the real binary ---------------------------------------------------------

std::string cookie_value(const std::string& raw, const std::string& name) {
  auto at = raw.find("Set-Cookie: " + name + "=");
  if (at == std::string::npos) return "";
  at += 13 + name.size();
  return raw.substr(at, raw.find(';', at) - at);
}

std::string request(const std::string& method, const std::string& path, const std::string& cookies,
                    const std::string& body = "") {
  std::string r = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nCookie: " + cookies + "\r\n";
  if (!body.empty())
    r += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  return r + "\r\n" + body;
}

// Signs in as the admin on a real server and posts the invitation form; returns the raw response.
std::string invite_through_the_real_server(int port, const std::string& admin_password, const std::string& fields) {
  auto form = testing::raw_http(port, request("GET", "/login", ""));
  std::string csrf = cookie_value(form, "samen_csrf");
  EXPECT_FALSE(csrf.empty());
  auto login = testing::raw_http(
      port, request("POST", "/login", "samen_csrf=" + csrf,
                    "_csrf=" + csrf + "&email=admin%40example.org&password=" + http::url_encode(admin_password)));
  EXPECT_EQ(testing::status_of(login), 303) << login;
  std::string session = "samen_session=" + cookie_value(login, "samen_session");
  auto users = testing::raw_http(port, request("GET", "/admin/users", session));
  std::smatch m;
  EXPECT_TRUE(std::regex_search(users, m, std::regex(R"re(name="_csrf" value="([^"]+)")re")));
  return testing::raw_http(port, request("POST", "/admin/users", session, "_csrf=" + std::string(m[1]) + "&" + fields));
}

constexpr const char* kAdminPassword = "a good long password";

testing::CommandResult add_admin(const std::vector<std::string>& store_args) {
  std::vector<std::string> args{"user", "add", "--email", "admin@example.org", "--name", "Ad Min", "--role", "admin",
                                "--password-stdin"};
  args.insert(args.end(), store_args.begin(), store_args.end());
  return testing::run_samen(args, std::string(kAdminPassword) + "\n");
}

TEST(SmtpServe, AnInvitationMadeInTheRealServerArrivesByMailInTheInviteesLanguage) {
  SmtpSink sink;
  testing::TempDir dir;
  std::string data = dir.path().string();
  auto add = add_admin({"--data", data});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  testing::ServerProcess server(data, {"--smtp-url", sink.url(), "--mail-from", "samen@example.org", "--public-url",
                                       "https://samen.example/"});
  auto invited = invite_through_the_real_server(server.port(), kAdminPassword,
                                                "email=zoe%40example.be&name=Zo%C3%A9+Dupont&role=partner&lang=fr");
  ASSERT_EQ(testing::status_of(invited), 201) << invited;
  auto at = invited.find("/invite/");
  ASSERT_NE(at, std::string::npos);
  std::string path = invited.substr(at, invited.find('<', at) - at);

  auto got = sink.wait_for(1, std::chrono::seconds(30));
  ASSERT_EQ(got.size(), 1u) << "delivered by the scheduler's notify.deliver job";
  const auto& mail = got[0];
  EXPECT_EQ(mail["rcpt_tos"], nlohmann::json::array({"zoe@example.be"}));
  EXPECT_EQ(mail["mail_from"], "samen@example.org");
  EXPECT_EQ(mail["headers"]["subject"], "Invitation à rejoindre Samen");
  EXPECT_EQ(mail["headers"]["content-language"], "fr");
  std::string text = mail["text"];
  EXPECT_NE(text.find("https://samen.example" + path), std::string::npos) << text;
  EXPECT_NE(text.find("Bonjour Zoé Dupont"), std::string::npos) << text;
  EXPECT_NE(text.find("Ad Min"), std::string::npos) << "who invited";
  EXPECT_EQ(mail["defects"], nlohmann::json::array());
  EXPECT_EQ(server.terminate(), 0) << "the scheduler stops cleanly on SIGTERM";
}

// Both servers run the delivery job against one outbox: the message leaves once.
TEST(SmtpServe, TwoServersOnOnePostgresDatabaseSendAnInvitationOnce) {
  if (testing::pg_admin_url().empty()) {
    if (testing::pg_required()) FAIL() << "SAMEN_TEST_PG is not set";
    GTEST_SKIP() << "SAMEN_TEST_PG not set";
  }
  SmtpSink sink;
  testing::TestDatabase pg("postgres", 1);
  testing::TempDir a_dir, b_dir;
  auto add = add_admin({"--db", pg.url(), "--data", a_dir.path().string()});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  std::vector<std::string> mail{"--db", pg.url(), "--smtp-url", sink.url(), "--mail-from", "samen@example.org"};
  testing::ServerProcess a(a_dir.path().string(), mail), b(b_dir.path().string(), mail);
  for (int i = 0; i < 3; ++i) {
    auto invited = invite_through_the_real_server(
        i % 2 ? a.port() : b.port(), kAdminPassword,
        "email=p" + std::to_string(i) + "%40example.be&name=P&role=partner&lang=nl");
    ASSERT_EQ(testing::status_of(invited), 201) << invited;
  }
  EXPECT_EQ(sink.wait_for(3).size(), 3u);
  std::this_thread::sleep_for(std::chrono::seconds(7));  // more than a delivery period: no second copy
  auto got = sink.messages();
  ASSERT_EQ(got.size(), 3u);
  std::set<std::string> recipients;
  for (const auto& m : got) recipients.insert(m["rcpt_tos"][0].get<std::string>());
  EXPECT_EQ(recipients, (std::set<std::string>{"p0@example.be", "p1@example.be", "p2@example.be"}));
}

TEST(SmtpServe, BadMailSettingsAreRefusedAtStartUp) {
  testing::TempDir dir;
  auto no_from = testing::run_samen({"serve", "--data", dir.path().string(), "--smtp-url", "smtp://127.0.0.1:2525"});
  EXPECT_NE(no_from.exit_code, 0);
  EXPECT_NE(no_from.err.find("--mail-from"), std::string::npos) << no_from.err;
  auto bad_url = testing::run_samen({"serve", "--data", dir.path().string(), "--smtp-url", "http://x:pw@mail.example",
                                     "--mail-from", "samen@example.org"});
  EXPECT_NE(bad_url.exit_code, 0);
  EXPECT_EQ(bad_url.err.find("pw@"), std::string::npos) << "no password in the error";
}

}  // namespace
}  // namespace samen::notify
