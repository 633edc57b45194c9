// What the search engines index about one service, loaded from the HSDS
// tables in bulk (texts in nl/fr/en, category labels with their parents,
// municipalities, languages, costs, ages, opening hours), and the pure
// conversions around it: cost normalisation and a compact text form of
// opening hours stored beside each indexed service.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "directory/model/schedule.hpp"
#include "directory/search/search.hpp"
#include "store/database.hpp"

namespace samen::directory::detail {

// The family-facing texts of a service in one language (fallback: Dutch).
struct ServiceTexts {
  std::string name, alternate_name, description, eligibility_description, application_process, fees_description;
};

struct ServiceDocument {
  std::string id;
  std::string organization_id;
  std::int64_t updated_at = 0;
  bool searchable = false;  // status 'active' and not archived
  std::array<ServiceTexts, 3> texts;            // by i18n::Lang (nl, fr, en)
  // Name and description as written in each language, "" where not
  // translated (texts fills those in from Dutch): the result card's fallback notes.
  std::array<std::string, 3> own_name, own_description;
  std::array<std::string, 3> organization_name;
  std::set<std::string> category_ids;           // the service's terms and all their ancestors
  std::array<std::vector<std::string>, 3> category_labels;  // labels of those terms, by language
  std::set<std::string> municipalities;         // NIS codes
  std::set<std::string> postcodes;
  std::set<std::string> languages;              // ISO 639-1, lower case
  std::set<CostFilter> costs;
  std::optional<double> min_age, max_age;
  OpeningHours hours;
};

inline std::size_t lang_index(i18n::Lang l) { return static_cast<std::size_t>(l); }

// Documents of these services (missing ids are left out). One query per
// table for the whole batch, so rebuilding 100,000 services stays fast.
std::vector<ServiceDocument> load_service_documents(store::Connection& c, const std::vector<std::string>& ids);
// All service ids, in order (rebuild loads them in batches).
std::vector<std::string> all_service_ids(store::Connection& c);

// Calls `f` with consecutive slices of at most `size` ids (a batch's queries
// name every id) until `f` returns false.
inline constexpr std::size_t kServiceBatch = 400;
void for_each_batch(const std::vector<std::string>& ids, const std::function<bool(std::vector<std::string>)>& f,
                    std::size_t size = kServiceBatch);

// HSDS cost_options.option is free text: "free", "gratis", "gratuit" or an
// amount of 0 → free; "income", "inkomen", "revenu" → income_related; else paid.
CostFilter classify_cost(std::string_view option, std::optional<double> amount);
// "free", "paid" or "income_related" (the finder's cost filter values).
std::string cost_name(CostFilter f);

// Opening hours as one line of text and back (what open_at filtering needs).
std::string encode_hours(const OpeningHours& h);
OpeningHours decode_hours(std::string_view s);

// The weekdays (0 = Monday) a service opens on.
std::vector<int> open_weekdays(const OpeningHours& h);

}  // namespace samen::directory::detail
