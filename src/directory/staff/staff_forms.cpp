// Records ↔ staff form fields (see staff_forms.hpp).
#include "directory/staff/staff_forms.hpp"

#include <charconv>
#include <cstdio>

#include "util/text.hpp"

namespace samen::directory {

namespace {

using http::Fields;

std::string number_text(const std::optional<double>& v) {
  if (!v) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", *v);
  return buf;
}

void put_translated(Fields& f, const std::string& name, const Translated& t) {
  f.emplace_back(name, t.nl);
  f.emplace_back(name + ".fr", t.fr);
  f.emplace_back(name + ".en", t.en);
}

Translated get_translated(const http::Form& f, const std::string& name) {
  return {text::trimmed(f.get(name)), text::trimmed(f.get(name + ".fr")), text::trimmed(f.get(name + ".en"))};
}

std::optional<double> get_number(const http::Form& f, const std::string& name, FieldErrors& e) {
  std::string raw = text::trimmed(f.get(name));
  if (raw.empty()) return std::nullopt;
  auto v = parse_decimal(raw);
  if (!v) e.emplace(name, "staff.invalid.number");
  return v;
}

// Rows of parallel fields: row i holds the i-th value of each column (""
// when a column has fewer values). Rows whose every value is blank are skipped.
}  // namespace

std::vector<std::vector<std::string>> form_rows(const http::Form& f, const RowGroup& g) {
  std::vector<std::vector<std::string>> columns;
  std::size_t n = 0;
  for (const auto& c : g.columns) {
    columns.push_back(f.all(c.field));
    n = std::max(n, columns.back().size());
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < n && i < 500; ++i) {
    std::vector<std::string> row;
    bool blank = true;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::string v = i < columns[c].size() ? text::trimmed(columns[c][i]) : "";
      // A "closed" select always has a value: it alone does not make a row.
      if (!v.empty() && g.columns[c].type != "closed") blank = false;
      row.push_back(std::move(v));
    }
    if (!blank) rows.push_back(std::move(row));
  }
  return rows;
}

namespace {

void put_rows(Fields& f, const RowGroup& g, const std::vector<std::vector<std::string>>& rows) {
  for (const auto& row : rows)
    for (std::size_t c = 0; c < g.columns.size() && c < row.size(); ++c) f.emplace_back(g.columns[c].field, row[c]);
}

std::vector<Phone> get_phones(const http::Form& f) {
  std::vector<Phone> out;
  for (const auto& r : form_rows(f, phone_rows())) out.push_back({r[0], r[1], r[2]});
  return out;
}

void put_phones(Fields& f, const std::vector<Phone>& phones) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : phones) rows.push_back({p.number, p.type, p.description});
  put_rows(f, phone_rows(), rows);
}

void put_stamp(Fields& f, const Stamp& s) {
  if (s.updated_at) f.emplace_back("updated_at", std::to_string(s.updated_at));
}

void put_all(Fields& f, const std::string& name, const std::vector<std::string>& values) {
  for (const auto& v : values) f.emplace_back(name, v);
}

std::vector<std::string> get_all(const http::Form& f, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& v : f.all(name))
    if (!text::trimmed(v).empty()) out.push_back(text::trimmed(v));
  return out;
}

}  // namespace

const RowGroup& hours_rows() {
  static const RowGroup g{"hours", "staff.field.hours",
                          {{"hours_day", "staff.field.weekday", "weekday"},
                           {"hours_opens", "staff.field.opens_at", "time"},
                           {"hours_closes", "staff.field.closes_at", "time"}}};
  return g;
}
const RowGroup& exception_rows() {
  static const RowGroup g{"exceptions", "staff.field.exceptions",
                          {{"exc_starts", "staff.field.starts_on", "date"},
                           {"exc_ends", "staff.field.ends_on", "date"},
                           {"exc_closed", "staff.field.closed", "closed"},
                           {"exc_opens", "staff.field.opens_at", "time"},
                           {"exc_closes", "staff.field.closes_at", "time"},
                           {"exc_description", "staff.field.exception_description", "text"}}};
  return g;
}
const RowGroup& contact_rows() {
  static const RowGroup g{"contacts", "staff.field.contacts",
                          {{"contact_name", "staff.field.contact_name", "text"},
                           {"contact_title", "staff.field.contact_title", "text"},
                           {"contact_email", "staff.field.email", "email"}}};
  return g;
}
const RowGroup& phone_rows() {
  static const RowGroup g{"phones", "staff.field.phones",
                          {{"phone_number", "staff.field.phone_number", "tel"},
                           {"phone_type", "staff.field.phone_type", "text"},
                           {"phone_description", "staff.field.phone_description", "text"}}};
  return g;
}
const RowGroup& area_rows() {
  static const RowGroup g{"areas", "staff.field.areas",
                          {{"area_municipality", "staff.field.municipality", "municipality"},
                           {"area_neighbourhood", "staff.field.neighbourhood", "text"}}};
  return g;
}

