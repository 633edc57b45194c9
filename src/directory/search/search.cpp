// ServiceSearch::create: picks the engine that fits the database. SQLite
// deployments search a Xapian index in DATA_DIR/search; PostgreSQL
// deployments use the database's own full-text search so that every server
// process sharing the database sees the same, current index. Also the small
// pieces both engines share (search_engines.hpp).
#include "directory/search/search.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <stdexcept>

#include "app/ttl_cache.hpp"
#include "directory/model/schedule.hpp"
#include "directory/search/search_document.hpp"
#include "directory/search/search_engines.hpp"
#include "util/text_fold.hpp"

namespace samen::directory {

namespace {

// The engine behind a short-lived result cache. A results page asks for the
// same searches again and again (the popular words, the pages of a category);
// the cache answers those from memory until the entry is result_ttl old or
// this process re-indexes anything.
class CachedSearch : public ServiceSearch {
 public:
  CachedSearch(std::unique_ptr<ServiceSearch> engine, std::chrono::milliseconds ttl)
      : engine_(std::move(engine)), results_(ttl, kEntries) {}

  SearchResult search(const SearchQuery& q) override {
    const auto start = std::chrono::steady_clock::now();
    bool made = false;
    // The key carries the index generation: a search that began before a
    // reindex and ends after it stores its (old) answer where nobody looks.
    const std::string key = std::to_string(generation_.load()) + '\x1d' + key_of(q);
    SearchResult result = results_.get_or_make(key, [&] { return engine_->search(q); }, &made);
    if (!made) {
      result.cached = true;
      result.engine_ms = detail::elapsed_ms(start);
    }
    return result;
  }
  std::vector<std::string> suggest(std::string_view prefix, i18n::Lang lang, std::size_t limit) override {
    return engine_->suggest(prefix, lang, limit);
  }
  void reindex_service(const std::string& service_id) override {
    engine_->reindex_service(service_id);
    changed();
  }
  void reindex_services(const std::vector<std::string>& service_ids) override {
    engine_->reindex_services(service_ids);
    changed();
  }
  void rebuild() override {
    engine_->rebuild();
    changed();
  }
  std::string engine_name() const override { return engine_->engine_name(); }
  std::vector<std::string> offered_languages() override { return engine_->offered_languages(); }

 private:
  static constexpr std::size_t kEntries = 2000;

  // Every field of the query; "open now" by the minute.
  static std::string key_of(const SearchQuery& q) {
    const SearchFilters& f = q.filters;
    std::string k = std::string(i18n::code(q.lang)) + '\x1f' + std::to_string(q.offset) + '\x1f' +
                    std::to_string(q.limit) + (q.every_match ? "*" : "") + '\x1f' + std::to_string(static_cast<int>(f.cost)) + '\x1f' +
                    (f.age_years ? std::to_string(*f.age_years) : "-") + '\x1f' +
                    (f.open_weekday ? std::to_string(*f.open_weekday) : "-") + '\x1f' +
                    (f.open_at ? std::to_string(*f.open_at / 60) : "-") + '\x1f' + f.organization_id.value_or("-");
    for (const auto* list : {&f.municipalities, &f.languages, &f.categories}) {
      k += '\x1e';
      for (const auto& v : *list) k += v + '\x1f';
    }
    return k + '\x1e' + q.text;
  }

  // After the engine has the change (not before: a search in between would
  // read the old index and file it under the new generation).
  void changed() {
    generation_.fetch_add(1);
    results_.clear();
  }

