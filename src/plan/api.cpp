// The plan's JSON API (openapi.json): /api/v1/objectives and /api/v1/actions
// (list with filters, get, create, PUT/PATCH with optimistic locking —
// If-Match → 412, a "version" in the body → 409 —, DELETE = archive) and
// /api/v1/indicators (+ /values). The same rules as the pages (plan.hpp,
// store.cpp): a cycle, a dropped status without a reason or a value of the
// wrong type answer 422 with a message per field, nothing stored. Budgets
// are decimal strings in euros ("12500.00"), so no amount is rounded. An
// action carries `method_ids` (toolbox methods: unknown or unpublished ones →
// 422 on that field, one already linked may stay after its method was
// archived; a PUT without them keeps them).
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "plan/handlers.hpp"
#include "util/text.hpp"

namespace samen::plan {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxBody = 1u << 20;

http::Response validation_error(Context& ctx, const FieldErrors& errors) {
  json fields = json::object();
  for (const auto& [field, key] : errors) fields[field] = ctx.t(key);
  return app::json_response(422, {{"error", {{"code", "validation"}, {"message", ctx.t("plan.error.validation")},
                                            {"fields", fields}}}});
}

http::Response precondition_failed(Context& ctx) {
  return app::json_response(412, {{"error", {{"code", "precondition_failed"}, {"message", ctx.t("error.precondition_failed")}}}});
}

json body(Context& ctx) {
  if (ctx.req.body.size() > kMaxBody) throw HttpError(413, "too_large", "error.too_large");
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  return j;
}

json null_if_empty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string string_of(const json& j, const char* name, FieldErrors& e) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_string()) {
    e[name] = "plan.error.type_mismatch";
    return "";
  }
  return text::trimmed(it->get<std::string>());
}

std::vector<std::string> strings_of(const json& j, const char* name, FieldErrors& e) {
  std::vector<std::string> out;
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array()) {
    e[name] = "plan.error.type_mismatch";
    return out;
  }
  for (const auto& v : *it) {
    if (!v.is_string()) {
      e[name] = "plan.error.type_mismatch";
      continue;
    }
    if (std::find(out.begin(), out.end(), v.get<std::string>()) == out.end()) out.push_back(v.get<std::string>());
  }
  return out;
}

// A number of an indicator: a JSON number of the indicator's type; anything else is a field error.
std::optional<double> number_of(const json& j, const char* name, const std::string& value_type, FieldErrors& e,
                                bool required = false) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) e[name] = "plan.error.value_" + value_type;
    return std::nullopt;
  }
  bool known = value_type == "integer" || value_type == "decimal" || value_type == "percentage";
  if (!it->is_number() || (value_type == "integer" && !it->is_number_integer()) ||
      (known && !fits(value_type, it->get<double>()))) {
    e[name] = known ? "plan.error.value_" + value_type : "plan.error.type_mismatch";
    return std::nullopt;
  }
  return it->get<double>();
}

// ---- objectives and actions ----

json item_json(const Item& i, const std::vector<LinkedActivity>* activities = nullptr) {
  json j = {{"id", i.id},
            {"kind", i.kind},
            {"parent_id", null_if_empty(i.parent_id)},
            {"team_id", null_if_empty(i.team_id)},
            {"title", i.title},
            {"description", i.description},
            {"status", i.status},
            {"status_reason", i.status_reason},
            {"starts_on", null_if_empty(i.starts_on)},
            {"ends_on", null_if_empty(i.ends_on)},
            {"budget", i.budget_cents ? json(budget_decimal(*i.budget_cents)) : json(nullptr)},
            {"owner_ids", i.owner_ids},
            {"contributes_to", i.contributes_to},
            {"version", i.version},
            {"created_at", app::rfc3339(i.created_at)},
            {"updated_at", app::rfc3339(i.updated_at)},
            {"archived_at", app::rfc3339_or_null(i.archived_at)}};
  if (i.kind == "action") j["method_ids"] = i.method_ids;
  if (activities) {
    json ids = json::array();
    for (const auto& a : *activities) ids.push_back(a.id);
    j["activity_ids"] = ids;
  }
  return j;
}

