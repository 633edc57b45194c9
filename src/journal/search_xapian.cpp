// The journal's Xapian search engine (SQLite deployments): DATA_DIR/
// journal-search holds one document per active activity, with its terms
// (title terms weigh more), its visibility and team as values and its
// start as the tie-break. The viewer's visibility is a MatchDecider calling
// may_see() itself, so hidden activities are dropped before Xapian counts
// and pages. One database handle per engine, behind a mutex: the journal's
// searches are few and short. At start the index is compared with the
// table (id and version of every active activity) and brought up to date,
// or rebuilt when it is missing, of another format or far behind.
#include <spdlog/spdlog.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>

#include "journal/search.hpp"
#include "journal/store.hpp"

namespace samen::journal::detail {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFormat = "1";  // bump when the terms change: forces a rebuild
constexpr Xapian::valueno kIdSlot = 0, kVisibilitySlot = 1, kTeamSlot = 2, kStartSlot = 3, kVersionSlot = 4;
constexpr std::size_t kMaxTermBytes = 240;
constexpr std::size_t kMaxCatchUp = 2000;
// Matches counted exactly up to this many (beyond, Xapian estimates: "about").
constexpr Xapian::doccount kCheckAtLeast = 1000;

class VisibleTo : public Xapian::MatchDecider {
 public:
  explicit VisibleTo(const Viewer& v) : viewer_(v) {}
  bool operator()(const Xapian::Document& doc) const override {
    return may_see(viewer_, doc.get_value(kVisibilitySlot), doc.get_value(kTeamSlot));
  }

 private:
  const Viewer& viewer_;
};

Xapian::Document make_document(const Activity& a) {
  Xapian::Document doc;
  doc.add_boolean_term("Q" + a.id);
  const ActivityTerms t = activity_terms(a);
  for (const auto& term : t.title)
    if (term.size() <= kMaxTermBytes) doc.add_term(term, 5);
  for (const auto& term : t.body)
    if (term.size() <= kMaxTermBytes) doc.add_term(term, 1);
  doc.add_value(kIdSlot, a.id);
  doc.add_value(kVisibilitySlot, a.visibility);
  doc.add_value(kTeamSlot, a.team_id);
  doc.add_value(kStartSlot, Xapian::sortable_serialise(static_cast<double>(a.starts_at)));
  doc.add_value(kVersionSlot, std::to_string(a.version));
  return doc;
}

class XapianActivitySearch final : public ActivitySearch {
 public:
  XapianActivitySearch(store::Database& db, fs::path dir) : db_(db), dir_(std::move(dir)) {}

