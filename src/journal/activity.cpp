// The journal's domain rules (activity.hpp): visibility, permissions,
// validation and the date-time forms activities are written in.
#include "journal/activity.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "i18n/brussels_time.hpp"
#include "util/dates.hpp"

namespace samen::journal {

using accounts::Role;

namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Digits at [pos, pos+n) as a number, or -1.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    out = out * 10 + (s[i] - '0');
  }
  return out;
}

// "YYYY-MM-DDTHH:MM" at the start of s, as seconds since the epoch read as
// UTC (the caller applies the offset); the number of characters read.
std::optional<std::pair<std::int64_t, std::size_t>> naive_date_time(std::string_view s) {
  if (s.size() < 16 || s[10] != 'T' || s[13] != ':') return std::nullopt;
  auto date = dates::parse_iso(s.substr(0, 10));
  int hour = digits(s, 11, 2), minute = digits(s, 14, 2);
  if (!date || hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  std::int64_t t = static_cast<std::int64_t>(dates::days_since_epoch(*date)) * 86400 + hour * 3600 + minute * 60;
  std::size_t used = 16;
  if (s.size() >= 19 && s[16] == ':') {
    int second = digits(s, 17, 2);
    if (second < 0 || second > 59) return std::nullopt;
    t += second;
    used = 19;
    if (used < s.size() && s[used] == '.') {  // fractions of a second: ignored
      ++used;
      while (used < s.size() && s[used] >= '0' && s[used] <= '9') ++used;
    }
  }
  return std::pair{t, used};
}

}  // namespace

bool sees_everything(Role r) { return r == Role::admin || r == Role::coordinator || r == Role::facilitator; }

bool may_see(const Viewer& v, std::string_view visibility, std::string_view team_id) {
  if (sees_everything(v.role)) return true;
  if (visibility == "network") return true;
  if (visibility == "team") return !team_id.empty() && contains(v.team_ids, team_id);
  return false;  // facilitators: facilitators, coordinators and admins only
}

bool may_create(Role r) { return sees_everything(r) || r == Role::partner; }

bool may_edit(const Viewer& v, const Activity& a) {
  if (!may_see(v, a.visibility, a.team_id)) return false;
  if (sees_everything(v.role)) return true;
  return v.role == Role::partner && a.created_by && *a.created_by == v.user_id;
}

bool may_choose_visibility(const Viewer& v, std::string_view visibility) {
  return sees_everything(v.role) || visibility != "facilitators";
}

bool may_choose_team(const Viewer& v, std::string_view team_id) {
  return team_id.empty() || sees_everything(v.role) || contains(v.team_ids, team_id);
}

FieldErrors validate(const Activity& a, const Viewer& v, const std::vector<std::string>& known_types,
                     const std::vector<std::string>& known_teams) {
  FieldErrors e;
  if (a.title.empty()) e["title"] = "journal.error.title_required";
  else if (a.title.size() > 300) e["title"] = "journal.error.too_long";
  if (!contains(known_types, a.type)) e["type"] = "journal.error.type_unknown";
  if (a.duration_minutes < 1 || a.duration_minutes > 1440) e["duration_minutes"] = "journal.error.duration";
  if (std::find(std::begin(kVisibilities), std::end(kVisibilities), a.visibility) == std::end(kVisibilities))
    e["visibility"] = "journal.error.visibility_unknown";
  else if (!may_choose_visibility(v, a.visibility))
    e["visibility"] = "journal.error.visibility_not_allowed";
  else if (a.visibility == "team" && a.team_id.empty())
    e["team_id"] = "journal.error.team_required";
  if (!a.team_id.empty() && !e.count("team_id")) {
    if (!contains(known_teams, a.team_id)) e["team_id"] = "journal.error.team_unknown";
    else if (!may_choose_team(v, a.team_id)) e["team_id"] = "journal.error.team_not_yours";
  }
  for (const auto& l : a.languages)
    if (std::find(std::begin(kLanguages), std::end(kLanguages), l) == std::end(kLanguages))
      e["languages"] = "journal.error.language_unknown";
  if (a.external_participants < 0 || a.external_participants > 100000)
    e["external_participants"] = "journal.error.count";
  if (!a.online_url.empty() && !a.online_url.starts_with("https://") && !a.online_url.starts_with("http://"))
    e["online_url"] = "journal.error.url";
  for (const auto* f : {&a.place, &a.online_url})
    if (f->size() > 500) e[f == &a.place ? "place" : "online_url"] = "journal.error.too_long";
  for (const auto* f : {&a.agenda, &a.notes, &a.decisions})
    if (f->size() > 200000) e[f == &a.agenda ? "agenda" : f == &a.notes ? "notes" : "decisions"] = "journal.error.too_long";
  return e;
}

std::optional<std::int64_t> parse_local_date_time(std::string_view text) {
  auto naive = naive_date_time(text);
  if (!naive || naive->second != text.size()) return std::nullopt;
  // Brussels is UTC+1 in winter and UTC+2 in summer: the offset whose wall
  // clock gives back the text is the one. An autumn hour that happens twice
  // takes the first (summer) one; a spring hour that does not exist is refused.
  for (std::int64_t offset : {7200, 3600}) {
    std::int64_t t = naive->first - offset;
    auto local = i18n::brussels_time(t);
    if (local.date == text.substr(0, 10) && local.minute == digits(text, 11, 2) * 60 + digits(text, 14, 2))
      return t;
  }
  return std::nullopt;
}

std::string local_date_time(std::int64_t unix_seconds) {
  auto local = i18n::brussels_time(unix_seconds);
  char buf[16];  // "HH:MM" (room for any int, so no truncation warning)
  std::snprintf(buf, sizeof buf, "%02d:%02d", local.minute / 60, local.minute % 60);
  return local.date + "T" + buf;
}

std::optional<std::int64_t> parse_rfc3339(std::string_view text) {
  auto naive = naive_date_time(text);
  if (!naive || naive->second >= text.size()) return std::nullopt;
  std::string_view zone = text.substr(naive->second);
  if (zone == "Z" || zone == "z") return naive->first;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
  int h = digits(zone, 1, 2), m = digits(zone, 4, 2);
  if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  std::int64_t offset = (h * 60 + m) * 60;
  return zone[0] == '+' ? naive->first - offset : naive->first + offset;
}

std::optional<std::int64_t> parse_bounded(std::string_view text, std::int64_t min, std::int64_t max) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < min || v > max)
    return std::nullopt;
  return v;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    auto part = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (!part.empty() && std::find(out.begin(), out.end(), part) == out.end()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

}  // namespace samen::journal
