// Warm transitions (issue 19): settings, handovers ("transition passports")
// with parents' consents, sealed at rest, and their retention.
#pragma once
#include "app/module.hpp"

namespace samen::transitions {

const app::Module& module();

}  // namespace samen::transitions
