// The plan's tables (migrations/0001_plan.sql) read and written: the vision
// and its versions, objectives and actions with their owners and
// contributions, status changes, indicators and their values, and the links
// of actions to journal activities. Writes take an app::Change (the one
// write path: version check, field history and audit in one transaction).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/history.hpp"
#include "plan/plan.hpp"
#include "store/database.hpp"

namespace samen::app {
class Change;
}

namespace samen::plan {

inline constexpr const char* kVisionId = "brussels";

inline core::RecordRef item_ref(const std::string& id) { return {"plan_items", "plan.item", id}; }
inline core::RecordRef indicator_ref(const std::string& id) { return {"plan_indicators", "plan.indicator", id}; }
inline core::RecordRef value_ref(const std::string& id) { return {"plan_indicator_values", "plan.indicator_value", id}; }
inline core::RecordRef vision_ref() { return {"plan_vision", "plan.vision", kVisionId}; }

// Thrown inside a change when the input breaks a rule that needs the
// database (an unknown parent, a cycle): the change rolls back, the caller
// answers 422 with these field messages.
struct Invalid {
  FieldErrors errors;
};

// ---- the vision ----
struct VisionVersion {
  std::int64_t version = 0;
  std::string text_nl, text_fr, note, saved_by;
  std::int64_t saved_at = 0;
};
// The current version (version 0 and empty texts before the first save).
VisionVersion current_vision(store::Connection& c);
// Newest first, texts included.
std::vector<VisionVersion> vision_versions(store::Connection& c);
std::optional<VisionVersion> vision_version(store::Connection& c, std::int64_t version);
// Saves a new version over the one the editor read (`expected`; StaleVersion
// when another was saved since); returns its number.
std::int64_t save_vision(app::Change& change, const std::string& text_nl, const std::string& text_fr,
                         const std::string& note, std::optional<std::int64_t> expected);

// ---- objectives and actions ----
std::optional<Item> load_item(store::Connection& c, const std::string& id);
struct ItemFilter {
  std::string kind;     // "" = both
  std::string team_id;  // "" = every level, "brussels" = the Brussels-wide level only
  std::string parent_id;
  bool archived = false;  // archived ones instead of active ones
  std::int64_t offset = 0, limit = 0;  // limit 0: all
};
struct ItemList {
  std::vector<Item> items;  // by start date, then title
  std::int64_t total = 0;
};
// Owners, contributions and methods come with each item (a query each per 500 items).
ItemList list_items(store::Connection& c, const ItemFilter& f);
// Every active item (the roll-up, dashboard and exports build their tree from it).
std::vector<Item> active_items(store::Connection& c);
// The items that contribute to a Brussels-wide objective.
std::vector<Item> contributors_of(store::Connection& c, const std::string& objective_id);

core::Snapshot snapshot(const Item& i);
// The rules that need the database: the parent (and no cycle), the team, the
// owners and the objectives contributed to exist, the methods (actions only)
// are toolbox methods, published unless the stored item had them. Throws Invalid.
void check_references(store::Connection& c, const Item& i);
void insert_item(app::Change& change, Item& i);
// The status is changed through change_status, not here (it keeps `before`'s).
void update_item(app::Change& change, const Item& before, Item& next, std::optional<std::int64_t> expected);
void change_status(app::Change& change, const Item& before, const std::string& status, const std::string& reason,
                   std::optional<std::int64_t> expected);

struct StatusChange {
  std::int64_t at = 0;
  std::string previous, status, reason, actor_label;
};
// Oldest first.
std::vector<StatusChange> status_changes_of(store::Connection& c, const std::string& item_id);

// ---- indicators ----
std::optional<Indicator> load_indicator(store::Connection& c, const std::string& id);
struct IndicatorFilter {
  std::string item_id;
  bool archived = false;
  std::int64_t offset = 0, limit = 0;
};
struct IndicatorList {
  std::vector<Indicator> items;
  std::int64_t total = 0;
};
IndicatorList list_indicators(store::Connection& c, const IndicatorFilter& f);
void insert_indicator(app::Change& change, Indicator& i);
void update_indicator(app::Change& change, const Indicator& before, Indicator& next, std::optional<std::int64_t> expected);
// Active values by date.
std::vector<IndicatorValue> values_of(store::Connection& c, const std::string& indicator_id);
// The newest active value of each indicator that has one, by indicator id (one query).
std::map<std::string, IndicatorValue> latest_values(store::Connection& c);
// The active values of several indicators by date, by indicator id (one query; ids at most a few hundred).
std::map<std::string, std::vector<IndicatorValue>> values_of(store::Connection& c, const std::vector<std::string>& ids);
// Every active value of active indicators, by indicator then date (the dashboard's charts).
std::vector<IndicatorValue> all_values(store::Connection& c);
std::optional<IndicatorValue> load_value(store::Connection& c, const std::string& id);
// A second value on the same date is refused (Invalid on measured_on).
void insert_value(app::Change& change, const Indicator& indicator, IndicatorValue& v);

// ---- links to journal activities (evidence) ----
struct LinkedActivity {
  std::string id, title, type, visibility, team_id;
  std::int64_t starts_at = 0;
};
// The activities linked to an action that the viewer may see (the journal's visibility), newest first.
std::vector<LinkedActivity> linked_activities(store::Connection& c, const std::string& item_id, const Viewer& v);
// The active items an activity serves.
std::vector<Item> items_of_activity(store::Connection& c, const std::string& activity_id);
// false when the link already existed (or, for unlink, did not).
bool link_activity(app::Change& change, const std::string& item_id, const std::string& activity_id);
bool unlink_activity(app::Change& change, const std::string& item_id, const std::string& activity_id);

// ---- links to toolbox methods (plan_action_methods) ----
// What is wrong with an action's method ids ("" when nothing): each must be a
// toolbox method, and one the action did not have yet (`linked_before`) must be
// published.
std::string method_ids_error(store::Connection& c, const std::vector<std::string>& ids,
                             const std::vector<std::string>& linked_before);
// The active actions that work with a method, by title (the method page's panel).
std::vector<Item> items_of_method(store::Connection& c, const std::string& method_id);
// Adds or removes one link outside an edit of the item (field history
// "method_ids", audit); false when nothing changed.
bool link_method(app::Change& change, const std::string& item_id, const std::string& method_id);
bool unlink_method(app::Change& change, const std::string& item_id, const std::string& method_id);

}  // namespace samen::plan
