// The journal's part of the demo (serve --demo): the first chapters of an
// invented Brussels family-centre network's history, 2012-2017, in Dutch and
// French, attached to the demo network's teams, organisations and people
// (looked up by name at load time). Idempotent: fixed ids, inserted once.
#pragma once
#include <cstdint>

#include "store/database.hpp"

namespace samen::journal {

// Loads the demo activities and follow-ups; returns how many activities were new.
int load_demo_journal(store::Database& db, std::int64_t now);

}  // namespace samen::journal
