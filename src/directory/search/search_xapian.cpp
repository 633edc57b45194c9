// The Xapian search engine (SQLite deployments): an index in DATA_DIR/search
// with one document per searchable service. One writer per index directory
// in this process (shared by every engine instance, guarded by a mutex);
// searches use a pool of readers that reopen after each commit. A rebuild
// writes a fresh index beside the live one and swaps the directories; a bulk
// write can have one built while it stores (XapianBulkBuild).
#include <fcntl.h>
#include <time.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <stop_token>
#include <thread>
#include <unordered_map>

#include "directory/search/search_engines.hpp"
#include "util/text.hpp"
#include "util/text_fold.hpp"

namespace samen::directory::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFormat = "7";  // bump when the terms or slots change: forces a rebuild
constexpr std::string_view kGenerationSetting = "search.xapian_generation";
constexpr Xapian::valueno kMinAgeSlot = 0, kMaxAgeSlot = 1, kIdSlot = 2, kSortSlot = 3;  // 3, 4, 5: nl, fr, en
constexpr Xapian::valueno kHoursSlot = 6;
constexpr Xapian::valueno kLabelsSlot = 7;  // its suggestion labels (see suggestion_keys)
// The result card, in a value slot rather than the document's data: Xapian compresses every data entry with
// zlib and values not, and that compression cost a tenth of a searchable import's instructions (callgrind,
// 3,000 demo services: 7.37 G -> 6.63 G) for an index a fifth smaller.
constexpr Xapian::valueno kCardSlot = 8;
constexpr std::size_t kMaxTermBytes = 240;
// Changed services indexed one by one; more (a bulk import) rebuild the index.
constexpr std::size_t kMaxCatchUp = 2000;
// How often the index looks for changes written by another process (an
// import-hsds beside a running server): the writer catches up from the
// database, readers of an index another process writes reopen it.
constexpr auto kWatchInterval = std::chrono::seconds(1);
// A rebuild commits its fresh index every kXapianRebuildCommitEvery
// documents. Xapian keeps the postings not yet written in a map per term,
// one node per document, and looks each new posting up in it: at its default
// (a commit every 10,000 documents) those lookups missed the cache and took a
// fifth of the rebuild's time; small batches keep the maps in cache, and
// writing them out stays cheap since a fresh index only adds documents at the
// end of every posting list.
std::atomic<std::size_t> rebuild_commit_every{kXapianRebuildCommitEvery};
std::atomic<std::size_t> rebuild_loaders{kXapianRebuildLoaders};
// Services per batch a loader reads (tests lower it so a few services make
// several batches).
std::atomic<std::size_t> rebuild_batch{kServiceBatch};

unsigned field_wdf(Field f) {
  switch (f) {
    case Field::name: return 8;
    case Field::secondary: return 4;
    case Field::place: return 2;
    case Field::body: break;
  }
  return 1;
}

// The one writer of an index directory in this process.
struct IndexWriter {
  fs::path dir;
  std::mutex mutex;                          // guards db and the directory itself
  std::shared_mutex swap_mutex;              // held alone while a rebuild renames directories
  std::optional<Xapian::WritableDatabase> db;
  std::atomic<std::uint64_t> commits{0};     // bumped after each commit
  std::atomic<std::uint64_t> epoch{0};       // bumped when a rebuild replaced the directory

  // Opens the writer if it is not open; false when another process holds the lock.
  bool open_locked() {
    if (db) return true;
    try {
      fs::create_directories(dir.parent_path());
      db.emplace(dir.string(), Xapian::DB_CREATE_OR_OPEN);
      return true;
    } catch (const Xapian::DatabaseLockError& e) {
      spdlog::warn("search index {} is locked by another process ({}); searching without updating it",
                   dir.string(), e.get_msg());
      return false;
    }
  }
  void committed() { commits.fetch_add(1); }
};

std::shared_ptr<IndexWriter> writer_for(const fs::path& dir) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::weak_ptr<IndexWriter>> registry;
  const std::string key = fs::absolute(dir).lexically_normal().string();
  std::lock_guard lock(registry_mutex);
  if (auto existing = registry[key].lock()) return existing;
  auto w = std::make_shared<IndexWriter>();
  w->dir = key;
  registry[key] = w;
  return w;
}

// A reader on the index, reopened when the writer has committed since (or,
// for another process's commits, when it is kWatchInterval old).
struct Reader {
  Xapian::Database db;
  std::uint64_t commits = 0, epoch = 0;
  std::chrono::steady_clock::time_point opened = std::chrono::steady_clock::now();
};

// ---- as-you-type suggestions ----------------------------------------------------
// A suggestion is a metadata entry of the index, not a term of each document:
// key "S<lang>:<word-start tail>\x1f<label>", value the number of indexed
// services carrying that label (what the term's frequency said when they were
// terms). As terms they were a fifth of a document's postings, most with a
// long key of their own (a service's name), and the largest part of the
// rebuild's writing; as entries each is written once, in key order, at the
// end of a rebuild. A document keeps its labels in kLabelsSlot, so that
// reindexing or deleting it counts its old labels out.

std::string suggest_prefix(i18n::Lang lang) { return "S" + std::string(i18n::code(lang)) + ":"; }

constexpr char kLabelEnd = '\x1e', kLangEnd = '\x1d';  // never in a label: clean_utf8 drops control characters

// The labels of a document per language, as kLabelsSlot holds them.
std::string encode_labels(const std::array<std::vector<std::string>, 3>& labels) {
  std::string out;
  for (const auto& of_lang : labels) {
    for (const auto& label : of_lang) out += text::clean_utf8(label) + kLabelEnd;
    out += kLangEnd;
  }
  return out;
}

