// Parents' voice in plain C++ without I/O: what a parent group and a concern
// are, the statuses and the steps between them, the sources, who may do what
// (record, edit, publish, moderate), and what makes a concern, a group or an
// anonymous suggestion valid. Pages, the JSON API and the public pages ask
// these functions. Messages are catalog keys.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/roles.hpp"

namespace samen::parents {

inline constexpr std::string_view kStatuses[] = {"heard", "being_discussed", "action_planned", "done", "not_possible"};
inline constexpr std::string_view kSources[] = {"parent_group", "anonymous_form", "survey", "staff_observation"};
// The language a concern was raised in (not the reader's): the network's
// languages and "other" (Arabic, Turkish, ... told in another way).
inline constexpr std::string_view kConcernLanguages[] = {"nl", "fr", "en", "other"};
inline constexpr std::size_t kMaxText = 4000;        // a concern's or a suggestion's text, in bytes
inline constexpr std::size_t kMaxPublicText = 2000;  // each public wording and response

// Field → catalog key of what is wrong with it.
using FieldErrors = std::map<std::string, std::string>;

struct Group {
  std::string id, name, team_id, service_id, languages, description;
  std::int64_t version = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> archived_at;
};

struct Concern {
  std::string id, text, theme, language, municipality, source, status = "heard", status_note;
  std::string team_id, group_id, raised_on;  // raised_on: YYYY-MM-DD
  // The plan's actions linked to it (parents_concern_actions), sorted.
  std::vector<std::string> action_ids;
  // Public wording and "what we did", per language (nl, fr, en).
  std::map<std::string, std::string> public_text, response;
  std::optional<std::int64_t> published_at, published_by, created_by;
  std::int64_t version = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> archived_at;

  bool published() const { return published_at.has_value(); }
};

struct Suggestion {
  std::string id, text, language, municipality, team_id;
  std::int64_t created_at = 0;
};

bool known_status(std::string_view s);
bool known_source(std::string_view s);
bool known_language(std::string_view s);

// The statuses a concern may move to from `from` (itself excluded): forward
// along heard → being_discussed → action_planned → done (steps may be
// skipped), one step back to correct, not_possible from any open status,
// and a closed one (done, not_possible) reopened for discussion.
std::vector<std::string_view> next_statuses(std::string_view from);
bool may_move(std::string_view from, std::string_view to);

// Who may do what. Every signed-in role reads the register and records a
// concern (a partner's staff observation, a parent representative's group);
// staff (admin, coordinator, facilitator) edit concerns, change their status
// and manage parent groups; the coordination (admin, coordinator) writes the
// public wording, publishes, extends the themes and moderates suggestions.
bool may_record(accounts::Role r);
bool may_edit(accounts::Role r);
bool may_publish(accounts::Role r);
accounts::Access readers();
accounts::Access staff();
accounts::Access coordination();

// The rules of a valid concern; `themes` are the codes that may be chosen,
// `teams`/`groups` the ids that exist. `from_status` is the stored status of
// an edited concern ("" for a new one): the step must be allowed.
FieldErrors validate(const Concern& c, const std::vector<std::string>& themes, const std::vector<std::string>& teams,
                     const std::vector<std::string>& groups, std::string_view from_status);
// The public wording before publication: at least one language's text, no
// text over kMaxPublicText; publishing needs a wording.
FieldErrors validate_publication(const Concern& c, bool publish);
FieldErrors validate_group(const Group& g, const std::vector<std::string>& teams, bool service_exists);
FieldErrors validate_suggestion(const Suggestion& s, const std::vector<std::string>& teams);

// The text in `lang`, else nl, fr, en in that order ("" when all are empty);
// `used` gets the language of the text returned.
const std::string& in_language(const std::map<std::string, std::string>& texts, std::string_view lang,
                               std::string* used = nullptr);

// "YYYY-MM-DD" that is a real date.
bool is_date(std::string_view s);

}  // namespace samen::parents
