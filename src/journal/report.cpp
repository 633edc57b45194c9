// The process report (lookback_handlers.hpp): for a period (from/to dates,
// Brussels days, both included) and a level (every level, Brussels-wide or
// one team), the activities the reader may see, grouped by type or by
// month, each with its decisions (safe Markdown), its follow-ups open and
// done, and how many took part; a summary table counts them per type.
// /journal/report is the printable page (its body is the same template as
// the PDF's); ?format=pdf renders that body through WeasyPrint
// (documents/pdf.hpp).
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

#include "documents/markdown.hpp"
#include "documents/pdf.hpp"
#include "journal/handlers.hpp"
#include "journal/lookback_handlers.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

namespace {

constexpr std::int64_t kMaxReportActivities = 2000;

struct ReportRequest {
  std::string from, to;  // ISO dates, both included
  std::string team;      // "", "brussels" or a team id
  bool by_month = false;
};

ReportRequest report_request(const Context& ctx, const core::Network& n) {
  ReportRequest r;
  std::string today = local_date_time(ctx.now).substr(0, 10);
  r.from = text::trimmed(ctx.req.query_param("from").value_or(""));
  r.to = text::trimmed(ctx.req.query_param("to").value_or(""));
  if (r.from.empty()) r.from = today.substr(0, 4) + "-01-01";
  if (r.to.empty()) r.to = today;
  if (!dates::valid_iso(r.from) || !dates::valid_iso(r.to)) throw HttpError(400, "bad_request", "journal.lookback.error.dates");
  if (r.to < r.from) throw HttpError(400, "bad_request", "journal.lookback.error.period");
  r.team = team_param(ctx, n);
  std::string group = ctx.req.query_param("group").value_or("type");
  if (group != "type" && group != "month") throw HttpError(400, "bad_request", "error.bad_request");
  r.by_month = group == "month";
  return r;
}

std::string report_query(const ReportRequest& r) {
  std::string q = "from=" + r.from + "&to=" + r.to + "&group=" + (r.by_month ? "month" : "type");
  if (!r.team.empty()) q += "&team=" + http::url_encode(r.team);
  return q;
}

// The report's body (journal_report_body.tpl) for the page and the PDF.
std::string report_body(Context& ctx, store::Connection& c, const core::Network& n, const Viewer& v,
                        const ReportRequest& r, std::string& title) {
  auto types = activity_types(c);
  ListFilter f;
  f.team_id = r.team;
  f.from = parse_local_date_time(r.from + "T00:00");
  f.to = parse_local_date_time(dates::add_days(r.to, 1) + "T00:00");
  f.limit = kMaxReportActivities;
  auto list = list_activities(c, v, f);
  std::reverse(list.items.begin(), list.items.end());  // oldest first
  load_participants(c, list.items);

  const std::string level = r.team.empty() ? ctx.t("journal.filter.all_levels") : level_label(ctx, n, r.team);
  const std::string period = i18n::format_time(ctx.lang, f.from.value_or(0), i18n::DateStyle::long_date) + " – " +
                             i18n::format_time(ctx.lang, f.to.value_or(0) - 1, i18n::DateStyle::long_date);
  title = ctx.t("journal.lookback.report.title") + ": " + level + ", " + period;

  web::Dict d("report");
  d.SetValue("TITLE", title);
  d.SetValue("LEVEL", level);
  d.SetValue("PERIOD", period);
  d.SetValue("GENERATED", i18n::format_time(ctx.lang, ctx.now, i18n::DateStyle::date_time));
  d.SetValue("TOTAL", ctx.tf("journal.count", {{"count", list.total}}));
  if (list.total > kMaxReportActivities)
    d.SetValueAndShowSection("CAP", ctx.tf("journal.lookback.report.capped", {{"count", kMaxReportActivities}}), "CAPPED");

  // Summary: per type, in the types' order.
  struct Counts {
    std::int64_t activities = 0, organizations = 0, people = 0, external = 0;
  };
  std::map<std::string, Counts> per_type;
  Counts all;
  for (const auto& a : list.items) {
    for (Counts* k : {&per_type[a.type], &all}) {
      ++k->activities;
      k->organizations += static_cast<std::int64_t>(a.organization_ids.size());
      k->people += static_cast<std::int64_t>(a.person_ids.size());
      k->external += a.external_participants;
    }
  }
  auto count_row = [&](web::Dict* row, const Counts& k) {
    row->SetValue("ACTIVITIES", i18n::format_integer(ctx.lang, k.activities));
    row->SetValue("ORGANIZATIONS", i18n::format_integer(ctx.lang, k.organizations));
    row->SetValue("PEOPLE", i18n::format_integer(ctx.lang, k.people));
    row->SetValue("EXTERNAL", i18n::format_integer(ctx.lang, k.external));
  };
  std::vector<std::string> type_order = type_codes(types);
  for (const auto& [code, k] : per_type)
    if (std::find(type_order.begin(), type_order.end(), code) == type_order.end()) type_order.push_back(code);
  for (const auto& code : type_order) {
    auto it = per_type.find(code);
    if (it == per_type.end()) continue;
    auto* row = d.AddSectionDictionary("SUMMARY");
    row->SetValue("TYPE", type_name(ctx, types, code));
    count_row(row, it->second);
  }
  count_row(&d, all);

  // The groups: by type (the summary's order) or by Brussels month.
  std::vector<std::pair<std::string, std::vector<const Activity*>>> groups;
  auto group_of = [&](const std::string& key) -> std::vector<const Activity*>& {
    for (auto& g : groups)
      if (g.first == key) return g.second;
    groups.emplace_back(key, std::vector<const Activity*>{});
    return groups.back().second;
  };
  if (r.by_month) {
    for (const auto& a : list.items) group_of(local_date_time(a.starts_at).substr(0, 7)).push_back(&a);
  } else {
    for (const auto& code : type_order)
      for (const auto& a : list.items)
        if (a.type == code) group_of(code).push_back(&a);
  }
  std::int64_t facilitators_only = 0;
  for (const auto& [key, items] : groups) {
    auto* g = d.AddSectionDictionary("GROUPS");
    g->SetValue("GROUP_ID", "group-" + key);
    g->SetValue("GROUP", r.by_month ? key : type_name(ctx, types, key));
    g->SetValue("GROUP_COUNT", ctx.tf("journal.count", {{"count", static_cast<std::int64_t>(items.size())}}));
    for (const Activity* a : items) {
      if (a->visibility == "facilitators") ++facilitators_only;
      auto* row = g->AddSectionDictionary("ITEMS");
      row->SetValue("ID", a->id);
      row->SetValue("TITLE", a->title);
      row->SetValue("DATETIME", local_date_time(a->starts_at));
      row->SetValue("WHEN", i18n::format_time(ctx.lang, a->starts_at, i18n::DateStyle::date_time));
      row->SetValue("TYPE", type_name(ctx, types, a->type));
      row->SetValue("LEVEL", level_label(ctx, n, a->team_id));
      row->SetValue("VISIBILITY", ctx.t("journal.visibility." + a->visibility));
      row->SetValue("PARTICIPANTS",
                    ctx.tf("journal.lookback.report.participants",
                           {{"organizations", static_cast<std::int64_t>(a->organization_ids.size())},
                            {"people", static_cast<std::int64_t>(a->person_ids.size())},
                            {"external", a->external_participants}}));
      if (!a->decisions.empty())
        row->SetValueAndShowSection("DECISIONS_HTML", documents::markdown_to_html(a->decisions), "HAS_DECISIONS");
      for (const auto& fu : follow_ups_of(c, a->id)) {
        auto* item = row->AddSectionDictionary(fu.status == "done" ? "DONE_FOLLOW_UPS" : "OPEN_FOLLOW_UPS");
        item->SetValue("FU_TEXT", fu.text);
        item->SetValue("FU_OWNER", fu.owner_name);
        if (!fu.due_date.empty()) item->SetValueAndShowSection("FU_DUE", fu.due_date, "HAS_DUE");
        row->ShowSection("HAS_FOLLOW_UPS");
      }
    }
  }
  if (list.items.empty()) d.ShowSection("EMPTY");
  // Facilitators-only records hold interview transcripts and the like: a report holding them is audited.
  if (facilitators_only > 0)
    ctx.audit("journal.activity.report", "journal.activity", "", std::to_string(facilitators_only) + " facilitators-only");
  return web::render(ctx.lang, "journal_report_body", d);
}

}  // namespace