std::array<std::vector<std::string>, 3> decode_labels(std::string_view encoded) {
  std::array<std::vector<std::string>, 3> labels;
  std::size_t lang = 0;
  std::string label;
  for (char ch : encoded) {
    if (ch == kLangEnd) {
      if (++lang == labels.size()) break;
    } else if (ch == kLabelEnd) {
      labels[lang].push_back(std::move(label));
      label.clear();
    } else {
      label += ch;
    }
  }
  return labels;
}

// The suggestion keys of one document's labels (each once).
std::set<std::string> suggestion_keys(const std::array<std::vector<std::string>, 3>& labels) {
  std::set<std::string> keys;
  for (auto lang : i18n::kLangs) {
    for (const auto& label : labels[lang_index(lang)]) {
      const std::string shown = std::string(text::utf8_prefix(text::clean_utf8(label), 120));
      for (const auto& tail : word_start_tails(label_key(label))) {
        std::string key = suggest_prefix(lang) + tail + "\x1f" + shown;
        if (key.size() <= kMaxTermBytes) keys.insert(std::move(key));
      }
    }
  }
  return keys;
}

std::int64_t suggestion_count(const std::string& value) { return std::atoll(value.c_str()); }

// A service's document: its terms, the concept terms of the synonym groups
// its text carries, the values and its card.
Xapian::Document make_document(const ServiceDocument& d, const DocumentTerms& t, const SynonymDictionary& synonyms) {
  Xapian::Document doc;
  doc.add_boolean_term("Q" + d.id);
  for (const auto& [term, field] : t.text_terms)
    if (term.size() <= kMaxTermBytes) doc.add_term(term, field_wdf(field));
  for (const auto& g : synonyms.groups_in(t.text_terms, field_wdf)) {
    if (std::string term = concept_term(g.group); term.size() <= kMaxTermBytes) doc.add_term(term, g.wdf);
    if (std::string term = name_concept_term(g.group); g.name_wdf > 0 && term.size() <= kMaxTermBytes)
      doc.add_term(term, g.name_wdf);
  }
  for (const auto& term : t.filter_terms)
    if (term.size() <= kMaxTermBytes) doc.add_boolean_term(term);
  for (auto lang : i18n::kLangs)
    doc.add_value(kSortSlot + static_cast<Xapian::valueno>(lang_index(lang)), t.sort_keys[lang_index(lang)]);
  doc.add_value(kMinAgeSlot, Xapian::sortable_serialise(t.min_age));
  doc.add_value(kMaxAgeSlot, Xapian::sortable_serialise(t.max_age));
  doc.add_value(kIdSlot, d.id);
  doc.add_value(kHoursSlot, t.hours);
  doc.add_value(kLabelsSlot, encode_labels(t.labels));
  doc.add_value(kCardSlot, t.card);
  return doc;
}

// Plain words of a stored document (not prefixed terms): its spelling entries.
std::vector<std::string> plain_words(const Xapian::Document& doc) {
  std::vector<std::string> words;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) words.push_back(term);
  }
  return words;
}

Xapian::Query or_of(const std::vector<std::string>& terms) { return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()); }

// A synonym's match weighs less than the typed words'.
constexpr double kSynonymWeight = 0.6;

Xapian::Query text_query(const QueryPlan& plan) {
  if (plan.browse()) return Xapian::Query::MatchAll;
  std::vector<Xapian::Query> units;
  for (const auto& unit : plan.units) {
    std::vector<Xapian::Query> alternatives;
    for (const auto& alt : unit.alternatives) {
      // The members of the unit's synonym groups: their concept terms below.
      if (alt.synonym && !unit.groups.empty()) continue;
      std::vector<Xapian::Query> words;
      // A word's forms (as typed, its stems) weigh as one term: cheaper to
      // rank than an OR (half the time on a broad query) and not counting a
      // word twice because it matches both as typed and as a stem.
      for (const auto& w : alt.words) words.emplace_back(Xapian::Query::OP_SYNONYM, w.terms.begin(), w.terms.end());
      Xapian::Query all(Xapian::Query::OP_AND, words.begin(), words.end());
      alternatives.push_back(alt.synonym ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all, kSynonymWeight) : all);
    }
    // A synonym group as one term: the services whose text carries any member
    // (make_document). Its members' words one by one were an OR of up to a
    // dozen ANDs of two posting lists per word, checked for every candidate:
    // most of a search's time for a word with synonyms. The group in the name
    // weighs again (a rarer term: a synonym in the name ranks near the typed
    // word there, as the relevance tiers on PostgreSQL have it).
    if (!unit.groups.empty()) {
      std::vector<std::string> anywhere, in_name;
      for (const auto& g : unit.groups) {
        anywhere.push_back(concept_term(g));
        in_name.push_back(name_concept_term(g));
      }
      alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, or_of(anywhere), kSynonymWeight);
      alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, or_of(in_name), kSynonymWeight);
    }
    units.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }
  return Xapian::Query(Xapian::Query::OP_AND, units.begin(), units.end());
}

// The filters of boolean terms (the age: AgeFilter below).
Xapian::Query filtered(Xapian::Query q, const SearchFilters& f) {
  for (const auto& clause : filter_clauses(f)) q = Xapian::Query(Xapian::Query::OP_FILTER, q, or_of(clause));
  return q;
}

// ---- the age filter ---------------------------------------------------------
// Every document's age range in memory, by document id, read from the value
// slots once per revision of the index. Compared with OP_VALUE_LE/GE, which
// decode the two value streams up to each candidate (or, as whole-year terms
// did, skip along a posting list holding most documents), checking a
// candidate is one lookup: it halved the time of searches with an age.
struct AgeRanges {
  std::vector<std::pair<double, double>> by_docid;  // no document: an empty range
  std::uint64_t epoch = 0;
  Xapian::rev revision = 0;

