// Hardening through the real samen binary (issue 14): response headers as a
// browser receives them, redirects that stay on the site, and the limits
// that keep slow or hostile clients from starving normal ones.
#include "support/paths.hpp"
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/process.hpp"
#include "support/test_db.hpp"

namespace samen {
namespace {

using testing::raw_http;
using testing::run_samen;
using testing::ServerProcess;
using testing::status_of;

std::string get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + extra_headers + "\r\n";
}

std::string post_form(const std::string& target, const std::string& cookies, const std::string& body) {
  return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nCookie: " + cookies +
         "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

// The value of each Set-Cookie header of a raw response, in order.
std::vector<std::string> set_cookies(const std::string& raw) {
  std::vector<std::string> out;
  std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  for (std::size_t at = head.find("\r\nSet-Cookie: "); at != std::string::npos;
       at = head.find("\r\nSet-Cookie: ", at + 2)) {
    std::size_t start = at + 14;
    out.push_back(head.substr(start, head.find("\r\n", start) - start));
  }
  return out;
}

std::string cookie_value(const std::string& raw, const std::string& name) {
  for (const auto& c : set_cookies(raw))
    if (c.rfind(name + "=", 0) == 0) return c.substr(name.size() + 1, c.find(';') - name.size() - 1);
  return "";
}

std::string header_value(const std::string& raw, const std::string& name) {
  std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  auto at = head.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  at += 4 + name.size();
  return head.substr(at, head.find("\r\n", at) - at);
}

void add_user(const std::string& data, const std::string& email, const std::string& role) {
  auto add = run_samen({"user", "add", "--data", data, "--email", email, "--name", "Test User", "--role", role,
                        "--password-stdin"},
                       "a good long password\n");
  ASSERT_EQ(add.exit_code, 0) << add.err;
}

// Signs in through the login form; returns the session cookie value.
std::string login(int port, const std::string& email) {
  auto form = raw_http(port, get("/login"));
  std::string csrf = cookie_value(form, "samen_csrf");
  auto res = raw_http(port, post_form("/login", "samen_csrf=" + csrf,
                                      "_csrf=" + csrf + "&email=" + email + "&password=a+good+long+password"));
  return cookie_value(res, "samen_session");
}

// The CSRF token of the first form on a page.
std::string form_csrf(const std::string& page) {
  auto at = page.find("name=\"_csrf\" value=\"");
  if (at == std::string::npos) return "";
  at += 20;
  return page.substr(at, page.find('"', at) - at);
}

// Issue 13: a new visitor who opens /login?lang=fr gets a CSRF cookie and a
// language cookie in one response; both must arrive, or the login fails
// with "This form has expired".
TEST(Hardening, ANewVisitorGetsBothCookiesAndCanLogIn) {
  testing::TempDir dir;
  add_user(dir.path().string(), "fr@example.org", "partner");
  ServerProcess server(dir.path().string());
  auto form = raw_http(server.port(), get("/login?lang=fr"));
  ASSERT_EQ(status_of(form), 200);
  std::string csrf = cookie_value(form, "samen_csrf");
  EXPECT_FALSE(csrf.empty()) << form.substr(0, form.find("\r\n\r\n"));
  EXPECT_EQ(cookie_value(form, "samen_lang"), "fr");
  auto login = raw_http(server.port(),
                        post_form("/login", "samen_csrf=" + csrf + "; samen_lang=fr",
                                  "_csrf=" + csrf + "&email=fr%40example.org&password=a+good+long+password"));
  EXPECT_EQ(status_of(login), 303) << login.substr(0, 400);
  EXPECT_FALSE(cookie_value(login, "samen_session").empty());
}

// A loopback connection from a chosen source address (all of 127/8 is
// loopback on Linux), held open by the test.
class Client {
 public:
  Client(int port, const std::string& from = "127.0.0.1") {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in src{};
    src.sin_family = AF_INET;
    inet_pton(AF_INET, from.c_str(), &src.sin_addr);
    bind(fd_, reinterpret_cast<sockaddr*>(&src), sizeof src);
    sockaddr_in dst{};
    dst.sin_family = AF_INET;
    dst.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&dst), sizeof dst) == 0;
  }
  ~Client() { close(fd_); }
  Client(const Client&) = delete;
  bool connected() const { return connected_; }
  bool send_text(const std::string& s) { return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == ssize_t(s.size()); }
  // True when the server has closed the connection (without answering, or
  // after an answer that is read and dropped).
  bool closed_by_server(std::chrono::milliseconds wait = std::chrono::milliseconds(0)) {
    auto deadline = std::chrono::steady_clock::now() + wait;
    do {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 50) > 0) {
        char buf[4096];
        ssize_t n = recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
        if (n <= 0) return true;
        answer_.append(buf, static_cast<size_t>(n));
      }
    } while (std::chrono::steady_clock::now() < deadline);
    return false;
  }
  const std::string& answer() const { return answer_; }

 private:
  int fd_ = -1;
  bool connected_ = false;
  std::string answer_;
};

