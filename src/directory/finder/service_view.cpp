// Read-side queries of the public finder: bulk summaries for result lists
// (one query per table for the whole page), the full service page, map
// points and the filter choices, with texts picked per reader language.
#include "directory/finder/service_view.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/brussels.hpp"
#include "directory/model/records.hpp"
#include "directory/model/taxonomy.hpp"
#include "directory/search/search_document.hpp"
#include "util/text_fold.hpp"

namespace samen::directory {

namespace {

using store::Connection;
using store::Params;
using store::Row;


std::size_t lang_index(i18n::Lang l) { return static_cast<std::size_t>(l); }

// (resource id, field) → texts by language, nl from the base columns given by the caller.
using TranslationMap = std::map<std::pair<std::string, std::string>, LangTexts>;

TranslationMap load_translations(Connection& c, const std::string& resource_type, const std::vector<std::string>& ids) {
  TranslationMap out;
  if (ids.empty()) return out;
  Params p{resource_type};
  for (const auto& id : ids) p.emplace_back(id);
  for (const auto& r : c.exec("SELECT resource_id, field, lang, value FROM translations WHERE resource_type = ? "
                              "AND resource_id IN (" + store::placeholder_list(ids.size()) + ")", p).rows) {
    auto lang = i18n::parse_lang(r.text(2));
    if (!lang || *lang == i18n::Lang::nl) continue;  // Dutch lives in the base column
    out[{r.text(0), r.text(1)}][lang_index(*lang)] = r.text(3);
  }
  return out;
}

// The texts of one field: the base column (Dutch) and its translations.
LangTexts texts_of(const TranslationMap& t, const std::string& id, const std::string& field, const std::string& nl) {
  LangTexts out;
  if (auto it = t.find({id, field}); it != t.end()) out = it->second;
  out[0] = nl;
  return out;
}

std::string municipality_name(std::string_view postcode, i18n::Lang reader) {
  const core::Municipality* m = core::municipality_for_postcode(postcode);
  return m ? m->name(reader) : std::string();
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

ScheduleRow schedule_row(const Row& r, std::size_t first) {
  return ScheduleRow{r.text(first), r.text(first + 1), r.text(first + 2), r.text(first + 3), r.text(first + 4),
                     r.text(first + 5)};
}

ScheduleException exception_row(const Row& r, std::size_t first) {
  ScheduleException x;
  x.starts_on = r.text(first);
  x.ends_on = r.text(first + 1);
  x.closed = r.boolean(first + 2);
  x.opens_minute = parse_clock(r.text(first + 3)).value_or(-1);
  x.closes_minute = parse_clock(r.text(first + 4)).value_or(-1);
  x.description = r.text(first + 5);
  return x;
}

constexpr const char* kScheduleColumns = "sc.freq, sc.byday, sc.opens_at, sc.closes_at, sc.valid_from, sc.valid_to";
constexpr const char* kExceptionColumns = "e.starts_on, e.ends_on, e.closed, e.opens_at, e.closes_at, e.description";

// Opening hours per service, as search sees them: the service's own rules
// (service_id or its service_at_location rows) win; a service without any
// uses the rules of its locations. Exceptions of the service and of its locations apply.
struct HoursParts {
  std::vector<ScheduleRow> own, at_locations;
  std::vector<ScheduleException> exceptions;
  OpeningHours own_hours() const { return opening_hours_from(own, exceptions); }
  OpeningHours effective() const { return opening_hours_from(own.empty() ? at_locations : own, exceptions); }
};

std::map<std::string, HoursParts> load_hours(Connection& c, const std::vector<std::string>& ids) {
  std::map<std::string, HoursParts> out;
  if (ids.empty()) return out;
  const std::string in = store::placeholder_list(ids.size());
  // Each part starts from an indexed service_id lookup; COALESCE(x, '') = '' tests for NULL
  // without tempting SQLite's planner to scan the index of all NULL rows first.
  for (const auto& r : c.exec(std::string("SELECT sc.service_id, ") + kScheduleColumns +
                                  " FROM schedules sc WHERE sc.service_id IN (" + in + ") UNION ALL "
                                  "SELECT sal.service_id, " + kScheduleColumns +
                                  " FROM service_at_location sal JOIN schedules sc ON sc.service_at_location_id = sal.id "
                                  "AND COALESCE(sc.service_id, '') = '' WHERE sal.service_id IN (" + in + ")",
                              store::text_params(ids, 2)).rows)
    out[r.text(0)].own.push_back(schedule_row(r, 1));
  for (const auto& r : c.exec(std::string("SELECT sal.service_id, ") + kScheduleColumns +
                                  " FROM service_at_location sal JOIN schedules sc ON sc.location_id = sal.location_id "
                                  "AND COALESCE(sc.service_id, '') = '' AND COALESCE(sc.service_at_location_id, '') = '' "
                                  "JOIN locations l ON l.id = sal.location_id AND l.archived_at IS NULL "
                                  "WHERE sal.service_id IN (" + in + ")",
                              store::text_params(ids)).rows)
    out[r.text(0)].at_locations.push_back(schedule_row(r, 1));
  for (const auto& r : c.exec(std::string("SELECT sal.service_id, ") + kExceptionColumns +
                                  " FROM service_at_location sal JOIN schedule_exceptions e ON e.location_id = "
                                  "sal.location_id AND COALESCE(e.service_id, '') = '' WHERE sal.service_id IN (" + in +
                                  ") UNION ALL SELECT e.service_id, " + kExceptionColumns +
                                  " FROM schedule_exceptions e WHERE e.service_id IN (" + in + ")",
                              store::text_params(ids, 2)).rows)
    out[r.text(0)].exceptions.push_back(exception_row(r, 1));
  return out;
}

// The phones of a service, of its locations and of its contacts, in one pass
// over the phones table; owner column ("service_id", ...) + id → phones.
using PhoneMap = std::map<std::pair<std::string, std::string>, std::vector<PhoneView>>;

PhoneMap load_phones(Connection& c, const ServiceDetails& d, i18n::Lang reader) {
  PhoneMap out;
  Params p{d.id};
  std::string sql = "SELECT id, number, type, description, service_id, location_id, contact_id FROM phones "
                    "WHERE service_id = ?";
  auto add_owners = [&](const char* column, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    sql += std::string(" OR ") + column + " IN (" + store::placeholder_list(ids.size()) + ")";
    for (const auto& id : ids) p.emplace_back(id);
  };
  std::vector<std::string> location_ids, contact_ids;
  for (const auto& l : d.locations) location_ids.push_back(l.id);
  for (const auto& ct : d.contacts) contact_ids.push_back(ct.id);
  add_owners("location_id", location_ids);
  add_owners("contact_id", contact_ids);
  auto rows = c.exec(sql + " ORDER BY number, id", p);
  std::vector<std::string> ids;
  for (const auto& r : rows.rows) ids.push_back(r.text(0));
  auto tr = load_translations(c, "phone", ids);
  for (const auto& r : rows.rows) {
    if (r.text(1).empty()) continue;
    PhoneView v{r.text(1), tel_href(r.text(1)), r.text(2),
                pick_text(texts_of(tr, r.text(0), "description", r.text(3)), reader)};
    if (r.text(4) == d.id) out[{"service_id", d.id}].push_back(v);
    if (!r.text(5).empty()) out[{"location_id", r.text(5)}].push_back(v);
    if (!r.text(6).empty()) out[{"contact_id", r.text(6)}].push_back(v);
  }
  return out;
}

void attach_phones(Connection& c, i18n::Lang reader, ServiceDetails& d) {
  PhoneMap phones = load_phones(c, d, reader);
  d.phones = phones[{"service_id", d.id}];
  for (auto& l : d.locations) l.phones = phones[{"location_id", l.id}];
  for (auto& ct : d.contacts) ct.phones = phones[{"contact_id", ct.id}];
  std::erase_if(d.contacts, [](const ContactView& ct) { return ct.name.empty() && ct.email.empty() && ct.phones.empty(); });
}

// ---- the service page, part by part ---------------------------------------------------

bool load_service_row(Connection& c, const std::string& id, i18n::Lang reader, ServiceDetails& d) {
  auto r = c.exec("SELECT id, name, alternate_name, description, url, email, status, application_process, "
                  "fees_description, eligibility_description, minimum_age, maximum_age, assured_date, "
                  "organization_id FROM services WHERE id = ? AND archived_at IS NULL",
                  {id});
  if (r.empty()) return false;
  const Row& row = r.rows[0];
  auto tr = load_translations(c, "service", {id});
  auto pick = [&](const char* field, std::size_t col) { return pick_text(texts_of(tr, id, field, row.text(col)), reader); };
  d.id = row.text(0);
  d.name = pick("name", 1);
  d.alternate_name = pick("alternate_name", 2);
  d.description = pick("description", 3);
  d.url = row.text(4);
  d.email = row.text(5);
  d.status = row.text(6);
  d.application_process = pick("application_process", 7);
  d.fees_description = pick("fees_description", 8);
  d.eligibility = pick("eligibility_description", 9);
  d.minimum_age = row.opt_real(10);
  d.maximum_age = row.opt_real(11);
  d.assured_date = row.text(12);
  d.organization_id = row.text(13);
  return true;
}

void load_organization_part(Connection& c, i18n::Lang reader, ServiceDetails& d) {
  if (d.organization_id.empty()) return;
  auto r = c.exec("SELECT name, description, website, email FROM organizations WHERE id = ? AND archived_at IS NULL",
                  {d.organization_id});
  if (r.empty()) return;
  auto tr = load_translations(c, "organization", {d.organization_id});
  d.organization_name = pick_text(texts_of(tr, d.organization_id, "name", r.rows[0].text(0)), reader);
  d.organization_description = pick_text(texts_of(tr, d.organization_id, "description", r.rows[0].text(1)), reader);
  d.organization_url = r.rows[0].text(2);
  d.organization_email = r.rows[0].text(3);
}

void load_categories(Connection& c, i18n::Lang reader, ServiceDetails& d) {
  auto rows = c.exec("SELECT t.id, t.name FROM attributes a JOIN taxonomy_terms t ON t.id = a.taxonomy_term_id "
                     "WHERE a.link_id = ? AND a.link_entity = 'service' ORDER BY t.name",
                     {d.id});
  std::vector<std::string> ids;
  for (const auto& r : rows.rows) ids.push_back(r.text(0));
  auto tr = load_translations(c, "taxonomy_term", ids);
  for (const auto& r : rows.rows) d.categories.push_back(pick_text(texts_of(tr, r.text(0), "name", r.text(1)), reader).text);
  sort_unique(d.categories);
}

void load_simple_lists(Connection& c, ServiceDetails& d) {
  for (const auto& r : c.exec("SELECT DISTINCT LOWER(code) FROM languages WHERE service_id = ? AND code IS NOT NULL "
                              "AND code <> ''", {d.id}).rows)
    d.language_codes.push_back(r.text(0));
  sort_unique(d.language_codes);
  for (const auto& r : c.exec("SELECT option, amount, currency, amount_description FROM cost_options "
                              "WHERE service_id = ? ORDER BY id", {d.id}).rows)
    d.costs.push_back({detail::cost_name(detail::classify_cost(r.text(0), r.opt_real(1))), r.opt_real(1), r.text(2),
                       r.text(3)});
  for (const auto& r : c.exec("SELECT document FROM required_documents WHERE service_id = ? AND document IS NOT NULL "
                              "ORDER BY id", {d.id}).rows)
    d.required_documents.push_back(r.text(0));
  for (const auto& r : c.exec("SELECT id, name, title, department, email FROM contacts WHERE service_id = ? "
                              "ORDER BY name, id", {d.id}).rows) {
    d.contacts.push_back(ContactView{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), {}});
  }
}

void load_locations(Connection& c, i18n::Lang reader, ServiceDetails& d) {
  auto rows = c.exec("SELECT DISTINCT l.id, l.name, l.description, l.transportation, l.latitude, l.longitude "
                     "FROM service_at_location sal JOIN locations l ON l.id = sal.location_id "
                     "WHERE sal.service_id = ? AND l.archived_at IS NULL ORDER BY l.id",
                     {d.id});
  std::vector<std::string> ids;
  for (const auto& r : rows.rows) ids.push_back(r.text(0));
  auto tr = load_translations(c, "location", ids);
  for (const auto& r : rows.rows) {
    LocationView l;
    l.id = r.text(0);
    l.name = pick_text(texts_of(tr, l.id, "name", r.text(1)), reader);
    l.description = pick_text(texts_of(tr, l.id, "description", r.text(2)), reader);
    l.transportation = r.text(3);
    l.latitude = r.opt_real(4);
    l.longitude = r.opt_real(5);
    auto a = c.exec("SELECT address_1, address_2, postal_code, city FROM addresses WHERE location_id = ? "
                    "ORDER BY CASE WHEN address_type = 'physical' THEN 0 ELSE 1 END, id",
                    {l.id});
    if (!a.empty()) {
      l.address_1 = a.rows[0].text(0);
      l.address_2 = a.rows[0].text(1);
      l.postal_code = a.rows[0].text(2);
      l.city = a.rows[0].text(3);
      l.municipality = municipality_name(l.postal_code, reader);
    }
    for (const auto& x : c.exec("SELECT description FROM accessibility WHERE location_id = ? AND description IS NOT "
                                "NULL ORDER BY id", {l.id}).rows)
      l.accessibility.push_back(x.text(0));
    std::vector<ScheduleRow> rules;
    for (const auto& x : c.exec(std::string("SELECT ") + kScheduleColumns + ", sc.description FROM schedules sc "
                                    "WHERE sc.location_id = ? AND COALESCE(sc.service_id, '') = '' AND "
                                    "COALESCE(sc.service_at_location_id, '') = '' ORDER BY sc.id", {l.id}).rows) {
      rules.push_back(schedule_row(x, 0));
      if (!x.text(6).empty()) l.schedule_notes.push_back(x.text(6));
    }
    std::vector<ScheduleException> exceptions;
    for (const auto& x : c.exec(std::string("SELECT ") + kExceptionColumns + " FROM schedule_exceptions e "
                                    "WHERE e.location_id = ? AND COALESCE(e.service_id, '') = '' ORDER BY e.starts_on", {l.id}).rows)
      exceptions.push_back(exception_row(x, 0));
    l.hours = opening_hours_from(rules, exceptions);
    sort_unique(l.schedule_notes);
    d.locations.push_back(std::move(l));
  }
}

void load_service_hours(Connection& c, ServiceDetails& d) {
  auto parts = load_hours(c, {d.id});
  const HoursParts& p = parts[d.id];
  d.hours = p.own_hours();
  d.effective = p.effective();
  for (const auto& r : c.exec("SELECT sc.description FROM schedules sc WHERE sc.service_id = ? UNION "
                              "SELECT sc.description FROM service_at_location sal JOIN schedules sc ON "
                              "sc.service_at_location_id = sal.id AND COALESCE(sc.service_id, '') = '' "
                              "WHERE sal.service_id = ?", {d.id, d.id}).rows)
    if (!r.text(0).empty())
    d.schedule_notes.push_back(r.text(0));
  sort_unique(d.schedule_notes);
}

}  // namespace

// ---- languages ------------------------------------------------------------------------

std::array<i18n::Lang, 3> fallback_order(i18n::Lang reader) {
  using i18n::Lang;
  switch (reader) {
    case Lang::nl: return {Lang::nl, Lang::fr, Lang::en};
    case Lang::fr: return {Lang::fr, Lang::nl, Lang::en};
    case Lang::en: return {Lang::en, Lang::nl, Lang::fr};
  }
  return {Lang::nl, Lang::fr, Lang::en};
}

ShownText pick_text(const LangTexts& texts, i18n::Lang reader) {
  for (auto l : fallback_order(reader)) {
    const std::string& t = texts[lang_index(l)];
    if (t.find_first_not_of(" \t\r\n") != std::string::npos)
      return ShownText{t, l, l != reader};
  }
  return ShownText{"", reader, false};
}

std::string tel_href(std::string_view number) {
  std::string digits;
  for (char ch : number) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (ch == '+' && digits.empty()) digits += ch;
  }
  // "+32 (0)2 ..." : the trunk zero in brackets is not dialled after the country code.
  auto bracket = number.find("(0)");
  if (bracket != std::string_view::npos && digits.starts_with("+")) {
    std::size_t digits_before = 0;
    for (std::size_t i = 0; i < bracket; ++i)
      if (number[i] >= '0' && number[i] <= '9') ++digits_before;
    digits.erase(1 + digits_before, 1);
  }
  if (digits.empty() || digits == "+") return {};
  return "tel:" + digits;
}

