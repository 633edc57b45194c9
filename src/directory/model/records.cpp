// The service map's records without I/O: kind names, validation of every
// field (one catalog key per problem), snapshots for the change history and
// the small parsers the form and the API share. The database side is in
// records_store.cpp.
#include "directory/model/records.hpp"

#include "app/api.hpp"

#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>
#include <set>

#include "core/brussels.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::directory {

// ---- kinds and texts ---------------------------------------------------------------

std::string_view kind_name(RecordKind k) {
  switch (k) {
    case RecordKind::organization: return "organization";
    case RecordKind::service: return "service";
    case RecordKind::location: return "location";
    case RecordKind::team: return "team";
  }
  return "service";
}

std::string_view kind_plural(RecordKind k) {
  switch (k) {
    case RecordKind::organization: return "organizations";
    case RecordKind::service: return "services";
    case RecordKind::location: return "locations";
    case RecordKind::team: return "teams";
  }
  return "services";
}

std::optional<RecordKind> parse_kind_plural(std::string_view s) {
  for (auto k : kRecordKinds)
    if (kind_plural(k) == s) return k;
  return std::nullopt;
}

const std::string& Translated::in(i18n::Lang l) const {
  return l == i18n::Lang::nl ? nl : l == i18n::Lang::fr ? fr : en;
}
std::string& Translated::in(i18n::Lang l) { return l == i18n::Lang::nl ? nl : l == i18n::Lang::fr ? fr : en; }

const std::vector<std::string>& translated_fields(RecordKind k) {
  static const std::vector<std::string> kNameDescription = {"name", "description"};
  static const std::vector<std::string> kService = {"name", "description", "eligibility_description",
                                                    "application_process", "fees_description"};
  return k == RecordKind::service ? kService : kNameDescription;
}

namespace {

using O = Organization;
using S = Service;
using L = Location;
using T = Team;
const std::vector<OwnField<O>> kOrganizationFields = {
    {"name", &O::name},         {"description", &O::description}, {"alternate_name", &O::alternate_name, true},
    {"email", &O::email, true}, {"website", &O::website, true},   {"legal_status", &O::legal_status, true},
    {"assured_date", &O::assured_date, true}, {"assurer_email", &O::assurer_email, true}};
const std::vector<OwnField<S>> kServiceFields = {
    {"organization_id", &S::organization_id}, {"name", &S::name}, {"alternate_name", &S::alternate_name, true},
    {"description", &S::description},         {"url", &S::url, true}, {"email", &S::email, true},
    {"status", &S::status}, {"application_process", &S::application_process, true},
    {"fees_description", &S::fees_description, true},
    {"eligibility_description", &S::eligibility_description, true}, {"minimum_age", &S::minimum_age},
    {"maximum_age", &S::maximum_age}, {"assured_date", &S::assured_date, true},
    {"assurer_email", &S::assurer_email, true}};
const std::vector<OwnField<L>> kLocationFields = {
    {"organization_id", &L::organization_id}, {"name", &L::name},     {"alternate_name", &L::alternate_name, true},
    {"description", &L::description, true},   {"url", &L::url, true}, {"transportation", &L::transportation, true},
    {"latitude", &L::latitude},               {"longitude", &L::longitude},
    {"assured_date", &L::assured_date, true}, {"assurer_email", &L::assurer_email, true}};
const std::vector<OwnField<T>> kTeamFields = {
    {"name", &T::name}, {"kind", &T::kind}, {"parent_id", &T::parent_id, true}, {"description", &T::description}};

}  // namespace

template <> const std::vector<OwnField<O>>& own_fields<O>() { return kOrganizationFields; }
template <> const std::vector<OwnField<S>>& own_fields<S>() { return kServiceFields; }
template <> const std::vector<OwnField<L>>& own_fields<L>() { return kLocationFields; }
template <> const std::vector<OwnField<T>>& own_fields<T>() { return kTeamFields; }

TranslatedTexts<Translated> translated_texts(Service& s) {
  return {{"name", &s.name},
          {"description", &s.description},
          {"eligibility_description", &s.eligibility_description},
          {"application_process", &s.application_process},
          {"fees_description", &s.fees_description}};
}
TranslatedTexts<const Translated> translated_texts(const Service& s) {
  TranslatedTexts<const Translated> out;
  for (const auto& [field, text] : translated_texts(const_cast<Service&>(s))) out.emplace_back(field, text);
  return out;
}

