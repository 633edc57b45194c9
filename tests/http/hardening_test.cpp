// Hardening through the real samen binary (issue 14): response headers as a
// browser receives them, redirects that stay on the site, and the limits
// that keep slow or hostile clients from starving normal ones.
#include <gtest/gtest.h>

#include <string>
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

}  // namespace
}  // namespace samen