std::optional<std::int64_t> form_updated_at(const http::Form& f) {
  std::string v = text::trimmed(f.get("updated_at"));
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
  return n;
}

// ---- organisations ----------------------------------------------------------------

Fields form_fields(const Organization& o) {
  Fields f;
  put_translated(f, "name", o.name);
  put_translated(f, "description", o.description);
  f.emplace_back("alternate_name", o.alternate_name);
  f.emplace_back("email", o.email);
  f.emplace_back("website", o.website);
  f.emplace_back("legal_status", o.legal_status);
  put_phones(f, o.phones);
  put_stamp(f, o.stamp);
  return f;
}

Organization organization_from_form(const http::Form& f, FieldErrors&) {
  Organization o;
  o.name = get_translated(f, "name");
  o.description = get_translated(f, "description");
  o.alternate_name = text::trimmed(f.get("alternate_name"));
  o.email = text::trimmed(f.get("email"));
  o.website = text::trimmed(f.get("website"));
  o.legal_status = text::trimmed(f.get("legal_status"));
  o.phones = get_phones(f);
  return o;
}

// ---- services -------------------------------------------------------------------------

Fields form_fields(const Service& s) {
  Fields f;
  f.emplace_back("organization_id", s.organization_id);
  put_translated(f, "name", s.name);
  put_translated(f, "description", s.description);
  put_translated(f, "eligibility_description", s.eligibility_description);
  put_translated(f, "application_process", s.application_process);
  put_translated(f, "fees_description", s.fees_description);
  f.emplace_back("alternate_name", s.alternate_name);
  f.emplace_back("url", s.url);
  f.emplace_back("email", s.email);
  f.emplace_back("status", s.status);
  f.emplace_back("minimum_age", number_text(s.minimum_age));
  f.emplace_back("maximum_age", number_text(s.maximum_age));
  put_all(f, "languages", s.languages);
  f.emplace_back("cost", s.cost ? s.cost->option : "");
  f.emplace_back("cost_amount", s.cost ? number_text(s.cost->amount) : "");
  f.emplace_back("cost_amount_description", s.cost ? s.cost->amount_description : "");
  put_all(f, "categories", s.categories);
  put_all(f, "locations", s.location_ids);
  std::vector<std::vector<std::string>> rows;
  for (const auto& h : s.hours) rows.push_back({std::to_string(h.weekday), h.opens_at, h.closes_at});
  put_rows(f, hours_rows(), rows);
  rows.clear();
  for (const auto& x : s.exceptions)
    rows.push_back({x.starts_on, x.ends_on, x.closed ? "1" : "0", x.opens_at, x.closes_at, x.description});
  put_rows(f, exception_rows(), rows);
  rows.clear();
  for (const auto& c : s.contacts) rows.push_back({c.name, c.title, c.email});
  put_rows(f, contact_rows(), rows);
  put_phones(f, s.phones);
  put_stamp(f, s.stamp);
  return f;
}

