// The Samen application: the database, the route table of every module, and
// the request pipeline (route → caller → language → CSRF → access → handler
// → security headers, access log, metrics). Independent of the transport, so
// tests and the fuzz target call handle() directly.
#pragma once
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "app/metrics.hpp"
#include "app/routes.hpp"
#include "http/message.hpp"
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
  // E-mail (src/notify): Samen's absolute address for links in e-mails, e.g.
  // https://samen.example ("" = no e-mail carries a link, none is queued);
  // the SMTP server ("" = messages wait in the outbox); the sender address.
  std::string public_url;
  std::string smtp_url;
  std::string mail_from;
};

class App {
 public:
  App(AppOptions options, std::unique_ptr<store::Database> db);
  ~App();

  http::Response handle(http::Request& req);
  // Response for errors found by the transport (400, 413, 431, 503, 500).
  http::Response transport_error(int status, const http::Request& req);
  // Body limit for an upload route, 0 for the default.
  std::size_t body_limit_for(std::string_view method, std::string_view path) const;

  store::Database& db() { return *db_; }
  const Routes& routes() const { return routes_; }
  const AppOptions& options() const { return options_; }
  Metrics& metrics() { return metrics_; }
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
  std::unique_ptr<directory::ServiceSearch> search_;
};

std::int64_t unix_now();

}  // namespace samen::app
