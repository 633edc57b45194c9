// The network's "own organisation" rules (core/permissions.hpp) for every role.
#include <gtest/gtest.h>

#include "core/permissions.hpp"

namespace samen::core {
namespace {

accounts::User user(accounts::Role role, std::vector<std::string> organizations = {}) {
  accounts::User u;
  u.role = role;
  u.organizations = std::move(organizations);
  return u;
}

TEST(CorePermissions, PartnersActForTheirOwnOrganisationsOnly) {
  auto partner = user(accounts::Role::partner, {"A", "C"});
  EXPECT_TRUE(works_for(partner, "A"));
  EXPECT_TRUE(acts_for(partner, "C"));
  EXPECT_FALSE(acts_for(partner, "B"));
  EXPECT_FALSE(acts_for(partner, ""));
  EXPECT_FALSE(acts_for_whole_network(partner));
  EXPECT_EQ(own_organizations(partner), (std::vector<std::string>{"A", "C"}));
}

TEST(CorePermissions, CoordinatorsAndAdminsActForTheWholeNetwork) {
  for (auto role : {accounts::Role::admin, accounts::Role::coordinator}) {
    auto boss = user(role);
    EXPECT_TRUE(acts_for_whole_network(boss));
    EXPECT_TRUE(acts_for(boss, "B"));
    EXPECT_FALSE(works_for(boss, "B"));  // acting for the network is not working for an organisation
    EXPECT_FALSE(own_organizations(boss).has_value());
    EXPECT_TRUE(network_editors().allows(role));
    EXPECT_TRUE(partner_editors().allows(role));
  }
}

TEST(CorePermissions, ReadersNeverActEvenWithAnOrganisation) {
  for (auto role : {accounts::Role::facilitator, accounts::Role::parent_rep}) {
    auto reader = user(role, {"A"});
    EXPECT_FALSE(works_for(reader, "A"));
    EXPECT_FALSE(acts_for(reader, "A"));
    EXPECT_TRUE(network_readers().allows(role));
    EXPECT_FALSE(partner_editors().allows(role));
    EXPECT_FALSE(network_editors().allows(role));
  }
  EXPECT_TRUE(partner_editors().allows(accounts::Role::partner));
  EXPECT_FALSE(network_editors().allows(accounts::Role::partner));
  EXPECT_FALSE(network_readers().allows(std::nullopt));
}

}  // namespace
}  // namespace samen::core
