// The sources' part of the demo history (serve --demo): two guides (a Dutch
// interview guide and a French focus-group guide on expectations), the
// answers noted with them in the demo's interviews and focus groups, and the
// expectations register of the demo partners at the 2014 kick-off and in a
// 2017 round. Invented people and words; idempotent (fixed ids).
#pragma once
#include <cstdint>

#include "store/database.hpp"

namespace samen::journal {

// Loads after load_demo_journal (it needs its activities); returns how many register entries were new.
int load_demo_sources(store::Database& db, std::int64_t now);

}  // namespace samen::journal
