// Reads and writes of the coding part's tables (coding_store.hpp).
#include "journal/coding_store.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/write.hpp"
#include "journal/store.hpp"
#include "util/uuid.hpp"

namespace samen::journal {

namespace {

const char* kCodeColumns =
    "id, COALESCE(parent_id, ''), label_nl, label_fr, label_en, description, colour, version, created_at, updated_at, "
    "archived_at, COALESCE(guid, ''), codable";

Code code_from_row(const store::Row& r) {
  Code c;
  c.id = r.text(0);
  c.parent_id = r.text(1);
  c.label_nl = r.text(2);
  c.label_fr = r.text(3);
  c.label_en = r.text(4);
  c.description = r.text(5);
  c.colour = r.text(6);
  c.version = r.int64(7);
  c.created_at = r.int64(8);
  c.updated_at = r.int64(9);
  c.archived_at = r.opt_int64(10);
  c.guid = r.text(11);
  c.codable = r.int64(12) != 0;
  return c;
}

store::Param opt_text(const std::string& v) { return v.empty() ? store::Param(nullptr) : store::Param(v); }

const char* kCodingColumns =
    "k.id, k.code_id, k.activity_id, k.start_offset, k.end_offset, k.passage, k.text_changed, k.author_id, "
    "COALESCE(u.name, ''), k.created_at, COALESCE(k.answer_id, ''), COALESCE(s.visibility, ''), s.archived_at, "
    "COALESCE(q.text, '')";
constexpr int kCodingColumnCount = 14;
// What kCodingColumns reads besides the coding `k`: its author, and of an answer's coding the
// answer set `s` and the question `q` (all NULL for a coding of the notes).
const char* kCodingJoins =
    " LEFT JOIN users u ON u.id = k.author_id LEFT JOIN journal_answers ans ON ans.id = k.answer_id "
    "LEFT JOIN journal_activity_guides s ON s.id = ans.activity_guide_id "
    "LEFT JOIN journal_guide_questions q ON q.id = ans.question_id";

Coding coding_from_row(const store::Row& r) {
  Coding k;
  k.id = r.text(0);
  k.code_id = r.text(1);
  k.activity_id = r.text(2);
  k.start = r.int64(3);
  k.end = r.int64(4);
  k.passage = r.text(5);
  k.text_changed = r.int64(6) != 0;
  k.author_id = r.opt_int64(7);
  k.author_name = r.text(8);
  k.created_at = r.int64(9);
  k.answer_id = r.text(10);
  k.set_visibility = r.text(11);
  k.set_archived = !r.is_null(12);
  k.question = r.text(13);
  return k;
}

// Audit detail of a coding: a facilitators-only activity's coding is marked so.
std::string coding_detail(const Coding& k, const std::string& visibility) {
  return k.activity_id + (k.answer_id.empty() ? "" : " answer " + k.answer_id) + " " + k.code_id + " " + std::to_string(k.start) + "-" + std::to_string(k.end) +
         (visibility == "facilitators" ? " facilitators" : "");
}

// The condition that a coding `k` joined with its answer set `s` (and activity `a`) lies in the
// notes or in an active answer set the viewer may see: " AND (...)".
std::string and_visible_answer(const Viewer& v, store::Params& args) {
  std::string set_visible = visible_sql_columns(v, args, "s.visibility", "a.team_id");
  return " AND (k.answer_id IS NULL OR (s.archived_at IS NULL" + (set_visible.empty() ? "" : " AND " + set_visible) + "))";
}

}  // namespace

std::vector<Code> load_codes(store::Connection& c) {
  std::vector<Code> out;
  for (const auto& r : c.exec(std::string("SELECT ") + kCodeColumns + " FROM journal_codes ORDER BY label_nl, id").rows)
    out.push_back(code_from_row(r));
  return out;
}

std::optional<Code> load_code(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kCodeColumns + " FROM journal_codes WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return code_from_row(r.rows[0]);
}

core::Snapshot code_snapshot(const Code& code) {
  return {{"parent_id", code.parent_id}, {"label_nl", code.label_nl},       {"label_fr", code.label_fr},
          {"label_en", code.label_en},   {"description", code.description}, {"colour", code.colour},
          {"codable", code.codable ? "1" : "0"}};
}

namespace {

// The row and its history; the caller writes the audit entry.
void insert_code_row(app::Change& change, Code& code) {
  if (code.id.empty()) code.id = uuid::random();
  code.version = 1;
  code.created_at = code.updated_at = change.now();
  change.db.exec("INSERT INTO journal_codes (id, version, created_at, updated_at, parent_id, label_nl, label_fr, label_en, "
                 "description, colour, guid, codable) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 {code.id, code.created_at, code.updated_at, opt_text(code.parent_id), code.label_nl, code.label_fr,
                  code.label_en, code.description, code.colour, opt_text(code.guid),
                  static_cast<std::int64_t>(code.codable ? 1 : 0)});
  core::record_history(change, "journal.code", code.id, "create", core::diff({}, code_snapshot(code)));
}

}  // namespace

