// The plan's domain rules (plan.hpp).
#include "plan/plan.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>

#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::plan {

using accounts::Role;

namespace {

bool contains(const std::vector<std::string>& all, std::string_view v) {
  return std::find(all.begin(), all.end(), v) != all.end();
}

template <std::size_t N>
bool one_of(const std::string_view (&all)[N], std::string_view v) {
  return std::find(std::begin(all), std::end(all), v) != std::end(all);
}

}  // namespace

bool may_edit_vision(Role r) { return r == Role::admin || r == Role::coordinator; }

bool may_create(Role r) { return r != Role::parent_rep; }

bool may_edit(const Viewer& v, const Item& i) {
  if (v.role == Role::admin || v.role == Role::coordinator || v.role == Role::facilitator) return true;
  if (v.role != Role::partner) return false;
  if (!i.team_id.empty() && contains(v.team_ids, i.team_id)) return true;
  return std::any_of(i.owner_ids.begin(), i.owner_ids.end(),
                     [&](const std::string& o) { return contains(v.organization_ids, o); });
}

FieldErrors validate(const Item& i) {
  FieldErrors e;
  if (!one_of(kKinds, i.kind)) e["kind"] = "plan.error.kind";
  if (i.title.empty() || i.title.size() > 300 || !text::valid_utf8(i.title)) e["title"] = "plan.error.title";
  if (i.description.size() > 100000 || !text::valid_utf8(i.description)) e["description"] = "plan.error.description";
  for (auto& [k, v] : check_status(i.status, i.status_reason)) e[k] = v;
  if (!i.starts_on.empty() && !dates::valid_iso(i.starts_on)) e["starts_on"] = "plan.error.date";
  if (!i.ends_on.empty() && !dates::valid_iso(i.ends_on)) e["ends_on"] = "plan.error.date";
  if (!e.count("starts_on") && !e.count("ends_on") && !i.starts_on.empty() && !i.ends_on.empty() &&
      i.ends_on < i.starts_on)
    e["ends_on"] = "plan.error.end_before_start";
  if (i.budget_cents && (*i.budget_cents < 0 || *i.budget_cents > 100000000000000LL)) e["budget"] = "plan.error.budget";
  if (!i.contributes_to.empty() && i.team_id.empty()) e["contributes_to"] = "plan.error.contributes_brussels";
  if (i.owner_ids.size() > 100) e["owner_ids"] = "plan.error.organization_unknown";
  return e;
}

void check_parent(const Item& i, const Item* parent, FieldErrors& errors) {
  if (i.kind == "objective") {
    if (!i.parent_id.empty()) errors["parent_id"] = "plan.error.objective_parent";
    return;
  }
  if (i.parent_id.empty()) {
    errors["parent_id"] = "plan.error.parent_required";
    return;
  }
  if (!parent || parent->archived_at) {
    errors["parent_id"] = "plan.error.parent_unknown";
    return;
  }
  if (parent->team_id != i.team_id) errors["parent_id"] = "plan.error.parent_team";
}

bool makes_cycle(const std::map<std::string, std::string>& parent_of, const std::string& item_id,
                 const std::string& new_parent) {
  if (item_id.empty()) return false;  // a new item has no descendants
  std::set<std::string> seen;
  for (std::string at = new_parent; !at.empty();) {
    if (at == item_id) return true;
    if (!seen.insert(at).second) return true;  // a cycle already stored: refuse to build on it
    auto it = parent_of.find(at);
    if (it == parent_of.end()) break;
    at = it->second;
  }
  return false;
}

FieldErrors check_status(std::string_view status, std::string_view reason) {
  FieldErrors e;
  if (!one_of(kStatuses, status)) e["status"] = "plan.error.status";
  else if (status == "dropped" && text::trim(reason).empty()) e["status_reason"] = "plan.error.dropped_reason";
  if (reason.size() > 2000 || !text::valid_utf8(reason)) e["status_reason"] = "plan.error.reason_long";
  return e;
}

std::optional<std::int64_t> parse_budget(std::string_view text) {
  std::string s;
  // Keep digits and separators; spaces (also the no-break ones ICU writes) and the euro sign go.
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t') continue;
    if (text.substr(i, 2) == "\xC2\xA0") { ++i; continue; }         // U+00A0
    if (text.substr(i, 3) == "\xE2\x80\xAF") { i += 2; continue; }  // U+202F
    if (text.substr(i, 3) == "\xE2\x82\xAC") { i += 2; continue; }  // €
    if (c == '\'') continue;
    if (std::isdigit(c) || c == '.' || c == ',') s += static_cast<char>(c);
    else return std::nullopt;
  }
  if (s.empty()) return std::nullopt;
  // The decimal separator is the last '.' or ',' when two or fewer digits follow it; the others group thousands.
  auto last = s.find_last_of(".,");
  std::string whole = s, fraction;
  if (last != std::string::npos && s.size() - last - 1 <= 2 &&
      (s.size() - last - 1 > 0 || last == s.size() - 1)) {
    whole = s.substr(0, last);
    fraction = s.substr(last + 1);
  }
  // Thousands come in groups of three: "1.234.567", not "1.2.3".
  std::string digits;
  std::size_t group = 0;
  bool grouped = false;
  for (char c : whole) {
    if (c == '.' || c == ',') {
      if ((grouped && group != 3) || (!grouped && (group == 0 || group > 3))) return std::nullopt;
      grouped = true;
      group = 0;
    } else {
      digits += c;
      ++group;
    }
  }
  if (grouped && group != 3) return std::nullopt;
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  while (fraction.size() < 2) fraction += '0';
  std::int64_t cents = std::stoll(digits) * 100 + std::stoll(fraction);
  if (cents > 100000000000000LL) return std::nullopt;
  return cents;
}

