// Transition pathways (pathways.hpp): entered counts, counts derived from the
// handovers held, the filter by school year, team and municipality, the
// settings without a partner pathway, and the SVG picture.
#include "transitions/pathways.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <tuple>

#include "core/brussels.hpp"
#include "core/network.hpp"
#include "core/permissions.hpp"
#include "transitions/store.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"
#include "util/uuid.hpp"
#include "web/render.hpp"

namespace samen::transitions {

namespace {

int kind_index(const std::string& kind) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == kind) return static_cast<int>(i);
  return 0;
}

// The Brussels municipalities (NIS codes) each setting has an address in.
std::map<std::string, std::set<std::string>> municipalities_of_settings(store::Connection& c) {
  std::map<std::string, std::set<std::string>> out;
  c.each("SELECT sal.service_id, a.postal_code FROM service_at_location sal "
         "JOIN addresses a ON a.location_id = sal.location_id JOIN transitions_settings s ON s.id = sal.service_id",
         {}, [&](const store::Row& r) {
           if (const auto* m = core::municipality_for_postcode(r.text(1))) out[r.text(0)].insert(m->nis_code);
           return true;
         });
  return out;
}

using PairYear = std::tuple<int, std::string, std::string>;  // school year, sending, receiving

// Every pathway of the held handovers and the entered counts, by pair and year.
std::map<PairYear, Pathway> all_pathways(store::Connection& c, const std::map<std::string, Setting>& settings) {
  std::map<PairYear, Pathway> out;
  auto slot = [&](int year, const std::string& from, const std::string& to) -> Pathway& {
    Pathway& p = out[{year, from, to}];
    p.sending_id = from;
    p.receiving_id = to;
    p.school_year = year;
    return p;
  };
  c.each("SELECT id, version, sending_setting_id, receiving_setting_id, school_year, children "
         "FROM transitions_pathways WHERE archived_at IS NULL",
         {}, [&](const store::Row& r) {
           Pathway& p = slot(static_cast<int>(r.int64(4)), r.text(2), r.text(3));
           p.entered_id = r.text(0);
           p.entered_version = r.int64(1);
           p.entered = r.int64(5);
           return true;
         });
  // Only counts per pair and transition date are read: nothing about a child.
  c.each("SELECT sending_setting_id, receiving_setting_id, transition_date, COUNT(*) FROM transitions_handovers "
         "GROUP BY sending_setting_id, receiving_setting_id, transition_date",
         {}, [&](const store::Row& r) {
           auto to = settings.find(r.text(1));
           auto year = school_year_of(r.text(2), to == settings.end() ? "09-01" : to->second.year_start);
           if (year) slot(*year, r.text(0), r.text(1)).derived += r.int64(3);
           return true;
         });
  return out;
}

// The settings the filter keeps.
std::set<std::string> kept_settings(store::Connection& c, const std::map<std::string, Setting>& settings,
                                    const PathwayFilter& f) {
  std::set<std::string> members;
  if (!f.team_id.empty()) {
    auto network = core::load_network(c);
    if (const auto* team = network.team(f.team_id)) members.insert(team->member_ids.begin(), team->member_ids.end());
  }
  std::map<std::string, std::set<std::string>> places;
  if (!f.municipality.empty()) places = municipalities_of_settings(c);
  std::set<std::string> out;
  for (const auto& [id, s] : settings) {
    if (!f.team_id.empty() && !members.count(s.organization_id)) continue;
    if (!f.municipality.empty() && !places[id].count(f.municipality)) continue;
    out.insert(id);
  }
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string svg_text(const std::string& s) { return web::html_escape(s); }

// A name short enough for a box, cut at a character boundary.
std::string box_name(const std::string& name) {
  constexpr std::size_t kMax = 34;
  if (text::code_points(name) <= kMax) return name;
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < name.size() && points < kMax - 1;) {
    std::size_t n = std::max<std::size_t>(1, text::utf8_sequence_length(name, i));
    out.append(name, i, n);
    i += n;
    ++points;
  }
  return out + "…";
}

}  // namespace