const std::vector<std::string>& known_language_codes() {
  // The languages most spoken by Brussels families, besides the three of the UI.
  static const std::vector<std::string> kCodes = {"nl", "fr", "en", "de", "ar", "tr", "es", "it", "pt", "pl",
                                                  "ro", "bg", "ru", "uk", "sq", "el", "fa", "ps", "so", "ti",
                                                  "am", "ln", "sw", "zh", "hi", "ur"};
  return kCodes;
}

std::string language_display_name(const std::string& code, std::string_view in_lang) {
  icu::Locale language(code.c_str());
  icu::Locale display(std::string(in_lang).c_str());
  icu::UnicodeString name;
  language.getDisplayLanguage(display, name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? code : out;
}

// ---- parsers -------------------------------------------------------------------

std::optional<double> parse_decimal(std::string_view raw) {
  std::string s = text::trimmed(raw);
  if (s.empty() || s.size() > 32) return std::nullopt;
  std::replace(s.begin(), s.end(), ',', '.');
  bool digit = false, dot = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') digit = true;
    else if (c == '.' && !dot) dot = true;
    else if (c == '-' && i == 0) continue;
    else return std::nullopt;
  }
  if (!digit) return std::nullopt;
  double v = std::strtod(s.c_str(), nullptr);
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

bool valid_email(std::string_view s) {
  if (s.size() < 3 || s.size() > 254) return false;
  auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  auto domain = s.substr(at + 1);
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size() || domain.find("..") != std::string_view::npos)
    return false;
  for (unsigned char c : s)
    if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';') return false;
  return true;
}

bool valid_url(std::string_view s) {
  if (s.size() > 2000) return false;
  std::string_view rest;
  if (s.starts_with("https://")) rest = s.substr(8);
  else if (s.starts_with("http://")) rest = s.substr(7);
  else return false;
  auto host = rest.substr(0, rest.find_first_of("/?#"));
  if (host.empty() || host.find('.') == std::string_view::npos || host.front() == '.' || host.back() == '.')
    return false;
  for (unsigned char c : s)
    if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\') return false;
  return true;
}

namespace {
bool two_digits(std::string_view s, std::size_t at, int& out) {
  if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
  out = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return true;
}
}  // namespace

bool valid_time(std::string_view t) {
  int h, m;
  if (t.size() != 5 || t[2] != ':' || !two_digits(t, 0, h) || !two_digits(t, 3, m)) return false;
  return (h < 24 && m < 60) || (h == 24 && m == 0);
}

bool valid_date(std::string_view d) {
  auto date = dates::parse_iso(d);
  // A year outside 1900-2200 in a record is a typo ("0225"), not a date anyone means.
  return date && date->year >= 1900 && date->year <= 2200;
}

// ---- dates ----------------------------------------------------------------------

std::string iso_date(std::int64_t unix_seconds) {
  UErrorCode status = U_ZERO_ERROR;
  icu::SimpleDateFormat fmt(icu::UnicodeString("yyyy-MM-dd"), icu::Locale::getRoot(), status);
  if (U_FAILURE(status)) return iso_date_time(unix_seconds).substr(0, 10);
  fmt.adoptTimeZone(icu::TimeZone::createTimeZone("Europe/Brussels"));
  icu::UnicodeString out;
  fmt.format(static_cast<UDate>(unix_seconds) * 1000.0, out);
  std::string s;
  out.toUTF8String(s);
  return s;
}

std::string iso_date_time(std::int64_t unix_seconds) { return app::rfc3339(unix_seconds); }

std::string review_cutoff(std::int64_t now) {
  std::string today = iso_date(now);
  int y = std::stoi(today.substr(0, 4)) - 1;
  std::string cutoff = std::to_string(y) + today.substr(4);
  if (cutoff.substr(5) == "02-29") cutoff = cutoff.substr(0, 5) + "02-28";
  return cutoff;
}

// ---- validation ----------------------------------------------------------------

namespace {

constexpr std::size_t kShortText = 200;
constexpr std::size_t kMediumText = 500;
constexpr std::size_t kLongText = 10000;
constexpr std::size_t kMaxRows = 50;

bool has_control_chars(std::string_view s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) return true;
  return false;
}