void insert_code(app::Change& change, Code& code) {
  insert_code_row(change, code);
  change.audit("journal.code.create", "journal.code", code.id,
               core::changed_field_list(core::diff({}, code_snapshot(code))));
}

std::vector<std::string> apply_codebook_import(app::Change& change, const ImportPlan& plan) {
  std::map<std::string, std::string> id_of;  // guid → id of the codes made here
  std::vector<std::string> ids;
  for (const auto& p : plan.create) {
    Code code = p.code;
    if (!p.parent_guid.empty()) code.parent_id = id_of.at(p.parent_guid);  // parents come first
    insert_code_row(change, code);
    id_of[code.guid] = code.id;
    ids.push_back(code.id);
  }
  change.audit("journal.code.import", "journal.code", "",
               "created " + std::to_string(plan.create.size()) + ", skipped " + std::to_string(plan.skip.size()));
  return ids;
}

void update_code(app::Change& change, const Code& before, Code& next, std::optional<std::int64_t> expected) {
  next.id = before.id;
  next.version = core::next_version(change, code_ref(before.id), expected);
  next.created_at = before.created_at;
  next.updated_at = change.now();
  // A code made grouping-only keeps the passages coded before; only new codings with it are refused.
  change.db.exec("UPDATE journal_codes SET parent_id = ?, label_nl = ?, label_fr = ?, label_en = ?, description = ?, "
                 "colour = ?, codable = ? WHERE id = ?",
                 {opt_text(next.parent_id), next.label_nl, next.label_fr, next.label_en, next.description, next.colour,
                  static_cast<std::int64_t>(next.codable ? 1 : 0), next.id});
  auto changes = core::diff(code_snapshot(before), code_snapshot(next));
  core::record_history(change, "journal.code", next.id, "update", changes);
  change.audit("journal.code.update", "journal.code", next.id, core::changed_field_list(changes));
}

std::vector<Memo> memos_of(store::Connection& c, const std::string& code_id) {
  std::vector<Memo> out;
  for (const auto& r : c.exec("SELECT m.id, m.code_id, m.text, COALESCE(u.name, ''), m.created_at FROM journal_code_memos m "
                              "LEFT JOIN users u ON u.id = m.author_id WHERE m.code_id = ? ORDER BY m.created_at, m.id",
                              {code_id}).rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4)});
  return out;
}

void insert_memo(app::Change& change, Memo& memo) {
  memo.id = uuid::random();
  memo.created_at = change.now();
  change.db.exec("INSERT INTO journal_code_memos (id, code_id, text, author_id, created_at) VALUES (?, ?, ?, ?, ?)",
                 {memo.id, memo.code_id, memo.text, change.user().id, memo.created_at});
  change.audit("journal.code.memo", "journal.code", memo.code_id, memo.id);
}

bool may_see_coding(const Viewer& v, const Activity& a, const Coding& k) {
  if (!may_see(v, a.visibility, a.team_id)) return false;
  return k.answer_id.empty() || (!k.set_archived && may_see(v, k.set_visibility, a.team_id));
}

std::string stricter_visibility(const std::string& a, const std::string& b) {
  auto rank = [](const std::string& x) { return x == "facilitators" ? 2 : x == "team" ? 1 : 0; };
  return rank(b) > rank(a) ? b : a;
}

CodingSource notes_source(const Activity& a) { return {"", a.notes, a.visibility, "", ""}; }

std::optional<CodingSource> answer_source(store::Connection& c, const Viewer& v, const Activity& a,
                                          const std::string& answer_id) {
  auto r = c.exec("SELECT ans.text, s.visibility, s.archived_at, s.activity_id, COALESCE(q.text, ''), s.id "
                  "FROM journal_answers ans JOIN journal_activity_guides s ON s.id = ans.activity_guide_id "
                  "LEFT JOIN journal_guide_questions q ON q.id = ans.question_id WHERE ans.id = ?",
                  {answer_id});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  if (row.text(3) != a.id || !row.is_null(2) || !may_see(v, a.visibility, a.team_id) ||
      !may_see(v, row.text(1), a.team_id))
    return std::nullopt;
  return CodingSource{answer_id, row.text(0), stricter_visibility(a.visibility, row.text(1)), row.text(4), row.text(5)};
}

