// The public finder's search parameters: the query string of /services
// (q, age or birth date, municipality, language, category, cost, open, page,
// view) read into a SearchQuery, with a note per value that could not be
// used (never an error page), and written back into links. No I/O.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "directory/search/search.hpp"
#include "http/forms.hpp"

namespace samen::directory {

inline constexpr std::int64_t kResultsPerPage = 20;
inline constexpr int kMaxPage = 500;                // the engines page up to 10,000 results
inline constexpr std::size_t kMaxQueryCodePoints = 200;
inline constexpr double kMaxChildAge = 25;
inline constexpr std::int64_t kMaxMapPoints = 100;  // services on the map (the engines' page limit)

// A value that could not be used: the form field and the catalog key of the explanation.
struct FinderProblem {
  std::string field;
  std::string message_key;
};

struct FinderRequest {
  SearchQuery query;  // ready for the engine: text, filters, offset and limit of the page
  // What the form shows again (the text fields as typed, so they can be corrected).
  std::string q, age, birth, cost, open;
  std::vector<std::string> municipalities, languages, categories;
  int page = 1;
  bool map_view = false;
  std::vector<FinderProblem> problems;

  bool has_filters() const;
  bool has_problem(const std::string& field) const;
  // A query string ("q=...&age=...") of the usable values; page > 1 only when asked.
  std::string query_string(bool with_page = false, bool with_view = true) const;
};

// What parsing needs to know about the moment and the data.
struct FinderEnvironment {
  std::int64_t now = 0;
  std::string today;                        // ISO date in Brussels
  std::vector<std::string> category_ids;    // known taxonomy term ids
  i18n::Lang lang = i18n::kDefaultLang;
};

// q_unreadable: the raw query string had a q that was not valid UTF-8 (and was dropped by the parser).
FinderRequest parse_finder_request(const http::Fields& fields, bool q_unreadable, const FinderEnvironment& env);

// True when a raw query string carries a q field that does not decode to valid UTF-8.
bool has_unreadable_field(std::string_view raw_query, std::string_view name);

// "2,5" or "2.5" → 2.5; nullopt for anything else (or not finite).
std::optional<double> parse_age(std::string_view s);

}  // namespace samen::directory
