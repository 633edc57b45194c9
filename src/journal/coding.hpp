// Qualitative coding of the journal without I/O: the codebook's rules (codes
// in a tree without cycles, labels in nl/fr/en, #rrggbb colours with a badge
// text colour chosen for contrast), passages of a note and their offsets,
// the paragraphs a note is coded by without JavaScript, and re-anchoring a
// passage when its note is edited.
//
// Offsets are counted in Unicode code points of the note's stored text (the
// Markdown source, UTF-8 in the database), as QDA tools and REFI-QDA's
// PlainTextSelection (startPosition/endPosition) count them; `end` is one
// past the last code point. Every function here takes and returns that unit.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/roles.hpp"
#include "i18n/i18n.hpp"

namespace samen::journal {

struct Code {
  std::string id, parent_id;  // parent_id "" = a top-level code
  std::string label_nl, label_fr, label_en, description;
  std::string colour = "#1f6feb";
  std::string guid;  // the REFI-QDA guid it was imported with ("" = made here; the export derives one)
  bool codable = true;  // false: a grouping code (imported with isCodable="false"), not offered for coding
  std::int64_t version = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> archived_at;
  const std::string& label(i18n::Lang l) const {
    return l == i18n::Lang::fr ? label_fr : l == i18n::Lang::en ? label_en : label_nl;
  }
};

// Who manages the codebook and codes passages: admins, coordinators, facilitators.
bool may_manage_codebook(accounts::Role r);
// Who reads the codebook and the per-code pages (passages filtered by may_see):
// every staff role (admins, coordinators, facilitators, partners).
bool may_read_codebook(accounts::Role r);

// "#1f6feb" (exactly #rrggbb, lower- or upper-case hex).
bool valid_colour(std::string_view colour);
// WCAG 2.1 contrast ratio of two #rrggbb colours (1..21).
double contrast_ratio(std::string_view a, std::string_view b);
// The text colour of a badge on `background`: black or white, whichever
// contrasts more (always at least 4.5:1, WCAG AA for normal text).
std::string badge_text_colour(std::string_view background);

using CodeErrors = std::map<std::string, std::string>;  // field → catalog key
// The rules of a valid code: labels in the three languages (≤ 200 bytes),
// description ≤ 5000, colour #rrggbb, a parent that exists and does not
// make a cycle. `codes` is the codebook as stored (the code itself included
// when it is an update).
CodeErrors validate_code(const Code& c, const std::vector<Code>& codes);
// True when making `parent_id` the parent of `id` would make a cycle (the
// parent is the code itself or one of its descendants).
bool makes_cycle(const std::vector<Code>& codes, std::string_view id, std::string_view parent_id);
// The code and all its descendants.
std::vector<std::string> subtree_ids(const std::vector<Code>& codes, std::string_view id);
// The codes in tree order (parents before their children, labels sorted in
// `lang` among siblings) with each one's depth (0 = top level).
std::vector<std::pair<const Code*, int>> tree_order(const std::vector<Code>& codes, i18n::Lang lang);
// The top-level ancestor of a code (itself when it has no parent).
std::string root_of(const std::vector<Code>& codes, std::string_view id);

// ---- text and offsets ----------------------------------------------------------------------

// The number of code points of UTF-8 text.
std::int64_t cp_length(std::string_view text);
// The byte offset of code point `cp` (text.size() at or past the end).
std::size_t cp_to_byte(std::string_view text, std::int64_t cp);
// The text between two code-point offsets.
std::string cp_substr(std::string_view text, std::int64_t start, std::int64_t end);

// What is wrong with a passage [start, end) of a note of `length` code
// points: nullopt when it is fine; a catalog key otherwise.
std::optional<std::string> passage_error(std::int64_t start, std::int64_t end, std::int64_t length);

struct Paragraph {
  std::int64_t start = 0, end = 0;  // code points; the paragraph without surrounding white space
  std::string text;
};
// The paragraphs of a note: runs of non-blank lines, separated by blank lines.
std::vector<Paragraph> paragraphs(std::string_view notes);

// A browser's selection is counted in the text a page shows, where the HTML
// parser made each CR LF (and a lone CR) one LF. The code-point offset in
// the stored `text` of the position `shown` code points into it.
std::int64_t stored_offset(std::string_view text, std::int64_t shown);

// ---- anchoring -----------------------------------------------------------------------------

struct Anchor {
  std::int64_t start = 0, end = 0;
  std::string passage;  // the text as it was coded
};
struct Anchored {
  bool found = false;               // false: the passage's text is no longer in the note
  std::int64_t start = 0, end = 0;  // where it is now (the old offsets when not found)
};
// Where each passage is in the edited note `notes` (was `old_notes`): the
// occurrence of its exact text nearest its old start (the earlier one on a
// tie); not found otherwise. The old start is first moved by the edit when it
// lies in the text after the changed part (the common prefix and suffix of
// the two versions), so text inserted before a passage does not make it jump
// to an earlier repetition of the same words.
std::vector<Anchored> reanchor(std::string_view old_notes, std::string_view notes, const std::vector<Anchor>& anchors);

// ---- frequencies ---------------------------------------------------------------------------

// The Brussels period of a moment: "2014" (year) or "2014-Q2" (quarter).
std::string period_of(std::int64_t unix_seconds, bool quarter);

}  // namespace samen::journal
