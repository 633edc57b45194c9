// The plan module (issue 17, "Vision and plan"): the shared vision, the
// multi-year plan of objectives, actions and sub-actions with indicators, its
// links to journal activities, dashboard, reports and API. ARCHITECTURE.md
// describes it under "Modules".
#pragma once
#include "app/module.hpp"

namespace samen::plan {

const app::Module& module();

}  // namespace samen::plan
