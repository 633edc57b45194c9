// The rules of warm transitions (domain.hpp): validation of settings,
// handovers and consents, who stands where to a handover, consented parts,
// retention dates.
#include "transitions/domain.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/permissions.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::transitions {

using nlohmann::json;

namespace {

bool one_of(const std::string& v, const std::vector<std::string>& allowed) {
  return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

// "MM-DD" naming a day of a (leap) year.
bool valid_month_day(const std::string& s) {
  return s.size() == 5 && s[2] == '-' && dates::valid_iso("2000-" + s);
}

bool valid_language_code(const std::string& s) {
  return s.size() == 2 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; });
}

// Free text of at most `max` code points, valid UTF-8.
bool text_ok(const std::string& s, std::size_t max) { return text::valid_utf8(s) && text::code_points(s) <= max; }

}  // namespace

std::vector<std::string> parse_languages(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string t = text::trimmed(cur);
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!t.empty() && !one_of(t, out)) out.push_back(t);
    cur.clear();
  };
  for (char c : text) {
    if (c == ',' || c == ';' || c == ' ') flush();
    else cur.push_back(c);
  }
  flush();
  return out;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

FieldErrors validate_setting(const Setting& s) {
  FieldErrors e;
  if (!one_of(s.kind, kKinds)) e["kind"] = "transitions.error.kind";
  if (s.capacity && (*s.capacity < 1 || *s.capacity > 10000)) e["capacity"] = "transitions.error.capacity";
  auto age_ok = [](const std::optional<std::int64_t>& a) { return !a || (*a >= 0 && *a <= 18 * 12); };
  if (!age_ok(s.age_min_months)) e["age_min_months"] = "transitions.error.age";
  if (!age_ok(s.age_max_months)) e["age_max_months"] = "transitions.error.age";
  if (s.age_min_months && s.age_max_months && *s.age_min_months > *s.age_max_months)
    e["age_max_months"] = "transitions.error.age_order";
  if (s.languages.size() > 10 || !std::all_of(s.languages.begin(), s.languages.end(), valid_language_code))
    e["languages"] = "transitions.error.languages";
  if (!valid_month_day(s.year_start)) e["year_start"] = "transitions.error.month_day";
  if (!valid_month_day(s.year_end)) e["year_end"] = "transitions.error.month_day";
  return e;
}

json to_json(const HandoverContents& c) {
  return {{"child_first_name", c.child_first_name}, {"child_birth_month", c.child_birth_month},
          {"home_languages", c.home_languages},     {"what_helps", c.what_helps},
          {"parent_wishes", c.parent_wishes},       {"health_notes", c.health_notes}};
}

HandoverContents contents_from_json(const json& j) {
  HandoverContents c;
  c.child_first_name = j.value("child_first_name", "");
  c.child_birth_month = j.value("child_birth_month", "");
  c.home_languages = j.value("home_languages", std::vector<std::string>{});
  c.what_helps = j.value("what_helps", "");
  c.parent_wishes = j.value("parent_wishes", "");
  c.health_notes = j.value("health_notes", "");
  return c;
}

