// The plan's demo data (serve --demo): a Brussels multi-year plan 2025-2030
// with the shared vision in nl and fr (two versions), six Brussels-wide
// objectives with actions and sub-actions, the local teams Jette and
// Nieuwland's own objectives linked to them, indicators with measured values,
// status changes with reasons, and links to the demo journal's activities.
// Idempotent: fixed ids, inserted once. Every name and figure is invented.
#pragma once
#include <cstdint>

#include "store/database.hpp"

namespace samen::plan {

// Returns the number of items added (0 when the plan was there already).
int load_demo_plan(store::Database& db, std::int64_t now);

}  // namespace samen::plan