std::vector<CodingSource> answer_sources_of(store::Connection& c, const Viewer& v, const Activity& a) {
  std::vector<CodingSource> out;
  if (!may_see(v, a.visibility, a.team_id)) return out;
  for (const auto& r : c.exec("SELECT ans.id, ans.text, s.visibility, COALESCE(q.text, ''), s.id FROM journal_answers ans "
                              "JOIN journal_activity_guides s ON s.id = ans.activity_guide_id "
                              "LEFT JOIN journal_guide_questions q ON q.id = ans.question_id "
                              "WHERE s.activity_id = ? AND s.archived_at IS NULL AND ans.text <> '' "
                              "ORDER BY s.created_at, s.id, q.position, ans.id",
                              {a.id}).rows)
    if (may_see(v, r.text(2), a.team_id))
      out.push_back({r.text(0), r.text(1), stricter_visibility(a.visibility, r.text(2)), r.text(3), r.text(4)});
  return out;
}

CodingSource source_of(store::Connection& c, const Activity& a, const Coding& k) {
  if (k.answer_id.empty()) return notes_source(a);
  auto r = c.exec("SELECT text FROM journal_answers WHERE id = ?", {k.answer_id});
  return {k.answer_id, r.empty() ? "" : r.rows[0].text(0), stricter_visibility(a.visibility, k.set_visibility),
          k.question, ""};
}

std::optional<Coding> load_coding(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kCodingColumns + " FROM journal_codings k" + kCodingJoins + " WHERE k.id = ?",
                  {id});
  if (r.empty()) return std::nullopt;
  return coding_from_row(r.rows[0]);
}

std::vector<Coding> codings_of_activity(store::Connection& c, const std::string& activity_id) {
  std::vector<Coding> out;
  for (const auto& r : c.exec(std::string("SELECT ") + kCodingColumns + " FROM journal_codings k" + kCodingJoins +
                                  " WHERE k.activity_id = ? ORDER BY k.answer_id IS NOT NULL, q.position, k.answer_id, "
                                  "k.start_offset, k.end_offset, k.id",
                              {activity_id}).rows)
    out.push_back(coding_from_row(r));
  return out;
}

namespace {

// Adds `delta` codings of `code_id` on activity `a`, counted as `visibility` (the activity's, or the
// stricter of it and an answer set's), to both dimensions of journal_coding_counts.
void count(store::Connection& c, const std::string& code_id, const Activity& a, const std::string& visibility,
           std::int64_t delta) {
  if (delta == 0) return;
  for (auto [dim, bucket] : {std::pair<const char*, std::string>{"quarter", period_of(a.starts_at, true)},
                             std::pair<const char*, std::string>{"type", a.type}}) {
    c.exec("INSERT INTO journal_coding_counts (code_id, visibility, team_id, dim, bucket, n) VALUES (?, ?, ?, ?, ?, ?) "
           "ON CONFLICT (dim, code_id, visibility, team_id, bucket) DO UPDATE SET n = journal_coding_counts.n + excluded.n",
           {code_id, visibility, a.team_id, dim, bucket, delta});
  }
  c.exec("DELETE FROM journal_coding_counts WHERE n <= 0 AND code_id = ?", {code_id});
}

// Re-anchors the codings of one source: the notes of `activity_id` (answer_id "") or one answer.
void reanchor_codings(app::Change& change, const std::string& activity_id, const std::string& answer_id,
                      const std::string& old_notes, const std::string& notes) {
  std::vector<Coding> codings;
  for (auto& k : codings_of_activity(change.db, activity_id))
    if (k.answer_id == answer_id) codings.push_back(std::move(k));
  if (codings.empty()) return;
  std::vector<Anchor> anchors;
  for (const auto& k : codings) anchors.push_back({k.start, k.end, k.passage});
  auto placed = reanchor(old_notes, notes, anchors);
  int moved = 0, changed = 0;
  for (std::size_t i = 0; i < codings.size(); ++i) {
    const auto& k = codings[i];
    const auto& p = placed[i];
    if (p.found && (p.start != k.start || p.end != k.end || k.text_changed)) {
      change.db.exec("UPDATE journal_codings SET start_offset = ?, end_offset = ?, text_changed = 0 WHERE id = ?",
                     {p.start, p.end, k.id});
      ++moved;
    } else if (!p.found && !k.text_changed) {
      change.db.exec("UPDATE journal_codings SET text_changed = 1 WHERE id = ?", {k.id});
      ++changed;
    }
  }
  if (moved || changed)
    change.audit("journal.coding.reanchor", answer_id.empty() ? "journal.activity" : "journal.answer",
                 answer_id.empty() ? activity_id : answer_id,
                 "moved " + std::to_string(moved) + ", text changed " + std::to_string(changed));
}

}  // namespace

