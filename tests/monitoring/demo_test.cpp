// The monitoring's demo content on both databases: every demo organisation
// gets a sector and a language community, two waves of the Brussels-wide
// partnership are made (2025 closed, 2026 open with four respondents still to
// answer), the 2026 network is larger and denser than the 2025 one, and
// loading twice changes nothing.
#include <gtest/gtest.h>

#include "demo/demo.hpp"
#include "monitoring/analysis.hpp"
#include "monitoring/demo.hpp"
#include "monitoring/profiles.hpp"
#include "support/test_db.hpp"

namespace samen::monitoring {
namespace {

class MonitoringDemoTest : public testing::DatabaseTest {};

TEST_P(MonitoringDemoTest, TwoWavesShowAGrowingNetwork) {
  demo::load_network(db(), 1000);
  EXPECT_EQ(load_demo_monitoring(db(), 1000), 2);
  EXPECT_EQ(load_demo_monitoring(db(), 1000), 0);  // idempotent
  auto lease = db().acquire();
  auto& c = *lease;
  EXPECT_EQ(load_profiles(c).size(), 26u);
  auto waves = list_waves(c);  // newest first
  ASSERT_EQ(waves.size(), 2u);
  EXPECT_EQ(waves[0].name, "Brussel 2026");
  EXPECT_FALSE(waves[0].closed_at);
  EXPECT_TRUE(waves[1].closed_at);
  EXPECT_EQ(not_answered(c, waves[0].id).size(), 4u);
  EXPECT_EQ(not_answered(c, waves[1].id).size(), 0u);

  auto before = wave_metrics(c, waves[1].id, false), after = wave_metrics(c, waves[0].id, false);
  EXPECT_EQ(before.metrics.nodes, 26);
  EXPECT_GT(before.metrics.edges, 50);
  EXPECT_GT(after.metrics.density, before.metrics.density);
  EXPECT_GT(after.integration_share.at("collaborating"), before.integration_share.at("collaborating"));
  EXPECT_GT(wave_metrics(c, waves[0].id, true).metrics.edges, wave_metrics(c, waves[1].id, true).metrics.edges);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(MonitoringDemoTest);

}  // namespace
}  // namespace samen::monitoring