  void open() {
    std::lock_guard lock(mutex_);
    const bool existed = fs::exists(dir_);
    try {
      fs::create_directories(dir_.parent_path());
      writer_.emplace(dir_.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      // Another process (a server on the same data directory) keeps it up to date.
      spdlog::warn("journal search index {} is locked by another process ({}); searching without updating it",
                   dir_.string(), e.get_msg());
      reader_.emplace(dir_.string());
      return;
    }
    if (!existed || writer_->get_metadata("format") != kFormat) {
      rebuild_locked();
      return;
    }
    catch_up_locked();
  }

  ActivityResults search(const ActivityQuery& q) override {
    ActivityResults out;
    ActivityQueryPlan plan = plan_activity_query(q.text);
    out.highlight = plan.highlight;
    if (plan.words.empty()) return out;
    std::vector<Xapian::Query> words;
    for (const auto& terms : plan.words) words.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
    Xapian::Query query(Xapian::Query::OP_AND, words.begin(), words.end());
    const auto offset = static_cast<Xapian::doccount>(std::clamp<std::int64_t>(q.offset, 0, 10000));
    const auto limit = static_cast<Xapian::doccount>(std::clamp<std::int64_t>(q.limit, 0, 100));
    std::lock_guard lock(mutex_);
    try {
      Xapian::Database& db = writer_ ? static_cast<Xapian::Database&>(*writer_) : *reader_;
      if (reader_) reader_->reopen();
      Xapian::Enquire enquire(db);
      enquire.set_query(query);
      enquire.set_sort_by_relevance_then_value(kStartSlot, true);
      VisibleTo visible(q.viewer);
      const bool all = sees_everything(q.viewer.role);
      const Xapian::doccount check_at_least = q.count_cap <= 0 ? db.get_doccount() : std::max(kCheckAtLeast, offset + limit);
      Xapian::MSet mset = enquire.get_mset(offset, limit, check_at_least, nullptr,
                                           all ? nullptr : &visible);
      out.total = mset.get_matches_estimated();
      out.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
      for (auto it = mset.begin(); it != mset.end(); ++it) out.ids.push_back(it.get_document().get_value(kIdSlot));
    } catch (const Xapian::Error& e) {
      spdlog::error("journal search failed: {}", e.get_description());
      out.total = 0;
      out.ids.clear();
    }
    return out;
  }

  void reindex(const std::vector<std::string>& ids) override {
    std::lock_guard lock(mutex_);
    if (!writer_) return;
    auto lease = db_.acquire();
    for (const auto& id : ids) {
      auto a = load_activity(*lease, id);
      if (!a || a->archived_at) writer_->delete_document("Q" + id);
      else writer_->replace_document("Q" + id, make_document(*a));
    }
    writer_->commit();
  }

  void rebuild() override {
    std::lock_guard lock(mutex_);
    if (writer_) rebuild_locked();
  }

  std::string engine_name() const override { return "xapian"; }

 private:
  void rebuild_locked() {
    auto lease = db_.acquire();
    std::vector<std::string> old;  // collected first: no iterator over terms being deleted
    for (auto it = writer_->allterms_begin("Q"); it != writer_->allterms_end("Q"); ++it) old.push_back(*it);
    for (const auto& term : old) writer_->delete_document(term);
    // Committed every batch, not in one transaction: Xapian's buffer of uncommitted postings
    // grows with every document and slows each one added (the directory's rebuild found the
    // same, search_engines.hpp). A rebuild runs at start, before any search; one cut short
    // leaves the old format mark, so the next start rebuilds again.
    writer_->set_metadata("format", "");
    constexpr std::int64_t kBatch = 250;
    for (std::string after;;) {
      auto batch = active_activities_after(*lease, after, kBatch);
      for (const auto& a : batch) writer_->replace_document("Q" + a.id, make_document(a));
      writer_->commit();
      if (static_cast<std::int64_t>(batch.size()) < kBatch) break;
      after = batch.back().id;
    }
    writer_->set_metadata("format", kFormat);
    writer_->commit();
    spdlog::info("journal search index rebuilt: {} activities", writer_->get_doccount());
  }

  // Active activities whose indexed version differs, or that are missing,
  // and indexed ones no longer active.
  void catch_up_locked() {
    std::map<std::string, std::string> stored;
    {
      auto lease = db_.acquire();
      for (const auto& r :
           lease->exec("SELECT id, version FROM journal_activities WHERE archived_at IS NULL").rows)
        stored[r.text(0)] = std::to_string(r.int64(1));
    }
    std::vector<std::string> stale;
    for (auto it = writer_->valuestream_begin(kIdSlot); it != writer_->valuestream_end(kIdSlot); ++it) {
      const std::string id = *it;
      auto found = stored.find(id);
      if (found == stored.end()) {
        stale.push_back(id);
        continue;
      }
      if (writer_->get_document(it.get_docid()).get_value(kVersionSlot) != found->second) stale.push_back(id);
      stored.erase(found);
    }
    for (const auto& [id, version] : stored) stale.push_back(id);
    if (stale.size() > kMaxCatchUp) {
      rebuild_locked();
      return;
    }
    if (stale.empty()) return;
    auto lease = db_.acquire();
    for (const auto& id : stale) {
      auto a = load_activity(*lease, id);
      if (!a || a->archived_at) writer_->delete_document("Q" + id);
      else writer_->replace_document("Q" + id, make_document(*a));
    }
    writer_->commit();
  }

  store::Database& db_;
  fs::path dir_;
  std::mutex mutex_;
  std::optional<Xapian::WritableDatabase> writer_;
  std::optional<Xapian::Database> reader_;
};

}  // namespace

std::unique_ptr<ActivitySearch> make_xapian_activity_search(store::Database& db, const std::filesystem::path& dir) {
  auto engine = std::make_unique<XapianActivitySearch>(db, dir);
  engine->open();
  return engine;
}

}  // namespace samen::journal::detail
