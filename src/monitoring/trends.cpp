// The waves of a scope up to one wave, with their metrics (see trends.hpp).
#include "monitoring/trends.hpp"

#include <algorithm>

namespace samen::monitoring {

std::vector<WavePoint> waves_until(store::Connection& c, const std::string& wave_id, bool confirmed_only) {
  auto self = load_wave(c, wave_id);
  if (!self) throw WaveError(404, "monitoring.error.wave_unknown");
  std::vector<Wave> same;
  for (auto& w : list_waves(c))
    if (w.team_id == self->team_id && (w.opened_at < self->opened_at || (w.opened_at == self->opened_at && w.id <= self->id)))
      same.push_back(std::move(w));
  std::sort(same.begin(), same.end(), [](const Wave& a, const Wave& b) {
    return a.opened_at != b.opened_at ? a.opened_at < b.opened_at : a.id < b.id;
  });
  std::vector<WavePoint> out;
  for (auto& w : same) {
    WaveData data = load_wave_data(c, w.id);
    out.push_back({std::move(w), metrics_of(data, data.wave.organization_ids, confirmed_only)});
  }
  return out;
}

}  // namespace samen::monitoring
