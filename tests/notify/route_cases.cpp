// The notify module's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): the admin outbox page and its retry and
// cancel forms, on messages made for the purpose.
#include "notify/outbox.hpp"
#include "support/route_access.hpp"

namespace samen::testing {
namespace {

std::vector<RouteCase> notify_cases(RouteWorld& w) {
  auto lease = w.app.db().acquire();
  auto now = app::unix_now();
  auto waiting = notify::enqueue(*lease, {"waiting@example.org", "Hello", "x", std::nullopt, "nl"}, now);
  auto dead = notify::enqueue(*lease, {"dead@example.org", "Hello", "x", std::nullopt, "nl"}, now);
  notify::cancel_entry(*lease, dead, now);
  //                      anonymous admin coord facil partner parent_rep
  const RoleExpect admin_page{303, 200, 403, 403, 403, 403};
  const RoleExpect admin_write{303, 303, 403, 403, 403, 403};
  return {
      {"GET", "/admin/outbox", "", admin_page},
      {"GET", "/admin/outbox?status=dead&page=1", "", admin_page},
      {"GET", "/admin/outbox?status=queued&format=xlsx", "", admin_page},
      {"POST", "/admin/outbox/" + std::to_string(waiting) + "/cancel", "", admin_write},
      {"POST", "/admin/outbox/" + std::to_string(dead) + "/retry", "", admin_write},
  };
}

const bool registered = register_route_cases(&notify_cases);

}  // namespace
}  // namespace samen::testing
