// Route registration of the service map's parts (see module.cpp).
#pragma once
#include "app/routes.hpp"

namespace samen::directory {

void register_finder(app::Routes& r);
void register_hsds_api(app::Routes& r);
void register_staff(app::Routes& r);
void register_api(app::Routes& r);
void register_spreadsheet(app::Routes& r);

}  // namespace samen::directory
