// The HSDS 3.0 tabular model, read once from the embedded official
// datapackage.json, and the value checks of the import (see hsds_schema.hpp).
#include "directory/hsds/hsds_schema.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/brussels.hpp"
#include "directory/model/records.hpp"
#include "util/dates.hpp"
#include "util/uuid.hpp"
#include "web/embedded.hpp"

namespace samen::directory::hsds {

namespace {

// Parents before children: the order rows are written in on import.
constexpr std::string_view kWriteOrder[] = {
    "taxonomies",        "taxonomy_terms", "organizations",  "programs",      "services",
    "locations",         "service_at_location", "contacts",  "phones",        "languages",
    "addresses",         "schedules",      "accessibility",  "service_areas", "funding",
    "required_documents", "cost_options",  "organization_identifiers", "attributes", "metadata",
    "meta_table_descriptions",
    // Samen's extensions
    "schedule_exceptions", "teams", "team_areas", "team_members"};

constexpr std::string_view kExtensionPrefix = kExtensionResourcePrefix;

using OrderedJson = nlohmann::ordered_json;

// A field of an extension resource, described as the official ones are.
OrderedJson field_json(const char* name, const char* type, const char* description, bool required,
                       const char* format = nullptr, OrderedJson constraints = OrderedJson::object()) {
  OrderedJson f = {{"name", name}, {"type", type}, {"description", description}};
  if (format) f["format"] = format;
  constraints["required"] = required;
  f["constraints"] = std::move(constraints);
  return f;
}

OrderedJson foreign_key(const char* field, const char* resource) {
  return {{"fields", field}, {"reference", {{"resource", resource}, {"fields", "id"}}}};
}

OrderedJson resource_json(const std::string& name, const char* description, OrderedJson fields,
                          OrderedJson primary_key, OrderedJson foreign_keys) {
  std::string plural = name.back() == 's' ? name : name + "s";
  return {{"name", std::string(kExtensionPrefix) + name},
          {"path", std::string(kExtensionPrefix) + plural + ".csv"},
          {"description", description},
          {"format", "csv"},
          {"mediatype", "text/csv"},
          {"profile", "tabular-data-resource"},
          {"schema", {{"primaryKey", std::move(primary_key)}, {"fields", std::move(fields)},
                      {"foreignKeys", std::move(foreign_keys)}}}};
}

// Samen's extension resources (see export_datapackage_json).
OrderedJson extension_resources() {
  OrderedJson nis_codes = OrderedJson::array();
  for (const auto& m : core::brussels_municipalities()) nis_codes.push_back(m.nis_code);
  OrderedJson kinds = OrderedJson::array();
  for (auto k : directory::kTeamKinds) kinds.push_back(std::string(k));
  OrderedJson out = OrderedJson::array();
  out.push_back(resource_json(
      "schedule_exception",
      "Samen extension: a closure or special opening hours of a service or a location on a date range, which "
      "HSDS schedules cannot express.",
      OrderedJson::array({field_json("id", "string", "The identifier of the exception.", true, "uuid", {{"unique", true}}),
       field_json("service_id", "string", "The service concerned (this or location_id).", false, "uuid"),
       field_json("location_id", "string", "The location concerned (this or service_id).", false, "uuid"),
       field_json("starts_on", "date", "The first day (ISO 8601).", true),
       field_json("ends_on", "date", "The last day, inclusive (ISO 8601); not before starts_on.", true),
       field_json("closed", "integer", "1: closed on these days; 0: open at opens_at-closes_at.", true, nullptr,
                  {{"minimum", 0}, {"maximum", 1}}),
       field_json("opens_at", "time", "The opening time when not closed.", false),
       field_json("closes_at", "time", "The closing time when not closed.", false),
       field_json("description", "string", "Why, for families (e.g. \"Kerstvakantie\").", false)}),
      "id", OrderedJson::array({foreign_key("service_id", "service"), foreign_key("location_id", "location")})));
  out.push_back(resource_json(
      "team",
      "Samen extension: a team of the network (a partnership, a local team or a cluster). Its fr/en texts are "
      "translation attributes with link_entity \"team\" (in attributes.csv; nested as \"attributes\" in "
      "x_samen_teams.json).",
      OrderedJson::array({field_json("id", "string", "The identifier of the team.", true, "uuid", {{"unique", true}}),
       field_json("name", "string", "The name of the team (Dutch).", true),
       field_json("kind", "string", "The kind of team.", true, nullptr, {{"enum", kinds}}),
       field_json("parent_id", "string", "The team this one is part of.", false, "uuid"),
       field_json("description", "string", "A description of the team (Dutch).", false)}),
      "id", OrderedJson::array({foreign_key("parent_id", "x_samen_team")})));
  out.push_back(resource_json(
      "team_area", "Samen extension: the area a team covers, by municipality and optionally neighbourhood.",
      OrderedJson::array({field_json("team_id", "string", "The team.", true, "uuid"),
       field_json("municipality", "string", "The NIS code of a Brussels municipality.", true, nullptr,
                  {{"enum", nis_codes}}),
       field_json("neighbourhood", "string", "A neighbourhood of the municipality; empty: all of it.", false)}),
      OrderedJson::array({"team_id", "municipality", "neighbourhood"}),
      OrderedJson::array({foreign_key("team_id", "x_samen_team")})));
  out.push_back(resource_json(
      "team_member", "Samen extension: an organization that is a member of a team.",
      OrderedJson::array({field_json("team_id", "string", "The team.", true, "uuid"),
                          field_json("organization_id", "string", "The member organization.", true, "uuid")}),
      OrderedJson::array({"team_id", "organization_id"}),
      OrderedJson::array({foreign_key("team_id", "x_samen_team"), foreign_key("organization_id", "organization")})));
  return out;
}

FieldType field_type(const std::string& t) {
  if (t == "number" || t == "integer") return FieldType::number;
  if (t == "date") return FieldType::date;
  if (t == "datetime") return FieldType::datetime;
  if (t == "time") return FieldType::time;
  return FieldType::string;
}

Format field_format(const std::string& f) {
  if (f == "uuid") return Format::uuid;
  if (f == "email") return Format::email;
  if (f == "uri") return Format::uri;
  return Format::none;
}

std::vector<Table> load_tables() {
  auto official = nlohmann::json::parse(datapackage_json()).at("resources");
  auto extensions = nlohmann::json::parse(extension_resources().dump()), resources = official;
  for (const auto& r : extensions) resources.push_back(r);
  std::vector<Table> loaded;
  std::map<std::string, std::string> table_of_resource;
  for (const auto& r : resources) {
    Table t;
    t.resource = r.at("name").get<std::string>();
    t.file = r.at("path").get<std::string>();
    t.name = t.file.substr(0, t.file.size() - 4);
    t.extension = t.name.starts_with(kExtensionPrefix);
    if (t.extension) t.name = t.name.substr(kExtensionPrefix.size());
    table_of_resource[t.resource] = t.name;
    const auto& key = r.at("schema").at("primaryKey");
    t.key = key.is_array() ? key.get<std::vector<std::string>>() : std::vector<std::string>{key.get<std::string>()};
    for (const auto& f : r.at("schema").at("fields")) {
      Field field;
      field.name = f.at("name").get<std::string>();
      field.type = field_type(f.value("type", "string"));
      field.format = field_format(f.value("format", ""));
      if (auto c = f.find("constraints"); c != f.end()) {
        field.required = c->value("required", false);
        if (auto e = c->find("enum"); e != c->end()) field.allowed = e->get<std::vector<std::string>>();
        if (auto m = c->find("minimum"); m != c->end()) field.minimum = m->get<double>();
        if (auto m = c->find("maximum"); m != c->end()) field.maximum = m->get<double>();
      }
      // NOT NULL text columns with a '' default in Samen's database.
      field.empty_when_null = (t.name == "teams" && field.name == "description") ||
                              (t.name == "team_areas" && field.name == "neighbourhood");
      t.fields.push_back(std::move(field));
    }
    t.has_stamps = t.name == "organizations" || t.name == "services" || t.name == "locations" || t.name == "teams";
    loaded.push_back(std::move(t));
  }
  // References: the datapackage's foreign keys, plus the parent of a taxonomy
  // term (a foreign key in Samen's database).
  std::size_t i = 0;
  for (const auto& r : resources) {
    for (const auto& fk : r.at("schema").value("foreignKeys", nlohmann::json::array()))
      loaded[i].references.push_back(
          {fk.at("fields").get<std::string>(), table_of_resource.at(fk.at("reference").at("resource").get<std::string>())});
    if (loaded[i].name == "taxonomy_terms") loaded[i].references.push_back({"parent_id", "taxonomy_terms"});
    ++i;
  }
  std::vector<Table> ordered;
  for (auto name : kWriteOrder) {
    auto it = std::find_if(loaded.begin(), loaded.end(), [&](const Table& t) { return t.name == name; });
    if (it == loaded.end()) throw std::logic_error("HSDS datapackage lacks table " + std::string(name));
    ordered.push_back(std::move(*it));
  }
  return ordered;
}

bool digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return false;
  for (std::size_t i = pos; i < pos + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number_at(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// "HH:MM:SS[.frac]" at pos; returns the length consumed or 0.
std::size_t full_time_at(std::string_view s, std::size_t pos, bool seconds_optional) {
  if (!digits(s, pos, 2) || pos + 2 >= s.size() || s[pos + 2] != ':' || !digits(s, pos + 3, 2)) return 0;
  if (number_at(s, pos, 2) > 23 || number_at(s, pos + 3, 2) > 59) return 0;
  std::size_t n = 5;
  if (pos + n < s.size() && s[pos + n] == ':') {
    if (!digits(s, pos + n + 1, 2) || number_at(s, pos + n + 1, 2) > 60) return 0;
    n += 3;
    if (pos + n < s.size() && s[pos + n] == '.') {
      std::size_t f = n + 1;
      while (pos + f < s.size() && s[pos + f] >= '0' && s[pos + f] <= '9') ++f;
      if (f == n + 1) return 0;
      n = f;
    }
  } else if (!seconds_optional) {
    return 0;
  }
  return n;
}

// "Z" or "±HH:MM" filling the rest of s from pos.
bool offset_at(std::string_view s, std::size_t pos) {
  if (pos + 1 == s.size() && (s[pos] == 'Z' || s[pos] == 'z')) return true;
  return pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && digits(s, pos + 1, 2) && s[pos + 3] == ':' &&
         digits(s, pos + 4, 2) && number_at(s, pos + 1, 2) <= 23 && number_at(s, pos + 4, 2) <= 59;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::optional<std::size_t> Table::index_of(std::string_view f) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == f) return i;
  return std::nullopt;
}

const Field* Table::field(std::string_view f) const {
  auto i = index_of(f);
  return i ? &fields[*i] : nullptr;
}

std::string_view datapackage_json() {
  static const std::string_view doc = [] {
    auto d = embedded::find("hsds/datapackage.json");
    if (!d) throw std::logic_error("the HSDS datapackage.json is not embedded");
    return *d;
  }();
  return doc;
}

std::string export_datapackage_json() {
  // Splice the extensions in before the end of "resources" (the descriptor's
  // last member), so the official text stays as it is.
  std::string doc(datapackage_json());
  auto end = doc.rfind(']');
  if (end == std::string::npos) throw std::logic_error("the HSDS datapackage.json has no resources");
  auto last = doc.find_last_not_of(" \n", end - 1);  // the closing brace of the last official resource
  std::string added;
  for (const auto& r : extension_resources()) {
    std::string text = r.dump(4);
    std::string indented;
    for (char ch : text) {
      indented.push_back(ch);
      if (ch == '\n') indented += "        ";
    }
    added += ",\n        " + indented;
  }
  return doc.substr(0, last + 1) + added + doc.substr(last + 1);
}

const std::vector<Table>& tables() {
  static const std::vector<Table> all = load_tables();
  return all;
}

const Table* table_named(std::string_view name) {
  for (const auto& t : tables())
    if (t.name == name) return &t;
  return nullptr;
}

const Table* table_for_resource(std::string_view resource) {
  for (const auto& t : tables())
    if (t.resource == resource) return &t;
  return nullptr;
}

bool is_uuid(std::string_view s) { return uuid::valid(s); }

bool is_email(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= s.size() || s.find('@', at + 1) != std::string_view::npos)
    return false;
  if (at > 64 || s.size() > 254) return false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == ',' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' ||
        c == '[' || c == ']' || c == '\\' || c == '"')
      return false;
  }
  auto domain = s.substr(at + 1);
  return domain.front() != '.' && domain.back() != '.' && domain.find("..") == std::string_view::npos &&
         s[at - 1] != '.' && s.front() != '.';
}

