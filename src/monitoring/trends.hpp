// A wave among the waves before it: the waves of the same scope (the same
// team, or Brussels-wide) opened no later than it, oldest first, each with its
// metrics, for the charts across waves (trend_pages.cpp) and the printable
// report. Waves of another scope are left out: their networks are not the same.
#pragma once
#include <string>
#include <vector>

#include "monitoring/analysis.hpp"

namespace samen::monitoring {

struct WavePoint {
  Wave wave;
  WaveMetrics metrics;
};

// Throws WaveError 404 for an unknown wave.
std::vector<WavePoint> waves_until(store::Connection& c, const std::string& wave_id, bool confirmed_only);

}  // namespace samen::monitoring
