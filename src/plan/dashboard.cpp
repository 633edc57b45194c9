// The plan's dashboard, timeline and overdue list (handlers.hpp). The
// dashboard shows, for the whole plan or one level, the status counts per
// objective and per level as stacked SVG bar charts (documents/chart.hpp,
// each with its data table), the objectives' indicators against their
// targets over time as line charts, every indicator's progress in a table,
// and the overdue actions. The timeline is a Gantt-style SVG drawn here (one
// bar per dated action from its start to its end, grouped by objective, a
// line at today) with the same rows as a table.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "app/app.hpp"
#include "documents/chart.hpp"
#include "plan/handlers.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"
#include "web/render.hpp"

namespace samen::plan {

using app::Context;
using app::HttpError;

namespace {

constexpr std::size_t kMaxIndicatorCharts = 12;

std::string team_param(const Context& ctx, const core::Network& n) {
  std::string team = text::trimmed(ctx.req.query_param("team").value_or(""));
  if (!team.empty() && team != "brussels" && !n.team(team)) throw HttpError(404, "not_found", "plan.error.team_unknown");
  return team;
}

bool selected(const std::string& team, const Item& i) {
  if (team.empty()) return true;
  if (team == "brussels") return i.team_id.empty();
  return i.team_id == team;
}

void team_options(const Context& ctx, const core::Network& n, web::Dict& d, const std::string& team) {
  auto option = [&](const std::string& value, const std::string& label) {
    auto* o = d.AddSectionDictionary("TEAM_OPTIONS");
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (team == value) o->ShowSection("SELECTED");
  };
  option("brussels", ctx.t("plan.level.brussels"));
  for (const auto& t : n.teams) option(t.id, t.name.in(ctx.lang));
}

documents::ChartSeries status_series(const Context& ctx, std::string_view status) {
  return {status_label(ctx, std::string(status)), {}};
}

// One stacked bar per group (objective or level), one series per status.
std::string status_chart(const Context& ctx, const std::string& id, const std::string& title, const std::string& axis,
                         const std::vector<std::pair<std::string, StatusCounts>>& groups) {
  documents::BarChart chart;
  chart.id = id;
  chart.title = title;
  chart.description = ctx.t("plan.chart.status_desc");
  chart.axis_label = axis;
  chart.stacked = true;
  chart.max_fraction_digits = 0;
  for (auto s : kStatuses) chart.series.push_back(status_series(ctx, s));
  for (const auto& [label, counts] : groups) {
    chart.categories.push_back(label);
    std::size_t k = 0;
    for (auto s : kStatuses) chart.series[k++].values.push_back(static_cast<double>(counts.at(std::string(s))));
  }
  return documents::bar_chart_figure(chart, ctx.lang);
}

// How far the latest value has come from the baseline to the target, in percent (nullopt without both).
std::optional<double> progress(const Indicator& ind, const IndicatorValue* latest) {
  if (!ind.target || !latest) return std::nullopt;
  double base = ind.baseline.value_or(0);
  if (*ind.target == base) return std::nullopt;
  return (latest->value - base) / (*ind.target - base) * 100.0;
}

std::string attr(std::string_view s) { return web::html_escape(std::string(s)); }

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

const char* status_colour(const std::string& s) {
  if (s == "on_track") return "#009E73";
  if (s == "at_risk") return "#E69F00";
  if (s == "done") return "#0072B2";
  if (s == "dropped") return "#CC79A7";
  return "#999999";
}

}  // namespace

http::Response dashboard_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  std::string team = team_param(ctx, n);
  auto items = active_items(*lease);
  Tree tree(items);
  const std::string now = today(ctx);
  web::Dict d = ctx.content_dict();
  team_options(ctx, n, d, team);

  // Per objective of the selection: the status counts of the actions under it.
  std::vector<std::pair<std::string, StatusCounts>> per_objective;
  for (const Item* top : tree.children(""))
    if (top->kind == "objective" && selected(team, *top)) {
      std::vector<const Item*> actions;
      for (const Item* x : tree.descendants(top->id))
        if (x->kind == "action") actions.push_back(x);
      per_objective.push_back({top->title, count_statuses(actions)});
    }
  if (!per_objective.empty())
    d.SetValueAndShowSection("OBJECTIVE_CHART", status_chart(ctx, "plan-objectives", ctx.t("plan.dashboard.per_objective"),
                                                             ctx.t("plan.field.objective"), per_objective),
                             "HAS_OBJECTIVE_CHART");
  // Per level: the Brussels-wide partnership and each team with actions.
  std::vector<std::pair<std::string, StatusCounts>> per_level;
  std::map<std::string, std::vector<const Item*>> by_level;
  for (const auto& i : items)
    if (i.kind == "action" && selected(team, i)) by_level[i.team_id].push_back(&i);
  if (by_level.count("")) per_level.push_back({level_label(ctx, n, ""), count_statuses(by_level[""])});
  for (const auto& t : n.teams)
    if (by_level.count(t.id)) per_level.push_back({t.name.in(ctx.lang), count_statuses(by_level[t.id])});
  if (!per_level.empty())
    d.SetValueAndShowSection("LEVEL_CHART", status_chart(ctx, "plan-levels", ctx.t("plan.dashboard.per_level"),
                                                         ctx.t("plan.field.level"), per_level),
                             "HAS_LEVEL_CHART");
  if (per_objective.empty() && per_level.empty()) d.ShowSection("EMPTY");

