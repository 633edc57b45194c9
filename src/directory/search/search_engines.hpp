// Internal to the search module: the two engines behind ServiceSearch::create
// (search_xapian.cpp for SQLite deployments, search_postgres.cpp for
// PostgreSQL) and what they share: the synonym cache, settings access,
// paging limits and timing. Not for use outside src/directory/search/.
#pragma once
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "directory/search/search.hpp"
#include "directory/search/search_analysis.hpp"
#include "store/settings.hpp"

namespace samen::directory::detail {

std::unique_ptr<ServiceSearch> make_xapian_search(store::Database& db, const std::filesystem::path& index_dir);
std::unique_ptr<ServiceSearch> make_postgres_search(store::Database& db);
// BulkIndexBuild::start for Xapian (nothing when the database has services or another process writes the index).
std::unique_ptr<BulkIndexBuild> start_xapian_bulk_build(store::Connection& c, const std::filesystem::path& index_dir);

// A value read again when older than max_age (what it was read from may
// change in another process) or after forget(). Loads under its lock.
template <class T>
class ExpiringValue {
 public:
  explicit ExpiringValue(std::chrono::steady_clock::duration max_age) : max_age_(max_age) {}
  template <class Load>
  T get(Load load) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    if (!value_ || now - read_at_ > max_age_) {
      value_ = load();
      read_at_ = now;
    }
    return *value_;
  }
  void forget() {
    std::lock_guard lock(mutex_);
    value_.reset();
  }

 private:
  const std::chrono::steady_clock::duration max_age_;
  std::mutex mutex_;
  std::optional<T> value_;
  std::chrono::steady_clock::time_point read_at_{};
};

// The synonym groups, reloaded from search_synonyms at most every few
// seconds (so an edit shows up in every process without a restart).
class SynonymCache {
 public:
  explicit SynonymCache(store::Database& db) : db_(db) {}
  std::shared_ptr<const SynonymDictionary> get();
  void invalidate();

 private:
  store::Database& db_;
  ExpiringValue<std::shared_ptr<const SynonymDictionary>> dict_{std::chrono::seconds(5)};
};

using store::read_setting;  // store/settings.hpp
using store::write_setting;
// A random token (hex) naming one build of an index.
std::string new_generation();

// Paging within sane bounds (offset 0..10,000, limit 0..100), or every match
// (up to kMaxEveryMatch) when the query asks for them all.
inline constexpr std::size_t kMaxEveryMatch = 1'000'000;
struct Page {
  std::size_t offset = 0, limit = 20;
};
Page page_of(const SearchQuery& q);

// open_at: candidates (already narrowed by their hour-of-week terms) are
// checked against their opening hours in batches. The total is exact when
// every candidate was checked, else estimated from the share found open.
inline constexpr std::size_t kOpenAtBatch = 500;
inline constexpr std::size_t kMaxOpenAtCandidates = 5000;
struct HoursCandidate {
  std::string service_id;
  double score = 0;
  std::string hours;  // encode_hours form
  std::string card;
};
struct CandidateBatch {
  std::vector<HoursCandidate> items;
  std::int64_t candidates = 0;  // all candidates (estimated)
};
void filter_open_at(std::int64_t moment, const Page& page,
                    const std::function<CandidateBatch(std::size_t offset, std::size_t count)>& fetch,
                    SearchResult& result);
// Matches are counted no further than this (past the page asked for); a
// broader search reports "more than" this many (SearchResult::more_than_total)
// instead of an exact count that read a heap page per match (PostgreSQL) or
// weighed every match (Xapian). Tests lower PostgreSQL's to reach that case
// with a few services.
inline constexpr std::int64_t kExactRankLimit = 500;
void set_postgres_exact_rank_limit(std::int64_t limit);
// PostgreSQL: how many rows a broad search's tier walks along an index
// before it reads the tier from the GIN indexes instead (search_postgres.cpp).
// Tests set 0 (never walk) and a large number (always walk) to compare them.
inline constexpr std::int64_t kPostgresWalkRows = 2000;
void set_postgres_walk_rows(std::int64_t rows);
// PostgreSQL: whether a query asks for a synonym group's concept term (when
// the index was built with the query's dictionary) or for its members' words.
// Tests turn it off to compare the two.
void set_postgres_concept_terms(bool on);
// Xapian: a rebuild commits its fresh index every this many services
// (search_xapian.cpp says why). Tests lower it so a few services span
// several commits.
inline constexpr std::size_t kXapianRebuildCommitEvery = 250;
void set_xapian_rebuild_commit_every(std::size_t services);
// Xapian: loader threads of a rebuild (reading and analysing services while
// one thread writes the index; 0: one per core but the writer's, at least
// two), and services per batch they read. Tests change them to check that
// the index does not depend on them.
inline constexpr std::size_t kXapianRebuildLoaders = 0;
void set_xapian_rebuild_loaders(std::size_t loaders, std::size_t batch = kServiceBatch);

// Candidates scanned for suggestions.
inline constexpr std::size_t kMaxSuggestScan = 2000;

// As-you-type suggestions, the part both engines share: the typed prefix
// becomes a label key, the engine's `scan` lists the labels it holds for
// that key (at most kMaxSuggestScan, each with the number of services
// carrying it), and the labels starting with the typed text come first,
// then the most used, then alphabetically. Nothing is scanned for an empty
// key or limit.
using SuggestionSink = std::function<void(std::string label, std::int64_t services)>;
using SuggestionScan = std::function<void(const std::string& key, const SuggestionSink& add)>;
std::vector<std::string> suggest_labels(std::string_view prefix, std::size_t limit, const SuggestionScan& scan);

double elapsed_ms(std::chrono::steady_clock::time_point since);

// A search the engine could not run (logged with `why`) finds nothing: the
// finder shows "no results", never an error page.
void give_up_search(SearchResult& result, const std::string& why);

}  // namespace samen::directory::detail
