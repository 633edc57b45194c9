// The network as every module sees it: partner organisations, the
// Brussels-wide partnership and the local teams (kind, area, member
// organisations), and the people who work for the organisations. Modules
// read it to offer "which team / which organisation" choices, to show names
// in the user's language and to apply the "own organisation" rules
// (permissions.hpp). Editing organisations and teams happens on the service
// map's staff pages, whose records these are too.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"
#include "store/database.hpp"

namespace samen::core {

// A name in the three languages (nl in the record's own column, fr and en in
// `translations`); `in()` falls back to nl.
struct Names {
  std::string nl, fr, en;
  const std::string& in(i18n::Lang lang) const;
};

struct NetworkOrganization {
  std::string id;
  Names name;
  bool archived = false;
  std::vector<std::string> team_ids;  // teams it is a member of
};

struct TeamArea {
  std::string municipality;   // NIS code
  std::string neighbourhood;  // "" = the whole municipality
};

inline constexpr std::string_view kTeamKinds[] = {"partnership", "local_team", "cluster"};

struct NetworkTeam {
  std::string id, kind, parent_id;
  Names name;
  bool archived = false;
  std::vector<TeamArea> areas;
  std::vector<std::string> member_ids;  // organisation ids
};

struct Network {
  std::vector<NetworkOrganization> organizations;  // by Dutch name
  std::vector<NetworkTeam> teams;                  // partnership first, then by Dutch name
  const NetworkOrganization* organization(std::string_view id) const;
  const NetworkTeam* team(std::string_view id) const;
};

// The network; archived organisations and teams only when asked.
Network load_network(store::Connection& c, bool include_archived = false);

// A person who works in the network: a user account, with its organisations.
struct Person {
  std::int64_t id = 0;
  std::string name, email, role;
  std::vector<std::string> organization_ids;
};
// Active (not disabled) users, by name.
std::vector<Person> network_people(store::Connection& c);

// The teams an organisation belongs to, and the organisations of a team:
// what "my team" means for a partner.
std::vector<std::string> teams_of_organizations(const Network& n, const std::vector<std::string>& organization_ids);

}  // namespace samen::core
