// The coding part of the demo (serve --demo): a two-level codebook in
// nl/fr/en (expectations, trust, shared vision, parent participation, warm
// transitions, language, time and resources) with memos, and codings of
// passages of the demo activities' notes (journal/demo.cpp) and of the
// answers of the demo guides (journal/demo_sources.cpp: interviews and focus
// groups; load those first), so the code pages, the frequency chart and the
// exports show something real.
// Idempotent: fixed ids, inserted once; a passage not found in its note or
// answer (or an answer not loaded) is skipped.
#pragma once
#include <cstdint>

#include "store/database.hpp"

namespace samen::journal {

// Loads the demo codebook and codings; returns how many codings were new.
int load_demo_coding(store::Database& db, std::int64_t now);

}  // namespace samen::journal
