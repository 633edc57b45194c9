// The demo network: an invented Brussels family-support partnership (a Huis
// van het Kind) with local teams, a French-speaking cluster, a coaching
// organisation, ~25 partner organisations and a few users of each role.
// Loading is idempotent: records have fixed ids and are inserted once.
#pragma once
#include <string>

#include "store/database.hpp"

namespace samen::demo {

inline constexpr const char* kAdminEmail = "admin@samen.local";

// Loads the demo network (no-op for records already there).
void load_network(store::Database& db, std::int64_t now);

// Gives the demo admin a fresh random password that must be changed after
// the first login, and returns it. Creates the admin when missing.
std::string reset_demo_admin(store::Database& db, std::int64_t now);

// A stable UUID (version 8, name-based) for a demo record.
std::string demo_uuid(const std::string& name);

}  // namespace samen::demo
