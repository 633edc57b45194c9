// Parents' voice's JSON API /api/v1/concerns (openapi.json): list with
// filters, get, create, PUT/PATCH with optimistic locking (If-Match → 412,
// a "version" in the body → 409). The same rules as the pages: every
// signed-in role reads and records, staff edit, and only the coordination
// writes the public wording or publishes (403 otherwise). `action_ids` links
// the plan's actions (unknown or archived ones → 422 on that field; an action
// archived after it was linked may stay); a PUT without it keeps the links.
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "parents/handlers.hpp"
#include "util/text.hpp"

namespace samen::parents {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxBody = 1u << 20;
constexpr const char* kLangs[] = {"nl", "fr", "en"};

json texts_json(const std::map<std::string, std::string>& m) {
  json j = json::object();
  for (const char* l : kLangs) j[l] = m.count(l) ? m.at(l) : "";
  return j;
}

json null_if_empty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json concern_json(const Concern& c) {
  return {{"id", c.id},
          {"text", c.text},
          {"theme", c.theme},
          {"language", c.language},
          {"municipality", null_if_empty(c.municipality)},
          {"source", c.source},
          {"status", c.status},
          {"status_note", c.status_note},
          {"team_id", null_if_empty(c.team_id)},
          {"group_id", null_if_empty(c.group_id)},
          {"raised_on", c.raised_on},
          {"action_ids", c.action_ids},
          {"published", c.published()},
          {"published_at", app::rfc3339_or_null(c.published_at)},
          {"public_text", texts_json(c.public_text)},
          {"response", texts_json(c.response)},
          {"version", c.version},
          {"created_at", app::rfc3339(c.created_at)},
          {"updated_at", app::rfc3339(c.updated_at)},
          {"archived_at", app::rfc3339_or_null(c.archived_at)}};
}

http::Response record_response(int status, const Concern& c) {
  auto res = app::json_response(status, concern_json(c));
  res.set_header("ETag", app::etag(c.version));
  return res;
}

http::Response validation_error(Context& ctx, const FieldErrors& errors) {
  json fields = json::object();
  for (const auto& [field, key] : errors) fields[field] = ctx.t(key);
  return app::json_response(422, {{"error", {{"code", "validation"}, {"message", ctx.t("parents.error.validation")},
                                            {"fields", fields}}}});
}

std::string string_of(const json& j, const char* name, FieldErrors& e) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_string()) {
    e[name] = "parents.error.type_mismatch";
    return "";
  }
  return text::trimmed(it->get<std::string>());
}

void texts_of(const json& j, const char* name, std::map<std::string, std::string>& out, FieldErrors& e) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_object()) {
    e[name] = "parents.error.type_mismatch";
    return;
  }
  out.clear();
  for (const char* l : kLangs) {
    auto t = it->find(l);
    if (t == it->end() || t->is_null()) continue;
    if (!t->is_string()) e[name] = "parents.error.type_mismatch";
    else if (auto s = text::trimmed(t->get<std::string>()); !s.empty()) out[l] = s;
  }
}

// The body as a concern, and whether it asks for publication (nullopt: not said).
Concern from_json(const json& j, FieldErrors& e, std::optional<bool>& published) {
  Concern c;
  c.text = string_of(j, "text", e);
  c.theme = string_of(j, "theme", e);
  c.language = string_of(j, "language", e);
  c.municipality = string_of(j, "municipality", e);
  c.source = string_of(j, "source", e);
  c.status = string_of(j, "status", e);
  if (c.status.empty() && !e.count("status")) c.status = "heard";
  c.status_note = string_of(j, "status_note", e);
  c.team_id = string_of(j, "team_id", e);
  c.group_id = string_of(j, "group_id", e);
  c.raised_on = string_of(j, "raised_on", e);
  texts_of(j, "public_text", c.public_text, e);
  texts_of(j, "response", c.response, e);
  if (auto it = j.find("action_ids"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) e["action_ids"] = "parents.error.type_mismatch";
    else
      for (const auto& a : *it) {
        if (!a.is_string()) e["action_ids"] = "parents.error.type_mismatch";
        else c.action_ids.push_back(a.get<std::string>());
      }
  }
  if (auto it = j.find("published"); it != j.end() && !it->is_null()) {
    if (it->is_boolean()) published = it->get<bool>();
    else e["published"] = "parents.error.type_mismatch";
  }
  return c;
}

json body(Context& ctx) {
  if (ctx.req.body.size() > kMaxBody) throw HttpError(413, "too_large", "error.too_large");
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  return j;
}

std::optional<std::int64_t> body_version(const json& j, FieldErrors& e) {
  auto it = j.find("version");
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) {
    e["version"] = "parents.error.type_mismatch";
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

bool publication_differs(const Concern& a, const Concern& b) { return a.public_text != b.public_text || a.response != b.response; }

ConcernFilter list_filter(const Context& ctx) {
  ConcernFilter f;
  auto q = [&](const char* name) { return ctx.req.query_param(name).value_or("").substr(0, 100); };
  f.theme = q("theme");
  f.status = q("status");
  f.team_id = q("team_id");
  f.municipality = q("municipality");
  f.source = q("source");
  f.group_id = q("group_id");
  if (!f.status.empty() && !known_status(f.status)) throw HttpError(400, "bad_request", "parents.error.status_unknown");
  if (!f.source.empty() && !known_source(f.source)) throw HttpError(400, "bad_request", "parents.error.source_unknown");
  std::string published = q("published");
  if (published == "true") f.published = true;
  else if (published == "false") f.published = false;
  else if (!published.empty()) throw HttpError(400, "bad_request", "error.bad_request");
  std::string archived = q("archived");
  if (archived == "true") f.archived = true;
  else if (!archived.empty() && archived != "false") throw HttpError(400, "bad_request", "error.bad_request");
  return f;
}

}  // namespace

