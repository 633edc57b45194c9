// The toolbox's JSON API (openapi.json): /api/v1/methods (list with the
// catalogue's filters, get, create, PUT with optimistic locking: If-Match →
// 412, a "version" in the body → 409, one of them required so no update is
// ever lost), /api/v1/methods/{id}/versions, /experiences and /comments (the
// review: comments, and approve / send back as the method page does). A method in
// JSON is its content (method.hpp, content_json) with id, version and stamps;
// one the caller may not see answers 404.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "journal/store.hpp"
#include "toolbox/handlers.hpp"
#include "toolbox/render.hpp"
#include "util/text.hpp"

namespace samen::toolbox {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

json method_json(const Method& m) {
  json j = content_json(m);
  j["id"] = m.id;
  j["version"] = m.version;
  j["created_at"] = app::rfc3339(m.created_at);
  j["updated_at"] = app::rfc3339(m.updated_at);
  j["archived_at"] = app::rfc3339_or_null(m.archived_at);
  return j;
}

http::Response record_response(int status, const Method& m) {
  auto res = app::json_response(status, method_json(m));
  res.set_header("ETag", app::etag(m.version));
  return res;
}

http::Response validation_error(Context& ctx, const FieldErrors& errors) {
  json fields = json::object();
  for (const auto& [field, key] : errors) fields[field] = ctx.t(key);
  return app::json_response(422, {{"error", {{"code", "validation"}, {"message", ctx.t("toolbox.error.validation")},
                                            {"fields", fields}}}});
}

struct Invalid {
  FieldErrors errors;
};

Method load_visible(Context& ctx, store::Connection& c, const Reader& r) { return visible_method_or_404(ctx, c, r); }

// The checks of a method's lineage that need the database, as field errors.
void check_lineage(store::Connection& c, const Reader& r, const Method& m, FieldErrors& errors) {
  if (!m.adapted_from.empty()) {
    auto original = m.adapted_from.size() > 100 ? std::nullopt : load_method(c, m.adapted_from);
    if (!original || !may_see(r.role, r.user_id, *original)) errors["adapted_from"] = "toolbox.error.adapted_from";
  }
  if (!m.adapted_by_team.empty() && c.exec("SELECT 1 FROM teams WHERE id = ?", {m.adapted_by_team}).empty())
    errors["adapted_by_team"] = "toolbox.error.team";
}

}  // namespace

http::Response api_list(Context& ctx) {
  auto page = app::page_request(ctx);
  CatalogueFilter f;
  auto q = [&](const char* name) { return text::trimmed(ctx.req.query_param(name).value_or("")); };
  f.phase = q("phase");
  f.topic = q("topic");
  f.lang = q("language");
  f.status = q("status");
  f.q = std::string(text::utf8_prefix(q("q"), 200));
  f.sort = q("sort").empty() ? "name" : q("sort");
  if ((!f.phase.empty() && !is_phase(f.phase)) || (!f.topic.empty() && !is_topic(f.topic)) ||
      (!f.lang.empty() && !is_language(f.lang)))
    throw HttpError(400, "bad_request", "toolbox.error.filter");
  static const std::string_view statuses[] = {"", "all", "draft", "in_review", "published", "archived"};
  static const std::string_view sorts[] = {"name", "rating", "use", "duration", "updated"};
  if (std::find(std::begin(statuses), std::end(statuses), f.status) == std::end(statuses) ||
      std::find(std::begin(sorts), std::end(sorts), f.sort) == std::end(sorts))
    throw HttpError(400, "bad_request", "toolbox.error.filter");
  if (std::string s = q("group_size"); !s.empty()) {
    f.group_size = parse_count(s, 1, 1000);
    if (!f.group_size) throw HttpError(400, "bad_request", "toolbox.error.group_size");
  }
  if (std::string s = q("max_duration"); !s.empty()) {
    f.max_duration = parse_count(s, 1, 10080);
    if (!f.max_duration) throw HttpError(400, "bad_request", "toolbox.error.duration");
  }
  f.offset = page.offset();
  f.limit = page.per_page;
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  auto list = list_methods(*lease, r, lang_code(ctx), f);
  std::vector<std::string> ids;
  for (const auto& row : list.rows) ids.push_back(row.id);
  json items = json::array();
  auto methods = load_methods(*lease, ids);
  for (std::size_t i = 0; i < methods.size(); ++i) {
    json j = method_json(methods[i]);
    // The catalogue's figures: mean rating, number of ratings and of uses.
    const auto& row = list.rows[i];
    j["rating"] = row.rating ? json(*row.rating) : json(nullptr);
    j["ratings"] = row.ratings;
    j["uses"] = row.uses;
    items.push_back(std::move(j));
  }
  return app::json_response(200, app::page_json(page, list.total, std::move(items)));
}

http::Response api_get(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  return record_response(200, load_visible(ctx, *lease, r));
}

