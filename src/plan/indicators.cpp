// Indicators of objectives and actions (handlers.hpp): the section on an
// item's page, an indicator's page (its values over time as an SVG line
// chart against the target, with the data table; the value entry form), the
// indicator form, values added and archived. A value of the wrong type (a
// fraction for a count, 140 for a percentage, a word) answers 422 with the
// form kept. Who may edit the item may edit its indicators.
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/chart.hpp"
#include "plan/handlers.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::plan {

using app::Context;
using app::HttpError;

namespace {

std::string number_field(const std::optional<double>& v) {
  if (!v) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", *v);
  return buf;
}

// The posted indicator form; a number that is none goes to `errors`.
Indicator read_form(const http::Form& f, FieldErrors& errors) {
  Indicator i;
  i.name = text::trimmed(f.get("name"));
  i.unit = text::trimmed(f.get("unit"));
  i.value_type = f.get("value_type");
  i.target_on = text::trimmed(f.get("target_on"));
  for (auto [field, slot] : {std::pair{"baseline", &i.baseline}, std::pair{"target", &i.target}}) {
    std::string t = text::trimmed(f.get(field));
    if (t.empty()) continue;
    if (auto v = parse_value(i.value_type, t)) *slot = *v;
    else errors[field] = "plan.error.value_" + (std::find(std::begin(kValueTypes), std::end(kValueTypes), i.value_type) !=
                                                        std::end(kValueTypes) ? i.value_type : std::string("decimal"));
  }
  return i;
}

http::Fields form_fields(const Indicator& i) {
  return {{"name", i.name},
          {"unit", i.unit},
          {"value_type", i.value_type},
          {"baseline", number_field(i.baseline)},
          {"target", number_field(i.target)},
          {"target_on", i.target_on},
          {"version", std::to_string(i.version)}};
}

http::Response form_page(Context& ctx, const http::Form& f, const FieldErrors& errors, const Item& item,
                         const std::string& id, int status, bool stale = false) {
  web::Dict d = ctx.content_dict();
  d.SetValue("HEADING", ctx.t(id.empty() ? "plan.indicator.new" : "plan.indicator.edit"));
  d.SetValue("ACTION", id.empty() ? "/plan/items/" + item.id + "/indicators/new" : "/plan/indicators/" + id + "/edit");
  d.SetValue("BACK_HREF", id.empty() ? "/plan/items/" + item.id : "/plan/indicators/" + id);
  d.SetValue("ITEM_TITLE", item.title);
  if (!id.empty()) d.SetValueAndShowSection("VERSION", f.get("version"), "HAS_VERSION");
  if (stale) d.SetValueAndShowSection("CURRENT_HREF", "/plan/indicators/" + id, "STALE");
  for (const char* field : {"name", "unit", "baseline", "target", "target_on"}) {
    std::string key = field;
    std::transform(key.begin(), key.end(), key.begin(), ::toupper);
    d.SetValue(key, f.get(field));
  }
  for (auto t : kValueTypes) {
    auto* o = d.AddSectionDictionary("TYPE_OPTIONS");
    o->SetValue("VALUE", std::string(t));
    o->SetValue("LABEL", ctx.t("plan.value_type." + std::string(t)));
    if (f.get("value_type") == t) o->ShowSection("SELECTED");
  }
  show_errors(ctx, d, errors);
  return ctx.page("plan_indicator_form", ctx.t(id.empty() ? "plan.indicator.new" : "plan.indicator.edit"), d, status);
}

struct Loaded {
  Indicator indicator;
  Item item;
};

Loaded load_or_404(store::Connection& c, const std::string& id) {
  auto i = load_indicator(c, id);
  if (!i) throw HttpError(404, "not_found", "error.not_found");
  auto item = load_item(c, i->item_id);
  if (!item) throw HttpError(404, "not_found", "error.not_found");
  return {*i, *item};
}

// The indicator's page; `value_form` and `errors` keep a refused value's input.
http::Response show(Context& ctx, const std::string& id, const http::Form& value_form, const FieldErrors& errors,
                    int status) {
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  auto [ind, item] = load_or_404(*lease, id);
  auto values = values_of(*lease, id);
  bool editable = may_edit(v, item) && !ind.archived_at && !item.archived_at;
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", ind.id);
  d.SetValue("NAME", ind.name);
  d.SetValue("ITEM_ID", item.id);
  d.SetValue("ITEM_TITLE", item.title);
  d.SetValue("UNIT", ind.unit);
  d.SetValue("VALUE_TYPE", ctx.t("plan.value_type." + ind.value_type));
  d.SetValue("BASELINE", ind.baseline ? value_label(ctx, *ind.baseline) : "–");
  d.SetValue("TARGET", ind.target ? value_label(ctx, *ind.target) : "–");
  if (!ind.target_on.empty()) d.SetValueAndShowSection("TARGET_ON", date_label(ctx, ind.target_on), "HAS_TARGET_ON");
  if (ind.archived_at) d.ShowSection("ARCHIVED");
  if (values.empty()) d.ShowSection("NO_VALUES");
  else {
    documents::LineChart chart;
    chart.id = "indicator-" + ind.id;
    chart.title = ind.name;
    chart.description = ctx.tf("plan.chart.indicator_desc", {{"name", ind.name}, {"count", static_cast<std::int64_t>(values.size())}});
    chart.axis_label = ctx.t("plan.field.measured_on");
    documents::ChartSeries series{ind.unit.empty() ? ctx.t("plan.chart.measured") : ctx.t("plan.chart.measured") + " (" + ind.unit + ")", {}};
    for (const auto& val : values) {
      chart.categories.push_back(date_label(ctx, val.measured_on));
      series.values.push_back(val.value);
    }
    chart.series.push_back(std::move(series));
    if (ind.baseline) {
      documents::ChartSeries base{ctx.t("plan.field.baseline"), std::vector<std::optional<double>>(values.size(), *ind.baseline)};
      chart.series.push_back(std::move(base));
    }
    chart.target = ind.target;
    chart.target_label = ctx.t("plan.field.target");
    chart.max_fraction_digits = 2;
    d.SetValueAndShowSection("CHART_HTML", documents::line_chart_figure(chart, ctx.lang), "HAS_CHART");
  }
  for (auto it = values.rbegin(); it != values.rend(); ++it) {
    auto* row = d.AddSectionDictionary("VALUES");
    row->SetValue("V_ID", it->id);
    row->SetValue("V_DATE", date_label(ctx, it->measured_on));
    row->SetValue("V_VALUE", value_label(ctx, it->value));
    row->SetValue("V_NOTE", it->note);
    row->SetValue("V_VERSION", std::to_string(it->version));
    if (editable) row->ShowSection("V_MAY_EDIT");
  }
  if (editable) {
    d.ShowSection("MAY_EDIT");
    d.SetValue("F_MEASURED_ON", value_form.get("measured_on"));
    d.SetValue("F_VALUE", value_form.get("value"));
    d.SetValue("F_NOTE", value_form.get("note"));
    d.SetValue("VERSION", std::to_string(ind.version));
  }
  show_errors(ctx, d, errors);
  return ctx.page("plan_indicator", ind.name, d, status);
}

}  // namespace