  static std::shared_ptr<const AgeRanges> read(const Xapian::Database& db, std::uint64_t epoch) {
    auto r = std::make_shared<AgeRanges>();
    r->epoch = epoch;
    r->revision = db.get_revision();
    r->by_docid.assign(db.get_lastdocid() + 1, {1.0, 0.0});
    for (auto it = db.valuestream_begin(kMinAgeSlot); it != db.valuestream_end(kMinAgeSlot); ++it)
      r->by_docid[it.get_docid()].first = Xapian::sortable_unserialise(*it);
    for (auto it = db.valuestream_begin(kMaxAgeSlot); it != db.valuestream_end(kMaxAgeSlot); ++it)
      r->by_docid[it.get_docid()].second = Xapian::sortable_unserialise(*it);
    return r;
  }
  bool holds(Xapian::docid did, double age) const {
    return did < by_docid.size() && by_docid[did].first <= age && age <= by_docid[did].second;
  }
  // How many documents hold an age (Xapian's estimates), counted once per
  // age and revision: a pass over every document cost each age search ~0.1 ms.
  Xapian::doccount count(double age) const {
    const std::lock_guard lock(counts_mutex_);
    auto [it, added] = counts_.try_emplace(age, 0);
    if (added)
      for (Xapian::docid did = 1; did < by_docid.size(); ++did) it->second += holds(did, age);
    return it->second;
  }

 private:
  mutable std::mutex counts_mutex_;
  mutable std::map<double, Xapian::doccount> counts_;
};

// The documents whose age range holds an age, as a posting list (boolean:
// used under OP_FILTER). Checked for each candidate of the rest of the query;
// walked only when nothing else narrows the search.
class AgeFilter : public Xapian::PostingSource {
 public:
  AgeFilter(std::shared_ptr<const AgeRanges> ranges, double age)
      : ranges_(std::move(ranges)), age_(age), matches_(ranges_->count(age)) {}
  Xapian::doccount get_termfreq_min() const override { return matches_; }
  Xapian::doccount get_termfreq_est() const override { return matches_; }
  Xapian::doccount get_termfreq_max() const override { return matches_; }
  Xapian::docid get_docid() const override { return did_; }
  bool at_end() const override { return did_ >= ranges_->by_docid.size(); }
  void init(const Xapian::Database&) override { did_ = 0; }
  void next(double) override {
    do ++did_;
    while (!at_end() && !ranges_->holds(did_, age_));
  }
  void skip_to(Xapian::docid did, double min_wt) override {
    if (did <= did_) return;
    did_ = did - 1;
    next(min_wt);
  }
  bool check(Xapian::docid did, double) override {
    did_ = did;  // where it does not match: a next() moves on from here
    return ranges_->holds(did, age_);
  }
  std::string get_description() const override { return "AgeFilter(" + std::to_string(age_) + ")"; }

 private:
  std::shared_ptr<const AgeRanges> ranges_;
  double age_;
  Xapian::doccount matches_ = 0;
  Xapian::docid did_ = 0;
};

// ---- filling a fresh index --------------------------------------------------------

struct RebuildStats {
  std::size_t indexed = 0;
  std::int64_t through = 0;  // the newest updated_at seen
  double loading_ms = 0;     // reading the database (summed over the loader threads)
  double loader_cpu_s = 0;   // CPU of the loader threads: reading and preparing documents
  double writer_cpu_s = 0;   // CPU of the writing thread: Xapian's work
  std::size_t loaders = 0;
};

