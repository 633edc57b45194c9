// The repository of the service map's records: loading, reference checks,
// create / update (optimistic check on updated_at) / archive / restore, the
// HSDS metadata change history and the staff lists. SQL runs on SQLite and
// PostgreSQL alike; callers wrap writes in store::in_transaction.

#include <algorithm>
#include <functional>
#include <set>
#include <utility>

#include "core/brussels.hpp"
#include "directory/model/link_requests.hpp"
#include "directory/model/records.hpp"
#include "util/text.hpp"
#include "util/uuid.hpp"

namespace samen::directory {

using store::Connection;
using store::Param;
using store::Params;

namespace {

const char* kWeekdayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

Param text_or_null(const std::string& s) { return s.empty() ? Param(nullptr) : Param(s); }
Param number_or_null(const std::optional<double>& v) { return v ? Param(*v) : Param(nullptr); }

std::string table_of(RecordKind k) { return std::string(kind_plural(k)); }  // the plural is the table

void sort_unique(std::vector<std::string>& v) {
  v.erase(std::remove(v.begin(), v.end(), std::string()), v.end());
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// ---- translations ----------------------------------------------------------------

// The fr and en texts of the record's translatable fields (nl is in its own row).
void load_translations(Connection& c, RecordKind k, const std::string& id, const TranslatedTexts<Translated>& texts) {
  auto r = c.exec("SELECT field, lang, value FROM translations WHERE resource_type = ? AND resource_id = ?",
                  {std::string(kind_name(k)), id});
  for (const auto& row : r.rows) {
    auto it = std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.first == row.text(0); });
    if (it == texts.end()) continue;
    if (row.text(1) == "fr") it->second->fr = row.text(2);
    else if (row.text(1) == "en") it->second->en = row.text(2);
  }
}

void save_translations(Connection& c, RecordKind k, const std::string& id,
                       const TranslatedTexts<const Translated>& texts) {
  for (const auto& [field, t] : texts)
    for (auto lang : {i18n::Lang::fr, i18n::Lang::en}) {
      std::string code(i18n::code(lang));
      const std::string& value = t->in(lang);
      if (value.empty()) {
        c.exec("DELETE FROM translations WHERE resource_type = ? AND resource_id = ? AND field = ? AND lang = ?",
               {std::string(kind_name(k)), id, field, code});
      } else {
        c.exec("INSERT INTO translations (resource_type, resource_id, field, lang, value) VALUES (?, ?, ?, ?, ?) "
               "ON CONFLICT (resource_type, resource_id, field, lang) DO UPDATE SET value = excluded.value",
               {std::string(kind_name(k)), id, field, code, value});
      }
    }
}

// ---- phones ------------------------------------------------------------------------

std::vector<Phone> load_phones(Connection& c, const char* owner_column, const std::string& id) {
  std::vector<Phone> out;
  auto r = c.exec(std::string("SELECT number, type, description FROM phones WHERE ") + owner_column +
                      " = ? AND contact_id IS NULL AND service_at_location_id IS NULL ORDER BY number, id",
                  {id});
  for (const auto& row : r.rows) out.push_back({row.text(0), row.text(1), row.text(2)});
  return out;
}

void save_phones(Connection& c, const char* owner_column, const std::string& id, const std::vector<Phone>& phones) {
  c.exec(std::string("DELETE FROM phones WHERE ") + owner_column +
             " = ? AND contact_id IS NULL AND service_at_location_id IS NULL",
         {id});
  for (const auto& p : phones)
    c.exec(std::string("INSERT INTO phones (id, ") + owner_column +
               ", number, type, description) VALUES (?, ?, ?, ?, ?)",
           {uuid::random(), id, p.number, text_or_null(p.type), text_or_null(p.description)});
}

// ---- history -------------------------------------------------------------------------

void write_history(Connection& c, RecordKind k, const std::string& id, const std::string& action,
                   const std::vector<FieldChange>& changes, const Actor& a) {
  std::string date = iso_date_time(a.now);
  for (const auto& ch : changes)
    c.exec("INSERT INTO metadata (id, resource_id, resource_type, last_action_date, last_action_type, field_name, "
           "previous_value, replacement_value, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
           {uuid::random(), id, std::string(kind_name(k)), date, action, ch.field, ch.previous, ch.replacement,
            a.email});
}

std::vector<FieldChange> filled_fields(const Snapshot& s) { return diff({}, s); }

// The new updated_at: now, but always later than the previous one, so every
// write changes it and an optimistic check can tell versions apart.
std::int64_t next_updated_at(std::int64_t previous, std::int64_t now) { return std::max(now, previous + 1); }

// ---- normalisation (before validation and diffing) -------------------------------------

void normalize_phones(std::vector<Phone>& phones) {
  for (auto& p : phones) {
    p.number = text::trimmed(p.number);
    p.type = text::trimmed(p.type);
    p.description = text::trimmed(p.description);
  }
}

// A record's own row, its stamps and its translations; nullopt when there is none.
template <class R>
std::optional<R> load_own(Connection& c, RecordKind k, const std::string& id) {
  const auto& fields = own_fields<R>();
  std::string columns = "id";
  for (const auto& f : fields) columns += ", " + f.name;
  auto r = c.exec("SELECT " + columns + ", created_at, updated_at, archived_at FROM " + table_of(k) + " WHERE id = ?",
                  {id});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows[0];
  R record;
  record.id = row.text(0);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& m = fields[i].member;
    if (auto text = std::get_if<std::string R::*>(&m)) record.*(*text) = row.text(i + 1);
    else if (auto number = std::get_if<std::optional<double> R::*>(&m)) record.*(*number) = row.opt_real(i + 1);
    else (record.*std::get<Translated R::*>(m)).nl = row.text(i + 1);
  }
  std::size_t at = fields.size() + 1;
  record.stamp = {row.int64(at), row.int64(at + 1), row.opt_int64(at + 2)};
  load_translations(c, k, id, translated_texts(record));
  return record;
}

}  // namespace

