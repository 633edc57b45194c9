// The modules that make up Samen, registered in the order their routes and
// navigation entries appear. A new module adds its register function here.
#pragma once
#include "app/routes.hpp"
#include "notify/module.hpp"

namespace samen::app {

void register_system(Routes& r);    // health, metrics, OpenAPI (src/app/system.cpp)
void register_home(Routes& r);      // home page per role (src/app/home.cpp)
void register_accounts(Routes& r);  // login, profile, admin, API identity (src/accounts/handlers.cpp)
void register_directory(Routes& r); // the service map (src/directory/module.cpp)

inline void register_all(Routes& r) {
  register_system(r);
  register_home(r);
  register_directory(r);
  register_accounts(r);
  notify::module().routes(r);  // until src/modules.cpp lists the modules
}

}  // namespace samen::app