Service service_from_form(const http::Form& f, FieldErrors& e) {
  Service s;
  s.organization_id = text::trimmed(f.get("organization_id"));
  s.name = get_translated(f, "name");
  s.description = get_translated(f, "description");
  s.eligibility_description = get_translated(f, "eligibility_description");
  s.application_process = get_translated(f, "application_process");
  s.fees_description = get_translated(f, "fees_description");
  s.alternate_name = text::trimmed(f.get("alternate_name"));
  s.url = text::trimmed(f.get("url"));
  s.email = text::trimmed(f.get("email"));
  s.status = f.has("status") ? text::trimmed(f.get("status")) : "active";
  s.minimum_age = get_number(f, "minimum_age", e);
  s.maximum_age = get_number(f, "maximum_age", e);
  s.languages = get_all(f, "languages");
  std::string cost = text::trimmed(f.get("cost"));
  auto amount = get_number(f, "cost_amount", e);
  std::string amount_description = text::trimmed(f.get("cost_amount_description"));
  if (!cost.empty() || amount || !amount_description.empty()) {
    if (cost.empty()) e.emplace("cost", "staff.invalid.cost_option");
    s.cost = CostOption{cost, amount, amount_description};
  }
  s.categories = get_all(f, "categories");
  s.location_ids = get_all(f, "locations");
  for (const auto& r : form_rows(f, hours_rows())) {
    int day = r[0].size() == 1 && r[0][0] >= '0' && r[0][0] <= '6' ? r[0][0] - '0' : -1;
    s.hours.push_back({day, r[1], r[2]});
  }
  for (const auto& r : form_rows(f, exception_rows())) s.exceptions.push_back({r[0], r[1], r[2] != "0", r[3], r[4], r[5]});
  for (const auto& r : form_rows(f, contact_rows())) s.contacts.push_back({r[0], r[1], r[2]});
  s.phones = get_phones(f);
  return s;
}

// ---- locations -------------------------------------------------------------------------

Fields form_fields(const Location& l) {
  Fields f;
  f.emplace_back("organization_id", l.organization_id);
  put_translated(f, "name", l.name);
  put_translated(f, "description", l.description);
  f.emplace_back("alternate_name", l.alternate_name);
  f.emplace_back("transportation", l.transportation);
  f.emplace_back("url", l.url);
  f.emplace_back("address_1", l.address.address_1);
  f.emplace_back("address_2", l.address.address_2);
  f.emplace_back("postal_code", l.address.postal_code);
  f.emplace_back("city", l.address.city);
  f.emplace_back("latitude", number_text(l.latitude));
  f.emplace_back("longitude", number_text(l.longitude));
  put_phones(f, l.phones);
  put_stamp(f, l.stamp);
  return f;
}

Location location_from_form(const http::Form& f, FieldErrors& e) {
  Location l;
  l.organization_id = text::trimmed(f.get("organization_id"));
  l.name = get_translated(f, "name");
  l.description = get_translated(f, "description");
  l.alternate_name = text::trimmed(f.get("alternate_name"));
  l.transportation = text::trimmed(f.get("transportation"));
  l.url = text::trimmed(f.get("url"));
  l.address = {text::trimmed(f.get("address_1")), text::trimmed(f.get("address_2")), text::trimmed(f.get("postal_code")), text::trimmed(f.get("city"))};
  l.latitude = get_number(f, "latitude", e);
  l.longitude = get_number(f, "longitude", e);
  l.phones = get_phones(f);
  return l;
}

// ---- teams ------------------------------------------------------------------------------

Fields form_fields(const Team& t) {
  Fields f;
  put_translated(f, "name", t.name);
  put_translated(f, "description", t.description);
  f.emplace_back("kind", t.kind);
  f.emplace_back("parent_id", t.parent_id);
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : t.areas) rows.push_back({a.municipality, a.neighbourhood});
  put_rows(f, area_rows(), rows);
  put_all(f, "members", t.member_ids);
  put_stamp(f, t.stamp);
  return f;
}

Team team_from_form(const http::Form& f, FieldErrors&) {
  Team t;
  t.name = get_translated(f, "name");
  t.description = get_translated(f, "description");
  t.kind = text::trimmed(f.get("kind"));
  t.parent_id = text::trimmed(f.get("parent_id"));
  for (const auto& r : form_rows(f, area_rows())) t.areas.push_back({r[0], r[1]});
  t.member_ids = get_all(f, "members");
  return t;
}

}  // namespace samen::directory
