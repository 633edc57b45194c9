// The toolbox's domain rules in plain C++ without I/O: what a method is (its
// shared fields and its texts per language), the lifecycle draft → in_review
// → published → archived and who may move it, who sees and edits a method,
// what makes one valid, a method as a flat field → value snapshot (for the
// field-by-field comparison of versions) and as JSON (the form of the API, of
// a version's snapshot and of an export package). Messages are catalog keys.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "accounts/roles.hpp"
#include "core/history.hpp"

namespace samen::toolbox {

inline constexpr std::string_view kPhases[] = {"exploring", "shared_vision", "planning", "acting", "evaluating"};
inline constexpr std::string_view kStatuses[] = {"draft", "in_review", "published", "archived"};
inline constexpr std::string_view kTopics[] = {"getting_to_know", "team_building",   "shared_vision_topic",
                                               "transitions",     "parent_participation", "reflection",
                                               "evaluation",      "planning_topic"};
inline constexpr std::string_view kLanguages[] = {"nl", "fr", "en"};
// The translated text fields, in the order pages show them (steps apart).
inline constexpr std::string_view kTextFields[] = {"name",        "aim",  "when_to_use", "for_whom", "preparation",
                                                   "tips", "variations",  "pitfalls", "source"};

struct Step {
  std::string description;
  std::int64_t minutes = 0;
  bool operator==(const Step&) const = default;
};

struct Translation {
  std::string name, aim, when_to_use, for_whom, preparation, tips, variations, pitfalls, source;
  std::vector<Step> steps;
  // The text field by its name in kTextFields ("" for another name).
  const std::string& field(std::string_view name) const;
  std::string& field(std::string_view name);
  bool operator==(const Translation&) const = default;
};

struct Method {
  std::string id, status = "draft", phase = "exploring";
  std::vector<std::string> topics;
  std::int64_t group_min = 1, group_max = 12, duration_minutes = 60;
  std::string licence;
  std::string adapted_from, adapted_by_team, adaptation_reason;  // "" = not an adaptation / no team
  std::optional<std::int64_t> created_by;
  std::int64_t version = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> archived_at;
  std::map<std::string, Translation> translations;  // by language code

  // The name in `lang`, else in nl, fr, en (the first one written).
  const std::string& name_in(std::string_view lang) const;
  // The translation in `lang`, else the first that exists (nullptr when none).
  const Translation* text_in(std::string_view lang) const;
};

// Who may do what. Staff are admins, coordinators, facilitators and partners;
// reviewers are admins, coordinators and facilitators. Parent representatives read.
bool is_staff(accounts::Role r);
bool is_reviewer(accounts::Role r);
// Published and archived methods: every signed-in role. Drafts and methods in
// review: reviewers and the one who proposed them.
bool may_see(accounts::Role r, std::int64_t user_id, const Method& m);
// Reviewers any method; the proposer their own while it is a draft or in review.
bool may_edit(accounts::Role r, std::int64_t user_id, const Method& m);
// The lifecycle moves: "submit" (draft → in_review: the proposer or a reviewer),
// "approve" (in_review → published), "send_back" (in_review → draft),
// "archive" (published → archived), "restore" (archived → published): reviewers.
// Returns the status after the move, or nullopt when the move is not allowed.
std::optional<std::string> next_status(accounts::Role r, std::int64_t user_id, const Method& m, std::string_view move);

// Field → catalog key of what is wrong with it.
using FieldErrors = std::map<std::string, std::string>;
// A name in at least one language; known codes; sizes, minutes and lengths in range.
FieldErrors validate(const Method& m);

bool is_phase(std::string_view s);
bool is_topic(std::string_view s);
bool is_language(std::string_view s);

// The method as field → printable value: shared fields by their name,
// translated ones as "nl.aim", steps as "nl.step.3" ("12 min · text").
// Two versions' snapshots compared with core::diff give the comparison page.
core::Snapshot flatten(const Method& m);

// JSON of the method's content (no stamps): phase, status, topics,
// group_size {min,max}, duration_minutes, licence, adapted_from (id or null),
// adaptation {team, reason}, translations {lang: {name, aim, ..., steps:
// [{description, minutes}]}}. The version snapshot, the API and packages use it.
nlohmann::json content_json(const Method& m);
// Reads content_json's shape into `m` (id and stamps untouched); errors per
// field (a value of the wrong type, an unknown language) go to `errors`.
void read_content_json(const nlohmann::json& j, Method& m, FieldErrors& errors);

// "a,b" ↔ {"a","b"}.
std::vector<std::string> split_list(std::string_view text);
std::string join_list(const std::vector<std::string>& items);

}  // namespace samen::toolbox
