// Reading the edge list of `samen network-metrics` (src/monitoring/edge_list.hpp):
// what a good file gives, and each kind of bad input reported with its line.
#include "monitoring/edge_list.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace samen::monitoring {
namespace {

EdgeList read(const std::string& text, bool directed = false, std::optional<std::string> weight = std::nullopt) {
  std::istringstream in(text);
  EdgeListOptions o;
  o.directed = directed;
  o.weight_column = std::move(weight);
  return read_edge_list(in, o);
}

// The errors of a bad file as "LINE: message" lines.
std::vector<std::string> errors_of(const std::string& text, bool directed = false,
                                   std::optional<std::string> weight = std::nullopt, std::size_t max = 20) {
  std::istringstream in(text);
  EdgeListOptions o;
  o.directed = directed;
  o.weight_column = std::move(weight);
  o.max_errors = max;
  try {
    read_edge_list(in, o);
  } catch (const EdgeListError& e) {
    std::vector<std::string> out;
    for (const auto& l : e.errors) out.push_back(std::to_string(l.line) + ": " + l.message);
    return out;
  }
  return {};
}

TEST(EdgeList, ReadsNamesInOrderOfFirstAppearance) {
  EdgeList l = read("source,target\r\nKind & Gezin, CPAS Anderlecht\r\n\r\nb,\"Kind & Gezin\"\r\n\"x, y\",b\n", true);
  ASSERT_EQ(l.ids, (std::vector<std::string>{"Kind & Gezin", "CPAS Anderlecht", "b", "x, y"}));
  EXPECT_EQ(l.network.nodes, 4u);
  EXPECT_TRUE(l.network.directed);
  EXPECT_EQ(l.network.ties, (std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {2, 0}, {3, 2}}));
  EXPECT_TRUE(l.network.weights.empty());
}

TEST(EdgeList, ReadsTheWeightColumnNamedByTheOption) {
  EdgeList l = read("target,length,source\nb,2.5,a\nc,1e1,b\n", false, "length");
  EXPECT_EQ(l.ids, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(l.network.weights, (std::vector<double>{2.5, 10.0}));
  EXPECT_FALSE(l.network.directed);
  // A "weight" column without --weight is known, and not used.
  EdgeList unused = read("source,target,weight\na,b,7\n");
  EXPECT_TRUE(unused.network.weights.empty());
}

TEST(EdgeList, ReverseTiesAreTwoTiesOnlyWhenDirected) {
  EXPECT_EQ(read("source,target\na,b\nb,a\n", true).network.ties.size(), 2u);
  EXPECT_EQ(errors_of("source,target\na,b\nb,a\n", false),
            (std::vector<std::string>{"3: the tie b -- a appears twice (first on line 2)"}));
  EXPECT_EQ(errors_of("source,target\na,b\nc,d\na,b\n", true),
            (std::vector<std::string>{"4: the tie a -> b appears twice (first on line 2)"}));
}

TEST(EdgeList, HeaderProblemsAreReportedOnTheHeaderLine) {
  EXPECT_EQ(errors_of(""), (std::vector<std::string>{"1: the file is empty (a header source,target is needed)"}));
  EXPECT_EQ(errors_of("source,target,colour\na,b,red\n"),
            (std::vector<std::string>{
                "1: unknown column 'colour' (the columns are source, target and the --weight column)"}));
  EXPECT_EQ(errors_of("from,to\na,b\n"),
            (std::vector<std::string>{
                "1: unknown column 'from' (the columns are source, target and the --weight column)",
                "1: unknown column 'to' (the columns are source, target and the --weight column)",
                "1: the header has no 'source' column", "1: the header has no 'target' column"}));
  EXPECT_EQ(errors_of("a,b\n"),  // a file without header: its first line is taken as one
            (std::vector<std::string>{
                "1: unknown column 'a' (the columns are source, target and the --weight column)",
                "1: unknown column 'b' (the columns are source, target and the --weight column)",
                "1: the header has no 'source' column", "1: the header has no 'target' column"}));
  EXPECT_EQ(errors_of("source,target,source\n"), (std::vector<std::string>{"1: the column 'source' appears twice"}));
  EXPECT_EQ(errors_of("source,target\na,b\n", false, "w"),
            (std::vector<std::string>{"1: the header has no 'w' column (named by --weight)"}));
  EXPECT_EQ(errors_of("\n\nsource\n"), (std::vector<std::string>{"3: the header has no 'target' column"}));
}

TEST(EdgeList, EveryBadLineIsReportedWithItsNumber) {
  std::string text =
      "source,target,w\n"   // 1
      "a,b,1\n"             // 2
      "a,a,1\n"             // 3 self-tie
      "b,c,-2\n"            // 4 negative
      "c,d,many\n"          // 5 not a number
      "d,e,0\n"             // 6 zero
      "e,f,inf\n"           // 7 not finite
      "f,g\n"               // 8 too few fields
      "g,h,1,2\n"           // 9 too many
      ",h,1\n"              // 10 empty source
      "h,  ,1\n"            // 11 empty target
      "h,i,\n"              // 12 empty weight
      "i,\xff\xfe,1\n"      // 13 not UTF-8
      "i,j,1.5x\n"          // 14 trailing garbage
      "j,k,2\n";            // 15 fine
  EXPECT_EQ(errors_of(text, true, "w"),
            (std::vector<std::string>{
                "3: a tie from 'a' to itself",
                "4: the weight -2 is negative (weights are lengths, above 0)",
                "5: the weight 'many' is not a number",
                "6: the weight is 0 (weights are lengths, above 0)",
                "7: the weight 'inf' is not a finite number",
                "8: expected 3 fields, found 2",
                "9: expected 3 fields, found 4",
                "10: the source is empty",
                "11: the target is empty",
                "12: the weight is empty",
                "13: the target is not valid UTF-8 text",
                "14: the weight '1.5x' is not a number",
            }));
}

TEST(EdgeList, BrokenQuotingStopsReadingAtItsLine) {
  EXPECT_EQ(errors_of("source,target\na,a\nb,c\"d\ne,f\n"),
            (std::vector<std::string>{"2: a tie from 'a' to itself",
                                      "3: a quote inside a field that does not start with a quote"}));
  auto open = errors_of("source,target\na,b\n\"c,d\ne,f\n");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0], "3: a quoted field is not closed (missing \")");
}

TEST(EdgeList, StopsAfterTheMostErrorsAsked) {
  std::string text = "source,target\n";
  for (int i = 0; i < 10; ++i) text += "x,x\n";
  auto errors = errors_of(text, false, std::nullopt, 3);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[2], "4: a tie from 'x' to itself");
}

TEST(EdgeList, HeaderOnlyIsTheEmptyNetwork) {
  EdgeList l = read("source,target\n", true);
  EXPECT_EQ(l.network.nodes, 0u);
  EXPECT_TRUE(l.network.ties.empty());
}

}  // namespace
}  // namespace samen::monitoring
