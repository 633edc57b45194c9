// The scheduler's place in the module list: it owns the job_runs table
// (src/jobs/migrations) and has no pages, commands or jobs of its own. It
// comes first in src/modules.cpp so every module's jobs can be scheduled.
#pragma once
#include "app/module.hpp"

namespace samen::jobs {

const app::Module& module();

}  // namespace samen::jobs
