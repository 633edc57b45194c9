// The toolbox's domain rules (method.hpp): lifecycle, permissions,
// validation, the flat snapshot and the JSON form of a method.
#include "toolbox/method.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace samen::toolbox {

using accounts::Role;
using nlohmann::json;

namespace {

template <class Range>
bool contains(const Range& r, std::string_view s) {
  return std::find(std::begin(r), std::end(r), s) != std::end(r);
}

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxText = 20000;
constexpr std::size_t kMaxSteps = 60;

}  // namespace

const std::string& Translation::field(std::string_view name) const {
  return const_cast<Translation*>(this)->field(name);
}

std::string& Translation::field(std::string_view name) {
  if (name == "name") return this->name;
  if (name == "aim") return aim;
  if (name == "when_to_use") return when_to_use;
  if (name == "for_whom") return for_whom;
  if (name == "preparation") return preparation;
  if (name == "tips") return tips;
  if (name == "variations") return variations;
  if (name == "pitfalls") return pitfalls;
  if (name == "source") return source;
  static thread_local std::string none;
  none.clear();
  return none;
}

const Translation* Method::text_in(std::string_view lang) const {
  if (auto it = translations.find(std::string(lang)); it != translations.end() && !it->second.name.empty())
    return &it->second;
  for (auto l : kLanguages)
    if (auto it = translations.find(std::string(l)); it != translations.end() && !it->second.name.empty())
      return &it->second;
  return nullptr;
}

const std::string& Method::name_in(std::string_view lang) const {
  static const std::string empty;
  const Translation* t = text_in(lang);
  return t ? t->name : empty;
}

bool is_staff(Role r) { return r != Role::parent_rep; }
bool is_reviewer(Role r) { return r == Role::admin || r == Role::coordinator || r == Role::facilitator; }
bool is_phase(std::string_view s) { return contains(kPhases, s); }
bool is_topic(std::string_view s) { return contains(kTopics, s); }
bool is_language(std::string_view s) { return contains(kLanguages, s); }

bool may_see(Role r, std::int64_t user_id, const Method& m) {
  if (m.status == "published" || m.status == "archived") return true;
  return is_reviewer(r) || (m.created_by && *m.created_by == user_id);
}

bool may_edit(Role r, std::int64_t user_id, const Method& m) {
  if (is_reviewer(r)) return true;
  return is_staff(r) && m.created_by && *m.created_by == user_id && (m.status == "draft" || m.status == "in_review");
}

std::optional<std::string> next_status(Role r, std::int64_t user_id, const Method& m, std::string_view move) {
  bool reviewer = is_reviewer(r);
  bool proposer = is_staff(r) && m.created_by && *m.created_by == user_id;
  if (move == "submit" && m.status == "draft" && (reviewer || proposer)) return "in_review";
  if (!reviewer) return std::nullopt;
  if (move == "approve" && m.status == "in_review") return "published";
  if (move == "send_back" && m.status == "in_review") return "draft";
  if (move == "archive" && m.status == "published") return "archived";
  if (move == "restore" && m.status == "archived") return "published";
  return std::nullopt;
}

FieldErrors validate(const Method& m) {
  FieldErrors e;
  if (!is_phase(m.phase)) e["phase"] = "toolbox.error.phase";
  if (!contains(kStatuses, m.status)) e["status"] = "toolbox.error.status";
  for (const auto& t : m.topics)
    if (!is_topic(t)) e["topics"] = "toolbox.error.topic";
  if (m.group_min < 1 || m.group_min > 1000) e["group_min"] = "toolbox.error.group_size";
  if (m.group_max < m.group_min || m.group_max > 1000) e["group_max"] = "toolbox.error.group_size";
  if (m.duration_minutes < 1 || m.duration_minutes > 10080) e["duration_minutes"] = "toolbox.error.duration";
  if (m.licence.size() > kMaxName) e["licence"] = "toolbox.error.too_long";
  if (m.adaptation_reason.size() > kMaxText) e["adaptation_reason"] = "toolbox.error.too_long";
  if (!m.adapted_from.empty() && m.adapted_from == m.id) e["adapted_from"] = "toolbox.error.adapted_from";
  bool named = false;
  for (const auto& [lang, t] : m.translations) {
    if (!is_language(lang)) {
      e["translations"] = "toolbox.error.language";
      continue;
    }
    named |= !t.name.empty();
    if (t.name.size() > kMaxName) e[lang + ".name"] = "toolbox.error.too_long";
    bool has_text = !t.steps.empty();
    for (auto f : kTextFields) {
      has_text |= !t.field(f).empty();
      if (f != "name" && t.field(f).size() > kMaxText) e[lang + "." + std::string(f)] = "toolbox.error.too_long";
    }
    // A language with texts but no name would be a translation nobody can find.
    if (t.name.empty() && has_text) e[lang + ".name"] = "toolbox.error.name_required";
    if (t.steps.size() > kMaxSteps) e[lang + ".steps"] = "toolbox.error.steps";
    for (const auto& s : t.steps)
      if (s.description.empty() || s.description.size() > kMaxText || s.minutes < 0 || s.minutes > 1440)
        e[lang + ".steps"] = "toolbox.error.steps";
  }
  if (!named) e["name"] = "toolbox.error.name_required";
  return e;
}

