// The toolbox module (issue 16): a living catalogue of methods for integrated
// working that partners use, adapt and extend. Listed after the journal,
// whose activities link the methods they used.
#pragma once
#include "app/module.hpp"

namespace samen::toolbox {

const app::Module& module();

}  // namespace samen::toolbox
