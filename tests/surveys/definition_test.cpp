// Surveys' rules without I/O (src/surveys/definition.hpp): definitions that
// are refused and why, answers out of range or of the wrong type, skip logic
// dropping hidden answers (also in a chain), required questions, and the
// in-memory aggregation the SQL results are held to.
#include <gtest/gtest.h>

#include "surveys/definition.hpp"

namespace samen::surveys {
namespace {

using nlohmann::json;

json lt(const std::string& s) { return {{"nl", s + " (nl)"}, {"fr", s + " (fr)"}, {"en", s}}; }

json sample() {
  return {{"title", lt("Opening hours")},
          {"questions",
           json::array({{{"id", "uses"}, {"type", "single"}, {"required", true}, {"text", lt("Do you use childcare?")},
                         {"options", {{{"code", "yes"}, {"label", lt("Yes")}}, {{"code", "no"}, {"label", lt("No")}}}}},
                        {{"id", "hours"}, {"type", "likert"}, {"required", true}, {"text", lt("Hours suit me")},
                         {"scale", {lt("1"), lt("2"), lt("3"), lt("4"), lt("5")}},
                         {"show_if", {{"question", "uses"}, {"any_of", {"yes"}}}}},
                        {{"id", "why"}, {"type", "text"}, {"max_length", 10}, {"text", lt("Why?")},
                         {"show_if", {{"question", "hours"}, {"any_of", {"1", "2"}}}}},
                        {{"id", "kids"}, {"type", "number"}, {"min", 0}, {"max", 12}, {"integer", true}, {"text", lt("Children")}},
                        {{"id", "info"}, {"type", "multiple"}, {"text", lt("Information")},
                         {"options", {{{"code", "web"}, {"label", lt("Web")}}, {{"code", "paper"}, {"label", lt("Paper")}}}}}})}};
}

Definition parse(const json& j) {
  Problems p;
  Definition d = definition_from_json(j, p);
  EXPECT_TRUE(p.empty()) << p.front().key;
  return d;
}

bool has(const Problems& p, const std::string& where, const std::string& key) {
  for (const auto& x : p)
    if (x.where == where && x.key == key) return true;
  return false;
}

TEST(SurveyDefinition, ValidSampleRoundTrips) {
  Definition d = parse(sample());
  EXPECT_TRUE(validate(d).empty());
  EXPECT_EQ(to_json(parse(to_json(d))), to_json(d));
  EXPECT_EQ(in_lang(d.title, i18n::Lang::fr), "Opening hours (fr)");
}

TEST(SurveyDefinition, RefusesWhatIsWrongWithClearKeys) {
  json j = sample();
  j["questions"][0]["type"] = "slider";
  Problems p;
  definition_from_json(j, p);
  EXPECT_TRUE(has(p, "questions[0].type", "surveys.error.type_unknown"));

  j = sample();
  j["questions"][1]["show_if"]["question"] = "kids";  // forward
  EXPECT_TRUE(has(validate(parse(j)), "hours.show_if", "surveys.error.show_if_forward"));
  j["questions"][1]["show_if"]["question"] = "nothing";
  EXPECT_TRUE(has(validate(parse(j)), "hours.show_if", "surveys.error.show_if_missing"));
  j["questions"][1]["show_if"]["question"] = "hours";
  EXPECT_TRUE(has(validate(parse(j)), "hours.show_if", "surveys.error.show_if_self"));
  j = sample();
  j["questions"][1]["show_if"]["any_of"] = {"maybe"};
  EXPECT_TRUE(has(validate(parse(j)), "hours.show_if", "surveys.error.show_if_codes"));

  j = sample();
  j["questions"][0]["options"] = json::array();
  EXPECT_TRUE(has(validate(parse(j)), "uses.options", "surveys.error.options_missing"));
  j = sample();
  j["questions"][4]["id"] = "uses";
  EXPECT_TRUE(has(validate(parse(j)), "uses.id", "surveys.error.id_duplicate"));
  j = sample();
  j["questions"][1]["scale"] = {lt("a"), lt("b"), lt("c")};
  EXPECT_TRUE(has(validate(parse(j)), "hours.scale", "surveys.error.scale_points"));
  j = sample();
  j["questions"][3]["min"] = 20;
  EXPECT_TRUE(has(validate(parse(j)), "kids.min", "surveys.error.min_above_max"));
  j = sample();
  j["title"].erase("fr");
  EXPECT_TRUE(has(validate(parse(j)), "title.fr", "surveys.error.text_missing"));
  j = sample();
  j["questions"][4]["options"][1]["code"] = "web";
  EXPECT_TRUE(has(validate(parse(j)), "info.options", "surveys.error.option_duplicate"));
}

TEST(SurveyDefinition, StructureIgnoresWordingOnly) {
  Definition a = parse(sample());
  json j = sample();
  j["questions"][0]["text"]["nl"] = "Gebruikt u kinderopvang?";
  EXPECT_EQ(structure(parse(j)), structure(a));
  j["questions"][0]["options"][0]["code"] = "ja";
  EXPECT_NE(structure(parse(j)), structure(a));
}

TEST(SurveyAnswers, TypeAndRangeChecks) {
  Definition d = parse(sample());
  Problems p;
  Answer a = read_answer(*d.question("kids"), {"3,5"}, p);
  ASSERT_TRUE(p.empty());
  check_answer(*d.question("kids"), a, p);
  EXPECT_TRUE(has(p, "kids", "surveys.error.not_whole"));
  p.clear();
  read_answer(*d.question("kids"), {"three"}, p);
  EXPECT_TRUE(has(p, "kids", "surveys.error.not_a_number"));
  p.clear();
  check_answer(*d.question("kids"), read_answer(*d.question("kids"), {"13"}, p), p);
  EXPECT_TRUE(has(p, "kids", "surveys.error.out_of_range"));
  p.clear();
  check_answer(*d.question("hours"), Answer{{"6"}, {}, {}}, p);
  EXPECT_TRUE(has(p, "hours", "surveys.error.out_of_range"));
  p.clear();
  check_answer(*d.question("uses"), Answer{{"yes", "no"}, {}, {}}, p);
  EXPECT_TRUE(has(p, "uses", "surveys.error.one_value"));
  p.clear();
  check_answer(*d.question("uses"), Answer{{}, 3.0, {}}, p);
  EXPECT_TRUE(has(p, "uses", "surveys.error.wrong_type"));
  p.clear();
  check_answer(*d.question("why"), Answer{{}, {}, std::string("ééééééééééé")}, p);  // 11 characters
  EXPECT_TRUE(has(p, "why", "surveys.error.too_long"));
  p.clear();
  check_answer(*d.question("info"), Answer{{"web", "paper"}, {}, {}}, p);
  EXPECT_TRUE(p.empty());
}

TEST(SurveyAnswers, SkipLogicDropsHiddenAnswersInAChain) {
  Definition d = parse(sample());
  Answers given{{"uses", {{"yes"}, {}, {}}}, {"hours", {{"2"}, {}, {}}}, {"why", {{}, {}, std::string("too late")}}};
  EXPECT_EQ(visible_answers(d, given).size(), 3u);
  given["uses"].codes = {"no"};  // hides hours, and so why
  Answers v = visible_answers(d, given);
  EXPECT_EQ(v.size(), 1u);
  EXPECT_TRUE(v.count("uses"));
  EXPECT_TRUE(missing_required(d, v).empty());
  given["uses"].codes = {"yes"};
  given.erase("hours");
  EXPECT_EQ(missing_required(d, given), std::vector<std::string>{"hours"});
  EXPECT_EQ(missing_required(d, {}), std::vector<std::string>{"uses"});
}

TEST(SurveyResults, AggregatesCountsMeansAndTexts) {
  Definition d = parse(sample());
  std::vector<Answers> all{{{"uses", {{"yes"}, {}, {}}}, {"hours", {{"2"}, {}, {}}}, {"kids", {{}, 2.0, {}}}},
                           {{"uses", {{"yes"}, {}, {}}}, {"hours", {{"5"}, {}, {}}}, {"info", {{"web", "paper"}, {}, {}}}},
                           {{"uses", {{"no"}, {}, {}}}, {"kids", {{}, 4.0, {}}}, {"why", {{}, {}, std::string("x")}}}};
  Results r = aggregate(d, all);
  EXPECT_EQ(r.responses, 3);
  EXPECT_EQ(r.questions["uses"].counts["yes"], 2);
  EXPECT_EQ(r.questions["hours"].counts["3"], 0);
  EXPECT_DOUBLE_EQ(*r.questions["hours"].mean, 3.5);
  EXPECT_DOUBLE_EQ(*r.questions["kids"].mean, 3.0);
  EXPECT_EQ(r.questions["info"].answered, 1);
  EXPECT_EQ(r.questions["info"].counts["paper"], 1);
  EXPECT_EQ(r.questions["why"].texts, std::vector<std::string>{"x"});
}

}  // namespace
}  // namespace samen::surveys
