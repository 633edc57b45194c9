// A result card: what a list of search results shows of one service (name
// and description excerpt per language, organisation, municipalities, ages,
// costs, opening hours). Both search engines store it beside the service's
// index terms, so a results page is built from the index alone instead of
// reading six tables per page. Encoded as compact JSON; plain functions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directory/finder/service_view.hpp"
#include "directory/search/search_document.hpp"

namespace samen::directory {

struct ServiceCard {
  LangTexts name, description;              // as written per language, "" where not translated
  LangTexts organization;                   // Dutch filled in where not translated
  std::vector<std::string> municipalities;  // NIS codes
  std::optional<double> minimum_age, maximum_age;
  std::vector<std::string> costs;           // "free", "paid", "income_related"
  std::string hours;                        // detail::encode_hours form
};

// Descriptions are cut to this many characters (what a result list shows).
inline constexpr std::size_t kCardDescriptionChars = 220;

ServiceCard card_of(const detail::ServiceDocument& d);
std::string encode_card(const ServiceCard& c);
// nullopt when the text is no card (an index written by an older version).
std::optional<ServiceCard> decode_card(std::string_view text);

// The card as a reader sees it: texts picked with fallback, municipality
// names in the reader's language, open or not at `now`.
ServiceSummary summary_of(const std::string& service_id, const ServiceCard& c, i18n::Lang reader, std::int64_t now);

}  // namespace samen::directory
