// The accounts module: users and roles, sessions, API tokens, invitations,
// login throttling and the audit log, with their pages, API and commands.
#pragma once
#include "app/module.hpp"
#include "app/routes.hpp"

namespace samen::accounts {

const app::Module& module();

}  // namespace samen::accounts

namespace samen::app {
void register_accounts(Routes& r);  // the route table (handlers.cpp)
}
