// The journal's domain rules in plain C++ without I/O: what an activity is,
// who may see it (visibility network | team | facilitators), who may create
// and edit it, and what makes one valid. Pages, API and exports all ask
// these functions, so a facilitators-only interview note cannot reach a
// partner through one path and not another. Messages are catalog keys.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/roles.hpp"

namespace samen::journal {

inline constexpr std::string_view kVisibilities[] = {"network", "team", "facilitators"};
inline constexpr std::string_view kLanguages[] = {"nl", "fr", "en"};

struct Activity {
  std::string id, type, title;
  std::int64_t starts_at = 0;          // unix seconds
  std::int64_t duration_minutes = 60;  // 1..1440
  std::string place, online_url;
  std::vector<std::string> languages;  // "nl", "fr", "en"
  std::string team_id;                 // "" = the Brussels-wide level
  std::string visibility = "network";
  std::optional<std::int64_t> facilitator_id;
  std::int64_t external_participants = 0;
  std::string agenda, notes, decisions;  // Markdown
  std::optional<std::int64_t> created_by;
  std::int64_t version = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> archived_at;
  std::vector<std::string> organization_ids;
  std::vector<std::int64_t> person_ids;

  std::int64_t ends_at() const { return starts_at + duration_minutes * 60; }
};

// Who is looking: role, account and the teams its organisations are members of.
struct Viewer {
  accounts::Role role = accounts::Role::parent_rep;
  std::int64_t user_id = 0;
  std::vector<std::string> team_ids;
  std::vector<std::string> organization_ids;  // the organisations the user works for
};

// Admins, coordinators and facilitators see every activity.
bool sees_everything(accounts::Role r);
bool may_see(const Viewer& v, std::string_view visibility, std::string_view team_id);
bool may_create(accounts::Role r);
// Admin, coordinator, facilitator: any activity; a partner: the ones they created.
bool may_edit(const Viewer& v, const Activity& a);
// The visibilities and teams a viewer may give an activity: a partner cannot
// make one they could not see any more.
bool may_choose_visibility(const Viewer& v, std::string_view visibility);
bool may_choose_team(const Viewer& v, std::string_view team_id);

// Field → catalog key of what is wrong with it.
using FieldErrors = std::map<std::string, std::string>;

// The rules of a valid activity for this viewer; known_types and known_teams
// are the codes/ids that exist.
FieldErrors validate(const Activity& a, const Viewer& v, const std::vector<std::string>& known_types,
                     const std::vector<std::string>& known_teams);

// "2014-03-12T09:30" (a datetime-local input, Brussels wall clock) → unix
// seconds; nullopt when it is no real date-time (or falls in the spring DST gap).
std::optional<std::int64_t> parse_local_date_time(std::string_view text);
// unix seconds → "2014-03-12T09:30" in Brussels time.
std::string local_date_time(std::int64_t unix_seconds);
// RFC 3339 ("2014-03-12T08:30:00Z", "2014-03-12T09:30:00+01:00") → unix seconds.
std::optional<std::int64_t> parse_rfc3339(std::string_view text);
// An integer in [min, max] from text, or nullopt.
std::optional<std::int64_t> parse_bounded(std::string_view text, std::int64_t min, std::int64_t max);
// "nl,fr" ↔ {"nl", "fr"} (unknown codes kept, for validate to refuse).
std::vector<std::string> split_list(std::string_view text);
std::string join_list(const std::vector<std::string>& items);

}  // namespace samen::journal
