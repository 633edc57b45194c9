// The service map's records as JSON for the staff API: HSDS 3.0 field names
// (services with languages, cost_options, attributes, service_at_locations,
// schedules, contacts, phones; locations with addresses), plus Samen's
// "translations": {"fr": {...}, "en": {...}}, schedule_exceptions, team areas
// and members, and the created_at / updated_at / archived_at times.
#pragma once
#include <nlohmann/json.hpp>

#include "directory/model/records.hpp"

namespace samen::directory {

nlohmann::json to_json(const Organization& o);
nlohmann::json to_json(const Service& s);
nlohmann::json to_json(const Location& l);
nlohmann::json to_json(const Team& t);

// Reads a record from a JSON object; fields of the wrong type are reported
// in errors (with the form's field names, like validate()). "id" and the
// times are ignored: the server sets them.
Organization organization_from_json(const nlohmann::json& j, FieldErrors& errors);
Service service_from_json(const nlohmann::json& j, FieldErrors& errors);
Location location_from_json(const nlohmann::json& j, FieldErrors& errors);
Team team_from_json(const nlohmann::json& j, FieldErrors& errors);

// A JSON merge for PATCH: top-level keys of patch replace those of base,
// except "translations", merged per language and field.
nlohmann::json merge_patch(nlohmann::json base, const nlohmann::json& patch);

// The JSON name of a field named as in FieldErrors ("name.fr" →
// "translations.fr.name", "hours" → "schedules", ...).
std::string json_field_name(const std::string& field);

}  // namespace samen::directory
