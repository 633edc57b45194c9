// The core of the network as a module of the platform: its tables
// (organisations, teams, their areas and members, people's organisations,
// translations, the field history of every module's records), the network
// page and the network API. Listed right after accounts: every module that
// names an organisation or a team comes after it.
#pragma once
#include "app/module.hpp"

namespace samen::core {

const app::Module& module();

}  // namespace samen::core
