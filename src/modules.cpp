// The modules that make up Samen, in dependency order: their migrations run,
// their start-up work happens and their routes are listed in this order.
// Adding a module is creating its folder src/<module>/ and adding its line
// here (see ARCHITECTURE.md, "How to add a module").
#include "accounts/module.hpp"
#include "app/module.hpp"
#include "directory/module.hpp"
#include "documents/module.hpp"

namespace samen::app {

std::span<const Module* const> modules() {
  static const Module* const list[] = {
      &accounts::module(),   // users, roles, sessions, tokens, invitations, audit log
      &documents::module(),  // feed tokens and attachments for every module (a layer with tables)
      &directory::module(),  // the service map (Open Referral HSDS)
  };
  return list;
}

}  // namespace samen::app
