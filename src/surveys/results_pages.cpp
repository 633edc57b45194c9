// A survey's results page /surveys/{id}/results (handlers.hpp): per question
// a bar chart of the answers (choices and Likert points, with the Likert
// mean) drawn as SVG with its data table, the figures of number questions,
// the latest open texts (all of them page by page on
// /surveys/{id}/results/texts/{qid}); ?format=csv|xlsx gives the same figures
// as a file. The figures are one SQL aggregate (store.hpp: survey_results),
// so the page costs about the same at ten or ten thousand responses. Also the
// coordinators' export of the individual responses, one per row.
#include <algorithm>
#include <map>

#include "app/api.hpp"
#include "app/app.hpp"
#include "core/network.hpp"
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

// Open texts on the results page; the rest are a link away, page by page.
constexpr std::size_t kTextsOnResults = 10;
constexpr std::int64_t kTextsPerPage = 50;
// Responses in one export (a survey of more says the file is cut).
constexpr std::int64_t kExportCap = 50000;

// One response's answer to a question as a cell of the export: choices as
// their labels in the reader's language ("; " between several), a Likert
// point as its number, a number as is, a text as typed.
documents::Cell answer_cell(const Question& q, const Answer& a, i18n::Lang lang) {
  if (q.type == QuestionType::likert && !a.codes.empty()) return static_cast<std::int64_t>(std::stoi(a.codes.front()));
  if (!a.codes.empty()) {
    std::string out;
    for (const auto& code : a.codes) out += (out.empty() ? "" : "; ") + label_of(q, code, lang);
    return out;
  }
  if (a.number) return *a.number;
  if (a.text) return *a.text;
  return std::monostate{};
}

documents::Table responses_table(const Context& ctx, store::Connection& c, const Survey& s,
                                 const std::vector<Response>& responses) {
  using documents::ColumnType;
  std::vector<documents::Column> columns{{ctx.t("surveys.export.response"), ColumnType::text},
                                         {ctx.t("surveys.export.invited"), ColumnType::text},
                                         {ctx.t("surveys.export.organization"), ColumnType::text},
                                         {ctx.t("surveys.export.lang"), ColumnType::text},
                                         {ctx.t("surveys.export.started"), ColumnType::date_time},
                                         {ctx.t("surveys.export.submitted"), ColumnType::date_time}};
  for (const auto& q : s.definition.questions) {
    ColumnType type = q.type == QuestionType::likert   ? ColumnType::integer
                      : q.type == QuestionType::number ? ColumnType::number
                                                       : ColumnType::text;
    columns.push_back({q.id + ": " + in_lang(q.text, ctx.lang), type});
  }
  documents::Table t(std::move(columns));
  // An invited respondent's organisation (partners' surveys), by invitation.
  std::map<std::string, std::string> org_of;
  auto network = core::load_network(c, true);  // an organisation archived since still has its name
  std::map<std::string, std::string> org_name;
  for (const auto& o : network.organizations) org_name[o.id] = o.name.in(ctx.lang);
  for (const auto& inv : invitations(c, s.id))
    if (inv.organization_id) org_of[inv.id] = org_name[*inv.organization_id];
  for (const auto& r : responses) {
    std::vector<documents::Cell> row{r.id, ctx.t(r.invitation_id ? "surveys.export.yes" : "surveys.export.no"),
                                     r.invitation_id && org_of.count(*r.invitation_id) ? org_of[*r.invitation_id] : "",
                                     r.lang, documents::DateTime{r.started_at},
                                     documents::DateTime{r.submitted_at.value_or(r.updated_at)}};
    for (const auto& q : s.definition.questions) {
      auto it = r.answers.find(q.id);
      row.push_back(it == r.answers.end() ? documents::Cell(std::monostate{}) : answer_cell(q, it->second, ctx.lang));
    }
    t.add_row(std::move(row));
  }
  return t;
}

Survey readable_survey(Context& ctx, store::Connection& c) {
  Survey s = survey_of_path(c, ctx);
  if (!may_read_results(c, *ctx.user(), s)) throw HttpError(403, "forbidden", "error.forbidden");
  return s;
}

}  // namespace