// ---- loading ------------------------------------------------------------------------------

std::optional<Organization> load_organization(Connection& c, const std::string& id) {
  auto o = load_own<Organization>(c, RecordKind::organization, id);
  if (!o) return o;
  o->phones = load_phones(c, "organization_id", id);
  return o;
}

namespace {

// Weekly rules Samen can edit: WEEKLY (or no freq), one weekday, both times.
std::optional<WeeklyHours> editable_hours(const store::Row& row) {
  // columns: id, freq, byday, opens_at, closes_at
  std::string freq = row.text(1), byday = row.text(2);
  if (!freq.empty() && freq != "WEEKLY") return std::nullopt;
  for (int d = 0; d < 7; ++d)
    if (byday == kWeekdayCodes[d] && valid_time(row.text(3).substr(0, 5)) && valid_time(row.text(4).substr(0, 5)))
      return WeeklyHours{d, row.text(3).substr(0, 5), row.text(4).substr(0, 5)};
  return std::nullopt;
}

}  // namespace

std::optional<Service> load_service(Connection& c, const std::string& id) {
  auto found = load_own<Service>(c, RecordKind::service, id);
  if (!found) return found;
  Service& s = *found;
  for (const auto& l : c.exec("SELECT code FROM languages WHERE service_id = ? AND code IS NOT NULL", {id}).rows)
    s.languages.push_back(l.text(0));
  sort_unique(s.languages);
  auto cost = c.exec("SELECT option, amount, amount_description FROM cost_options WHERE service_id = ? ORDER BY id",
                     {id});
  if (!cost.empty()) s.cost = CostOption{cost.rows[0].text(0), cost.rows[0].opt_real(1), cost.rows[0].text(2)};
  for (const auto& a : c.exec("SELECT taxonomy_term_id FROM attributes WHERE link_id = ? AND link_entity = 'service'",
                              {id}).rows)
    s.categories.push_back(a.text(0));
  sort_unique(s.categories);
  for (const auto& l : c.exec("SELECT location_id FROM service_at_location WHERE service_id = ? AND location_id IS "
                              "NOT NULL", {id}).rows)
    s.location_ids.push_back(l.text(0));
  sort_unique(s.location_ids);
  for (const auto& h : c.exec("SELECT id, freq, byday, opens_at, closes_at FROM schedules WHERE service_id = ?",
                              {id}).rows)
    if (auto w = editable_hours(h)) s.hours.push_back(*w);
  std::sort(s.hours.begin(), s.hours.end(), [](const auto& a, const auto& b) {
    return std::tie(a.weekday, a.opens_at, a.closes_at) < std::tie(b.weekday, b.opens_at, b.closes_at);
  });
  for (const auto& x : c.exec("SELECT starts_on, ends_on, closed, opens_at, closes_at, description FROM "
                              "schedule_exceptions WHERE service_id = ? ORDER BY starts_on, id", {id}).rows)
    s.exceptions.push_back({x.text(0), x.text(1), x.boolean(2), x.text(3), x.text(4), x.text(5)});
  for (const auto& x : c.exec("SELECT name, title, email FROM contacts WHERE service_id = ? ORDER BY name, id",
                              {id}).rows)
    s.contacts.push_back({x.text(0), x.text(1), x.text(2)});
  s.phones = load_phones(c, "service_id", id);
  return found;
}