bool is_uri(std::string_view s) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  if (colon + 1 == s.size()) return false;
  static constexpr std::string_view kForbidden = " \"<>\\^`{|}";
  for (std::size_t i = colon + 1; i < s.size(); ++i) {
    auto u = static_cast<unsigned char>(s[i]);
    if (u < 0x20 || u == 0x7f || kForbidden.find(s[i]) != std::string_view::npos) return false;
    if (s[i] == '%' && !(i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                         std::isxdigit(static_cast<unsigned char>(s[i + 2]))))
      return false;
  }
  auto rest = s.substr(colon + 1);
  if (rest.starts_with("//")) {
    auto host_end = rest.find_first_of("/?#", 2);
    if (rest.substr(2, host_end == std::string_view::npos ? std::string_view::npos : host_end - 2).empty())
      return false;
  }
  return true;
}

bool is_date(std::string_view s) { return dates::valid_iso(s); }

bool is_datetime(std::string_view s) {
  if (s.size() < 20 || !is_date(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't')) return false;
  std::size_t n = full_time_at(s, 11, false);
  return n && offset_at(s, 11 + n);
}

bool is_time(std::string_view s) {
  std::size_t n = full_time_at(s, 0, true);
  return n && (n == s.size() || offset_at(s, n));
}

std::optional<double> parse_number(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || (s.front() == '-' && s.size() > 1 && s[1] == '+')) return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string format_number(double v) {
  if (v == 0) return "0";  // also -0
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, p) : std::string("0");
}