// CPU seconds the calling thread has used (a figure the machine's load does not change).
double thread_cpu_seconds() {
  timespec t{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Services into a fresh index, as they are handed over (a rebuild hands all
// of them at once; a bulk write each batch it stored, see BulkIndexBuild).
// Loader threads read batches from the database (one connection, taken in
// turns under connection_mutex: reading is a quarter of their work) and
// turn them into documents; a writer thread adds the batches in the order
// they were handed over, so the index is the same whatever the number of
// loaders. On two cores two loaders keep both busy (one loader left the
// writer idle a fifth of the time). A short window of batches bounds
// memory. Written documents go back to the loader that made them to be
// freed: the thread that allocated a document's many small blocks frees
// them into its own malloc arena, instead of the writer taking that arena's
// lock block by block (a tenth of the writer's time).
class IndexFill {
 public:
  // expected_batches: how many batches at most (no more loaders than that).
  IndexFill(store::Connection& c, Xapian::WritableDatabase& fresh, const SynonymDictionary& synonyms,
            std::size_t expected_batches = SIZE_MAX)
      : c_(c), fresh_(fresh), synonyms_(synonyms) {
    std::size_t loaders = rebuild_loaders.load();
    if (loaders == 0) loaders = std::max<std::size_t>(3, std::thread::hardware_concurrency()) - 1;
    loaders = std::clamp<std::size_t>(loaders, 1, std::max<std::size_t>(1, expected_batches));
    stats_.loaders = loaders;
    tallies_.resize(loaders);
    writer_ = std::thread([this] { write(); });
    for (std::size_t i = 0; i < loaders; ++i) loaders_.emplace_back([this, i] { load(i); });
  }
  IndexFill(const IndexFill&) = delete;
  IndexFill& operator=(const IndexFill&) = delete;
  ~IndexFill() { stop_threads(); }

  // Held by whoever else uses the connection while the loaders read on it.
  std::mutex& connection_mutex() { return db_mutex_; }

  // Hands services over, in batches of rebuild_batch; throws if indexing failed.
  void add(const std::vector<std::string>& ids) {
    std::lock_guard lock(mutex_);
    if (failure_) std::rethrow_exception(failure_);
    for_each_batch(ids, [&](std::vector<std::string> batch) {
      batches_.push_back(std::move(batch));
      return true;
    }, rebuild_batch.load());
    changed_.notify_all();
  }

  // Hands over nothing more and waits until every service is read: the
  // connection is free again while the writer may still be writing.
  void finish_reading() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
      changed_.notify_all();
    }
    for (auto& t : loaders_) t.join();
    loaders_.clear();
    std::lock_guard lock(mutex_);
    if (failure_) std::rethrow_exception(failure_);
  }

  // Waits until every service handed over is written, then adds the
  // spelling entries and suggestions (counted by each loader) once each.
  RebuildStats finish() {
    finish_reading();
    writer_.join();
    if (failure_) std::rethrow_exception(failure_);
    const double cpu_started = thread_cpu_seconds();
    std::unordered_map<std::string, Xapian::termcount> spelling;
    std::unordered_map<std::string, std::int64_t> suggestions;
    for (auto& tally : tallies_) {
      tally.spent.clear();
      for (const auto& [word, count] : tally.spelling) spelling[word] += count;
      for (const auto& [key, count] : tally.suggestions) suggestions[key] += count;
      stats_.through = std::max(stats_.through, tally.through);
      stats_.loading_ms += tally.loading_ms;
      stats_.loader_cpu_s += tally.cpu_s;
    }
    for (const auto& [word, count] : spelling) fresh_.add_spelling(word, count);
    // In key order: each entry goes at the end of its table's blocks.
    std::vector<std::pair<std::string, std::int64_t>> sorted(suggestions.begin(), suggestions.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [key, count] : sorted) fresh_.set_metadata(key, std::to_string(count));
    stats_.writer_cpu_s += thread_cpu_seconds() - cpu_started;
    return stats_;
  }

 private:
  // Documents of one batch of services, ready for the index.
  struct PreparedBatch {
    std::vector<Xapian::Document> docs;
    std::size_t loader = 0;  // which loader made them (and frees them)
  };
  // What one loader thread gathers besides documents; summed at the end.
  struct LoaderTally {
    std::unordered_map<std::string, Xapian::termcount> spelling;
    std::unordered_map<std::string, std::int64_t> suggestions;
    std::vector<std::vector<Xapian::Document>> spent;  // written documents, for this loader to free
    std::int64_t through = 0;
    double loading_ms = 0, cpu_s = 0;
  };
  static constexpr std::size_t kWindow = 4;  // batches prepared ahead of the writer

  void fail() {
    std::lock_guard lock(mutex_);
    if (!failure_) failure_ = std::current_exception();
    changed_.notify_all();
  }

  void stop_threads() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
      changed_.notify_all();
    }
    if (writer_.joinable()) writer_.join();
    for (auto& t : loaders_) t.join();
    loaders_.clear();
  }

  void load(std::size_t loader) {
    LoaderTally& tally = tallies_[loader];
    try {
      for (;;) {
        std::size_t k = 0;
        std::vector<std::string> ids;
        std::vector<std::vector<Xapian::Document>> spent;
        {
          std::unique_lock lock(mutex_);
          changed_.wait(lock, [&] {
            return stop_ || failure_ || (next_batch_ < batches_.size() && next_batch_ < written_ + kWindow) ||
                   (closed_ && next_batch_ >= batches_.size());
          });
          if (stop_ || failure_ || next_batch_ >= batches_.size()) break;
          k = next_batch_++;
          ids = batches_[k];
          spent.swap(tally.spent);
        }
        spent.clear();  // the documents are freed here, on the loader that made them
        std::vector<ServiceDocument> docs;
        {
          std::lock_guard reading(db_mutex_);
          const auto load_started = std::chrono::steady_clock::now();
          docs = load_service_documents(c_, ids);
          tally.loading_ms += elapsed_ms(load_started);
        }
        PreparedBatch prepared{{}, loader};
        for (const auto& d : docs) {
          tally.through = std::max(tally.through, d.updated_at);
          if (!d.searchable) continue;
          const DocumentTerms t = document_terms(d);
          prepared.docs.push_back(make_document(d, t, synonyms_));
          for (const auto& w : t.words) ++tally.spelling[w];
          for (const auto& key : suggestion_keys(t.labels)) ++tally.suggestions[key];
        }
        std::lock_guard lock(mutex_);
        ready_.emplace(k, std::move(prepared));
        changed_.notify_all();
      }
    } catch (...) {
      fail();
    }
    tally.cpu_s = thread_cpu_seconds();
  }

  void write() {
    const std::size_t commit_every = std::max<std::size_t>(1, rebuild_commit_every.load());
    try {
      for (std::size_t k = 0;; ++k) {
        PreparedBatch batch;
        {
          std::unique_lock lock(mutex_);
          changed_.wait(lock, [&] { return ready_.contains(k) || failure_ || stop_ || (closed_ && k >= batches_.size()); });
          if (!ready_.contains(k)) break;  // done, stopped, or a loader failed
          batch = std::move(ready_.at(k));
          ready_.erase(k);
        }
        for (auto& doc : batch.docs) {
          fresh_.add_document(doc);  // a fresh index: ids are unique already
          if (++stats_.indexed % commit_every == 0) fresh_.commit();
        }
        std::lock_guard lock(mutex_);
        tallies_[batch.loader].spent.push_back(std::move(batch.docs));
        written_ = k + 1;
        changed_.notify_all();
      }
    } catch (...) {
      fail();
    }
    stats_.writer_cpu_s = thread_cpu_seconds();
  }

  store::Connection& c_;
  Xapian::WritableDatabase& fresh_;
  const SynonymDictionary& synonyms_;
  std::mutex mutex_, db_mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<std::string>> batches_;  // handed over so far (a deque: loaders copy from it as it grows)
  std::map<std::size_t, PreparedBatch> ready_;    // by batch number
  std::size_t next_batch_ = 0, written_ = 0;
  bool closed_ = false, stop_ = false;
  std::exception_ptr failure_;
  std::vector<LoaderTally> tallies_;
  RebuildStats stats_;
  std::thread writer_;
  std::vector<std::thread> loaders_;
};


