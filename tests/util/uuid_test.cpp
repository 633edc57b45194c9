// UUIDs (util/uuid.hpp): version and variant bits, stable name-based ids.
#include <gtest/gtest.h>

#include "util/uuid.hpp"

namespace samen::uuid {

TEST(Uuid, RandomOnesAreVersion4AndDiffer) {
  std::string a = random(), b = random();
  EXPECT_TRUE(valid(a));
  EXPECT_NE(a, b);
  EXPECT_EQ(a[14], '4');
  EXPECT_NE(std::string("89ab").find(a[19]), std::string::npos);
}

TEST(Uuid, NameBasedOnesAreVersion8AndStable) {
  EXPECT_EQ(name_based("samen-demo:org:Kind en Gezin"), name_based("samen-demo:org:Kind en Gezin"));
  EXPECT_NE(name_based("a"), name_based("b"));
  EXPECT_EQ(name_based("a")[14], '8');
  EXPECT_TRUE(valid(name_based("a")));
}

TEST(Uuid, ValidChecksTheTextForm) {
  EXPECT_TRUE(valid("123e4567-e89b-12d3-a456-426614174000"));
  EXPECT_TRUE(valid("123E4567-E89B-12D3-A456-426614174000"));
  EXPECT_FALSE(valid("123e4567e89b12d3a456426614174000"));
  EXPECT_FALSE(valid("123e4567-e89b-12d3-a456-42661417400g"));
  EXPECT_FALSE(valid("123e4567-e89b-12d3-a456-4266141740001"));
  EXPECT_FALSE(valid(""));
}

}  // namespace samen::uuid
