// The analysis of a wave's submitted answers, for its metrics pages,
// subnetworks, comparison, diagram and exports: the answers are read once
// (load_wave_data) and the metrics computed on any subset of the wave's
// organisations (the whole wave, a team, a sector, a language community), the
// ties inside the subset only. waves.hpp's wave_metrics is this on the whole wave.
#pragma once
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/network.hpp"
#include "monitoring/profiles.hpp"
#include "monitoring/waves.hpp"

namespace samen::monitoring {

// One submitted answer about one other organisation (source: the respondent's organisation).
struct AnswerRow {
  std::string source, target;
  std::optional<std::string> frequency, integration;
  std::array<std::optional<int>, 3> trust, value;
  std::vector<std::string> resources;
};

struct WaveData {
  Wave wave;
  std::vector<AnswerRow> answers;  // submitted answer sets only, by source then target
};

// Throws WaveError 404 for an unknown wave.
WaveData load_wave_data(store::Connection& c, const std::string& wave_id);

// The metrics of the subnetwork of `organization_ids` (sorted; members of the
// wave): its nodes, the ties between them, the ratings they gave each other.
WaveMetrics metrics_of(const WaveData& data, const std::vector<std::string>& organization_ids, bool confirmed_only);

// A subnetwork: a team, a sector or a language community of the wave.
struct Subnetwork {
  std::string code;   // team id, sector or language code
  std::string label;  // in the reader's language
  WaveMetrics metrics;
};
enum class Cut { team, sector, language };
std::optional<Cut> parse_cut(std::string_view s);  // "team", "sector", "language"
// The wave's subnetworks by `cut` (those with at least one organisation of the
// wave); labels of sectors and languages through `label(key)`.
std::vector<Subnetwork> subnetworks(const WaveData& data, Cut cut, bool confirmed_only, const core::Network& net,
                                    const std::map<std::string, Profile>& profiles, i18n::Lang lang,
                                    const std::function<std::string(const std::string&)>& label);

}  // namespace samen::monitoring