http::Response report_page(Context& ctx) {
  std::string format = ctx.req.query_param("format").value_or("html");
  if (format != "html" && format != "pdf") throw HttpError(400, "bad_request", "error.bad_request");
  core::Network n;
  ReportRequest r;
  std::string title, body;
  {  // the PDF takes seconds: the connection goes back to the pool first
    auto lease = ctx.app.db().acquire();
    n = core::load_network(*lease);
    Viewer v = viewer(ctx, n);
    r = report_request(ctx, n);
    body = report_body(ctx, *lease, n, v, r, title);
  }
  if (format == "pdf") {
    try {
      return documents::pdf_download(documents::html_to_pdf(documents::print_document(ctx.lang, title, body)),
                                     "journal-report-" + r.from + "-" + r.to + ".pdf");
    } catch (const documents::PdfError& e) {
      spdlog::warn("journal report PDF: {}", e.what());
      throw HttpError(503, "pdf_unavailable", "journal.lookback.error.pdf");
    }
  }
  web::Dict d = ctx.content_dict();
  d.SetValue("FROM", r.from);
  d.SetValue("TO", r.to);
  add_team_options(ctx, d, n, r.team);
  d.ShowSection(r.by_month ? "BY_MONTH" : "BY_TYPE");
  d.SetValue("PDF_HREF", "/journal/report?" + report_query(r) + "&format=pdf");
  d.SetValue("BODY_HTML", body);
  return ctx.page("journal_report", title, d);
}

}  // namespace samen::journal