// Required, length and control characters of one text; true when fine.
bool check_text(FieldErrors& e, const std::string& field, const std::string& value, std::size_t max,
                bool required = false) {
  if (required && value.empty()) return e.emplace(field, "staff.invalid.required"), false;
  if (value.size() > max) return e.emplace(field, "staff.invalid.too_long"), false;
  if (has_control_chars(value)) return e.emplace(field, "staff.invalid.control_chars"), false;
  return true;
}

void check_translated(FieldErrors& e, const std::string& field, const Translated& t, std::size_t max,
                      bool nl_required) {
  check_text(e, field, t.nl, max, nl_required);
  check_text(e, field + ".fr", t.fr, max);
  check_text(e, field + ".en", t.en, max);
}

void check_email(FieldErrors& e, const std::string& field, const std::string& v) {
  if (!v.empty() && !valid_email(v)) e.emplace(field, "staff.invalid.email");
}
void check_url(FieldErrors& e, const std::string& field, const std::string& v) {
  if (!v.empty() && !valid_url(v)) e.emplace(field, "staff.invalid.url");
}

bool valid_phone_number(std::string_view n) {
  if (n.size() < 3 || n.size() > 30) return false;
  int digits = 0;
  for (char c : n) {
    if (c >= '0' && c <= '9') ++digits;
    else if (std::string_view(" +/.-()").find(c) == std::string_view::npos) return false;
  }
  return digits >= 3;
}

void check_phones(FieldErrors& e, const std::vector<Phone>& phones) {
  if (phones.size() > kMaxRows) return void(e.emplace("phones", "staff.invalid.too_many"));
  for (const auto& p : phones) {
    if (!valid_phone_number(p.number)) return void(e.emplace("phones", "staff.invalid.phone"));
    if (p.type.size() > 50 || p.description.size() > kMediumText || has_control_chars(p.type) ||
        has_control_chars(p.description))
      return void(e.emplace("phones", "staff.invalid.phone"));
  }
}

bool valid_language_code(std::string_view c) {
  if (c.size() < 2 || c.size() > 3) return false;
  return std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

void check_age(FieldErrors& e, const std::string& field, const std::optional<double>& age) {
  if (age && (*age < 0 || *age > 25)) e.emplace(field, "staff.invalid.age_range");
}

}  // namespace

namespace {

// The names every kind but the service shares: a required short name, an
// optional long description and an optional alternate name.
void check_names(FieldErrors& e, const Translated& name, const Translated& description,
                 const std::string* alternate_name) {
  check_translated(e, "name", name, kShortText, true);
  check_translated(e, "description", description, kLongText, false);
  if (alternate_name) check_text(e, "alternate_name", *alternate_name, kShortText);
}

// Last verified: an ISO date and the e-mail of who verified.
void check_verified(FieldErrors& e, const std::string& assured_date, const std::string& assurer_email) {
  if (!assured_date.empty() && !valid_date(assured_date)) e.emplace("assured_date", "staff.invalid.date");
  check_email(e, "assurer_email", assurer_email);
}

}  // namespace

FieldErrors validate(const Organization& o) {
  FieldErrors e;
  check_names(e, o.name, o.description, &o.alternate_name);
  check_text(e, "legal_status", o.legal_status, kShortText);
  check_email(e, "email", o.email);
  check_url(e, "website", o.website);
  check_verified(e, o.assured_date, o.assurer_email);
  check_phones(e, o.phones);
  return e;
}

