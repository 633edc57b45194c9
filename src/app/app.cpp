// The request pipeline of Samen and the page layout shared by every module.
#include "app/app.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "accounts/audit.hpp"
#include "app/write.hpp"
#include "accounts/secrets.hpp"
#include "app/shell.hpp"
#include "http/multipart.hpp"
#include "web/render.hpp"

namespace samen::app {

namespace {

constexpr const char* kSessionCookie = "samen_session";
constexpr const char* kCsrfCookie = "samen_csrf";
constexpr const char* kLangCookie = "samen_lang";

bool is_state_changing(std::string_view m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

std::string cookie(const AppOptions& o, const std::string& name, const std::string& value, std::int64_t max_age,
                   bool http_only = true) {
  std::string c = name + "=" + value + "; Path=/; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (http_only) c += "; HttpOnly";
  if (o.behind_tls) c += "; Secure";
  return c;
}

std::string client_ip(const AppOptions& o, const http::Request& req) {
  return http::client_address(req, o.behind_tls);
}

// The current URL with ?lang= replaced, for the language switch; the path
// normalised, so "GET //evil.example" cannot make a link to another site.
std::string with_lang(const http::Request& req, i18n::Lang lang) {
  std::string q;
  for (const auto& [k, v] : http::parse_query_lenient(req.query)) {
    if (k == "lang") continue;
    q += (q.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
  }
  q += (q.empty() ? "" : "&") + std::string("lang=") + std::string(i18n::code(lang));
  return http::normalized_path(req.path) + "?" + q;
}

bool allowed_before_password_change(const http::Request& req) {
  return req.path == "/profile" || req.path == "/profile/password" || req.path == "/logout";
}

std::string_view native_name(i18n::Lang l) {
  switch (l) {
    case i18n::Lang::nl: return "Nederlands";
    case i18n::Lang::fr: return "Français";
    case i18n::Lang::en: return "English";
  }
  return "";
}

}  // namespace

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// ---- Context helpers -------------------------------------------------------

const std::string& Context::t(std::string_view key) const { return app.catalog().text(lang, key); }

std::string Context::tf(std::string_view key, const std::map<std::string, i18n::Arg>& args) const {
  return app.catalog().format(lang, key, args);
}

const http::Form& Context::form() {
  if (!form_) {
    auto type = req.header("content-type").value_or("");
    if (!req.body.empty() && http::is_multipart_form(type)) {  // uploads: the text fields (files via the body)
      try {
        form_ = http::Form(http::multipart_text_fields(http::parse_multipart(type, req.body)));
      } catch (const http::FormError&) {
        throw HttpError(400, "bad_form", "error.bad_form");
      }
      return *form_;
    }
    if (!req.body.empty() && type.find("application/x-www-form-urlencoded") == std::string::npos)
      throw HttpError(415, "unsupported_media_type", "error.unsupported_media_type");
    try {
      form_ = http::Form(http::parse_urlencoded(req.body));
    } catch (const http::FormError&) {
      throw HttpError(400, "bad_form", "error.bad_form");
    }
  }
  return *form_;
}

std::string Context::form_or_empty(const std::string& name) {
  if (req.method != "POST") return {};
  try {
    return form().get(name);
  } catch (const HttpError&) {
    return {};
  }
}

std::string Context::param(const std::string& name) const {
  auto it = req.params.find(name);
  if (it == req.params.end()) return {};
  try {
    return http::percent_decode(it->second, false);
  } catch (const http::FormError&) {
    throw HttpError(400, "bad_path", "error.bad_request");
  }
}

void Context::audit(const std::string& action, const std::string& target_type, const std::string& target_id,
                    const std::string& detail) {
  auto lease = app.db().acquire();
  accounts::record_audit(*lease, audit_entry(*this, action, target_type, target_id, detail));
}

http::Response Context::page(std::string_view name, const std::string& title, web::Dict& content, int status) {
  web::Dict layout("layout");
  layout.SetValue("LANG", std::string(i18n::code(lang)));
  layout.SetValue("TITLE", title);
  layout.SetValue("CSS_URL", web::asset_url("css/samen.css"));
  layout.SetValue("CSRF", csrf);
  layout.SetValue("CURRENT_PATH", http::normalized_path(req.path));
  auto caller = role();
  for (const auto& item : app.routes().nav) {
    if (!item.access.allows(caller)) continue;
    auto* d = layout.AddSectionDictionary("NAV");
    d->SetValue("HREF", item.href);
    d->SetValue("LABEL", t(item.label_key));
    bool current = item.href == "/" ? req.path == "/" : req.path.starts_with(item.href);
    if (current) d->ShowSection("CURRENT");
  }
  for (auto l : i18n::kLangs) {
    auto* d = layout.AddSectionDictionary("LANGS");
    d->SetValue("HREF", with_lang(req, l));
    d->SetValue("NAME", std::string(native_name(l)));
    d->SetValue("CODE", std::string(i18n::code(l)));
    if (l == lang) d->ShowSection("CURRENT");
  }
  if (auto u = user()) {
    auto* d = layout.AddSectionDictionary("SIGNED_IN");
    d->SetValue("USER_NAME", u->name);
    d->SetValue("CSRF", csrf);
  } else {
    layout.ShowSection("SIGNED_OUT");
  }
  if (auto ok = req.query_param("done"); ok && !ok->empty()) {
    // Only catalog keys under "done." are shown, so a crafted URL cannot inject text.
    std::string key = "done." + *ok;
    if (app.catalog().has(lang, key)) layout.SetValueAndShowSection("FLASH_TEXT", t(key), "FLASH");
  }
  // The content is rendered on its own (with its own auto-escaping) and
  // placed in the layout as already-escaped HTML.
  content.SetValue("CSRF", csrf);
  content.SetValue("LANG", std::string(i18n::code(lang)));
  std::string body_html;
  {
    std::string content_html = web::render(lang, name, content);
    layout.SetValue("CONTENT_HTML", content_html);
    body_html = web::render(lang, "layout", layout);
  }
  return http::Response::html(status, std::move(body_html));
}

// ---- App ----------------------------------------------------------------------

namespace {

// The router takes the first matching route. Of two patterns matching the
// same path, the one with a literal segment where the other has a parameter
// (at the first place they differ) must win ("/journal/calendar" over
// "/journal/{id}"), whatever order the modules added them in: a stable sort
// by segment count, then parameter-or-not per segment (literal first),
// keeps every other order as registered.
http::Router<Route> literal_segments_first(const http::Router<Route>& router) {
  auto key = [](const http::Router<Route>::Route& r) {
    std::vector<bool> params;
    for (const auto& s : r.segments) params.push_back(s.size() > 2 && s.front() == '{' && s.back() == '}');
    return std::pair(r.segments.size(), params);
  };
  std::vector<const http::Router<Route>::Route*> order;
  for (const auto& r : router.routes()) order.push_back(&r);
  std::stable_sort(order.begin(), order.end(), [&](const auto* a, const auto* b) { return key(*a) < key(*b); });
  http::Router<Route> sorted;
  for (const auto* r : order) sorted.add(r->method, r->pattern, r->handler);
  return sorted;
}

}  // namespace

App::App(AppOptions options, std::unique_ptr<store::Database> db)
    : options_(std::move(options)),
      db_(std::move(db)),
      catalog_(&i18n::Catalog::embedded()),
      heavy_requests_(*db_, options_.heavy_requests_per_minute, 60) {
  accounts::init_crypto();
  web::load_templates(*catalog_);
  register_system(routes_);
  register_home(routes_);
  for (const Module* m : modules()) {
    m->start(*this);
    m->routes(routes_);
  }
  routes_.router = literal_segments_first(routes_.router);
}

std::string App::setting(const std::string& name, const std::string& fallback) const {
  auto it = options_.settings.find(name);
  return it == options_.settings.end() || it->second.empty() ? fallback : it->second;
}

App::~App() = default;

http::BodyPolicy App::body_policy_for(const http::Request& head) {
  auto m = routes_.router.match(head.method, head.path);
  if (!m.route || m.route->handler.body_limit == 0) return {};
  const Route& route = m.route->handler;
  http::Request copy = head;
  Context ctx(*this, copy);
  ctx.now = unix_now();
  try {
    identify_caller(ctx, route.api);
  } catch (const store::StoreError&) {
    return {};  // the database is away: the default limit, and the pipeline answers 503
  }
  if (route.access.allows(ctx.role())) return {route.body_limit, 0};
  auto length = head.header("content-length");
  bool announced_large = false;
  try {
    announced_large = length && std::stoull(*length) > http::ServerConfig{}.default_body_limit;
  } catch (const std::exception&) {
  }
  if (!announced_large) return {};
  return {0, route.api && !ctx.user() ? 401 : 403};
}

http::Response App::handle(http::Request& req) {
  auto start = std::chrono::steady_clock::now();
  Context ctx(*this, req);
  ctx.now = unix_now();
  http::Response res;
  try {
    res = dispatch(ctx);
  } catch (const HttpError& e) {
    res = error(ctx, e.status, e.code, e.message_key);
  } catch (const store::StoreError& e) {
    bool busy = e.kind() == store::StoreError::Kind::busy || e.kind() == store::StoreError::Kind::connection;
    spdlog::error("storage error on {} {}: {}", req.method, ctx.route, e.what());
    res = error(ctx, busy ? 503 : 500, busy ? "unavailable" : "internal", busy ? "error.unavailable" : "error.internal");
  } catch (const std::exception& e) {
    spdlog::error("unhandled error on {} {}: {}", req.method, ctx.route, e.what());
    res = error(ctx, 500, "internal", "error.internal");
  }
  finish(ctx, res, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return res;
}

http::Response App::dispatch(Context& ctx) {
  auto& req = ctx.req;
  if (auto s = web::serve_static(req)) {
    ctx.route = "/static";
    return *s;
  }
  try {
    (void)http::percent_decode(req.path, false);  // throws on bad escapes or invalid UTF-8
  } catch (const http::FormError&) {
    throw HttpError(400, "bad_path", "error.bad_request");
  }
  auto match = routes_.router.match(req.method, req.path);
  bool api = req.wants_json();
  if (match.route) {
    ctx.route = match.route->pattern;
    api = match.route->handler.api;
  } else {
    ctx.route = "unmatched";
  }
  identify_caller(ctx, api);
  choose_language(ctx);
  if (!match.route) {
    if (!match.allowed.empty()) {
      auto res = error(ctx, 405, "method_not_allowed", "error.method_not_allowed");
      std::string allow;
      for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      res.set_header("Allow", allow);
      return res;
    }
    throw HttpError(404, "not_found", "error.not_found");
  }
  req.params = match.params;
  const Route& route = match.route->handler;
  if (!route.api && is_state_changing(req.method) && !csrf_ok(ctx))
    throw HttpError(403, "csrf", "error.csrf");
  if (!route.access.allows(ctx.role())) {
    if (!ctx.user()) {
      if (route.api) throw HttpError(401, "unauthorized", "error.unauthorized");
      return http::Response::redirect("/login?next=" + http::url_encode(req.path), 303);
    }
    throw HttpError(403, "forbidden", "error.forbidden");
  }
  // A one-time password (the demo admin's) is changed before anything else:
  // every page but the profile, where it is changed, leads there.
  if (ctx.session && ctx.session->user.must_change_password && !route.api && !allowed_before_password_change(req))
    return http::Response::redirect("/profile", 303);
  return route.handler(ctx);
}

void App::identify_caller(Context& ctx, bool api) {
  if (api) {
    // The API takes bearer tokens only: no cookies, so no CSRF exposure.
    auto auth = ctx.req.header("authorization");
    if (auth && auth->size() > 7 && auth->compare(0, 7, "Bearer ") == 0) {
      auto lease = db_->acquire();
      ctx.api_user = accounts::user_for_api_token(*lease, auth->substr(7), ctx.now);
    }
    return;
  }
  if (auto sid = ctx.req.cookie(kSessionCookie)) {
    auto lease = db_->acquire();
    ctx.session = accounts::find_session(*lease, *sid, ctx.now);
    if (ctx.session) {
      ctx.csrf = ctx.session->csrf_token;
      return;
    }
    ctx.set_cookies.push_back(cookie(options_, kSessionCookie, "", 0));  // expired or unknown: clear it
  }
  auto anon = ctx.req.cookie(kCsrfCookie);
  if (anon && anon->size() >= 32 && anon->size() <= 64) {
    ctx.csrf = *anon;
  } else {
    ctx.csrf = accounts::random_token();
    ctx.set_cookies.push_back(cookie(options_, kCsrfCookie, ctx.csrf, 12 * 3600));
  }
}

void App::choose_language(Context& ctx) {
  auto q = ctx.req.query_param("lang");
  std::optional<std::string> saved;
  if (auto u = ctx.user()) saved = u->lang;
  else saved = ctx.req.cookie(kLangCookie);
  ctx.lang = i18n::negotiate(q ? std::optional<std::string_view>(*q) : std::nullopt,
                             saved ? std::optional<std::string_view>(*saved) : std::nullopt,
                             ctx.req.header("accept-language"));
  if (!q || !i18n::parse_lang(*q)) return;
  // A choice made with the switch is remembered: in the account, or in a cookie.
  std::string code(i18n::code(ctx.lang));
  if (ctx.session && ctx.session->user.lang != code) {
    auto lease = db_->acquire();
    accounts::update_profile(*lease, ctx.session->user.id, ctx.session->user.name, code, ctx.now);
    ctx.session->user.lang = code;
  } else if (!ctx.session && saved != code) {
    ctx.set_cookies.push_back(cookie(options_, kLangCookie, code, 365 * 24 * 3600, false));
  }
}

bool App::csrf_ok(Context& ctx) {
  if (ctx.csrf.empty()) return false;
  // A malformed body is a 400 (thrown by form()), not a CSRF failure.
  std::string sent = ctx.form().get("_csrf");
  // An anonymous token is only valid with its own cookie, sent back by the browser.
  if (!ctx.session && ctx.req.cookie(kCsrfCookie) != ctx.csrf) return false;
  return accounts::constant_time_equal(sent, ctx.csrf);
}

http::Response App::error(Context& ctx, int status, const std::string& code, const std::string& message_key) {
  const std::string& message = ctx.t(message_key);
  if (ctx.req.wants_json() || (ctx.route != "unmatched" && ctx.route.starts_with("/api/"))) {
    nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
    return http::Response::json(status, j.dump());
  }
  try {
    web::Dict content = ctx.content_dict();
    content.SetIntValue("STATUS", status);
    content.SetValue("MESSAGE", message);
    return ctx.page("error", ctx.t("error.title") + " " + std::to_string(status), content, status);
  } catch (const std::exception& e) {
    spdlog::error("error page failed: {}", e.what());
    return http::Response::text(status, message);
  }
}

http::Response App::transport_error(int status, const http::Request& req) {
  http::Request copy = req;
  Context ctx(*this, copy);
  ctx.now = unix_now();
  ctx.route = "transport";
  // The head of a 413 is whole: the caller's saved language (account or cookie) can be read.
  std::optional<std::string> saved = status == 413 ? req.cookie(kLangCookie) : std::nullopt;
  if (auto sid = status == 413 ? req.cookie(kSessionCookie) : std::nullopt) {
    try {
      auto lease = db_->acquire();
      if (auto session = accounts::find_session(*lease, *sid, ctx.now)) saved = session->user.lang;
    } catch (const store::StoreError&) {
    }
  }
  ctx.lang = i18n::negotiate(std::nullopt, saved ? std::optional<std::string_view>(*saved) : std::nullopt,
                             req.header("accept-language"));
  // An upload route (one with a body limit of its own) says it was the file.
  auto m = routes_.router.match(req.method, req.path);
  bool upload = status == 413 && m.route && m.route->handler.body_limit > 0;
  std::string key = upload ? "error.upload_too_large" : status == 413 ? "error.too_large" : status == 431 ? "error.headers_too_large"
                    : status == 503 ? "error.unavailable" : status == 500 ? "error.internal"
                    : status == 401 ? "error.unauthorized" : status == 403 ? "error.forbidden" : "error.bad_request";
  std::string code = status == 413 ? "too_large" : status == 431 ? "headers_too_large"
                     : status == 503 ? "unavailable" : status == 500 ? "internal"
                     : status == 401 ? "unauthorized" : status == 403 ? "forbidden" : "bad_request";
  // No session lookup here: the request may be partial. The page is anonymous.
  http::Response res = error(ctx, status, code, key);
  finish(ctx, res, 0);
  return res;
}

void App::finish(Context& ctx, http::Response& res, double seconds) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "strict-origin-when-cross-origin");
  res.set_header("X-Frame-Options", "DENY");
  std::string img = "img-src 'self' data:" + image_sources_;
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; " + img +
                     "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");
  if (options_.behind_tls) res.set_header("Strict-Transport-Security", "max-age=31536000");
  for (const auto& prefix : routes_.any_origin_prefixes)
    if (ctx.req.path.starts_with(prefix)) res.set_header("Access-Control-Allow-Origin", "*");
  if (!res.header("cache-control")) res.set_header("Cache-Control", ctx.user() ? "private, no-store" : "no-cache");
  if (!res.header("vary")) res.set_header("Vary", "Cookie, Accept-Language");
  for (const auto& c : ctx.set_cookies) res.headers.emplace_back("Set-Cookie", c);
  if (ctx.req.method == "HEAD") {
    res.body.clear();  // Content-Length is still computed by the transport
    res.stream = nullptr;
  }
  metrics_.observe(ctx.route, res.status, seconds);
  if (options_.access_log) {
    // Route pattern, not the raw path: paths may carry invitation tokens.
    nlohmann::json line = {{"method", ctx.req.method}, {"route", ctx.route}, {"status", res.status},
                           {"ms", seconds * 1000}, {"bytes", res.body.size()},
                           {"ip", client_ip(options_, ctx.req)}, {"lang", i18n::code(ctx.lang)}};
    if (auto u = ctx.user()) line["user"] = u->id;
    spdlog::info("{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

}  // namespace samen::app
