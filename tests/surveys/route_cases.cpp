// The surveys module's part of the app-wide route × role table
// (tests/app/route_access_test.cpp): managing surveys (admins, coordinators,
// facilitators), the individual responses' export (admins, coordinators), results per survey (managers; parent representatives a
// published parents' survey; a partner a partners' survey their organisation
// was invited to), the respondents' page (anyone with the link) and
// /api/v1/surveys. Callers come one after the other (admin before
// coordinator): where the first one's change leaves its mark (a survey
// published or closed, a question deleted, an address invited, an
// invitation's answers submitted) the table says so.
#include "support/route_access.hpp"

#include "accounts/secrets.hpp"
#include "store/database.hpp"

namespace samen::testing {
namespace {

constexpr const char* kDraft = "rc-surveys-draft";
constexpr const char* kApiDraft = "rc-surveys-api";
constexpr const char* kPublish = "rc-surveys-publish";
constexpr const char* kMove = "rc-surveys-move";
constexpr const char* kClose = "rc-surveys-close";
constexpr const char* kOpen = "rc-surveys-open";
constexpr const char* kPartners = "rc-surveys-partners";
constexpr const char* kPublicToken = "rc-surveys-public-token";
constexpr const char* kInviteToken = "rc-surveys-invite-token";

constexpr const char* kDefinition =
    R"({"languages":["nl"],"title":{"nl":"Routebevraging"},"questions":[)"
    R"({"id":"q1","type":"single","required":true,"text":{"nl":"Gebruikt u de opvang?"},)"
    R"("options":[{"code":"yes","label":{"nl":"Ja"}},{"code":"no","label":{"nl":"Nee"}}]},)"
    R"({"id":"q2","type":"text","text":{"nl":"Opmerking"},"max_length":100}]})";

void add_survey(store::Connection& c, const char* id, const char* audience, const char* status,
                const std::optional<std::string>& public_token = std::nullopt) {
  c.exec("INSERT INTO surveys (id, version, created_at, updated_at, audience, status, title, definition, public_token, "
         "opened_at) VALUES (?, 1, 1, 1, ?, ?, 'Routebevraging', ?, ?, ?)",
         {id, audience, status, kDefinition, store::opt(public_token),
          std::string(status) == "draft" ? store::Param(nullptr) : store::Param(std::int64_t{1})});
}

std::vector<RouteCase> surveys_cases(RouteWorld& w) {
  {
    auto lease = w.app.db().acquire();
    auto& c = *lease;
    for (const char* id : {kDraft, kApiDraft, kPublish, kMove}) add_survey(c, id, "parents", "draft");
    add_survey(c, kClose, "parents", "open");
    add_survey(c, kOpen, "parents", "open", std::string(kPublicToken));
    add_survey(c, kPartners, "partners", "open");
    c.exec("INSERT INTO survey_invitations (id, survey_id, email, name, lang, organization_id, token_digest, invited_at) "
           "VALUES ('rc-surveys-invitation', ?, 'onthaal@example.org', 'Onthaal', 'nl', ?, ?, 1)",
           {kPartners, w.org_a, accounts::token_digest(kInviteToken)});
  }
  //                          anonymous admin coord facil partner parent_rep
  const RoleExpect signed_in{303, 200, 200, 200, 200, 200};
  const RoleExpect managers{303, 200, 200, 200, 403, 403};
  const RoleExpect managers_done{303, 303, 303, 303, 403, 403};
  const RoleExpect managers_first{303, 303, 409, 409, 403, 403};
  const std::string draft = std::string("/surveys/") + kDraft;
  const std::string question = "qid=q1&type=single&required=1&text_nl=Gebruikt+u+de+opvang%3F&options=yes%3A+Ja%0Ano%3A+Nee";
  const std::string api_definition = std::string(R"({"audience":"parents","definition":)") + kDefinition + "}";
  return {
      {"GET", "/surveys", "", signed_in},
      {"GET", "/surveys/new", "", managers},
      {"POST", "/surveys/new", "audience=parents&languages=nl&title_nl=Nieuwe+bevraging", managers_done},
      {"GET", draft, "", managers},
      {"POST", draft, "audience=parents&languages=nl&title_nl=Routebevraging+bis", managers_done},
      {"POST", draft + "/questions", "qid=q3&type=number&text_nl=Hoeveel+kinderen%3F&min=0&max=12",
       {303, 303, 422, 422, 403, 403}},  // the second one's q3 is a duplicate
      {"POST", draft + "/questions/q1", question, managers_done},
      {"POST", draft + "/questions/q2/delete", "", {303, 303, 404, 404, 403, 403}},
      {"GET", draft + "/preview", "", managers},
      {"POST", std::string("/surveys/") + kMove + "/questions/q2/move", "direction=up",
       {303, 303, 422, 422, 403, 403}},  // then q2 is first: the second one's move is refused
      {"POST", std::string("/surveys/") + kPublish + "/publish", "public_link=1", managers_first},
      {"POST", std::string("/surveys/") + kClose + "/close", "", managers_first},
      {"POST", std::string("/surveys/") + kOpen + "/public-link", "", managers_done},
      {"POST", std::string("/surveys/") + kOpen + "/invitations", "email=ouderraad%40example.org&lang=fr",
       managers_first},
      {"POST", std::string("/surveys/") + kPartners + "/reminders", "", managers_done},
      {"GET", std::string("/surveys/") + kOpen + "/results", "", {303, 200, 200, 200, 403, 200}},
      {"GET", std::string("/surveys/") + kOpen + "/results?format=csv", "", {303, 200, 200, 200, 403, 200}},
      {"GET", std::string("/surveys/") + kOpen + "/results/texts/q2", "", {303, 200, 200, 200, 403, 200}},
      {"GET", std::string("/surveys/") + kOpen + "/responses?format=csv", "", {303, 200, 200, 403, 403, 403}},
      {"GET", std::string("/surveys/") + kPartners + "/results", "", {303, 200, 200, 200, 200, 403}},
      {"GET", std::string("/surveys/") + kDraft + "/results", "", {303, 200, 200, 200, 403, 403}},
      {"GET", std::string("/s/") + kPublicToken, "", kPublicPage},
      {"GET", "/s/no-such-token", "", {404, 404, 404, 404, 404, 404}},
      {"POST", std::string("/s/") + kPublicToken, "q=q1&a_q1=yes&action=save", kPublicPage},
      {"POST", std::string("/s/") + kInviteToken, "q=q1&a_q1=no&action=submit", {200, 409, 409, 409, 409, 409}},
      {"GET", "/api/v1/surveys", "", {401, 200, 200, 200, 200, 200}},
      {"POST", "/api/v1/surveys", api_definition, {401, 201, 201, 201, 403, 403}},
      {"GET", std::string("/api/v1/surveys/") + kDraft, "", {401, 200, 200, 200, 403, 403}},
      {"PUT", std::string("/api/v1/surveys/") + kApiDraft, api_definition, {401, 200, 200, 200, 403, 403}},
      {"GET", std::string("/api/v1/surveys/") + kOpen + "/responses", "", {401, 200, 200, 200, 403, 403}},
      {"POST", std::string("/api/v1/surveys/") + kOpen + "/responses",
       std::string(R"({"token":")") + kPublicToken + R"(","answers":{"q1":"yes"},"submit":true})",
       {201, 201, 201, 201, 201, 201}},
      {"GET", std::string("/api/v1/surveys/") + kOpen + "/results", "", {401, 200, 200, 200, 403, 200}},
  };
}

const bool registered = register_route_cases(&surveys_cases);

}  // namespace
}  // namespace samen::testing
