// The network diagram of a wave (issue 18): which organisations and ties to
// show (a filter by team, sector, language community, integration level, and
// ties as reported or as confirmed by both sides), where each organisation
// sits (igraph's Fruchterman-Reingold layout of the whole wave, computed once
// per wave and its ties and kept in a cache, so filtering never moves a node),
// and the picture as server-side SVG: colour by sector, shape by language
// community, size by degree, line style by integration level, with <title>
// and <desc>. The page puts a legend and the tables (the accessible
// alternative) beside it; the API gives the same data as JSON.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/network.hpp"
#include "monitoring/analysis.hpp"
#include "monitoring/profiles.hpp"

namespace samen::monitoring {

struct DiagramFilter {
  bool confirmed = false;               // ties confirmed by both sides (one per pair) instead of as reported
  std::optional<std::string> team;      // organisations of this team only
  std::optional<std::string> sector;    // of this sector only (kSectors)
  std::optional<std::string> language;  // of this language community only (kLanguageCommunities)
  std::optional<std::string> level;     // ties at this integration level or above only (kIntegration, not none)
};

// Reads the filter from a request's query through `param` (ties, team, sector,
// language, level); absent or empty means "all". Throws WaveError 400 with a
// catalog key for a value off the lists or a team that is not in the network.
DiagramFilter parse_diagram_filter(const std::function<std::optional<std::string>(std::string_view)>& param,
                                   const core::Network& net);

struct DiagramNode {
  std::string id, name, sector, language;
  std::vector<std::string> team_ids;
  std::int64_t degree = 0;  // ties shown that touch it (as reported: named + named by)
  double x = 0.5, y = 0.5;  // position in [0, 1] × [0, 1]
};

struct DiagramTie {
  std::size_t source = 0, target = 0;  // indexes into nodes
  std::string level;                   // as reported; confirmed: the lower of the two sides' levels
  std::optional<std::string> frequency;  // as reported (confirmed: none)
  bool confirmed = false;              // the other side reports it too
  std::optional<double> trust, value;  // mean of the tie's ratings (confirmed: of both sides' ratings)
  std::vector<std::string> resources;  // as reported (confirmed: none)
};

struct Diagram {
  bool confirmed = false;
  std::vector<DiagramNode> nodes;  // in the wave's organisation order
  std::vector<DiagramTie> ties;    // by source, then target
};

// The diagram of the wave's submitted answers under `filter`; names in `lang`.
Diagram build_diagram(const WaveData& data, const core::Network& net, const std::map<std::string, Profile>& profiles,
                      const DiagramFilter& filter, i18n::Lang lang);

// The picture: an <svg role="img"> with `title` and `description`, one line per
// pair of organisations (the pair's highest level shown), then the nodes, each
// with a <title> naming it and its sector, language and degree (`t` gives the
// texts of catalog keys). `id` must be unique on the page.
std::string diagram_svg(const Diagram& d, const std::string& id, const std::string& title,
                        const std::string& description, const std::function<std::string(const std::string&)>& t);

// Symbols for the legend (small SVGs, aria-hidden): a sector's colour, a
// language community's shape, an integration level's line.
std::string sector_symbol(const std::string& sector);
std::string language_symbol(const std::string& language);
std::string level_symbol(const std::string& level);

// {"view": "reported"|"confirmed", "nodes": [{id, name, sector, language, teams, degree, x, y}],
//  "ties": [{source, target, level, frequency, confirmed}]} (source/target: organisation ids).
nlohmann::json to_json(const Diagram& d);

}  // namespace samen::monitoring