std::string canonical_value(const Field& f, std::string text) {
  if (f.type == FieldType::number) {
    if (auto n = parse_number(text)) return format_number(*n);
  } else if (f.type == FieldType::datetime && is_date(text)) {
    return text + "T00:00:00Z";
  } else if (f.type == FieldType::date && text.size() > 10 && is_datetime(text) && is_date(text.substr(0, 10))) {
    // Samen keeps when a field changed to the second (metadata.last_action_date);
    // HSDS has a date there: the day is what travels.
    return text.substr(0, 10);
  }
  return text;
}

std::optional<std::string> value_problem(const Table& t, const Field& f, std::string_view text) {
  if (!f.allowed.empty() && std::find(f.allowed.begin(), f.allowed.end(), text) == f.allowed.end())
    return "must be one of: " + join(f.allowed);
  switch (f.type) {
    case FieldType::number: {
      auto n = parse_number(text);
      if (!n) return std::string("is not a number");
      if ((f.minimum && *n < *f.minimum) || (f.maximum && *n > *f.maximum))
        return "must be between " + format_number(f.minimum.value_or(-HUGE_VAL)) + " and " +
               format_number(f.maximum.value_or(HUGE_VAL));
      if (t.name == "locations" && f.name == "latitude" && (*n < -90 || *n > 90))
        return std::string("latitude must be between -90 and 90");
      if (t.name == "locations" && f.name == "longitude" && (*n < -180 || *n > 180))
        return std::string("longitude must be between -180 and 180");
      break;
    }
    case FieldType::date:
      if (!is_date(text)) return std::string("is not a date (YYYY-MM-DD)");
      break;
    case FieldType::datetime:
      if (!is_datetime(text)) return std::string("is not a date-time (RFC 3339, e.g. 2024-05-01T09:30:00Z)");
      break;
    case FieldType::time:
      if (!is_time(text)) return std::string("is not a time (HH:MM:SS)");
      break;
    case FieldType::string:
      break;
  }
  switch (f.format) {
    case Format::uuid:
      if (!is_uuid(text)) return std::string("is not a UUID (8-4-4-4-12 hexadecimal digits)");
      break;
    case Format::email:
      if (!is_email(text)) return std::string("is not an e-mail address");
      break;
    case Format::uri:
      if (!is_uri(text)) return std::string("is not an absolute URI (e.g. https://example.org/)");
      break;
    case Format::none:
      break;
  }
  return std::nullopt;
}

const TranslationTerm* translation_term(std::string_view term_id) {
  for (const auto& t : kTranslationTerms)
    if (t.id == term_id) return &t;
  return nullptr;
}

const TranslationTerm* translation_term_for_lang(std::string_view lang) {
  for (const auto& t : kTranslationTerms)
    if (t.lang == lang) return &t;
  return nullptr;
}

std::string translation_attribute_id(std::string_view resource_type, std::string_view resource_id,
                                     std::string_view field, std::string_view lang) {
  std::string name = "samen-translation";
  for (auto part : {resource_type, resource_id, field, lang}) {
    name.push_back('\0');
    name.append(part);
  }
  return uuid::name_based(name);  // version 8: name-based, stable across exports
}

}  // namespace samen::directory::hsds
