// The transitions module's part of the app-wide route × role table
// (tests/app/route_access_test.cpp). The records: a setting for a service of
// organisation A (the partner's) and one of organisation B, a handover from
// A to B and a consent to withdraw. Only the partner works for the sending
// organisation, so only the partner writes and reads the handover; every
// other role is refused (a receiver would need a consent, and coordinators
// and admins read handovers only through parents' rights requests).
#include "support/route_access.hpp"

#include "app/app.hpp"
#include "store/database.hpp"
#include "transitions/evaluation.hpp"
#include "transitions/handlers.hpp"
#include "transitions/store.hpp"
#include "util/dates.hpp"

namespace samen::testing {
namespace {

constexpr const char* kSettingA = "rc-transitions-setting-a";
constexpr const char* kSettingB = "rc-transitions-setting-b";
constexpr const char* kHandover = "rc-transitions-handover";
constexpr const char* kConsent = "rc-transitions-consent";
constexpr const char* kConsentPage = "rc-transitions-consent-page";
constexpr const char* kPathway = "rc-transitions-pathway";
constexpr const char* kActivity = "rc-transitions-activity";

std::vector<RouteCase> transitions_cases(RouteWorld& w) {
  {
    auto lease = w.app.db().acquire();
    auto& c = *lease;
    c.exec("INSERT INTO services (id, organization_id, name, status, created_at, updated_at) VALUES "
           "(?, ?, 'Kinderopvang Route', 'active', 1, 1), (?, ?, 'Kleuterschool Route', 'active', 1, 1)",
           {kSettingA, w.org_a, kSettingB, w.org_b});
    c.exec("INSERT INTO transitions_settings (id, version, created_at, updated_at, kind) VALUES "
           "(?, 1, 1, 1, 'childcare'), (?, 1, 1, 1, 'pre_school')",
           {kSettingA, kSettingB});
    transitions::Key key = w.app.get<transitions::State>().keyring.current(c);
    transitions::Handover h;
    h.id = kHandover;
    h.sending_setting_id = kSettingA;
    h.receiving_setting_id = kSettingB;
    h.transition_date = "2026-09-01";
    h.delete_after = transitions::retention_end(h.transition_date, 6);
    h.created_at = 1;
    h.contents.child_first_name = "Noah";
    h.contents.child_birth_month = "2023-02";
    transitions::insert_handover(c, key, h);
    transitions::Consent k;
    k.id = kConsent;
    k.handover_id = kHandover;
    k.receiving_setting_id = kSettingB;
    k.valid_until = app::unix_now() + 86400 * 30;
    k.created_at = 1;
    k.details = {"vader", "verbal", {"child"}, 1};
    transitions::insert_consent(c, key, k);
    k.id = kConsentPage;
    transitions::insert_consent(c, key, k);
    c.exec("INSERT INTO transitions_pathways (id, version, created_at, updated_at, sending_setting_id, "
           "receiving_setting_id, school_year, children) VALUES (?, 1, 1, 1, ?, ?, 2025, 4)",
           {kPathway, kSettingA, kSettingB});
    c.exec("INSERT INTO journal_activities (id, version, created_at, updated_at, type, title, starts_at, "
           "duration_minutes, visibility) VALUES (?, 1, 1, 1, 'transition', 'Onthaaldag', 1788500000, 120, 'network')",
           {kActivity});
    c.exec("INSERT INTO transitions_activities (activity_id, kind, school_year, sending_setting_id, "
           "receiving_setting_id, created_at) VALUES (?, 'welcome_day', 2026, ?, ?, 1)",
           {kActivity, kSettingA, kSettingB});
    // The 2026 evaluation runs: the handover's page (its date has passed) shows its links.
    transitions::start_evaluation(c, w.app.catalog(), 2026, std::nullopt, 1);
  }
  const std::string handover = std::string("/api/v1/handovers/") + kHandover;
  const std::string edit = std::string("/transitions/settings/") + kSettingA + "/edit";
  //                                anonymous admin coord facil partner parent_rep
  const RoleExpect sender_created{401, 403, 403, 403, 201, 403};
  const RoleExpect sender_reads{401, 403, 403, 403, 200, 403};
  const RoleExpect sender_withdraws{401, 403, 403, 403, 204, 403};
  const RoleExpect readers_api{401, 200, 200, 200, 200, 200};
  const RoleExpect editors_page{303, 200, 200, 403, 200, 403};
  const RoleExpect editors_post{303, 303, 303, 403, 303, 403};
  const std::string new_handover = std::string(R"({"sending_setting_id": ")") + kSettingA +
                                   R"(", "receiving_setting_id": ")" + kSettingB +
                                   R"(", "child_first_name": "Lina", "child_birth_month": "2023-04"})";
  const RoleExpect readers_page{303, 200, 200, 200, 200, 200};
  const RoleExpect sender_page{303, 403, 403, 403, 200, 403};
  const RoleExpect sender_post{303, 403, 403, 403, 303, 403};
  const RoleExpect coordination_page{303, 200, 200, 403, 403, 403};
  // Another child than the route's handover, so its erasure leaves the other cases their records.
  const std::string rights = std::string("setting_id=") + kSettingA + "&first_name=Mila&birth_month=2022-11";
  const std::string page_handover = std::string("/transitions/handovers/") + kHandover;
  const std::string until = dates::format_iso(dates::from_days_since_epoch(app::unix_now() / 86400 + 100));
  return {
      {"GET", "/transitions", "", readers_page},
      {"GET", "/transitions/rights", "", coordination_page},
      {"GET", "/transitions/evaluations", "", readers_page},
      {"GET", "/transitions/evaluations?year=2026", "", readers_page},
      // The admin goes first and starts 2030: the coordinator then finds it started (409).
      {"POST", "/transitions/evaluations", "school_year=2030", RoleExpect{303, 303, 409, 403, 403, 403}},
      {"GET", "/api/v1/transitions/evaluations?school_year=2026", "", readers_api},
      {"POST", "/transitions/rights", rights, coordination_page},
      {"POST", "/transitions/rights/export", rights + "&format=json", coordination_page},
      {"POST", "/transitions/rights/export", rights + "&format=html", coordination_page},
      {"POST", "/transitions/rights/erase", rights + "&confirm=yes", coordination_page},
      {"GET", "/transitions/handovers/new", "", sender_page},
      {"POST", "/transitions/handovers",
       std::string("sending_setting_id=") + kSettingA + "&receiving_setting_id=" + kSettingB +
           "&child_first_name=Lina&child_birth_month=2023-04&transition_date=2026-09-01&language=fr",
       sender_post},
      {"GET", page_handover, "", sender_page},
      {"GET", page_handover + "/print", "", sender_page},
      {"POST", page_handover + "/consents",
       std::string("receiving_setting_id=") + kSettingB + "&parts=child&parts=what_helps&given_by=vader&method=verbal&valid_until=" + until,
       sender_post},
      {"POST", page_handover + "/consents/" + kConsentPage + "/withdraw", "", sender_post},
      {"POST", "/api/v1/handovers", new_handover, sender_created},
      {"GET", handover, "", sender_reads},
      {"POST", handover + "/consents",
       std::string(R"({"given_by": "moeder", "method": "written", "receiving_setting_id": ")") + kSettingB +
           R"(", "parts": ["child"], "valid_until": ")" +
           dates::format_iso(dates::from_days_since_epoch(app::unix_now() / 86400 + 100)) + R"("})",
       sender_created},
      {"DELETE", handover + "/consents/" + kConsent, "", sender_withdraws},
      {"GET", "/api/v1/transitions/settings", "", readers_api},
      // Pathways: every role reads; staff of either setting (the partner works for A) and coordination enter counts.
      {"GET", "/transitions/pathways", "", readers_page},
      {"GET", "/transitions/pathways?year=2025&team=none&municipality=21015", "", readers_page},
      // A form that read no count (no version): the admin enters it, the coordinator and the partner,
      // admitted, then find it entered meanwhile (409, their input kept).
      {"POST", "/transitions/pathways",
       std::string("sending_setting_id=") + kSettingA + "&receiving_setting_id=" + kSettingB +
           "&school_year=2026-2027&children=12",
       RoleExpect{303, 303, 409, 403, 409, 403}},
      {"GET", "/api/v1/transitions/pathways?school_year=2025", "", readers_api},
      // The same body from each role in turn: the admin's creates it, the others' find it there (409, after
      // their right was checked).
      {"POST", "/api/v1/transitions/pathways",
       std::string(R"({"sending_setting_id": ")") + kSettingA + R"(", "receiving_setting_id": ")" + kSettingB +
           R"(", "school_year": 2024, "children": 9})",
       RoleExpect{401, 201, 409, 403, 409, 403}},
      {"PUT", std::string("/api/v1/transitions/pathways/") + kPathway, R"({"children": 6})",
       RoleExpect{401, 200, 200, 403, 200, 403}},
      // Transition activities: journal activities, read as the journal allows, created by who creates those.
      {"GET", "/transitions/activities", "", readers_page},
      {"GET", "/transitions/activities?year=2026-2027", "", readers_page},
      {"GET", std::string("/journal/") + kActivity, "", readers_page},  // its record panel
      {"POST", "/transitions/activities",
       std::string("kind=parent_session&title=Infoavond+kleuterschool&starts_at=2026-09-10T18%3A00&duration_minutes=90"
                   "&school_year=2026&visibility=network&team_id=&sending_setting_id=") +
           kSettingA + "&receiving_setting_id=" + kSettingB,
       RoleExpect{303, 303, 303, 303, 303, 403}},
      {"GET", "/api/v1/transitions/activities?school_year=2026", "", readers_api},
      {"GET", "/api/v1/transitions/activities.ics", "", readers_api},
      {"POST", "/api/v1/transitions/activities",
       R"({"kind": "child_visit", "school_year": 2026, "title": "Wenbezoek", "starts_at": "2026-06-12T08:00:00Z", )"
       R"("duration_minutes": 60})",
       RoleExpect{401, 201, 201, 201, 201, 403}},
      {"GET", edit, "", editors_page},
      {"POST", edit, "kind=childcare&capacity=24&age_min_months=3&age_max_months=36&languages=nl%2C+fr&year_start=09-01&year_end=06-30",
       editors_post},
  };
}

const bool registered = register_route_cases(&transitions_cases);

}  // namespace
}  // namespace samen::testing
