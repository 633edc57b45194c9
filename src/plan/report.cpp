// The plan's yearly report (handlers.hpp): for one calendar year and the
// whole plan or one level, the actions running that year per objective with
// their status, budget and evidence (journal activities of that year the
// reader may see), the indicators' values measured that year against their
// targets, and the status changes of the year with their reasons. The same
// body is the printable HTML page and, with ?format=pdf, the PDF
// (documents/pdf.hpp).
#include <map>
#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "documents/markdown.hpp"
#include "documents/pdf.hpp"
#include "journal/activity.hpp"
#include "journal/store.hpp"
#include "plan/handlers.hpp"
#include "util/text.hpp"

namespace samen::plan {

using app::Context;
using app::HttpError;

namespace {

struct ReportRequest {
  int year = 0;
  std::string team;  // "", "brussels" or a team id
};

ReportRequest report_request(const Context& ctx, const core::Network& n) {
  ReportRequest r;
  r.year = std::stoi(today(ctx).substr(0, 4));
  if (auto y = ctx.req.query_param("year"); y && !y->empty()) {
    auto parsed = journal::parse_bounded(*y, 2000, 2100);
    if (!parsed) throw HttpError(400, "bad_request", "plan.error.year");
    r.year = static_cast<int>(*parsed);
  }
  r.team = text::trimmed(ctx.req.query_param("team").value_or(""));
  if (!r.team.empty() && r.team != "brussels" && !n.team(r.team)) throw HttpError(404, "not_found", "plan.error.team_unknown");
  return r;
}

bool in_level(const ReportRequest& r, const Item& i) {
  if (r.team.empty()) return true;
  if (r.team == "brussels") return i.team_id.empty();
  return i.team_id == r.team;
}

// Runs during the year: starts before its end and ends after its start (open ends count).
bool runs_in(const Item& i, const std::string& from, const std::string& to) {
  return (i.starts_on.empty() || i.starts_on <= to) && (i.ends_on.empty() || i.ends_on >= from);
}

std::string report_body(Context& ctx, store::Connection& c, const core::Network& n, const ReportRequest& r,
                        std::string& title) {
  const std::string from = std::to_string(r.year) + "-01-01", to = std::to_string(r.year) + "-12-31";
  const std::string level = r.team.empty() ? ctx.t("plan.level.all") : level_label(ctx, n, r.team == "brussels" ? "" : r.team);
  title = ctx.tf("plan.report.heading", {{"year", std::to_string(r.year)}, {"level", level}});
  Viewer v = viewer(ctx, n);
  auto items = active_items(c);
  Tree tree(items);
  const std::string now = today(ctx);

  // Evidence: per action, the linked activities of the year that the reader may see.
  std::map<std::string, std::int64_t> evidence;
  {
    auto start = journal::parse_local_date_time(from + "T00:00").value_or(0);
    auto end = journal::parse_local_date_time(std::to_string(r.year + 1) + "-01-01T00:00").value_or(0);
    store::Params args{start, end};
    std::string visible = journal::and_visible(v, args, "a");
    for (const auto& row : c.exec("SELECT l.item_id, COUNT(*) FROM plan_activity_links l JOIN journal_activities a ON "
                                  "a.id = l.activity_id WHERE a.archived_at IS NULL AND a.starts_at >= ? AND a.starts_at < ?" +
                                      visible + " GROUP BY l.item_id", args).rows)
      evidence[row.text(0)] = row.int64(1);
  }
  std::map<std::string, std::vector<IndicatorValue>> values;
  for (auto& val : all_values(c))
    if (val.measured_on >= from && val.measured_on <= to) values[val.indicator_id].push_back(std::move(val));
  auto indicators = list_indicators(c, {}).items;

  web::Dict d("plan_report_body");
  d.SetValue("TITLE", title);
  VisionVersion vision = current_vision(c);
  const std::string& vision_text = ctx.lang == i18n::Lang::fr && !vision.text_fr.empty() ? vision.text_fr : vision.text_nl;
  if (!vision_text.empty()) d.SetValueAndShowSection("VISION_HTML", documents::markdown_to_html(vision_text), "HAS_VISION");
  std::vector<const Item*> running;
  std::int64_t budget = 0;
  for (const Item* top : tree.children("")) {
    if (top->kind != "objective" || !in_level(r, *top)) continue;
    auto* o = d.AddSectionDictionary("OBJECTIVES");
    o->SetValue("O_TITLE", top->title);
    o->SetValue("O_LEVEL", level_label(ctx, n, top->team_id));
    o->SetValue("O_STATUS", status_label(ctx, top->status));
    o->SetValue("O_PERIOD", period_label(ctx, *top));
    std::vector<const Item*> mine;
    for (const Item* x : tree.descendants(top->id)) {
      if (x->kind != "action" || !runs_in(*x, from, to)) continue;
      mine.push_back(x);
      running.push_back(x);
      if (x->budget_cents) budget += *x->budget_cents;
      auto* row = o->AddSectionDictionary("ACTIONS");
      row->SetValue("A_TITLE", x->title);
      row->SetValue("A_PERIOD", period_label(ctx, *x));
      row->SetValue("A_STATUS", status_label(ctx, x->status) + (overdue(*x, now) ? " (" + ctx.t("plan.overdue_badge") + ")" : ""));
      row->SetValue("A_REASON", x->status_reason);
      row->SetValue("A_BUDGET", x->budget_cents ? budget_label(ctx, *x->budget_cents) : "");
      row->SetValue("A_EVIDENCE", i18n::format_integer(ctx.lang, evidence.count(x->id) ? evidence[x->id] : 0));
    }
    if (mine.empty()) o->ShowSection("NO_ACTIONS");
    else o->ShowSection("HAS_ACTIONS");
    // The indicators of the objective and of what hangs under it.
    std::vector<std::string> ids{top->id};
    for (const Item* x : tree.descendants(top->id)) ids.push_back(x->id);
    for (const auto& ind : indicators) {
      if (std::find(ids.begin(), ids.end(), ind.item_id) == ids.end()) continue;
      auto* row = o->AddSectionDictionary("INDICATORS");
      o->ShowSection("HAS_INDICATORS");
      row->SetValue("I_NAME", ind.name + (ind.unit.empty() ? "" : " (" + ind.unit + ")"));
      row->SetValue("I_BASELINE", ind.baseline ? value_label(ctx, *ind.baseline) : "–");
      const auto& vals = values[ind.id];
      row->SetValue("I_VALUE", vals.empty() ? "–" : value_label(ctx, vals.back().value) + " (" + date_label(ctx, vals.back().measured_on) + ")");
      row->SetValue("I_TARGET", ind.target ? value_label(ctx, *ind.target) : "–");
    }
  }
  auto counts = count_statuses(running);
  for (auto s : kStatuses) {
    auto* row = d.AddSectionDictionary("SUMMARY");
    row->SetValue("S_STATUS", status_label(ctx, std::string(s)));
    row->SetValue("S_COUNT", i18n::format_integer(ctx.lang, counts.at(std::string(s))));
  }
  d.SetValue("ACTION_COUNT", i18n::format_integer(ctx.lang, static_cast<std::int64_t>(running.size())));
  d.SetValue("BUDGET", budget_label(ctx, budget));
  // The status changes of the year, oldest first.
  auto start = journal::parse_local_date_time(from + "T00:00").value_or(0);
  auto end = journal::parse_local_date_time(std::to_string(r.year + 1) + "-01-01T00:00").value_or(0);
  for (const auto& row : c.exec("SELECT s.item_id, s.changed_at, s.previous, s.status, s.reason FROM plan_status_changes s "
                                "WHERE s.changed_at >= ? AND s.changed_at < ? AND s.previous <> '' ORDER BY s.changed_at, s.id",
                                {start, end}).rows) {
    const Item* i = tree.find(row.text(0));
    if (!i || !in_level(r, *i)) continue;
    auto* ch = d.AddSectionDictionary("CHANGES");
    ch->SetValue("C_AT", i18n::format_time(ctx.lang, row.int64(1), i18n::DateStyle::medium_date));
    ch->SetValue("C_TITLE", i->title);
    ch->SetValue("C_FROM", status_label(ctx, row.text(2)));
    ch->SetValue("C_TO", status_label(ctx, row.text(3)));
    ch->SetValue("C_REASON", row.text(4));
    d.ShowSection("HAS_CHANGES");
  }
  return web::render(ctx.lang, "plan_report_body", d);
}

}  // namespace

http::Response report_page(Context& ctx) {
  std::string format = ctx.req.query_param("format").value_or("html");
  if (format != "html" && format != "pdf") throw HttpError(400, "bad_request", "error.bad_format");
  core::Network n;
  ReportRequest r;
  std::string title, body;
  {  // the PDF takes seconds: the connection goes back to the pool first
    auto lease = ctx.app.db().acquire();
    n = core::load_network(*lease);
    r = report_request(ctx, n);
    body = report_body(ctx, *lease, n, r, title);
  }
  std::string query = "year=" + std::to_string(r.year) + (r.team.empty() ? "" : "&team=" + http::url_encode(r.team));
  if (format == "pdf") {
    try {
      return documents::pdf_download(documents::html_to_pdf(documents::print_document(ctx.lang, title, body)),
                                     "plan-report-" + std::to_string(r.year) + ".pdf");
    } catch (const documents::PdfError& e) {
      spdlog::warn("plan report PDF: {}", e.what());
      throw HttpError(503, "pdf_unavailable", "plan.error.pdf");
    }
  }
  web::Dict d = ctx.content_dict();
  d.SetValue("YEAR", std::to_string(r.year));
  auto option = [&](const std::string& value, const std::string& label) {
    auto* o = d.AddSectionDictionary("TEAM_OPTIONS");
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (r.team == value) o->ShowSection("SELECTED");
  };
  option("brussels", ctx.t("plan.level.brussels"));
  for (const auto& t : n.teams) option(t.id, t.name.in(ctx.lang));
  d.SetValue("PDF_HREF", "/plan/report?" + query + "&format=pdf");
  d.SetValue("XLSX_HREF", "/plan?" + std::string(r.team.empty() ? "" : "team=" + http::url_encode(r.team) + "&") + "format=xlsx");
  d.SetValue("BODY_HTML", body);
  return ctx.page("plan_report", title, d);
}

}  // namespace samen::plan
