// The read side of the public finder: what a family reads about a service,
// in their language with a fallback (nl → fr → en, fr → nl → en, en → nl →
// fr) that says when it was used. Loads result summaries in bulk, a whole
// service page, map points and the choices of the search filters.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "directory/model/schedule.hpp"
#include "i18n/i18n.hpp"
#include "store/database.hpp"

namespace samen::directory {

// A text by language: [nl, fr, en] (nl from the base column, the others from translations).
using LangTexts = std::array<std::string, 3>;

// A family-facing text as shown to a reader.
struct ShownText {
  std::string text;
  i18n::Lang lang = i18n::Lang::nl;  // the language `text` is in
  bool fallback = false;             // true when it is not the reader's language
  bool empty() const { return text.empty(); }
};

// The order in which languages are tried for a reader.
std::array<i18n::Lang, 3> fallback_order(i18n::Lang reader);
// The first non-empty text in the reader's fallback order ("" when none).
ShownText pick_text(const LangTexts& texts, i18n::Lang reader);

// One service in a result list.
struct ServiceSummary {
  std::string id;
  ShownText name, description;
  std::string organization;                 // in the reader's language, silently falling back
  std::vector<std::string> municipalities;  // names in the reader's language, sorted
  std::optional<double> minimum_age, maximum_age;
  std::vector<std::string> costs;           // "free", "paid", "income_related"
  bool has_hours = false;
  bool open_now = false;
};


// A place of a service on the map.
struct MapPoint {
  std::string service_id;
  std::string name;  // the service's name in the reader's language
  double latitude = 0, longitude = 0;
};
// The located places of these services (one point per location with coordinates), in the order of ids.
std::vector<MapPoint> load_map_points(store::Connection& c, const std::vector<std::string>& ids, i18n::Lang reader);

struct PhoneView {
  std::string number, tel_href, type;
  ShownText description;
};
struct ContactView {
  std::string id, name, title, department, email;
  std::vector<PhoneView> phones;
};
struct CostView {
  std::string option;  // "free", "paid", "income_related"
  std::optional<double> amount;
  std::string currency, amount_description;
};
struct LocationView {
  std::string id;
  ShownText name, description;
  std::string address_1, address_2, postal_code, city, municipality;
  std::optional<double> latitude, longitude;
  std::string transportation;
  std::vector<std::string> accessibility;
  std::vector<PhoneView> phones;
  OpeningHours hours;  // the location's own opening hours
  std::vector<std::string> schedule_notes;
};

// Everything the service page shows.
struct ServiceDetails {
  std::string id, status, url, email, assured_date;
  ShownText name, alternate_name, description, eligibility, application_process, fees_description;
  std::string organization_id;
  ShownText organization_name, organization_description;
  std::string organization_url, organization_email;
  std::optional<double> minimum_age, maximum_age;
  std::vector<std::string> language_codes;  // ISO 639-1, sorted
  std::vector<CostView> costs;
  std::vector<std::string> categories;      // labels in the reader's language
  std::vector<std::string> required_documents;
  std::vector<LocationView> locations;
  OpeningHours hours;      // the service's own hours (service or service-at-location rows)
  OpeningHours effective;  // its own hours, or else its locations': what "open now" uses
  std::vector<std::string> schedule_notes;  // descriptions of the service's schedule rows
  std::vector<ContactView> contacts;
  std::vector<PhoneView> phones;
};

// The page of a service; nullopt for an unknown or archived one.
std::optional<ServiceDetails> load_service_details(store::Connection& c, const std::string& id, i18n::Lang reader);

// "+32 (0)2 123 45 67" → "tel:+3221234567"; "" when there are no digits.
std::string tel_href(std::string_view number);

// Choices of the search form.
struct FilterChoice {
  std::string value, label;
  int depth = 0;  // 1 for a sub-category
};
// Categories of the family taxonomy, parents followed by their children, labels in the reader's language.
std::vector<FilterChoice> category_choices(store::Connection& c, i18n::Lang reader);
// Those languages as choices, named in the reader's language and sorted by name.
std::vector<FilterChoice> language_choices(const std::vector<std::string>& codes, i18n::Lang reader);
// The 19 municipalities by name in the reader's language.
std::vector<FilterChoice> municipality_choices(i18n::Lang reader);

}  // namespace samen::directory
