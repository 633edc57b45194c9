// Helpers on the plain HTTP request and response values.
#include "http/message.hpp"

#include "http/forms.hpp"
#include "util/text.hpp"

namespace samen::http {

namespace {
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}
}  // namespace

std::optional<std::string> Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (!iequals(k, "cookie")) continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      auto semi = rest.find(';');
      std::string_view part = text::trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      auto eq = part.find('=');
      if (eq == std::string_view::npos) continue;
      if (text::trim(part.substr(0, eq)) == name) return std::string(text::trim(part.substr(eq + 1)));
    }
  }
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  auto fields = parse_query_lenient(query);
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return std::nullopt;
}

bool Request::wants_json() const {
  if (path.starts_with("/api/") || path.starts_with("/hsds")) return true;
  auto accept = header("accept");
  return accept && accept->find("application/json") != std::string::npos &&
         accept->find("text/html") == std::string::npos;
}

Response& Response::set_header(std::string name, std::string value) {
  for (auto& [k, v] : headers)
    if (iequals(k, name)) {
      v = std::move(value);
      return *this;
    }
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::optional<std::string> Response::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return std::nullopt;
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("Content-Type", std::move(content_type));
  return r;
}

Response Response::html(int status, std::string body) {
  return text(status, std::move(body), "text/html; charset=utf-8");
}

Response Response::json(int status, std::string body) {
  return text(status, std::move(body), "application/json");
}

Response Response::redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.set_header("Location", std::move(location));
  return r;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "";
  }
}

std::string client_address(const Request& req, bool behind_proxy) {
  if (behind_proxy) {
    if (auto xff = req.header("x-forwarded-for")) {
      auto comma = xff->rfind(',');
      std::string_view last = text::trim(comma == std::string::npos ? std::string_view(*xff)
                                                              : std::string_view(*xff).substr(comma + 1));
      if (!last.empty() && last.size() < 64) return std::string(last);
    }
  }
  return req.remote_ip;
}

}  // namespace samen::http
