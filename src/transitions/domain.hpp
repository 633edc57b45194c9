// The rules of warm transitions without I/O: settings (a directory service's
// kind, capacity, ages, languages, school year), the handover of a child
// ("transition passport") and its parts, parents' consents, who reads what,
// and retention. Catalog keys name every refusal.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "accounts/users.hpp"

namespace samen::transitions {

using FieldErrors = std::map<std::string, std::string>;  // field → catalog key

inline const std::vector<std::string> kKinds = {"childcare", "pre_school", "out_of_school"};
// The parts of a handover a consent names; "child" is the first name and birth month.
inline const std::vector<std::string> kParts = {"child", "home_languages", "what_helps", "parent_wishes",
                                                "health_notes"};
inline const std::vector<std::string> kMethods = {"written", "verbal", "digital"};
inline const std::vector<std::string> kLanguages = {"nl", "fr", "en"};

struct Setting {
  std::string id;  // the directory service's id
  std::int64_t version = 0;
  std::string kind = "childcare";
  std::optional<std::int64_t> capacity;
  std::optional<std::int64_t> age_min_months, age_max_months;
  std::vector<std::string> languages;  // ISO 639-1
  std::string year_start = "09-01", year_end = "06-30";  // MM-DD
  std::int64_t created_at = 0, updated_at = 0;
  // From the directory, read only.
  std::string organization_id;
  std::string name;
};

FieldErrors validate_setting(const Setting& s);
// "fr, nl" → {"fr","nl"} (lower-cased, trimmed, duplicates dropped); bad codes are left for validate_setting.
std::vector<std::string> parse_languages(const std::string& text);
std::string join(const std::vector<std::string>& items, const std::string& sep = ",");

// What the parent shares, sealed as one JSON value.
struct HandoverContents {
  std::string child_first_name;
  std::string child_birth_month;  // YYYY-MM
  std::vector<std::string> home_languages;
  std::string what_helps, parent_wishes, health_notes;
};
nlohmann::json to_json(const HandoverContents& c);
HandoverContents contents_from_json(const nlohmann::json& j);

struct Handover {
  std::string id;
  std::int64_t version = 0;
  std::int64_t created_at = 0, updated_at = 0;
  std::string sending_setting_id, receiving_setting_id;
  std::string transition_date;  // YYYY-MM-DD
  std::int64_t delete_after = 0;
  std::string language = "nl";
  std::optional<std::int64_t> created_by;
  HandoverContents contents;
};

// Errors of a new handover's fields (the settings' existence is the store's check).
FieldErrors validate_handover(const Handover& h);

struct ConsentDetails {
  std::string given_by;  // who gave it: "mother", "father", the parent's own words
  std::string method;    // kMethods
  std::vector<std::string> parts;
  std::int64_t given_at = 0;
};
nlohmann::json to_json(const ConsentDetails& d);
ConsentDetails details_from_json(const nlohmann::json& j);

struct Consent {
  std::string id, handover_id, receiving_setting_id;
  std::int64_t valid_until = 0;  // exclusive
  std::optional<std::int64_t> withdrawn_at;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> created_by;
  ConsentDetails details;
  bool active(std::int64_t now) const { return !withdrawn_at && now < valid_until; }
};

// Errors of a new consent's fields; valid_until_date is "YYYY-MM-DD" (through that day, UTC).
FieldErrors validate_consent(const ConsentDetails& d, const std::string& valid_until_date, std::int64_t now);
// The first moment after the day named (UTC); nullopt for a bad date.
std::optional<std::int64_t> end_of_day(const std::string& iso_date);

// How the caller stands to a handover. Only staff (partners) of the sending
// setting's organisation write it and read all of it; staff of a setting a
// parent consented to read the consented parts while the consent runs;
// nobody else reads it, coordinators and admins included (parents' rights
// requests go through the export).
enum class Standing { sender, receiver, none };
Standing standing(const accounts::User& u, const std::string& sending_organization_id);
// The parts a reader working for `reader_organizations` may see, from the
// consents and the organisation of each consent's receiving setting.
std::set<std::string> consented_parts(const std::vector<Consent>& consents,
                                      const std::map<std::string, std::string>& organization_of_setting,
                                      const accounts::User& u, std::int64_t now);

// The handover's end: `months` after the transition date (00:00 UTC).
std::int64_t retention_end(const std::string& transition_date, int months);

}  // namespace samen::transitions