core::Snapshot flatten(const Method& m) {
  core::Snapshot s{{"status", m.status},
                   {"phase", m.phase},
                   {"topics", join_list(m.topics)},
                   {"group_size", std::to_string(m.group_min) + "–" + std::to_string(m.group_max)},
                   {"duration_minutes", std::to_string(m.duration_minutes)},
                   {"licence", m.licence},
                   {"adapted_from", m.adapted_from},
                   {"adapted_by_team", m.adapted_by_team},
                   {"adaptation_reason", m.adaptation_reason}};
  for (const auto& [lang, t] : m.translations) {
    for (auto f : kTextFields) s[lang + "." + std::string(f)] = t.field(f);
    for (std::size_t i = 0; i < t.steps.size(); ++i) {
      // Zero-padded so the comparison lists steps in their order.
      char n[24];  // at most kMaxSteps (60): two digits; the size quiets gcc's -Wformat-truncation
      std::snprintf(n, sizeof n, "%02zu", i + 1);
      s[lang + ".step." + n] = std::to_string(t.steps[i].minutes) + " min · " + t.steps[i].description;
    }
  }
  return s;
}

json content_json(const Method& m) {
  json tr = json::object();
  for (const auto& [lang, t] : m.translations) {
    json o = json::object();
    for (auto f : kTextFields) o[std::string(f)] = t.field(f);
    json steps = json::array();
    for (const auto& s : t.steps) steps.push_back({{"description", s.description}, {"minutes", s.minutes}});
    o["steps"] = std::move(steps);
    tr[lang] = std::move(o);
  }
  return {{"status", m.status},
          {"phase", m.phase},
          {"topics", m.topics},
          {"group_size", {{"min", m.group_min}, {"max", m.group_max}}},
          {"duration_minutes", m.duration_minutes},
          {"licence", m.licence},
          {"adapted_from", m.adapted_from.empty() ? json(nullptr) : json(m.adapted_from)},
          {"adaptation",
           {{"team", m.adapted_by_team.empty() ? json(nullptr) : json(m.adapted_by_team)},
            {"reason", m.adaptation_reason}}},
          {"translations", std::move(tr)}};
}

namespace {

// A string member into `out` when present; a wrong type is a field error.
void read_string(const json& j, const char* name, std::string& out, FieldErrors& e, const std::string& field) {
  auto it = j.find(name);
  if (it == j.end()) return;
  if (it->is_null()) out.clear();
  else if (it->is_string()) out = it->get<std::string>();
  else e[field] = "toolbox.error.type_mismatch";
}

void read_int(const json& j, const char* name, std::int64_t& out, FieldErrors& e, const std::string& field) {
  auto it = j.find(name);
  if (it == j.end()) return;
  if (it->is_number_integer()) out = it->get<std::int64_t>();
  else e[field] = "toolbox.error.type_mismatch";
}

}  // namespace

void read_content_json(const json& j, Method& m, FieldErrors& e) {
  if (!j.is_object()) {
    e["method"] = "toolbox.error.type_mismatch";
    return;
  }
  read_string(j, "status", m.status, e, "status");
  read_string(j, "phase", m.phase, e, "phase");
  if (auto it = j.find("topics"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) e["topics"] = "toolbox.error.type_mismatch";
    else {
      m.topics.clear();
      for (const auto& t : *it)
        if (t.is_string()) m.topics.push_back(t.get<std::string>());
        else e["topics"] = "toolbox.error.type_mismatch";
    }
  }
  if (auto it = j.find("group_size"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) e["group_min"] = "toolbox.error.type_mismatch";
    else {
      read_int(*it, "min", m.group_min, e, "group_min");
      read_int(*it, "max", m.group_max, e, "group_max");
    }
  }
  read_int(j, "duration_minutes", m.duration_minutes, e, "duration_minutes");
  read_string(j, "licence", m.licence, e, "licence");
  read_string(j, "adapted_from", m.adapted_from, e, "adapted_from");
  if (auto it = j.find("adaptation"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) e["adaptation_reason"] = "toolbox.error.type_mismatch";
    else {
      read_string(*it, "team", m.adapted_by_team, e, "adapted_by_team");
      read_string(*it, "reason", m.adaptation_reason, e, "adaptation_reason");
    }
  }
  if (auto it = j.find("translations"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) {
      e["translations"] = "toolbox.error.type_mismatch";
      return;
    }
    m.translations.clear();
    for (const auto& [lang, o] : it->items()) {
      if (!is_language(lang)) {
        e["translations"] = "toolbox.error.language";
        continue;
      }
      if (!o.is_object()) {
        e[lang + ".name"] = "toolbox.error.type_mismatch";
        continue;
      }
      Translation t;
      for (auto f : kTextFields) read_string(o, std::string(f).c_str(), t.field(f), e, lang + "." + std::string(f));
      if (auto s = o.find("steps"); s != o.end() && !s->is_null()) {
        if (!s->is_array()) e[lang + ".steps"] = "toolbox.error.type_mismatch";
        else
          for (const auto& step : *s) {
            Step st;
            if (!step.is_object()) {
              e[lang + ".steps"] = "toolbox.error.type_mismatch";
              continue;
            }
            read_string(step, "description", st.description, e, lang + ".steps");
            read_int(step, "minutes", st.minutes, e, lang + ".steps");
            t.steps.push_back(std::move(st));
          }
      }
      m.translations[lang] = std::move(t);
    }
  }
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    auto part = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (!part.empty()) out.emplace_back(part);
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

}  // namespace samen::toolbox