void insert_coding(app::Change& change, Coding& k, const Activity& a, const CodingSource& src) {
  k.id = uuid::random();
  k.activity_id = a.id;
  k.answer_id = src.answer_id;
  k.passage = cp_substr(src.text, k.start, k.end);
  k.text_changed = false;
  k.author_id = change.user().id;
  k.created_at = change.now();
  change.db.exec("INSERT INTO journal_codings (id, code_id, activity_id, field, start_offset, end_offset, passage, "
                 "text_changed, author_id, created_at, answer_id) VALUES (?, ?, ?, 'notes', ?, ?, ?, 0, ?, ?, ?)",
                 {k.id, k.code_id, k.activity_id, k.start, k.end, k.passage, *k.author_id, k.created_at,
                  opt_text(k.answer_id)});
  count(change.db, k.code_id, a, src.visibility, 1);
  change.audit("journal.coding.create", "journal.coding", k.id, coding_detail(k, src.visibility));
}

void reattach_coding(app::Change& change, Coding& k, const Activity& /*a*/, const CodingSource& src) {
  k.passage = cp_substr(src.text, k.start, k.end);
  k.text_changed = false;
  change.db.exec("UPDATE journal_codings SET start_offset = ?, end_offset = ?, passage = ?, text_changed = 0 WHERE id = ?",
                 {k.start, k.end, k.passage, k.id});
  change.audit("journal.coding.reattach", "journal.coding", k.id, coding_detail(k, src.visibility));
}

void delete_coding(app::Change& change, const Coding& k, const Activity& a) {
  change.db.exec("DELETE FROM journal_codings WHERE id = ?", {k.id});
  std::string visibility = stricter_visibility(a.visibility, k.set_visibility);
  if (!k.set_archived) count(change.db, k.code_id, a, visibility, -1);  // an archived set's codings are not counted
  change.audit("journal.coding.delete", "journal.coding", k.id, coding_detail(k, visibility));
}

void activity_changed(app::Change& change, const Activity& before, const Activity& after) {
  if (after.notes != before.notes) reanchor_codings(change, after.id, "", before.notes, after.notes);
  if (after.starts_at == before.starts_at && after.team_id == before.team_id && after.type == before.type &&
      after.visibility == before.visibility && period_of(after.starts_at, true) == period_of(before.starts_at, true))
    return;
  // Per code and answer-set visibility ('' for the notes), the codings counted (those of active sets).
  for (const auto& r : change.db.exec("SELECT k.code_id, COALESCE(s.visibility, ''), COUNT(*) FROM journal_codings k "
                                      "LEFT JOIN journal_answers ans ON ans.id = k.answer_id "
                                      "LEFT JOIN journal_activity_guides s ON s.id = ans.activity_guide_id "
                                      "WHERE k.activity_id = ? AND (k.answer_id IS NULL OR s.archived_at IS NULL) "
                                      "GROUP BY k.code_id, COALESCE(s.visibility, '')",
                                      {after.id}).rows) {
    count(change.db, r.text(0), before, stricter_visibility(before.visibility, r.text(1)), -r.int64(2));
    count(change.db, r.text(0), after, stricter_visibility(after.visibility, r.text(1)), r.int64(2));
  }
}

void answer_text_changed(app::Change& change, const std::string& answer_id, const std::string& old_text,
                         const std::string& text) {
  if (old_text == text) return;
  auto r = change.db.exec("SELECT s.activity_id FROM journal_answers ans JOIN journal_activity_guides s "
                          "ON s.id = ans.activity_guide_id WHERE ans.id = ?", {answer_id});
  if (!r.empty()) reanchor_codings(change, r.rows[0].text(0), answer_id, old_text, text);
}