std::optional<Location> load_location(Connection& c, const std::string& id) {
  auto l = load_own<Location>(c, RecordKind::location, id);
  if (!l) return l;
  auto a = c.exec("SELECT address_1, address_2, postal_code, city FROM addresses WHERE location_id = ? AND "
                  "address_type = 'physical' ORDER BY id",
                  {id});
  if (!a.empty()) l->address = {a.rows[0].text(0), a.rows[0].text(1), a.rows[0].text(2), a.rows[0].text(3)};
  l->phones = load_phones(c, "location_id", id);
  return l;
}

std::optional<Team> load_team(Connection& c, const std::string& id) {
  auto t = load_own<Team>(c, RecordKind::team, id);
  if (!t) return t;
  for (const auto& a : c.exec("SELECT municipality, neighbourhood FROM team_areas WHERE team_id = ? ORDER BY "
                              "municipality, neighbourhood", {id}).rows)
    t->areas.push_back({a.text(0), a.text(1)});
  for (const auto& m : c.exec("SELECT organization_id FROM team_members WHERE team_id = ? ORDER BY organization_id",
                              {id}).rows)
    t->member_ids.push_back(m.text(0));
  return t;
}

// ---- references ------------------------------------------------------------------------

namespace {

bool active_exists(Connection& c, const std::string& table, const std::string& id) {
  return !c.exec("SELECT 1 FROM " + table + " WHERE id = ? AND archived_at IS NULL", {id}).empty();
}

void check_organization_ref(Connection& c, const std::string& org_id, FieldErrors& e) {
  if (!org_id.empty() && !e.count("organization_id") && !active_exists(c, "organizations", org_id))
    e.emplace("organization_id", "staff.invalid.organization");
}

}  // namespace

void check_references(Connection&, const Organization&, FieldErrors&) {}

void check_references(Connection& c, const Service& s, FieldErrors& e) {
  check_organization_ref(c, s.organization_id, e);
  for (const auto* ids : {&s.location_ids, &s.requested_location_ids})
    for (const auto& id : *ids)
      if (!e.count("locations") && !active_exists(c, "locations", id)) e.emplace("locations", "staff.invalid.location");
  for (const auto& id : s.categories)
    if (c.exec("SELECT 1 FROM taxonomy_terms WHERE id = ?", {id}).empty()) {
      e.emplace("categories", "staff.invalid.category");
      break;
    }
}

void check_references(Connection& c, const Location& l, FieldErrors& e) {
  check_organization_ref(c, l.organization_id, e);
}

void check_references(Connection& c, const Team& t, FieldErrors& e) {
  if (!t.parent_id.empty() && !e.count("parent_id")) {
    // The parent must exist, be active, and not have this team above it.
    std::set<std::string> seen{t.id};
    std::string at = t.parent_id;
    for (int depth = 0; !at.empty(); ++depth) {
      if (seen.count(at) || depth > 50) {
        e.emplace("parent_id", "staff.invalid.parent");
        break;
      }
      seen.insert(at);
      auto r = c.exec("SELECT parent_id, archived_at FROM teams WHERE id = ?", {at});
      if (r.empty() || (depth == 0 && !r.rows[0].is_null(1))) {
        e.emplace("parent_id", "staff.invalid.parent");
        break;
      }
      at = r.rows[0].text(0);
    }
  }
  for (const auto& id : t.member_ids)
    if (!active_exists(c, "organizations", id)) {
      e.emplace("members", "staff.invalid.organization");
      break;
    }
}

// ---- writing ------------------------------------------------------------------------------

