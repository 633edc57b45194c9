// Surveys' demo content (serve --demo) and the hidden bench data command.
#pragma once
#include <cstdint>

#include "app/module.hpp"
#include "store/database.hpp"

namespace samen::surveys {

// A parents' survey about opening hours and information needs (nl/fr/en)
// with about forty invented responses, and a partners' survey with
// invitations. Idempotent.
void load_demo_surveys(store::Database& db, std::int64_t now);
// `samen surveys-bench-data --responses N` (hidden): a survey with N submitted responses.
void add_bench_command(app::CommandLine& cl);

}  // namespace samen::surveys
