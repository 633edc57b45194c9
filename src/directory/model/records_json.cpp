// JSON form of the service map's records (see records_json.hpp): writing is
// straightforward; reading checks every value's type and reports problems
// per field instead of throwing.
#include "directory/model/records_json.hpp"

#include "app/api.hpp"

#include <cmath>

#include "util/text.hpp"

namespace samen::directory {

using nlohmann::json;

namespace {

const char* kWeekdayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json number_or_null(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Times as RFC 3339; the version for optimistic updates is the last write's
// time in seconds (what the staff forms send back too).
json stamps(json j, const Stamp& s) {
  j["created_at"] = app::rfc3339(s.created_at);
  j["updated_at"] = app::rfc3339(s.updated_at);
  j["archived_at"] = app::rfc3339_or_null(s.archived_at);
  j["version"] = s.updated_at;
  return j;
}

// {"fr": {field: text}, "en": {...}} of the non-empty translations.
template <class R>
json translations_json(const R& record) {
  auto fields = translated_texts(record);
  json out = json::object();
  for (const char* lang : {"fr", "en"}) {
    json texts = json::object();
    for (const auto& [name, t] : fields) {
      const std::string& v = std::string_view(lang) == "fr" ? t->fr : t->en;
      if (!v.empty()) texts[name] = v;
    }
    out[lang] = texts;
  }
  return out;
}

// The record's id, own fields (see own_fields) and translations.
template <class R>
json own_json(const R& record) {
  json j = {{"id", record.id}, {"translations", translations_json(record)}};
  for (const auto& f : own_fields<R>()) {
    const std::string* text = nullptr;
    if (auto member = std::get_if<std::string R::*>(&f.member)) text = &(record.*(*member));
    else if (auto num = std::get_if<std::optional<double> R::*>(&f.member)) j[f.name] = number_or_null(record.*(*num));
    else text = &(record.*std::get<Translated R::*>(f.member)).nl;
    if (text) j[f.name] = f.null_when_empty ? text_or_null(*text) : json(*text);
  }
  return j;
}

json phones_json(const std::vector<Phone>& phones) {
  json out = json::array();
  for (const auto& p : phones)
    out.push_back({{"number", p.number}, {"type", text_or_null(p.type)}, {"description", text_or_null(p.description)}});
  return out;
}

// ---- reading -------------------------------------------------------------------

class Reader {
 public:
  Reader(const json& j, FieldErrors& e) : j_(j), e_(e) {}

  std::string text(const char* key, const std::string& field = "") {
    return text_of(j_, key, field.empty() ? key : field);
  }
  std::string text_of(const json& obj, const char* key, const std::string& field) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return {};
    if (!it->is_string()) return type_error(field), std::string();
    return text::trimmed(it->get<std::string>());
  }
  std::optional<double> number(const char* key, const std::string& field = "") {
    return number_of(j_, key, field.empty() ? key : field);
  }
  std::optional<double> number_of(const json& obj, const char* key, const std::string& field) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_number() || !std::isfinite(it->get<double>())) return type_error(field), std::nullopt;
    return it->get<double>();
  }
  // The objects of an array field (absent or null: none).
  std::vector<json> objects(const char* key, const std::string& field) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return {};
    if (!it->is_array()) return type_error(field), std::vector<json>();
    std::vector<json> out;
    for (const auto& item : *it) {
      if (!item.is_object()) return type_error(field), std::vector<json>();
      out.push_back(item);
    }
    return out;
  }
  std::vector<std::string> strings(const char* key, const std::string& field) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return {};
    if (!it->is_array()) return type_error(field), std::vector<std::string>();
    std::vector<std::string> out;
    for (const auto& item : *it) {
      if (!item.is_string()) return type_error(field), std::vector<std::string>();
      out.push_back(text::trimmed(item.get<std::string>()));
    }
    return out;
  }
  // name (nl) from the base field, fr/en from "translations".
  Translated translated(const char* key) {
    Translated t;
    t.nl = text(key);
    auto tr = j_.find("translations");
    if (tr == j_.end() || tr->is_null()) return t;
    if (!tr->is_object()) return type_error("translations"), t;
    for (const char* lang : {"fr", "en"}) {
      auto l = tr->find(lang);
      if (l == tr->end() || l->is_null()) continue;
      if (!l->is_object()) {
        type_error(std::string(key) + "." + lang);
        continue;
      }
      (std::string_view(lang) == "fr" ? t.fr : t.en) = text_of(*l, key, std::string(key) + "." + lang);
    }
    return t;
  }
  // The record's own fields (see own_fields), each by its HSDS name.
  template <class R>
  void own_fields_of(R& record) {
    for (const auto& f : own_fields<R>()) {
      const char* key = f.name.c_str();
      if (auto text = std::get_if<std::string R::*>(&f.member)) record.*(*text) = this->text(key);
      else if (auto num = std::get_if<std::optional<double> R::*>(&f.member)) record.*(*num) = number(key);
      else record.*std::get<Translated R::*>(f.member) = translated(key);
    }
  }
  std::vector<Phone> phones() {
    std::vector<Phone> out;
    for (const auto& p : objects("phones", "phones"))
      out.push_back({text_of(p, "number", "phones"), text_of(p, "type", "phones"), text_of(p, "description", "phones")});
    return out;
  }
  void type_error(const std::string& field) { e_.emplace(field, "staff.invalid.type"); }

 private:
  const json& j_;
  FieldErrors& e_;
};