std::optional<int> school_year_of(const std::string& iso_date, const std::string& year_start) {
  auto d = dates::parse_iso(iso_date);
  if (!d) return std::nullopt;
  int month = 9, day = 1;
  if (year_start.size() == 5 && year_start[2] == '-') {
    std::from_chars(year_start.data(), year_start.data() + 2, month);
    std::from_chars(year_start.data() + 3, year_start.data() + 5, day);
  }
  bool before_start = d->month < month || (d->month == month && d->day < day);
  return before_start ? d->year - 1 : d->year;
}

std::string school_year_label(int year) { return std::to_string(year) + "–" + std::to_string(year + 1); }

std::optional<int> parse_school_year(const std::string& text) {
  std::string t = text::trimmed(text);
  if (t.size() != 4 && !(t.size() == 9 && t[4] == '-')) return std::nullopt;
  int year = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + 4, year);
  if (ec != std::errc() || p != t.data() + 4 || year < 1990 || year > 2100) return std::nullopt;
  if (t.size() == 9) {
    int next = 0;
    auto [q, ec2] = std::from_chars(t.data() + 5, t.data() + 9, next);
    if (ec2 != std::errc() || q != t.data() + 9 || next != year + 1) return std::nullopt;
  }
  return year;
}

const PathwaySetting* PathwayView::setting(const std::string& id) const {
  for (const auto& s : settings)
    if (s.id == id) return &s;
  return nullptr;
}

PathwayView load_pathways(store::Connection& c, const PathwayFilter& f) {
  std::map<std::string, Setting> settings;
  for (auto& s : list_settings(c)) settings.emplace(s.id, std::move(s));
  auto kept = kept_settings(c, settings, f);
  PathwayView v;
  std::set<int> years;
  std::set<std::string> shown = kept;  // kept settings and their partners
  std::set<std::string> with_pathway;
  for (auto& [key, p] : all_pathways(c, settings)) {
    if (!settings.count(p.sending_id) || !settings.count(p.receiving_id)) continue;  // an archived setting's
    if (!kept.count(p.sending_id) && !kept.count(p.receiving_id)) continue;
    if (p.weight() > 0 || p.derived > 0) years.insert(p.school_year);
    if (f.school_year && p.school_year != *f.school_year) continue;
    if (p.weight() == 0 && p.derived == 0) continue;  // an entered 0: no pathway that year
    shown.insert(p.sending_id);
    shown.insert(p.receiving_id);
    with_pathway.insert(p.sending_id);
    with_pathway.insert(p.receiving_id);
    v.pathways.push_back(p);
  }
  for (const auto& id : shown) {
    const Setting& s = settings.at(id);
    v.settings.push_back({s.id, s.name, s.kind, s.organization_id, with_pathway.count(id) > 0});
  }
  // Partners outside the filter are drawn, but only kept settings are flagged: see has_pathway's use.
  for (auto& s : v.settings)
    if (!kept.count(s.id)) s.has_pathway = true;
  std::sort(v.settings.begin(), v.settings.end(), [](const PathwaySetting& a, const PathwaySetting& b) {
    return std::make_tuple(kind_index(a.kind), a.name, a.id) < std::make_tuple(kind_index(b.kind), b.name, b.id);
  });
  auto name = [&](const std::string& id) { return settings.at(id).name; };
  std::sort(v.pathways.begin(), v.pathways.end(), [&](const Pathway& a, const Pathway& b) {
    if (a.school_year != b.school_year) return a.school_year > b.school_year;
    return std::make_tuple(name(a.sending_id), name(a.receiving_id)) <
           std::make_tuple(name(b.sending_id), name(b.receiving_id));
  });
  v.school_years.assign(years.rbegin(), years.rend());
  return v;
}