// ---- summaries and map points ---------------------------------------------------------------

std::vector<MapPoint> load_map_points(Connection& c, const std::vector<std::string>& ids, i18n::Lang reader) {
  std::vector<MapPoint> out;
  if (ids.empty()) return out;
  const std::string in = store::placeholder_list(ids.size());
  auto tr = load_translations(c, "service", ids);
  std::map<std::string, std::vector<MapPoint>> by_id;
  for (const auto& r : c.exec("SELECT s.id, s.name, l.latitude, l.longitude FROM services s "
                              "JOIN service_at_location sal ON sal.service_id = s.id "
                              "JOIN locations l ON l.id = sal.location_id AND l.archived_at IS NULL "
                              "WHERE s.id IN (" + in + ") AND s.archived_at IS NULL AND s.status = 'active' "
                              "AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL ORDER BY l.id",
                              store::text_params(ids)).rows) {
    auto lat = r.opt_real(2), lon = r.opt_real(3);
    if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) continue;
    by_id[r.text(0)].push_back({r.text(0), pick_text(texts_of(tr, r.text(0), "name", r.text(1)), reader).text, *lat, *lon});
  }
  for (const auto& id : ids) {
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    for (auto& p : it->second) out.push_back(std::move(p));
    by_id.erase(it);
  }
  return out;
}

