// The wave comparison page for coordinators and admins
// (/monitoring/waves/{id}/comparison?with=ID&ties=reported|confirmed): every
// network figure of both waves and its change, the new and the lost ties, and
// the organisations that became more or less central (degree, betweenness).
// Without ?with= it compares with the wave opened just before, if any.
#include <algorithm>

#include "app/app.hpp"
#include "core/network.hpp"
#include "monitoring/comparison.hpp"
#include "monitoring/handlers.hpp"

namespace samen::monitoring {

using app::Context;
using app::HttpError;

namespace {

constexpr std::size_t kMaxListed = 200;  // ties listed on the page (the API gives them all)

}  // namespace

std::string number(Context& ctx, const std::optional<double>& v, bool percent) {
  if (!v) return ctx.t("monitoring.metrics.no_rating");
  return percent ? i18n::format_number(ctx.lang, *v * 100.0, 1) + " %" : i18n::format_number(ctx.lang, *v, 3);
}

std::string signed_number(Context& ctx, const std::optional<double>& v, bool percent) {
  if (!v) return ctx.t("monitoring.metrics.no_rating");
  std::string s = number(ctx, v, percent);
  return *v > 0 ? "+" + s : s;
}

std::string figure_label(Context& ctx, const std::string& name) {
  static const std::map<std::string, std::string> keys = {
      {"nodes", "monitoring.metrics.nodes"},         {"edges", "monitoring.metrics.edges"},
      {"density", "monitoring.metrics.density"},     {"reciprocity", "monitoring.metrics.reciprocity"},
      {"transitivity", "monitoring.metrics.transitivity"}, {"components", "monitoring.metrics.components"},
      {"degree_centralization", "monitoring.metrics.centralization"},
      {"mean_degree", "monitoring.metrics.mean_degree"}, {"trust", "monitoring.metrics.trust"},
      {"value", "monitoring.metrics.value"}};
  if (name.starts_with("integration_share."))
    return ctx.tf("monitoring.comparison.share_of", {{"level", ctx.t("monitoring.integration." + name.substr(18))}});
  return ctx.t(keys.at(name));
}

namespace {

void add_ties(Context& ctx, web::Dict& d, const char* section, const core::Network& net,
              const std::vector<std::pair<std::string, std::string>>& ties) {
  auto name = [&](const std::string& id) {
    const auto* o = net.organization(id);
    return o ? o->name.in(ctx.lang) : id;
  };
  for (std::size_t i = 0; i < ties.size() && i < kMaxListed; ++i) {
    auto* row = d.AddSectionDictionary(section);
    row->SetValue("SOURCE", name(ties[i].first));
    row->SetValue("TARGET", name(ties[i].second));
  }
}

}  // namespace

http::Response comparison_page(Context& ctx) {
  std::string ties = ctx.req.query_param("ties").value_or("reported");
  if (ties != "reported" && ties != "confirmed") throw HttpError(400, "bad_request", "monitoring.error.ties");
  std::string id = ctx.param("id"), with = ctx.req.query_param("with").value_or("");
  if (id.empty() || id.size() > 100 || with.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  auto lease = ctx.app.db().acquire();
  auto waves = list_waves(*lease);  // newest first
  auto self = std::find_if(waves.begin(), waves.end(), [&](const Wave& w) { return w.id == id; });
  if (self == waves.end()) throw HttpError(404, "not_found", "error.not_found");
  if (with.empty() && self + 1 != waves.end()) with = (self + 1)->id;  // the wave before
  auto d = ctx.content_dict();
  d.SetValue("WAVE", self->name);
  d.SetValue("WAVE_HREF", "/monitoring/waves/" + id);
  d.SetValue("ACTION", "/monitoring/waves/" + id + "/comparison");
  for (const auto& w : waves) {
    if (w.id == id) continue;
    auto* o = d.AddSectionDictionary("CHOICES");
    o->SetValue("VALUE", w.id);
    o->SetValue("LABEL", w.name);
    if (w.id == with) o->ShowSection("SELECTED");
  }
  for (const char* t : {"reported", "confirmed"}) {
    auto* o = d.AddSectionDictionary("TIE_CHOICES");
    o->SetValue("VALUE", t);
    o->SetValue("LABEL", ctx.t(std::string("monitoring.metrics.") + t));
    if (ties == t) o->ShowSection("SELECTED");
  }
  if (with.empty()) {
    d.ShowSection("NOTHING_TO_COMPARE");
    return ctx.page("monitoring_comparison", ctx.tf("monitoring.comparison.title", {{"wave", self->name}}), d);
  }
  Comparison cmp;
  try {
    cmp = compare_waves(*lease, id, with, ties == "confirmed");
  } catch (const WaveError& e) {
    throw HttpError(e.status == 404 ? 404 : 400, e.status == 404 ? "not_found" : "bad_request", e.key);
  }
  core::Network net = core::load_network(*lease, true);
  d.ShowSection("COMPARED");
  d.SetValue("WITH", cmp.with.name);
  for (const auto& f : cmp.figures) {
    bool percent = f.name.starts_with("integration_share.");
    auto* row = d.AddSectionDictionary("FIGURES");
    row->SetValue("LABEL", figure_label(ctx, f.name));
    row->SetValue("WAVE_VALUE", number(ctx, f.wave, percent));
    row->SetValue("WITH_VALUE", number(ctx, f.with, percent));
    row->SetValue("CHANGE", signed_number(ctx, f.change(), percent));
  }
  d.SetValue("NEW_COUNT", ctx.tf("monitoring.comparison.new_count", {{"count", static_cast<std::int64_t>(cmp.new_ties.size())}}));
  d.SetValue("LOST_COUNT", ctx.tf("monitoring.comparison.lost_count", {{"count", static_cast<std::int64_t>(cmp.lost_ties.size())}}));
  add_ties(ctx, d, "NEW_TIES", net, cmp.new_ties);
  add_ties(ctx, d, "LOST_TIES", net, cmp.lost_ties);
  auto org_row = [&](const char* section, const OrganizationChange& o) {
    const auto* org = net.organization(o.id);
    auto* row = d.AddSectionDictionary(section);
    row->SetValue("NAME", org ? org->name.in(ctx.lang) : o.id);
    row->SetValue("DEGREE", i18n::format_integer(ctx.lang, o.degree_before) + " → " + i18n::format_integer(ctx.lang, o.degree));
    row->SetValue("DEGREE_CHANGE", signed_number(ctx, static_cast<double>(o.degree - o.degree_before), false));
    row->SetValue("BETWEENNESS_CHANGE", signed_number(ctx, o.betweenness - o.betweenness_before, false));
  };
  std::size_t listed = 0;
  for (const auto& o : cmp.organizations)
    if (o.degree > o.degree_before && listed++ < 10) org_row("MORE_CENTRAL", o);
  listed = 0;
  for (auto it = cmp.organizations.rbegin(); it != cmp.organizations.rend(); ++it)
    if (it->degree < it->degree_before && listed++ < 10) org_row("LESS_CENTRAL", *it);
  return ctx.page("monitoring_comparison", ctx.tf("monitoring.comparison.title", {{"wave", self->name}}), d);
}

}  // namespace samen::monitoring
