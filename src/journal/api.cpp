// The journal's JSON API /api/v1/activities (openapi.json): list with
// filters, get, create, PUT/PATCH with optimistic locking (If-Match → 412,
// a "version" in the body → 409), DELETE = archive. The same visibility and
// validation rules as the pages (activity.hpp); an activity the caller may
// not see answers 404.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "journal/handlers.hpp"
#include "journal/lookback_handlers.hpp"
#include "journal/search.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;
using nlohmann::json;

http::Response validation_error(Context& ctx, const FieldErrors& errors) {
  json fields = json::object();
  for (const auto& [field, key] : errors) fields[field] = ctx.t(key);
  return app::validation_failed(ctx.t("journal.error.validation"), std::move(fields));
}

// Reads a string member ("" when absent or null; an error when of another type).
std::string string_of(const json& j, const char* name, FieldErrors& e) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_string()) {
    e[name] = "journal.error.type_mismatch";
    return "";
  }
  return text::trimmed(it->get<std::string>());
}

namespace {

constexpr std::size_t kMaxBody = 1u << 20;

json activity_json(const Activity& a) {
  return {{"id", a.id},
          {"type", a.type},
          {"title", a.title},
          {"starts_at", app::rfc3339(a.starts_at)},
          {"ends_at", app::rfc3339(a.ends_at())},
          {"duration_minutes", a.duration_minutes},
          {"place", a.place},
          {"online_url", a.online_url},
          {"languages", a.languages},
          {"team_id", a.team_id.empty() ? json(nullptr) : json(a.team_id)},
          {"visibility", a.visibility},
          {"facilitator_id", a.facilitator_id ? json(*a.facilitator_id) : json(nullptr)},
          {"external_participants", a.external_participants},
          {"agenda", a.agenda},
          {"notes", a.notes},
          {"decisions", a.decisions},
          {"organization_ids", a.organization_ids},
          {"person_ids", a.person_ids},
          {"created_by", a.created_by ? json(*a.created_by) : json(nullptr)},
          {"version", a.version},
          {"created_at", app::rfc3339(a.created_at)},
          {"updated_at", app::rfc3339(a.updated_at)},
          {"archived_at", app::rfc3339_or_null(a.archived_at)}};
}

http::Response record_response(int status, const Activity& a) {
  auto res = app::json_response(status, activity_json(a));
  res.set_header("ETag", app::etag(a.version));
  return res;
}

std::optional<std::int64_t> int_of(const json& j, const char* name, FieldErrors& e) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) {
    e[name] = "journal.error.type_mismatch";
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

// The body as an activity; the start is required, the end is the start plus
// duration_minutes or, without one, the given ends_at (not before the start).
Activity from_json(const json& j, FieldErrors& e) {
  Activity a;
  a.type = string_of(j, "type", e);
  a.title = string_of(j, "title", e);
  std::string starts = string_of(j, "starts_at", e);
  if (auto t = parse_rfc3339(starts)) a.starts_at = *t;
  else if (!e.count("starts_at")) e["starts_at"] = "journal.error.starts_at_rfc3339";
  if (auto d = int_of(j, "duration_minutes", e)) {
    a.duration_minutes = *d;
  } else if (std::string ends = string_of(j, "ends_at", e); !ends.empty()) {
    auto end = parse_rfc3339(ends);
    if (!end) e["ends_at"] = "journal.error.starts_at_rfc3339";
    else if (!e.count("starts_at") && *end <= a.starts_at) e["ends_at"] = "journal.error.end_before_start";
    else a.duration_minutes = (*end - a.starts_at + 59) / 60;
  } else if (!e.count("duration_minutes")) {
    e["duration_minutes"] = "journal.error.duration";
  }
  a.place = string_of(j, "place", e);
  a.online_url = string_of(j, "online_url", e);
  a.team_id = string_of(j, "team_id", e);
  a.visibility = string_of(j, "visibility", e);
  if (a.visibility.empty() && !e.count("visibility")) a.visibility = "network";
  a.facilitator_id = int_of(j, "facilitator_id", e);
  a.external_participants = int_of(j, "external_participants", e).value_or(0);
  a.agenda = string_of(j, "agenda", e);
  a.notes = string_of(j, "notes", e);
  a.decisions = string_of(j, "decisions", e);
  auto list = [&](const char* name, auto&& each) {
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_array()) {
      e[name] = "journal.error.type_mismatch";
      return;
    }
    for (const auto& item : *it) each(item);
  };
  list("languages", [&](const json& item) {
    if (item.is_string()) a.languages.push_back(item.get<std::string>());
    else e["languages"] = "journal.error.type_mismatch";
  });
  list("organization_ids", [&](const json& item) {
    if (item.is_string()) a.organization_ids.push_back(item.get<std::string>());
    else e["organization_ids"] = "journal.error.type_mismatch";
  });
  list("person_ids", [&](const json& item) {
    if (item.is_number_integer()) a.person_ids.push_back(item.get<std::int64_t>());
    else e["person_ids"] = "journal.error.type_mismatch";
  });
  return a;
}

std::optional<std::int64_t> body_version(const json& j, FieldErrors& e) { return int_of(j, "version", e); }

json body(Context& ctx) {
  if (ctx.req.body.size() > kMaxBody) throw HttpError(413, "too_large", "error.too_large");
  return app::json_body(ctx);
}

std::optional<std::int64_t> time_param(const Context& ctx, const char* name) {
  auto v = ctx.req.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  if (auto t = parse_rfc3339(*v)) return t;
  if (auto t = parse_local_date_time(*v + "T00:00")) return t;  // a date: Brussels midnight
  throw HttpError(400, "bad_request", "journal.error.starts_at_rfc3339");
}