namespace {

void normalize(Organization& o) { normalize_phones(o.phones); }

void normalize(Service& s) {
  sort_unique(s.languages);
  sort_unique(s.categories);
  sort_unique(s.location_ids);
  std::sort(s.hours.begin(), s.hours.end(), [](const auto& a, const auto& b) {
    return std::tie(a.weekday, a.opens_at, a.closes_at) < std::tie(b.weekday, b.opens_at, b.closes_at);
  });
  s.hours.erase(std::unique(s.hours.begin(), s.hours.end(),
                            [](const auto& a, const auto& b) {
                              return a.weekday == b.weekday && a.opens_at == b.opens_at && a.closes_at == b.closes_at;
                            }),
                s.hours.end());
  for (auto& x : s.exceptions)
    if (x.closed) x.opens_at.clear(), x.closes_at.clear();
  std::stable_sort(s.exceptions.begin(), s.exceptions.end(),
                   [](const auto& a, const auto& b) { return a.starts_on < b.starts_on; });
  std::stable_sort(s.contacts.begin(), s.contacts.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  normalize_phones(s.phones);
  std::stable_sort(s.phones.begin(), s.phones.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
}

void normalize(Location& l) {
  if (const core::Municipality* m = core::municipality_for_postcode(l.address.postal_code)) {
    std::string digits;
    for (char ch : l.address.postal_code)
      if (ch >= '0' && ch <= '9') digits += ch;
    l.address.postal_code = digits;
    if (l.address.city.empty()) l.address.city = m->name_nl;
  }
  normalize_phones(l.phones);
  std::stable_sort(l.phones.begin(), l.phones.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
}

void normalize(Team& t) {
  for (auto& a : t.areas) a.neighbourhood = text::trimmed(a.neighbourhood);
  std::sort(t.areas.begin(), t.areas.end(), [](const auto& a, const auto& b) {
    return std::tie(a.municipality, a.neighbourhood) < std::tie(b.municipality, b.neighbourhood);
  });
  t.areas.erase(std::unique(t.areas.begin(), t.areas.end(),
                            [](const auto& a, const auto& b) {
                              return a.municipality == b.municipality && a.neighbourhood == b.neighbourhood;
                            }),
                t.areas.end());
  sort_unique(t.member_ids);
}

// A column beyond the record's own fields: set when the row is created
// (insert_only) or on every write.
struct ExtraColumn {
  const char* name;
  Param value;
  bool insert_only = false;
};

std::vector<ExtraColumn> extra_columns(const Organization&) { return {}; }
std::vector<ExtraColumn> extra_columns(const Service& s) {
  return {{"last_modified", iso_date_time(s.stamp.updated_at)}};  // HSDS's own stamp, kept with updated_at
}
std::vector<ExtraColumn> extra_columns(const Location&) { return {{"location_type", std::string("physical"), true}}; }
std::vector<ExtraColumn> extra_columns(const Team&) { return {}; }

Param own_text(const std::string& text, bool null_when_empty) {
  return null_when_empty ? text_or_null(text) : Param(text);
}

// Writes a record's own row: INSERT (with id and both times), or the
// optimistic UPDATE (WHERE updated_at = previous), which returns false when
// another write came first. Translations, then each kind's children, follow.
template <class R>
bool write_base(Connection& c, const R& r, bool insert, std::int64_t previous) {
  std::vector<ExtraColumn> extra = extra_columns(r);
  for (const auto& f : own_fields<R>()) {
    const auto& m = f.member;
    Param value;
    if (auto text = std::get_if<std::string R::*>(&m)) value = own_text(r.*(*text), f.null_when_empty);
    else if (auto number = std::get_if<std::optional<double> R::*>(&m)) value = number_or_null(r.*(*number));
    else value = own_text((r.*std::get<Translated R::*>(m)).nl, f.null_when_empty);
    extra.push_back({f.name.c_str(), std::move(value)});
  }
  extra.push_back({"updated_at", r.stamp.updated_at});
  std::string table = table_of(kind_of(r)), names, sets;
  Params p;
  if (insert) {
    extra.insert(extra.begin(), {"id", r.id});
    extra.push_back({"created_at", r.stamp.created_at});
    for (const auto& col : extra) {
      names += (names.empty() ? "" : ", ") + std::string(col.name);
      p.push_back(col.value);
    }
    c.exec("INSERT INTO " + table + " (" + names + ") VALUES (" + store::placeholder_list(p.size()) + ")", p);
    return true;
  }
  for (const auto& col : extra) {
    if (col.insert_only) continue;
    sets += (sets.empty() ? "" : ", ") + std::string(col.name) + " = ?";
    p.push_back(col.value);
  }
  p.push_back(r.id);
  p.push_back(previous);
  return c.exec("UPDATE " + table + " SET " + sets + " WHERE id = ? AND updated_at = ?", p).affected == 1;
}

void write_children(Connection& c, const Organization& o) {
  save_phones(c, "organization_id", o.id, o.phones);
}

void write_children(Connection& c, const Service& s) {
  c.exec("DELETE FROM languages WHERE service_id = ?", {s.id});
  for (const auto& code : s.languages)
    c.exec("INSERT INTO languages (id, service_id, code, name) VALUES (?, ?, ?, ?)",
           {uuid::random(), s.id, code, language_display_name(code, "en")});

  c.exec("DELETE FROM cost_options WHERE service_id = ?", {s.id});
  if (s.cost)
    c.exec("INSERT INTO cost_options (id, service_id, option, currency, amount, amount_description) "
           "VALUES (?, ?, ?, 'EUR', ?, ?)",
           {uuid::random(), s.id, s.cost->option, number_or_null(s.cost->amount), text_or_null(s.cost->amount_description)});

  c.exec("DELETE FROM attributes WHERE link_id = ? AND link_entity = 'service'", {s.id});
  for (const auto& term : s.categories)
    c.exec("INSERT INTO attributes (id, link_id, taxonomy_term_id, link_type, link_entity) "
           "VALUES (?, ?, ?, 'category', 'service')",
           {uuid::random(), s.id, term});

  // Links to locations: only removed links go, so rows hanging on a kept
  // service_at_location (imported hours or phones there) stay.
  std::vector<std::string> linked;
  for (const auto& row : c.exec("SELECT location_id FROM service_at_location WHERE service_id = ?", {s.id}).rows)
    linked.push_back(row.text(0));
  for (const auto& l : linked)
    if (std::find(s.location_ids.begin(), s.location_ids.end(), l) == s.location_ids.end())
      c.exec("DELETE FROM service_at_location WHERE service_id = ? AND location_id = ?", {s.id, l});
  for (const auto& l : s.location_ids)
    if (std::find(linked.begin(), linked.end(), l) == linked.end())
      c.exec("INSERT INTO service_at_location (id, service_id, location_id) VALUES (?, ?, ?)", {uuid::random(), s.id, l});

  // Weekly hours Samen edits are replaced; rules it cannot show (imported
  // monthly rules, ...) stay untouched.
  for (const auto& row : c.exec("SELECT id, freq, byday, opens_at, closes_at FROM schedules WHERE service_id = ?",
                                {s.id}).rows)
    if (editable_hours(row)) c.exec("DELETE FROM schedules WHERE id = ?", {row.text(0)});
  for (const auto& h : s.hours)
    c.exec("INSERT INTO schedules (id, service_id, freq, wkst, byday, opens_at, closes_at) "
           "VALUES (?, ?, 'WEEKLY', 'MO', ?, ?, ?)",
           {uuid::random(), s.id, std::string(kWeekdayCodes[h.weekday]), h.opens_at, h.closes_at});

  c.exec("DELETE FROM schedule_exceptions WHERE service_id = ?", {s.id});
  for (const auto& x : s.exceptions)
    c.exec("INSERT INTO schedule_exceptions (id, service_id, starts_on, ends_on, closed, opens_at, closes_at, "
           "description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
           {uuid::random(), s.id, x.starts_on, x.ends_on, std::int64_t{x.closed ? 1 : 0}, text_or_null(x.opens_at),
            text_or_null(x.closes_at), text_or_null(x.description)});

  c.exec("DELETE FROM contacts WHERE service_id = ?", {s.id});
  for (const auto& ct : s.contacts)
    c.exec("INSERT INTO contacts (id, service_id, name, title, email) VALUES (?, ?, ?, ?, ?)",
           {uuid::random(), s.id, text_or_null(ct.name), text_or_null(ct.title), text_or_null(ct.email)});
  save_phones(c, "service_id", s.id, s.phones);
}

void write_children(Connection& c, const Location& l) {
  c.exec("DELETE FROM addresses WHERE location_id = ? AND address_type = 'physical'", {l.id});
  if (!l.address.empty())
    c.exec("INSERT INTO addresses (id, location_id, address_1, address_2, city, region, state_province, "
           "postal_code, country, address_type) VALUES (?, ?, ?, ?, ?, 'Brussels-Capital Region', "
           "'Brussels-Capital Region', ?, 'BE', 'physical')",
           {uuid::random(), l.id, l.address.address_1, text_or_null(l.address.address_2), l.address.city,
            l.address.postal_code});
  save_phones(c, "location_id", l.id, l.phones);
}

void write_children(Connection& c, const Team& t) {
  c.exec("DELETE FROM team_areas WHERE team_id = ?", {t.id});
  for (const auto& a : t.areas)
    c.exec("INSERT INTO team_areas (team_id, municipality, neighbourhood) VALUES (?, ?, ?)",
           {t.id, a.municipality, a.neighbourhood});
  c.exec("DELETE FROM team_members WHERE team_id = ?", {t.id});
  for (const auto& m : t.member_ids)
    c.exec("INSERT INTO team_members (team_id, organization_id) VALUES (?, ?)", {t.id, m});
}

std::optional<Organization> load(Connection& c, const Organization&, const std::string& id) {
  return load_organization(c, id);
}
std::optional<Service> load(Connection& c, const Service&, const std::string& id) { return load_service(c, id); }
std::optional<Location> load(Connection& c, const Location&, const std::string& id) { return load_location(c, id); }
std::optional<Team> load(Connection& c, const Team&, const std::string& id) { return load_team(c, id); }

template <class R>
std::vector<FieldChange> create_any(Connection& c, R& r, const Actor& a) {
  if (r.id.empty()) r.id = uuid::random();
  normalize(r);
  r.stamp = {a.now, a.now, std::nullopt};
  write_base(c, r, true, 0);
  save_translations(c, kind_of(r), r.id, translated_texts(std::as_const(r)));
  write_children(c, r);
  auto changes = filled_fields(snapshot(r));
  write_history(c, kind_of(r), r.id, "create", changes, a);
  return changes;
}

template <class R>
std::vector<FieldChange> update_any(Connection& c, R& r, std::optional<std::int64_t> expected, const Actor& a) {
  auto current = load(c, r, r.id);
  if (!current) throw std::out_of_range("record not found");
  if (current->stamp.archived_at) throw ArchivedRecord();
  if (expected && *expected != current->stamp.updated_at) throw StaleRecord();
  normalize(r);
  auto changes = diff(snapshot(*current), snapshot(r));
  r.stamp = current->stamp;
  if (changes.empty()) return changes;
  r.stamp.updated_at = next_updated_at(current->stamp.updated_at, a.now);
  if (!write_base(c, r, false, current->stamp.updated_at)) throw StaleRecord();
  save_translations(c, kind_of(r), r.id, translated_texts(std::as_const(r)));
  write_children(c, r);
  write_history(c, kind_of(r), r.id, "update", changes, a);
  return changes;
}

// The links the service asks of other organisations (link_requests.hpp):
// saved as requests, and named among the changes (so the write is audited)
// but not in the record's public history.
void ask_links(Connection& c, const Service& s, const Actor& a, std::vector<FieldChange>& changes) {
  std::string asked;
  for (const auto& id : save_link_requests(c, s, a)) asked += (asked.empty() ? "" : ", ") + id;
  if (!asked.empty()) changes.push_back({"location_requests", "", asked});
}

}  // namespace

std::vector<FieldChange> create_record(Connection& c, Organization& o, const Actor& a) { return create_any(c, o, a); }
std::vector<FieldChange> create_record(Connection& c, Service& s, const Actor& a) {
  auto changes = create_any(c, s, a);
  ask_links(c, s, a, changes);
  return changes;
}
std::vector<FieldChange> create_record(Connection& c, Location& l, const Actor& a) { return create_any(c, l, a); }
std::vector<FieldChange> create_record(Connection& c, Team& t, const Actor& a) { return create_any(c, t, a); }

std::vector<FieldChange> update_record(Connection& c, Organization& r, std::optional<std::int64_t> e, const Actor& a) {
  return update_any(c, r, e, a);
}
std::vector<FieldChange> update_record(Connection& c, Service& r, std::optional<std::int64_t> e, const Actor& a) {
  auto changes = update_any(c, r, e, a);
  ask_links(c, r, a, changes);
  return changes;
}
std::vector<FieldChange> update_record(Connection& c, Location& r, std::optional<std::int64_t> e, const Actor& a) {
  return update_any(c, r, e, a);
}
std::vector<FieldChange> update_record(Connection& c, Team& r, std::optional<std::int64_t> e, const Actor& a) {
  return update_any(c, r, e, a);
}

namespace {

// Archives or restores one row. A service's archived_with_organization says
// whether its organisation's archive hid it (by_organization), so the
// organisation's restore brings back exactly those services.
bool archive_row(Connection& c, RecordKind k, const std::string& id, bool archived, const Actor& a,
                 std::optional<std::int64_t> expected, bool by_organization) {
  std::string table = table_of(k);
  auto r = c.exec("SELECT archived_at, updated_at FROM " + table + " WHERE id = ?", {id});
  if (r.empty()) throw std::out_of_range("record not found");
  auto archived_at = r.rows[0].opt_int64(0);
  std::int64_t updated_at = r.rows[0].int64(1);
  if (expected && *expected != updated_at) throw StaleRecord();
  if (archived_at.has_value() == archived) return false;
  std::int64_t next = next_updated_at(updated_at, a.now);
  Params p{archived ? Param(a.now) : Param(nullptr), next};
  std::string sets = "archived_at = ?, updated_at = ?";
  if (k == RecordKind::service) {
    sets += ", archived_with_organization = ?";
    p.push_back(std::int64_t{archived && by_organization ? 1 : 0});
  }
  p.push_back(id);
  p.push_back(updated_at);
  if (c.exec("UPDATE " + table + " SET " + sets + " WHERE id = ? AND updated_at = ?", p).affected != 1)
    throw StaleRecord();
  std::string when = archived ? iso_date_time(a.now) : iso_date_time(*archived_at);
  write_history(c, k, id, archived ? "archive" : "restore",
                {{"archived_at", archived ? "" : when, archived ? when : ""}}, a);
  return true;
}

}  // namespace

bool set_archived(Connection& c, RecordKind k, const std::string& id, bool archived, const Actor& a,
                  std::optional<std::int64_t> expected) {
  if (!archive_row(c, k, id, archived, a, expected, false)) return false;
  // An archived organisation's services leave the public map with it; its
  // restore brings back those its archive hid, not those archived on their
  // own (before it, or in the same second).
  if (k == RecordKind::organization) {
    auto services =
        archived ? c.exec("SELECT id FROM services WHERE organization_id = ? AND archived_at IS NULL", {id})
                 : c.exec("SELECT id FROM services WHERE organization_id = ? AND archived_at IS NOT NULL "
                          "AND archived_with_organization = 1",
                          {id});
    for (const auto& row : services.rows)
      archive_row(c, RecordKind::service, row.text(0), archived, a, std::nullopt, true);
  }
  return true;
}

namespace {

template <class R>
std::vector<FieldChange> mark_verified_record(Connection& c, std::optional<R> r, const Actor& a) {
  if (!r) throw std::out_of_range("record not found");
  r->assured_date = iso_date(a.now);
  r->assurer_email = a.email;
  return update_record(c, *r, std::nullopt, a);
}

}  // namespace

std::vector<FieldChange> mark_verified(Connection& c, const std::string& service_id, const Actor& a) {
  return mark_verified_record(c, load_service(c, service_id), a);
}

std::vector<FieldChange> mark_verified(Connection& c, RecordKind k, const std::string& id, const Actor& a) {
  switch (k) {
    case RecordKind::service: return mark_verified_record(c, load_service(c, id), a);
    case RecordKind::organization: return mark_verified_record(c, load_organization(c, id), a);
    case RecordKind::location: return mark_verified_record(c, load_location(c, id), a);
    case RecordKind::team: break;
  }
  throw std::invalid_argument("teams are not verified");
}

std::vector<HistoryRow> history(Connection& c, RecordKind k, const std::string& id) {
  std::vector<HistoryRow> out;
  auto r = c.exec("SELECT last_action_date, last_action_type, field_name, previous_value, replacement_value, "
                  "updated_by FROM metadata WHERE resource_type = ? AND resource_id = ? "
                  "ORDER BY last_action_date DESC, field_name",
                  {std::string(kind_name(k)), id});
  for (const auto& row : r.rows)
    out.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)});
  return out;
}