FieldErrors validate(const Service& s) {
  FieldErrors e;
  if (s.organization_id.empty()) e.emplace("organization_id", "staff.invalid.required");
  check_translated(e, "name", s.name, kShortText, true);
  for (const auto& [field, text] : translated_texts(s))  // description required, the other long texts optional
    if (field != "name") check_translated(e, field, *text, kLongText, field == "description");
  check_text(e, "alternate_name", s.alternate_name, kShortText);
  check_url(e, "url", s.url);
  check_email(e, "email", s.email);
  if (std::find(std::begin(kServiceStatuses), std::end(kServiceStatuses), s.status) == std::end(kServiceStatuses))
    e.emplace("status", "staff.invalid.status");
  check_age(e, "minimum_age", s.minimum_age);
  check_age(e, "maximum_age", s.maximum_age);
  if (s.minimum_age && s.maximum_age && *s.minimum_age > *s.maximum_age && !e.count("maximum_age"))
    e.emplace("maximum_age", "staff.invalid.age_order");
  check_verified(e, s.assured_date, s.assurer_email);
  if (s.languages.size() > kMaxRows) e.emplace("languages", "staff.invalid.too_many");
  for (const auto& code : s.languages)
    if (!valid_language_code(code)) e.emplace("languages", "staff.invalid.language");
  if (s.cost) {
    const auto& c = *s.cost;
    if (std::find(std::begin(kCostOptions), std::end(kCostOptions), c.option) == std::end(kCostOptions))
      e.emplace("cost", "staff.invalid.cost_option");
    if (c.amount && (*c.amount < 0 || *c.amount > 100000)) e.emplace("cost_amount", "staff.invalid.amount");
    else if (c.amount && *c.amount > 0 && c.option == "free") e.emplace("cost_amount", "staff.invalid.amount_free");
    check_text(e, "cost_amount_description", c.amount_description, kMediumText);
  }
  if (s.categories.size() > kMaxRows) e.emplace("categories", "staff.invalid.too_many");
  if (s.location_ids.size() > kMaxRows) e.emplace("locations", "staff.invalid.too_many");
  if (s.hours.size() > kMaxRows) e.emplace("hours", "staff.invalid.too_many");
  for (const auto& h : s.hours)
    if (h.weekday < 0 || h.weekday > 6 || !valid_time(h.opens_at) || !valid_time(h.closes_at) ||
        h.opens_at >= h.closes_at) {
      e.emplace("hours", "staff.invalid.hours");
      break;
    }
  if (s.exceptions.size() > kMaxRows) e.emplace("exceptions", "staff.invalid.too_many");
  for (const auto& x : s.exceptions) {
    bool ok = valid_date(x.starts_on) && valid_date(x.ends_on) && x.starts_on <= x.ends_on &&
              x.description.size() <= kMediumText && !has_control_chars(x.description);
    if (ok && !x.closed) ok = valid_time(x.opens_at) && valid_time(x.closes_at) && x.opens_at < x.closes_at;
    if (!ok) {
      e.emplace("exceptions", "staff.invalid.exception");
      break;
    }
  }
  if (s.contacts.size() > kMaxRows) e.emplace("contacts", "staff.invalid.too_many");
  for (const auto& c : s.contacts) {
    bool ok = (!c.name.empty() || !c.email.empty()) && (c.email.empty() || valid_email(c.email)) &&
              c.name.size() <= kShortText && c.title.size() <= kShortText && !has_control_chars(c.name) &&
              !has_control_chars(c.title);
    if (!ok) {
      e.emplace("contacts", "staff.invalid.contact");
      break;
    }
  }
  check_phones(e, s.phones);
  return e;
}

FieldErrors validate(const Location& l) {
  FieldErrors e;
  if (l.organization_id.empty()) e.emplace("organization_id", "staff.invalid.required");
  check_names(e, l.name, l.description, &l.alternate_name);
  check_text(e, "transportation", l.transportation, kMediumText);
  check_url(e, "url", l.url);
  check_verified(e, l.assured_date, l.assurer_email);
  if (l.latitude.has_value() != l.longitude.has_value()) {
    e.emplace(l.latitude ? "longitude" : "latitude", "staff.invalid.coordinates_pair");
  } else if (l.latitude) {
    if (*l.latitude < 50.76 || *l.latitude > 50.92) e.emplace("latitude", "staff.invalid.latitude");
    if (*l.longitude < 4.24 || *l.longitude > 4.48) e.emplace("longitude", "staff.invalid.longitude");
  }
  if (!l.address.empty()) {
    check_text(e, "address_1", l.address.address_1, kShortText, true);
    check_text(e, "address_2", l.address.address_2, kShortText);
    check_text(e, "city", l.address.city, 100);
    if (l.address.postal_code.empty()) e.emplace("postal_code", "staff.invalid.required");
    else if (!core::municipality_for_postcode(l.address.postal_code)) e.emplace("postal_code", "staff.invalid.postcode");
  }
  check_phones(e, l.phones);
  return e;
}

