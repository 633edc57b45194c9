// The coding part's tables (migrations/0002_coding.sql) read and written:
// the codebook, memos on codes, codings of passages, the passages of a code
// and code frequencies (visibility applied in SQL with journal::visible_sql,
// so no list or count holds a passage of an activity its reader may not see),
// and the re-anchoring of an activity's codings inside the transaction that
// edits its notes. Writes take an app::Change (the one write path).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/history.hpp"
#include "journal/activity.hpp"
#include "journal/coding.hpp"
#include "journal/coding_import.hpp"
#include "store/database.hpp"

namespace samen::app {
class Change;
}

namespace samen::journal {

inline const core::RecordRef code_ref(const std::string& id) { return {"journal_codes", "journal.code", id}; }

std::vector<Code> load_codes(store::Connection& c);  // archived ones too
std::optional<Code> load_code(store::Connection& c, const std::string& id);
core::Snapshot code_snapshot(const Code& code);
// Inserts a code (id, version, stamps set here) with its history and audit entry.
void insert_code(app::Change& change, Code& code);
// Writes `next` over the code whose version the editor read (StaleVersion otherwise).
// Creates the plan's codes (coding_import.hpp: parents first, each with its
// guid and history) with one audit entry for the whole import. Returns their ids.
std::vector<std::string> apply_codebook_import(app::Change& change, const ImportPlan& plan);
void update_code(app::Change& change, const Code& before, Code& next, std::optional<std::int64_t> expected);

struct Memo {
  std::string id, code_id, text, author_name;
  std::int64_t created_at = 0;
};
std::vector<Memo> memos_of(store::Connection& c, const std::string& code_id);  // oldest first
void insert_memo(app::Change& change, Memo& memo);

struct Coding {
  std::string id, code_id, activity_id;
  std::int64_t start = 0, end = 0;  // code points of the notes, [start, end)
  std::string passage;              // the text as it was coded
  bool text_changed = false;
  std::optional<std::int64_t> author_id;
  std::string author_name;
  std::int64_t created_at = 0;
};
std::optional<Coding> load_coding(store::Connection& c, const std::string& id);
std::vector<Coding> codings_of_activity(store::Connection& c, const std::string& activity_id);
// Inserts a coding of activity `a` (its passage is taken from the notes at its offsets) with audit.
void insert_coding(app::Change& change, Coding& coding, const Activity& a);
// Moves a coding to new offsets of the current notes (re-attaching a changed one).
void reattach_coding(app::Change& change, Coding& coding, const Activity& a);
void delete_coding(app::Change& change, const Coding& coding, const Activity& a);
// What an edit of an activity means for its codings, in the edit's own
// transaction (called by update_activity): when the notes changed, every
// coding is re-anchored (coding.hpp reanchor: offsets follow the passage's
// text; a passage no longer found is flagged text_changed); when its start,
// team, type or visibility changed, its codings move in the frequency counts.
void activity_changed(app::Change& change, const Activity& before, const Activity& after);
// Recomputes journal_coding_counts from the codings (after data was loaded
// by SQL: the demo, a benchmark). Returns the number of rows written.
std::int64_t rebuild_coding_counts(store::Connection& c);

// A coding with what a list shows of its activity.
struct CodedPassage {
  Coding coding;
  std::string activity_title, activity_type, team_id, visibility;
  std::int64_t starts_at = 0;
};
struct PassageFilter {
  std::vector<std::string> code_ids;  // empty: any code
  std::string activity_id;
  bool changed_only = false;
  bool skip_total = false;  // total stays 0 (the caller counts from code_frequencies)
  std::int64_t offset = 0, limit = 50;  // limit 0: all
};
struct PassageList {
  std::vector<CodedPassage> items;  // activity start, then offset
  std::int64_t total = 0;
  bool has_facilitators_only = false;  // among the listed items
};
// The passages of active activities the viewer may see.
PassageList list_passages(store::Connection& c, const Viewer& v, const PassageFilter& f);

// Code frequencies: number of codings per code and bucket (a period, team or
// activity type), on active activities the viewer may see.
enum class FrequencyBy { year, quarter, team, type };
struct FrequencyCount {
  std::string code_id, bucket;  // bucket: "2014", "2014-Q2", a team id ("" = Brussels-wide), a type code
  std::int64_t count = 0;
};
std::vector<FrequencyCount> code_frequencies(store::Connection& c, const Viewer& v, FrequencyBy by);

}  // namespace samen::journal