namespace {
EnteredCount entered_of(const store::Row& r) {
  return {r.text(0), r.int64(1), r.int64(2), r.text(3), r.text(4), static_cast<int>(r.int64(5)), r.int64(6),
          r.int64(7)};
}
constexpr const char* kEnteredColumns =
    "id, version, children, sending_setting_id, receiving_setting_id, school_year, created_at, updated_at "
    "FROM transitions_pathways ";
}  // namespace

std::optional<EnteredCount> load_entered(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kEnteredColumns + "WHERE id = ? AND archived_at IS NULL", {id});
  if (r.empty()) return std::nullopt;
  return entered_of(r.rows[0]);
}

std::optional<EnteredCount> find_entered(store::Connection& c, const std::string& sending, const std::string& receiving,
                                         int school_year) {
  auto r = c.exec(std::string("SELECT ") + kEnteredColumns +
                      "WHERE sending_setting_id = ? AND receiving_setting_id = ? AND school_year = ?",
                  {sending, receiving, std::int64_t{school_year}});
  if (r.empty()) return std::nullopt;
  return entered_of(r.rows[0]);
}

void save_entered(store::Connection& c, EnteredCount& e, std::int64_t now, std::optional<std::int64_t> user_id) {
  if (!e.id.empty()) {
    c.exec("UPDATE transitions_pathways SET version = version + 1, updated_at = ?, children = ?, archived_at = NULL "
           "WHERE id = ?",
           {now, e.children, e.id});
    ++e.version;
    e.updated_at = now;
    return;
  }
  e.id = uuid::random();
  e.version = 1;
  e.created_at = e.updated_at = now;
  c.exec("INSERT INTO transitions_pathways (id, version, created_at, updated_at, sending_setting_id, "
         "receiving_setting_id, school_year, children, created_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)",
         {e.id, now, now, e.sending_id, e.receiving_id, std::int64_t{e.school_year}, e.children,
          user_id ? store::Param(*user_id) : store::Param(nullptr)});
}

bool may_enter_pathway(const accounts::User& u, const std::string& sending_organization,
                       const std::string& receiving_organization) {
  return core::acts_for(u, sending_organization) || core::acts_for(u, receiving_organization);
}

FieldErrors validate_pathway(const std::string& sending, const std::string& receiving,
                             const std::optional<int>& school_year, const std::optional<std::int64_t>& children) {
  FieldErrors e;
  if (sending.empty()) e["sending_setting_id"] = "transitions.error.setting";
  if (receiving.empty()) e["receiving_setting_id"] = "transitions.error.setting";
  if (!sending.empty() && sending == receiving) e["receiving_setting_id"] = "transitions.pathway.error.same";
  if (!school_year) e["school_year"] = "transitions.pathway.error.school_year";
  if (!children || *children < 0 || *children > 100000) e["children"] = "transitions.pathway.error.children";
  return e;
}

