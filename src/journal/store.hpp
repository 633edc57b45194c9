// The journal's tables (migrations/0001_journal.sql) read and written: activity
// types, activities with the organisations and people taking part, follow-up
// actions. Lists apply the viewer's visibility in SQL, so a page never holds
// a row its reader may not see. Writes take an app::Change (the one write path).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/users.hpp"
#include "core/history.hpp"
#include "core/network.hpp"
#include "i18n/i18n.hpp"
#include "journal/activity.hpp"
#include "store/database.hpp"

namespace samen::app {
class Change;
}

namespace samen::journal {

inline const core::RecordRef activity_ref(const std::string& id) {
  return {"journal_activities", "journal.activity", id};
}
inline const core::RecordRef follow_up_ref(const std::string& id) {
  return {"journal_follow_ups", "journal.follow_up", id};
}

struct ActivityType {
  std::string code, label_nl, label_fr, label_en;
  const std::string& label(i18n::Lang l) const {
    return l == i18n::Lang::fr ? label_fr : l == i18n::Lang::en ? label_en : label_nl;
  }
};
// Active ones in order; with include_archived the archived ones too (after them),
// for the labels of activities that still have an archived type.
std::vector<ActivityType> activity_types(store::Connection& c, bool include_archived = false);
std::vector<std::string> type_codes(const std::vector<ActivityType>& types);

// The viewer of a signed-in user: the teams its organisations are members of.
Viewer viewer_of(const accounts::User& u, const core::Network& n);

// The people a viewer may name as facilitator, participant or follow-up
// owner: the whole network for admins, coordinators and facilitators; for
// others themselves and the people of their own organisations (so no one
// learns the names of the whole network by naming ids).
std::vector<core::Person> choosable_people(store::Connection& c, const Viewer& v);

std::optional<Activity> load_activity(store::Connection& c, const std::string& id);
// Activities by id, in the order of `ids`, with their own columns only (load_participants
// adds the rest); ids without an activity are left out. One query per 500 ids.
std::vector<Activity> load_activities(store::Connection& c, const std::vector<std::string>& ids);
// Active activities in id order after `after_id` ("" for the first), at most `limit`, own columns
// only: the search rebuilds walk the journal with it (a key, not an OFFSET that rereads what it skips).
std::vector<Activity> active_activities_after(store::Connection& c, const std::string& after_id, std::int64_t limit);

struct ListFilter {
  std::string team_id;  // "" = every level, "brussels" = the Brussels-wide level only
  std::string type;
  std::optional<int> year;                  // Brussels calendar year of the start
  std::optional<std::int64_t> from, to;     // starts_at range [from, to)
  std::string code_id;                      // coding: those with a passage coded with it (or a descendant)
  bool archived = false;                    // archived ones instead of active ones
  std::int64_t offset = 0, limit = 50;      // limit 0: all
  // > 0: count at most this many matches (total_capped says the count stopped there), so
  // a page filtered by a code common to most activities does not test every activity to count them.
  std::int64_t count_cap = 0;
  // With code_id: a code (with its descendants) on at most this many codings is rare, and its matches
  // are found from its codings (index journal_codings_code → their activities); a commoner one by
  // walking the activities newest first and probing each one's codings, which stops at the page and
  // the count cap. Both give the same rows (a test compares them); this only picks the faster plan.
  std::int64_t rare_code_codings = 5000;
};
struct ActivityList {
  std::vector<Activity> items;  // newest first
  std::int64_t total = 0;
  bool total_capped = false;  // there are more than `total`
};
// may_see() as an SQL condition on journal_activities' visibility and team_id
// (columns of `alias` when given), its values appended to `args`; "" for a
// viewer who sees everything. Every list, feed, search and report uses it.
std::string visible_sql(const Viewer& v, store::Params& args, const std::string& alias = "");
// The same on any two SQL expressions (an answer set's visibility with its activity's team).
std::string visible_sql_columns(const Viewer& v, store::Params& args, const std::string& visibility,
                                const std::string& team_id);
// visible_sql() to append to a WHERE clause: " AND (...)", or "".
std::string and_visible(const Viewer& v, store::Params& args, const std::string& alias = "");
ActivityList list_activities(store::Connection& c, const Viewer& v, const ListFilter& f);
// Fills the organisations and people taking part of listed activities (two queries per 500 activities).
void load_participants(store::Connection& c, std::vector<Activity>& activities);

// The record as field → printable value, for its field history.
core::Snapshot snapshot(const Activity& a);

// Inserts a new activity (id, version, stamps set here), its history and audit entry.
void insert_activity(app::Change& change, Activity& a);
// Writes `next` over the stored record whose version the editor read
// (`expected`; StaleVersion when it changed since), with history and audit.
void update_activity(app::Change& change, const Activity& before, Activity& next, std::optional<std::int64_t> expected);

struct FollowUp {
  std::string id, activity_id, text, due_date, status;
  std::optional<std::int64_t> owner_id;
  std::string owner_name, activity_title, activity_visibility, activity_team_id;
  std::int64_t version = 0;
};
std::vector<FollowUp> follow_ups_of(store::Connection& c, const std::string& activity_id);
// The open follow-ups a user owns, due date first (with their activity's visibility to filter on).
std::vector<FollowUp> open_follow_ups_of(store::Connection& c, std::int64_t owner_id);
std::optional<FollowUp> load_follow_up(store::Connection& c, const std::string& id);
void insert_follow_up(app::Change& change, FollowUp& f);
// Marks a follow-up done (true) or open again; history and audit.
void set_follow_up_status(app::Change& change, const FollowUp& f, const std::string& status);

}  // namespace samen::journal
