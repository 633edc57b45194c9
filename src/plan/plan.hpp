// The plan's domain rules in plain C++ without I/O: what an objective, an
// action (or sub-action) and an indicator are, who may edit them, what makes
// one valid, the hierarchy's rules (a parent that would make a cycle is
// refused), budgets in euro cents read from what people type, indicator
// values checked against their type, the roll-up of statuses over a tree,
// and the line comparison of two versions of the vision. Pages, API and
// exports all ask these functions. Messages are catalog keys.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "journal/activity.hpp"

namespace samen::plan {

inline constexpr std::string_view kKinds[] = {"objective", "action"};
inline constexpr std::string_view kStatuses[] = {"not_started", "on_track", "at_risk", "done", "dropped"};
inline constexpr std::string_view kValueTypes[] = {"integer", "decimal", "percentage"};

// Field → catalog key of what is wrong with it.
using FieldErrors = std::map<std::string, std::string>;

// Who is looking or editing: the journal's viewer (role, account, the
// organisations the user works for and the teams they are members of).
using Viewer = journal::Viewer;

struct Item {
  std::string id, kind = "action";
  std::string parent_id;  // "" for an objective; an objective or action for an action
  std::string team_id;    // "" = the Brussels-wide partnership
  std::string title, description;  // description: Markdown
  std::string status = "not_started", status_reason;
  std::string starts_on, ends_on;  // YYYY-MM-DD or ""
  std::optional<std::int64_t> budget_cents;
  std::vector<std::string> owner_ids;       // organisations
  std::vector<std::string> contributes_to;  // Brussels-wide objectives (items of a local team)
  std::vector<std::string> method_ids;      // toolbox methods an action works with (plan_action_methods)
  std::optional<std::int64_t> created_by;
  std::int64_t version = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> archived_at;
};

// Vision: admins and coordinators.
bool may_edit_vision(accounts::Role r);
// Items: admins, coordinators and facilitators any; a partner those of a team
// their organisation is a member of, or owned by their organisation;
// parent representatives read.
bool may_edit(const Viewer& v, const Item& i);
// Roles that may create items at all (the item's own check follows).
bool may_create(accounts::Role r);

// The shape rules of an item (without the records it names: see store).
FieldErrors validate(const Item& i);
// The rules between an item and its parent (nullptr when none was found):
// an objective has no parent, an action has an active one in the same team.
void check_parent(const Item& i, const Item* parent, FieldErrors& errors);
// Would giving `item_id` the parent `new_parent` make a cycle? `parent_of`
// maps every item id to its parent id ("" for none).
bool makes_cycle(const std::map<std::string, std::string>& parent_of, const std::string& item_id,
                 const std::string& new_parent);
// A status change: the status is known, and dropping needs a reason.
FieldErrors check_status(std::string_view status, std::string_view reason);

// "12500", "12 500,50", "12.500,50", "€ 1,234.5" → cents; nullopt when it is
// no amount of at most two decimals between 0 and 10^12 euros.
std::optional<std::int64_t> parse_budget(std::string_view text);
// cents → "12500.50" (the form's and the API's plain decimal).
std::string budget_decimal(std::int64_t cents);

struct Indicator {
  std::string id, item_id, name, unit, value_type = "integer";
  std::optional<double> baseline, target;
  std::string target_on;  // YYYY-MM-DD or ""
  std::int64_t version = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> archived_at;
};
struct IndicatorValue {
  std::string id, indicator_id, measured_on, note;
  double value = 0;
  std::int64_t version = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> archived_at;
};

FieldErrors validate(const Indicator& i);
// Does `value` fit the indicator's type (an integer; any finite number; 0-100)?
bool fits(std::string_view value_type, double value);
// A value as typed in a form ("12", "12,5", "12.5"), checked against the type;
// nullopt when it is no number of that type.
std::optional<double> parse_value(std::string_view value_type, std::string_view text);
FieldErrors validate(const IndicatorValue& v, std::string_view value_type);

// Counts of each status, in kStatuses order.
using StatusCounts = std::map<std::string, std::int64_t>;
StatusCounts count_statuses(const std::vector<const Item*>& items);
// An action past its end date (before `today`) that is neither done nor dropped.
bool overdue(const Item& i, std::string_view today);

// The tree of active items: children per parent, and the actions under an
// item at any depth.
class Tree {
 public:
  explicit Tree(const std::vector<Item>& items);
  const Item* find(const std::string& id) const;
  const std::vector<const Item*>& children(const std::string& id) const;  // "" = the objectives
  std::vector<const Item*> descendants(const std::string& id) const;      // depth first
  // The objective an item hangs under (itself for an objective).
  const Item* objective_of(const std::string& id) const;

 private:
  std::map<std::string, const Item*> by_id_;
  std::map<std::string, std::vector<const Item*>> children_;
};

// Line comparison of two texts (longest common subsequence): each line of
// the result is kept, removed (only in `before`) or added (only in `after`).
struct DiffLine {
  char kind = ' ';  // ' ', '-', '+'
  std::string text;
};
std::vector<DiffLine> diff_lines(std::string_view before, std::string_view after);

}  // namespace samen::plan
