// Operational routes: health check, Prometheus metrics, the OpenAPI document.
#include "app/api.hpp"
#include "app/app.hpp"
#include "app/shell.hpp"
#include "web/embedded.hpp"

namespace samen::app {

namespace {
bool is_loopback(const std::string& ip) {
  return ip.starts_with("127.") || ip == "::1" || ip.starts_with("::ffff:127.");
}

http::Response healthz(Context& ctx) {
  bool ok = false;
  try {
    ok = ctx.app.db().ping();
  } catch (const std::exception&) {
  }
  return json_response(ok ? 200 : 503, {{"status", ok ? "ok" : "unavailable"}});
}

// Scraped from the host itself, or by an admin's token.
http::Response metrics(Context& ctx) {
  if (!is_loopback(ctx.req.remote_ip) && ctx.role() != accounts::Role::admin)
    throw HttpError(403, "forbidden", "error.forbidden");
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
