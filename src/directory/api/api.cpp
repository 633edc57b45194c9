// The staff JSON API of the service map: /api/v1/organizations, /services,
// /locations and /teams. GET lists (paged) and single records; POST creates;
// PUT replaces; PATCH merges; DELETE archives (a soft delete: the record
// stays, with archived_at, and POST .../restore brings it back). Same
// validation, permissions and audit as the staff pages; bearer tokens only.
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "directory/model/editing.hpp"
#include "directory/model/records_json.hpp"
#include "directory/module.hpp"
#include "util/text.hpp"

namespace samen::directory {

namespace {

using app::Context;
using app::HttpError;
using nlohmann::json;

constexpr std::size_t kMaxBody = 1 << 20;  // 1 MiB

json read(const Organization& o) { return to_json(o); }
json read(const Service& s) { return to_json(s); }
json read(const Location& l) { return to_json(l); }
json read(const Team& t) { return to_json(t); }

Organization from_body(const json& j, FieldErrors& e, const Organization*) { return organization_from_json(j, e); }
Service from_body(const json& j, FieldErrors& e, const Service*) { return service_from_json(j, e); }
Location from_body(const json& j, FieldErrors& e, const Location*) { return location_from_json(j, e); }
Team from_body(const json& j, FieldErrors& e, const Team*) { return team_from_json(j, e); }

std::string id_param(Context& ctx) {
  std::string id = ctx.param("id");
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

json body(Context& ctx) {
  if (ctx.req.body.size() > kMaxBody) throw HttpError(413, "too_large", "error.too_large");
  return app::json_body(ctx);
}

http::Response validation_error(Context& ctx, const FieldErrors& errors) {
  json fields = json::object();
  for (const auto& [field, key] : errors) {
    std::string name = json_field_name(field);
    if (!fields.contains(name)) fields[name] = ctx.t(key);
  }
  return app::validation_failed(ctx.t("staff.error.validation"), std::move(fields));
}

http::Response conflict(Context& ctx, const char* code, const char* key) {
  return app::json_response(409, {{"error", {{"code", code}, {"message", ctx.t(key)}}}});
}

// The optimistic check of a PUT/PATCH body: the "version" the client last
// read ("updated_at", "created_at" and "archived_at" are read-only).
std::optional<std::int64_t> expected_version(const json& j, FieldErrors& e) {
  auto it = j.find("version");
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) {
    e.emplace("version", "staff.invalid.type");
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

// A record's answer, with its version as the ETag.
http::Response record_response(int status, json record) {
  auto res = app::json_response(status, record);
  if (record.contains("version")) res.set_header("ETag", app::etag(record["version"].get<std::int64_t>()));
  return res;
}

template <class R>
json current_json(Context& ctx, const std::string& id) {
  auto lease = ctx.app.db().acquire();
  return read(load_or_404<R>(*lease, id));
}

template <class R>
http::Response list(Context& ctx) {
  auto page = app::page_request(ctx);
  ListQuery q;
  q.text = text::trimmed(ctx.req.query_param("q").value_or("")).substr(0, 200);
  std::string archived = ctx.req.query_param("archived").value_or("false");
  if (archived != "true" && archived != "false") throw HttpError(400, "bad_request", "error.bad_request");
  q.archived = archived == "true";
  q.offset = page.offset();
  q.limit = page.per_page;
  auto lease = ctx.app.db().acquire();
  auto summaries = list_records(*lease, Traits<R>::kind, q);
  json items = json::array();
  for (const auto& s : summaries.items)
    if (auto r = Traits<R>::load(*lease, s.id)) items.push_back(read(*r));
  return app::json_response(200, app::page_json(page, summaries.total, std::move(items)));
}

template <class R>
http::Response get(Context& ctx) {
  return record_response(200, current_json<R>(ctx, id_param(ctx)));
}

template <class R>
http::Response create(Context& ctx) {
  json j = body(ctx);
  FieldErrors parse_errors;
  R record = from_body(j, parse_errors, static_cast<const R*>(nullptr));
  try {
    auto out = create_checked(ctx, std::move(record), parse_errors);
    auto res = record_response(201, current_json<R>(ctx, out.id));
    res.set_header("Location", "/api/v1/" + std::string(kind_plural(Traits<R>::kind)) + "/" + out.id);
    return res;
  } catch (const ValidationFailed& e) {
    return validation_error(ctx, e.errors);
  }
}

// PUT (merge = false) replaces the record with the body; PATCH merges the
// body into the current record first.
template <class R>
http::Response replace(Context& ctx, bool merge) {
  std::string id = id_param(ctx);
  auto if_match = app::if_match_version(ctx);
  json j = body(ctx);
  FieldErrors parse_errors;
  auto expected = if_match ? if_match : expected_version(j, parse_errors);
  try {
    update_checked<R>(
        ctx, id,
        [&](const R& current) {
          json source = merge ? merge_patch(read(current), j) : j;
          FieldErrors errors = parse_errors;
          R next = from_body(source, errors, static_cast<const R*>(nullptr));
          if (!errors.empty()) {
            for (auto& [k, v] : validate(next)) errors.emplace(k, v);
            throw ValidationFailed(errors);
          }
          return next;
        },
        expected);
  } catch (const ValidationFailed& e) {
    return validation_error(ctx, e.errors);
  } catch (const StaleRecord&) {
    // If-Match is HTTP's precondition (412); a version in the body is a conflict of the data (409).
    if (if_match)
      return app::json_response(412, {{"error", {{"code", "precondition_failed"},
                                                 {"message", ctx.t("error.precondition_failed")}}}});
    return conflict(ctx, "conflict", "error.stale_record");
  } catch (const ArchivedRecord&) {
    return conflict(ctx, "archived", "error.archived_record");
  }
  return record_response(200, current_json<R>(ctx, id));
}

template <class R>
http::Response set_archive(Context& ctx, bool archive) {
  std::string id = id_param(ctx);
  archive_checked<R>(ctx, id, archive);
  return record_response(200, current_json<R>(ctx, id));
}

template <class R>
void register_kind(app::Routes& r, accounts::Access creators, accounts::Access editors, accounts::Access archivers) {
  std::string base = "/api/v1/" + std::string(kind_plural(Traits<R>::kind));
  r.api("GET", base, core::network_readers(), list<R>);
  r.api("POST", base, creators, create<R>, kMaxBody);
  r.api("GET", base + "/{id}", core::network_readers(), get<R>);
  r.api("PUT", base + "/{id}", editors, [](Context& ctx) { return replace<R>(ctx, false); }, kMaxBody);
  r.api("PATCH", base + "/{id}", editors, [](Context& ctx) { return replace<R>(ctx, true); }, kMaxBody);
  r.api("DELETE", base + "/{id}", archivers, [](Context& ctx) { return set_archive<R>(ctx, true); });
  r.api("POST", base + "/{id}/restore", archivers, [](Context& ctx) { return set_archive<R>(ctx, false); });
}

}  // namespace

void register_api(app::Routes& r) {
  register_kind<Organization>(r, core::network_editors(), core::partner_editors(), core::network_editors());
  register_kind<Service>(r, core::partner_editors(), core::partner_editors(), core::partner_editors());
  register_kind<Location>(r, core::partner_editors(), core::partner_editors(), core::partner_editors());
  register_kind<Team>(r, core::network_editors(), core::network_editors(), core::network_editors());
}

}  // namespace samen::directory
