// Parents' voice's demo data (serve --demo) and the hidden command of
// bench/plan.sh (bench_data.cpp).
#pragma once
#include <cstdint>

#include "app/module.hpp"
#include "store/database.hpp"

namespace samen::parents {

// Parent groups in Jette and Nieuwland (and the francophone cluster's), a few
// of their meetings in the journal, and concerns in nl and fr, some
// published with what the network did. Idempotent (fixed ids).
void load_demo_parents(store::Database& db, std::int64_t now);
// `samen parents-bench-data --concerns N`.
void add_bench_command(app::CommandLine& cl);

}  // namespace samen::parents
