// The monitoring module's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): the survey waves' API, for admins and
// coordinators only. The records: a wave about organisations A and B, and a
// second wave to close. Callers come one after the other (admin before
// coordinator), so where the first one's change leaves its mark the table
// says so: the coordinator finds organisation A invited already (one
// respondent per organisation) and the wave closed already.
#include "support/route_access.hpp"

#include "store/database.hpp"

namespace samen::testing {
namespace {

constexpr const char* kWave = "rc-monitoring-wave";
constexpr const char* kClosing = "rc-monitoring-closing";

void add_wave(store::Connection& c, const char* id, const RouteWorld& w) {
  c.exec("INSERT INTO monitoring_waves (id, version, created_at, updated_at, name, opened_at) "
         "VALUES (?, 1, 1, 1, 'Bevraging route', 1)",
         {id});
  c.exec("INSERT INTO monitoring_wave_organizations (wave_id, organization_id) VALUES (?, ?), (?, ?)",
         {id, w.org_a, id, w.org_b});
}

std::vector<RouteCase> monitoring_cases(RouteWorld& w) {
  {
    auto lease = w.app.db().acquire();
    add_wave(*lease, kWave, w);
    add_wave(*lease, kClosing, w);
  }
  const std::string wave = std::string("/api/v1/network/waves/") + kWave;
  //                          anonymous admin coord facil partner parent_rep
  const RoleExpect coordination{401, 200, 200, 403, 403, 403};
  const RoleExpect created{401, 201, 201, 403, 403, 403};
  const RoleExpect first_only_created{401, 201, 409, 403, 403, 403};
  const RoleExpect first_only{401, 200, 409, 403, 403, 403};
  return {
      {"GET", "/api/v1/network/waves", "", coordination},
      {"POST", "/api/v1/network/waves", R"({"name": "Route wave", "organization_ids": [")" + w.org_a + R"(", ")" +
                                            w.org_b + R"("]})",
       created},
      {"GET", wave, "", coordination},
      {"GET", wave + "/invitations", "", coordination},
      {"POST", wave + "/invitations",
       R"({"organization_id": ")" + w.org_a + R"(", "email": "respondent@example.org", "lang": "fr"})",
       first_only_created},
      {"POST", wave + "/reminders", "", coordination},
      {"GET", wave + "/responses", "", coordination},
      {"GET", wave + "/metrics", "", coordination},
      {"GET", wave + "/metrics?ties=confirmed", "", coordination},
      {"POST", std::string("/api/v1/network/waves/") + kClosing + "/close", "", first_only},
  };
}

const bool registered = register_route_cases(&monitoring_cases);

}  // namespace
}  // namespace samen::testing
