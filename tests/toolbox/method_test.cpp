// The toolbox's domain rules without a database (method.hpp, render.hpp):
// who may see, edit and move a method through its lifecycle, validation,
// the flat snapshot whose diff is the version comparison, the JSON form
// read back unchanged, and the steps' one-line-per-step text.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "toolbox/method.hpp"
#include "toolbox/render.hpp"

namespace samen::toolbox {
namespace {

using accounts::Role;

Method sample() {
  Method m;
  m.id = "m1";
  m.phase = "acting";
  m.topics = {"transitions"};
  m.created_by = 7;
  m.translations["nl"].name = "Overgangsbezoek";
  m.translations["nl"].steps = {{"Welkom", 10}, {"Rondleiding", 30}};
  m.translations["fr"].name = "Visite de transition";
  return m;
}

TEST(ToolboxMethod, DraftsAreTheProposersAndTheReviewersPublishedOnesEveryones) {
  Method m = sample();
  EXPECT_TRUE(may_see(Role::partner, 7, m));
  EXPECT_FALSE(may_see(Role::partner, 8, m));
  EXPECT_FALSE(may_see(Role::parent_rep, 9, m));
  EXPECT_TRUE(may_see(Role::facilitator, 9, m));
  EXPECT_TRUE(may_edit(Role::partner, 7, m));
  m.status = "published";
  EXPECT_TRUE(may_see(Role::parent_rep, 9, m));
  EXPECT_FALSE(may_edit(Role::partner, 7, m)) << "a published method is adapted, not edited, by its proposer";
  EXPECT_TRUE(may_edit(Role::coordinator, 1, m));
  EXPECT_FALSE(may_edit(Role::parent_rep, 9, m));
}

TEST(ToolboxMethod, TheLifecycleMovesOnlyAlongItsArrows) {
  Method m = sample();
  EXPECT_EQ(next_status(Role::partner, 7, m, "submit"), "in_review");
  EXPECT_EQ(next_status(Role::partner, 8, m, "submit"), std::nullopt);
  EXPECT_EQ(next_status(Role::coordinator, 1, m, "approve"), std::nullopt) << "a draft is submitted first";
  m.status = "in_review";
  EXPECT_EQ(next_status(Role::partner, 7, m, "approve"), std::nullopt);
  EXPECT_EQ(next_status(Role::facilitator, 1, m, "approve"), "published");
  EXPECT_EQ(next_status(Role::coordinator, 1, m, "send_back"), "draft");
  m.status = "published";
  EXPECT_EQ(next_status(Role::admin, 1, m, "archive"), "archived");
  m.status = "archived";
  EXPECT_EQ(next_status(Role::admin, 1, m, "restore"), "published");
  EXPECT_EQ(next_status(Role::admin, 1, m, "delete"), std::nullopt);
}

TEST(ToolboxMethod, ValidationNamesEachWrongField) {
  EXPECT_TRUE(validate(sample()).empty());
  Method m = sample();
  m.phase = "someday";
  m.topics.push_back("cooking");
  m.group_min = 10;
  m.group_max = 4;
  m.duration_minutes = 0;
  m.translations["en"].aim = "An aim without a name";
  m.translations["nl"].steps.push_back({"", 5});
  m.translations["de"].name = "Übergang";
  auto e = validate(m);
  for (const char* field : {"phase", "topics", "group_max", "duration_minutes", "en.name", "nl.steps", "translations"})
    EXPECT_TRUE(e.count(field)) << field;
  Method nameless;
  EXPECT_EQ(validate(nameless).at("name"), "toolbox.error.name_required");
}

TEST(ToolboxMethod, TheSnapshotDiffListsOnlyChangedFieldsAndStepsInOrder) {
  Method a = sample(), b = sample();
  b.translations["nl"].steps[1].minutes = 45;
  b.translations["fr"].aim = "Se familiariser";
  b.group_max = 20;
  auto changes = core::diff(flatten(a), flatten(b));
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].field, "fr.aim");
  EXPECT_EQ(changes[1].field, "group_size");
  EXPECT_EQ(changes[2].field, "nl.step.02");
  EXPECT_EQ(changes[2].previous, "30 min · Rondleiding");
  EXPECT_EQ(changes[2].replacement, "45 min · Rondleiding");
}

TEST(ToolboxMethod, TheJsonFormReadsBackTheSameMethod) {
  Method m = sample();
  m.adapted_from = "m0";
  m.adaptation_reason = "Korter";
  m.translations["nl"].tips = "<b>vet</b>";
  Method back;
  FieldErrors e;
  read_content_json(content_json(m), back, e);
  EXPECT_TRUE(e.empty());
  back.id = m.id;
  back.created_by = m.created_by;
  EXPECT_EQ(flatten(back), flatten(m));
  Method wrong;
  read_content_json(nlohmann::json::parse(R"({"group_size":{"min":"two"},"translations":{"nl":{"steps":"one"}}})"), wrong, e);
  EXPECT_TRUE(e.count("group_min"));
  EXPECT_TRUE(e.count("nl.steps"));
}

TEST(ToolboxMethod, StepsAreOneLineEachWithTheirMinutes) {
  std::vector<Step> steps;
  EXPECT_TRUE(parse_steps("10 | Welkom\r\n\r\n  30|Rondleiding  \nNabespreking", steps));
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0], (Step{"Welkom", 10}));
  EXPECT_EQ(steps[1], (Step{"Rondleiding", 30}));
  EXPECT_EQ(steps[2], (Step{"Nabespreking", 0}));
  EXPECT_EQ(steps_text(steps), "10 | Welkom\n30 | Rondleiding\n0 | Nabespreking\n");
  std::vector<Step> bad;
  EXPECT_FALSE(parse_steps("tien | Welkom", bad));
  EXPECT_FALSE(parse_steps("10 |", bad));
  EXPECT_FALSE(parse_steps("2000 | Te lang", bad));
}

}  // namespace
}  // namespace samen::toolbox
