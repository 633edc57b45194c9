// Charts across waves (/monitoring/waves/{id}/trends?ties=reported|confirmed):
// the waves of the same scope up to this one (trends.hpp), as SVG charts with
// their data tables (documents/chart.hpp): density, reciprocity and degree
// centralization; trust and value; the share of ties per integration level.
// trend_charts is also the report's (report_pages.cpp).
#include "app/app.hpp"
#include "documents/chart.hpp"
#include "monitoring/handlers.hpp"
#include "monitoring/trends.hpp"

namespace samen::monitoring {

using app::Context;
using app::HttpError;

std::string trend_charts(Context& ctx, const std::vector<WavePoint>& points, const std::string& id_prefix) {
  std::vector<std::string> names;
  for (const auto& p : points) names.push_back(p.wave.name);
  const bool directed = !points.empty() && points.front().metrics.metrics.reciprocity.has_value();
  auto count = static_cast<std::int64_t>(points.size());

  documents::LineChart structure;
  structure.id = id_prefix + "-structure";
  structure.title = ctx.t("monitoring.trends.structure");
  structure.description = ctx.tf("monitoring.trends.structure_desc", {{"count", count}});
  structure.axis_label = ctx.t("monitoring.trends.wave");
  structure.categories = names;
  structure.max_fraction_digits = 3;
  documents::ChartSeries density{ctx.t("monitoring.metrics.density"), {}}, reciprocity{ctx.t("monitoring.metrics.reciprocity"), {}},
      centralization{ctx.t("monitoring.metrics.centralization"), {}};
  for (const auto& p : points) {
    density.values.push_back(p.metrics.metrics.density);
    reciprocity.values.push_back(p.metrics.metrics.reciprocity);
    centralization.values.push_back(p.metrics.metrics.degree_centralization);
  }
  structure.series = {density};
  if (directed) structure.series.push_back(reciprocity);
  structure.series.push_back(centralization);

  documents::LineChart ratings;
  ratings.id = id_prefix + "-ratings";
  ratings.title = ctx.t("monitoring.trends.ratings");
  ratings.description = ctx.tf("monitoring.trends.ratings_desc", {{"count", count}});
  ratings.axis_label = structure.axis_label;
  ratings.categories = names;
  ratings.max_fraction_digits = 2;
  documents::ChartSeries trust{ctx.t("monitoring.metrics.trust"), {}}, value{ctx.t("monitoring.metrics.value"), {}};
  for (const auto& p : points) trust.values.push_back(p.metrics.trust), value.values.push_back(p.metrics.value);
  ratings.series = {trust, value};

  documents::BarChart levels;
  levels.id = id_prefix + "-levels";
  levels.title = ctx.t("monitoring.trends.levels");
  levels.description = ctx.tf("monitoring.trends.levels_desc", {{"count", count}});
  levels.axis_label = structure.axis_label;
  levels.categories = names;
  levels.stacked = true;
  levels.max_fraction_digits = 0;
  for (std::size_t k = 1; k < kIntegration.size(); ++k) {
    std::string level(kIntegration[k]);
    documents::ChartSeries s{ctx.t("monitoring.level." + level), {}};
    for (const auto& p : points) s.values.push_back(100.0 * p.metrics.integration_share.at(level));
    levels.series.push_back(std::move(s));
  }
  return documents::line_chart_figure(structure, ctx.lang) + documents::line_chart_figure(ratings, ctx.lang) +
         documents::bar_chart_figure(levels, ctx.lang);
}

http::Response trends_page(Context& ctx) {
  std::string ties = ctx.req.query_param("ties").value_or("reported");
  if (ties != "reported" && ties != "confirmed") throw HttpError(400, "bad_request", "monitoring.error.ties");
  std::string id = ctx.param("id");
  std::vector<WavePoint> points;
  {
    auto lease = ctx.app.db().acquire();
    if (id.empty() || id.size() > 100 || !load_wave(*lease, id)) throw HttpError(404, "not_found", "error.not_found");
    points = waves_until(*lease, id, ties == "confirmed");
  }
  const Wave& wave = points.back().wave;
  auto d = ctx.content_dict();
  std::string base = "/monitoring/waves/" + id;
  d.SetValue("WAVE", wave.name);
  d.SetValue("WAVE_HREF", base);
  for (const char* t : {"reported", "confirmed"}) {
    auto* tab = d.AddSectionDictionary("TIES");
    tab->SetValue("HREF", base + "/trends?ties=" + t);
    tab->SetValue("LABEL", ctx.t(std::string("monitoring.metrics.") + t));
    if (ties == t) tab->ShowSection("CURRENT");
  }
  d.SetValue("COUNT", ctx.tf("monitoring.trends.count", {{"count", static_cast<std::int64_t>(points.size())}}));
  d.SetValue("CHARTS", trend_charts(ctx, points, "trends-" + id));
  return ctx.page("monitoring_trends", ctx.tf("monitoring.trends.page_title", {{"wave", wave.name}}), d);
}

}  // namespace samen::monitoring
