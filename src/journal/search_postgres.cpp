// The journal's PostgreSQL search engine: journal_search holds the terms
// Samen computes (search.cpp) as tsvectors, with each activity's
// visibility, team and start, so every server process on the database sees
// a re-index at once. A search reads that table alone: visible_sql() (the
// SQL twin of may_see()) drops what the viewer may not see; a bounded count
// (ActivityQuery::count_cap) and a page of title matches, then the others, newest
// first, each read no further than the page (page_sql()). Archived
// activities have no row. At start, rows of another format are rebuilt and
// stale rows (version differs) re-indexed.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

#include "journal/search.hpp"
#include "journal/store.hpp"
#include "store/settings.hpp"

namespace samen::journal::detail {
namespace {

constexpr const char* kFormat = "1";  // bump when the terms change: forces a rebuild
constexpr const char* kFormatSetting = "journal.search_format";
constexpr std::size_t kMaxLexemeBytes = 1000;

std::string vector_of(const std::vector<std::string>& terms) {
  std::set<std::string> unique;
  for (const auto& t : terms)
    if (t.size() <= kMaxLexemeBytes) unique.insert(t);
  std::string out;
  for (const auto& t : unique) out += store::pg_lexeme(t) + ' ';
  return out;
}

// Each word as its stems only: a row holding the typed word always holds its
// stems too (search.cpp indexes both), so the word itself adds no match, only
// one more GIN posting list to read for every search.
std::string tsquery_of(const ActivityQueryPlan& plan) {
  std::string out;
  for (const auto& terms : plan.words) {
    std::string any;
    for (std::size_t i = terms.size() > 1 ? 1 : 0; i < terms.size(); ++i)
      any += (any.empty() ? "" : " | ") + store::pg_lexeme(terms[i]);
    out += (out.empty() ? "(" : " & (") + any + ")";
  }
  return out;
}

class PostgresActivitySearch final : public ActivitySearch {
 public:
  explicit PostgresActivitySearch(store::Database& db) : db_(db) {}

  void open() {
    std::vector<std::string> stale;
    {
      auto lease = db_.acquire();
      if (store::read_setting(*lease, kFormatSetting) != std::optional<std::string>(kFormat)) {
        rebuild();
        return;
      }
      for (const auto& r : lease->exec("SELECT a.id FROM journal_activities a LEFT JOIN journal_search s "
                                       "ON s.activity_id = a.id WHERE a.archived_at IS NULL AND "
                                       "(s.activity_id IS NULL OR s.version <> a.version)").rows)
        stale.push_back(r.text(0));
      lease->exec("DELETE FROM journal_search s USING journal_activities a WHERE a.id = s.activity_id AND "
                  "a.archived_at IS NOT NULL");
    }
    if (!stale.empty()) reindex(stale);
  }

  ActivityResults search(const ActivityQuery& q) override {
    ActivityResults out;
    ActivityQueryPlan plan = plan_activity_query(q.text);
    out.highlight = plan.highlight;
    if (plan.words.empty()) return out;
    const std::string tsquery = tsquery_of(plan);
    store::Params visible_args;
    const std::string visible = and_visible(q.viewer, visible_args, "s");
    const std::int64_t limit = std::clamp<std::int64_t>(q.limit, 0, 100), offset = std::clamp<std::int64_t>(q.offset, 0, 10000);
    auto lease = db_.acquire();
    store::PreferIndexScans index_scans(*lease);
    count_matches(*lease, tsquery, visible, visible_args, q.count_cap, out);
    if (out.total == 0 || (!out.total_capped && offset >= out.total)) return out;
    for (const auto& r : lease->exec(page_sql(visible), page_args(tsquery, visible_args, offset, limit)).rows)
      out.ids.push_back(r.text(0));
    return out;
  }

  void reindex(const std::vector<std::string>& ids) override {
    auto lease = db_.acquire();
    store::run_in_transaction(*lease, [&] {
      for (const auto& id : ids) write_row(*lease, id, load_activity(*lease, id));
    });
  }