std::string budget_decimal(std::int64_t cents) {
  std::string out = std::to_string(cents / 100);
  std::int64_t rest = cents % 100;
  out += rest < 10 ? ".0" + std::to_string(rest) : "." + std::to_string(rest);
  return out;
}

FieldErrors validate(const Indicator& i) {
  FieldErrors e;
  if (i.name.empty() || i.name.size() > 300 || !text::valid_utf8(i.name)) e["name"] = "plan.error.indicator_name";
  if (i.unit.size() > 60 || !text::valid_utf8(i.unit)) e["unit"] = "plan.error.unit";
  if (!one_of(kValueTypes, i.value_type)) {
    e["value_type"] = "plan.error.value_type";
    return e;
  }
  if (i.baseline && !fits(i.value_type, *i.baseline)) e["baseline"] = "plan.error.value_" + i.value_type;
  if (i.target && !fits(i.value_type, *i.target)) e["target"] = "plan.error.value_" + i.value_type;
  if (!i.target_on.empty() && !dates::valid_iso(i.target_on)) e["target_on"] = "plan.error.date";
  return e;
}

bool fits(std::string_view value_type, double value) {
  if (!std::isfinite(value) || std::fabs(value) > 1e15) return false;
  if (value_type == "integer") return value == std::floor(value);
  if (value_type == "percentage") return value >= 0 && value <= 100;
  return value_type == "decimal";
}

std::optional<double> parse_value(std::string_view value_type, std::string_view text) {
  std::string s(text::trim(text));
  if (s.empty() || s.size() > 40) return std::nullopt;
  bool seen_digit = false, seen_point = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ',') c = s[i] = '.';  // a decimal comma (nl, fr)
    if (std::isdigit(static_cast<unsigned char>(c))) seen_digit = true;
    else if (c == '.' && !seen_point) seen_point = true;
    else if ((c == '-' || c == '+') && i == 0) continue;
    else return std::nullopt;
  }
  if (!seen_digit) return std::nullopt;
  double v = std::strtod(s.c_str(), nullptr);
  if (!fits(value_type, v)) return std::nullopt;
  return v;
}

FieldErrors validate(const IndicatorValue& v, std::string_view value_type) {
  FieldErrors e;
  if (!dates::valid_iso(v.measured_on)) e["measured_on"] = "plan.error.date";
  if (!fits(value_type, v.value)) e["value"] = "plan.error.value_" + std::string(value_type);
  if (v.note.size() > 2000 || !text::valid_utf8(v.note)) e["note"] = "plan.error.note";
  return e;
}

StatusCounts count_statuses(const std::vector<const Item*>& items) {
  StatusCounts out;
  for (auto s : kStatuses) out[std::string(s)] = 0;
  for (const Item* i : items) ++out[i->status];
  return out;
}

bool overdue(const Item& i, std::string_view today) {
  return i.kind == "action" && !i.ends_on.empty() && i.ends_on < today && i.status != "done" && i.status != "dropped";
}

Tree::Tree(const std::vector<Item>& items) {
  for (const auto& i : items) by_id_[i.id] = &i;
  for (const auto& i : items) {
    // An item whose parent is not in the list (archived, or another filter) shows at the top.
    const std::string& parent = by_id_.count(i.parent_id) ? i.parent_id : std::string();
    children_[parent].push_back(&i);
  }
}

const Item* Tree::find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

const std::vector<const Item*>& Tree::children(const std::string& id) const {
  static const std::vector<const Item*> none;
  auto it = children_.find(id);
  return it == children_.end() ? none : it->second;
}

std::vector<const Item*> Tree::descendants(const std::string& id) const {
  std::vector<const Item*> out;
  std::vector<const Item*> stack;
  std::set<const Item*> seen;  // a stored cycle cannot loop here
  const auto& first = children(id);
  for (auto it = first.rbegin(); it != first.rend(); ++it) stack.push_back(*it);
  while (!stack.empty()) {
    const Item* at = stack.back();
    stack.pop_back();
    if (!seen.insert(at).second) continue;
    out.push_back(at);
    const auto& kids = children(at->id);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

const Item* Tree::objective_of(const std::string& id) const {
  const Item* at = find(id);
  for (int depth = 0; at && depth < 1000; ++depth) {
    if (at->kind == "objective") return at;
    at = find(at->parent_id);
  }
  return nullptr;
}

std::vector<DiffLine> diff_lines(std::string_view before, std::string_view after) {
  auto split = [](std::string_view s) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos <= s.size()) {
      auto nl = s.find('\n', pos);
      std::string line(s.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(std::move(line));
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
    if (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
  };
  auto a = split(before), b = split(after);
  std::vector<DiffLine> out;
  // Texts of a few thousand lines: the full table stays small. Longer ones are shown whole, replaced.
  if (a.size() * b.size() > 4000000) {
    for (auto& l : a) out.push_back({'-', l});
    for (auto& l : b) out.push_back({'+', l});
    return out;
  }
  std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      out.push_back({' ', a[i]});
      ++i, ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push_back({'+', b[j++]});
    } else {
      out.push_back({'-', a[i++]});
    }
  }
  return out;
}

}  // namespace samen::plan
