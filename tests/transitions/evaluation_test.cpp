// The after-transition evaluation on both databases: a coordinator starts a
// school year's (three open surveys; again → 409; others 403), a handover
// past its date shows the sender the parent's link (also on the printed
// copy), its own and the receiver's, one answer per link; results are per
// pathway, fewer than 5 answers of an audience give no figures (page and
// API), 5 give the means and a chart. The stored link names the pathway,
// never the handover, and its token is sealed and goes with the handover.
#include <gtest/gtest.h>

#include <regex>

#include "surveys/store.hpp"
#include "transitions/evaluation.hpp"
#include "transitions/fixture.hpp"
#include "transitions/pathways.hpp"
#include "transitions/store.hpp"

namespace samen::transitions {
namespace {

using nlohmann::json;

class EvaluationTest : public TransitionsFixture {
 protected:
  // Answers a link with every Likert question at `point`, and submits.
  void answer(const std::string& token, int point) {
    auto lease = db().acquire();
    auto access = surveys::access_by_token(*lease, token);
    ASSERT_TRUE(access);
    surveys::Answers given;
    for (const auto& q : access->survey.definition.questions)
      if (q.type == surveys::QuestionType::likert) given[q.id].codes = {std::to_string(point)};
    store::run_in_transaction(*lease, [&] {
      surveys::save_answers(*lease, *access, "", given, "nl", app::unix_now());
      surveys::submit(*lease, *access, "", app::unix_now());
    });
  }
  json results(int year) {
    auto r = api("GET", "/api/v1/transitions/evaluations?school_year=" + std::to_string(year), "", kParentRep);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }
};

TEST_P(EvaluationTest, LinksPerHandoverAndResultsPerPathwayFromFiveAnswers) {
  const std::string yesterday = dates::format_iso(dates::from_days_since_epoch(app::unix_now() / 86400 - 1));
  const int year = *school_year_of(yesterday, "09-01");
  std::string id = create_handover(yesterday);
  testing::AppClient coordinator(*app_, "nl"), a(*app_, "nl");
  coordinator.login(kCoordinator, testing::kTestPassword);
  a.login(kPartnerA, testing::kTestPassword);

  // Before the start: no links on the handover's page.
  EXPECT_EQ(a.get("/transitions/handovers/" + id).body.find("/s/"), std::string::npos);
  coordinator.get("/transitions/evaluations");
  EXPECT_EQ(coordinator.post("/transitions/evaluations", "school_year=" + std::to_string(year)).status, 303);
  EXPECT_EQ(coordinator.post("/transitions/evaluations", "school_year=" + std::to_string(year)).status, 409);
  a.get("/transitions/evaluations");
  EXPECT_EQ(a.post("/transitions/evaluations", "school_year=2031").status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM surveys WHERE status = 'open'"), 3);
  EXPECT_EQ(testing::audit_count(db(), "transitions.evaluation.start"), 1);

  // The sender's page: the parent's link, its own and the receiver's; the same parent link on the print.
  std::string page = a.get("/transitions/handovers/" + id).body;
  std::smatch m;
  std::vector<std::string> tokens;
  static const std::regex link(R"(/s/([A-Za-z0-9_-]{20,}))");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), link); it != std::sregex_iterator(); ++it)
    tokens.push_back((*it)[1]);
  ASSERT_EQ(tokens.size(), 3u) << page;
  const std::string parent = tokens[0], receiving = tokens[2];
  EXPECT_NE(a.get("/transitions/handovers/" + id + "/print").body.find("/s/" + parent), std::string::npos);
  EXPECT_EQ(a.get("/transitions/handovers/" + id).body.find("/s/" + parent) != std::string::npos, true)
      << "the same links on the next view";

  // Stored: the pathway, not the handover; the token sealed.
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_invitations WHERE segment = '" +
                  pathway_segment(kServiceA, kServiceB, year) + "'"),
            3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_evaluation_links WHERE token LIKE 's1.%' AND token NOT LIKE '%" +
                  parent + "%'"),
            3);

  // One answer per link; one parent answer gives no figures.
  answer(parent, 4);
  EXPECT_THROW(answer(parent, 2), surveys::SurveyError);
  json r = results(year);
  ASSERT_EQ(r["contents"].size(), 1u) << r.dump();
  EXPECT_TRUE(r["contents"][0]["audiences"]["parent"]["answers"].is_null());
  EXPECT_EQ(r["contents"][0]["audiences"]["parent"]["answers_below"], 5);
  EXPECT_TRUE(r["contents"][0]["audiences"]["parent"]["means"].empty());
  std::string html = coordinator.get("/transitions/evaluations?year=" + std::to_string(year)).body;
  EXPECT_NE(html.find("minder dan 5"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);

  // Four more parents of the pathway (links of other handovers): the means and the chart.
  {
    auto lease = db().acquire();
    auto e = load_evaluation(*lease, year);
    for (int point : {5, 5, 3, 3})
      answer(surveys::invite_link(*lease, e->survey_ids["parent"], "fr", pathway_segment(kServiceA, kServiceB, year),
                                  app::unix_now()),
             point);
  }
  answer(receiving, 5);
  r = results(year);
  EXPECT_EQ(r["contents"][0]["audiences"]["parent"]["answers"], 5);
  EXPECT_DOUBLE_EQ(r["contents"][0]["audiences"]["parent"]["means"]["settled"].get<double>(), 4.0);
  EXPECT_TRUE(r["contents"][0]["audiences"]["receiving"]["answers"].is_null()) << "1 receiving answer: hidden";
  html = coordinator.get("/transitions/evaluations?year=" + std::to_string(year)).body;
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(api("GET", "/api/v1/transitions/evaluations?school_year=1999", "", kParentRep).status, 404);
  EXPECT_EQ(api("GET", "/api/v1/transitions/evaluations?school_year=soon", "", kParentRep).status, 400);

  // The links go with the handover; the answers stay, tied to no one.
  {
    auto lease = db().acquire();
    delete_handover(*lease, id);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions_evaluation_links"), 0);
  EXPECT_EQ(results(year)["contents"][0]["audiences"]["parent"]["answers"], 5);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(EvaluationTest);

}  // namespace
}  // namespace samen::transitions