// Translations may only name the record's translatable fields and fr/en.
void check_translation_keys(const json& j, RecordKind k, FieldErrors& e) {
  auto tr = j.find("translations");
  if (tr == j.end() || !tr->is_object()) return;
  const auto& fields = translated_fields(k);
  for (const auto& [lang, texts] : tr->items()) {
    if (lang != "fr" && lang != "en") {
      e.emplace("translations", "staff.invalid.translation_key");
      return;
    }
    if (!texts.is_object()) continue;
    for (const auto& [field, value] : texts.items())
      if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
        e.emplace("translations", "staff.invalid.translation_key");
        return;
      }
  }
}

}  // namespace

// ---- writing ------------------------------------------------------------------

json to_json(const Organization& o) {
  json j = own_json(o);
  j["phones"] = phones_json(o.phones);
  return stamps(std::move(j), o.stamp);
}

json to_json(const Service& s) {
  json languages = json::array(), costs = json::array(), attributes = json::array(), sal = json::array(),
       schedules = json::array(), exceptions = json::array(), contacts = json::array();
  for (const auto& code : s.languages) languages.push_back({{"code", code}, {"name", language_display_name(code, "en")}});
  if (s.cost)
    costs.push_back({{"option", s.cost->option}, {"amount", number_or_null(s.cost->amount)}, {"currency", "EUR"},
                     {"amount_description", text_or_null(s.cost->amount_description)}});
  for (const auto& t : s.categories)
    attributes.push_back({{"taxonomy_term_id", t}, {"link_entity", "service"}, {"link_type", "category"}});
  for (const auto& l : s.location_ids) sal.push_back({{"location_id", l}});
  for (const auto& h : s.hours)
    schedules.push_back({{"freq", "WEEKLY"}, {"byday", kWeekdayCodes[h.weekday]}, {"opens_at", h.opens_at},
                         {"closes_at", h.closes_at}});
  for (const auto& x : s.exceptions)
    exceptions.push_back({{"starts_on", x.starts_on}, {"ends_on", x.ends_on}, {"closed", x.closed},
                          {"opens_at", text_or_null(x.opens_at)}, {"closes_at", text_or_null(x.closes_at)},
                          {"description", text_or_null(x.description)}});
  for (const auto& c : s.contacts)
    contacts.push_back({{"name", text_or_null(c.name)}, {"title", text_or_null(c.title)}, {"email", text_or_null(c.email)}});
  json j = own_json(s);
  j["languages"] = languages;
  j["cost_options"] = costs;
  j["attributes"] = attributes;
  j["service_at_locations"] = sal;
  j["schedules"] = schedules;
  j["schedule_exceptions"] = exceptions;
  j["contacts"] = contacts;
  j["phones"] = phones_json(s.phones);
  return stamps(std::move(j), s.stamp);
}

json to_json(const Location& l) {
  json addresses = json::array();
  if (!l.address.empty())
    addresses.push_back({{"address_1", l.address.address_1}, {"address_2", text_or_null(l.address.address_2)},
                         {"city", l.address.city}, {"postal_code", l.address.postal_code},
                         {"region", "Brussels-Capital Region"}, {"state_province", "Brussels-Capital Region"},
                         {"country", "BE"}, {"address_type", "physical"}});
  json j = own_json(l);
  j["location_type"] = "physical";
  j["addresses"] = addresses;
  j["phones"] = phones_json(l.phones);
  return stamps(std::move(j), l.stamp);
}

json to_json(const Team& t) {
  json areas = json::array();
  for (const auto& a : t.areas) areas.push_back({{"municipality", a.municipality}, {"neighbourhood", a.neighbourhood}});
  json j = own_json(t);
  j["areas"] = areas;
  j["members"] = t.member_ids;
  return stamps(std::move(j), t.stamp);
}

// ---- reading ------------------------------------------------------------------