// Every file of a finished index, then the directory itself, onto the disk.
void sync_directory(const fs::path& dir) {
  auto sync = [](const fs::path& p, int flags) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) spdlog::warn("search: could not sync {}", p.string());
    if (fd >= 0) ::close(fd);
  };
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file()) sync(entry.path(), O_RDONLY);
  sync(dir, O_RDONLY | O_DIRECTORY);
}

// The last writes of a filled index (what open() checks it against), then onto the disk.
void complete_index(Xapian::WritableDatabase& fresh, const fs::path& fresh_dir, const RebuildStats& stats,
                    const SynonymDictionary& synonyms, const std::string& generation) {
  fresh.set_metadata("format", std::string(kFormat));
  fresh.set_metadata("synonyms", synonyms.fingerprint());
  fresh.set_metadata("generation", generation);
  fresh.set_metadata("indexed_through", std::to_string(stats.through));
  fresh.commit();
  fresh.close();
  sync_directory(fresh_dir);
}

// A complete index in fresh_dir replaces the writer's live one (the caller
// holds writer.mutex); readers notice the new epoch and open the new one.
void swap_in(IndexWriter& writer, const fs::path& fresh_dir) {
  const fs::path old_dir = writer.dir.string() + ".old";
  writer.db.reset();
  fs::remove_all(old_dir);
  {
    std::unique_lock swapping(writer.swap_mutex);
    if (fs::exists(writer.dir)) fs::rename(writer.dir, old_dir);
    fs::rename(fresh_dir, writer.dir);
    writer.epoch.fetch_add(1);
  }
  fs::remove_all(old_dir);
  writer.open_locked();
  writer.committed();
}

void log_rebuild(std::string_view how, const RebuildStats& stats, std::chrono::steady_clock::time_point started) {
  spdlog::info("search index {}: {} services in {:.1f} s ({:.1f} s reading the database; CPU {:.1f} s "
               "preparing documents on {} thread(s), {:.1f} s writing them)",
               how, stats.indexed, elapsed_ms(started) / 1000, stats.loading_ms / 1000, stats.loader_cpu_s,
               stats.loaders, stats.writer_cpu_s);
}

class XapianSearch : public ServiceSearch {
 public:
  XapianSearch(store::Database& db, const fs::path& dir) : db_(db), writer_(writer_for(dir)), synonyms_(db) {}

  // Watches for services another process changed in the database (its own
  // reindex could not reach this index while this process holds the lock).
  void start_watching() {
    watcher_ = std::jthread([this](std::stop_token stop) {
      std::mutex m;
      std::condition_variable_any wake;
      for (;;) {
        std::unique_lock lock(m);
        if (wake.wait_for(lock, stop, kWatchInterval, [] { return false; }) || stop.stop_requested()) return;
        try {
          catch_up();
        } catch (const std::exception& e) {
          spdlog::error("search: catching up with the database failed: {}", e.what());
        }
      }
    });
  }

  // Rebuilds when the index is missing, of another format or generation than
  // the database says; otherwise indexes services changed since it was written.
  void open() {
    bool rebuild_needed = false;
    std::string through;
    Xapian::doccount indexed = 0;
    const auto synonyms = synonyms_.get();  // before the lease below: it takes one of its own
    {
      std::lock_guard lock(writer_->mutex);
      if (!writer_->open_locked()) return;  // another process keeps it current; search what is there
      auto& w = *writer_->db;
      auto lease = db_.acquire();
      const auto expected = read_setting(*lease, std::string(kGenerationSetting));
      // The concept terms follow the synonym dictionary the index was built with.
      rebuild_needed = w.get_metadata("format") != kFormat || w.get_metadata("generation").empty() ||
                       !expected || *expected != w.get_metadata("generation") ||
                       w.get_metadata("synonyms") != synonyms->fingerprint();
      through = w.get_metadata("indexed_through");
      indexed = w.get_doccount();
    }
    std::vector<std::string> changed;
    std::int64_t searchable = 0;
    if (!rebuild_needed) {
      auto lease = db_.acquire();
      for (const auto& r : lease->exec("SELECT id FROM services WHERE updated_at > ?",
                                       {std::int64_t{std::atoll(through.c_str())}}).rows)
        changed.push_back(r.text(0));
      searchable = lease->exec("SELECT COUNT(*) FROM services WHERE status = 'active' AND archived_at IS NULL")
                       .rows.at(0).int64(0);
    }
    // Many changes (a bulk import), or services the index does not know about
    // whatever their dates (a restore, an import with old dates): start afresh.
    if (!rebuild_needed && changed.size() <= kMaxCatchUp && !changed.empty()) {
      reindex_services(changed);
      std::lock_guard lock(writer_->mutex);
      indexed = writer_->db ? writer_->db->get_doccount() : indexed;
    }
    if (rebuild_needed || changed.size() > kMaxCatchUp || searchable != static_cast<std::int64_t>(indexed)) rebuild();
  }

