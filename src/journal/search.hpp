// Full-text search over the journal's activities (title, agenda, notes,
// decisions): one interface, two engines, as the service map does
// (src/directory/search/): a Xapian index in DATA_DIR/journal-search on
// SQLite, PostgreSQL full-text search (journal_search) on PostgreSQL. Both
// index the same terms (search.cpp: folded words and their Dutch and French
// stems) and apply the viewer's visibility to the matches before counting
// and paging (Xapian through may_see(), PostgreSQL through visible_sql()),
// so a hidden activity is neither counted nor shown. Archived activities
// are not in the index. Writes re-index after their commit
// (reindex_after_commit); a missing or outdated index is rebuilt at start.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "journal/activity.hpp"
#include "store/database.hpp"

namespace samen::app {
class Change;
}

namespace samen::journal {

struct ActivityQuery {
  std::string text;  // any bytes
  Viewer viewer;
  std::int64_t offset = 0, limit = 20;
  // The search page's count stops at count_cap matches on PostgreSQL
  // (total_capped; Xapian estimates past kCheckAtLeast), since counting all
  // the matches of a broad word on a big journal costs more than the page.
  // 0: an exact total (the API's).
  std::int64_t count_cap = 500;
};

struct ActivityResults {
  std::int64_t total = 0;                // visible matches
  bool total_exact = true;               // false: Xapian's estimate past kCheckAtLeast matches
  bool total_capped = false;             // PostgreSQL stopped counting: more than `total` matches
  std::vector<std::string> ids;          // this page, best first
  std::vector<std::string> highlight;    // the typed words to mark in snippets
};

// What is indexed for an activity: its terms (with repeats), in two fields.
struct ActivityTerms {
  std::vector<std::string> title, body;
};
ActivityTerms activity_terms(const Activity& a);

// A typed query as words, each matched by any of its terms (the folded word
// and its nl/fr stems); every word must match. Empty when nothing searchable was typed.
struct ActivityQueryPlan {
  std::vector<std::vector<std::string>> words;
  std::vector<std::string> highlight;
};
ActivityQueryPlan plan_activity_query(std::string_view text);

class ActivitySearch {
 public:
  virtual ~ActivitySearch() = default;
  // The engine for this database; opens (and if needed builds) its index.
  static std::unique_ptr<ActivitySearch> create(store::Database& db, const std::filesystem::path& data_dir);

  virtual ActivityResults search(const ActivityQuery& q) = 0;
  // Brings these activities up to date in the index (archived or deleted ones leave it).
  virtual void reindex(const std::vector<std::string>& ids) = 0;
  virtual void rebuild() = 0;
  virtual std::string engine_name() const = 0;
};

// Re-indexes the activity once the change has committed (when the App has
// a journal search engine).
void reindex_after_commit(app::Change& change, const std::string& activity_id);

inline constexpr std::size_t kMaxQueryWords = 12;
inline constexpr std::size_t kMaxQueryBytes = 200;

}  // namespace samen::journal
