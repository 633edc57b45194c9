// The plan's domain rules without I/O (plan.hpp): who may edit, item
// validation (dropped needs a reason, dates, budgets), the hierarchy's cycle
// check, budgets read from what people type, indicator values of the right
// type, the tree and the roll-up's status counts, and the line comparison
// of two versions of the vision.
#include <gtest/gtest.h>

#include "plan/plan.hpp"

namespace samen::plan {
namespace {

using accounts::Role;

Item action(std::string id, std::string parent, std::string status = "on_track") {
  Item i;
  i.id = std::move(id);
  i.kind = "action";
  i.parent_id = std::move(parent);
  i.title = "Actie " + i.id;
  i.status = std::move(status);
  return i;
}

TEST(PlanRules, PartnersEditTheirTeamsAndOwnOrganisationsItems) {
  Viewer partner{Role::partner, 7, {"team-jette"}, {"org-a"}};
  Item brussels = action("a", "o");
  EXPECT_FALSE(may_edit(partner, brussels));
  brussels.owner_ids = {"org-b", "org-a"};
  EXPECT_TRUE(may_edit(partner, brussels));
  Item jette = action("j", "o");
  jette.team_id = "team-jette";
  EXPECT_TRUE(may_edit(partner, jette));
  jette.team_id = "team-nieuwland";
  EXPECT_FALSE(may_edit(partner, jette));
  EXPECT_TRUE(may_edit(Viewer{Role::facilitator, 1, {}, {}}, jette));
  EXPECT_FALSE(may_edit(Viewer{Role::parent_rep, 2, {"team-nieuwland"}, {}}, jette));
  EXPECT_TRUE(may_edit_vision(Role::coordinator));
  EXPECT_FALSE(may_edit_vision(Role::facilitator));
}

TEST(PlanRules, ValidationNamesTheFieldsAtFault) {
  Item i = action("a", "o");
  EXPECT_TRUE(validate(i).empty());
  i.status = "dropped";
  EXPECT_EQ(validate(i).at("status_reason"), "plan.error.dropped_reason");
  i.status_reason = "Vervangen door een inspiratiedag";
  EXPECT_TRUE(validate(i).empty());
  i.status = "finished";
  EXPECT_EQ(validate(i).at("status"), "plan.error.status");
  i.status = "done";
  i.starts_on = "2026-05-01";
  i.ends_on = "2026-04-30";
  EXPECT_EQ(validate(i).at("ends_on"), "plan.error.end_before_start");
  i.ends_on = "2026-02-30";
  EXPECT_EQ(validate(i).at("ends_on"), "plan.error.date");
  i.ends_on = "";
  i.title = "";
  EXPECT_EQ(validate(i).at("title"), "plan.error.title");
  i.title = "Ok";
  i.contributes_to = {"o"};
  EXPECT_EQ(validate(i).at("contributes_to"), "plan.error.contributes_brussels");
  i.team_id = "team-jette";
  EXPECT_TRUE(validate(i).empty());
}

TEST(PlanRules, ParentsFollowTheHierarchy) {
  Item objective;
  objective.id = "o";
  objective.kind = "objective";
  FieldErrors e;
  Item a = action("a", "");
  check_parent(a, nullptr, e);
  EXPECT_EQ(e.at("parent_id"), "plan.error.parent_required");
  e.clear();
  a.parent_id = "o";
  check_parent(a, &objective, e);
  EXPECT_TRUE(e.empty());
  a.team_id = "team-jette";
  check_parent(a, &objective, e);
  EXPECT_EQ(e.at("parent_id"), "plan.error.parent_team");
  e.clear();
  objective.parent_id = "a";
  check_parent(objective, &a, e);
  EXPECT_EQ(e.at("parent_id"), "plan.error.objective_parent");
}

TEST(PlanRules, ACycleIsRefusedAtAnyDepth) {
  // o <- a <- b <- c
  std::map<std::string, std::string> parent_of{{"o", ""}, {"a", "o"}, {"b", "a"}, {"c", "b"}};
  EXPECT_TRUE(makes_cycle(parent_of, "a", "a"));
  EXPECT_TRUE(makes_cycle(parent_of, "a", "c"));
  EXPECT_TRUE(makes_cycle(parent_of, "b", "c"));
  EXPECT_FALSE(makes_cycle(parent_of, "c", "a"));
  EXPECT_FALSE(makes_cycle(parent_of, "", "c"));  // a new item
  // A cycle already stored (by SQL) is not walked forever, and nothing is built on it.
  parent_of["x"] = "y";
  parent_of["y"] = "x";
  EXPECT_TRUE(makes_cycle(parent_of, "c", "x"));
}

TEST(PlanRules, BudgetsAreReadAsTypedInEachLanguage) {
  EXPECT_EQ(parse_budget("12500"), 1250000);
  EXPECT_EQ(parse_budget("12500,5"), 1250050);
  EXPECT_EQ(parse_budget("12.500,50"), 1250050);
  EXPECT_EQ(parse_budget("12 500,50 €"), 1250050);
  EXPECT_EQ(parse_budget("€ 1,234.56"), 123456);
  EXPECT_EQ(parse_budget("12\xE2\x80\xAF" "500,00\xC2\xA0\xE2\x82\xAC"), 1250000);  // as ICU writes it in fr-BE
  EXPECT_EQ(parse_budget("12.500"), 1250000);  // three digits after the point: thousands
  EXPECT_EQ(parse_budget("0"), 0);
  EXPECT_FALSE(parse_budget(""));
  EXPECT_FALSE(parse_budget("-5"));
  EXPECT_FALSE(parse_budget("12,345,6789"));
  EXPECT_FALSE(parse_budget("1.2.3"));
  EXPECT_FALSE(parse_budget("veel"));
  EXPECT_FALSE(parse_budget("99999999999999"));
  EXPECT_EQ(budget_decimal(1250005), "12500.05");
  EXPECT_EQ(budget_decimal(0), "0.00");
}

TEST(PlanRules, IndicatorValuesMustFitTheirType) {
  EXPECT_EQ(parse_value("integer", "12"), 12.0);
  EXPECT_FALSE(parse_value("integer", "12,5"));
  EXPECT_EQ(parse_value("decimal", "12,5"), 12.5);
  EXPECT_EQ(parse_value("decimal", "-0.25"), -0.25);
  EXPECT_EQ(parse_value("percentage", "100"), 100.0);
  EXPECT_FALSE(parse_value("percentage", "140"));
  EXPECT_FALSE(parse_value("percentage", "-1"));
  EXPECT_FALSE(parse_value("decimal", "veel"));
  EXPECT_FALSE(parse_value("decimal", "1e5"));
  EXPECT_FALSE(parse_value("decimal", "."));
  Indicator ind;
  ind.name = "Gezinnen";
  ind.value_type = "integer";
  ind.target = 10.5;
  EXPECT_EQ(validate(ind).at("target"), "plan.error.value_integer");
  ind.value_type = "boolean";
  EXPECT_EQ(validate(ind).at("value_type"), "plan.error.value_type");
}

TEST(PlanTree, RollsUpStatusesAndFindsTheObjective) {
  Item o;
  o.id = "o";
  o.kind = "objective";
  o.title = "Doel";
  std::vector<Item> items{o, action("a", "o", "done"), action("b", "a", "at_risk"), action("c", "o", "at_risk"),
                          action("orphan", "archived-parent")};
  Tree tree(items);
  auto under = tree.descendants("o");
  ASSERT_EQ(under.size(), 3u);
  EXPECT_EQ(under[0]->id, "a");
  EXPECT_EQ(under[1]->id, "b");  // depth first: a's sub-action before c
  auto counts = count_statuses(under);
  EXPECT_EQ(counts.at("at_risk"), 2);
  EXPECT_EQ(counts.at("done"), 1);
  EXPECT_EQ(counts.at("not_started"), 0);
  EXPECT_EQ(tree.objective_of("b")->id, "o");
  EXPECT_EQ(tree.children("").size(), 2u);  // the objective, and the action whose parent is not listed
  Item late = action("l", "o");
  late.ends_on = "2026-01-31";
  EXPECT_TRUE(overdue(late, "2026-02-01"));
  EXPECT_FALSE(overdue(late, "2026-01-31"));
  late.status = "done";
  EXPECT_FALSE(overdue(late, "2026-02-01"));
}

TEST(PlanVision, LinesAreComparedInOrder) {
  auto d = diff_lines("Titel\nEen\nTwee\n", "Titel\nEen en een half\nTwee\nDrie\n");
  std::string shape;
  for (const auto& l : d) shape += l.kind;
  EXPECT_EQ(shape, " +- +");
  EXPECT_EQ(d[1].text, "Een en een half");
  EXPECT_EQ(d[2].text, "Een");
  EXPECT_TRUE(diff_lines("", "").empty());
}

}  // namespace
}  // namespace samen::plan
