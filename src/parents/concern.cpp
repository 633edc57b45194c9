// Parents' voice's rules (concern.hpp): statuses and their steps, roles,
// validation of concerns, publications, groups and suggestions. No I/O.
#include "parents/concern.hpp"

#include <algorithm>

#include "core/brussels.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::parents {

namespace {

template <std::size_t N>
bool among(const std::string_view (&list)[N], std::string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

int rank(std::string_view s) {
  for (int i = 0; i < 4; ++i)
    if (kStatuses[i] == s) return i;
  return -1;  // not_possible or unknown
}

}  // namespace

bool known_status(std::string_view s) { return among(kStatuses, s); }
bool known_source(std::string_view s) { return among(kSources, s); }
bool known_language(std::string_view s) { return among(kConcernLanguages, s); }

std::vector<std::string_view> next_statuses(std::string_view from) {
  std::vector<std::string_view> out;
  for (auto to : kStatuses)
    if (to != from && may_move(from, to)) out.push_back(to);
  return out;
}

bool may_move(std::string_view from, std::string_view to) {
  if (!known_status(from) || !known_status(to)) return false;
  if (from == to) return true;  // no step: other fields changed
  if (from == "done" || from == "not_possible") return to == "being_discussed";  // reopened
  if (to == "not_possible") return true;
  int f = rank(from), t = rank(to);
  return t > f || t == f - 1;  // forward (skipping allowed) or one step back
}

bool may_record(accounts::Role) { return true; }  // every signed-in role
bool may_edit(accounts::Role r) {
  return r == accounts::Role::admin || r == accounts::Role::coordinator || r == accounts::Role::facilitator;
}
bool may_publish(accounts::Role r) { return r == accounts::Role::admin || r == accounts::Role::coordinator; }

accounts::Access readers() { return accounts::Access::signed_in(); }
accounts::Access staff() {
  using accounts::Role;
  return accounts::Access::only({Role::admin, Role::coordinator, Role::facilitator});
}
accounts::Access coordination() {
  using accounts::Role;
  return accounts::Access::only({Role::admin, Role::coordinator});
}

bool is_date(std::string_view s) { return s.size() == 10 && dates::valid_iso(s); }

FieldErrors validate(const Concern& c, const std::vector<std::string>& themes, const std::vector<std::string>& teams,
                     const std::vector<std::string>& groups, std::string_view from_status) {
  FieldErrors e;
  if (text::trimmed(c.text).empty()) e["text"] = "parents.error.text_required";
  else if (c.text.size() > kMaxText) e["text"] = "parents.error.text_too_long";
  else if (!text::valid_utf8(c.text)) e["text"] = "parents.error.text_required";
  if (!contains(themes, c.theme)) e["theme"] = "parents.error.theme_unknown";
  if (!known_language(c.language)) e["language"] = "parents.error.language_unknown";
  if (!c.municipality.empty() && !core::municipality_by_nis(c.municipality))
    e["municipality"] = "parents.error.municipality_unknown";
  if (!known_source(c.source)) e["source"] = "parents.error.source_unknown";
  if (!known_status(c.status)) e["status"] = "parents.error.status_unknown";
  else if (!from_status.empty() && !may_move(from_status, c.status)) e["status"] = "parents.error.status_step";
  if (c.status == "not_possible" && text::trimmed(c.status_note).empty())
    e["status_note"] = "parents.error.explanation_required";
  if (c.status_note.size() > kMaxPublicText) e["status_note"] = "parents.error.text_too_long";
  if (!c.team_id.empty() && !contains(teams, c.team_id)) e["team_id"] = "parents.error.team_unknown";
  if (!c.group_id.empty() && !contains(groups, c.group_id)) e["group_id"] = "parents.error.group_unknown";
  if (!is_date(c.raised_on)) e["raised_on"] = "parents.error.date";
  return e;
}

FieldErrors validate_publication(const Concern& c, bool publish) {
  FieldErrors e;
  bool any = false;
  for (const char* lang : {"nl", "fr", "en"}) {
    auto t = c.public_text.find(lang);
    auto r = c.response.find(lang);
    if (t != c.public_text.end()) {
      if (t->second.size() > kMaxPublicText) e[std::string("public_text_") + lang] = "parents.error.text_too_long";
      any |= !text::trimmed(t->second).empty();
    }
    if (r != c.response.end() && r->second.size() > kMaxPublicText)
      e[std::string("response_") + lang] = "parents.error.text_too_long";
  }
  if (publish && !any) e["public_text_nl"] = "parents.error.public_text_required";
  return e;
}

FieldErrors validate_group(const Group& g, const std::vector<std::string>& teams, bool service_exists) {
  FieldErrors e;
  if (text::trimmed(g.name).empty()) e["name"] = "parents.error.name_required";
  else if (g.name.size() > 200) e["name"] = "parents.error.text_too_long";
  if (g.team_id.empty() && g.service_id.empty()) e["team_id"] = "parents.error.group_place_required";
  if (!g.team_id.empty() && !contains(teams, g.team_id)) e["team_id"] = "parents.error.team_unknown";
  if (!g.service_id.empty() && !service_exists) e["service_id"] = "parents.error.service_unknown";
  if (g.description.size() > kMaxText) e["description"] = "parents.error.text_too_long";
  if (g.languages.size() > 100) e["languages"] = "parents.error.text_too_long";
  return e;
}

FieldErrors validate_suggestion(const Suggestion& s, const std::vector<std::string>& teams) {
  FieldErrors e;
  if (text::trimmed(s.text).size() < 3) e["text"] = "parents.error.text_required";
  else if (s.text.size() > kMaxText) e["text"] = "parents.error.text_too_long";
  if (s.language != "nl" && s.language != "fr" && s.language != "en") e["language"] = "parents.error.language_unknown";
  if (!s.municipality.empty() && !core::municipality_by_nis(s.municipality))
    e["municipality"] = "parents.error.municipality_unknown";
  if (!s.team_id.empty() && !contains(teams, s.team_id)) e["team_id"] = "parents.error.team_unknown";
  return e;
}

const std::string& in_language(const std::map<std::string, std::string>& texts, std::string_view lang,
                               std::string* used) {
  static const std::string empty;
  auto pick = [&](std::string_view l) -> const std::string* {
    auto it = texts.find(std::string(l));
    if (it == texts.end() || text::trimmed(it->second).empty()) return nullptr;
    if (used) *used = std::string(l);
    return &it->second;
  };
  if (auto t = pick(lang)) return *t;
  for (const char* l : {"nl", "fr", "en"})
    if (auto t = pick(l)) return *t;
  if (used) used->clear();
  return empty;
}

}  // namespace samen::parents
