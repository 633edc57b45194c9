// Plain HTTP request and response values. The Boost.Beast adapter (server.cpp)
// converts to and from these, so handlers, tests and the fuzz target never see
// the HTTP library and compile without its heavy headers.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samen::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;     // "GET", "POST", ...
  std::string path;       // raw path, without query
  std::string query;      // raw query string, without '?'
  Headers headers;        // names in lower case
  std::string body;
  std::string remote_ip;
  std::map<std::string, std::string> params;  // path parameters filled by the router

  std::optional<std::string> header(std::string_view name) const;  // name in lower case
  std::optional<std::string> cookie(std::string_view name) const;
  // First value of a query parameter, percent-decoded; nullopt when absent.
  std::optional<std::string> query_param(std::string_view name) const;
  bool wants_json() const;  // /api/ or /hsds/ routes, or Accept: application/json
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // A body too large to hold at once, produced piece by piece and sent with
  // chunked transfer encoding: each call fills the (cleared) `chunk` with the
  // next piece and returns false when it was the last one. When set, `body`
  // is not sent.
  std::function<bool(std::string& chunk)> stream;

  Response& set_header(std::string name, std::string value);
  std::optional<std::string> header(std::string_view name) const;

  static Response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  static Response html(int status, std::string body);
  static Response json(int status, std::string body);
  static Response redirect(std::string location, int status = 303);
};

std::string_view reason_phrase(int status);

// The client's address: the socket peer, or behind a proxy on this host
// (which appends the peer it saw to X-Forwarded-For) the last address there.
std::string client_address(const Request& req, bool behind_proxy);

}  // namespace samen::http