void answer_set_changed(app::Change& change, const std::string& set_id, const std::string& before_visibility,
                        bool before_active, const std::string& after_visibility, bool after_active) {
  if (before_active == after_active && (before_visibility == after_visibility || !after_active)) return;
  auto set = change.db.exec("SELECT activity_id FROM journal_activity_guides WHERE id = ?", {set_id});
  if (set.empty()) return;
  auto a = load_activity(change.db, set.rows[0].text(0));
  if (!a) return;
  for (const auto& r : change.db.exec("SELECT k.code_id, COUNT(*) FROM journal_codings k JOIN journal_answers ans "
                                      "ON ans.id = k.answer_id WHERE ans.activity_guide_id = ? GROUP BY k.code_id",
                                      {set_id}).rows) {
    if (before_active) count(change.db, r.text(0), *a, stricter_visibility(a->visibility, before_visibility), -r.int64(1));
    if (after_active) count(change.db, r.text(0), *a, stricter_visibility(a->visibility, after_visibility), r.int64(1));
  }
}

std::int64_t rebuild_coding_counts(store::Connection& c) {
  // (code, visibility, team, dim, bucket) → n, from each activity's codings per code.
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string>, std::int64_t> counts;
  // An answer's coding counts as the stricter of its activity's and its answer set's visibility;
  // those of archived answer sets are not counted.
  for (const auto& r : c.exec("SELECT k.code_id, a.visibility, COALESCE(a.team_id, ''), a.type, a.starts_at, "
                              "COALESCE(s.visibility, ''), COUNT(*) "
                              "FROM journal_codings k JOIN journal_activities a ON a.id = k.activity_id "
                              "LEFT JOIN journal_answers ans ON ans.id = k.answer_id "
                              "LEFT JOIN journal_activity_guides s ON s.id = ans.activity_guide_id "
                              "WHERE k.answer_id IS NULL OR s.archived_at IS NULL "
                              "GROUP BY k.code_id, a.id, a.visibility, a.team_id, a.type, a.starts_at, "
                              "COALESCE(s.visibility, '')").rows) {
    std::string visibility = stricter_visibility(r.text(1), r.text(5));
    counts[{r.text(0), visibility, r.text(2), "quarter", period_of(r.int64(4), true)}] += r.int64(6);
    counts[{r.text(0), visibility, r.text(2), "type", r.text(3)}] += r.int64(6);
  }
  c.exec("DELETE FROM journal_coding_counts");
  for (const auto& [key, n] : counts) {
    const auto& [code, visibility, team, dim, bucket] = key;
    c.exec("INSERT INTO journal_coding_counts (code_id, visibility, team_id, dim, bucket, n) VALUES (?, ?, ?, ?, ?, ?)",
           {code, visibility, team, dim, bucket, n});
  }
  return static_cast<std::int64_t>(counts.size());
}

PassageList list_passages(store::Connection& c, const Viewer& v, const PassageFilter& f) {
  store::Params args;
  std::string where = " WHERE a.archived_at IS NULL";
  where += and_visible(v, args, "a");
  where += and_visible_answer(v, args);
  if (!f.code_ids.empty()) {
    where += " AND k.code_id IN (";
    for (std::size_t i = 0; i < f.code_ids.size(); ++i) {
      where += i ? ",?" : "?";
      args.push_back(f.code_ids[i]);
    }
    where += ")";
  }
  if (!f.activity_id.empty()) {
    where += " AND k.activity_id = ?";
    args.push_back(f.activity_id);
  }
  if (f.changed_only) where += " AND k.text_changed = 1";
  PassageList out;
  if (!f.skip_total)
    out.total = c.exec("SELECT COUNT(*) FROM journal_codings k JOIN journal_activities a ON a.id = k.activity_id"
                       " LEFT JOIN journal_answers ans ON ans.id = k.answer_id"
                       " LEFT JOIN journal_activity_guides s ON s.id = ans.activity_guide_id" + where,
                       args).rows.at(0).int64(0);
  // Activities newest first, each one's codings looked up by (activity, code): with CROSS JOIN SQLite
  // keeps that order (PostgreSQL plans as it likes), so a page stops after its rows instead of sorting every match.
  std::string sql = std::string("SELECT ") + kCodingColumns +
                    ", a.title, a.type, COALESCE(a.team_id, ''), a.visibility, a.starts_at FROM journal_activities a "
                    "CROSS JOIN journal_codings k" + kCodingJoins + where +
                    " AND k.activity_id = a.id ORDER BY a.starts_at DESC, a.id, k.answer_id IS NOT NULL, q.position, "
                    "k.answer_id, k.start_offset, k.id";
  if (f.limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    args.push_back(f.limit);
    args.push_back(f.offset);
  }
  for (const auto& r : c.exec(sql, args).rows) {
    CodedPassage p;
    p.coding = coding_from_row(r);
    p.activity_title = r.text(kCodingColumnCount);
    p.activity_type = r.text(kCodingColumnCount + 1);
    p.team_id = r.text(kCodingColumnCount + 2);
    p.visibility = stricter_visibility(r.text(kCodingColumnCount + 3), p.coding.set_visibility);
    p.starts_at = r.int64(kCodingColumnCount + 4);
    out.has_facilitators_only |= p.visibility == "facilitators";
    out.items.push_back(std::move(p));
  }
  return out;
}

