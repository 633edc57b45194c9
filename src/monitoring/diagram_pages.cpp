// A wave's network diagram page for coordinators and admins
// (/monitoring/waves/{id}/diagram?ties=&team=&sector=&language=&level=): a
// plain GET form of filters, the SVG picture (diagram.hpp) with its legend,
// and the accessible alternative beside it: the organisations shown and the
// ties between them as tables. Submitted answers only. The ties table shows
// a page of ties at a time (?page=): a wave of 500 organisations has about
// 25,000 reported ties, too many for one page; the CSV export has them all.
#include <algorithm>
#include <charconv>

#include "app/app.hpp"
#include "http/forms.hpp"
#include "monitoring/diagram.hpp"
#include "monitoring/handlers.hpp"

namespace samen::monitoring {

using app::Context;
using app::HttpError;

namespace {

constexpr std::size_t kTiesPerPage = 100;

// The 1-based page of the ties table from ?page= (absent or empty: the
// first); not a number from 1 on → 400. A page past the last shows the last.
std::size_t ties_page(Context& ctx) {
  auto p = ctx.req.query_param("page");
  if (!p || p->empty()) return 1;
  std::size_t page = 0;
  auto [end, ec] = std::from_chars(p->data(), p->data() + p->size(), page);
  if (ec != std::errc() || end != p->data() + p->size() || page == 0)
    throw HttpError(400, "bad_request", "monitoring.error.page");
  return page;
}

// The page's own address with the filter kept, for the links between pages.
std::string filter_href(const std::string& action, const DiagramFilter& f) {
  std::string href = action + "?ties=" + (f.confirmed ? "confirmed" : "reported");
  auto add = [&](const char* key, const std::optional<std::string>& v) {
    if (v) href += std::string("&") + key + "=" + http::url_encode(*v);
  };
  add("team", f.team);
  add("sector", f.sector);
  add("language", f.language);
  add("level", f.level);
  return href;
}

void choice(web::Dict& d, const char* section, const std::string& value, const std::string& label, bool selected) {
  auto* o = d.AddSectionDictionary(section);
  o->SetValue("VALUE", value);
  o->SetValue("LABEL", label);
  if (selected) o->ShowSection("SELECTED");
}

void filter_form(Context& ctx, web::Dict& d, const DiagramFilter& f, const core::Network& net, const Wave& wave) {
  choice(d, "TIE_CHOICES", "reported", ctx.t("monitoring.metrics.reported"), !f.confirmed);
  choice(d, "TIE_CHOICES", "confirmed", ctx.t("monitoring.metrics.confirmed"), f.confirmed);
  for (const auto& t : net.teams) {
    // Teams with at least one organisation of the wave.
    bool in_wave = std::any_of(t.member_ids.begin(), t.member_ids.end(), [&](const std::string& m) {
      return std::binary_search(wave.organization_ids.begin(), wave.organization_ids.end(), m);
    });
    if (in_wave || f.team == t.id) choice(d, "TEAM_CHOICES", t.id, t.name.in(ctx.lang), f.team == t.id);
  }
  for (auto s : kSectors)
    choice(d, "SECTOR_CHOICES", std::string(s), ctx.t("monitoring.sector." + std::string(s)), f.sector == s);
  for (auto l : kLanguageCommunities)
    choice(d, "LANGUAGE_CHOICES", std::string(l), ctx.t("monitoring.language." + std::string(l)), f.language == l);
  for (std::size_t k = 1; k < kIntegration.size(); ++k) {
    std::string level(kIntegration[k]);
    choice(d, "LEVEL_CHOICES", level, ctx.tf("monitoring.diagram.at_least", {{"level", ctx.t("monitoring.level." + level)}}),
           f.level == level);
  }
}

void legend(Context& ctx, web::Dict& d) {
  auto item = [&](const char* section, std::string symbol, std::string label) {
    auto* row = d.AddSectionDictionary(section);
    row->SetValue("SYMBOL", symbol);
    row->SetValue("LABEL", label);
  };
  for (auto s : kSectors) item("LEGEND_SECTORS", sector_symbol(std::string(s)), ctx.t("monitoring.sector." + std::string(s)));
  for (auto l : kLanguageCommunities)
    item("LEGEND_LANGUAGES", language_symbol(std::string(l)), ctx.t("monitoring.language." + std::string(l)));
  for (std::size_t k = 1; k < kIntegration.size(); ++k) {
    std::string level(kIntegration[k]);
    item("LEGEND_LEVELS", level_symbol(level), ctx.t("monitoring.level." + level));
  }
}

// Which ties the table lists: page `page` of kTiesPerPage (the last when
// past it), with the range, the links to the pages around it and to the CSV.
std::pair<std::size_t, std::size_t> ties_rows(Context& ctx, web::Dict& d, const Diagram& g, std::size_t page,
                                              const std::string& href, const std::string& csv_href) {
  std::size_t total = g.ties.size();
  if (total <= kTiesPerPage) return {0, total};
  std::size_t pages = (total + kTiesPerPage - 1) / kTiesPerPage;
  page = std::min(page, pages);
  std::size_t from = (page - 1) * kTiesPerPage, to = std::min(total, from + kTiesPerPage);
  auto* paged = d.AddSectionDictionary("TIES_PAGED");
  paged->SetValue("TIES_RANGE", ctx.tf("monitoring.diagram.ties_range", {{"from", static_cast<std::int64_t>(from + 1)},
                                                                         {"to", static_cast<std::int64_t>(to)},
                                                                         {"total", static_cast<std::int64_t>(total)},
                                                                         {"size", static_cast<std::int64_t>(kTiesPerPage)}}));
  paged->SetValue("TIES_CSV_HREF", csv_href);
  auto* nav = d.AddSectionDictionary("TIES_NAV");
  if (page > 1) nav->SetValueAndShowSection("PREV_HREF", href + "&page=" + std::to_string(page - 1), "PREV");
  if (page < pages) nav->SetValueAndShowSection("NEXT_HREF", href + "&page=" + std::to_string(page + 1), "NEXT");
  return {from, to};
}

void tables(Context& ctx, web::Dict& d, const Diagram& g, const core::Network& net,
            std::pair<std::size_t, std::size_t> tie_rows) {
  for (const auto& n : g.nodes) {
    auto* row = d.AddSectionDictionary("ORGS");
    row->SetValue("NAME", n.name);
    row->SetValue("SECTOR", ctx.t("monitoring.sector." + n.sector));
    row->SetValue("LANGUAGE", ctx.t("monitoring.language." + n.language));
    std::string teams;
    for (const auto& id : n.team_ids)
      if (const auto* t = net.team(id)) teams += (teams.empty() ? "" : ", ") + t->name.in(ctx.lang);
    row->SetValue("TEAMS", teams);
    row->SetValue("DEGREE", i18n::format_integer(ctx.lang, n.degree));
  }
  if (g.ties.empty()) d.ShowSection("NO_TIES");
  else d.ShowSection("HAS_TIES");
  d.SetValue("FROM_LABEL", ctx.t(g.confirmed ? "monitoring.diagram.between" : "monitoring.diagram.from"));
  d.SetValue("TO_LABEL", ctx.t(g.confirmed ? "monitoring.diagram.and" : "monitoring.diagram.to"));
  if (!g.confirmed) d.ShowSection("REPORTED");
  for (std::size_t i = tie_rows.first; i < tie_rows.second; ++i) {
    const DiagramTie& t = g.ties[i];
    auto* row = d.AddSectionDictionary("TIES");
    row->SetValue("FROM", g.nodes[t.source].name);
    row->SetValue("TO", g.nodes[t.target].name);
    row->SetValue("LEVEL", ctx.t("monitoring.level." + t.level));
    if (!g.confirmed) {
      auto* r = row->AddSectionDictionary("REPORTED");
      r->SetValue("FREQUENCY", t.frequency ? ctx.t("monitoring.frequency." + *t.frequency) : "");
      r->SetValue("CONFIRMED", ctx.t(t.confirmed ? "monitoring.diagram.yes" : "monitoring.diagram.no"));
    }
  }
}

}  // namespace

http::Response diagram_page(Context& ctx) {
  std::optional<store::Lease> lease(ctx.app.db().acquire());
  std::string id = ctx.param("id");
  if (id.empty() || id.size() > 100 || !load_wave(**lease, id)) throw HttpError(404, "not_found", "error.not_found");
  core::Network net = core::load_network(**lease, true);
  DiagramFilter filter;
  try {
    filter = parse_diagram_filter([&](std::string_view k) { return ctx.req.query_param(k); }, net);
  } catch (const WaveError& e) {
    throw HttpError(400, "bad_request", e.key);
  }
  std::size_t page = ties_page(ctx);
  WaveData data = load_wave_data(**lease, id);
  auto profiles = load_profiles(**lease);
  lease.reset();

  Diagram g = build_diagram(data, net, profiles, filter, ctx.lang);
  auto d = ctx.content_dict();
  std::string base = "/monitoring/waves/" + id;
  d.SetValue("WAVE", data.wave.name);
  d.SetValue("WAVE_HREF", base);
  d.SetValue("METRICS_HREF", base + "/metrics");
  d.SetValue("ACTION", base + "/diagram");
  filter_form(ctx, d, filter, net, data.wave);
  std::string counts = ctx.tf("monitoring.diagram.counts", {{"organizations", static_cast<std::int64_t>(g.nodes.size())},
                                                            {"ties", static_cast<std::int64_t>(g.ties.size())}});
  d.SetValue("COUNTS", counts);
  std::string title = ctx.tf("monitoring.diagram.svg_title", {{"wave", data.wave.name}});
  d.SetValue("CAPTION", title);
  d.SetValue("SVG", diagram_svg(g, "diagram-" + id, title, counts + " " + ctx.t("monitoring.diagram.svg_desc"),
                                [&](const std::string& key) { return ctx.t(key); }));
  legend(ctx, d);
  std::string csv = base + "/exports/ties?ties=" + (filter.confirmed ? "confirmed" : "reported") + "&format=csv";
  tables(ctx, d, g, net, ties_rows(ctx, d, g, page, filter_href(base + "/diagram", filter), csv));
  return ctx.page("monitoring_diagram", ctx.tf("monitoring.diagram.page_title", {{"wave", data.wave.name}}), d);
}

}  // namespace samen::monitoring
