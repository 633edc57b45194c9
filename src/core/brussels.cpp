// The Brussels municipalities table (names, postcodes and centres from the
// team glossary; NIS codes from Statbel) and postcode lookup.
#include "core/brussels.hpp"

#include <algorithm>
#include <cctype>

namespace samen::core {

const std::vector<Municipality>& brussels_municipalities() {
  static const std::vector<Municipality> kAll = {
      {"21001", "Anderlecht", "Anderlecht", {"1070"}, 50.836, 4.308},
      {"21002", "Oudergem", "Auderghem", {"1160"}, 50.816, 4.433},
      {"21003", "Sint-Agatha-Berchem", "Berchem-Sainte-Agathe", {"1082"}, 50.865, 4.295},
      {"21004", "Brussel", "Bruxelles", {"1000", "1020", "1120", "1130"}, 50.847, 4.357},
      {"21005", "Etterbeek", "Etterbeek", {"1040"}, 50.836, 4.389},
      {"21006", "Evere", "Evere", {"1140"}, 50.870, 4.402},
      {"21007", "Vorst", "Forest", {"1190"}, 50.811, 4.318},
      {"21008", "Ganshoren", "Ganshoren", {"1083"}, 50.871, 4.317},
      {"21009", "Elsene", "Ixelles", {"1050"}, 50.833, 4.366},
      {"21010", "Jette", "Jette", {"1090"}, 50.877, 4.326},
      {"21011", "Koekelberg", "Koekelberg", {"1081"}, 50.862, 4.329},
      {"21012", "Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean", {"1080"}, 50.855, 4.322},
      {"21013", "Sint-Gillis", "Saint-Gilles", {"1060"}, 50.827, 4.346},
      {"21014", "Sint-Joost-ten-Node", "Saint-Josse-ten-Noode", {"1210"}, 50.853, 4.373},
      {"21015", "Schaarbeek", "Schaerbeek", {"1030"}, 50.867, 4.377},
      {"21016", "Ukkel", "Uccle", {"1180"}, 50.802, 4.338},
      {"21017", "Watermaal-Bosvoorde", "Watermael-Boitsfort", {"1170"}, 50.799, 4.415},
      {"21018", "Sint-Lambrechts-Woluwe", "Woluwe-Saint-Lambert", {"1200"}, 50.847, 4.429},
      {"21019", "Sint-Pieters-Woluwe", "Woluwe-Saint-Pierre", {"1150"}, 50.829, 4.432},
  };
  return kAll;
}

const Municipality* municipality_for_postcode(std::string_view postcode) {
  // Keep the digits only: "B-1060", "1060 " and "1060" are the same postcode.
  std::string digits;
  for (char c : postcode)
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  if (digits.size() != 4) return nullptr;
  for (const auto& m : brussels_municipalities())
    if (std::find(m.postcodes.begin(), m.postcodes.end(), digits) != m.postcodes.end()) return &m;
  return nullptr;
}

const Municipality* municipality_by_nis(std::string_view nis_code) {
  for (const auto& m : brussels_municipalities())
    if (m.nis_code == nis_code) return &m;
  return nullptr;
}

}  // namespace samen::core