std::vector<VisibleAnswer> visible_answers(store::Connection& c, const Viewer& v, std::int64_t limit) {
  store::Params args;
  std::string where = " WHERE a.archived_at IS NULL AND s.archived_at IS NULL AND ans.text <> ''";
  where += and_visible(v, args, "a");
  std::string set_visible = visible_sql_columns(v, args, "s.visibility", "a.team_id");
  if (!set_visible.empty()) where += " AND " + set_visible;
  args.push_back(limit);
  std::vector<VisibleAnswer> out;
  for (const auto& r : c.exec("SELECT ans.id, a.id, a.title, COALESCE(q.text, ''), ans.text, a.visibility, s.visibility, "
                              "ans.created_at FROM journal_answers ans "
                              "JOIN journal_activity_guides s ON s.id = ans.activity_guide_id "
                              "JOIN journal_activities a ON a.id = s.activity_id "
                              "LEFT JOIN journal_guide_questions q ON q.id = ans.question_id" + where +
                                  " ORDER BY a.starts_at DESC, a.id, s.created_at, s.id, q.position, ans.id LIMIT ?",
                              args).rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), stricter_visibility(r.text(5), r.text(6)),
                   r.int64(7)});
  return out;
}

std::vector<FrequencyCount> code_frequencies(store::Connection& c, const Viewer& v, FrequencyBy by) {
  // Team and type come from the 'type' rows, periods from the 'quarter' rows (a year is its four quarters).
  const bool quarters = by == FrequencyBy::year || by == FrequencyBy::quarter;
  // The bucket of an (archived) activity, as the SQL below buckets the counts.
  auto bucket_of = [&](const std::string& team, const std::string& type, std::int64_t starts_at) -> std::string {
    if (by == FrequencyBy::team) return team;
    if (by == FrequencyBy::type) return type;
    return period_of(starts_at, by == FrequencyBy::quarter);
  };
  std::map<std::pair<std::string, std::string>, std::int64_t> totals;  // (code, bucket) → n
  // Summed in SQL down to one row per code and bucket, so the reader gets hundreds of rows, not thousands.
  const char* bucket_sql = by == FrequencyBy::year ? "substr(bucket, 1, 4)" : by == FrequencyBy::team ? "team_id" : "bucket";
  store::Params args{std::string(quarters ? "quarter" : "type")};
  std::string where = " WHERE dim = ?";
  where += and_visible(v, args);
  for (const auto& r : c.exec(std::string("SELECT code_id, ") + bucket_sql + ", SUM(n) FROM journal_coding_counts" +
                                  where + " GROUP BY code_id, " + bucket_sql,
                              args).rows)
    totals[{r.text(0), r.text(1)}] += r.int64(2);
  // Archived activities are still in the counts: take theirs off (the reader's visibility as above).
  store::Params archived_args;
  std::string archived_where = " WHERE a.archived_at IS NOT NULL";
  archived_where += and_visible(v, archived_args, "a");
  archived_where += and_visible_answer(v, archived_args);
  for (const auto& r : c.exec("SELECT k.code_id, COALESCE(a.team_id, ''), a.type, a.starts_at, COUNT(*) "
                              "FROM journal_activities a JOIN journal_codings k ON k.activity_id = a.id "
                              "LEFT JOIN journal_answers ans ON ans.id = k.answer_id "
                              "LEFT JOIN journal_activity_guides s ON s.id = ans.activity_guide_id" +
                                  archived_where + " GROUP BY k.code_id, a.id, a.team_id, a.type, a.starts_at",
                              archived_args).rows)
    totals[{r.text(0), bucket_of(r.text(1), r.text(2), r.int64(3))}] -= r.int64(4);
  std::vector<FrequencyCount> out;
  for (const auto& [key, n] : totals)
    if (n > 0) out.push_back({key.first, key.second, n});
  return out;
}

}  // namespace samen::journal
