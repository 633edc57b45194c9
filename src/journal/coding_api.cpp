// The coding part's JSON API (openapi.json): /api/v1/codes (list, get,
// create, PUT with If-Match → 412 or a body version → 409) and
// /api/v1/codings (list filtered by code and activity, create, delete).
// Codings are listed only for activities the caller may see (visible_sql);
// a coding of an activity the caller may not see answers 404. Offsets are
// Unicode code points of the activity's notes, end exclusive (coding.hpp).
#include <map>
#include <optional>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/download.hpp"
#include "journal/coding_handlers.hpp"
#include "journal/coding_qdpx.hpp"
#include "journal/coding_store.hpp"
#include "journal/handlers.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

json code_json(const Code& c) {
  return {{"id", c.id},
          {"parent_id", c.parent_id.empty() ? json(nullptr) : json(c.parent_id)},
          {"label_nl", c.label_nl},
          {"label_fr", c.label_fr},
          {"label_en", c.label_en},
          {"description", c.description},
          {"colour", c.colour},
          {"text_colour", badge_text_colour(c.colour)},
          {"codable", c.codable},
          {"version", c.version},
          {"created_at", app::rfc3339(c.created_at)},
          {"updated_at", app::rfc3339(c.updated_at)},
          {"archived_at", app::rfc3339_or_null(c.archived_at)}};
}

json coding_json(const Coding& k) {
  return {{"id", k.id},
          {"code_id", k.code_id},
          {"activity_id", k.activity_id},
          {"field", k.answer_id.empty() ? "notes" : "answer"},
          {"answer_id", k.answer_id.empty() ? json(nullptr) : json(k.answer_id)},
          {"start", k.start},
          {"end", k.end},
          {"passage", k.passage},
          {"text_changed", k.text_changed},
          {"author_id", k.author_id ? json(*k.author_id) : json(nullptr)},
          {"created_at", app::rfc3339(k.created_at)}};
}

void require_reader(const Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  if (!may_read_codebook(ctx.user()->role)) throw HttpError(403, "forbidden", "error.forbidden");
}
void require_manager(const Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  if (!may_manage_codebook(ctx.user()->role)) throw HttpError(403, "forbidden", "error.forbidden");
}

Code code_from_json(const json& j, CodeErrors& e) {
  Code c;
  c.parent_id = string_of(j, "parent_id", e);
  c.label_nl = string_of(j, "label_nl", e);
  c.label_fr = string_of(j, "label_fr", e);
  c.label_en = string_of(j, "label_en", e);
  c.description = string_of(j, "description", e);
  c.colour = string_of(j, "colour", e);
  if (c.colour.empty() && !e.count("colour")) c.colour = "#1f6feb";
  return c;
}

// "codable" of a code's JSON: true/false, or nullopt when it is absent (a new code is codable; an
// update keeps the stored value); anything else is a field error.
std::optional<bool> codable_of(const json& j, CodeErrors& e) {
  auto it = j.find("codable");
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) {
    e["codable"] = "journal.error.type_mismatch";
    return std::nullopt;
  }
  return it->get<bool>();
}

json body(Context& ctx) {
  if (ctx.req.body.size() > (1u << 20)) throw HttpError(413, "too_large", "error.too_large");
  return app::json_body(ctx);
}

http::Response code_response(int status, const Code& c) {
  auto res = app::json_response(status, code_json(c));
  res.set_header("ETag", app::etag(c.version));
  return res;
}

struct Invalid {
  CodeErrors errors;
};

}  // namespace

http::Response api_codes_list(Context& ctx) {
  require_reader(ctx);
  auto page = app::page_request(ctx, 200, 500);
  auto codes = load_codes(*ctx.app.db().acquire());
  json items = json::array();
  auto from = static_cast<std::size_t>(page.offset());
  for (std::size_t i = from; i < codes.size() && i < from + static_cast<std::size_t>(page.per_page); ++i)
    items.push_back(code_json(codes[i]));
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(codes.size()), std::move(items)));
}

http::Response api_code_get(Context& ctx) {
  require_reader(ctx);
  auto code = load_code(*ctx.app.db().acquire(), ctx.param("id"));
  if (!code) throw HttpError(404, "not_found", "error.not_found");
  return code_response(200, *code);
}