Item item_from_json(const json& j, const std::string& kind, FieldErrors& e) {
  Item i;
  i.kind = kind;
  i.parent_id = string_of(j, "parent_id", e);
  i.team_id = string_of(j, "team_id", e);
  i.title = string_of(j, "title", e);
  i.description = string_of(j, "description", e);
  i.status = string_of(j, "status", e);
  if (i.status.empty()) i.status = "not_started";
  i.status_reason = string_of(j, "status_reason", e);
  i.starts_on = string_of(j, "starts_on", e);
  i.ends_on = string_of(j, "ends_on", e);
  if (auto it = j.find("budget"); it != j.end() && !it->is_null()) {
    std::optional<std::int64_t> cents;
    if (it->is_string()) cents = parse_budget(it->get<std::string>());
    else if (it->is_number() && it->get<double>() >= 0 && it->get<double>() < 1e12) {
      // A JSON number: at most two decimals, like a string.
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.6f", it->get<double>());
      std::string s = buf;
      while (!s.empty() && s.back() == '0') s.pop_back();
      if (!s.empty() && s.back() == '.') s.pop_back();
      cents = parse_budget(s);
    }
    if (cents) i.budget_cents = cents;
    else e["budget"] = "plan.error.budget";
  }
  i.owner_ids = strings_of(j, "owner_ids", e);
  i.contributes_to = strings_of(j, "contributes_to", e);
  i.method_ids = strings_of(j, "method_ids", e);
  if (kind == "objective" && !i.parent_id.empty()) e["parent_id"] = "plan.error.objective_parent";
  return i;
}

Item load_kind_or_404(store::Connection& c, const std::string& id, const std::string& kind) {
  std::optional<Item> i;
  if (!id.empty() && id.size() <= 100) i = load_item(c, id);
  if (!i || i->kind != kind) throw HttpError(404, "not_found", "error.not_found");
  return *i;
}

http::Response item_response(Context& ctx, int status, const std::string& id, const std::string& kind) {
  auto lease = ctx.app.db().acquire();
  Item i = load_kind_or_404(*lease, id, kind);
  std::vector<LinkedActivity> linked;
  if (kind == "action") linked = linked_activities(*lease, id, viewer(ctx, core::load_network(*lease)));
  auto res = app::json_response(status, item_json(i, kind == "action" ? &linked : nullptr));
  res.set_header("ETag", app::etag(i.version));
  if (status == 201) res.set_header("Location", "/api/v1/" + kind + "s/" + i.id);
  return res;
}

http::Response list_items_api(Context& ctx, const std::string& kind) {
  auto page = app::page_request(ctx);
  ItemFilter f;
  f.kind = kind;
  f.team_id = text::trimmed(ctx.req.query_param("team").value_or("")).substr(0, 100);
  f.parent_id = text::trimmed(ctx.req.query_param("parent").value_or("")).substr(0, 100);
  std::string archived = ctx.req.query_param("archived").value_or("false");
  if (archived != "true" && archived != "false") throw HttpError(400, "bad_request", "error.bad_request");
  f.archived = archived == "true";
  f.offset = page.offset();
  f.limit = page.per_page;
  auto lease = ctx.app.db().acquire();
  auto list = list_items(*lease, f);
  json items = json::array();
  for (const auto& i : list.items) items.push_back(item_json(i));
  return app::json_response(200, app::page_json(page, list.total, std::move(items)));
}

