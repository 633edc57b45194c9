// The network diagram of a wave (see diagram.hpp): the filter, the data
// (organisations and ties shown, their positions) and the SVG.
#include "monitoring/diagram.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "app/ttl_cache.hpp"
#include "documents/chart.hpp"
#include "util/text.hpp"
#include "web/render.hpp"

namespace samen::monitoring {

namespace {

using Positions = std::vector<std::pair<double, double>>;

// Colours of the sectors, in kSectors order: each at least 4.5:1 against the
// white page (WCAG 1.4.11 asks 3:1 of graphics), and never the only cue: the
// legend, each node's title and the tables name the sector.
constexpr std::array<const char*, 6> kSectorColours{"#0b5fa5", "#b14a00", "#1a7a3a", "#a3195b", "#6a3d9a", "#5c5c5c"};
constexpr const char* kTieColour = "#767676";  // 4.5:1 on white

int level_rank(std::string_view level) {
  for (std::size_t k = 0; k < kIntegration.size(); ++k)
    if (kIntegration[k] == level) return static_cast<int>(k);
  return -1;
}

const char* sector_colour(std::string_view sector) {
  for (std::size_t k = 0; k < kSectors.size(); ++k)
    if (kSectors[k] == sector) return kSectorColours[k];
  return kSectorColours.back();
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// The positions of the whole wave's organisations, from every reported tie
// (without direction). The key names the wave and its ties, so a new
// submission never meets an old picture; entries live an hour.
app::TtlCache<std::shared_ptr<const Positions>>& layout_cache() {
  static app::TtlCache<std::shared_ptr<const Positions>> cache(std::chrono::hours(1), 16);
  return cache;
}

std::shared_ptr<const Positions> wave_layout(const WaveData& data) {
  const auto& orgs = data.wave.organization_ids;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < orgs.size(); ++i) index[orgs[i]] = i;
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& a : data.answers) {
    if (!a.integration || level_rank(*a.integration) <= 0) continue;
    auto s = index.find(a.source), t = index.find(a.target);
    if (s == index.end() || t == index.end() || s->second == t->second) continue;
    pairs.insert({std::min(s->second, t->second), std::max(s->second, t->second)});
  }
  // FNV-1a over the organisations and the pairs: the cache key.
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::uint64_t v) {
    for (int b = 0; b < 8; ++b) h = (h ^ ((v >> (8 * b)) & 0xff)) * 1099511628211ull;
  };
  for (const auto& o : orgs)
    for (char c : o) mix(static_cast<unsigned char>(c));
  for (auto [s, t] : pairs) mix(s * 1000003ull + t);
  std::string key = data.wave.id + ":" + std::to_string(orgs.size()) + ":" + std::to_string(h);
  if (auto hit = layout_cache().get(key)) return *hit;

  Network net;
  net.nodes = orgs.size();
  net.directed = false;
  net.ties.assign(pairs.begin(), pairs.end());
  Positions raw = layout(net);
  // Into [0, 1]², the same scale on both axes (a round cloud stays round).
  auto positions = std::make_shared<Positions>(raw.size(), std::pair{0.5, 0.5});
  if (raw.size() > 1) {
    double x0 = raw[0].first, x1 = x0, y0 = raw[0].second, y1 = y0;
    for (auto [x, y] : raw) x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
    double span = std::max(x1 - x0, y1 - y0);
    if (span > 0)
      for (std::size_t i = 0; i < raw.size(); ++i)
        (*positions)[i] = {0.5 + (raw[i].first - (x0 + x1) / 2) / span, 0.5 + (raw[i].second - (y0 + y1) / 2) / span};
  }
  layout_cache().put(key, positions);
  return positions;
}

// The mean of the ratings given in `answers` (none when none is given).
std::optional<double> mean_rating(std::initializer_list<const std::array<std::optional<int>, 3>*> ratings) {
  double sum = 0;
  int n = 0;
  for (const auto* r : ratings)
    for (const auto& v : *r)
      if (v) sum += *v, ++n;
  return n ? std::optional<double>(sum / n) : std::nullopt;
}

bool in_list(std::string_view v, const auto& list) { return std::find(list.begin(), list.end(), v) != list.end(); }

// A node's shape, centred on (cx, cy), about the area of a circle of radius r.
std::string shape(const std::string& language, double cx, double cy, double r, const std::string& attributes) {
  if (language == "nl") return "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\"" + attributes + "/>";
  if (language == "fr") {
    double s = 1.77 * r;
    return "<rect x=\"" + num(cx - s / 2) + "\" y=\"" + num(cy - s / 2) + "\" width=\"" + num(s) + "\" height=\"" +
           num(s) + "\"" + attributes + "/>";
  }
  auto point = [](double x, double y) { return num(x) + "," + num(y); };
  std::string points =
      language == "bilingual"
          ? point(cx, cy - 1.25 * r) + " " + point(cx + 1.25 * r, cy) + " " + point(cx, cy + 1.25 * r) + " " +
                point(cx - 1.25 * r, cy)
          : point(cx, cy - 1.35 * r) + " " + point(cx + 1.2 * r, cy + 0.75 * r) + " " + point(cx - 1.2 * r, cy + 0.75 * r);
  return "<polygon points=\"" + points + "\"" + attributes + "/>";
}