http::Response api_code_create(Context& ctx) {
  require_manager(ctx);
  json j = body(ctx);
  CodeErrors errors;
  Code code = code_from_json(j, errors);
  code.codable = codable_of(j, errors).value_or(true);
  try {
    app::write(ctx, [&](app::Change& change) {
      for (auto& [f, k] : validate_code(code, load_codes(change.db))) errors.emplace(f, k);
      if (!errors.empty()) throw Invalid{errors};
      insert_code(change, code);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto res = code_response(201, *load_code(*ctx.app.db().acquire(), code.id));
  res.set_header("Location", "/api/v1/codes/" + code.id);
  return res;
}

http::Response api_code_put(Context& ctx) {
  require_manager(ctx);
  std::string id = ctx.param("id");
  auto if_match = app::if_match_version(ctx);
  json j = body(ctx);
  CodeErrors errors;
  std::optional<std::int64_t> expected = if_match;
  if (!expected) {
    auto it = j.find("version");
    if (it != j.end() && !it->is_null()) {
      if (it->is_number_integer()) expected = it->get<std::int64_t>();
      else errors["version"] = "journal.error.type_mismatch";
    }
  }
  Code next = code_from_json(j, errors);
  next.id = id;
  auto codable = codable_of(j, errors);
  try {
    app::write(ctx, [&](app::Change& change) {
      auto before = load_code(change.db, id);
      if (!before) throw HttpError(404, "not_found", "error.not_found");
      next.codable = codable.value_or(before->codable);
      for (auto& [f, k] : validate_code(next, load_codes(change.db))) errors.emplace(f, k);
      if (!errors.empty()) throw Invalid{errors};
      update_code(change, *before, next, expected);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  } catch (const app::StaleVersion&) {
    if (if_match)
      return app::json_response(412, {{"error", {{"code", "precondition_failed"},
                                                 {"message", ctx.t("error.precondition_failed")}}}});
    throw;
  }
  return code_response(200, *load_code(*ctx.app.db().acquire(), id));
}

http::Response api_codings_list(Context& ctx) {
  require_reader(ctx);
  auto page = app::page_request(ctx);
  PassageFilter f;
  std::string code = text::trimmed(ctx.req.query_param("code").value_or(""));
  if (!code.empty()) f.code_ids = {code.substr(0, 100)};
  f.activity_id = text::trimmed(ctx.req.query_param("activity").value_or("")).substr(0, 100);
  std::string changed = ctx.req.query_param("text_changed").value_or("");
  if (changed != "" && changed != "true" && changed != "false") throw HttpError(400, "bad_request", "error.bad_request");
  f.changed_only = changed == "true";
  f.offset = page.offset();
  f.limit = page.per_page;
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  auto list = list_passages(*lease, viewer(ctx, n), f);
  if (list.has_facilitators_only) ctx.audit("journal.coding.read", "journal.coding", "", "api facilitators");
  json items = json::array();
  for (const auto& p : list.items) items.push_back(coding_json(p.coding));
  return app::json_response(200, app::page_json(page, list.total, std::move(items)));
}

http::Response api_coding_create(Context& ctx) {
  require_manager(ctx);
  json j = body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  CodeErrors errors;
  Coding k;
  k.code_id = string_of(j, "code_id", errors);
  k.activity_id = string_of(j, "activity_id", errors);
  auto int_of = [&](const char* name) -> std::int64_t {
    auto it = j.find(name);
    if (it == j.end() || !it->is_number_integer()) {
      errors[name] = "journal.coding.error.offset_number";
      return 0;
    }
    return it->get<std::int64_t>();
  };
  k.start = int_of("start");
  k.end = int_of("end");
  // The passage lies in the notes, or (field "answer" with answer_id) in one answer of an answer set.
  std::string field = string_of(j, "field", errors);
  if (j.contains("answer_id") && !j["answer_id"].is_null()) k.answer_id = string_of(j, "answer_id", errors);
  if (field.empty()) field = k.answer_id.empty() ? "notes" : "answer";
  if (field != "notes" && field != "answer") errors["field"] = "journal.coding.error.field";
  else if ((field == "answer") != !k.answer_id.empty()) errors["answer_id"] = "journal.coding.error.answer_unknown";
  try {
    app::write(ctx, [&](app::Change& change) {
      auto code = load_code(change.db, k.code_id);
      if (!code || code->archived_at) errors.emplace("code_id", "journal.coding.error.code_unknown");
      else if (!code->codable) errors.emplace("code_id", "journal.coding.error.code_not_codable");
      auto a = load_activity(change.db, k.activity_id);
      core::Network n = core::load_network(change.db);
      if (!a || !may_see(viewer(ctx, n), a->visibility, a->team_id)) {
        errors.emplace("activity_id", "journal.coding.error.activity_unknown");
      } else {
        if (a->archived_at) throw app::ArchivedRecordError();
        std::optional<CodingSource> src = notes_source(*a);
        if (!k.answer_id.empty()) src = answer_source(change.db, viewer(ctx, n), *a, k.answer_id);
        if (!src) errors.emplace("answer_id", "journal.coding.error.answer_unknown");
        else if (!errors.count("start") && !errors.count("end"))
          if (auto err = passage_error(k.start, k.end, cp_length(src->text))) errors.emplace("end", *err);
        if (errors.empty()) {
          insert_coding(change, k, *a, *src);
          return;
        }
      }
      if (!errors.empty()) throw Invalid{errors};
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto stored = load_coding(*ctx.app.db().acquire(), k.id);
  auto res = app::json_response(201, coding_json(*stored));
  res.set_header("Location", "/api/v1/codings/" + k.id);
  return res;
}

http::Response api_coding_delete(Context& ctx) {
  require_manager(ctx);
  std::string id = ctx.param("id");
  app::write(ctx, [&](app::Change& change) {
    auto k = load_coding(change.db, id);
    if (!k) throw HttpError(404, "not_found", "error.not_found");
    auto a = load_activity(change.db, k->activity_id);
    core::Network n = core::load_network(change.db);
    if (!a || !may_see_coding(viewer(ctx, n), *a, *k)) throw HttpError(404, "not_found", "error.not_found");
    delete_coding(change, *k, *a);
  });
  http::Response res;
  res.status = 204;
  return res;
}

}  // namespace samen::journal

// ---- REFI-QDA export ---------------------------------------------------------------------------

namespace samen::journal {

http::Response qdpx_download(Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  if (!may_read_codebook(ctx.user()->role)) throw HttpError(403, "forbidden", "error.forbidden");
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  QdpxProject p;
  p.name = ctx.t("journal.coding.qdpx.name");
  p.created_at = ctx.now;
  p.lang = ctx.lang;
  p.codes = load_codes(*lease);
  for (const auto& c : p.codes)
    for (const auto& m : memos_of(*lease, c.id)) p.memos.push_back({m.id, m.code_id, m.text, 0, m.created_at});
  // The sources: the notes of the active activities the reader may see and the
  // answers of their active answer sets the reader may see, each a text source;
  // the passages whose text changed are left out (their offsets no longer hold).
  ListFilter f;
  f.limit = 20000;
  auto activities = list_activities(*lease, v, f);
  std::map<std::string, std::size_t> index;  // activity id or answer id → source
  bool facilitators = false;
  for (const auto& a : activities.items) {
    if (!a.notes.empty()) {
      index[a.id] = p.sources.size();
      p.sources.push_back({"activity", a.id, a.title, a.notes, a.created_at, {}});
      facilitators |= a.visibility == "facilitators";
    }
  }
  for (const auto& ans : visible_answers(*lease, v)) {
    index[ans.answer_id] = p.sources.size();
    p.sources.push_back({"answer", ans.answer_id, ans.activity_title + " — " + ans.question, ans.text, ans.created_at, {}});
    facilitators |= ans.visibility == "facilitators";
  }
  PassageFilter pf;
  pf.limit = 0;
  for (const auto& cp : list_passages(*lease, v, pf).items) {
    auto it = index.find(cp.coding.answer_id.empty() ? cp.coding.activity_id : cp.coding.answer_id);
    if (it == index.end() || cp.coding.text_changed) continue;
    const auto& k = cp.coding;
    p.sources[it->second].codings.push_back({k.id, k.code_id, k.start, k.end, k.author_id.value_or(0), k.created_at});
    if (k.author_id) p.users[*k.author_id] = k.author_name;
  }
  ctx.audit("journal.coding.export", "journal.code", "",
            "qdpx " + std::to_string(p.sources.size()) + (facilitators ? " facilitators" : ""));
  auto res = http::Response::text(200, qdpx_archive(p), "application/zip");
  res.set_header("Content-Disposition", documents::attachment_disposition("samen-journal.qdpx"));
  res.set_header("Cache-Control", "no-store");
  return res;
}

}  // namespace samen::journal
