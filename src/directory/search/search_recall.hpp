// Recall and precision of the service search on a set of queries as families
// type them (tests/directory/search/recall_queries.tsv): each query names the
// category whose services it must find. Used by a test on both engines and by
// `samen search-recall` (bench/directory.sh prints its figures).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "directory/search/search.hpp"
#include "i18n/i18n.hpp"
#include "store/database.hpp"

namespace samen::directory {

struct RecallQuery {
  i18n::Lang lang = i18n::kDefaultLang;
  std::string text;
  std::string category;  // a family taxonomy code ("childcare")
};

// Lines "lang<TAB>query<TAB>category"; blank lines and # comments are skipped.
// Throws std::invalid_argument naming the line of a malformed one.
std::vector<RecallQuery> parse_recall_queries(std::string_view tsv);

struct QueryRecall {
  RecallQuery query;
  std::int64_t expected = 0;  // services of the category
  std::int64_t found = 0;     // of those, in the results
  std::int64_t hits = 0;      // all results
};

struct RecallReport {
  std::vector<QueryRecall> queries;
  std::int64_t expected = 0, found = 0, hits = 0;
  double recall() const { return expected ? static_cast<double>(found) / static_cast<double>(expected) : 1; }
  double precision() const { return hits ? static_cast<double>(found) / static_cast<double>(hits) : 1; }
};

// The services each query must find are the searchable services carrying its
// category (or a term below it); results are every match (SearchQuery::every_match).
RecallReport measure_recall(store::Connection& c, ServiceSearch& engine, const std::vector<RecallQuery>& queries);

}  // namespace samen::directory
