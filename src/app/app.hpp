// The Samen application: the database, the route table of every module, and
// the request pipeline (route → caller → language → CSRF → access → handler
// → security headers, access log, metrics). Independent of the transport, so
// tests and the fuzz target call handle() directly.
#pragma once
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeindex>
#include <vector>

#include "app/metrics.hpp"
#include "app/module.hpp"
#include "app/rate_limit.hpp"
#include "app/routes.hpp"
#include "http/message.hpp"
#include "http/server.hpp"
#include "store/database.hpp"

namespace samen::app {

struct AppOptions {
  std::filesystem::path data_dir = "./samen-data";  // files beside the database (search index)
  bool behind_tls = false;       // Secure cookies, HSTS, trust X-Forwarded-For from the proxy
  bool access_log = true;
  Settings settings;             // the modules' own serve settings (Module::serve_options)
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
  // A module setting (Module::serve_options), or `fallback` when not given.
  std::string setting(const std::string& name, const std::string& fallback = "") const;

  // What a module keeps for the life of the process (its search engine,
  // caches), put there by its start() and found by type.
  template <class T>
  void put(std::shared_ptr<T> part) {
    parts_[std::type_index(typeid(T))] = std::move(part);
  }
  template <class T>
  T& get() const {
    auto it = parts_.find(std::type_index(typeid(T)));
    if (it == parts_.end()) throw std::logic_error(std::string("no ") + typeid(T).name() + " in the App");
    return *static_cast<T*>(it->second.get());
  }
  // Adds an origin to the Content-Security-Policy's img-src (e.g. map tiles).
  void allow_image_source(const std::string& origin) { image_sources_ += " " + origin; }

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
  std::map<std::type_index, std::shared_ptr<void>> parts_;
  std::string image_sources_;
  RateLimiter heavy_requests_;
};

std::int64_t unix_now();

}  // namespace samen::app
