// A wave's printable report for coordinators and admins
// (/monitoring/waves/{id}/report?ties=reported|confirmed&format=html|pdf): the
// key figures beside the previous wave of the same scope and their change
// (comparison.hpp), the network diagram (diagram.hpp), the charts across waves
// (trend_pages.cpp) and the organisations with their figures. The body is a
// print document (print CSS) and, with ?format=pdf, a PDF (documents/pdf.hpp).
#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "documents/pdf.hpp"
#include "monitoring/comparison.hpp"
#include "monitoring/diagram.hpp"
#include "monitoring/handlers.hpp"
#include "monitoring/trends.hpp"
#include "web/render.hpp"

namespace samen::monitoring {

using app::Context;
using app::HttpError;

namespace {

void figures(Context& ctx, web::Dict& d, const WavePoint& self, const std::optional<Comparison>& cmp) {
  if (cmp) {
    d.ShowSection("HAS_PREVIOUS");
    d.SetValue("PREVIOUS", cmp->with.name);
    for (const auto& f : cmp->figures) {
      bool percent = f.name.starts_with("integration_share.");
      auto* row = d.AddSectionDictionary("FIGURES");
      row->SetValue("LABEL", figure_label(ctx, f.name));
      row->SetValue("VALUE", number(ctx, f.wave, percent));
      auto* prev = row->AddSectionDictionary("HAS_PREVIOUS");
      prev->SetValue("PREVIOUS_VALUE", number(ctx, f.with, percent));
      prev->SetValue("CHANGE", signed_number(ctx, f.change(), percent));
    }
    return;
  }
  const auto& m = self.metrics;
  auto row = [&](const std::string& name, std::optional<double> v, bool percent = false) {
    auto* r = d.AddSectionDictionary("FIGURES");
    r->SetValue("LABEL", figure_label(ctx, name));
    r->SetValue("VALUE", number(ctx, v, percent));
  };
  row("nodes", static_cast<double>(m.metrics.nodes));
  row("edges", static_cast<double>(m.metrics.edges));
  row("density", m.metrics.density);
  if (m.metrics.reciprocity) row("reciprocity", m.metrics.reciprocity);
  row("transitivity", m.metrics.transitivity);
  row("components", static_cast<double>(m.metrics.components));
  row("degree_centralization", m.metrics.degree_centralization);
  row("mean_degree", m.metrics.mean_degree);
  row("trust", m.trust);
  row("value", m.value);
  for (std::size_t k = 1; k < kIntegration.size(); ++k) {
    std::string level(kIntegration[k]);
    row("integration_share." + level, m.integration_share.at(level), true);
  }
}

void organizations(Context& ctx, web::Dict& d, const Diagram& g, const WaveMetrics& m) {
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const auto& n = g.nodes[i];
    const auto& f = m.metrics.per_node.at(i);
    auto* row = d.AddSectionDictionary("ORGS");
    row->SetValue("NAME", n.name);
    row->SetValue("SECTOR", ctx.t("monitoring.sector." + n.sector));
    row->SetValue("LANGUAGE", ctx.t("monitoring.language." + n.language));
    row->SetValue("DEGREE", i18n::format_integer(ctx.lang, f.degree));
    row->SetValue("BETWEENNESS", i18n::format_number(ctx.lang, f.betweenness, 2));
    row->SetValue("CLOSENESS", i18n::format_number(ctx.lang, f.closeness, 3));
    row->SetValue("TRUST", number(ctx, m.trust_received.at(n.id), false));
    row->SetValue("VALUE", number(ctx, m.value_received.at(n.id), false));
  }
}

}  // namespace

http::Response report_page(Context& ctx) {
  std::string ties = ctx.req.query_param("ties").value_or("reported");
  if (ties != "reported" && ties != "confirmed") throw HttpError(400, "bad_request", "monitoring.error.ties");
  std::string format = ctx.req.query_param("format").value_or("html");
  if (format != "html" && format != "pdf") throw HttpError(400, "bad_request", "error.bad_format");
  const bool confirmed = ties == "confirmed";
  std::string id = ctx.param("id");
  std::vector<WavePoint> points;
  std::optional<Comparison> cmp;
  Diagram g;
  {  // the PDF takes seconds: the connection goes back to the pool first
    auto lease = ctx.app.db().acquire();
    if (id.empty() || id.size() > 100 || !load_wave(*lease, id)) throw HttpError(404, "not_found", "error.not_found");
    points = waves_until(*lease, id, confirmed);
    if (points.size() > 1) cmp = compare_waves(*lease, id, points[points.size() - 2].wave.id, confirmed);
    WaveData data = load_wave_data(*lease, id);
    g = build_diagram(data, core::load_network(*lease, true), load_profiles(*lease), DiagramFilter{.confirmed = confirmed},
                      ctx.lang);
  }
  const WavePoint& self = points.back();
  std::string title = ctx.tf("monitoring.report.title", {{"wave", self.wave.name}});
  web::Dict body = ctx.content_dict();
  body.SetValue("TITLE", title);
  body.SetValue("TIES", ctx.t(confirmed ? "monitoring.metrics.confirmed" : "monitoring.metrics.reported"));
  body.SetValue("OPENED", i18n::format_time(ctx.lang, self.wave.opened_at, i18n::DateStyle::medium_date));
  figures(ctx, body, self, cmp);
  std::string counts = ctx.tf("monitoring.diagram.counts", {{"organizations", static_cast<std::int64_t>(g.nodes.size())},
                                                            {"ties", static_cast<std::int64_t>(g.ties.size())}});
  std::string svg_title = ctx.tf("monitoring.diagram.svg_title", {{"wave", self.wave.name}});
  body.SetValue("DIAGRAM_CAPTION", svg_title);
  body.SetValue("DIAGRAM", diagram_svg(g, "report-diagram-" + id, svg_title, counts + " " + ctx.t("monitoring.diagram.svg_desc"),
                                       [&](const std::string& key) { return ctx.t(key); }));
  body.SetValue("CHARTS", trend_charts(ctx, points, "report-" + id));
  organizations(ctx, body, g, self.metrics);
  std::string html = web::render(ctx.lang, "monitoring_report_body", body);
  if (format == "pdf") {
    try {
      return documents::pdf_download(documents::html_to_pdf(documents::print_document(ctx.lang, title, html)),
                                     "network-report-" + id + ".pdf");
    } catch (const documents::PdfError& e) {
      spdlog::warn("monitoring report PDF: {}", e.what());
      throw HttpError(503, "pdf_unavailable", "monitoring.error.pdf");
    }
  }
  web::Dict d = ctx.content_dict();
  d.SetValue("WAVE_HREF", "/monitoring/waves/" + id);
  d.SetValue("WAVE", self.wave.name);
  d.SetValue("PDF_HREF", "/monitoring/waves/" + id + "/report?ties=" + ties + "&format=pdf");
  d.SetValue("BODY_HTML", html);
  return ctx.page("monitoring_report", title, d);
}

}  // namespace samen::monitoring