FieldErrors validate(const Team& t) {
  FieldErrors e;
  check_names(e, t.name, t.description, nullptr);
  if (std::find(std::begin(kTeamKinds), std::end(kTeamKinds), t.kind) == std::end(kTeamKinds))
    e.emplace("kind", "staff.invalid.team_kind");
  if (!t.id.empty() && t.parent_id == t.id) e.emplace("parent_id", "staff.invalid.parent");
  if (t.areas.size() > 200) e.emplace("areas", "staff.invalid.too_many");
  for (const auto& a : t.areas)
    if (!core::municipality_by_nis(a.municipality) || a.neighbourhood.size() > 100 || has_control_chars(a.neighbourhood)) {
      e.emplace("areas", "staff.invalid.municipality");
      break;
    }
  if (t.member_ids.size() > 500) e.emplace("members", "staff.invalid.too_many");
  return e;
}

std::vector<std::string> missing_french(const Service& s) {
  std::vector<std::string> out;
  if (s.name.fr.empty()) out.push_back("name.fr");
  if (s.description.fr.empty()) out.push_back("description.fr");
  return out;
}

// ---- snapshots ----------------------------------------------------------------------

namespace {

std::string number_text(const std::optional<double>& v) {
  if (!v) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", *v);
  return buf;
}

std::string joined(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

// The record's own fields: texts as they are, numbers in short form, a
// translated text as three fields (name, name.fr, name.en).
template <class R>
Snapshot own_snapshot(const R& record) {
  Snapshot s;
  for (const auto& f : own_fields<R>()) {
    if (auto text = std::get_if<std::string R::*>(&f.member)) {
      s[f.name] = record.*(*text);
    } else if (auto number = std::get_if<std::optional<double> R::*>(&f.member)) {
      s[f.name] = number_text(record.*(*number));
    } else {
      const Translated& t = record.*std::get<Translated R::*>(f.member);
      s[f.name] = t.nl;
      s[f.name + ".fr"] = t.fr;
      s[f.name + ".en"] = t.en;
    }
  }
  return s;
}

std::string phones_text(const std::vector<Phone>& phones) {
  std::vector<std::string> parts;
  for (const auto& p : phones)
    parts.push_back(p.number + (p.type.empty() ? "" : " (" + p.type + ")") +
                    (p.description.empty() ? "" : " " + p.description));
  return joined(parts, "; ");
}

const char* kWeekdayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

}  // namespace

Snapshot snapshot(const Organization& o) {
  Snapshot s = own_snapshot(o);
  s["phones"] = phones_text(o.phones);
  return s;
}

Snapshot snapshot(const Service& v) {
  Snapshot s = own_snapshot(v);
  s["languages"] = joined(v.languages);
  s["cost"] = v.cost ? v.cost->option : "";
  s["cost_amount"] = v.cost ? number_text(v.cost->amount) : "";
  s["cost_amount_description"] = v.cost ? v.cost->amount_description : "";
  s["categories"] = joined(v.categories);
  s["locations"] = joined(v.location_ids);
  std::vector<std::string> hours;
  for (const auto& h : v.hours)
    hours.push_back(std::string(kWeekdayCodes[std::clamp(h.weekday, 0, 6)]) + " " + h.opens_at + "-" + h.closes_at);
  s["hours"] = joined(hours, "; ");
  std::vector<std::string> exceptions;
  for (const auto& x : v.exceptions)
    exceptions.push_back(x.starts_on + ".." + x.ends_on + (x.closed ? " closed" : " " + x.opens_at + "-" + x.closes_at) +
                         (x.description.empty() ? "" : " " + x.description));
  s["exceptions"] = joined(exceptions, "; ");
  std::vector<std::string> contacts;
  for (const auto& c : v.contacts) contacts.push_back(joined({c.name, c.title, c.email}, " | "));
  s["contacts"] = joined(contacts, "; ");
  s["phones"] = phones_text(v.phones);
  return s;
}

Snapshot snapshot(const Location& l) {
  Snapshot s = own_snapshot(l);
  s["address_1"] = l.address.address_1;
  s["address_2"] = l.address.address_2;
  s["postal_code"] = l.address.postal_code;
  s["city"] = l.address.city;
  s["phones"] = phones_text(l.phones);
  return s;
}

Snapshot snapshot(const Team& t) {
  Snapshot s = own_snapshot(t);
  std::vector<std::string> areas;
  for (const auto& a : t.areas) areas.push_back(a.municipality + (a.neighbourhood.empty() ? "" : " " + a.neighbourhood));
  s["areas"] = joined(areas, "; ");
  s["members"] = joined(t.member_ids);
  return s;
}

}  // namespace samen::directory
