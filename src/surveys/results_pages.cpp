// A survey's results page /surveys/{id}/results (handlers.hpp): per question
// a bar chart of the answers (choices and Likert points, with the Likert
// mean) drawn as SVG with its data table, the figures of number questions,
// the latest open texts; ?format=csv|xlsx gives the same figures as a file.
// The figures are SQL aggregates (store.hpp: survey_results), so the page
// costs the same at ten or ten thousand responses.
#include "app/app.hpp"
#include "documents/chart.hpp"
#include "documents/download.hpp"
#include "surveys/handlers.hpp"

namespace samen::surveys {

using app::Context;
using app::HttpError;

namespace {

std::string label_of(const Question& q, const std::string& code, i18n::Lang lang) {
  if (q.type == QuestionType::likert) {
    std::size_t k = static_cast<std::size_t>(std::stoi(code));
    return code + " — " + (k >= 1 && k <= q.scale.size() ? in_lang(q.scale[k - 1], lang) : "");
  }
  for (const auto& o : q.options)
    if (o.code == code) return in_lang(o.label, lang);
  return code;
}

// The share of answered responses, in percent.
double share(std::int64_t n, std::int64_t of) { return of > 0 ? 100.0 * static_cast<double>(n) / static_cast<double>(of) : 0.0; }

documents::Table results_table(const Context& ctx, const Definition& def, const Results& r) {
  using documents::Column;
  using documents::ColumnType;
  documents::Table t({{ctx.t("surveys.results.question_id"), ColumnType::text},
                      {ctx.t("surveys.results.question"), ColumnType::text},
                      {ctx.t("surveys.results.answer"), ColumnType::text},
                      {ctx.t("surveys.results.count"), ColumnType::integer},
                      {ctx.t("surveys.results.share"), ColumnType::number}});
  for (const auto& q : def.questions) {
    const QuestionResult& qr = r.questions.at(q.id);
    std::string text = in_lang(q.text, ctx.lang);
    t.add_row({q.id, text, ctx.t("surveys.results.answered"), qr.answered, share(qr.answered, r.responses)});
    for (const auto& code : codes_of(q))
      t.add_row({q.id, text, label_of(q, code, ctx.lang), qr.counts.at(code), share(qr.counts.at(code), qr.answered)});
    auto figure = [&](const char* key, const std::optional<double>& v) {
      if (v) t.add_row({q.id, text, ctx.t(key), std::monostate{}, *v});
    };
    if (q.type == QuestionType::likert || q.type == QuestionType::number) {
      figure("surveys.results.mean", qr.mean);
      figure("surveys.results.min", qr.min);
      figure("surveys.results.max", qr.max);
    }
    for (const auto& x : qr.texts) t.add_row({q.id, text, x, std::monostate{}, std::monostate{}});
  }
  return t;
}

}  // namespace

http::Response results_page(Context& ctx) {
  auto format = documents::table_format(ctx);
  auto lease = ctx.app.db().acquire();
  Survey s = survey_of_path(*lease, ctx);
  if (!may_read_results(*lease, *ctx.user(), s)) throw HttpError(403, "forbidden", "error.forbidden");
  Results r = survey_results(*lease, s);
  const Definition& def = s.definition;
  if (format != documents::TableFormat::html)
    return documents::table_download(results_table(ctx, def, r), format, "survey-results");
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", s.id);
  d.SetValue("TITLE", in_lang(def.title, ctx.lang));
  d.SetValue("STATUS", ctx.t("surveys.status." + s.status));
  d.SetValue("RESPONSES", ctx.tf("surveys.results.responses", {{"count", r.responses}}));
  if (manages(*ctx.user())) d.ShowSection("MANAGER");
  for (std::size_t i = 0; i < def.questions.size(); ++i) {
    const Question& q = def.questions[i];
    const QuestionResult& qr = r.questions.at(q.id);
    auto* qd = d.AddSectionDictionary("QUESTIONS");
    qd->SetValue("NUMBER", std::to_string(i + 1));
    qd->SetValue("TEXT", in_lang(q.text, ctx.lang));
    qd->SetValue("ANSWERED", ctx.tf("surveys.results.answered_count", {{"count", qr.answered}}));
    if (q.type == QuestionType::single || q.type == QuestionType::multiple || q.type == QuestionType::likert) {
      documents::BarChart chart;
      chart.id = "chart-" + q.id;
      chart.title = in_lang(q.text, ctx.lang);
      chart.description = ctx.t("surveys.results.chart_description");
      chart.axis_label = ctx.t("surveys.results.answer");
      documents::ChartSeries series{ctx.t("surveys.results.count"), {}};
      for (const auto& code : codes_of(q)) {
        chart.categories.push_back(label_of(q, code, ctx.lang));
        series.values.push_back(static_cast<double>(qr.counts.at(code)));
      }
      chart.series.push_back(std::move(series));
      chart.max_fraction_digits = 0;
      qd->SetValue("CHART_HTML", documents::bar_chart_figure(chart, ctx.lang));
      if (q.type == QuestionType::multiple) qd->ShowSection("MULTIPLE");
    }
    if ((q.type == QuestionType::likert || q.type == QuestionType::number) && qr.mean) {
      auto* fd = qd->AddSectionDictionary("FIGURES");
      fd->SetValue("MEAN", i18n::format_number(ctx.lang, *qr.mean, 2));
      fd->SetValue("MIN", i18n::format_number(ctx.lang, qr.min.value_or(0), 2));
      fd->SetValue("MAX", i18n::format_number(ctx.lang, qr.max.value_or(0), 2));
    }
    if (q.type == QuestionType::text) {
      auto* td = qd->AddSectionDictionary("TEXTS");
      for (const auto& x : qr.texts) td->SetValueAndShowSection("ITEM", x, "ITEMS");
      if (qr.texts_total > static_cast<std::int64_t>(qr.texts.size()))
        td->SetValueAndShowSection("MORE", ctx.tf("surveys.results.latest", {{"shown", static_cast<std::int64_t>(qr.texts.size())}, {"total", qr.texts_total}}), "HAS_MORE");
    }
  }
  return ctx.page("surveys_results", in_lang(def.title, ctx.lang), d);
}

}  // namespace samen::surveys
