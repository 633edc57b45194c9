// The journal as a module of the platform (issue 15): activities of the
// cooperation (meetings, interviews, focus groups, intervision, study
// visits, ...) with their visibility, participants, Markdown notes,
// decisions and follow-up actions; the timeline page, the activity pages and
// forms, the JSON API /api/v1/activities, exports and the demo history.
#pragma once
#include "app/module.hpp"

namespace samen::journal {

const app::Module& module();

}  // namespace samen::journal
