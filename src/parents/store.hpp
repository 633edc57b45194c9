// Parents' voice's storage: themes, parent groups and the journal
// activities that are their meetings, concerns (record convention; every
// change through app::write with field history and audit in its
// transaction), the published ones for the public page, and the bounded
// queue of anonymous suggestions.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/write.hpp"
#include "core/history.hpp"
#include "i18n/i18n.hpp"
#include "journal/activity.hpp"
#include "parents/concern.hpp"
#include "store/database.hpp"

namespace samen::parents {

inline constexpr std::int64_t kSuggestionCap = 500;                // waiting at most
inline constexpr std::int64_t kSuggestionLifetime = 90 * 86400;   // then the expiry job removes them

inline core::RecordRef concern_ref(const std::string& id) { return {"parents_concerns", "parents.concern", id}; }
inline core::RecordRef group_ref(const std::string& id) { return {"parents_groups", "parents.group", id}; }

// ---- themes ----
struct Theme {
  std::string code, label_nl, label_fr, label_en;
  bool archived = false;
  const std::string& label(i18n::Lang l) const {
    return l == i18n::Lang::fr ? label_fr : l == i18n::Lang::en ? label_en : label_nl;
  }
};
std::vector<Theme> themes(store::Connection& c, bool include_archived = false);
std::vector<std::string> theme_codes(const std::vector<Theme>& t);
// Adds a theme (code made from the English label); false when the code exists.
bool add_theme(app::Change& change, Theme& t);
void set_theme_archived(app::Change& change, const std::string& code, bool archived);

// ---- parent groups and their meetings ----
std::vector<Group> list_groups(store::Connection& c, bool include_archived = false);
std::optional<Group> load_group(store::Connection& c, const std::string& id);
std::vector<std::string> group_ids(store::Connection& c);
bool service_exists(store::Connection& c, const std::string& id);
std::string service_name(store::Connection& c, const std::string& id);
void insert_group(app::Change& change, Group& g);
void update_group(app::Change& change, const Group& before, Group& next, std::optional<std::int64_t> expected);
// The group's meetings the viewer may see (journal visibility), newest first.
std::vector<journal::Activity> group_meetings(store::Connection& c, const journal::Viewer& v, const std::string& group_id);
// Links a journal activity as a meeting of the group (false when it was linked); audited.
bool link_meeting(app::Change& change, const std::string& group_id, const std::string& activity_id);
bool unlink_meeting(app::Change& change, const std::string& group_id, const std::string& activity_id);
// The (active) groups an activity is a meeting of.
std::vector<Group> groups_of_activity(store::Connection& c, const std::string& activity_id);

// ---- concerns ----
struct ConcernFilter {
  std::string theme, status, team_id, municipality, source, group_id;
  std::optional<bool> published;
  bool archived = false;
  std::int64_t offset = 0, limit = 50;  // limit 0: all
};
struct ConcernList {
  std::vector<Concern> items;  // newest raised first
  std::int64_t total = 0;
};
ConcernList list_concerns(store::Connection& c, const ConcernFilter& f);
std::optional<Concern> load_concern(store::Connection& c, const std::string& id);
core::Snapshot snapshot(const Concern& c);
void insert_concern(app::Change& change, Concern& c);
// Updates what staff edit (text, theme, status, ...), not the publication.
void update_concern(app::Change& change, const Concern& before, Concern& next, std::optional<std::int64_t> expected);
// Writes the public wording and responses and publishes (publish = true) or
// withdraws the concern from the public page.
void set_publication(app::Change& change, const Concern& before, Concern& next, bool publish,
                     std::optional<std::int64_t> expected);
// Status changes, newest first.
std::vector<core::HistoryEntry> status_history(store::Connection& c, const std::string& id);

// ---- links to the plan's actions (parents_concern_actions) ----
struct LinkedAction {
  std::string id, title, status, team_id;
  bool archived = false;
};
// The actions linked to a concern, by title (archived ones included, marked).
std::vector<LinkedAction> linked_actions(store::Connection& c, const std::string& concern_id);
// What is wrong with a concern's action ids ("" when nothing): each must be an
// action of the plan, and one not already linked (`linked_before`) must be
// active.
std::string action_ids_error(store::Connection& c, const std::vector<std::string>& ids,
                             const std::vector<std::string>& linked_before);
// Adds or removes one link outside an edit of the concern (field history
// "action_ids" and an audit entry); false when nothing changed.
bool link_action(app::Change& change, const std::string& concern_id, const std::string& action_id);
bool unlink_action(app::Change& change, const std::string& concern_id, const std::string& action_id);
// The active concerns linked to an action, newest raised first (the plan's action page).
std::vector<Concern> concerns_of_action(store::Connection& c, const std::string& action_id);
// For the public page: per concern id, the active linked actions (title and status only), by title.
std::map<std::string, std::vector<LinkedAction>> public_actions(store::Connection& c,
                                                                const std::vector<std::string>& concern_ids);

// What the public page shows: published, active concerns (of one team, or
// all when team_id is ""), by theme order then newest published first.
std::vector<Concern> published_concerns(store::Connection& c, const std::string& team_id);

// ---- anonymous suggestions ----
std::int64_t count_suggestions(store::Connection& c);
// Stores a suggestion unless kSuggestionCap are waiting (false then).
bool insert_suggestion(store::Connection& c, Suggestion& s, std::int64_t now);
std::vector<Suggestion> list_suggestions(store::Connection& c, std::int64_t limit = 200);
std::optional<Suggestion> load_suggestion(store::Connection& c, const std::string& id);
// Removes a suggestion (discarded, or turned into a concern); false when it was gone.
bool delete_suggestion(store::Connection& c, const std::string& id);
// Removes those received before `before`; returns how many.
std::int64_t expire_suggestions(store::Connection& c, std::int64_t before);

}  // namespace samen::parents