  void rebuild() override {
    auto lease = db_.acquire();
    store::run_in_transaction(*lease, [&] {
      lease->exec("DELETE FROM journal_search");
      constexpr std::int64_t kBatch = 1000;
      std::int64_t count = 0;
      for (std::string after;;) {
        auto batch = active_activities_after(*lease, after, kBatch);
        for (const auto& a : batch) write_row(*lease, a.id, a);
        count += static_cast<std::int64_t>(batch.size());
        if (static_cast<std::int64_t>(batch.size()) < kBatch) break;
        after = batch.back().id;
      }
      store::write_setting(*lease, kFormatSetting, kFormat);
      spdlog::info("journal search rows rebuilt: {} activities", count);
    });
  }

  std::string engine_name() const override { return "postgresql"; }

 private:
  // The visible matches, counted up to `cap` (0: all of them).
  static void count_matches(store::Connection& c, const std::string& tsquery, const std::string& visible,
                            const store::Params& visible_args, std::int64_t cap, ActivityResults& out) {
    store::Params args{tsquery};
    args.insert(args.end(), visible_args.begin(), visible_args.end());
    const std::string matches = "SELECT 1 FROM journal_search s WHERE s.doc @@ CAST(? AS tsquery)" + visible;
    if (cap <= 0) {
      out.total = c.exec("SELECT COUNT(*) FROM (" + matches + ") n", args).rows.at(0).int64(0);
      return;
    }
    args.push_back(cap + 1);
    out.total = c.exec("SELECT COUNT(*) FROM (" + matches + " LIMIT ?) n", args).rows.at(0).int64(0);
    out.total_capped = out.total > cap;
    if (out.total_capped) out.total = cap;
  }

  // A page: the title matches newest first, then the other matches newest
  // first (the order of the Xapian engine's equal-relevance ties, by tier).
  // Each tier reads at most offset + limit rows: the title tier from its
  // GIN index, the other along journal_search_recent, testing rows until
  // enough match (or from the GIN index when the planner expects few), so
  // no match beyond the page is read or ranked.
  static std::string page_sql(const std::string& visible) {
    const std::string tier_order = " ORDER BY s.starts_at DESC, s.activity_id LIMIT ?)";
    return "SELECT activity_id FROM ("
           "(SELECT s.activity_id, 0 AS tier, s.starts_at FROM journal_search s WHERE s.title_doc @@ CAST(? AS tsquery)" +
           visible + tier_order +
           " UNION ALL "
           "(SELECT s.activity_id, 1 AS tier, s.starts_at FROM journal_search s WHERE s.doc @@ CAST(? AS tsquery) "
           "AND NOT (s.title_doc @@ CAST(? AS tsquery))" +
           visible + tier_order + ") page ORDER BY tier, starts_at DESC, activity_id LIMIT ? OFFSET ?";
  }

  static store::Params page_args(const std::string& tsquery, const store::Params& visible_args, std::int64_t offset,
                                 std::int64_t limit) {
    store::Params args{tsquery};
    args.insert(args.end(), visible_args.begin(), visible_args.end());
    args.push_back(offset + limit);
    args.push_back(tsquery);
    args.push_back(tsquery);
    args.insert(args.end(), visible_args.begin(), visible_args.end());
    args.push_back(offset + limit);
    args.push_back(limit);
    args.push_back(offset);
    return args;
  }

  static void write_row(store::Connection& c, const std::string& id, const std::optional<Activity>& a) {
    if (!a || a->archived_at) {
      c.exec("DELETE FROM journal_search WHERE activity_id = ?", {id});
      return;
    }
    const ActivityTerms t = activity_terms(*a);
    std::vector<std::string> all = t.title;
    all.insert(all.end(), t.body.begin(), t.body.end());
    c.exec("INSERT INTO journal_search (activity_id, version, visibility, team_id, starts_at, doc, title_doc) "
           "VALUES (?, ?, ?, ?, ?, CAST(? AS tsvector), CAST(? AS tsvector)) ON CONFLICT (activity_id) DO UPDATE SET "
           "version = excluded.version, visibility = excluded.visibility, team_id = excluded.team_id, "
           "starts_at = excluded.starts_at, doc = excluded.doc, title_doc = excluded.title_doc",
           {id, a->version, a->visibility, a->team_id.empty() ? store::Param(nullptr) : store::Param(a->team_id),
            a->starts_at, vector_of(all), vector_of(t.title)});
  }

  store::Database& db_;
};

}  // namespace

std::unique_ptr<ActivitySearch> make_postgres_activity_search(store::Database& db) {
  auto engine = std::make_unique<PostgresActivitySearch>(db);
  engine->open();
  return engine;
}

}  // namespace samen::journal::detail