// A level's line: dotted, dashed, thin, thick from networking to collaborating.
std::string line_style(const std::string& level) {
  std::string s = " stroke=\"" + std::string(kTieColour) + "\"";
  switch (level_rank(level)) {
    case 1: return s + " stroke-width=\"1.2\" stroke-dasharray=\"1 3\" stroke-linecap=\"round\"";
    case 2: return s + " stroke-width=\"1.2\" stroke-dasharray=\"6 3\"";
    case 3: return s + " stroke-width=\"1.6\"";
    default: return s + " stroke-width=\"3.2\"";
  }
}

std::string symbol(const std::string& body) {
  return "<svg class=\"legend-symbol\" width=\"32\" height=\"20\" viewBox=\"0 0 32 20\" aria-hidden=\"true\" "
         "focusable=\"false\">" + body + "</svg>";
}

}  // namespace

DiagramFilter parse_diagram_filter(const std::function<std::optional<std::string>(std::string_view)>& param,
                                   const core::Network& net) {
  auto value = [&](std::string_view name) -> std::optional<std::string> {
    auto v = param(name);
    if (!v || v->empty()) return std::nullopt;
    return v;
  };
  DiagramFilter f;
  std::string ties = value("ties").value_or("reported");
  if (ties != "reported" && ties != "confirmed") throw WaveError(400, "monitoring.error.ties");
  f.confirmed = ties == "confirmed";
  f.team = value("team");
  if (f.team && !net.team(*f.team)) throw WaveError(400, "monitoring.error.team_unknown");
  f.sector = value("sector");
  if (f.sector && !in_list(*f.sector, kSectors)) throw WaveError(400, "monitoring.error.sector");
  f.language = value("language");
  if (f.language && !in_list(*f.language, kLanguageCommunities)) throw WaveError(400, "monitoring.error.language_community");
  f.level = value("level");
  if (f.level && level_rank(*f.level) <= 0) throw WaveError(400, "monitoring.error.level");
  return f;
}

Diagram build_diagram(const WaveData& data, const core::Network& net, const std::map<std::string, Profile>& profiles,
                      const DiagramFilter& filter, i18n::Lang lang) {
  const auto& orgs = data.wave.organization_ids;
  auto positions = wave_layout(data);
  const core::NetworkTeam* team = filter.team ? net.team(*filter.team) : nullptr;
  Diagram d;
  d.confirmed = filter.confirmed;
  std::map<std::string, std::size_t> shown;  // organisation id → node index
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    Profile p = profile_of(profiles, orgs[i]);
    if (team && !in_list(orgs[i], team->member_ids)) continue;
    if (filter.sector && p.sector != *filter.sector) continue;
    if (filter.language && p.language != *filter.language) continue;
    const auto* org = net.organization(orgs[i]);
    DiagramNode n{orgs[i], org ? org->name.in(lang) : orgs[i], p.sector, p.language, {}, 0,
                  (*positions)[i].first, (*positions)[i].second};
    if (org) n.team_ids = org->team_ids;
    shown[orgs[i]] = d.nodes.size();
    d.nodes.push_back(std::move(n));
  }
  // Reported ties between shown organisations (answers above "none").
  std::map<std::pair<std::size_t, std::size_t>, const AnswerRow*> reported;
  for (const auto& a : data.answers) {
    if (!a.integration || level_rank(*a.integration) <= 0) continue;
    auto s = shown.find(a.source), t = shown.find(a.target);
    if (s != shown.end() && t != shown.end() && s->second != t->second) reported[{s->second, t->second}] = &a;
  }
  int min_rank = filter.level ? level_rank(*filter.level) : 1;
  for (const auto& [pair, a] : reported) {
    auto back = reported.find({pair.second, pair.first});
    bool both = back != reported.end();
    if (!filter.confirmed) {
      if (level_rank(*a->integration) < min_rank) continue;
      d.ties.push_back({pair.first, pair.second, *a->integration, a->frequency, both, mean_rating({&a->trust}),
                        mean_rating({&a->value}), a->resources});
    } else if (both && pair.first < pair.second) {
      // Confirmed at the level both sides reach: the lower of the two.
      const std::string& level = level_rank(*a->integration) <= level_rank(*back->second->integration)
                                     ? *a->integration
                                     : *back->second->integration;
      if (level_rank(level) < min_rank) continue;
      const AnswerRow* b = back->second;
      d.ties.push_back({pair.first, pair.second, level, std::nullopt, true, mean_rating({&a->trust, &b->trust}),
                        mean_rating({&a->value, &b->value}), {}});
    }
  }
  for (const auto& t : d.ties) ++d.nodes[t.source].degree, ++d.nodes[t.target].degree;
  return d;
}