http::Response create_item_api(Context& ctx, const std::string& kind) {
  if (!may_create(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  json j = body(ctx);
  FieldErrors errors;
  Item item = item_from_json(j, kind, errors);
  try {
    app::write(ctx, [&](app::Change& change) {
      for (auto& [k, v] : validate(item)) errors.emplace(k, v);
      if (!errors.empty()) throw Invalid{errors};
      check_references(change.db, item);
      if (!may_edit(viewer(ctx, core::load_network(change.db)), item)) throw HttpError(403, "forbidden", "plan.error.not_yours_new");
      insert_item(change, item);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  return item_response(ctx, 201, item.id, kind);
}

// PUT (merge = false) or PATCH (merge = true: the body is merged into the current record).
http::Response update_item_api(Context& ctx, const std::string& kind, bool merge) {
  std::string id = path_id(ctx);
  json j = body(ctx);
  FieldErrors errors;
  app::UpdateVersion version = app::update_version(ctx, j, errors, "plan.error.type_mismatch");
  auto expected = version.expected;
  try {
    app::write_update(ctx, version, [&](app::Change& change) {
      Item before = load_kind_or_404(change.db, id, kind);
      before = editable_item(change, id);
      if (before.archived_at) throw app::ArchivedRecordError();
      json source = j;
      if (merge) {
        source = item_json(before);
        source.merge_patch(j);
      } else if (!j.contains("status")) {
        // A PUT without a status keeps it: statuses change with a reason, on purpose.
        source["status"] = before.status;
        source["status_reason"] = before.status_reason;
      }
      if (!merge && !j.contains("method_ids")) source["method_ids"] = before.method_ids;  // a PUT without them keeps them
      Item next = item_from_json(source, kind, errors);
      next.id = id;
      for (auto& [k, v] : validate(next)) errors.emplace(k, v);
      if (!errors.empty()) throw Invalid{errors};
      check_references(change.db, next);
      if (!may_edit(viewer(ctx, core::load_network(change.db)), next)) throw HttpError(403, "forbidden", "plan.error.not_yours_new");
      // The fields, then the status (with its reason, in the status history); one version check.
      Item fields = next;
      fields.status = before.status;
      fields.status_reason = before.status_reason;
      bool fields_changed = !core::diff(snapshot(before), snapshot(fields)).empty();
      bool status_changed = next.status != before.status || next.status_reason != before.status_reason;
      if (fields_changed || !status_changed) update_item(change, before, fields, expected);
      if (status_changed) change_status(change, before, next.status, next.status_reason, fields_changed ? std::nullopt : expected);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  return item_response(ctx, 200, id, kind);
}

http::Response archive_item_api(Context& ctx, const std::string& kind) {
  std::string id = path_id(ctx);
  auto if_match = app::if_match_version(ctx);
  try {
    app::write(ctx, [&](app::Change& change) {
      load_kind_or_404(change.db, id, kind);
      editable_item(change, id);
      if (change.db.exec("SELECT COUNT(*) FROM plan_items WHERE parent_id = ? AND archived_at IS NULL", {id}).rows.at(0).int64(0))
        throw HttpError(409, "conflict", "plan.error.has_children");
      core::set_archived(change, item_ref(id), true, if_match);
    });
  } catch (const app::StaleVersion&) {
    return precondition_failed(ctx);
  }
  return item_response(ctx, 200, id, kind);
}

// ---- indicators ----

json indicator_json(const Indicator& i) {
  return {{"id", i.id},
          {"item_id", i.item_id},
          {"name", i.name},
          {"unit", i.unit},
          {"value_type", i.value_type},
          {"baseline", i.baseline ? json(*i.baseline) : json(nullptr)},
          {"target", i.target ? json(*i.target) : json(nullptr)},
          {"target_on", null_if_empty(i.target_on)},
          {"version", i.version},
          {"created_at", app::rfc3339(i.created_at)},
          {"updated_at", app::rfc3339(i.updated_at)},
          {"archived_at", app::rfc3339_or_null(i.archived_at)}};
}

json value_json(const IndicatorValue& v) {
  return {{"id", v.id},
          {"indicator_id", v.indicator_id},
          {"measured_on", v.measured_on},
          {"value", v.value},
          {"note", v.note},
          {"version", v.version},
          {"created_at", app::rfc3339(v.created_at)},
          {"updated_at", app::rfc3339(v.updated_at)},
          {"archived_at", app::rfc3339_or_null(v.archived_at)}};
}

Indicator indicator_from_json(const json& j, FieldErrors& e) {
  Indicator i;
  i.item_id = string_of(j, "item_id", e);
  i.name = string_of(j, "name", e);
  i.unit = string_of(j, "unit", e);
  i.value_type = string_of(j, "value_type", e);
  if (i.value_type.empty() && !e.count("value_type")) i.value_type = "integer";
  i.baseline = number_of(j, "baseline", i.value_type, e);
  i.target = number_of(j, "target", i.value_type, e);
  i.target_on = string_of(j, "target_on", e);
  return i;
}

Indicator indicator_or_404(store::Connection& c, const std::string& id) {
  auto i = load_indicator(c, id);
  if (!i) throw HttpError(404, "not_found", "error.not_found");
  return *i;
}

http::Response indicator_response(Context& ctx, int status, const std::string& id) {
  auto lease = ctx.app.db().acquire();
  Indicator i = indicator_or_404(*lease, id);
  auto res = app::json_response(status, indicator_json(i));
  res.set_header("ETag", app::etag(i.version));
  if (status == 201) res.set_header("Location", "/api/v1/indicators/" + i.id);
  return res;
}

}  // namespace

http::Response api_objectives(Context& ctx) { return list_items_api(ctx, "objective"); }
http::Response api_actions(Context& ctx) { return list_items_api(ctx, "action"); }
http::Response api_create_objective(Context& ctx) { return create_item_api(ctx, "objective"); }
http::Response api_create_action(Context& ctx) { return create_item_api(ctx, "action"); }
http::Response api_objective(Context& ctx) { return item_response(ctx, 200, path_id(ctx), "objective"); }
http::Response api_action(Context& ctx) { return item_response(ctx, 200, path_id(ctx), "action"); }
http::Response api_put_objective(Context& ctx) { return update_item_api(ctx, "objective", false); }
http::Response api_put_action(Context& ctx) { return update_item_api(ctx, "action", false); }
http::Response api_patch_objective(Context& ctx) { return update_item_api(ctx, "objective", true); }
http::Response api_patch_action(Context& ctx) { return update_item_api(ctx, "action", true); }
http::Response api_delete_objective(Context& ctx) { return archive_item_api(ctx, "objective"); }
http::Response api_delete_action(Context& ctx) { return archive_item_api(ctx, "action"); }

http::Response api_indicators(Context& ctx) {
  auto page = app::page_request(ctx);
  IndicatorFilter f;
  f.item_id = text::trimmed(ctx.req.query_param("item_id").value_or("")).substr(0, 100);
  f.offset = page.offset();
  f.limit = page.per_page;
  auto lease = ctx.app.db().acquire();
  auto list = list_indicators(*lease, f);
  json items = json::array();
  for (const auto& i : list.items) items.push_back(indicator_json(i));
  return app::json_response(200, app::page_json(page, list.total, std::move(items)));
}

http::Response api_indicator(Context& ctx) { return indicator_response(ctx, 200, path_id(ctx)); }

http::Response api_create_indicator(Context& ctx) {
  json j = body(ctx);
  FieldErrors errors;
  Indicator ind = indicator_from_json(j, errors);
  try {
    app::write(ctx, [&](app::Change& change) {
      if (ind.item_id.empty() || ind.item_id.size() > 100 || !load_item(change.db, ind.item_id))
        throw Invalid{{{"item_id", "plan.error.item_unknown"}}};
      editable_item(change, ind.item_id);
      for (auto& [k, v] : validate(ind)) errors.emplace(k, v);
      if (!errors.empty()) throw Invalid{errors};
      insert_indicator(change, ind);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  return indicator_response(ctx, 201, ind.id);
}

http::Response api_put_indicator(Context& ctx) {
  std::string id = path_id(ctx);
  json j = body(ctx);
  FieldErrors errors;
  app::UpdateVersion version = app::update_version(ctx, j, errors, "plan.error.type_mismatch");
  auto expected = version.expected;
  try {
    app::write_update(ctx, version, [&](app::Change& change) {
      Indicator before = indicator_or_404(change.db, id);
      editable_item(change, before.item_id);
      if (before.archived_at) throw app::ArchivedRecordError();
      Indicator next = indicator_from_json(j, errors);
      next.item_id = before.item_id;  // an indicator stays with its objective or action
      for (auto& [k, v] : validate(next)) errors.emplace(k, v);
      if (!errors.empty()) throw Invalid{errors};
      update_indicator(change, before, next, expected);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  return indicator_response(ctx, 200, id);
}

http::Response api_delete_indicator(Context& ctx) {
  std::string id = path_id(ctx);
  auto if_match = app::if_match_version(ctx);
  try {
    app::write(ctx, [&](app::Change& change) {
      Indicator i = indicator_or_404(change.db, id);
      editable_item(change, i.item_id);
      core::set_archived(change, indicator_ref(id), true, if_match);
    });
  } catch (const app::StaleVersion&) {
    return precondition_failed(ctx);
  }
  return indicator_response(ctx, 200, id);
}

http::Response api_values(Context& ctx) {
  auto page = app::page_request(ctx, 200, 1000);
  auto lease = ctx.app.db().acquire();
  indicator_or_404(*lease, path_id(ctx));
  auto values = values_of(*lease, path_id(ctx));
  json items = json::array();
  for (std::size_t k = static_cast<std::size_t>(page.offset()); k < values.size() && items.size() < static_cast<std::size_t>(page.per_page); ++k)
    items.push_back(value_json(values[k]));
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(values.size()), std::move(items)));
}

http::Response api_add_value(Context& ctx) {
  std::string id = path_id(ctx);
  json j = body(ctx);
  IndicatorValue v;
  try {
    app::write(ctx, [&](app::Change& change) {
      Indicator ind = indicator_or_404(change.db, id);
      editable_item(change, ind.item_id);
      FieldErrors errors;
      v.measured_on = string_of(j, "measured_on", errors);
      v.note = string_of(j, "note", errors);
      if (auto n = number_of(j, "value", ind.value_type, errors, true)) v.value = *n;
      for (auto& [k, msg] : validate(v, ind.value_type)) errors.emplace(k, msg);
      if (errors.count("value")) errors["value"] = "plan.error.value_" + ind.value_type;
      if (!errors.empty()) throw Invalid{errors};
      insert_value(change, ind, v);
    });
  } catch (const Invalid& e) {
    return validation_error(ctx, e.errors);
  }
  auto res = app::json_response(201, value_json(v));
  res.set_header("ETag", app::etag(v.version));
  return res;
}

}  // namespace samen::plan
