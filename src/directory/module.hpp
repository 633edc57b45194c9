// The service map module: organisations' services on Open Referral HSDS 3.0,
// the public finder, staff editing, the JSON and HSDS APIs, import/export.
#pragma once
#include "app/module.hpp"
#include "app/routes.hpp"

namespace samen::directory {

class ServiceSearch;

const app::Module& module();

// The search engine the module keeps in the App (made by its start()).
ServiceSearch& search(app::App& app);

// Route registration of the service map's parts (see module.cpp).
void register_finder(app::Routes& r);
void register_hsds_api(app::Routes& r);
void register_staff(app::Routes& r);
void register_link_requests(app::Routes& r);
void register_api(app::Routes& r);
void register_spreadsheet(app::Routes& r);

}  // namespace samen::directory
