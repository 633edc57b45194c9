// Search over the service map: one interface, two engines. On SQLite a Xapian
// index in the data directory; on PostgreSQL the database's own full-text
// search (so every server process on one database sees a change at once).
// Both fold case and accents (ICU), stem nl/fr/en, expand synonyms across
// languages through the taxonomy, suggest as you type and correct typos.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"
#include "store/database.hpp"

namespace samen::directory {

enum class CostFilter { any, free, paid, income_related };

struct SearchFilters {
  std::optional<double> age_years;             // the child's age: min_age <= age <= max_age
  std::vector<std::string> municipalities;     // NIS codes (see brussels.hpp)
  std::vector<std::string> languages;          // ISO 639-1 codes a service is offered in
  std::vector<std::string> categories;         // taxonomy_term ids (a parent matches its children)
  CostFilter cost = CostFilter::any;
  std::optional<int> open_weekday;             // 0 = Monday .. 6 = Sunday
  std::optional<std::int64_t> open_at;         // unix seconds: open at that moment (Europe/Brussels)
  std::optional<std::string> organization_id;
};

struct SearchQuery {
  std::string text;  // any bytes; engines must cope with empty, huge or invalid input
  i18n::Lang lang = i18n::kDefaultLang;
  SearchFilters filters;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
  // Every match in rank order, whatever offset and limit say (the HSDS API
  // pages through them after its own filters, and reports the true total).
  bool every_match = false;
};

struct SearchHit {
  std::string service_id;
  double score = 0;
  std::string card;  // encode_card form (service_card.hpp): what the result list shows
};

struct SearchResult {
  std::int64_t total = 0;             // estimated or exact number of matches
  // There are more matches than total (PostgreSQL does not count every match
  // of a broad search): the finder says "more than N services".
  bool more_than_total = false;
  // That there are more was estimated from a sample of the services, not
  // counted (PostgreSQL): the finder says so.
  bool estimated = false;
  std::vector<SearchHit> hits;
  std::vector<std::string> highlight; // words to mark in the results (as typed and their matches)
  std::optional<std::string> did_you_mean;
  double engine_ms = 0;               // time spent in the engine itself (or in the cache)
  bool cached = false;                // answered from the result cache
};

class ServiceSearch {
 public:
  virtual ~ServiceSearch() = default;
  // The engine for this database: PostgreSQL full-text search, or Xapian in
  // data_dir/search. Identical searches within `result_ttl` share one answer
  // (0 = no cache); every reindex in this process empties the cache, so only
  // another process's writes can take up to result_ttl to show.
  static std::unique_ptr<ServiceSearch> create(store::Database& db, const std::filesystem::path& data_dir,
                                               std::chrono::milliseconds result_ttl = std::chrono::milliseconds(0));

  virtual SearchResult search(const SearchQuery& q) = 0;
  // As-you-type completions for a prefix (service names and category labels).
  virtual std::vector<std::string> suggest(std::string_view prefix, i18n::Lang lang, std::size_t limit) = 0;
  // Brings the index up to date for one service after a committed write
  // (archived or deleted services disappear from results).
  virtual void reindex_service(const std::string& service_id) = 0;
  // The same for many services at once (one commit: imports of a few hundred).
  virtual void reindex_services(const std::vector<std::string>& service_ids) {
    for (const auto& id : service_ids) reindex_service(id);
  }
  // Rebuilds the whole index (after a large import, or at start when missing).
  virtual void rebuild() = 0;
  virtual std::string engine_name() const = 0;
  // The languages (ISO 639 codes, sorted) searchable services are offered in: the finder's language filter.
  virtual std::vector<std::string> offered_languages() = 0;
};

// A search index built while a bulk write stores services, instead of after
// it: the writer hands over each batch of services it stored, inside its
// transaction, and the engine's threads read them back on the writer's
// connection and index them while the writer goes on (the two cores busy
// where storing kept one). The index is built beside the live one and goes
// live after the commit. Only for Xapian (SQLite) and a database without
// services yet: start() returns nothing otherwise, and the engine brings its
// index up to date after the commit as it always does. A build abandoned
// (services out of id order, an indexing error) leaves that to the engine too.
class BulkIndexBuild {
 public:
  virtual ~BulkIndexBuild() = default;
  // On the transaction's connection, before the first service is stored.
  static std::unique_ptr<BulkIndexBuild> start(store::Connection& c, const std::filesystem::path& data_dir);
  // Services just stored on the connection, in increasing id order (the
  // order a rebuild indexes them in).
  virtual void add(const std::vector<std::string>& service_ids) = 0;
  // Held around every other use of the connection while the build runs (its
  // threads read on it in turns).
  virtual std::unique_lock<std::mutex> hold_connection() = 0;
  // Before the commit: waits until every service is read back and records
  // the index's generation in the transaction. Destroying the build before
  // finish() stops its threads (do so before a rollback).
  virtual void finish() = 0;
  // After the commit: waits for the index to be written (its last writes
  // overlap the commit) and puts it live; false when the build was abandoned.
  virtual bool publish() = 0;
};

}  // namespace samen::directory