Activity load_visible(Context& ctx, const std::string& id) {
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  auto a = load_activity(*lease, id);
  if (!a || !may_see(v, a->visibility, a->team_id)) throw HttpError(404, "not_found", "error.not_found");
  return *a;
}

struct Invalid {
  FieldErrors errors;
};

// PUT (merge = false) or PATCH (merge = true: the body is merged into the current record).
http::Response update(Context& ctx, bool merge) {
  std::string id = ctx.param("id");
  auto if_match = app::if_match_version(ctx);
  json j = body(ctx);
  FieldErrors errors;
  auto expected = if_match ? if_match : body_version(j, errors);
  try {
    app::write(ctx, [&](app::Change& change) {
      core::Network n = core::load_network(change.db);
      Viewer v = viewer(ctx, n);
      const auto before = editable_activity(change.db, v, id, ArchivedActivity::allowed);
      json source = j;
      if (merge) {
        source = activity_json(before);
        source.erase("ends_at");
        if (j.contains("ends_at") && !j.contains("duration_minutes")) source.erase("duration_minutes");
        source.merge_patch(j);
      }
      Activity next = from_json(source, errors);
      check_activity(change.db, n, next, v, errors, before.type);
      if (!errors.empty()) throw Invalid{errors};
      update_activity(change, before, next, expected);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  } catch (const app::StaleVersion&) {
    // If-Match is HTTP's precondition (412); a version in the body is a conflict of the data (409).
    if (if_match)
      return app::json_response(412, {{"error", {{"code", "precondition_failed"},
                                                 {"message", ctx.t("error.precondition_failed")}}}});
    throw;
  }
  return record_response(200, load_visible(ctx, id));
}

}  // namespace

http::Response api_list(Context& ctx) {
  auto page = app::page_request(ctx);
  // lookback: ?q= is a full-text search (search.hpp), best matches first; alone, without the list's filters.
  if (auto q = ctx.req.query_param("q"); q && !text::trimmed(*q).empty()) {
    for (const char* other : {"team", "type", "from", "to", "archived"})
      if (ctx.req.query_param(other)) throw HttpError(400, "bad_request", "journal.lookback.error.q_alone");
    if (q->size() > 1000) throw HttpError(400, "bad_request", "journal.lookback.error.query");
    auto lease = ctx.app.db().acquire();
    core::Network n = core::load_network(*lease);
    auto found = search_visible(ctx, *lease, viewer(ctx, n), *q, page.offset(), std::min<std::int64_t>(page.per_page, 100), true);
    load_participants(*lease, found.items);
    json items = json::array();
    for (const auto& a : found.items) items.push_back(activity_json(a));
    return app::json_response(200, app::page_json(page, found.total, std::move(items)));
  }
  ListFilter f;
  f.team_id = text::trimmed(ctx.req.query_param("team").value_or("")).substr(0, 100);
  f.type = text::trimmed(ctx.req.query_param("type").value_or("")).substr(0, 100);
  f.from = time_param(ctx, "from");
  f.to = time_param(ctx, "to");
  std::string archived = ctx.req.query_param("archived").value_or("false");
  if (archived != "true" && archived != "false") throw HttpError(400, "bad_request", "error.bad_request");
  f.archived = archived == "true";
  f.offset = page.offset();
  f.limit = page.per_page;
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  auto list = list_activities(*lease, viewer(ctx, n), f);
  load_participants(*lease, list.items);
  json items = json::array();
  for (const auto& a : list.items) items.push_back(activity_json(a));
  return app::json_response(200, app::page_json(page, list.total, std::move(items)));
}

http::Response api_get(Context& ctx) {
  Activity a = load_visible(ctx, ctx.param("id"));
  if (a.visibility == "facilitators") ctx.audit("journal.activity.read", "journal.activity", a.id, "api");
  return record_response(200, a);
}

http::Response api_create(Context& ctx) {
  json j = body(ctx);
  FieldErrors errors;
  Activity a = from_json(j, errors);
  try {
    app::write(ctx, [&](app::Change& change) {
      core::Network n = core::load_network(change.db);
      check_activity(change.db, n, a, viewer(ctx, n), errors);
      if (!errors.empty()) throw Invalid{errors};
      insert_activity(change, a);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto res = record_response(201, load_visible(ctx, a.id));
  res.set_header("Location", "/api/v1/activities/" + a.id);
  return res;
}

http::Response api_put(Context& ctx) { return update(ctx, false); }
http::Response api_patch(Context& ctx) { return update(ctx, true); }

namespace {

// DELETE (archive) and restore: the same checks, If-Match → 412, the record as GET answers it.
http::Response set_archived(Context& ctx, bool archive) {
  std::string id = ctx.param("id");
  auto if_match = app::if_match_version(ctx);
  try {
    app::write(ctx, [&](app::Change& change) {
      editable_activity(change, id, ArchivedActivity::allowed);
      core::set_archived(change, activity_ref(id), archive, if_match);
      reindex_after_commit(change, id);  // lookback: the search index
    });
  } catch (const app::StaleVersion&) {
    return app::json_response(412, {{"error", {{"code", "precondition_failed"},
                                               {"message", ctx.t("error.precondition_failed")}}}});
  }
  return record_response(200, load_visible(ctx, id));
}

}  // namespace

http::Response api_delete(Context& ctx) { return set_archived(ctx, true); }
http::Response api_restore(Context& ctx) { return set_archived(ctx, false); }

}  // namespace samen::journal