std::string diagram_svg(const Diagram& d, const std::string& id, const std::string& title,
                        const std::string& description, const std::function<std::string(const std::string&)>& t) {
  constexpr double kWidth = 800, kHeight = 640, kMargin = 36;
  auto px = [&](double x) { return kMargin + x * (kWidth - 2 * kMargin); };
  auto py = [&](double y) { return kMargin + y * (kHeight - 2 * kMargin); };
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network-diagram\" viewBox=\"0 0 " +
                    num(kWidth) + " " + num(kHeight) + "\" role=\"img\" aria-labelledby=\"" + documents::svg_text(id) + "-title " +
                    documents::svg_text(id) + "-desc\">";
  out += "<title id=\"" + documents::svg_text(id) + "-title\">" + documents::svg_text(title) + "</title>";
  out += "<desc id=\"" + documents::svg_text(id) + "-desc\">" + documents::svg_text(description) + "</desc>";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>";
  // One line per pair: the higher level when both directions are shown.
  std::map<std::pair<std::size_t, std::size_t>, std::string> lines;
  for (const auto& tie : d.ties) {
    auto key = std::pair{std::min(tie.source, tie.target), std::max(tie.source, tie.target)};
    auto [it, fresh] = lines.emplace(key, tie.level);
    if (!fresh && level_rank(tie.level) > level_rank(it->second)) it->second = tie.level;
  }
  out += "<g class=\"ties\" fill=\"none\">";
  for (const auto& [pair, level] : lines) {
    const auto &a = d.nodes[pair.first], &b = d.nodes[pair.second];
    out += "<line x1=\"" + num(px(a.x)) + "\" y1=\"" + num(py(a.y)) + "\" x2=\"" + num(px(b.x)) + "\" y2=\"" +
           num(py(b.y)) + "\"" + line_style(level) + "/>";
  }
  out += "</g>";
  std::int64_t max_degree = 0;
  for (const auto& n : d.nodes) max_degree = std::max(max_degree, n.degree);
  // The largest first, so a small node is never hidden under a big one.
  std::vector<std::size_t> order(d.nodes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return d.nodes[a].degree > d.nodes[b].degree; });
  const bool labels = d.nodes.size() <= 30;  // names beside the nodes while they stay readable
  out += "<g class=\"organizations\">";
  for (std::size_t i : order) {
    const auto& n = d.nodes[i];
    double r = 5 + (max_degree ? 9 * std::sqrt(static_cast<double>(n.degree) / static_cast<double>(max_degree)) : 0);
    double cx = px(n.x), cy = py(n.y);
    out += "<g><title>" +
           documents::svg_text(n.name + " (" + t("monitoring.sector." + n.sector) + ", " + t("monitoring.language." + n.language) +
                ", " + t("monitoring.metrics.degree") + " " + std::to_string(n.degree) + ")") +
           "</title>";
    out += shape(n.language, cx, cy, r,
                 std::string(" fill=\"") + sector_colour(n.sector) + "\" stroke=\"#ffffff\" stroke-width=\"1\"");
    if (labels) {
      bool left = cx > kWidth / 2;
      out += "<text x=\"" + num(left ? cx - r - 3 : cx + r + 3) + "\" y=\"" + num(cy + 4) +
             "\" font-size=\"12\" fill=\"#1a1a1a\"" + (left ? " text-anchor=\"end\"" : "") + ">" + documents::svg_text(n.name) +
             "</text>";
    }
    out += "</g>";
  }
  out += "</g></svg>";
  return out;
}

std::string sector_symbol(const std::string& sector) {
  return symbol(std::string("<circle cx=\"16\" cy=\"10\" r=\"7\" fill=\"") + sector_colour(sector) + "\"/>");
}

std::string language_symbol(const std::string& language) {
  return symbol(shape(language, 16, 10, 6, " fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"1.5\""));
}

std::string level_symbol(const std::string& level) {
  return symbol("<line x1=\"2\" y1=\"10\" x2=\"30\" y2=\"10\"" + line_style(level) + "/>");
}

nlohmann::json to_json(const Diagram& d) {
  nlohmann::json nodes = nlohmann::json::array(), ties = nlohmann::json::array();
  for (const auto& n : d.nodes)
    nodes.push_back({{"id", n.id},
                     {"name", n.name},
                     {"sector", n.sector},
                     {"language", n.language},
                     {"teams", n.team_ids},
                     {"degree", n.degree},
                     {"x", n.x},
                     {"y", n.y}});
  for (const auto& t : d.ties)
    ties.push_back({{"source", d.nodes[t.source].id},
                    {"target", d.nodes[t.target].id},
                    {"level", t.level},
                    {"frequency", t.frequency ? nlohmann::json(*t.frequency) : nlohmann::json(nullptr)},
                    {"confirmed", t.confirmed}});
  return {{"view", d.confirmed ? "confirmed" : "reported"}, {"nodes", std::move(nodes)}, {"ties", std::move(ties)}};
}

}  // namespace samen::monitoring
