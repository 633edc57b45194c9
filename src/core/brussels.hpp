// The 19 municipalities of the Brussels-Capital Region: NIS code, Dutch and
// French names, postcodes and an approximate centre (for maps and demo data).
// Services are filtered by municipality through their addresses' postcodes.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"

namespace samen::core {

struct Municipality {
  std::string nis_code;            // e.g. "21004"
  std::string name_nl, name_fr;
  std::vector<std::string> postcodes;
  double latitude = 0, longitude = 0;  // approximate centre, WGS84
  // The name in a UI language (English uses the French name, as Brussels signage does).
  const std::string& name(i18n::Lang lang) const { return lang == i18n::Lang::nl ? name_nl : name_fr; }
};

// All 19, ordered by NIS code.
const std::vector<Municipality>& brussels_municipalities();
// The municipality of a Brussels postcode ("1000", " 1050 ", "B-1060"), or nullptr outside the region.
const Municipality* municipality_for_postcode(std::string_view postcode);
const Municipality* municipality_by_nis(std::string_view nis_code);

}  // namespace samen::core