std::string indicators_section(Context& ctx, store::Connection& c, const Item& item, bool editable) {
  IndicatorFilter f;
  f.item_id = item.id;
  auto list = list_indicators(c, f);
  web::Dict d("plan_indicators_section");
  d.SetValue("ITEM_ID", item.id);
  std::vector<std::string> ids;
  for (const auto& ind : list.items) ids.push_back(ind.id);
  auto all = values_of(c, ids);  // one query for every indicator of the item
  for (const auto& ind : list.items) {
    const auto& values = all[ind.id];
    auto* row = d.AddSectionDictionary("INDICATORS");
    row->SetValue("I_ID", ind.id);
    row->SetValue("I_NAME", ind.name);
    row->SetValue("I_UNIT", ind.unit);
    row->SetValue("I_BASELINE", ind.baseline ? value_label(ctx, *ind.baseline) : "–");
    row->SetValue("I_TARGET", ind.target ? value_label(ctx, *ind.target) : "–");
    if (!values.empty())
      row->SetValue("I_LATEST", value_label(ctx, values.back().value) + " (" + date_label(ctx, values.back().measured_on) + ")");
    else
      row->SetValue("I_LATEST", "–");
  }
  if (list.items.empty()) d.ShowSection("NONE");
  else d.ShowSection("HAS_INDICATORS");
  if (editable) d.ShowSection("MAY_ADD");
  return web::render(ctx.lang, "plan_indicators_section", d);
}