http::Response api_list(Context& ctx) {
  auto p = app::page_request(ctx);
  ConcernFilter f = list_filter(ctx);
  f.offset = p.offset();
  f.limit = p.per_page;
  auto lease = ctx.app.db().acquire();
  auto list = list_concerns(*lease, f);
  json contents = json::array();
  for (const auto& c : list.items) contents.push_back(concern_json(c));
  return app::json_response(200, app::page_json(p, list.total, contents));
}

http::Response api_get(Context& ctx) {
  std::string id = path_id(ctx);
  auto lease = ctx.app.db().acquire();
  auto c = load_concern(*lease, id);
  if (!c) throw HttpError(404, "not_found", "error.not_found");
  return record_response(200, *c);
}

http::Response api_create(Context& ctx) {
  const auto& user = me(ctx);
  json j = body(ctx);
  FieldErrors errors;
  std::optional<bool> published;
  Concern c = from_json(j, errors, published);
  bool publication = published.value_or(false) || !c.public_text.empty() || !c.response.empty();
  if (publication && !may_publish(user.role)) throw HttpError(403, "forbidden", "parents.error.not_coordinator");
  // Linking actions is staff's, like editing (a partner or parent representative records the concern only).
  if (!c.action_ids.empty() && !may_edit(user.role)) throw HttpError(403, "forbidden", "error.forbidden");
  try {
    app::write(ctx, [&](app::Change& change) {
      // Every field's message at once: the type errors first, then the rules.
      for (auto& [field, key] : concern_errors(change.db, c, "")) errors.emplace(field, key);
      if (!errors.empty()) throw Invalid{errors};
      if (publication)
        if (auto e = validate_publication(c, published.value_or(false)); !e.empty()) throw Invalid{e};
      Concern wording = c;
      insert_concern(change, c);
      if (publication) {
        set_publication(change, c, wording, published.value_or(false), std::nullopt);
        c = wording;
      }
      if (published.value_or(false)) change.after_commit([&app = ctx.app] { forget_public_pages(app); });
    });
  } catch (const Invalid& i) {
    return validation_error(ctx, i.errors);
  }
  return record_response(201, c);
}

namespace {

// PUT (merge = false) or PATCH (merge = true: the body merged into the current record).
http::Response update(Context& ctx, bool merge) {
  std::string id = path_id(ctx);
  const auto& user = me(ctx);
  if (!may_edit(user.role)) throw HttpError(403, "forbidden", "error.forbidden");
  auto if_match = app::if_match_version(ctx);
  json j = body(ctx);
  FieldErrors errors;
  auto expected = if_match ? if_match : body_version(j, errors);
  Concern result;
  try {
    app::write(ctx, [&](app::Change& change) {
      auto before = load_concern(change.db, id);
      if (!before) throw HttpError(404, "not_found", "error.not_found");
      if (before->archived_at) throw app::ArchivedRecordError();
      json source = j;
      if (merge) {
        source = concern_json(*before);
        source.merge_patch(j);
      }
      std::optional<bool> published;
      Concern next = from_json(source, errors, published);
      if (!merge && !j.contains("public_text")) next.public_text = before->public_text;
      if (!merge && !j.contains("response")) next.response = before->response;
      if (!merge && !j.contains("action_ids")) next.action_ids = before->action_ids;  // a PUT without them keeps them
      bool publish = published.value_or(before->published());
      bool publication = publication_differs(*before, next) || publish != before->published();
      if (publication && !may_publish(user.role)) throw HttpError(403, "forbidden", "parents.error.not_coordinator");
      for (auto& [field, key] : concern_errors(change.db, next, before->status, before->action_ids))
        errors.emplace(field, key);
      if (!errors.empty()) throw Invalid{errors};
      if (publication)
        if (auto e = validate_publication(next, publish); !e.empty()) throw Invalid{e};
      Concern wording = next;
      Concern current = *before;
      Concern probe = next;  // the staff fields of the request, with the stored publication
      probe.public_text = current.public_text;
      probe.response = current.response;
      probe.published_at = current.published_at;
      bool fields_changed = !core::diff(snapshot(current), snapshot(probe)).empty();
      // One version step per request: the first write checks the version read, the second follows it.
      auto check = expected;
      if (fields_changed || !publication) {
        update_concern(change, current, next, check);
        current = next;
        check.reset();
      }
      if (publication) {
        set_publication(change, current, wording, publish, check);
        current = wording;
      }
      if (publication || before->published()) change.after_commit([&app = ctx.app] { forget_public_pages(app); });
      result = current;
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  } catch (const app::StaleVersion&) {
    if (if_match)
      return app::json_response(412, {{"error", {{"code", "precondition_failed"},
                                                 {"message", ctx.t("error.precondition_failed")}}}});
    throw;
  }
  return record_response(200, result);
}

}  // namespace

http::Response api_put(Context& ctx) { return update(ctx, false); }
http::Response api_patch(Context& ctx) { return update(ctx, true); }

}  // namespace samen::parents
