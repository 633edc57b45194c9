// Wave comparison (issue 18): a wave against another (usually the one
// before): the change in every network figure, the ties that are new and the
// ties that were lost, and the organisations that became more or less
// central. Ties as reported (directed) or as confirmed by both sides; an
// organisation counts in the per-organisation changes when it is in both waves.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "monitoring/analysis.hpp"

namespace samen::monitoring {

struct FigureChange {
  std::string name;  // "density", "trust", "integration_share.cooperating", ...
  std::optional<double> wave, with;
  std::optional<double> change() const {
    return wave && with ? std::optional<double>(*wave - *with) : std::nullopt;
  }
};

struct OrganizationChange {
  std::string id;
  std::int64_t degree = 0, degree_before = 0;
  double betweenness = 0, betweenness_before = 0;
  double closeness = 0, closeness_before = 0;
};

struct Comparison {
  Wave wave, with;
  bool confirmed = false;
  std::vector<FigureChange> figures;
  std::vector<std::pair<std::string, std::string>> new_ties, lost_ties;  // (source, target); source < target when confirmed
  // Organisations of both waves, the most gained degree first (then betweenness).
  std::vector<OrganizationChange> organizations;
};

// Throws WaveError 404 when either wave is unknown, 422 when both are the same.
Comparison compare_waves(store::Connection& c, const std::string& wave_id, const std::string& with_id, bool confirmed);
nlohmann::json to_json(const Comparison& cmp);

}  // namespace samen::monitoring