  SearchResult search(const SearchQuery& q) override {
    const auto start = std::chrono::steady_clock::now();
    SearchResult result;
    try {
      QueryPlan plan = plan_query(q.text, q.lang, *synonyms_.get());
      result.highlight = plan.highlight;
      for (int attempt = 0;; ++attempt) {
        try {
          run_search(q, plan, result);
          break;
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt > 0) throw;  // the index changed under us twice: give up on this one
        }
      }
      result.highlight = plan.highlight;  // with the parts of compounds
    } catch (const Xapian::Error& e) {
      give_up_search(result, e.get_description());
    }
    result.engine_ms = elapsed_ms(start);
    return result;
  }

  std::vector<std::string> suggest(std::string_view prefix, i18n::Lang lang, std::size_t limit) override {
    try {
      return suggest_labels(prefix, limit, [&](const std::string& key, const SuggestionSink& add) {
        auto reader = acquire_reader();
        const std::string start = suggest_prefix(lang) + key;
        std::size_t scanned = 0;
        for (auto it = reader->db.metadata_keys_begin(start);
             it != reader->db.metadata_keys_end(start) && scanned < kMaxSuggestScan; ++it, ++scanned) {
          const std::string key = *it;  // prefix, tail, \x1f, label
          auto sep = key.find('\x1f');
          if (sep != std::string::npos) add(key.substr(sep + 1), suggestion_count(reader->db.get_metadata(key)));
        }
        release_reader(std::move(reader));
      });
    } catch (const Xapian::Error& e) {
      spdlog::error("suggest failed: {}", e.get_description());
      return {};
    }
  }

  void reindex_service(const std::string& service_id) override { reindex({service_id}); }
  void reindex_services(const std::vector<std::string>& service_ids) override {
    for_each_batch(service_ids, [&](std::vector<std::string> batch) {
      reindex(batch);
      return true;
    });
  }

  void rebuild() override {
    std::lock_guard lock(writer_->mutex);
    if (!writer_->open_locked()) return;  // the process holding the index rebuilds it
    const fs::path fresh_dir = writer_->dir.string() + ".rebuild";
    fs::remove_all(fresh_dir);
    const std::string generation = new_generation();
    const auto started = std::chrono::steady_clock::now();
    const auto synonyms = synonyms_.get();
    RebuildStats stats;
    {
      // Without an fsync per commit (IndexFill commits often): the files
      // are synced once, when the index is complete, before it goes live.
      Xapian::WritableDatabase fresh(fresh_dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
      auto lease = db_.acquire();
      const std::vector<std::string> ids = all_service_ids(*lease);
      const std::size_t batch = std::max<std::size_t>(1, rebuild_batch.load());
      IndexFill fill(*lease, fresh, *synonyms, (ids.size() + batch - 1) / batch);
      fill.add(ids);
      stats = fill.finish();
      complete_index(fresh, fresh_dir, stats, *synonyms, generation);
    }
    swap_in(*writer_, fresh_dir);
    auto lease = db_.acquire();
    write_setting(*lease, std::string(kGenerationSetting), generation);
    log_rebuild("rebuilt", stats, started);
  }

  std::string engine_name() const override { return "xapian"; }

  // The index's language filter terms: no scan of the languages table.
  std::vector<std::string> offered_languages() override {
    std::vector<std::string> codes;
    const std::string prefix = language_term("");
    try {
      auto reader = acquire_reader();
      for (auto it = reader->db.allterms_begin(prefix); it != reader->db.allterms_end(prefix); ++it) {
        std::string code = (*it).substr(prefix.size());
        if (is_offered_language_code(code)) codes.push_back(std::move(code));
      }
      release_reader(std::move(reader));
    } catch (const Xapian::Error& e) {
      spdlog::error("search: cannot list languages: {}", e.get_description());
    }
    return codes;  // allterms are sorted and distinct
  }

 private:
  // Indexes the services changed after the index's indexed_through (by this
  // process's writes that is nothing: they are indexed as they commit).
  void catch_up() {
    std::string through;
    {
      std::lock_guard lock(writer_->mutex);
      if (!writer_->db) return;  // another process writes the index; readers reopen it
      through = writer_->db->get_metadata("indexed_through");
    }
    std::vector<std::string> changed;
    {
      auto lease = db_.acquire();
      for (const auto& r : lease->exec("SELECT id FROM services WHERE updated_at > ? ORDER BY updated_at LIMIT ?",
                                       {std::int64_t{std::atoll(through.c_str())},
                                        static_cast<std::int64_t>(kMaxCatchUp + 1)})
                               .rows)
        changed.push_back(r.text(0));
    }
    if (changed.empty()) return;
    spdlog::info("search: indexing {}{} service(s) changed by another process", changed.size() > kMaxCatchUp ? "over " : "",
                 std::min(changed.size(), kMaxCatchUp));
    if (changed.size() > kMaxCatchUp) rebuild();
    else reindex_services(changed);
  }

  void reindex(const std::vector<std::string>& ids) {
    try {
      const auto synonyms = synonyms_.get();
      std::vector<ServiceDocument> docs;
      {
        auto lease = db_.acquire();
        docs = load_service_documents(*lease, ids);
      }
      std::lock_guard lock(writer_->mutex);
      if (!writer_->open_locked()) return;
      auto& w = *writer_->db;
      std::int64_t through = std::atoll(w.get_metadata("indexed_through").c_str());
      std::set<std::string> found;
      std::map<std::string, std::int64_t> suggestions;  // key -> change of its count
      for (const auto& d : docs) {
        found.insert(d.id);
        through = std::max(through, d.updated_at);
        forget_indexed(w, d.id, suggestions);
        if (!d.searchable) {
          w.delete_document("Q" + d.id);
          continue;
        }
        const DocumentTerms t = document_terms(d);
        w.replace_document("Q" + d.id, make_document(d, t, *synonyms));
        for (const auto& word : t.words) w.add_spelling(word);
        for (const auto& key : suggestion_keys(t.labels)) ++suggestions[key];
      }
      for (const auto& id : ids) {  // deleted services leave the index
        if (found.contains(id)) continue;
        forget_indexed(w, id, suggestions);
        w.delete_document("Q" + id);
      }
      for (const auto& [key, change] : suggestions) {
        if (change == 0) continue;
        const std::int64_t count = suggestion_count(w.get_metadata(key)) + change;
        w.set_metadata(key, count > 0 ? std::to_string(count) : "");  // "" removes the entry
      }
      w.set_metadata("indexed_through", std::to_string(through));
      w.commit();
      writer_->committed();
    } catch (const std::exception& e) {
      // The write itself is committed; a stale entry heals at the next rebuild.
      spdlog::error("search: could not index {} service(s): {}", ids.size(), e.what());
    }
  }

  // What the index holds of a service before it is replaced or deleted: its
  // words leave the spelling dictionary, its labels' suggestion counts go down.
  static void forget_indexed(Xapian::WritableDatabase& w, const std::string& id,
                             std::map<std::string, std::int64_t>& suggestions) {
    auto it = w.postlist_begin("Q" + id);
    if (it == w.postlist_end("Q" + id)) return;
    const Xapian::Document doc = w.get_document(*it);
    for (const auto& word : plain_words(doc)) w.remove_spelling(word);
    for (const auto& key : suggestion_keys(decode_labels(doc.get_value(kLabelsSlot)))) --suggestions[key];
  }

  std::unique_ptr<Reader> acquire_reader() {
    std::unique_ptr<Reader> r;
    {
      std::lock_guard lock(pool_mutex_);
      if (!idle_.empty()) {
        r = std::move(idle_.back());
        idle_.pop_back();
      }
    }
    // Under the swap lock: a reopen while a rebuild renames the directories
    // would read the new version file against the old tables' blocks
    // ("EOF reading block"), so the epoch is read and the reader reopened
    // only while no swap is under way.
    std::shared_lock not_swapping(writer_->swap_mutex);
    const std::uint64_t epoch = writer_->epoch.load(), commits = writer_->commits.load();
    if (!r || r->epoch != epoch) {
      r = std::make_unique<Reader>(Reader{Xapian::Database(writer_->dir.string()), commits, epoch});
    } else if (r->commits != commits || std::chrono::steady_clock::now() - r->opened > kWatchInterval) {
      r->db.reopen();  // cheap when nothing changed; sees another process's commits
      r->commits = commits;
      r->opened = std::chrono::steady_clock::now();
    }
    return r;
  }

  // The age ranges of the index a reader has open: shared by the searches
  // while the index does not change; read afresh after a commit or a rebuild.
  std::shared_ptr<const AgeRanges> age_ranges(const Reader& r) {
    std::lock_guard lock(ages_mutex_);
    const Xapian::rev revision = r.db.get_revision();
    if (ages_ && ages_->epoch == r.epoch && ages_->revision == revision) return ages_;
    // A reader not yet reopened after a commit reads its own (for a second at most).
    if (ages_ && ages_->epoch == r.epoch && ages_->revision > revision) return AgeRanges::read(r.db, r.epoch);
    ages_ = AgeRanges::read(r.db, r.epoch);
    return ages_;
  }

  void release_reader(std::unique_ptr<Reader> r) {
    std::lock_guard lock(pool_mutex_);
    if (idle_.size() < 16) idle_.push_back(std::move(r));
  }

  void run_search(const SearchQuery& q, QueryPlan& plan, SearchResult& result) {
    auto reader = acquire_reader();
    // Dutch compounds split against the words the index holds (plain terms).
    add_compound_parts(plan, [&](const std::vector<std::string>& candidates) {
      std::set<std::string> known;
      for (const auto& w : candidates)
        if (reader->db.term_exists(w)) known.insert(w);
      return known;
    });
    Xapian::Enquire enquire(reader->db);
    Xapian::Query query = filtered(text_query(plan), q.filters);
    if (q.filters.age_years) {
      auto* ages = new AgeFilter(age_ranges(*reader), *q.filters.age_years);
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(ages->release()));
    }
    enquire.set_query(query);
    if (plan.browse()) {
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_sort_by_value(kSortSlot + static_cast<Xapian::valueno>(lang_index(q.lang)), false);
    }
    const Page page = page_of(q);
    result.hits.clear();
    if (q.filters.open_at) {
      filter_open_at(*q.filters.open_at, page, [&](std::size_t offset, std::size_t count) {
        CandidateBatch batch;
        Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(count));
        batch.candidates = static_cast<std::int64_t>(mset.get_matches_estimated());
        for (auto it = mset.begin(); it != mset.end(); ++it) {
          Xapian::Document doc = it.get_document();
          batch.items.push_back({doc.get_value(kIdSlot), it.get_weight(), doc.get_value(kHoursSlot), doc.get_value(kCardSlot)});
        }
        return batch;
      }, result);
    } else {
      // Never more than the index holds (every_match asks for a huge page).
      const auto limit = std::min<Xapian::doccount>(static_cast<Xapian::doccount>(page.limit), reader->db.get_doccount());
      // Matches counted no further than kExactRankLimit past the page, as on
      // PostgreSQL: a broader search says "more than" (counting on had the
      // matcher weigh every match, where it can skip those that cannot reach
      // the page).
      const auto enough = static_cast<Xapian::doccount>(
          std::max<std::size_t>(page.offset + limit + 1, static_cast<std::size_t>(kExactRankLimit) + 1));
      Xapian::MSet mset = enquire.get_mset(page.offset, limit, enough);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        result.hits.push_back({doc.get_value(kIdSlot), it.get_weight(), doc.get_value(kCardSlot)});
      }
      if (mset.get_matches_lower_bound() == mset.get_matches_upper_bound()) {
        result.total = static_cast<std::int64_t>(mset.get_matches_estimated());
      } else {
        result.total = std::max<std::int64_t>(kExactRankLimit, static_cast<std::int64_t>(page.offset + result.hits.size()));
        result.more_than_total = true;
      }
    }
    if (result.total == 0) result.did_you_mean = spelling_fix(reader->db, plan);
    release_reader(std::move(reader));
  }

  // Words that match nothing at all, replaced by the closest indexed word.
  static std::optional<std::string> spelling_fix(Xapian::Database& db, const QueryPlan& plan) {
    std::vector<std::pair<std::size_t, std::string>> fixes;
    for (const auto& word : plan.checkable) {
      bool known = std::any_of(word.terms.begin(), word.terms.end(),
                               [&](const std::string& t) { return db.get_termfreq(t) > 0; });
      if (known) continue;
      std::string fix = db.get_spelling_suggestion(plan.tokens[word.token], 2);
      if (!fix.empty()) fixes.emplace_back(word.token, fix);
    }
    std::string corrected = corrected_query(plan, fixes);
    if (corrected.empty()) return std::nullopt;
    return corrected;
  }

  store::Database& db_;
  std::shared_ptr<IndexWriter> writer_;
  SynonymCache synonyms_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<Reader>> idle_;
  std::mutex ages_mutex_;
  std::shared_ptr<const AgeRanges> ages_;
  std::jthread watcher_;  // last: stopped and joined before the rest goes
};


