// The after-transition evaluation's page and API (evaluation.hpp):
// /transitions/evaluations?year= (per pathway of the year: a bar chart of the
// mean answer per question and audience, with its data table, and the number
// of answers per audience; an audience with fewer than kSmallestShown answers
// on a pathway shows "fewer than 5" and no figures), the coordinators' form
// that starts a school year's evaluation, and GET /api/v1/transitions/evaluations.
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "core/permissions.hpp"
#include "documents/chart.hpp"
#include "transitions/evaluation.hpp"
#include "transitions/handlers.hpp"
#include "transitions/pathways.hpp"
#include "transitions/store.hpp"
#include "web/render.hpp"

namespace samen::transitions {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

// The year asked for (?year / ?school_year), else the newest evaluation's; 400 for a bad one.
std::optional<Evaluation> chosen(store::Connection& c, const Context& ctx, const char* name,
                                 const std::vector<Evaluation>& all) {
  std::string y = ctx.req.query_param(name).value_or("");
  if (y.empty()) return all.empty() ? std::nullopt : std::optional<Evaluation>(all.front());
  auto year = parse_school_year(y.substr(0, 20));
  if (!year) throw HttpError(400, "bad_request", "transitions.pathway.error.school_year");
  return load_evaluation(c, *year);
}

bool shown(const surveys::Results& r) { return r.responses >= kSmallestShown; }

// The Likert questions of an audience's survey, in order.
std::vector<const surveys::Question*> likert_of(const surveys::Survey& s) {
  std::vector<const surveys::Question*> out;
  for (const auto& q : s.definition.questions)
    if (q.type == surveys::QuestionType::likert) out.push_back(&q);
  return out;
}

std::string setting_name(const std::vector<Setting>& settings, const std::string& id) {
  for (const auto& s : settings)
    if (s.id == id) return s.name;
  return id;
}

}  // namespace

http::Response evaluations_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  auto all = list_evaluations(*lease);
  auto e = chosen(*lease, ctx, "year", all);
  web::Dict d = ctx.content_dict();
  for (const auto& x : all) {
    auto* o = d.AddSectionDictionary("YEAR_OPTIONS");
    o->SetValue("VALUE", std::to_string(x.school_year));
    o->SetValue("LABEL", school_year_label(x.school_year));
    if (e && e->school_year == x.school_year) o->ShowSection("SELECTED");
  }
  const auto& u = me(ctx);
  if (u.role == accounts::Role::admin || u.role == accounts::Role::coordinator) {
    d.ShowSection("CAN_START");
    d.SetValue("CSRF", ctx.csrf);
  }
  if (!e) {
    d.ShowSection("NOT_STARTED");
    return ctx.page("transitions_evaluations", ctx.t("transitions.evaluation.title"), d);
  }
  d.SetValueAndShowSection("YEAR", school_year_label(e->school_year), "STARTED");
  EvaluationResults res = evaluation_results(*lease, *e);
  auto settings = list_settings(*lease);
  const std::string fewer = ctx.tf("transitions.pathways.fewer_than", {{"n", kSmallestShown}});
  if (res.pathways.empty()) d.ShowSection("NO_ANSWERS");
  int n = 0;
  for (const auto& p : res.pathways) {
    auto* row = d.AddSectionDictionary("PATHWAYS");
    std::string from = setting_name(settings, p.sending_id), to = setting_name(settings, p.receiving_id);
    row->SetValue("FROM", from);
    row->SetValue("TO", to);
    documents::BarChart chart;
    chart.id = "evaluation-" + std::to_string(++n);
    chart.title = from + " → " + to;
    chart.description = ctx.t("transitions.evaluation.chart_description");
    chart.axis_label = ctx.t("transitions.evaluation.question");
    documents::ChartSeries mean{ctx.t("transitions.evaluation.mean"), {}};
    bool any = false;
    for (const auto& audience : kEvaluationAudiences) {
      auto* a = row->AddSectionDictionary("AUDIENCES");
      a->SetValue("AUDIENCE", ctx.t("transitions.evaluation.audience." + audience));
      auto it = p.by_audience.find(audience);
      std::int64_t answers = it == p.by_audience.end() ? 0 : it->second.responses;
      a->SetValue("ANSWERS", answers == 0 ? "0" : answers < kSmallestShown ? fewer : std::to_string(answers));
      auto s = res.surveys.find(audience);
      if (s == res.surveys.end()) continue;
      for (const auto* q : likert_of(s->second)) {
        chart.categories.push_back(ctx.t("transitions.evaluation.audience." + audience) + ": " +
                                   surveys::in_lang(q->text, ctx.lang));
        std::optional<double> m;
        if (it != p.by_audience.end() && shown(it->second)) m = it->second.questions.at(q->id).mean;
        any = any || m.has_value();
        mean.values.push_back(m);
      }
    }
    chart.series.push_back(std::move(mean));
    if (any) row->SetValueAndShowSection("CHART", documents::bar_chart_figure(chart, ctx.lang), "HAS_CHART");
    else row->ShowSection("ALL_HIDDEN");
  }
  return ctx.page("transitions_evaluations", ctx.t("transitions.evaluation.title"), d);
}

