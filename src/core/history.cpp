// Field history and the versioned-record helpers of core/history.hpp.
#include "core/history.hpp"

#include <set>

#include "app/write.hpp"

namespace samen::core {

std::vector<FieldChange> diff(const Snapshot& before, const Snapshot& after) {
  std::vector<FieldChange> out;
  std::set<std::string> fields;
  for (const auto& [k, v] : before) fields.insert(k);
  for (const auto& [k, v] : after) fields.insert(k);
  for (const auto& f : fields) {
    auto b = before.find(f), a = after.find(f);
    std::string prev = b == before.end() ? "" : b->second, next = a == after.end() ? "" : a->second;
    if (prev != next) out.push_back({f, prev, next});
  }
  return out;
}

std::string changed_field_list(const std::vector<FieldChange>& changes) {
  std::string out;
  for (const auto& c : changes) out += (out.empty() ? "" : ",") + c.field;
  return out;
}

void record_history(app::Change& change, std::string_view record_type, std::string_view record_id,
                    std::string_view action, const std::vector<FieldChange>& changes) {
  auto insert = [&](const std::string& field, const std::string& previous, const std::string& replacement) {
    change.db.exec("INSERT INTO record_history (at, record_type, record_id, action, field, previous, replacement, "
                   "actor_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   {change.now(), std::string(record_type), std::string(record_id), std::string(action), field, previous,
                    replacement, change.actor_label()});
  };
  if (changes.empty()) insert("", "", "");
  for (const auto& c : changes) insert(c.field, c.previous, c.replacement);
}

std::vector<HistoryEntry> history_of(store::Connection& c, std::string_view record_type, std::string_view record_id,
                                     std::int64_t limit) {
  std::vector<HistoryEntry> out;
  auto r = c.exec("SELECT at, action, field, previous, replacement, actor_label FROM record_history "
                  "WHERE record_type = ? AND record_id = ? ORDER BY at DESC, id DESC LIMIT ?",
                  {std::string(record_type), std::string(record_id), limit});
  for (const auto& row : r.rows)
    out.push_back({row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)});
  return out;
}

namespace {

// Why a conditional update of `ref` touched no row: missing, archived or stale.
[[noreturn]] void explain_refusal(app::Change& change, const RecordRef& ref) {
  auto r = change.db.exec("SELECT archived_at FROM " + ref.table + " WHERE id = ?", {ref.id});
  if (r.empty()) throw app::HttpError(404, "not_found", "error.not_found");
  if (!r.rows[0].is_null(0)) throw app::ArchivedRecordError();
  throw app::StaleVersion();
}

}  // namespace

std::int64_t next_version(app::Change& change, const RecordRef& ref, std::optional<std::int64_t> expected) {
  std::string sql = "UPDATE " + ref.table + " SET version = version + 1, updated_at = ? WHERE id = ? AND archived_at IS NULL";
  store::Params args{change.now(), ref.id};
  if (expected) {
    sql += " AND version = ?";
    args.push_back(*expected);
  }
  if (change.db.exec(sql, args).affected != 1) explain_refusal(change, ref);
  return change.db.exec("SELECT version FROM " + ref.table + " WHERE id = ?", {ref.id}).rows.at(0).int64(0);
}

bool set_archived(app::Change& change, const RecordRef& ref, bool archive, std::optional<std::int64_t> expected) {
  auto r = change.db.exec("SELECT archived_at, version FROM " + ref.table + " WHERE id = ?", {ref.id});
  if (r.empty()) throw app::HttpError(404, "not_found", "error.not_found");
  if (r.rows[0].is_null(0) != archive) return false;
  app::check_version(expected, r.rows[0].int64(1));
  std::string sql = "UPDATE " + ref.table + " SET archived_at = " + (archive ? "?" : "NULL") +
                    ", version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
  store::Params args;
  if (archive) args.push_back(change.now());
  args.insert(args.end(), {change.now(), ref.id, r.rows[0].int64(1)});
  if (change.db.exec(sql, args).affected != 1) throw app::StaleVersion();
  const char* action = archive ? "archive" : "restore";
  record_history(change, ref.type, ref.id, action, {});
  change.audit(ref.type + "." + action, ref.type, ref.id);
  return true;
}

}  // namespace samen::core
