// Field history of every module's records: what changed, from what to what,
// when and by whom, one row per changed field, written by the change's own
// transaction (app/write.hpp). Records are named "<module>.<kind>" (e.g.
// "journal.activity"). The service map keeps its history in HSDS `metadata`
// rows instead (the HSDS API publishes them), with the same FieldChange.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace samen::app {
class Change;
}

namespace samen::core {

// A record as field → printable value, compared to find what changed.
using Snapshot = std::map<std::string, std::string>;

struct FieldChange {
  std::string field, previous, replacement;
};

// The fields whose value differs (a field missing on one side counts as "").
std::vector<FieldChange> diff(const Snapshot& before, const Snapshot& after);
// "name,email": the audit detail of a change (names only: values may be personal).
std::string changed_field_list(const std::vector<FieldChange>& changes);

// Appends one history row per change ("create", "update") or one row for an
// action without fields ("archive", "restore").
void record_history(app::Change& change, std::string_view record_type, std::string_view record_id,
                    std::string_view action, const std::vector<FieldChange>& changes);

struct HistoryEntry {
  std::int64_t at = 0;
  std::string action, field, previous, replacement, actor_label;
};
// Newest first.
std::vector<HistoryEntry> history_of(store::Connection& c, std::string_view record_type, std::string_view record_id,
                                     std::int64_t limit = 200);

// A row of a table that follows the record convention of new modules:
// `id TEXT PRIMARY KEY`, `version INTEGER NOT NULL`, `created_at`,
// `updated_at`, `archived_at` (unix seconds, NULL = active).
struct RecordRef {
  std::string table;  // e.g. "journal_activities" (from code, never from input)
  std::string type;   // history and audit name, e.g. "journal.activity"
  std::string id;
};

// Takes the next version of a record before its update: checks it exists
// (404), is not archived (409) and that `expected` is still its version
// (StaleVersion), in one conditional UPDATE, so two editors starting from the
// same version cannot both win. Returns the new version.
std::int64_t next_version(app::Change& change, const RecordRef& ref, std::optional<std::int64_t> expected);

// Archives (archive = true) or restores a record: version checked and bumped,
// history row and audit entry ("<type>.archive" / ".restore") in the change's
// transaction. Returns false when it already was in that state.
bool set_archived(app::Change& change, const RecordRef& ref, bool archive, std::optional<std::int64_t> expected);

}  // namespace samen::core
