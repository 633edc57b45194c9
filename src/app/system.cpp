// Operational routes: health check, Prometheus metrics, the OpenAPI document.
#include <algorithm>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/shell.hpp"
#include "web/embedded.hpp"

namespace samen::app {

namespace {

http::Response healthz(Context& ctx) {
  bool ok = false;
  try {
    ok = ctx.app.db().ping();
  } catch (const std::exception&) {
  }
  return json_response(ok ? 200 : 503, {{"status", ok ? "ok" : "unavailable"}});
}

// Read with an admin's token, or by a scraper whose address is allowed
// explicitly (behind a proxy on this host every peer is local, so a local
// peer proves nothing).
http::Response metrics(Context& ctx) {
  const auto& allow = ctx.app.options().metrics_allow;
  bool allowed = std::find(allow.begin(), allow.end(),
                           http::client_address(ctx.req, ctx.app.options().behind_tls)) != allow.end();
  if (!allowed && ctx.role() != accounts::Role::admin) {
    if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
    throw HttpError(403, "forbidden", "error.forbidden");
  }
  return http::Response::text(200, ctx.app.metrics().prometheus(ctx.app.db().stats()),
                              "text/plain; version=0.0.4; charset=utf-8");
}

http::Response openapi(Context&) {
  auto doc = embedded::find("api/openapi.json");
  if (!doc) throw HttpError(404, "not_found", "error.not_found");
  return http::Response::json(200, std::string(*doc));
}
}  // namespace

void register_system(Routes& r) {
  using accounts::Access;
  r.api("GET", "/healthz", Access::anyone(), healthz);
  r.api("GET", "/metrics", Access::anyone(), metrics);
  r.api("GET", "/api/v1/openapi.json", Access::anyone(), openapi);
}

}  // namespace samen::app