http::Response new_indicator_page(Context& ctx) {
  std::string id = path_id(ctx);
  Item item = [&] {
    auto lease = ctx.app.db().acquire();
    auto found = load_item(*lease, id);
    if (!found) throw HttpError(404, "not_found", "error.not_found");
    if (!may_edit(viewer(ctx, core::load_network(*lease)), *found)) throw HttpError(403, "forbidden", "plan.error.not_yours");
    return *found;
  }();
  if (item.archived_at) throw app::ArchivedRecordError();
  return form_page(ctx, http::Form(http::Fields{{"value_type", "integer"}}), {}, item, "", 200);
}

http::Response create_indicator_page(Context& ctx) {
  std::string item_id = path_id(ctx);
  const auto& f = ctx.form();
  FieldErrors errors;
  Indicator ind = read_form(f, errors);
  ind.item_id = item_id;
  Item item;
  try {
    app::write(ctx, [&](app::Change& change) {
      item = editable_item(change, item_id);
      if (item.archived_at) throw app::ArchivedRecordError();
      for (auto& [k, v] : validate(ind)) errors.emplace(k, v);
      if (!errors.empty()) throw Invalid{errors};
      insert_indicator(change, ind);
    });
  } catch (const Invalid& e) {
    return form_page(ctx, f, e.errors, item, "", 422);
  }
  return http::Response::redirect("/plan/indicators/" + ind.id + "?done=plan_indicator_saved");
}

http::Response indicator_page(Context& ctx) { return show(ctx, path_id(ctx), http::Form(http::Fields{}), {}, 200); }

http::Response edit_indicator_page(Context& ctx) {
  std::string id = path_id(ctx);
  Loaded found = [&] {
    auto lease = ctx.app.db().acquire();
    Loaded l = load_or_404(*lease, id);
    if (!may_edit(viewer(ctx, core::load_network(*lease)), l.item)) throw HttpError(403, "forbidden", "plan.error.not_yours");
    return l;
  }();
  if (found.indicator.archived_at) throw app::ArchivedRecordError();
  return form_page(ctx, http::Form(form_fields(found.indicator)), {}, found.item, id, 200);
}

http::Response update_indicator_page(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& f = ctx.form();
  auto expected = form_version(f);
  FieldErrors errors;
  Indicator next = read_form(f, errors);
  Item item;
  try {
    app::write(ctx, [&](app::Change& change) {
      auto before = load_indicator(change.db, id);
      if (!before) throw HttpError(404, "not_found", "error.not_found");
      item = editable_item(change, before->item_id);
      next.item_id = before->item_id;
      for (auto& [k, v] : validate(next)) errors.emplace(k, v);
      if (!errors.empty()) throw Invalid{errors};
      update_indicator(change, *before, next, expected);
    });
  } catch (const Invalid& e) {
    return form_page(ctx, f, e.errors, item, id, 422);
  } catch (const app::StaleVersion&) {
    return form_page(ctx, f, {}, item, id, 409, true);
  }
  return http::Response::redirect("/plan/indicators/" + id + "?done=plan_indicator_saved");
}

http::Response add_value_page(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& f = ctx.form();
  IndicatorValue v;
  v.measured_on = text::trimmed(f.get("measured_on"));
  v.note = text::trimmed(f.get("note"));
  try {
    app::write(ctx, [&](app::Change& change) {
      auto ind = load_indicator(change.db, id);
      if (!ind) throw HttpError(404, "not_found", "error.not_found");
      editable_item(change, ind->item_id);
      FieldErrors errors;
      if (auto parsed = parse_value(ind->value_type, f.get("value"))) v.value = *parsed;
      else errors["value"] = "plan.error.value_" + ind->value_type;
      for (auto& [k, msg] : validate(v, ind->value_type)) errors.emplace(k, msg);
      if (!errors.empty()) throw Invalid{errors};
      insert_value(change, *ind, v);
    });
  } catch (const Invalid& e) {
    return show(ctx, id, f, e.errors, 422);
  }
  return http::Response::redirect("/plan/indicators/" + id + "?done=plan_value_saved");
}

http::Response archive_value_page(Context& ctx) {
  std::string id = path_id(ctx), value_id = path_id(ctx, "value_id");
  auto expected = form_version(ctx.form());
  app::write(ctx, [&](app::Change& change) {
    auto val = load_value(change.db, value_id);
    if (!val || val->indicator_id != id) throw HttpError(404, "not_found", "error.not_found");
    auto ind = load_indicator(change.db, id);
    editable_item(change, ind->item_id);
    core::set_archived(change, value_ref(value_id), true, expected);
  });
  return http::Response::redirect("/plan/indicators/" + id + "?done=plan_value_archived");
}

}  // namespace samen::plan
