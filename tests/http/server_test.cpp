// The real samen binary over loopback HTTP: transport limits (431, 413, 400),
// bad input that must not take the server down, graceful shutdown, and the
// command line (user add, token create, API call, backup, errors).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/test_db.hpp"

namespace samen {
namespace {

using testing::raw_http;
using testing::run_samen;
using testing::ServerProcess;
using testing::status_of;

std::string get(const std::string& path, const std::string& extra_headers = "") {
  return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + extra_headers + "\r\n";
}

TEST(ServerProcess, HealthzThenCleanShutdownOnSigterm) {
  testing::TempDir dir;
  ServerProcess server(dir.path().string());
  auto r = raw_http(server.port(), get("/healthz"));
  EXPECT_EQ(status_of(r), 200);
  EXPECT_NE(r.find("{\"status\":\"ok\"}"), std::string::npos);
  EXPECT_EQ(server.terminate(), 0);
}

// A SIGTERM sent the moment the address is printed (a supervisor that
// restarts at once) drains like any other: it once killed the process,
// because signals were only handled once run() had started.
TEST(ServerProcess, SigtermRightAfterTheAddressIsPrintedExitsCleanly) {
  testing::TempDir dir;
  for (int i = 0; i < 5; ++i) {
    ServerProcess server(dir.path().string());
    EXPECT_EQ(server.terminate(), 0) << "start " << i;
  }
}

TEST(ServerProcess, OversizeHeadersGet431AndTheServerStaysUp) {
  testing::TempDir dir;
  ServerProcess server(dir.path().string());
  auto r = raw_http(server.port(), get("/", "X-Big: " + std::string(20000, 'a') + "\r\n"));
  EXPECT_EQ(status_of(r), 431);
  EXPECT_EQ(status_of(raw_http(server.port(), get("/healthz"))), 200);
}

TEST(ServerProcess, OversizeBodyGets413BeforeItIsRead) {
  testing::TempDir dir;
  ServerProcess server(dir.path().string());
  std::string body(2 * 1024 * 1024, 'x');
  auto r = raw_http(server.port(), "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                   "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(status_of(r), 413);
  // Chunked bodies are counted as they arrive.
  std::string chunked = "POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 40; ++i) chunked += "10000\r\n" + std::string(0x10000, 'y') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_EQ(status_of(raw_http(server.port(), chunked)), 413);
  EXPECT_EQ(status_of(raw_http(server.port(), get("/healthz"))), 200);
}

TEST(ServerProcess, MalformedRequestsGet4xxAndTheServerStaysUp) {
  testing::TempDir dir;
  ServerProcess server(dir.path().string());
  const std::string bad[] = {
      "THIS IS NOT HTTP\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
      "GET /%C3%28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      std::string("GET /\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
      "GET /?lang=%ZZ&q=%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
  };
  for (const auto& b : bad) {
    int status = status_of(raw_http(server.port(), b));
    EXPECT_TRUE(status == 0 || (status >= 400 && status < 500) || status == 200) << b << " → " << status;
    EXPECT_NE(status, 500);
  }
  EXPECT_EQ(status_of(raw_http(server.port(), bad[0])), 400);
  EXPECT_EQ(status_of(raw_http(server.port(), bad[2])), 400);
  EXPECT_EQ(status_of(raw_http(server.port(), get("/healthz"))), 200);
}

TEST(ServerProcess, DemoPrintsAOneTimeAdminPasswordThatWorks) {
  testing::TempDir dir;
  std::string password;
  {
    ServerProcess server(dir.path().string(), {"--demo"});
    password = server.admin_password();
    ASSERT_GE(password.size(), 12u);
  }
  ServerProcess again(dir.path().string(), {"--demo"});
  EXPECT_NE(again.admin_password(), password) << "a new one-time password at each demo start";
  auto login = raw_http(again.port(), get("/login"));
  EXPECT_EQ(status_of(login), 200);
  EXPECT_NE(login.find("name=\"_csrf\""), std::string::npos);
}

TEST(Cli, UserTokenAndApiRoundTrip) {
  testing::TempDir dir;
  std::string data = dir.path().string();
  auto add = run_samen({"user", "add", "--data", data, "--email", "Coord@Example.org", "--name", "Co Ordinator",
                        "--role", "coordinator", "--password-stdin"},
                       "a good long password\n");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto dup = run_samen({"user", "add", "--data", data, "--email", "coord@example.org", "--name", "X", "--role",
                        "coordinator", "--password-stdin"},
                       "a good long password\n");
  EXPECT_NE(dup.exit_code, 0);
  EXPECT_NE(dup.err.find("already exists"), std::string::npos);
  auto weak = run_samen({"user", "passwd", "--data", data, "--email", "coord@example.org", "--password-stdin"}, "short\n");
  EXPECT_NE(weak.exit_code, 0);
  auto badrole = run_samen({"user", "add", "--data", data, "--email", "a@b.org", "--name", "A", "--role", "king",
                            "--password-stdin"}, "a good long password\n");
  EXPECT_NE(badrole.exit_code, 0);
  auto token = run_samen({"token", "create", "--data", data, "--email", "coord@example.org"});
  ASSERT_EQ(token.exit_code, 0) << token.err;
  std::string raw = token.out.substr(0, token.out.size() - 1);
  raw = raw.substr(raw.rfind('\n') + 1);
  ASSERT_EQ(raw.rfind("samen_", 0), 0u);

  ServerProcess server(data);
  auto me = raw_http(server.port(), get("/api/v1/me", "Authorization: Bearer " + raw + "\r\n"));
  ASSERT_EQ(status_of(me), 200);
  auto body = nlohmann::json::parse(me.substr(me.find("\r\n\r\n") + 4));
  EXPECT_EQ(body["email"], "coord@example.org");
  EXPECT_EQ(status_of(raw_http(server.port(), get("/api/v1/me"))), 401);
  EXPECT_EQ(status_of(raw_http(server.port(), get("/api/v1/me", "Authorization: Bearer samen_forged\r\n"))), 401);

  auto backup = run_samen({"backup", "--data", data, "--out", (dir.path() / "copy.db").string()});
  EXPECT_EQ(backup.exit_code, 0) << backup.err;
  EXPECT_GT(std::filesystem::file_size(dir.path() / "copy.db"), 0u);
}

TEST(Cli, VersionHelpAndErrors) {
  auto v = run_samen({"version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("samen ", 0), 0u);
  auto help = run_samen({"serve", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--listen"), std::string::npos);
  EXPECT_NE(help.out.find("--tile-url"), std::string::npos) << "a module's serve flag";
  EXPECT_NE(run_samen({"no-such-command"}).exit_code, 0);
  testing::TempDir dir;
  auto bad = run_samen({"serve", "--data", dir.path().string(), "--listen", "nonsense"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("--listen"), std::string::npos);
  auto migrate = run_samen({"migrate", "--data", dir.path().string()});
  EXPECT_EQ(migrate.exit_code, 0) << migrate.err;
  EXPECT_NE(migrate.out.find("schema: "), std::string::npos) << migrate.out;
  EXPECT_NE(migrate.out.find(" accounts "), std::string::npos) << migrate.out;
  EXPECT_NE(migrate.out.find(" directory "), std::string::npos) << migrate.out;
}

}  // namespace
}  // namespace samen

namespace samen {
namespace {

// Two servers on one PostgreSQL database share sessions and login throttling.
std::string cookie_value(const std::string& raw, const std::string& name) {
  auto at = raw.find("Set-Cookie: " + name + "=");
  if (at == std::string::npos) return "";
  at += 13 + name.size();
  return raw.substr(at, raw.find(';', at) - at);
}

TEST(TwoServers, ShareSessionsAndThrottleOnOnePostgresDatabase) {
  if (testing::pg_admin_url().empty()) {
    if (testing::pg_required()) FAIL() << "SAMEN_TEST_PG is not set";
    GTEST_SKIP() << "SAMEN_TEST_PG not set";
  }
  testing::TestDatabase pg("postgres", 1);
  testing::TempDir a_dir, b_dir;
  auto add = run_samen({"user", "add", "--db", pg.url(), "--data", a_dir.path().string(), "--email", "two@example.org",
                        "--name", "Two", "--role", "partner", "--password-stdin"},
                       "a good long password\n");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  ServerProcess a(a_dir.path().string(), {"--db", pg.url()});
  ServerProcess b(b_dir.path().string(), {"--db", pg.url()});

  auto form = raw_http(a.port(), get("/login"));
  std::string csrf = cookie_value(form, "samen_csrf");
  ASSERT_FALSE(csrf.empty());
  auto post = [&](int port, const std::string& password) {
    std::string body = "_csrf=" + csrf + "&email=two%40example.org&password=" + password;
    return raw_http(port, "POST /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: samen_csrf=" + csrf +
                              "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body);
  };
  auto login = post(a.port(), "a+good+long+password");
  ASSERT_EQ(status_of(login), 303);
  std::string session = cookie_value(login, "samen_session");
  ASSERT_FALSE(session.empty());
  auto profile = raw_http(b.port(), get("/profile", "Cookie: samen_session=" + session + "\r\n"));
  EXPECT_EQ(status_of(profile), 200) << "a session made on A works on B";

  for (int i = 0; i < 10; ++i) EXPECT_EQ(status_of(post(i % 2 ? a.port() : b.port(), "wrong+password+here")), 401);
  EXPECT_EQ(status_of(post(b.port(), "a+good+long+password")), 429) << "failures on A and B count together";
}

}  // namespace
}  // namespace samen