std::vector<std::string> dependent_services(Connection& c, RecordKind k, const std::string& id) {
  std::vector<std::string> out;
  store::Result r;
  switch (k) {
    case RecordKind::service: return {id};
    case RecordKind::organization: r = c.exec("SELECT id FROM services WHERE organization_id = ?", {id}); break;
    case RecordKind::location:
      r = c.exec("SELECT DISTINCT service_id FROM service_at_location WHERE location_id = ? AND service_id IS NOT "
                 "NULL",
                 {id});
      break;
    case RecordKind::team: return {};
  }
  for (const auto& row : r.rows) out.push_back(row.text(0));
  return out;
}

// ---- lists ------------------------------------------------------------------------------

namespace {

std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char ch : text) {
    char lower = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if (lower == '%' || lower == '_' || lower == '!') out += '!';
    out += lower;
  }
  return out + "%";
}

// The FROM/WHERE of a list of one kind; `extra` adds conditions on the record alias r.
struct ListSql {
  std::string select, from_where, order;
  Params params;
};

ListSql list_sql(RecordKind k, const ListQuery& q, const std::string& extra, const Params& extra_params) {
  ListSql s;
  std::string table = table_of(k);
  std::string org_column = k == RecordKind::organization ? "r.id" : "r.organization_id";
  std::string context_join, context_name, org_id;
  switch (k) {
    case RecordKind::organization:
      context_name = "''";
      org_id = "r.id";
      break;
    case RecordKind::service:
    case RecordKind::location:
      context_join = " LEFT JOIN organizations o ON o.id = r.organization_id";
      context_name = "o.name";
      org_id = "r.organization_id";
      break;
    case RecordKind::team:
      context_join = " LEFT JOIN teams o ON o.id = r.parent_id";
      context_name = "o.name";
      org_id = "''";
      break;
  }
  std::string assured = verified_kind(k) ? "r.assured_date" : "''";
  s.select = "SELECT r.id, r.name, " + org_id + ", " + context_name + ", " + assured +
             ", r.updated_at, r.archived_at";
  s.from_where = " FROM " + table + " r" + context_join + " WHERE r.archived_at IS " + (q.archived ? "NOT " : "") +
                 "NULL";
  if (!q.text.empty()) {
    s.from_where += " AND LOWER(r.name) LIKE ? ESCAPE '!'";
    s.params.push_back(like_pattern(q.text));
  }
  if (q.organizations && k != RecordKind::team) {
    if (q.organizations->empty()) {
      s.from_where += " AND 1 = 0";
    } else {
      s.from_where += " AND " + org_column + " IN " + "(" + store::placeholder_list(q.organizations->size()) + ")";
      for (const auto& o : *q.organizations) s.params.push_back(o);
    }
  }
  s.from_where += extra;
  for (const auto& p : extra_params) s.params.push_back(p);
  s.order = " ORDER BY LOWER(r.name), r.id";
  return s;
}