  // Indicators of the selection's items: a table for all, charts for the objectives' (the first few).
  // The latest value of each indicator in one query; the whole series only for the few charted, in one more.
  auto latest_of = latest_values(*lease);
  auto indicators = list_indicators(*lease, {}).items;
  std::vector<std::string> charted;
  for (const auto& ind : indicators) {
    const Item* item = tree.find(ind.item_id);
    if (item && selected(team, *item) && item->kind == "objective" && latest_of.count(ind.id) &&
        charted.size() < kMaxIndicatorCharts)
      charted.push_back(ind.id);
  }
  auto series_of = values_of(*lease, charted);
  std::size_t charts = 0;
  for (const auto& ind : indicators) {
    const Item* item = tree.find(ind.item_id);
    if (!item || !selected(team, *item)) continue;
    auto found = latest_of.find(ind.id);
    const IndicatorValue* latest = found == latest_of.end() ? nullptr : &found->second;
    static const std::vector<IndicatorValue> kNone;
    auto s = series_of.find(ind.id);
    const std::vector<IndicatorValue>& vals = s == series_of.end() ? kNone : s->second;
    auto* row = d.AddSectionDictionary("INDICATORS");
    row->SetValue("I_ID", ind.id);
    row->SetValue("I_NAME", ind.name);
    row->SetValue("I_ITEM_ID", item->id);
    row->SetValue("I_ITEM", item->title);
    row->SetValue("I_BASELINE", ind.baseline ? value_label(ctx, *ind.baseline) : "–");
    row->SetValue("I_LATEST", latest ? value_label(ctx, latest->value) : "–");
    row->SetValue("I_TARGET", ind.target ? value_label(ctx, *ind.target) : "–");
    auto p = progress(ind, latest);
    row->SetValue("I_PROGRESS", p ? i18n::format_number(ctx.lang, std::round(*p), 0) + " %" : "–");
    if (item->kind == "objective" && vals.size() > 1 && charts < kMaxIndicatorCharts) {
      ++charts;
      documents::LineChart chart;
      chart.id = "plan-indicator-" + ind.id;
      chart.title = ind.name + " — " + item->title;
      chart.description = ctx.tf("plan.chart.indicator_desc", {{"name", ind.name}, {"count", static_cast<std::int64_t>(vals.size())}});
      chart.axis_label = ctx.t("plan.field.measured_on");
      documents::ChartSeries series{ctx.t("plan.chart.measured"), {}};
      for (const auto& v : vals) {
        chart.categories.push_back(date_label(ctx, v.measured_on));
        series.values.push_back(v.value);
      }
      chart.series.push_back(std::move(series));
      chart.target = ind.target;
      chart.target_label = ctx.t("plan.field.target");
      chart.max_fraction_digits = 2;
      d.AddSectionDictionary("INDICATOR_CHARTS")->SetValue("CHART_HTML", documents::line_chart_figure(chart, ctx.lang));
    }
  }
  // Overdue actions, the longest overdue first.
  std::vector<const Item*> late;
  for (const auto& i : items)
    if (selected(team, i) && overdue(i, now)) late.push_back(&i);
  std::sort(late.begin(), late.end(), [](const Item* a, const Item* b) { return a->ends_on < b->ends_on; });
  for (const Item* i : late) {
    auto* row = d.AddSectionDictionary("OVERDUE");
    row->SetValue("O_ID", i->id);
    row->SetValue("O_TITLE", i->title);
    row->SetValue("O_LEVEL", level_label(ctx, n, i->team_id));
    row->SetValue("O_ENDS", date_label(ctx, i->ends_on));
    row->SetValue("O_DAYS", i18n::format_integer(ctx.lang, dates::days_between(i->ends_on, now).value_or(0)));
    row->SetValue("O_STATUS", status_label(ctx, i->status));
    row->SetValue("O_STATUS_CODE", i->status);
  }
  if (late.empty()) d.ShowSection("NO_OVERDUE");
  return ctx.page("plan_dashboard", ctx.t("plan.dashboard.title"), d);
}

