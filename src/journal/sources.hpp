// The journal's sources (migrations/0003_sources.sql): files attached to
// activities, interview and focus-group guides with the answers or
// transcript per question, and the expectations register. Their rules (who
// sees an answer set, who edits the register) reuse may_see() of
// activity.hpp; the reads and writes of their tables follow the record
// convention and go through app::Change with history and audit.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/history.hpp"
#include "documents/owned_attachments.hpp"
#include "journal/activity.hpp"
#include "store/database.hpp"

namespace samen::app {
class Change;
}

namespace samen::journal {

// ---- attachments ---------------------------------------------------------------------------

// Files of an activity: the journal_attachments rows over the documents
// layer's files (documents/owned_attachments.hpp: list, add, archive, upload,
// download; at most documents::kMaxAttachmentBytes).
inline constexpr documents::AttachmentOwner kActivityFiles{"journal_attachments", "activity_id", "journal.activity",
                                                           "journal.attachment"};

// ---- guides --------------------------------------------------------------------------------

inline constexpr std::string_view kGuideKinds[] = {"interview", "focus_group"};

inline const core::RecordRef guide_ref(const std::string& id) { return {"journal_guides", "journal.guide", id}; }
inline const core::RecordRef answer_set_ref(const std::string& id) {
  return {"journal_activity_guides", "journal.answer_set", id};
}

struct GuideQuestion {
  std::string id;  // "" for a new one
  std::string text;
};

struct Guide {
  std::string id, kind = "interview", title, language = "nl", introduction;
  std::vector<GuideQuestion> questions;  // active ones, in order
  std::int64_t version = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> archived_at, created_by;
};

// Admins, coordinators and facilitators write guides; everyone signed in reads them.
bool may_manage_guides(accounts::Role r);
FieldErrors validate_guide(const Guide& g);

std::vector<Guide> list_guides(store::Connection& c, bool archived = false);
std::optional<Guide> load_guide(store::Connection& c, const std::string& id);
// The text of every question ever in the guide (archived ones too), by id.
std::map<std::string, std::string> all_question_texts(store::Connection& c, const std::string& guide_id);
core::Snapshot snapshot(const Guide& g);
void insert_guide(app::Change& change, Guide& g);
// Questions of `next` with an id keep it (their text and place may change),
// those without get one, those of `before` left out are archived.
void update_guide(app::Change& change, const Guide& before, Guide& next, std::optional<std::int64_t> expected);

// ---- answer sets ---------------------------------------------------------------------------

// network < team < facilitators: may `set_visibility` be given to answers of
// an activity of `activity_visibility`? Only as strict or stricter; "team"
// needs the activity's team.
bool at_least_as_strict(std::string_view set_visibility, std::string_view activity_visibility);
bool valid_set_visibility(std::string_view set_visibility, const Activity& a);
// Interviews default to facilitators only, anything else to the activity's
// own visibility; a viewer who may not give "facilitators" gets the activity's.
std::string default_set_visibility(const Activity& a, const Viewer& v);
// Both the activity and the answer set must be visible (may_see twice).
bool may_see_answers(const Viewer& v, const Activity& a, std::string_view set_visibility);

struct Answer {
  std::string id, question_id, text;
  std::int64_t version = 0;
};

struct AnswerSet {
  std::string id, activity_id, guide_id, visibility;
  std::string guide_title, guide_kind, guide_language;
  std::int64_t version = 0;
  std::optional<std::int64_t> archived_at;
  std::vector<Answer> answers;  // the stored ones (a question not answered yet has none)
  const Answer* answer_to(const std::string& question_id) const;
};

// Active answer sets of an activity (without their answers), in order of attachment.
std::vector<AnswerSet> answer_sets_of(store::Connection& c, const std::string& activity_id);
// One answer set with its answers.
std::optional<AnswerSet> load_answer_set(store::Connection& c, const std::string& id);
AnswerSet attach_guide(app::Change& change, const Activity& a, const Guide& g, const std::string& visibility);
// Writes the texts (question id → Markdown) and the visibility; the set's
// version is the lock (StaleVersion when it changed since `expected`).
void save_answers(app::Change& change, const AnswerSet& before, const std::map<std::string, std::string>& texts,
                  const std::string& visibility, std::optional<std::int64_t> expected);

// ---- the expectations register -------------------------------------------------------------

inline const core::RecordRef expectation_ref(const std::string& id) {
  return {"journal_expectations", "journal.expectation", id};
}

struct Expectation {
  std::string id, organization_id, round, captured_on, activity_id;
  std::string visibility = "network";  // network | team | facilitators (who sees it: may_see, as an activity)
  std::string team_id;                 // the team a "team" entry is shared with ("" otherwise)
  std::string expects, brings, worries;
  std::int64_t version = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> archived_at, created_by;
};

// Admins, coordinators and facilitators: every organisation's entries;
// partners: those of the organisations they work for.
bool may_edit_expectations(const Viewer& v, std::string_view organization_id);
bool may_see_expectation(const Viewer& v, const Expectation& e);
// `organization_teams`: the teams the entry's organisation is a member of (a
// "team" entry is shared with one of them, one the viewer may choose).
FieldErrors validate_expectation(const Expectation& e, const Viewer& v,
                                 const std::vector<std::string>& organization_teams = {});

struct ExpectationFilter {
  std::vector<std::string> organization_ids;  // empty: all
  bool archived = false;
};
// The entries the viewer may see, by organisation then date.
std::vector<Expectation> list_expectations(store::Connection& c, const Viewer& v, const ExpectationFilter& f);
std::optional<Expectation> load_expectation(store::Connection& c, const std::string& id);
core::Snapshot snapshot(const Expectation& e);
void insert_expectation(app::Change& change, Expectation& e);
void update_expectation(app::Change& change, const Expectation& before, Expectation& next,
                        std::optional<std::int64_t> expected);

// ---- activity types (admin) ----------------------------------------------------------------

struct TypeRow {
  std::string code, label_nl, label_fr, label_en;
  std::int64_t sort_order = 0;
  std::optional<std::int64_t> archived_at;
  std::int64_t uses = 0;  // activities of this type
};
// Every type, archived ones too, in order.
std::vector<TypeRow> all_activity_types(store::Connection& c);
// A code is 2-40 of a-z, 0-9 and _, starting with a letter.
bool valid_type_code(std::string_view code);

// ---- follow-ups ----------------------------------------------------------------------------

struct FollowUpEdit {
  std::string text, due_date;
  std::optional<std::int64_t> owner_id;
};
// Writes text, owner and due date over the version the editor read, with history and audit.
void update_follow_up(app::Change& change, const std::string& id, const FollowUpEdit& before,
                      const FollowUpEdit& next, std::optional<std::int64_t> expected);

}  // namespace samen::journal
