// What a handler gets for one request: the request, the caller (session or
// API token), the UI language, the CSRF token for its forms, and helpers to
// translate, audit and build pages. Modules only see this and the App.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/sessions.hpp"
#include "http/forms.hpp"
#include "http/message.hpp"
#include "i18n/i18n.hpp"
#include "web/render.hpp"

namespace samen::app {

class App;

// Thrown by handlers to answer with an error page (or JSON error on the
// API) in the caller's language. message_key is a catalog key.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, std::string message_key)
      : std::runtime_error(code), status(status), code(std::move(code)), message_key(std::move(message_key)) {}
  int status;
  std::string code;         // machine-readable, e.g. "not_found"
  std::string message_key;  // catalog key of the human message
};

// A write based on a copy of the record that has changed since (optimistic
// locking): 409 with a message that says so, nothing written. Pages show it
// as a conflict notice and keep the editor's input; the API answers 412
// when the version came in If-Match (see app/api.hpp).
class StaleVersion : public HttpError {
 public:
  StaleVersion() : HttpError(409, "conflict", "error.stale_record") {}
};

// A change to an archived record: restore it first (409).
class ArchivedRecordError : public HttpError {
 public:
  ArchivedRecordError() : HttpError(409, "archived", "error.archived_record") {}
};

struct Context {
  Context(App& a, http::Request& r) : app(a), req(r) {}
  App& app;
  http::Request& req;
  std::int64_t now = 0;
  i18n::Lang lang = i18n::kDefaultLang;
  std::optional<accounts::Session> session;  // browser session
  std::optional<accounts::User> api_user;    // bearer token caller (API routes)
  std::string csrf;                          // token for this caller's forms
  std::vector<std::string> set_cookies;      // Set-Cookie values to add
  std::string route;                         // matched pattern, for logs and metrics

  const accounts::User* user() const {
    if (session) return &session->user;
    if (api_user) return &*api_user;
    return nullptr;
  }
  std::optional<accounts::Role> role() const {
    if (auto u = user()) return u->role;
    return std::nullopt;
  }
  const std::string& t(std::string_view key) const;
  std::string tf(std::string_view key, const std::map<std::string, i18n::Arg>& args) const;

  // The URL-encoded form body (throws HttpError 400 on malformed input).
  const http::Form& form();
  // A field of a posted form, or "" (also when the body is not a valid form).
  std::string form_or_empty(const std::string& name);
  std::string param(const std::string& name) const;  // decoded path parameter

  // Appends to the audit log as the current caller.
  void audit(const std::string& action, const std::string& target_type = "", const std::string& target_id = "",
             const std::string& detail = "");

  // Renders templates/<name>.tpl inside the layout. `content` fills the page's own variables.
  http::Response page(std::string_view name, const std::string& title, web::Dict& content, int status = 200);
  // A new content dictionary for page().
  web::Dict content_dict() const { return web::Dict("content"); }

 private:
  std::optional<http::Form> form_;
};

}  // namespace samen::app