// ---- the service page ---------------------------------------------------------------------

std::optional<ServiceDetails> load_service_details(Connection& c, const std::string& id, i18n::Lang reader) {
  ServiceDetails d;
  if (!load_service_row(c, id, reader, d)) return std::nullopt;
  load_organization_part(c, reader, d);
  load_categories(c, reader, d);
  load_simple_lists(c, d);
  load_locations(c, reader, d);
  load_service_hours(c, d);
  attach_phones(c, reader, d);
  return d;
}

// ---- filter choices -------------------------------------------------------------------------

std::vector<FilterChoice> category_choices(Connection& c, i18n::Lang reader) {
  struct Term {
    std::string id, parent, label;
  };
  std::vector<Term> terms;
  auto rows = c.exec("SELECT id, name, parent_id FROM taxonomy_terms WHERE taxonomy_id = ?",
                     {std::string(kFamilyTaxonomyId)});
  std::vector<std::string> ids;
  for (const auto& r : rows.rows) ids.push_back(r.text(0));
  auto tr = load_translations(c, "taxonomy_term", ids);
  for (const auto& r : rows.rows)
    terms.push_back({r.text(0), r.text(2), pick_text(texts_of(tr, r.text(0), "name", r.text(1)), reader).text});
  if (terms.empty()) {
    // Not seeded in this database yet: the built-in labels (their ids are fixed).
    for (const auto& t : family_terms()) {
      auto parent = t.parent_code.empty() ? std::nullopt : family_term_id(t.parent_code);
      terms.push_back({t.id, parent.value_or(""), t.label(reader)});
    }
  }
  auto by_label = [](const Term& a, const Term& b) { return text::fold(a.label) < text::fold(b.label); };
  std::sort(terms.begin(), terms.end(), by_label);
  std::set<std::string> known;
  for (const auto& t : terms) known.insert(t.id);
  std::vector<FilterChoice> out;
  for (const auto& top : terms) {
    if (!top.parent.empty() && known.contains(top.parent)) continue;
    out.push_back({top.id, top.label, 0});
    for (const auto& child : terms)
      if (child.parent == top.id) out.push_back({child.id, child.label, 1});
  }
  return out;
}

std::vector<FilterChoice> language_choices(const std::vector<std::string>& codes, i18n::Lang reader) {
  std::vector<FilterChoice> out;
  for (const auto& code : codes) {
    std::string name = language_display_name(code, i18n::code(reader));
    out.push_back({code, name.empty() ? code : name, 0});
  }
  std::sort(out.begin(), out.end(),
            [](const FilterChoice& a, const FilterChoice& b) { return text::fold(a.label) < text::fold(b.label); });
  return out;
}

std::vector<FilterChoice> municipality_choices(i18n::Lang reader) {
  std::vector<FilterChoice> out;
  for (const auto& m : core::brussels_municipalities()) out.push_back({m.nis_code, m.name(reader), 0});
  std::sort(out.begin(), out.end(),
            [](const FilterChoice& a, const FilterChoice& b) { return text::fold(a.label) < text::fold(b.label); });
  return out;
}

}  // namespace samen::directory