SummaryPage run_list(Connection& c, const ListSql& s, const ListQuery& q) {
  SummaryPage page;
  page.total = c.exec("SELECT COUNT(*)" + s.from_where, s.params).rows.at(0).int64(0);
  Params p = s.params;
  p.push_back(q.limit);
  p.push_back(q.offset);
  for (const auto& row : c.exec(s.select + s.from_where + s.order + " LIMIT ? OFFSET ?", p).rows) {
    Summary m;
    m.id = row.text(0);
    m.name = row.text(1);
    m.organization_id = row.text(2);
    m.organization_name = row.text(3);
    m.assured_date = row.text(4);
    m.updated_at = row.int64(5);
    m.archived_at = row.opt_int64(6);
    page.items.push_back(std::move(m));
  }
  return page;
}

}  // namespace

SummaryPage list_records(Connection& c, RecordKind k, const ListQuery& q) { return run_list(c, list_sql(k, q, "", {}), q); }

SummaryPage needs_review(Connection& c, std::int64_t now, const ListQuery& q) {
  return needs_review(c, RecordKind::service, now, q);
}

SummaryPage needs_review(Connection& c, RecordKind k, std::int64_t now, const ListQuery& q) {
  if (!verified_kind(k)) throw std::invalid_argument("teams are not verified");
  ListQuery active = q;
  active.archived = false;
  auto s = list_sql(k, active,
                    " AND (r.assured_date IS NULL OR r.assured_date = '' OR r.assured_date < ?)", {review_cutoff(now)});
  s.order = " ORDER BY COALESCE(r.assured_date, ''), LOWER(r.name), r.id";
  return run_list(c, s, active);
}

