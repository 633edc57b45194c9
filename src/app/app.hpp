// The Samen application: the database, the route table of every module, and
// the request pipeline (route → caller → language → CSRF → access → handler
// → security headers, access log, metrics). Independent of the transport, so
// tests and the fuzz target call handle() directly.
#pragma once
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/metrics.hpp"
#include "app/rate_limit.hpp"
#include "app/routes.hpp"
#include "http/message.hpp"
#include "http/server.hpp"
#include "store/database.hpp"

namespace samen::directory {
class ServiceSearch;
}

namespace samen::app {

struct AppOptions {
  std::filesystem::path data_dir = "./samen-data";  // files beside the database (search index)
  bool behind_tls = false;       // Secure cookies, HSTS, trust X-Forwarded-For from the proxy
  bool access_log = true;
  std::string tile_url;          // map tiles (service map); "" = no external tiles
  // Identical searches within this time share one answer (0 = always ask the engine).
  std::chrono::milliseconds search_cache = std::chrono::milliseconds(1000);
  // Client addresses that may read /metrics without a token (a scraper);
  // otherwise only an admin's API token may.
  std::vector<std::string> metrics_allow;
  // Heavy public requests (whole-set streams, large searches) per client
  // address and minute; beyond, 429 with Retry-After.
  std::size_t heavy_requests_per_minute = 30;
};

class App {
 public:
  App(AppOptions options, std::unique_ptr<store::Database> db);
  ~App();

  http::Response handle(http::Request& req);
  // Response for errors found by the transport (400, 413, 431, 503, 500).
  http::Response transport_error(int status, const http::Request& req);
  // What to do with a request's body, on its header alone: an upload route's
  // larger limit only for a caller its access rule admits (session or token
  // identified from the header); others get the default limit, and a refusal
  // at once when they announce a larger body.
  http::BodyPolicy body_policy_for(const http::Request& head);

  store::Database& db() { return *db_; }
  const Routes& routes() const { return routes_; }
  const AppOptions& options() const { return options_; }
  Metrics& metrics() { return metrics_; }
  RateLimiter& heavy_requests() { return heavy_requests_; }
  const i18n::Catalog& catalog() const { return *catalog_; }
  directory::ServiceSearch& search() { return *search_; }

  // Renders an error page or JSON error in the language of the request.
  http::Response error(Context& ctx, int status, const std::string& code, const std::string& message_key);

 private:
  http::Response dispatch(Context& ctx);
  void identify_caller(Context& ctx, bool api);
  void choose_language(Context& ctx);
  bool csrf_ok(Context& ctx);
  void finish(Context& ctx, http::Response& res, double seconds);

  AppOptions options_;
  std::unique_ptr<store::Database> db_;
  const i18n::Catalog* catalog_;
  Routes routes_;
  Metrics metrics_;
  RateLimiter heavy_requests_;
  std::unique_ptr<directory::ServiceSearch> search_;
};

std::int64_t unix_now();

}  // namespace samen::app