http::Response api_create(Context& ctx) {
  if (!is_staff(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  json body = app::json_body(ctx);
  FieldErrors errors;
  Method m;
  read_content_json(body, m, errors);
  m.status = "draft";  // every new method starts as a draft; the lifecycle moves on the pages
  std::string id;
  try {
    id = app::write(ctx, [&](app::Change& change) {
      Reader r = reader(ctx, change.db);
      for (auto& [field, key] : validate(m)) errors.emplace(field, key);
      check_lineage(change.db, r, m, errors);
      if (!errors.empty()) throw Invalid{errors};
      Writer w(change);
      insert_method(w, m, m.adapted_from.empty() ? "create" : "adapt");
      return m.id;
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto lease = ctx.app.db().acquire();
  auto res = record_response(201, *load_method(*lease, id));
  res.set_header("Location", "/api/v1/methods/" + id);
  return res;
}

http::Response api_put(Context& ctx) {
  std::string id = ctx.param("id");
  auto if_match = app::if_match_version(ctx);
  json body = app::json_body(ctx);
  FieldErrors errors;
  std::optional<std::int64_t> expected = if_match;
  if (!expected) {
    if (auto v = body.find("version"); v != body.end() && v->is_number_integer()) expected = v->get<std::int64_t>();
    else errors["version"] = "toolbox.error.version_required";
  }
  try {
    app::write(ctx, [&](app::Change& change) {
      Reader r = reader(ctx, change.db);
      auto before = id.size() > 100 ? std::nullopt : load_method(change.db, id);
      if (!before || !may_see(r.role, r.user_id, *before)) throw HttpError(404, "not_found", "error.not_found");
      if (!may_edit(r.role, r.user_id, *before)) throw HttpError(403, "forbidden", "toolbox.error.not_yours");
      Method next;
      read_content_json(body, next, errors);
      next.id = before->id;
      next.status = before->status;
      for (auto& [field, key] : validate(next)) errors.emplace(field, key);
      check_lineage(change.db, r, next, errors);
      if (!errors.empty()) throw Invalid{errors};
      Writer w(change);
      update_method(w, *before, next, *expected);
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
  auto lease = ctx.app.db().acquire();
  return record_response(200, *load_method(*lease, id));
}

http::Response api_versions(Context& ctx) {
  auto page = app::page_request(ctx);
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  Method m = load_visible(ctx, *lease, r);
  // The page's versions with their snapshots in one query (not one per version).
  auto versions = version_page(*lease, m.id, page.offset(), page.per_page);
  json items = json::array();
  for (const auto& [info, v] : versions.versions)
    items.push_back({{"version", info.version},
                     {"created_at", app::rfc3339(info.created_at)},
                     {"action", info.action},
                     {"author", info.actor},
                     {"method", content_json(v)}});
  return app::json_response(200, app::page_json(page, versions.total, std::move(items)));
}

namespace {

json experience_json(const Experience& e) {
  return {{"id", e.id},
          {"method_id", e.method_id},
          {"activity_id", e.activity_id.empty() ? json(nullptr) : json(e.activity_id)},
          {"worked", e.worked},
          {"changed", e.changed},
          {"rating", e.rating},
          {"author", e.author},
          {"version", e.version},
          {"created_at", app::rfc3339(e.created_at)},
          {"updated_at", app::rfc3339(e.updated_at)},
          {"archived_at", nullptr}};
}

}  // namespace

http::Response api_experiences(Context& ctx) {
  auto page = app::page_request(ctx);
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  Method m = load_visible(ctx, *lease, r);
  auto all = experiences_of(*lease, r, m.id);
  json items = json::array();
  for (std::size_t i = page.offset(); i < all.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i)
    items.push_back(experience_json(all[i]));
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(all.size()), std::move(items)));
}

http::Response api_add_experience(Context& ctx) {
  if (!is_staff(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  std::string id = ctx.param("id");
  json body = app::json_body(ctx);
  FieldErrors errors;
  Experience e;
  e.method_id = id;
  auto text_of = [&](const char* name, std::string& out) {
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) return;
    if (!it->is_string()) errors[name] = "toolbox.error.type_mismatch";
    else out = text::trimmed(it->get<std::string>());
    if (out.size() > 5000) errors[name] = "toolbox.error.too_long";
  };
  text_of("worked", e.worked);
  text_of("changed", e.changed);
  text_of("activity_id", e.activity_id);
  if (auto it = body.find("rating"); it != body.end() && it->is_number_integer() && it->get<std::int64_t>() >= 1 &&
                                     it->get<std::int64_t>() <= 5)
    e.rating = it->get<std::int64_t>();
  else
    errors["rating"] = "toolbox.error.rating";
  try {
    app::write(ctx, [&](app::Change& change) {
      Reader r = reader(ctx, change.db);
      auto m = id.size() > 100 ? std::nullopt : load_method(change.db, id);
      if (!m || !may_see(r.role, r.user_id, *m)) throw HttpError(404, "not_found", "error.not_found");
      if (m->status != "published") throw HttpError(409, "conflict", "toolbox.error.not_published");
      if (!e.activity_id.empty()) {
        auto a = e.activity_id.size() > 100 ? std::nullopt : journal::load_activity(change.db, e.activity_id);
        if (!a || !journal::may_see(r.journal, a->visibility, a->team_id)) errors["activity_id"] = "toolbox.error.activity";
      }
      if (!errors.empty()) throw Invalid{errors};
      Writer w(change);
      insert_experience(w, e);
    });
  } catch (const Invalid& bad) {
    return validation_error(ctx, bad.errors);
  }
  e.author = me(ctx).name;
  auto res = app::json_response(201, experience_json(e));
  res.set_header("ETag", app::etag(e.version));
  return res;
}

// ---- review comments -----------------------------------------------------------------------

namespace {

json comment_json(const Comment& k) {
  return {{"id", k.id},
          {"kind", k.kind},
          {"body", k.body},
          {"author", k.author},
          {"method_version", k.method_version},
          {"created_at", app::rfc3339(k.created_at)}};
}

// The review moves the API takes with a comment, as the method page's review form does.
constexpr std::string_view kReviewMoves[] = {"submit", "approve", "send_back"};

}  // namespace

http::Response api_comments(Context& ctx) {
  auto page = app::page_request(ctx);
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  Method m = load_visible(ctx, *lease, r);
  auto all = comments_of(*lease, m.id);
  json items = json::array();
  for (std::size_t i = page.offset(); i < all.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i)
    items.push_back(comment_json(all[i]));
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(all.size()), std::move(items)));
}

// {"body": "...", "move": "approve" | "send_back" | "submit" (optional), "version": n}:
// a comment, or a lifecycle move with its comment. A move needs the version the
// reviewer read (If-Match → 412, "version" → 409 when it changed since).
http::Response api_add_comment(Context& ctx) {
  std::string id = ctx.param("id");
  auto if_match = app::if_match_version(ctx);
  json body = app::json_body(ctx);
  FieldErrors errors;
  std::string text, move;
  if (auto it = body.find("body"); it != body.end() && !it->is_null()) {
    if (!it->is_string()) errors["body"] = "toolbox.error.type_mismatch";
    else text = text::trimmed(it->get<std::string>());
  }
  if (auto it = body.find("move"); it != body.end() && !it->is_null()) {
    if (!it->is_string() || std::find(std::begin(kReviewMoves), std::end(kReviewMoves), it->get<std::string>()) ==
                                std::end(kReviewMoves))
      errors["move"] = "toolbox.error.move_unknown";
    else move = it->get<std::string>();
  }
  if (text.size() > 5000) errors["body"] = "toolbox.error.too_long";
  else if (text.empty() && move.empty()) errors["body"] = "toolbox.error.comment";
  std::optional<std::int64_t> expected = if_match;
  if (!expected && !move.empty()) {
    if (auto v = body.find("version"); v != body.end() && v->is_number_integer()) expected = v->get<std::int64_t>();
    else errors["version"] = "toolbox.error.version_required";
  }
  if (!errors.empty()) return validation_error(ctx, errors);
  std::string comment_id;
  try {
    comment_id = app::write(ctx, [&](app::Change& change) {
      Reader r = reader(ctx, change.db);
      auto m = id.size() > 100 ? std::nullopt : load_method(change.db, id);
      if (!m || !may_see(r.role, r.user_id, *m)) throw HttpError(404, "not_found", "error.not_found");
      Writer w(change);
      if (move.empty()) {
        // Reviewers and the proposer discuss a method (as on its page); others write experiences.
        if (!is_reviewer(r.role) && !(m->created_by && *m->created_by == r.user_id))
          throw HttpError(403, "forbidden", "toolbox.error.not_yours");
        return add_comment(w, *m, "comment", text);
      }
      auto status = next_status(r.role, r.user_id, *m, move);
      if (!status) throw HttpError(403, "forbidden", "toolbox.error.move");
      return move_status(w, *m, move, *status, *expected, text);
    });
  } catch (const app::StaleVersion&) {
    if (if_match)
      return app::json_response(412, {{"error", {{"code", "precondition_failed"},
                                                 {"message", ctx.t("error.precondition_failed")}}}});
    throw;
  }
  auto lease = ctx.app.db().acquire();
  auto m = load_method(*lease, id);
  json out;
  for (const auto& k : comments_of(*lease, id))
    if (k.id == comment_id) out = comment_json(k);
  out["method_status"] = m->status;
  auto res = app::json_response(201, out);
  res.set_header("ETag", app::etag(m->version));  // the method's version after a move
  return res;
}

}  // namespace samen::toolbox