http::Response timeline_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  std::string team = team_param(ctx, n);
  auto items = active_items(*lease);
  Tree tree(items);
  const std::string now = today(ctx);

  // The dated actions of the selection, grouped by objective in tree order.
  struct Row {
    const Item* item;
    const Item* objective;
  };
  std::vector<Row> rows;
  for (const Item* top : tree.children(""))
    for (const Item* x : tree.descendants(top->id))
      if (x->kind == "action" && selected(team, *x) && !x->starts_on.empty() && !x->ends_on.empty())
        rows.push_back({x, top});
  web::Dict d = ctx.content_dict();
  team_options(ctx, n, d, team);
  if (rows.empty()) {
    d.ShowSection("EMPTY");
    return ctx.page("plan_timeline", ctx.t("plan.timeline.title"), d);
  }
  // The years the bars span.
  std::string first = rows[0].item->starts_on, last = rows[0].item->ends_on;
  for (const auto& r : rows) {
    first = std::min(first, r.item->starts_on);
    last = std::max(last, r.item->ends_on);
  }
  int y0 = std::stoi(first.substr(0, 4)), y1 = std::stoi(last.substr(0, 4));
  long d0 = dates::days_since_epoch({y0, 1, 1}), d1 = dates::days_since_epoch({y1 + 1, 1, 1});
  constexpr double kLabel = 0, kLeft = 8, kWidth = 960, kRow = 18, kTop = 28;
  const double span = kWidth - kLeft - 8;
  auto x_of = [&](const std::string& iso) {
    long day = dates::days_since_epoch(*dates::parse_iso(iso));
    return kLeft + span * static_cast<double>(day - d0) / static_cast<double>(d1 - d0);
  };
  double height = kTop + kRow * static_cast<double>(rows.size()) + 8;
  std::string svg = "<svg class=\"plan-gantt\" role=\"img\" aria-labelledby=\"gantt-title gantt-desc\" viewBox=\"0 0 " +
                    num(kWidth) + " " + num(height) + "\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"gantt-title\">" +
                    attr(ctx.t("plan.timeline.title")) + "</title><desc id=\"gantt-desc\">" +
                    attr(ctx.tf("plan.timeline.desc", {{"count", static_cast<std::int64_t>(rows.size())}})) + "</desc>";
  svg += "<g font-size=\"12\" fill=\"#333\">";
  for (int y = y0; y <= y1; ++y) {
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-01-01", y);
    double x = x_of(iso);
    svg += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"16\" y2=\"" + num(height) + "\" stroke=\"#ccc\"/>";
    svg += "<text x=\"" + num(x + 4) + "\" y=\"14\">" + std::to_string(y) + "</text>";
  }
  svg += "</g><g>";
  double y = kTop;
  for (const auto& r : rows) {
    double x = x_of(r.item->starts_on), w = std::max(2.0, x_of(r.item->ends_on) - x + span / (d1 - d0));
    svg += "<rect x=\"" + num(x) + "\" y=\"" + num(y + 2) + "\" width=\"" + num(w) + "\" height=\"" + num(kRow - 4) +
           "\" fill=\"" + status_colour(r.item->status) + "\"" + (overdue(*r.item, now) ? " stroke=\"#D55E00\" stroke-width=\"2\"" : "") +
           "><title>" + attr(r.item->title + " (" + status_label(ctx, r.item->status) + ", " + period_label(ctx, *r.item) + ")") +
           "</title></rect>";
    y += kRow;
  }
  (void)kLabel;
  svg += "</g>";
  if (now >= first && now <= last) {
    double x = x_of(now);
    svg += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"16\" y2=\"" + num(height) +
           "\" stroke=\"#D55E00\" stroke-width=\"2\" stroke-dasharray=\"4 3\"><title>" + attr(ctx.t("plan.timeline.today")) +
           "</title></line>";
  }
  svg += "</svg>";
  d.SetValue("GANTT_SVG", svg);
  d.ShowSection("HAS_GANTT");
  for (auto s : kStatuses) {
    auto* l = d.AddSectionDictionary("LEGEND");
    l->SetValue("L_STATUS", status_label(ctx, std::string(s)));
    l->SetValue("L_CODE", std::string(s));
  }
  const Item* group = nullptr;
  for (const auto& r : rows) {
    auto* row = d.AddSectionDictionary("ROWS");
    if (r.objective != group) {
      group = r.objective;
      row->SetValueAndShowSection("OBJECTIVE", r.objective->title, "NEW_OBJECTIVE");
    }
    row->SetValue("ID", r.item->id);
    row->SetValue("TITLE", r.item->title);
    row->SetValue("LEVEL", level_label(ctx, n, r.item->team_id));
    row->SetValue("STARTS", date_label(ctx, r.item->starts_on));
    row->SetValue("ENDS", date_label(ctx, r.item->ends_on));
    row->SetValue("STATUS", status_label(ctx, r.item->status));
    row->SetValue("STATUS_CODE", r.item->status);
    if (overdue(*r.item, now)) row->ShowSection("OVERDUE");
  }
  return ctx.page("plan_timeline", ctx.t("plan.timeline.title"), d);
}

}  // namespace samen::plan
