// Parents' voice's rules without I/O (parents/concern.hpp): the steps
// between statuses, the explanation a "not possible" needs, the checks of a
// concern, a publication, a group and an anonymous suggestion, and the
// language fallback of public texts.
#include <gtest/gtest.h>

#include "parents/concern.hpp"

namespace samen::parents {
namespace {

Concern valid() {
  Concern c;
  c.text = "De openingsuren passen niet bij werkende ouders.";
  c.theme = "opening_hours";
  c.language = "nl";
  c.source = "parent_group";
  c.status = "heard";
  c.raised_on = "2026-02-11";
  return c;
}

const std::vector<std::string> kThemes{"opening_hours", "costs"};
const std::vector<std::string> kTeams{"team-jette"};
const std::vector<std::string> kGroups{"group-1"};

TEST(ParentsRules, StatusesMoveForwardOneStepBackOrToNotPossible) {
  EXPECT_TRUE(may_move("heard", "being_discussed"));
  EXPECT_TRUE(may_move("heard", "done")) << "steps may be skipped";
  EXPECT_TRUE(may_move("action_planned", "being_discussed")) << "one step back to correct";
  EXPECT_FALSE(may_move("action_planned", "heard")) << "not two steps back";
  EXPECT_TRUE(may_move("being_discussed", "not_possible"));
  EXPECT_FALSE(may_move("done", "heard"));
  EXPECT_FALSE(may_move("done", "not_possible"));
  EXPECT_TRUE(may_move("done", "being_discussed")) << "a closed concern is reopened for discussion";
  EXPECT_TRUE(may_move("not_possible", "being_discussed"));
  EXPECT_FALSE(may_move("heard", "archived"));
  auto next = next_statuses("action_planned");
  EXPECT_EQ(next, (std::vector<std::string_view>{"being_discussed", "done", "not_possible"}));
}

TEST(ParentsRules, NotPossibleNeedsAnExplanation) {
  Concern c = valid();
  c.status = "not_possible";
  auto e = validate(c, kThemes, kTeams, kGroups, "heard");
  ASSERT_EQ(e.count("status_note"), 1u);
  EXPECT_EQ(e.at("status_note"), "parents.error.explanation_required");
  c.status_note = "   ";
  EXPECT_EQ(validate(c, kThemes, kTeams, kGroups, "heard").count("status_note"), 1u) << "blank is no explanation";
  c.status_note = "Te weinig personeel om later open te blijven.";
  EXPECT_TRUE(validate(c, kThemes, kTeams, kGroups, "heard").empty());
}

TEST(ParentsRules, AConcernIsCheckedFieldByField) {
  EXPECT_TRUE(validate(valid(), kThemes, kTeams, kGroups, "").empty());
  Concern c = valid();
  c.text = " ";
  c.theme = "unknown";
  c.language = "de";
  c.municipality = "99999";
  c.source = "gossip";
  c.team_id = "team-elsewhere";
  c.group_id = "group-9";
  c.raised_on = "2026-02-30";
  auto e = validate(c, kThemes, kTeams, kGroups, "");
  for (const char* f : {"text", "theme", "language", "municipality", "source", "team_id", "group_id", "raised_on"})
    EXPECT_EQ(e.count(f), 1u) << f;
  Concern step = valid();
  step.status = "heard";
  EXPECT_EQ(validate(step, kThemes, kTeams, kGroups, "done").at("status"), "parents.error.status_step");
  Concern jette = valid();
  jette.municipality = "21010";
  EXPECT_TRUE(validate(jette, kThemes, kTeams, kGroups, "").empty()) << "Jette's NIS code";
  Concern long_text = valid();
  long_text.text = std::string(kMaxText + 1, 'a');
  EXPECT_EQ(validate(long_text, kThemes, kTeams, kGroups, "").at("text"), "parents.error.text_too_long");
}

TEST(ParentsRules, PublishingNeedsAPublicWording) {
  Concern c = valid();
  EXPECT_EQ(validate_publication(c, true).count("public_text_nl"), 1u);
  EXPECT_TRUE(validate_publication(c, false).empty()) << "a draft may be saved without wording";
  c.public_text["fr"] = "Les horaires ne conviennent pas.";
  EXPECT_TRUE(validate_publication(c, true).empty()) << "one language is enough";
  c.response["en"] = std::string(kMaxPublicText + 1, 'x');
  EXPECT_EQ(validate_publication(c, true).count("response_en"), 1u);
}

TEST(ParentsRules, AGroupBelongsToATeamOrASetting) {
  Group g;
  g.name = "Oudergroep Jette";
  auto e = validate_group(g, kTeams, true);
  EXPECT_EQ(e.at("team_id"), "parents.error.group_place_required");
  g.team_id = "team-jette";
  EXPECT_TRUE(validate_group(g, kTeams, true).empty());
  g.team_id.clear();
  g.service_id = "svc-1";
  EXPECT_EQ(validate_group(g, kTeams, false).at("service_id"), "parents.error.service_unknown");
  EXPECT_TRUE(validate_group(g, kTeams, true).empty());
}

TEST(ParentsRules, ASuggestionNeedsAFewWordsInOneOfTheThreeLanguages) {
  Suggestion s{"", "ok", "nl", "", "", 0};
  EXPECT_EQ(validate_suggestion(s, kTeams).count("text"), 1u) << "two letters say nothing";
  s.text = "Meer plaats om binnen te spelen.";
  EXPECT_TRUE(validate_suggestion(s, kTeams).empty());
  s.language = "other";
  EXPECT_EQ(validate_suggestion(s, kTeams).count("language"), 1u);
  s.language = "fr";
  s.team_id = "nope";
  EXPECT_EQ(validate_suggestion(s, kTeams).count("team_id"), 1u);
}

TEST(ParentsRules, PublicTextsFallBackToAnotherLanguage) {
  std::map<std::string, std::string> texts{{"fr", "Texte"}, {"en", "Text"}};
  std::string used;
  EXPECT_EQ(in_language(texts, "en", &used), "Text");
  EXPECT_EQ(used, "en");
  EXPECT_EQ(in_language(texts, "nl", &used), "Texte") << "no Dutch: nl, fr, en in that order";
  EXPECT_EQ(used, "fr");
  EXPECT_EQ(in_language({}, "nl", &used), "");
  EXPECT_EQ(used, "");
}

}  // namespace
}  // namespace samen::parents