namespace {

// What each kind holds beyond its own fields.
void read_children(Reader& r, const json&, FieldErrors&, Organization& o) { o.phones = r.phones(); }

void read_children(Reader& r, const json& j, FieldErrors& e, Service& s) {
  if (s.status.empty() && !j.contains("status")) s.status = "active";
  for (const auto& l : r.objects("languages", "languages")) s.languages.push_back(r.text_of(l, "code", "languages"));
  auto costs = r.objects("cost_options", "cost");
  if (costs.size() > 1) e.emplace("cost", "staff.invalid.one_cost_option");
  if (!costs.empty())
    s.cost = CostOption{r.text_of(costs[0], "option", "cost"), r.number_of(costs[0], "amount", "cost_amount"),
                        r.text_of(costs[0], "amount_description", "cost_amount_description")};
  for (const auto& a : r.objects("attributes", "categories"))
    s.categories.push_back(r.text_of(a, "taxonomy_term_id", "categories"));
  for (const auto& l : r.objects("service_at_locations", "locations"))
    s.location_ids.push_back(r.text_of(l, "location_id", "locations"));
  for (const auto& h : r.objects("schedules", "hours")) {
    std::string freq = r.text_of(h, "freq", "hours"), byday = r.text_of(h, "byday", "hours");
    int weekday = -1;
    for (int d = 0; d < 7; ++d)
      if (byday == kWeekdayCodes[d]) weekday = d;
    if (!freq.empty() && freq != "WEEKLY") weekday = -1;
    s.hours.push_back({weekday, r.text_of(h, "opens_at", "hours"), r.text_of(h, "closes_at", "hours")});
  }
  for (const auto& x : r.objects("schedule_exceptions", "exceptions")) {
    HoursException ex;
    ex.starts_on = r.text_of(x, "starts_on", "exceptions");
    ex.ends_on = r.text_of(x, "ends_on", "exceptions");
    auto closed = x.find("closed");
    if (closed != x.end() && !closed->is_null() && !closed->is_boolean()) r.type_error("exceptions");
    ex.closed = closed == x.end() || closed->is_null() || (closed->is_boolean() && closed->get<bool>());
    ex.opens_at = r.text_of(x, "opens_at", "exceptions");
    ex.closes_at = r.text_of(x, "closes_at", "exceptions");
    ex.description = r.text_of(x, "description", "exceptions");
    s.exceptions.push_back(std::move(ex));
  }
  for (const auto& c : r.objects("contacts", "contacts"))
    s.contacts.push_back({r.text_of(c, "name", "contacts"), r.text_of(c, "title", "contacts"),
                          r.text_of(c, "email", "contacts")});
  s.phones = r.phones();
}

void read_children(Reader& r, const json&, FieldErrors& e, Location& l) {
  auto addresses = r.objects("addresses", "address_1");
  if (addresses.size() > 1) e.emplace("address_1", "staff.invalid.one_address");
  if (!addresses.empty())
    l.address = {r.text_of(addresses[0], "address_1", "address_1"), r.text_of(addresses[0], "address_2", "address_2"),
                 r.text_of(addresses[0], "postal_code", "postal_code"), r.text_of(addresses[0], "city", "city")};
  l.phones = r.phones();
}

void read_children(Reader& r, const json& j, FieldErrors&, Team& t) {
  if (t.kind.empty() && !j.contains("kind")) t.kind = "local_team";
  for (const auto& a : r.objects("areas", "areas"))
    t.areas.push_back({r.text_of(a, "municipality", "areas"), r.text_of(a, "neighbourhood", "areas")});
  t.member_ids = r.strings("members", "members");
}

// The record's own fields, its children, and translations that name only its fields.
template <class R>
R record_from_json(const json& j, FieldErrors& e) {
  Reader r(j, e);
  R record;
  r.own_fields_of(record);
  read_children(r, j, e, record);
  check_translation_keys(j, kind_of(record), e);
  return record;
}

}  // namespace

Organization organization_from_json(const json& j, FieldErrors& e) { return record_from_json<Organization>(j, e); }
Service service_from_json(const json& j, FieldErrors& e) { return record_from_json<Service>(j, e); }
Location location_from_json(const json& j, FieldErrors& e) { return record_from_json<Location>(j, e); }
Team team_from_json(const json& j, FieldErrors& e) { return record_from_json<Team>(j, e); }

json merge_patch(json base, const json& patch) {
  for (const auto& [key, value] : patch.items()) {
    if (key == "translations" && value.is_object() && base[key].is_object()) {
      for (const auto& [lang, texts] : value.items()) {
        if (texts.is_object() && base[key][lang].is_object())
          for (const auto& [field, text] : texts.items()) base[key][lang][field] = text;
        else
          base[key][lang] = texts;
      }
    } else {
      base[key] = value;
    }
  }
  return base;
}

std::string json_field_name(const std::string& field) {
  auto dot = field.find('.');
  if (dot != std::string::npos) return "translations." + field.substr(dot + 1) + "." + field.substr(0, dot);
  static const std::map<std::string, std::string> kNames = {
      {"hours", "schedules"},          {"exceptions", "schedule_exceptions"}, {"locations", "service_at_locations"},
      {"categories", "attributes"},    {"cost", "cost_options"},              {"cost_amount", "cost_options"},
      {"cost_amount_description", "cost_options"}, {"address_1", "addresses"}, {"address_2", "addresses"},
      {"postal_code", "addresses"},    {"city", "addresses"}};
  auto it = kNames.find(field);
  return it == kNames.end() ? field : it->second;
}

}  // namespace samen::directory
