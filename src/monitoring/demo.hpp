// The monitoring's demo content for `serve --demo`: sectors and language
// communities of the demo organisations and two survey waves of the
// Brussels-wide partnership (2025 closed, 2026 open with a few respondents
// still to answer) whose invented answers show a network growing closer.
#pragma once
#include <cstdint>

#include "store/database.hpp"

namespace samen::monitoring {

// Idempotent: does nothing once the 2025 wave exists. Returns the waves made.
int load_demo_monitoring(store::Database& db, std::int64_t now);

}  // namespace samen::monitoring