SummaryPage missing_translations(Connection& c, const ListQuery& q) {
  ListQuery active = q;
  active.archived = false;
  auto missing = [](const char* field) {
    return std::string("NOT EXISTS (SELECT 1 FROM translations t WHERE t.resource_type = 'service' AND "
                       "t.resource_id = r.id AND t.lang = 'fr' AND t.value <> '' AND t.field = '") +
           field + "')";
  };
  return run_list(c, list_sql(RecordKind::service, active, " AND (" + missing("name") + " OR " + missing("description") + ")", {}),
                  active);
}

std::vector<Choice> record_choices(Connection& c, RecordKind k, const std::optional<std::vector<std::string>>& orgs) {
  std::vector<Choice> out;
  std::string sql = "SELECT id, name FROM " + table_of(k) + " WHERE archived_at IS NULL";
  Params p;
  if (orgs && k != RecordKind::team) {
    if (orgs->empty()) return out;
    sql += std::string(" AND ") + (k == RecordKind::organization ? "id" : "organization_id") + " IN " +
           "(" + store::placeholder_list(orgs->size()) + ")";
    for (const auto& o : *orgs) p.push_back(o);
  }
  for (const auto& row : c.exec(sql + " ORDER BY LOWER(name), id", p).rows) out.push_back({row.text(0), row.text(1)});
  return out;
}

