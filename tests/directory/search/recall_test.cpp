// Search recall on the demo directory (320 services) with the query set of
// recall_queries.tsv (over 100 nl/fr queries: singular/plural, accents,
// compounds, typos), on both engines; and the query set's parsing.
#include "support/paths.hpp"
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>

#include "directory/demo/demo_directory.hpp"
#include "directory/search/search_recall.hpp"
#include "support/test_db.hpp"

namespace samen::directory {
namespace {

const std::filesystem::path kQueries =
    std::filesystem::path(samen::testing::source_dir()) / "tests" / "directory" / "search" / "recall_queries.tsv";

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(RecallQueries, ParseTheSetAndRefuseMalformedLines) {
  auto queries = parse_recall_queries(read_all(kQueries));
  EXPECT_GE(queries.size(), 100u);
  std::size_t nl = 0, fr = 0;
  for (const auto& q : queries) (q.lang == i18n::Lang::nl ? nl : fr) += 1;
  EXPECT_GE(nl, 40u);
  EXPECT_GE(fr, 40u);
  auto two = parse_recall_queries("# comment\n\nnl\tcrèche\tchildcare\r\nfr\tludothèque\ttoy-library\n");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].lang, i18n::Lang::fr);
  EXPECT_EQ(two[1].text, "ludothèque");
  EXPECT_THROW(parse_recall_queries("nl\tonly two\n"), std::invalid_argument);
  EXPECT_THROW(parse_recall_queries("xx\tquery\tchildcare\n"), std::invalid_argument);
}

class RecallTest : public testing::DatabaseTest {};

TEST_P(RecallTest, TheQuerySetFindsTheServicesOfItsCategories) {
  DirectoryPlan plan;
  plan.now = 1'700'000'000;
  generate_directory(db(), plan);
  testing::TempDir data;
  auto engine = ServiceSearch::create(db(), data.path());
  auto lease = db().acquire();
  const auto report = measure_recall(*lease, *engine, parse_recall_queries(read_all(kQueries)));
  std::string misses;
  for (const auto& q : report.queries) {
    EXPECT_GT(q.expected, 0) << q.query.text << ": the category has no services";
    if (q.found < q.expected)
      misses += "  " + q.query.text + " (" + q.query.category + "): " + std::to_string(q.found) + "/" +
                std::to_string(q.expected) + "\n";
  }
  std::cout << engine->engine_name() << ": recall " << report.recall() << " (" << report.found << "/"
            << report.expected << "), precision " << report.precision() << "\n"
            << misses;
  // Each query is held to its whole category, so a query naming one kind of
  // service (babyochtend) counts the category's other kinds as misses: the
  // figure is a floor to keep, not a target. 0.663 (2534/3820) on both
  // engines with the Kraaij-Pohlmann stemmer on the first 115 queries
  // (Porter's "dutch": 0.629, 2403/3820, precision 0.594, measured with samen
  // search-recall). The 11 compounds added with the Dutch decompounding step
  // are hard (their parts rarely meet in one demo service) and bring the whole
  // set to 0.607 (2581/4253, precision 0.581) without it, 0.610 (2595/4253,
  // precision 0.580) with it, on both engines; a change that loses recall fails here.
  EXPECT_GE(report.recall(), 0.61) << misses;
  EXPECT_GE(report.precision(), 0.58) << misses;
}

SAMEN_INSTANTIATE_FOR_BACKENDS(RecallTest);

}  // namespace
}  // namespace samen::directory
