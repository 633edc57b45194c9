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
  std::string answer_id;            // "" = the activity's notes; else the answer whose text holds the passage
  std::int64_t start = 0, end = 0;  // code points of the source text, [start, end)
  std::string passage;              // the text as it was coded
  bool text_changed = false;
  std::optional<std::int64_t> author_id;
  std::string author_name;
  std::int64_t created_at = 0;
  // Of an answer's coding: its answer set's visibility and state, and the question answered.
  std::string set_visibility, question;
  bool set_archived = false;
};
// May the viewer see this coding of activity `a`: the activity, and for an
// answer's passage its answer set too (active, may_see of its visibility).
bool may_see_coding(const Viewer& v, const Activity& a, const Coding& k);
// The stricter of two visibilities (network < team < facilitators): what an
// answer's passage counts as in the frequencies.
std::string stricter_visibility(const std::string& a, const std::string& b);

// The text a coding's offsets count in: the activity's notes or one answer.
struct CodingSource {
  std::string answer_id;   // "" = the notes
  std::string text;
  std::string visibility;  // the activity's, or the stricter of the activity's and the answer set's
  std::string question;    // of an answer
  std::string set_id;      // of an answer (answer_source and answer_sources_of)
};
CodingSource notes_source(const Activity& a);
// The answer `answer_id` of an active answer set of activity `a` that the
// viewer may see, as a source; nullopt otherwise (unknown, other activity,
// archived set, hidden).
std::optional<CodingSource> answer_source(store::Connection& c, const Viewer& v, const Activity& a,
                                          const std::string& answer_id);
// The non-empty answers of the activity's active answer sets that the viewer
// may see, as sources: sets in order of attachment, questions in guide order.
std::vector<CodingSource> answer_sources_of(store::Connection& c, const Viewer& v, const Activity& a);
// The source of a stored coding (its answer's current text, or the notes).
CodingSource source_of(store::Connection& c, const Activity& a, const Coding& k);

std::optional<Coding> load_coding(store::Connection& c, const std::string& id);
// Every coding of the activity, of its notes and of its answers (callers filter with may_see_coding).
std::vector<Coding> codings_of_activity(store::Connection& c, const std::string& activity_id);
// Inserts a coding of `src` (its passage is taken from the source text at its offsets) with audit.
void insert_coding(app::Change& change, Coding& coding, const Activity& a, const CodingSource& src);
// Moves a coding to new offsets of the current source text (re-attaching a changed one).
void reattach_coding(app::Change& change, Coding& coding, const Activity& a, const CodingSource& src);
void delete_coding(app::Change& change, const Coding& coding, const Activity& a);
// What an edit of an activity means for its codings, in the edit's own
// transaction (called by update_activity): when the notes changed, every
// coding of the notes is re-anchored (coding.hpp reanchor: offsets follow the passage's
// text; a passage no longer found is flagged text_changed); when its start,
// team, type or visibility changed, its codings move in the frequency counts.
void activity_changed(app::Change& change, const Activity& before, const Activity& after);
// The same for an answer whose text was edited (called by save_answers).
void answer_text_changed(app::Change& change, const std::string& answer_id, const std::string& old_text,
                         const std::string& text);
// An answer set's visibility changed, or the set was archived or restored:
// its codings move in the frequency counts (an archived set's codings are not counted).
void answer_set_changed(app::Change& change, const std::string& set_id, const std::string& before_visibility,
                        bool before_active, const std::string& after_visibility, bool after_active);
// Recomputes journal_coding_counts from the codings (after data was loaded
// by SQL: the demo, a benchmark). Returns the number of rows written.
std::int64_t rebuild_coding_counts(store::Connection& c);

// A coding with what a list shows of its activity.
struct CodedPassage {
  Coding coding;
  std::string activity_title, activity_type, team_id;
  std::string visibility;  // the activity's, or for an answer's passage the stricter of it and the set's
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

// The non-empty answers of the active answer sets of active activities that the viewer may see
// (the activity and the set), newest activity first: the answer sources of the QDPX export.
struct VisibleAnswer {
  std::string answer_id, activity_id, activity_title, question, text, visibility;  // visibility: the stricter one
  std::int64_t created_at = 0;
};
std::vector<VisibleAnswer> visible_answers(store::Connection& c, const Viewer& v, std::int64_t limit = 20000);

// Code frequencies: number of codings per code and bucket (a period, team or
// activity type), on active activities the viewer may see.
enum class FrequencyBy { year, quarter, team, type };
struct FrequencyCount {
  std::string code_id, bucket;  // bucket: "2014", "2014-Q2", a team id ("" = Brussels-wide), a type code
  std::int64_t count = 0;
};
std::vector<FrequencyCount> code_frequencies(store::Connection& c, const Viewer& v, FrequencyBy by);

}  // namespace samen::journal