std::vector<TermChoice> term_choices(Connection& c, i18n::Lang lang) {
  auto r = c.exec("SELECT t.id, t.name, t.parent_id, tr.value FROM taxonomy_terms t LEFT JOIN translations tr ON "
                  "tr.resource_type = 'taxonomy_term' AND tr.resource_id = t.id AND tr.field = 'name' AND "
                  "tr.lang = ?",
                  {std::string(i18n::code(lang))});
  std::vector<TermChoice> all;
  for (const auto& row : r.rows)
    all.push_back({row.text(0), row.is_null(3) || row.text(3).empty() ? row.text(1) : row.text(3), row.text(2)});
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.label < b.label; });
  // Parents first, each followed by its children.
  std::vector<TermChoice> out;
  std::set<std::string> ids;
  for (const auto& t : all) ids.insert(t.id);
  std::function<void(const std::string&, int)> add = [&](const std::string& parent, int depth) {
    if (depth > 5) return;
    for (const auto& t : all) {
      bool top = parent.empty() && (t.parent_id.empty() || !ids.count(t.parent_id));
      if ((parent.empty() && top) || (!parent.empty() && t.parent_id == parent)) {
        out.push_back(t);
        add(t.id, depth + 1);
      }
    }
  };
  add("", 0);
  return out;
}

}  // namespace samen::directory