// ---- an index built while a bulk write stores services ------------------------------
// (BulkIndexBuild in search.hpp.) The IndexFill's loaders read on the
// writer's connection inside its transaction; the fresh index is complete
// before the commit and swapped in after it, like a rebuild's. The
// generation is written in the transaction: if the swap never happens, the
// live index's generation differs and the engine rebuilds at its next start.
class XapianBulkBuild : public BulkIndexBuild {
 public:
  XapianBulkBuild(store::Connection& c, std::shared_ptr<IndexWriter> writer)
      : c_(c), writer_(std::move(writer)), fresh_dir_(writer_->dir.string() + ".bulk"),
        synonyms_(SynonymDictionary::load(c)), generation_(new_generation()) {
    fs::remove_all(fresh_dir_);
    // Synced once, when complete (as a rebuild's).
    fresh_.emplace(fresh_dir_.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    fill_.emplace(c_, *fresh_, synonyms_);
  }
  ~XapianBulkBuild() override {
    fill_.reset();  // stops the threads before the connection goes on without them
    fresh_.reset();
    std::error_code ignored;
    if (!published_) fs::remove_all(fresh_dir_, ignored);
  }

  void add(const std::vector<std::string>& service_ids) override {
    if (!fill_ || service_ids.empty()) return;
    // Document numbers follow the order of handing over: in id order, as a
    // rebuild numbers them, or the index would differ from a rebuild's.
    const bool in_order = std::is_sorted(service_ids.begin(), service_ids.end()) &&
                          (last_id_.empty() || last_id_ < service_ids.front());
    if (!in_order) return abandon("services out of id order");
    last_id_ = service_ids.back();
    try {
      fill_->add(service_ids);
    } catch (const std::exception& e) {
      abandon(e.what());
    }
  }

  std::unique_lock<std::mutex> hold_connection() override {
    return fill_ ? std::unique_lock<std::mutex>(fill_->connection_mutex()) : std::unique_lock<std::mutex>();
  }

  // The writer's last batches, the spelling and suggestions and the sync
  // are left to publish(): they overlap the database's commit.
  void finish() override {
    if (!fill_) return;
    try {
      fill_->finish_reading();
      write_setting(c_, std::string(kGenerationSetting), generation_);
      read_ = true;
    } catch (const std::exception& e) {
      abandon(e.what());
    }
  }

  bool publish() override {
    if (!read_ || !fill_) return false;
    try {
      const RebuildStats stats = fill_->finish();
      fill_.reset();
      complete_index(*fresh_, fresh_dir_, stats, synonyms_, generation_);
      fresh_.reset();
      std::lock_guard lock(writer_->mutex);
      swap_in(*writer_, fresh_dir_);
      published_ = true;
      log_rebuild("built while storing", stats, started_);
      return true;
    } catch (const std::exception& e) {
      // The generation is committed, the index's is not: the engine rebuilds.
      abandon(e.what());
      return false;
    }
  }

 private:
  void abandon(const std::string& why) {
    spdlog::warn("search: no index built while storing ({}); the engine rebuilds it", why);
    fill_.reset();
    fresh_.reset();
  }

  store::Connection& c_;
  std::shared_ptr<IndexWriter> writer_;  // keeps the live index locked against other processes
  fs::path fresh_dir_;
  SynonymDictionary synonyms_;
  std::string generation_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::optional<Xapian::WritableDatabase> fresh_;
  std::optional<IndexFill> fill_;
  std::string last_id_;
  bool read_ = false, published_ = false;  // every service read (finish), the index live (publish)
};

}  // namespace

void set_xapian_rebuild_commit_every(std::size_t services) { rebuild_commit_every = services; }
void set_xapian_rebuild_loaders(std::size_t loaders, std::size_t batch) {
  rebuild_loaders = loaders;
  rebuild_batch = batch;
}

std::unique_ptr<ServiceSearch> make_xapian_search(store::Database& db, const std::filesystem::path& index_dir) {
  auto engine = std::make_unique<XapianSearch>(db, index_dir);
  engine->open();
  engine->start_watching();
  return engine;
}

std::unique_ptr<BulkIndexBuild> start_xapian_bulk_build(store::Connection& c, const std::filesystem::path& index_dir) {
  if (!c.exec("SELECT id FROM services LIMIT 1").rows.empty()) return nullptr;
  auto writer = writer_for(index_dir);
  {
    std::lock_guard lock(writer->mutex);
    if (!writer->open_locked()) return nullptr;  // another process writes this index
  }
  return std::make_unique<XapianBulkBuild>(c, std::move(writer));
}

}  // namespace samen::directory::detail
