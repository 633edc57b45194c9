// The modules that make up Samen, in dependency order: their migrations run,
// their start-up work happens and their routes are listed in this order.
// Adding a module is creating its folder src/<module>/ and adding its line
// here (see ARCHITECTURE.md, "How to add a module").
#include "accounts/module.hpp"
#include "app/module.hpp"
#include "core/module.hpp"
#include "directory/module.hpp"
#include "documents/module.hpp"
#include "journal/module.hpp"
#include "jobs/module.hpp"
#include "monitoring/module.hpp"
#include "notify/module.hpp"
#include "parents/module.hpp"
#include "plan/module.hpp"
#include "surveys/module.hpp"
#include "toolbox/module.hpp"
#include "transitions/module.hpp"

namespace samen::app {

std::span<const Module* const> modules() {
  static const Module* const list[] = {
      &jobs::module(),       // the schedule of every module's periodic jobs (job_runs)
      &accounts::module(),   // users, roles, sessions, tokens, invitations, audit log
      &core::module(),       // the network: organisations, teams, people's organisations; record history
      &documents::module(),  // feed tokens and attachments for every module (a layer with tables)
      &directory::module(),  // the service map (Open Referral HSDS)
      &journal::module(),    // the journal of the cooperation: activities, notes, follow-ups
      &notify::module(),     // e-mail: the outbox, its delivery job and admin page
      &surveys::module(),    // surveys for parents or partners: invitations, public links, results
      &monitoring::module(), // partnership monitoring: network metrics (igraph), survey waves
      &toolbox::module(),    // the toolbox: methods, versions, review, use in the journal, packages
      &plan::module(),       // the shared vision and the multi-year plan: objectives, actions, indicators
      &parents::module(),    // parents' voice: parent groups, concerns, "you said, we did", suggestions
      &transitions::module(),// warm transitions: settings, sealed handovers with consents, retention
  };
  return list;
}

}  // namespace samen::app
