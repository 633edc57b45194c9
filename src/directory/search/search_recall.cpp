// Recall and precision of the service search on a query set (see search_recall.hpp).
#include "directory/search/search_recall.hpp"

#include <map>
#include <set>
#include <stdexcept>

#include "directory/model/taxonomy.hpp"

namespace samen::directory {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

// The searchable services of a category: its term or a term below it.
std::set<std::string> services_of(store::Connection& c, const std::string& code) {
  std::set<std::string> ids;
  auto term = family_term_id(code);
  if (!term) throw std::invalid_argument("unknown category code: " + code);
  for (const auto& r : c.exec("SELECT DISTINCT s.id FROM services s JOIN attributes a ON a.link_id = s.id JOIN "
                              "taxonomy_terms t ON t.id = a.taxonomy_term_id WHERE (t.id = ? OR t.parent_id = ?) "
                              "AND s.status = 'active' AND s.archived_at IS NULL",
                              {*term, *term})
                           .rows)
    ids.insert(r.text(0));
  return ids;
}

}  // namespace

std::vector<RecallQuery> parse_recall_queries(std::string_view tsv) {
  std::vector<RecallQuery> out;
  std::size_t number = 0;
  while (!tsv.empty()) {
    auto end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv = end == std::string_view::npos ? std::string_view() : tsv.substr(end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto cols = split_tabs(line);
    auto lang = cols.size() == 3 ? i18n::parse_lang(cols[0]) : std::nullopt;
    if (!lang || cols[1].empty() || cols[2].empty())
      throw std::invalid_argument("line " + std::to_string(number) + ": expected language<TAB>query<TAB>category");
    out.push_back({*lang, std::string(cols[1]), std::string(cols[2])});
  }
  return out;
}

RecallReport measure_recall(store::Connection& c, ServiceSearch& engine, const std::vector<RecallQuery>& queries) {
  RecallReport report;
  std::map<std::string, std::set<std::string>> expected_of;  // category → services
  for (const auto& q : queries) {
    auto [it, inserted] = expected_of.try_emplace(q.category);
    if (inserted) it->second = services_of(c, q.category);
    const auto& expected = it->second;
    SearchQuery sq;
    sq.text = q.text;
    sq.lang = q.lang;
    sq.every_match = true;
    const auto result = engine.search(sq);
    QueryRecall qr{q, static_cast<std::int64_t>(expected.size()), 0, static_cast<std::int64_t>(result.hits.size())};
    for (const auto& h : result.hits) qr.found += expected.count(h.service_id) ? 1 : 0;
    report.expected += qr.expected;
    report.found += qr.found;
    report.hits += qr.hits;
    report.queries.push_back(std::move(qr));
  }
  return report;
}

}  // namespace samen::directory
