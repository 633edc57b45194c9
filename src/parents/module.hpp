// Parents' voice as a module of the platform (issue 17, second half): parent
// groups and their meetings (journal activities), the register of parents'
// concerns and needs with its status history, the public "you said, we did"
// page, the anonymous suggestion form with its moderation queue, and the
// JSON API /api/v1/concerns. No personal data of parents is asked or kept.
#pragma once
#include "app/module.hpp"

namespace samen::parents {

const app::Module& module();

}  // namespace samen::parents
