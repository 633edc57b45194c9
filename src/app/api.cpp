// The JSON API's pagination, bodies and responses.
#include "app/api.hpp"

#include <charconv>
#include <ctime>

#include "app/write.hpp"
#include "http/forms.hpp"
#include "util/text.hpp"

namespace samen::app {

namespace {
std::int64_t query_int(const Context& ctx, const char* name, std::int64_t fallback, std::int64_t lo, std::int64_t hi) {
  auto v = ctx.req.query_param(name);
  if (!v || v->empty()) return fallback;
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || p != v->data() + v->size() || n < lo || n > hi)
    throw HttpError(400, "bad_pagination", "error.bad_pagination");
  return n;
}
}  // namespace

PageRequest page_request(const Context& ctx, std::int64_t default_per_page, std::int64_t max_per_page) {
  PageRequest p;
  p.page = query_int(ctx, "page", 1, 1, 1'000'000);
  p.per_page = query_int(ctx, "per_page", default_per_page, 1, max_per_page);
  return p;
}

nlohmann::json page_json(const PageRequest& p, std::int64_t total, nlohmann::json contents) {
  std::int64_t pages = total == 0 ? 1 : (total + p.per_page - 1) / p.per_page;
  return {{"total_items", total},       {"total_pages", pages},
          {"page_number", p.page},      {"size", p.per_page},
          {"first_page", p.page == 1},  {"last_page", p.page >= pages},
          {"empty", contents.empty()},  {"contents", std::move(contents)}};
}

http::Response json_response(int status, const nlohmann::json& j) {
  return http::Response::json(status, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

http::Response validation_failed(const std::string& message, nlohmann::json fields) {
  if (!fields.is_object()) fields = nlohmann::json::object();
  return json_response(422, {{"error", {{"code", "validation"}, {"message", message}, {"fields", std::move(fields)}}}});
}

std::string rfc3339(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

nlohmann::json rfc3339_or_null(const std::optional<std::int64_t>& unix_seconds) {
  return unix_seconds ? nlohmann::json(rfc3339(*unix_seconds)) : nlohmann::json(nullptr);
}

std::string etag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

std::optional<std::int64_t> if_match_version(const Context& ctx) {
  auto h = ctx.req.header("if-match");
  if (!h) return std::nullopt;
  std::string_view v = *h;
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  if (v == "*") return std::nullopt;
  if (v.starts_with("W/")) v.remove_prefix(2);
  if (v.size() < 3 || v.front() != '"' || v.back() != '"') throw HttpError(400, "bad_if_match", "error.bad_if_match");
  v = v.substr(1, v.size() - 2);
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size()) throw HttpError(400, "bad_if_match", "error.bad_if_match");
  return n;
}

UpdateVersion update_version(const Context& ctx, const nlohmann::json& body, std::map<std::string, std::string>& errors,
                             const std::string& type_key) {
  if (auto v = if_match_version(ctx)) return {v, true};
  if (!body.is_object()) return {};
  auto it = body.find("version");
  if (it == body.end() || it->is_null()) return {};
  if (!it->is_number_integer()) {
    errors["version"] = type_key;
    return {};
  }
  return {it->get<std::int64_t>(), false};
}

void write_update(Context& ctx, const UpdateVersion& version, const std::function<void(Change&)>& fn) {
  try {
    write(ctx, fn);
  } catch (const StaleVersion&) {
    if (version.from_if_match) throw HttpError(412, "precondition_failed", "error.precondition_failed");
    throw;
  }
}

nlohmann::json json_body(const Context& ctx) {
  auto type = ctx.req.header("content-type").value_or("");
  if (type.find("application/json") == std::string::npos)
    throw HttpError(415, "unsupported_media_type", "error.unsupported_media_type");
  if (!text::valid_utf8(ctx.req.body)) throw HttpError(400, "bad_json", "error.bad_json");
  auto j = nlohmann::json::parse(ctx.req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw HttpError(400, "bad_json", "error.bad_json");
  return j;
}

}  // namespace samen::app
