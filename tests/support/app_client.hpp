// Test support: drives an App in-process like a browser would, keeping
// cookies and picking CSRF tokens out of forms, without a network server.
#pragma once
#include <map>
#include <memory>
#include <regex>
#include <string>

#include "app/app.hpp"
#include "support/test_db.hpp"

namespace samen::testing {

class AppClient {
 public:
  explicit AppClient(app::App& app, std::string accept_language = "nl") : app_(app), lang_(std::move(accept_language)) {}

  http::Response request(const std::string& method, const std::string& target, const std::string& body = "",
                         const std::string& content_type = "application/x-www-form-urlencoded",
                         http::Headers extra = {}) {
    http::Request req;
    req.method = method;
    auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = target.substr(q + 1);
    req.remote_ip = ip;
    req.headers.emplace_back("accept-language", lang_);
    std::string cookies;
    for (const auto& [k, v] : jar_) cookies += (cookies.empty() ? "" : "; ") + k + "=" + v;
    if (!cookies.empty()) req.headers.emplace_back("cookie", cookies);
    if (!body.empty()) req.headers.emplace_back("content-type", content_type);
    for (auto& h : extra) req.headers.push_back(h);
    req.body = body;
    http::Response res = app_.handle(req);
    for (const auto& [k, v] : res.headers) {
      if (k != "Set-Cookie") continue;
      auto eq = v.find('='), semi = v.find(';');
      std::string name = v.substr(0, eq), value = v.substr(eq + 1, semi - eq - 1);
      if (value.empty() || v.find("Max-Age=0") != std::string::npos) jar_.erase(name);
      else jar_[name] = value;
    }
    if (res.header("content-type").value_or("").starts_with("text/html")) {
      std::smatch m;
      static const std::regex csrf_re(R"re(name="_csrf" value="([^"]+)")re");
      if (std::regex_search(res.body, m, csrf_re)) csrf_ = m[1];
    }
    return res;
  }
  http::Response get(const std::string& target) { return request("GET", target); }
  // Posts a form with the CSRF token of the last page seen.
  http::Response post(const std::string& target, const std::string& fields) {
    return request("POST", target, "_csrf=" + csrf_ + (fields.empty() ? "" : "&" + fields));
  }
  http::Response login(const std::string& email, const std::string& password) {
    get("/login");
    return post("/login", "email=" + http::url_encode(email) + "&password=" + http::url_encode(password));
  }
  std::string csrf() const { return csrf_; }
  bool has_cookie(const std::string& name) const { return jar_.count(name) > 0; }
  void set_cookie(const std::string& name, const std::string& value) { jar_[name] = value; }
  std::string ip = "192.0.2.10";

 private:
  app::App& app_;
  std::string lang_;
  std::map<std::string, std::string> jar_;
  std::string csrf_;
};

}  // namespace samen::testing