std::string pathway_svg(const PathwayView& v, const PathwayPictureText& t) {
  constexpr double kWidth = 900, kColumn = 310, kBoxW = 250, kBoxH = 30, kRow = 42, kTop = 44;
  // Each setting's box: column by kind, row in its column.
  std::map<std::string, std::pair<double, double>> at;  // id → (x, y centre)
  int rows[3] = {0, 0, 0};
  for (const auto& s : v.settings) {
    int k = kind_index(s.kind);
    at[s.id] = {10 + k * kColumn, kTop + rows[k] * kRow + kBoxH / 2};
    ++rows[k];
  }
  int most = std::max({rows[0], rows[1], rows[2], 1});
  double height = kTop + most * kRow + 10;
  // Pathways of one pair over the years shown are drawn as one arrow.
  std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, bool>> pairs;  // weight, some hidden
  for (const auto& p : v.pathways) {
    auto& w = pairs[{p.sending_id, p.receiving_id}];
    w.first += p.weight();
    w.second = w.second || (!p.entered && p.derived_hidden());
  }
  std::int64_t heaviest = 1;
  for (const auto& [k, w] : pairs) heaviest = std::max(heaviest, w.first);

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pathways\" viewBox=\"0 0 " + num(kWidth) + " " +
                    num(height) + "\" role=\"img\" aria-labelledby=\"pw-title pw-desc\" aria-describedby=\"" +
                    svg_text(t.table_id) + "\"><title id=\"pw-title\">" + svg_text(t.title) +
                    "</title><desc id=\"pw-desc\">" + svg_text(t.description) + "</desc>";
  svg += "<defs><marker id=\"pw-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" "
         "markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1d4e6e\"/></marker>"
         "</defs>";
  svg += "<g font-size=\"14\" font-weight=\"bold\" fill=\"#222\">";
  for (int k = 0; k < 3; ++k)
    svg += "<text x=\"" + num(10 + k * kColumn) + "\" y=\"22\">" + svg_text(t.kind_label[k]) + "</text>";
  svg += "</g><g class=\"arrows\" fill=\"none\" stroke=\"#1d4e6e\" stroke-opacity=\"0.75\">";
  auto name_of = [&](const std::string& id) {
    const auto* s = v.setting(id);
    return s ? s->name : id;
  };
  for (const auto& [pair, w] : pairs) {
    auto [x1, y1] = at[pair.first];
    auto [x2, y2] = at[pair.second];
    double width = w.first > 0 ? 2 + 10.0 * static_cast<double>(w.first) / static_cast<double>(heaviest) : 1.5;
    std::string d;
    if (x2 > x1) {  // forward: right edge to left edge
      double sx = x1 + kBoxW, ex = x2 - 4, mid = (sx + ex) / 2;
      d = "M" + num(sx) + "," + num(y1) + " C" + num(mid) + "," + num(y1) + " " + num(mid) + "," + num(y2) + " " +
          num(ex) + "," + num(y2);
    } else {  // same column or backwards: around the right edges
      double sx = x1 + kBoxW, ex = x2 + kBoxW + 4, bulge = std::max(sx, ex) + 40;
      d = "M" + num(sx) + "," + num(y1) + " C" + num(bulge) + "," + num(y1) + " " + num(bulge) + "," + num(y2) + " " +
          num(ex) + "," + num(y2);
    }
    std::string count = w.first > 0 ? std::to_string(w.first) : t.fewer_than;
    if (w.first > 0 && w.second) count += " + " + t.fewer_than;
    svg += "<path d=\"" + d + "\" stroke-width=\"" + num(width) + "\"" +
           (w.first > 0 ? "" : " stroke-dasharray=\"4 3\"") + " marker-end=\"url(#pw-arrow)\"><title>" +
           svg_text(name_of(pair.first) + " → " + name_of(pair.second) + ": " + count) + "</title></path>";
  }
  svg += "</g><g class=\"settings\" font-size=\"12\">";
  for (const auto& s : v.settings) {
    auto [x, y] = at[s.id];
    bool flagged = !s.has_pathway;
    svg += "<g><title>" + svg_text(s.name + (flagged ? " — " + t.no_pathway : "")) + "</title><rect x=\"" + num(x) +
           "\" y=\"" + num(y - kBoxH / 2) + "\" width=\"" + num(kBoxW) + "\" height=\"" + num(kBoxH) +
           "\" rx=\"4\" fill=\"" + (flagged ? "#fff4e5" : "#eef4f8") + "\" stroke=\"" +
           (flagged ? "#a04000" : "#1d4e6e") + "\"" + (flagged ? " stroke-dasharray=\"5 3\" stroke-width=\"2\"" : "") +
           "/><text x=\"" + num(x + 8) + "\" y=\"" + num(y + 4) + "\" fill=\"#222\">" +
           svg_text((flagged ? "⚠ " : "") + box_name(s.name)) + "</text></g>";
  }
  svg += "</g></svg>";
  return svg;
}

}  // namespace samen::transitions
