// The journal's domain rules (journal/activity.hpp) without a database: who
// sees an activity of each visibility, role by role; who may create and
// edit; what makes an activity valid; the date-time forms it is written in.
#include <gtest/gtest.h>

#include "journal/activity.hpp"

namespace samen::journal {
namespace {

using accounts::Role;

Viewer as(Role r, std::vector<std::string> teams = {}, std::int64_t id = 7) { return {r, id, std::move(teams), {}}; }

TEST(JournalVisibility, NetworkActivitiesAreForEverySignedInRole) {
  for (Role r : accounts::kRoles) EXPECT_TRUE(may_see(as(r), "network", "")) << accounts::role_name(r);
}

TEST(JournalVisibility, TeamActivitiesAreForStaffAndTheTeamsOwnMembers) {
  for (Role r : {Role::admin, Role::coordinator, Role::facilitator}) EXPECT_TRUE(may_see(as(r), "team", "jette"));
  EXPECT_TRUE(may_see(as(Role::partner, {"jette"}), "team", "jette"));
  EXPECT_FALSE(may_see(as(Role::partner, {"nieuwland"}), "team", "jette")) << "another team's partner";
  EXPECT_FALSE(may_see(as(Role::partner), "team", "jette")) << "a partner without a team";
  EXPECT_TRUE(may_see(as(Role::parent_rep, {"jette"}), "team", "jette"));
  EXPECT_FALSE(may_see(as(Role::parent_rep), "team", "jette"));
  EXPECT_FALSE(may_see(as(Role::partner, {""}), "team", "")) << "a team activity without a team is nobody's team";
}

TEST(JournalVisibility, FacilitatorsOnlyIsForAdminsCoordinatorsAndFacilitators) {
  EXPECT_TRUE(may_see(as(Role::admin), "facilitators", ""));
  EXPECT_TRUE(may_see(as(Role::coordinator), "facilitators", ""));
  EXPECT_TRUE(may_see(as(Role::facilitator), "facilitators", ""));
  EXPECT_FALSE(may_see(as(Role::partner, {"jette"}), "facilitators", "jette"));
  EXPECT_FALSE(may_see(as(Role::parent_rep, {"jette"}), "facilitators", "jette"));
  EXPECT_FALSE(may_see(as(Role::partner), "something-else", "")) << "an unknown visibility shows nothing";
}

TEST(JournalPermissions, StaffEditAnyActivityPartnersTheirOwnParentRepresentativesNone) {
  Activity mine;
  mine.visibility = "network";
  mine.created_by = 7;
  Activity theirs = mine;
  theirs.created_by = 8;
  for (Role r : {Role::admin, Role::coordinator, Role::facilitator}) {
    EXPECT_TRUE(may_create(r));
    EXPECT_TRUE(may_edit(as(r), theirs));
  }
  EXPECT_TRUE(may_create(Role::partner));
  EXPECT_TRUE(may_edit(as(Role::partner), mine));
  EXPECT_FALSE(may_edit(as(Role::partner), theirs));
  EXPECT_FALSE(may_create(Role::parent_rep));
  EXPECT_FALSE(may_edit(as(Role::parent_rep), mine)) << "parent representatives only read";
  Activity hidden = mine;
  hidden.visibility = "facilitators";
  EXPECT_FALSE(may_edit(as(Role::partner), hidden)) << "not even their own once it is out of their sight";
}

Activity valid() {
  Activity a;
  a.type = "focus_group";
  a.title = "Focusgroep verwachtingen";
  a.starts_at = 1416486600;
  a.duration_minutes = 120;
  return a;
}

FieldErrors check(const Activity& a, const Viewer& v = as(Role::coordinator)) {
  return validate(a, v, {"focus_group", "interview"}, {"jette", "nieuwland"});
}

TEST(JournalValidation, AValidActivityHasNoErrors) { EXPECT_TRUE(check(valid()).empty()); }

TEST(JournalValidation, EachRuleNamesItsFieldWithACatalogKey) {
  auto a = valid();
  a.title = "";
  a.type = "picnic";
  a.duration_minutes = 0;
  a.languages = {"nl", "de"};
  a.online_url = "javascript:alert(1)";
  a.external_participants = -1;
  auto e = check(a);
  EXPECT_EQ(e["title"], "journal.error.title_required");
  EXPECT_EQ(e["type"], "journal.error.type_unknown");
  EXPECT_EQ(e["duration_minutes"], "journal.error.duration");
  EXPECT_EQ(e["languages"], "journal.error.language_unknown");
  EXPECT_EQ(e["online_url"], "journal.error.url");
  EXPECT_EQ(e["external_participants"], "journal.error.count");
  a = valid();
  a.duration_minutes = 1441;
  EXPECT_EQ(check(a)["duration_minutes"], "journal.error.duration");
  a.duration_minutes = 1440;
  EXPECT_TRUE(check(a).empty());
}

TEST(JournalValidation, TeamVisibilityNeedsAKnownTeamAndPartnersStayWithinTheirOwn) {
  auto a = valid();
  a.visibility = "team";
  EXPECT_EQ(check(a)["team_id"], "journal.error.team_required");
  a.team_id = "elsewhere";
  EXPECT_EQ(check(a)["team_id"], "journal.error.team_unknown");
  a.team_id = "jette";
  EXPECT_TRUE(check(a).empty());
  EXPECT_EQ(check(a, as(Role::partner, {"nieuwland"}))["team_id"], "journal.error.team_not_yours");
  EXPECT_TRUE(check(a, as(Role::partner, {"jette"})).empty());
  a.visibility = "facilitators";
  EXPECT_EQ(check(a, as(Role::partner, {"jette"}))["visibility"], "journal.error.visibility_not_allowed");
  EXPECT_TRUE(check(a, as(Role::facilitator)).empty());
  a.visibility = "public";
  EXPECT_EQ(check(a)["visibility"], "journal.error.visibility_unknown");
}

TEST(JournalTimes, LocalDateTimesAreBrusselsWallClockBothSidesOfDaylightSaving) {
  // 20 November 2014 13:30 in Brussels is 12:30 UTC (winter, UTC+1).
  EXPECT_EQ(parse_local_date_time("2014-11-20T13:30"), 1416486600);
  // 12 June 2014 14:00 in Brussels is 12:00 UTC (summer, UTC+2).
  EXPECT_EQ(parse_local_date_time("2014-06-12T14:00"), 1402574400);
  EXPECT_EQ(local_date_time(1402574400), "2014-06-12T14:00");
  EXPECT_EQ(local_date_time(1416486600), "2014-11-20T13:30");
  EXPECT_EQ(parse_local_date_time("2014-02-30T10:00"), std::nullopt) << "no such day";
  EXPECT_EQ(parse_local_date_time("2014-03-30T02:30"), std::nullopt) << "the hour skipped in spring";
  EXPECT_EQ(parse_local_date_time("2014-11-20 13:30"), std::nullopt);
  EXPECT_EQ(parse_local_date_time("2014-11-20T24:00"), std::nullopt);
  EXPECT_EQ(parse_local_date_time(""), std::nullopt);
}

TEST(JournalTimes, Rfc3339WithZoneOrOffset) {
  EXPECT_EQ(parse_rfc3339("2014-06-12T12:00:00Z"), 1402574400);
  EXPECT_EQ(parse_rfc3339("2014-06-12T14:00:00+02:00"), 1402574400);
  EXPECT_EQ(parse_rfc3339("2014-06-12T10:00:00.250-02:00"), 1402574400);
  EXPECT_EQ(parse_rfc3339("2014-06-12T12:00:00"), std::nullopt) << "a time without a zone is ambiguous";
  EXPECT_EQ(parse_rfc3339("2014-06-12"), std::nullopt);
  EXPECT_EQ(parse_rfc3339("2014-06-12T12:00:00+2"), std::nullopt);
}

TEST(JournalTimes, TheEndIsTheStartPlusTheDuration) {
  auto a = valid();
  EXPECT_EQ(a.ends_at(), a.starts_at + 120 * 60);
}

TEST(JournalLists, SplitAndJoin) {
  EXPECT_EQ(split_list("nl,fr,,nl"), (std::vector<std::string>{"nl", "fr"}));
  EXPECT_EQ(join_list({"nl", "fr"}), "nl,fr");
  EXPECT_TRUE(split_list("").empty());
  EXPECT_EQ(parse_bounded("12", 1, 20), 12);
  EXPECT_EQ(parse_bounded("12x", 1, 20), std::nullopt);
  EXPECT_EQ(parse_bounded("0", 1, 20), std::nullopt);
}

}  // namespace
}  // namespace samen::journal
