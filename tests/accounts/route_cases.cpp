// The accounts module's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): sign-in, profile, invitations, the
// admin pages and the identity API. Account changes act on an account made
// for the purpose, so the callers' own accounts stay as they are.
#include "accounts/secrets.hpp"
#include "accounts/sessions.hpp"
#include "accounts/users.hpp"
#include "support/route_access.hpp"

namespace samen::testing {
namespace {

std::vector<RouteCase> accounts_cases(RouteWorld& w) {
  auto lease = w.app.db().acquire();
  const auto victim = accounts::create_user(*lease, {"target@example.org", "Target", accounts::Role::partner, "nl",
                                                      accounts::hash_password("another horse battery"), {w.org_a}},
                                            1000);
  const std::string invitation = accounts::create_invitation(*lease, victim, std::nullopt, app::unix_now());
  // Re-inviting cancels older links: the re-invite case acts on another account than the link above.
  const auto reinvited = accounts::create_user(*lease, {"again@example.org", "Again", accounts::Role::partner, "nl",
                                                         std::nullopt, {w.org_a}},
                                               1000);
  accounts::create_api_token(*lease, w.user_ids.at(accounts::Role::admin), "to revoke", 1000);
  const std::string token_id = lease->exec("SELECT MAX(id) FROM api_tokens").rows.at(0).text(0);
  const std::string user = "/admin/users/" + std::to_string(victim);
  //                      anonymous admin coord facil partner parent_rep
  const RoleExpect admin_page{303, 200, 403, 403, 403, 403};
  const RoleExpect admin_write{303, 303, 403, 403, 403, 403};
  return {
      {"GET", "/login", "", {200, 303, 303, 303, 303, 303}},  // signed in: on to the home page
      {"POST", "/login", "email=nobody%40example.org&password=wrong", {401, 401, 401, 401, 401, 401}},
      {"POST", "/logout", "", {303, 303, 303, 303, 303, 303}},
      {"GET", "/profile", "", {303, 200, 200, 200, 200, 200}},
      {"POST", "/profile", "name=Test+User&lang=nl", {303, 303, 303, 303, 303, 303}},
      // A wrong current password is refused for everyone signed in.
      {"POST", "/profile/password", "current_password=wrong&new_password=x&confirm_password=x",
       {303, 422, 422, 422, 422, 422}},
      {"GET", "/invite/" + invitation, "", kPublicPage},
      {"GET", "/invite/not-a-valid-invitation", "", {404, 404, 404, 404, 404, 404}},
      {"POST", "/invite/not-a-valid-invitation", "new_password=x&confirm_password=x", {404, 404, 404, 404, 404, 404}},
      {"GET", "/admin/users", "", admin_page},
      {"POST", "/admin/users", "email=new%40example.org&name=New&role=partner&lang=fr", {303, 201, 403, 403, 403, 403}},
      {"GET", user, "", admin_page},
      {"POST", user, "role=partner&org=" + w.org_a, admin_write},
      {"POST", "/admin/users/" + std::to_string(reinvited) + "/invitation", "", {303, 201, 403, 403, 403, 403}},
      {"GET", "/admin/tokens", "", admin_page},
      {"GET", "/admin/tokens?format=csv", "", admin_page},
      {"POST", "/admin/tokens", "label=integration", {303, 201, 403, 403, 403, 403}},
      {"POST", "/admin/tokens/" + token_id + "/revoke", "", admin_write},
      {"GET", "/admin/audit", "", admin_page},
      {"GET", "/admin/audit?action=login.failed", "", admin_page},
      {"GET", "/api/v1/me", "", {401, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/users", "", {401, 200, 403, 403, 403, 403}},
  };
}

const bool registered = register_route_cases(&accounts_cases);

}  // namespace
}  // namespace samen::testing
