// A wave's network as files, for coordinators and admins
// (/monitoring/waves/{id}/exports/{kind}?ties=reported|confirmed&format=csv|xlsx):
// kind graphml (GraphML), ties (the edge list), organizations (the node
// table with their figures) or figures (the network's figures), the tables
// as CSV or XLSX (exports.hpp). Organisations' names only: no personal data.
#include "app/app.hpp"
#include "documents/download.hpp"
#include "monitoring/exports.hpp"
#include "monitoring/handlers.hpp"

namespace samen::monitoring {

using app::Context;
using app::HttpError;

NetworkExport load_network_export(Context& ctx, const std::string& id, bool confirmed) {
  std::optional<store::Lease> lease(ctx.app.db().acquire());
  if (id.empty() || id.size() > 100 || !load_wave(**lease, id)) throw HttpError(404, "not_found", "error.not_found");
  WaveData data = load_wave_data(**lease, id);
  core::Network net = core::load_network(**lease, true);
  auto profiles = load_profiles(**lease);
  lease.reset();
  return network_export(data, net, profiles, confirmed, ctx.lang);
}

http::Response export_page(Context& ctx) {
  std::string ties = ctx.req.query_param("ties").value_or("reported");
  if (ties != "reported" && ties != "confirmed") throw HttpError(400, "bad_request", "monitoring.error.ties");
  std::string kind = ctx.param("kind");
  if (kind != "graphml" && kind != "ties" && kind != "organizations" && kind != "figures")
    throw HttpError(404, "not_found", "error.not_found");
  auto format = documents::TableFormat::csv;
  if (kind != "graphml") {
    format = documents::table_format(ctx);
    if (format == documents::TableFormat::html) format = documents::TableFormat::csv;  // a file, never a page
  }
  NetworkExport e = load_network_export(ctx, ctx.param("id"), ties == "confirmed");
  std::string stem = "network-" + e.wave.id + "-" + ties + "-" + kind;
  if (kind == "graphml") {
    auto r = http::Response::text(200, write_graphml(e), "application/graphml+xml; charset=utf-8");
    r.set_header("Content-Disposition", documents::attachment_disposition(stem + ".graphml"));
    r.set_header("Cache-Control", "no-store");
    return r;
  }
  auto t = [&](const std::string& key) { return ctx.t(key); };
  documents::Table table = kind == "ties"            ? ties_table(e, t)
                           : kind == "organizations" ? organizations_table(e, t)
                                                     : figures_table(e, t);
  return documents::table_download(table, format, stem);
}

}  // namespace samen::monitoring