FieldErrors validate_handover(const Handover& h) {
  FieldErrors e;
  const auto& c = h.contents;
  std::string name = text::trimmed(c.child_first_name);
  // A first name only: one or two words, no surname-length strings.
  if (name.empty() || !text_ok(name, 40)) e["child_first_name"] = "transitions.error.first_name";
  else if (std::count(name.begin(), name.end(), ' ') > 1) e["child_first_name"] = "transitions.error.first_name_only";
  if (c.child_birth_month.size() != 7 || !dates::valid_iso(c.child_birth_month + "-01"))
    e["child_birth_month"] = "transitions.error.birth_month";
  if (c.home_languages.size() > 10 ||
      !std::all_of(c.home_languages.begin(), c.home_languages.end(), valid_language_code))
    e["home_languages"] = "transitions.error.languages";
  if (!text_ok(c.what_helps, 4000)) e["what_helps"] = "transitions.error.too_long";
  if (!text_ok(c.parent_wishes, 4000)) e["parent_wishes"] = "transitions.error.too_long";
  if (!text_ok(c.health_notes, 2000)) e["health_notes"] = "transitions.error.too_long";
  if (!dates::valid_iso(h.transition_date)) e["transition_date"] = "transitions.error.date";
  if (!one_of(h.language, kLanguages)) e["language"] = "transitions.error.language";
  if (h.sending_setting_id.empty()) e["sending_setting_id"] = "transitions.error.setting";
  if (h.receiving_setting_id.empty()) e["receiving_setting_id"] = "transitions.error.setting";
  else if (h.receiving_setting_id == h.sending_setting_id) e["receiving_setting_id"] = "transitions.error.same_setting";
  return e;
}

json to_json(const ConsentDetails& d) {
  return {{"given_by", d.given_by}, {"method", d.method}, {"parts", d.parts}, {"given_at", d.given_at}};
}

ConsentDetails details_from_json(const json& j) {
  ConsentDetails d;
  d.given_by = j.value("given_by", "");
  d.method = j.value("method", "");
  d.parts = j.value("parts", std::vector<std::string>{});
  d.given_at = j.value("given_at", std::int64_t{0});
  return d;
}

std::optional<std::int64_t> end_of_day(const std::string& iso_date) {
  auto d = dates::parse_iso(iso_date);
  if (!d) return std::nullopt;
  return (static_cast<std::int64_t>(dates::days_since_epoch(*d)) + 1) * 86400;
}

FieldErrors validate_consent(const ConsentDetails& d, const std::string& valid_until_date, std::int64_t now) {
  FieldErrors e;
  std::string by = text::trimmed(d.given_by);
  if (by.empty() || !text_ok(by, 200)) e["given_by"] = "transitions.error.given_by";
  if (!one_of(d.method, kMethods)) e["method"] = "transitions.error.method";
  if (d.parts.empty() || !std::all_of(d.parts.begin(), d.parts.end(), [](const auto& p) { return one_of(p, kParts); }))
    e["parts"] = "transitions.error.parts";
  auto until = end_of_day(valid_until_date);
  if (!until) e["valid_until"] = "transitions.error.date";
  else if (*until <= now) e["valid_until"] = "transitions.error.past";
  else if (*until > now + 3LL * 366 * 86400) e["valid_until"] = "transitions.error.too_far";
  return e;
}

Standing standing(const accounts::User& u, const std::string& sending_organization_id) {
  if (u.role == accounts::Role::partner && core::works_for(u, sending_organization_id)) return Standing::sender;
  if (u.role == accounts::Role::partner) return Standing::receiver;  // decided by the consents
  return Standing::none;
}

std::set<std::string> consented_parts(const std::vector<Consent>& consents,
                                      const std::map<std::string, std::string>& organization_of_setting,
                                      const accounts::User& u, std::int64_t now) {
  std::set<std::string> parts;
  if (u.role != accounts::Role::partner) return parts;
  for (const auto& c : consents) {
    if (!c.active(now)) continue;
    auto org = organization_of_setting.find(c.receiving_setting_id);
    if (org == organization_of_setting.end() || !core::works_for(u, org->second)) continue;
    parts.insert(c.details.parts.begin(), c.details.parts.end());
  }
  return parts;
}

std::int64_t retention_end(const std::string& transition_date, int months) {
  auto d = dates::parse_iso(transition_date);
  if (!d) return 0;
  int m = d->month - 1 + months;
  dates::CivilDate end{d->year + m / 12, m % 12 + 1, 1};
  end.day = std::min(d->day, dates::days_in_month(end.year, end.month));
  return static_cast<std::int64_t>(dates::days_since_epoch(end)) * 86400;
}

}  // namespace samen::transitions