const std::string kPartialHeader = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n";

// Slowloris: a header sent a few bytes at a time is cut off once it falls
// below the minimum rate (after 5 s), long before the 10 s header timeout.
TEST(Hardening, AHeaderTrickledBelowTheMinimumRateIsCutOff) {
  testing::TempDir dir;
  ServerProcess server(dir.path().string());
  Client slow(server.port());
  ASSERT_TRUE(slow.send_text(kPartialHeader));
  auto start = std::chrono::steady_clock::now();
  bool closed = false;
  while (!closed && std::chrono::steady_clock::now() - start < std::chrono::seconds(9)) {
    slow.send_text("X-a: b\r\n");
    closed = slow.closed_by_server(std::chrono::milliseconds(1000));
  }
  EXPECT_TRUE(closed) << "still open after 9 s";
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(8));
}

// Slow body: a declared body sent a byte at a time is cut off the same way
// (the body timeout alone would allow 60 s).
TEST(Hardening, ABodyTrickledBelowTheMinimumRateIsCutOff) {
  testing::TempDir dir;
  ServerProcess server(dir.path().string());
  Client slow(server.port());
  ASSERT_TRUE(slow.send_text("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                             "application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"));
  auto start = std::chrono::steady_clock::now();
  bool closed = false;
  while (!closed && std::chrono::steady_clock::now() - start < std::chrono::seconds(12)) {
    slow.send_text("a");
    closed = slow.closed_by_server(std::chrono::milliseconds(500));
  }
  EXPECT_TRUE(closed) << "still open after 12 s";
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(8));
}

// One address cannot hold more than its share: its slowest connection gives
// way to its next one, and another address is served at once.
TEST(Hardening, OneAddressHoldsAtMostItsShareOfConnections) {
  testing::TempDir dir;
  ServerProcess server(dir.path().string(), {"--max-connections-per-address", "4"});
  std::vector<std::unique_ptr<Client>> slow;
  for (int i = 0; i < 8; ++i) {
    slow.push_back(std::make_unique<Client>(server.port()));
    ASSERT_TRUE(slow.back()->send_text(kPartialHeader));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // older than the eviction grace
  }
  int closed = 0;
  for (auto& c : slow) closed += c->closed_by_server(std::chrono::milliseconds(100));
  EXPECT_EQ(closed, 4) << "8 connections from one address, 4 allowed";
  EXPECT_EQ(status_of(raw_http(server.port(), get("/healthz"))), 200) << "the same address, a complete request";
  Client other(server.port(), "127.0.0.2");
  ASSERT_TRUE(other.send_text(get("/healthz")));
  other.closed_by_server(std::chrono::seconds(5));
  EXPECT_EQ(status_of(other.answer()), 200);
}

// At the overall cap a new connection is not refused while slow ones hold
// the places: the slowest gives way (it used to be 503).
TEST(Hardening, AtTheConnectionCapTheSlowestIdleGivesWay) {
  testing::TempDir dir;
  ServerProcess server(dir.path().string(), {"--max-connections", "6", "--max-connections-per-address", "0"});
  std::vector<std::unique_ptr<Client>> slow;
  for (int i = 0; i < 6; ++i) {
    slow.push_back(std::make_unique<Client>(server.port(), "127.0.0." + std::to_string(10 + i)));
    ASSERT_TRUE(slow.back()->send_text(kPartialHeader));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  for (int i = 0; i < 3; ++i) {
    Client normal(server.port(), "127.0.0.3");
    ASSERT_TRUE(normal.send_text(get("/healthz")));
    normal.closed_by_server(std::chrono::seconds(5));
    EXPECT_EQ(status_of(normal.answer()), 200) << normal.answer();
  }
  int closed = 0;
  for (auto& c : slow) closed += c->closed_by_server(std::chrono::milliseconds(100));
  EXPECT_GE(closed, 1);
}

// next= leads only to paths on this site: a tab (dropped by browsers) or a
// backslash must not turn "/\t/evil.example" into another site.
TEST(Hardening, LoginRedirectsOnlyToPathsOnThisSite) {
  testing::TempDir dir;
  add_user(dir.path().string(), "next@example.org", "partner");
  ServerProcess server(dir.path().string());
  auto form = raw_http(server.port(), get("/login"));
  std::string csrf = cookie_value(form, "samen_csrf");
  auto login_to = [&](const std::string& encoded_next) {
    return raw_http(server.port(),
                    post_form("/login", "samen_csrf=" + csrf,
                              "_csrf=" + csrf + "&email=next%40example.org&password=a+good+long+password&next=" +
                                  encoded_next));
  };
  for (std::string bad : {"%2F%09%2Fevil.example", "%2F%5Cevil.example", "%2F%2Fevil.example", "%2F%0A%2Fevil",
                          "%2F%252F%252Fevil.example", "https%3A%2F%2Fevil.example", "%2Fa%2F%2Fb"}) {
    auto res = login_to(bad);
    EXPECT_EQ(status_of(res), 303) << bad;
    EXPECT_EQ(header_value(res, "Location"), "/") << bad;
  }
  EXPECT_EQ(header_value(login_to("%2Fdirectory%3Fq%3Da"), "Location"), "/directory?q=a");
  auto page = raw_http(server.port(), get("/login?next=/%09/evil.example"));
  EXPECT_NE(page.find("name=\"next\" value=\"/\""), std::string::npos) << "the form carries no foreign next";
  EXPECT_EQ(page.find("value=\"/\t/evil.example"), std::string::npos);
}

// The language switch links to this site whatever the request path.
TEST(Hardening, LanguageLinksNeverPointToAnotherSite) {
  testing::TempDir dir;
  ServerProcess server(dir.path().string());
  for (std::string path : {"//evil.example", "///evil.example/x", "/\\evil.example"}) {
    auto res = raw_http(server.port(), get(path));
    EXPECT_NE(status_of(res), 0) << path;
    EXPECT_EQ(res.find("href=\"//"), std::string::npos) << path;
    EXPECT_EQ(res.find("href=\"/\\"), std::string::npos) << path;
  }
  auto res = raw_http(server.port(), get("//evil.example"));
  EXPECT_NE(res.find("href=\"/evil.example?lang=fr\""), std::string::npos) << res.substr(0, 2000);
}

// An upload route allows a large body only to callers its access rule
// admits, decided on the header: others are refused before any body byte is
// read (they used to have their whole body buffered first).
TEST(Hardening, ALargeBodyIsRefusedOnTheHeaderToCallersWhoMayNotUpload) {
  testing::TempDir dir;
  add_user(dir.path().string(), "coord@example.org", "coordinator");
  add_user(dir.path().string(), "partner@example.org", "partner");
  ServerProcess server(dir.path().string());
  std::string coord = login(server.port(), "coord%40example.org");
  std::string partner = login(server.port(), "partner%40example.org");
  ASSERT_FALSE(coord.empty());
  ASSERT_FALSE(partner.empty());
  auto upload_head = [](const std::string& cookie, std::size_t length) {
    return "POST /directory/import HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + cookie +
           "Content-Type: multipart/form-data; boundary=BOUND\r\nContent-Length: " + std::to_string(length) +
           "\r\n\r\n";
  };
  const std::size_t five_mib = 5u << 20;
  auto anonymous = raw_http(server.port(), upload_head("", five_mib), std::chrono::seconds(3));
  EXPECT_EQ(status_of(anonymous), 403) << "no body sent: the answer comes from the header alone";
  auto partner_try = raw_http(server.port(), upload_head("Cookie: samen_session=" + partner + "\r\n", five_mib),
                              std::chrono::seconds(3));
  EXPECT_EQ(status_of(partner_try), 403);
  auto api = raw_http(server.port(),
                      "POST /api/v1/services HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                      "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n",
                      std::chrono::seconds(3));
  EXPECT_EQ(status_of(api), 401) << "an anonymous API write announcing a large body: who, before how much";

  // The coordinator's 3 MiB upload is read and handled.
  auto page = raw_http(server.port(), get("/directory/import", "Cookie: samen_session=" + coord + "\r\n"));
  std::string csrf = form_csrf(page);
  ASSERT_FALSE(csrf.empty()) << page.substr(0, 300);
  std::string body = "--BOUND\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf +
                     "\r\n--BOUND\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" +
                     std::string(3u << 20, 'a') + "\r\n--BOUND--\r\n";
  auto coord_upload = raw_http(server.port(),
                               upload_head("Cookie: samen_session=" + coord + "\r\n", body.size()) + body);
  int status = status_of(coord_upload);
  EXPECT_NE(status, 0);
  EXPECT_NE(status, 403) << coord_upload.substr(0, 300);
  EXPECT_NE(status, 413);
}

// A PostgreSQL restart while Samen serves: /healthz answers 503 while the
// database is away (no request hangs past its timeout) and 200 again once it
// is back, without restarting Samen. A cluster of its own, so the shared
// test cluster is not disturbed.
TEST(Hardening, APostgresRestartGives503ThenRecoversByItself) {
  if (testing::pg_admin_url().empty()) {
    if (testing::pg_required()) FAIL() << "SAMEN_TEST_PG is not set";
    GTEST_SKIP() << "SAMEN_TEST_PG not set";
  }
  testing::TempDir scratch;
  const std::string cluster = "/tmp/samen-pg-restart-" + std::to_string(getpid());
  const std::string script = samen::testing::source_dir() + "/scripts/pg-test-cluster";
  FILE* out = popen((script + " start " + cluster + " 2>&1").c_str(), "r");
  ASSERT_NE(out, nullptr);
  std::string printed, url;
  for (char buf[512]; fgets(buf, sizeof buf, out);) printed += buf;
  ASSERT_EQ(pclose(out), 0) << printed;
  url = printed.substr(printed.rfind("postgresql://"));
  url.erase(url.find_last_not_of("\n") + 1);
  struct StopCluster {
    std::string cmd;
    ~StopCluster() { (void)!std::system(cmd.c_str()); }
  } stop{script + " stop " + cluster + " >/dev/null 2>&1"};

  ServerProcess server(scratch.path().string(), {"--db", url});
  EXPECT_EQ(status_of(raw_http(server.port(), get("/healthz"))), 200);
  ASSERT_EQ(std::system((script + " pause " + cluster).c_str()), 0);
  for (const char* path : {"/healthz", "/services?q=opvang", "/hsds/services"}) {
    auto start = std::chrono::steady_clock::now();
    auto r = raw_http(server.port(), get(path), std::chrono::seconds(20));
    auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(status_of(r), 503) << path << ": " << r.substr(0, 200);
    EXPECT_LT(took, std::chrono::seconds(12)) << path;
  }
  ASSERT_EQ(std::system((script + " resume " + cluster).c_str()), 0);
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (status != 200 && std::chrono::steady_clock::now() < deadline) {
    status = status_of(raw_http(server.port(), get("/healthz")));
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  EXPECT_EQ(status, 200) << "back by itself once the database is";
  EXPECT_EQ(status_of(raw_http(server.port(), get("/hsds/services"))), 200);
  EXPECT_TRUE(server.running());
}

}  // namespace
}  // namespace samen
