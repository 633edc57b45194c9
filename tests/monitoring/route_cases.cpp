// The monitoring module's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): the survey waves' API, for admins and
// coordinators only; the respondents' survey pages, for anyone with the link. The records: a wave about organisations A and B, and a
// second wave to close. Callers come one after the other (admin before
// coordinator), so where the first one's change leaves its mark the table
// says so: the coordinator finds organisation A invited already (one
// respondent per organisation) and the wave closed already.
#include "support/route_access.hpp"

#include "accounts/secrets.hpp"
#include "store/database.hpp"

namespace samen::testing {
namespace {

constexpr const char* kWave = "rc-monitoring-wave";
constexpr const char* kClosing = "rc-monitoring-closing";
constexpr const char* kSurvey = "rc-monitoring-survey";
constexpr const char* kPageClosing = "rc-monitoring-page-closing";
// Respondents' links: A's answers stay drafts (every caller saves), B's are submitted by the first caller.
constexpr const char* kTokenA = "rc-survey-token-organisation-a-0123456789";
constexpr const char* kTokenB = "rc-survey-token-organisation-b-0123456789";

void add_invitation(store::Connection& c, const std::string& org, const char* token) {
  c.exec("INSERT INTO monitoring_invitations (id, wave_id, organization_id, email, lang, token_digest, invited_at) "
         "VALUES (?, ?, ?, 'respondent@example.org', 'nl', ?, 1)",
         {std::string(token) + "-inv", std::string(kSurvey), org, accounts::token_digest(token)});
}

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
    add_wave(*lease, kSurvey, w);
    add_wave(*lease, kPageClosing, w);
    add_invitation(*lease, w.org_a, kTokenA);
    add_invitation(*lease, w.org_b, kTokenB);
  }
  const std::string survey_a = std::string("/survey/") + kTokenA, survey_b = std::string("/survey/") + kTokenB;
  const std::string wave = std::string("/api/v1/network/waves/") + kWave;
  //                          anonymous admin coord facil partner parent_rep
  const RoleExpect coordination{401, 200, 200, 403, 403, 403};
  const RoleExpect created{401, 201, 201, 403, 403, 403};
  const RoleExpect first_only_created{401, 201, 409, 403, 403, 403};
  const RoleExpect first_only{401, 200, 409, 403, 403, 403};
  // The survey: anyone with the link (no account); submitting once only.
  const RoleExpect saved{303, 303, 303, 303, 303, 303};
  const RoleExpect submitted_first{303, 409, 409, 409, 409, 409};
  const RoleExpect unknown{404, 404, 404, 404, 404, 404};
  // The coordinator's pages (anonymous callers are sent to the login page).
  const RoleExpect page{303, 200, 200, 403, 403, 403};
  const RoleExpect done{303, 303, 303, 403, 403, 403};
  const RoleExpect page_first_only{303, 303, 409, 403, 403, 403};
  const std::string wave_page = std::string("/monitoring/waves/") + kWave;
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
      {"GET", wave + "/comparison?with=" + kClosing, "", coordination},
      {"GET", wave + "/comparison", "", RoleExpect{401, 400, 400, 403, 403, 403}},
      {"GET", wave + "/diagram?ties=confirmed&language=nl", "", coordination},
      {"GET", wave + "/graphml", "", coordination},
      {"POST", std::string("/api/v1/network/waves/") + kClosing + "/close", "", first_only},
      // The coordinator's pages.
      {"GET", "/monitoring", "", page},
      {"GET", "/monitoring/waves/new", "", page},
      {"POST", "/monitoring/waves/new", "name=Route+page+wave&organizations=" + w.org_a + "&organizations=" + w.org_b,
       done},
      {"GET", wave_page, "", page},
      {"GET", wave_page + "?show=not_answered", "", page},
      {"POST", wave_page + "/invitations",
       "organization_id=" + w.org_b + "&email=respondent-b%40example.org&name=&lang=nl", page_first_only},
      {"POST", wave_page + "/reminders", "", done},
      {"POST", std::string("/monitoring/waves/") + kPageClosing + "/close", "", page_first_only},
      {"GET", wave_page + "/metrics", "", page},
      {"GET", wave_page + "/metrics?ties=confirmed&by=sector", "", page},
      {"GET", wave_page + "/comparison?with=" + kClosing, "", page},
      {"GET", wave_page + "/diagram", "", page},
      {"GET", wave_page + "/trends?ties=confirmed", "", page},
      {"GET", wave_page + "/exports/graphml", "", page},
      {"GET", wave_page + "/report?ties=confirmed", "", page},
      {"GET", wave_page + "/exports/organizations?format=xlsx&ties=confirmed", "", page},
      {"GET", wave_page + "/diagram?ties=confirmed&sector=childcare&level=cooperating", "", page},
      {"GET", "/monitoring/organizations", "", page},
      {"POST", "/monitoring/organizations", "organization=" + w.org_a + "&sector=childcare&language=nl", done},
      // The respondents' survey: the link is the key.
      {"GET", survey_a, "", RoleExpect{200, 200, 200, 200, 200, 200}},
      {"GET", survey_a + "?group=other", "", RoleExpect{200, 200, 200, 200, 200, 200}},
      {"GET", "/survey/rc-no-such-token-0123456789", "", unknown},
      {"POST", survey_a + "/ties/" + w.org_b, "frequency=monthly&integration=cooperating", saved},
      {"POST", survey_a + "/factors", "", saved},
      {"POST", survey_b + "/submit", "", submitted_first},
  };
}

const bool registered = register_route_cases(&monitoring_cases);

}  // namespace
}  // namespace samen::testing
