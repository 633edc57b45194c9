// Reading /services query strings into a SearchQuery: every value is
// checked, unusable ones are dropped with a note for the form, and the
// usable ones are written back into links (pages, map, "did you mean").
#include "directory/finder/finder_params.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "core/brussels.hpp"
#include "directory/model/schedule.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"
#include "util/text_fold.hpp"

namespace samen::directory {

namespace {

constexpr std::array<std::string_view, 7> kDayCodes = {"mo", "tu", "we", "th", "fr", "sa", "su"};

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool is_language_code(std::string_view s) {
  return s.size() >= 2 && s.size() <= 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

class Parser {
 public:
  Parser(const FinderEnvironment& env, FinderRequest& r) : env_(env), r_(r) {}

  void field(const std::string& name, const std::string& raw) {
    std::string v = text::trimmed(raw);
    if (name == "q") text(raw);
    else if (name == "age") r_.age = v;
    else if (name == "birth") r_.birth = v;
    else if (name == "municipality") municipality(v);
    else if (name == "language") language(v);
    else if (name == "category") category(v);
    else if (name == "cost") cost(v);
    else if (name == "open") open(v);
    else if (name == "page") page(v);
    else if (name == "view") r_.map_view = v == "map";
  }

  // Age and birth date together: the age wins when both are given.
  void child_age() {
    auto& f = r_.query.filters;
    if (!r_.age.empty()) {
      auto age = parse_age(r_.age);
      if (age && *age >= 0 && *age <= kMaxChildAge) f.age_years = *age;
      else problem("age", "finder.problem.age");
    }
    if (!r_.birth.empty() && !f.age_years) {
      auto days = dates::valid_iso(r_.birth) ? dates::days_between(r_.birth, env_.today) : std::nullopt;
      if (!days) problem("birth", "finder.problem.birth");
      else if (*days < 0) problem("birth", "finder.problem.birth_future");
      else if (*days / 365.2425 > kMaxChildAge) problem("birth", "finder.problem.birth_too_old");
      else f.age_years = std::floor(*days / 365.2425 * 10) / 10;  // tenths of a year
    }
  }

 private:
  void problem(const std::string& field, const std::string& key) {
    if (!r_.has_problem(field)) r_.problems.push_back({field, key});
  }

  void text(const std::string& raw) {
    std::string clean = text::clean_utf8(raw, kMaxQueryCodePoints);
    if (text::code_points(text::clean_utf8(raw)) > kMaxQueryCodePoints) problem("q", "finder.problem.q_long");
    r_.q = text::trimmed(clean);
    r_.query.text = r_.q;
  }

  void municipality(const std::string& v) {
    if (v.empty()) return;
    if (core::municipality_by_nis(v)) add_unique(r_.municipalities, v);
    else problem("municipality", "finder.problem.municipality");
  }

  void language(const std::string& raw) {
    std::string v = lower_ascii(raw);
    if (v.empty()) return;
    if (is_language_code(v)) add_unique(r_.languages, v);
    else problem("language", "finder.problem.language");
  }

  void category(const std::string& v) {
    if (v.empty()) return;
    if (std::find(env_.category_ids.begin(), env_.category_ids.end(), v) != env_.category_ids.end())
      add_unique(r_.categories, v);
    else problem("category", "finder.problem.category");
  }

  void cost(const std::string& raw) {
    std::string v = lower_ascii(raw);
    if (v.empty() || v == "any") return;
    if (v == "free") r_.query.filters.cost = CostFilter::free;
    else if (v == "paid") r_.query.filters.cost = CostFilter::paid;
    else if (v == "income_related") r_.query.filters.cost = CostFilter::income_related;
    else return problem("cost", "finder.problem.cost");
    r_.cost = v;
  }

  void open(const std::string& raw) {
    std::string v = lower_ascii(raw);
    if (v.empty() || v == "any") return;
    auto& f = r_.query.filters;
    if (v == "now") {
      f.open_at = env_.now;
      f.open_weekday.reset();
      r_.open = v;
      return;
    }
    for (int d = 0; d < 7; ++d)
      if (v == kDayCodes[static_cast<std::size_t>(d)]) {
        f.open_weekday = d;
        f.open_at.reset();
        r_.open = v;
        return;
      }
    problem("open", "finder.problem.open");
  }

  void page(const std::string& v) {
    int n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty()) return;
    if (ec != std::errc() || end != v.data() + v.size() || n < 1 || n > kMaxPage) {
      problem("page", "finder.problem.page");
      r_.page = 1;
    } else {
      r_.page = n;
    }
  }

  const FinderEnvironment& env_;
  FinderRequest& r_;
};

void append(std::string& qs, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  if (!qs.empty()) qs += '&';
  qs += name;
  qs += '=';
  qs += http::url_encode(value);
}

}  // namespace

bool FinderRequest::has_filters() const {
  const auto& f = query.filters;
  return f.age_years || !municipalities.empty() || !languages.empty() || !categories.empty() ||
         f.cost != CostFilter::any || f.open_at || f.open_weekday;
}

bool FinderRequest::has_problem(const std::string& field) const {
  return std::any_of(problems.begin(), problems.end(), [&](const FinderProblem& p) { return p.field == field; });
}

std::string FinderRequest::query_string(bool with_page, bool with_view) const {
  std::string qs;
  append(qs, "q", q);
  if (!has_problem("age")) append(qs, "age", age);
  if (!has_problem("birth") && age.empty()) append(qs, "birth", birth);
  for (const auto& m : municipalities) append(qs, "municipality", m);
  for (const auto& l : languages) append(qs, "language", l);
  for (const auto& c : categories) append(qs, "category", c);
  append(qs, "cost", cost);
  append(qs, "open", open);
  if (with_view && map_view) append(qs, "view", "map");
  if (with_page && page > 1) append(qs, "page", std::to_string(page));
  append(qs, "lang", i18n::code(query.lang));
  return qs;
}

std::optional<double> parse_age(std::string_view s) {
  std::string t = text::trimmed(s);
  std::replace(t.begin(), t.end(), ',', '.');
  if (t.empty() || t.size() > 12) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool has_unreadable_field(std::string_view raw_query, std::string_view name) {
  while (!raw_query.empty()) {
    auto amp = raw_query.find('&');
    std::string_view pair = raw_query.substr(0, amp);
    auto eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      try {
        if (!text::valid_utf8(http::percent_decode(value, true))) return true;
      } catch (const http::FormError&) {
        return true;
      }
    }
    if (amp == std::string_view::npos) break;
    raw_query.remove_prefix(amp + 1);
  }
  return false;
}

FinderRequest parse_finder_request(const http::Fields& fields, bool q_unreadable, const FinderEnvironment& env) {
  FinderRequest r;
  r.query.lang = env.lang;
  Parser p(env, r);
  for (const auto& [name, value] : fields) p.field(name, value);
  p.child_age();
  if (q_unreadable && r.q.empty() && !r.has_problem("q")) r.problems.push_back({"q", "finder.problem.q_unreadable"});
  auto& f = r.query.filters;
  f.municipalities = r.municipalities;
  f.languages = r.languages;
  f.categories = r.categories;
  r.query.offset = static_cast<std::int64_t>(r.page - 1) * kResultsPerPage;
  r.query.limit = kResultsPerPage;
  return r;
}

}  // namespace samen::directory
