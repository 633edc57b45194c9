// The service map module: its parts register their routes and navigation
// here, in the order they appear in the route table.
#include "directory/module.hpp"

#include "app/modules.hpp"

namespace samen::app {

void register_directory(Routes& r) {
  directory::register_finder(r);          // public finder: /services (finder.cpp)
  directory::register_hsds_api(r);        // read-only HSDS 3.0 API: /hsds/ (hsds_api.cpp)
  directory::register_staff(r);           // staff pages: /directory/... (staff.cpp)
  directory::register_api(r);             // JSON API: /api/v1/organizations... (api.cpp)
  directory::register_spreadsheet(r);     // flat spreadsheet import (spreadsheet.cpp)
}

}  // namespace samen::app