http::Response results_page(Context& ctx) {
  auto format = documents::table_format(ctx);
  auto lease = ctx.app.db().acquire();
  Survey s = readable_survey(ctx, *lease);
  // The page shows a few open texts per question, the files as many as before.
  Results r = survey_results(*lease, s, format == documents::TableFormat::html ? kTextsOnResults : 100);
  const Definition& def = s.definition;
  if (format != documents::TableFormat::html)
    return documents::table_download(results_table(ctx, def, r), format, "survey-results");
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", s.id);
  d.SetValue("TITLE", in_lang(def.title, ctx.lang));
  d.SetValue("STATUS", ctx.t("surveys.status." + s.status));
  d.SetValue("RESPONSES", ctx.tf("surveys.results.responses", {{"count", r.responses}}));
  if (manages(*ctx.user())) d.ShowSection("MANAGER");
  if (may_export_responses(*ctx.user())) d.ShowSection("EXPORT_RESPONSES");
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
      if (qr.texts_total > static_cast<std::int64_t>(qr.texts.size())) {
        td->SetValueAndShowSection("MORE", ctx.tf("surveys.results.latest", {{"shown", static_cast<std::int64_t>(qr.texts.size())}, {"total", qr.texts_total}}), "HAS_MORE");
        td->SetValue("ALL_HREF", "/surveys/" + s.id + "/results/texts/" + q.id);
        td->SetValue("ALL_TEXT", ctx.tf("surveys.results.all_texts", {{"total", qr.texts_total}}));
      }
    }
  }
  return ctx.page("surveys_results", in_lang(def.title, ctx.lang), d);
}

http::Response texts_page(Context& ctx) {
  auto paging = app::page_request(ctx, kTextsPerPage, kTextsPerPage);
  auto lease = ctx.app.db().acquire();
  Survey s = readable_survey(ctx, *lease);
  const Question* q = s.definition.question(ctx.param("qid"));
  if (!q || q->type != QuestionType::text) throw HttpError(404, "not_found", "error.not_found");
  const std::int64_t total = count_open_texts(*lease, s.id, q->id);
  if (paging.page > 1 && paging.offset() >= total) throw HttpError(404, "not_found", "error.not_found");
  auto texts = open_texts(*lease, s.id, q->id, paging.per_page, paging.offset());
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", s.id);
  d.SetValue("TITLE", in_lang(s.definition.title, ctx.lang));
  d.SetValue("QUESTION", in_lang(q->text, ctx.lang));
  if (texts.empty()) d.ShowSection("NONE");
  else
    d.SetValue("RANGE", ctx.tf("surveys.texts.range", {{"from", paging.offset() + 1},
                                                        {"to", paging.offset() + static_cast<std::int64_t>(texts.size())},
                                                        {"total", total}}));
  for (const auto& t : texts) {
    auto* td = d.AddSectionDictionary("TEXTS");
    td->SetValue("TEXT", t.text);
    td->SetValue("AT", i18n::format_time(ctx.lang, t.submitted_at, i18n::DateStyle::medium_date));
  }
  const std::string base = "/surveys/" + s.id + "/results/texts/" + q->id + "?page=";
  if (paging.page > 1) d.SetValueAndShowSection("PREV_HREF", base + std::to_string(paging.page - 1), "PREV");
  if (paging.offset() + static_cast<std::int64_t>(texts.size()) < total)
    d.SetValueAndShowSection("NEXT_HREF", base + std::to_string(paging.page + 1), "NEXT");
  return ctx.page("surveys_results_texts", in_lang(q->text, ctx.lang), d);
}

accounts::Access response_exporters() {
  return accounts::Access::only({accounts::Role::admin, accounts::Role::coordinator});
}

bool may_export_responses(const accounts::User& u) {
  return u.role == accounts::Role::admin || u.role == accounts::Role::coordinator;
}

http::Response responses_export(Context& ctx) {
  auto format = documents::table_format(ctx);
  if (format == documents::TableFormat::html) throw HttpError(400, "bad_request", "error.bad_format");
  auto lease = ctx.app.db().acquire();
  Survey s = survey_of_path(*lease, ctx);
  auto responses = submitted_responses(*lease, s.id, kExportCap, 0);
  documents::Table table = responses_table(ctx, *lease, s, responses);
  documents::note_if_cut(table, ctx, s.responses);
  // Invited respondents' answers are tied to a person (and open texts may
  // name one): every export is audited, with how many of each.
  std::int64_t invited = std::count_if(responses.begin(), responses.end(), [](const Response& r) { return r.invitation_id.has_value(); });
  ctx.audit("surveys.responses.export", "surveys.survey", s.id,
            std::string(format == documents::TableFormat::csv ? "csv " : "xlsx ") + std::to_string(responses.size()) +
                " (" + std::to_string(invited) + " invited)");
  return documents::table_download(table, format, "survey-responses");
}

}  // namespace samen::surveys