http::Response evaluation_start_page(Context& ctx) {
  auto year = parse_school_year(ctx.form().get("school_year").substr(0, 20));
  if (!year) throw HttpError(422, "validation", "transitions.pathway.error.school_year");
  bool started = app::write(ctx, [&](app::Change& change) {
    auto e = start_evaluation(change.db, ctx.app.catalog(), *year, change.user().id, change.now());
    if (e)
      change.audit("transitions.evaluation.start", "transitions_evaluation", std::to_string(*year),
                   e->survey_ids["parent"] + " " + e->survey_ids["sending"] + " " + e->survey_ids["receiving"]);
    return e.has_value();
  });
  if (!started) throw HttpError(409, "exists", "transitions.evaluation.exists");
  return http::Response::redirect("/transitions/evaluations?year=" + std::to_string(*year));
}

http::Response api_evaluations(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  auto all = list_evaluations(*lease);
  auto e = chosen(*lease, ctx, "school_year", all);
  if (!e) throw HttpError(404, "not_found", "transitions.evaluation.none");
  EvaluationResults res = evaluation_results(*lease, *e);
  auto page = app::page_request(ctx);
  json items = json::array();
  for (auto i = static_cast<std::size_t>(page.offset());
       i < res.pathways.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i) {
    const auto& p = res.pathways[i];
    json audiences = json::object();
    for (const auto& audience : kEvaluationAudiences) {
      auto it = p.by_audience.find(audience);
      std::int64_t answers = it == p.by_audience.end() ? 0 : it->second.responses;
      json a = {{"answers", answers > 0 && answers < kSmallestShown ? json(nullptr) : json(answers)},
                {"answers_below", answers > 0 && answers < kSmallestShown ? json(kSmallestShown) : json(nullptr)}};
      json means = json::object();
      if (it != p.by_audience.end() && shown(it->second))
        for (const auto* q : likert_of(res.surveys.at(audience)))
          means[q->id] = it->second.questions.at(q->id).mean ? json(*it->second.questions.at(q->id).mean) : json(nullptr);
      a["means"] = means;
      audiences[audience] = a;
    }
    items.push_back({{"sending_setting_id", p.sending_id},
                     {"receiving_setting_id", p.receiving_id},
                     {"school_year", e->school_year},
                     {"audiences", audiences}});
  }
  json out = app::page_json(page, static_cast<std::int64_t>(res.pathways.size()), std::move(items));
  json surveys = json::object();
  for (const auto& [audience, id] : e->survey_ids) surveys[audience] = id;
  out["survey_ids"] = surveys;
  return app::json_response(200, out);
}

}  // namespace samen::transitions
