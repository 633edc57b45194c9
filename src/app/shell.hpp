// The routes of the application shell itself (not of a module): health,
// metrics and the OpenAPI document (system.cpp), the home page (home.cpp).
// Modules are listed in src/modules.cpp.
#pragma once
#include "app/routes.hpp"

namespace samen::app {

void register_system(Routes& r);  // health, metrics, OpenAPI (src/app/system.cpp)
void register_home(Routes& r);    // home page per role (src/app/home.cpp)

}  // namespace samen::app