  std::unique_ptr<ServiceSearch> engine_;
  app::TtlCache<SearchResult> results_;
  std::atomic<std::uint64_t> generation_{0};
};

}  // namespace

std::unique_ptr<ServiceSearch> ServiceSearch::create(store::Database& db, const std::filesystem::path& data_dir,
                                                     std::chrono::milliseconds result_ttl) {
  std::unique_ptr<ServiceSearch> engine = db.dialect() == store::Dialect::postgres
                                              ? detail::make_postgres_search(db)
                                              : detail::make_xapian_search(db, data_dir / "search");
  if (result_ttl.count() <= 0) return engine;
  return std::make_unique<CachedSearch>(std::move(engine), result_ttl);
}

std::unique_ptr<BulkIndexBuild> BulkIndexBuild::start(store::Connection& c, const std::filesystem::path& data_dir) {
  // PostgreSQL's index lives in the database: nothing to build beside it.
  if (c.dialect() != store::Dialect::sqlite) return nullptr;
  return detail::start_xapian_bulk_build(c, data_dir / "search");
}

namespace detail {

std::shared_ptr<const SynonymDictionary> SynonymCache::get() {
  return dict_.get([&] {
    auto lease = db_.acquire();
    return std::make_shared<const SynonymDictionary>(SynonymDictionary::load(*lease));
  });
}

void SynonymCache::invalidate() { dict_.forget(); }

std::string new_generation() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

Page page_of(const SearchQuery& q) {
  Page p;
  if (q.every_match) {
    p.limit = kMaxEveryMatch;
    return p;
  }
  p.offset = static_cast<std::size_t>(std::clamp<std::int64_t>(q.offset, 0, 10000));
  p.limit = static_cast<std::size_t>(std::clamp<std::int64_t>(q.limit, 0, 100));
  return p;
}

std::vector<std::string> suggest_labels(std::string_view prefix, std::size_t limit, const SuggestionScan& scan) {
  const std::string key = label_key(text::clean_utf8(prefix, kMaxQueryChars));
  if (key.empty() || limit == 0) return {};
  struct Candidate {
    bool starts = false;  // the label itself starts with the typed text (not only a later word)
    std::int64_t services = 0;
  };
  // One entry per label, keeping its best standing.
  std::map<std::string, Candidate> best;
  scan(key, [&](std::string label, std::int64_t services) {
    const bool starts = label_key(label).starts_with(key);
    auto [it, inserted] = best.try_emplace(std::move(label), Candidate{starts, services});
    if (!inserted) {
      it->second.starts = it->second.starts || starts;
      it->second.services = std::max(it->second.services, services);
    }
  });
  std::vector<std::pair<std::string, Candidate>> ranked(std::make_move_iterator(best.begin()),
                                                        std::make_move_iterator(best.end()));
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.starts != b.second.starts) return a.second.starts;
    if (a.second.services != b.second.services) return a.second.services > b.second.services;
    return a.first < b.first;
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && out.size() < limit; ++i) out.push_back(std::move(ranked[i].first));
  return out;
}

void filter_open_at(std::int64_t moment, const Page& page,
                    const std::function<CandidateBatch(std::size_t offset, std::size_t count)>& fetch,
                    SearchResult& result) {
  std::size_t checked = 0, open = 0;
  std::int64_t candidates = 0;
  bool exhausted = false;
  result.hits.clear();
  // A first batch just beyond the page (most candidates are open), then bigger ones.
  std::size_t batch_size = std::clamp<std::size_t>(page.offset + page.limit + 20, 100, kOpenAtBatch);
  while (checked < kMaxOpenAtCandidates) {
    CandidateBatch batch = fetch(checked, batch_size);
    candidates = batch.candidates;
    for (auto& c : batch.items) {
      ++checked;
      if (!is_open_at(decode_hours(c.hours), moment)) continue;
      if (open >= page.offset && result.hits.size() < page.limit)
        result.hits.push_back({std::move(c.service_id), c.score, std::move(c.card)});
      ++open;
    }
    if (batch.items.size() < batch_size) {
      exhausted = true;
      break;
    }
    if (result.hits.size() >= page.limit) break;  // the page is full: estimate the rest
    batch_size = kOpenAtBatch;
  }
  if (exhausted || checked == 0) {
    result.total = static_cast<std::int64_t>(open);
  } else {
    const double share = static_cast<double>(open) / static_cast<double>(checked);
    result.total = std::max<std::int64_t>(static_cast<std::int64_t>(open),
                                          static_cast<std::int64_t>(share * static_cast<double>(candidates) + 0.5));
  }
}

void give_up_search(SearchResult& result, const std::string& why) {
  spdlog::error("search failed: {}", why);
  result.hits.clear();
  result.total = 0;
}

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace detail
}  // namespace samen::directory
