// Loading the network (network.hpp) in a few queries, whatever its size.
#include "core/network.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace samen::core {

const std::string& Names::in(i18n::Lang lang) const {
  const std::string& t = lang == i18n::Lang::fr ? fr : lang == i18n::Lang::en ? en : nl;
  return t.empty() ? nl : t;
}

const NetworkOrganization* Network::organization(std::string_view id) const {
  for (const auto& o : organizations)
    if (o.id == id) return &o;
  return nullptr;
}

const NetworkTeam* Network::team(std::string_view id) const {
  for (const auto& t : teams)
    if (t.id == id) return &t;
  return nullptr;
}

namespace {

// fr and en names of every record of a type: id → Names (nl left empty).
std::map<std::string, Names> translated_names(store::Connection& c, const std::string& type) {
  std::map<std::string, Names> out;
  for (const auto& row : c.exec("SELECT resource_id, lang, value FROM translations WHERE resource_type = ? AND "
                                "field = 'name'",
                                {type})
                             .rows) {
    auto& n = out[row.text(0)];
    (row.text(1) == "fr" ? n.fr : row.text(1) == "en" ? n.en : n.nl) = row.text(2);
  }
  return out;
}

Names names_of(std::map<std::string, Names>& translated, const std::string& id, std::string nl) {
  Names n = translated[id];
  n.nl = std::move(nl);
  return n;
}

int kind_order(const std::string& kind) { return kind == "partnership" ? 0 : kind == "local_team" ? 1 : 2; }

}  // namespace

Network load_network(store::Connection& c, bool include_archived) {
  Network n;
  std::string active = include_archived ? "" : " WHERE archived_at IS NULL";
  auto org_names = translated_names(c, "organization");
  for (const auto& row : c.exec("SELECT id, name, archived_at FROM organizations" + active + " ORDER BY name, id").rows)
    n.organizations.push_back({row.text(0), names_of(org_names, row.text(0), row.text(1)), !row.is_null(2), {}});
  auto team_names = translated_names(c, "team");
  for (const auto& row :
       c.exec("SELECT id, kind, COALESCE(parent_id, ''), name, archived_at FROM teams" + active + " ORDER BY name, id").rows)
    n.teams.push_back({row.text(0), row.text(1), row.text(2), names_of(team_names, row.text(0), row.text(3)),
                       !row.is_null(4), {}, {}});
  std::stable_sort(n.teams.begin(), n.teams.end(),
                   [](const auto& a, const auto& b) { return kind_order(a.kind) < kind_order(b.kind); });
  std::map<std::string, NetworkTeam*> teams;
  for (auto& t : n.teams) teams[t.id] = &t;
  std::map<std::string, NetworkOrganization*> orgs;
  for (auto& o : n.organizations) orgs[o.id] = &o;
  for (const auto& row :
       c.exec("SELECT team_id, municipality, neighbourhood FROM team_areas ORDER BY team_id, municipality, neighbourhood")
           .rows)
    if (auto t = teams.find(row.text(0)); t != teams.end()) t->second->areas.push_back({row.text(1), row.text(2)});
  for (const auto& row : c.exec("SELECT team_id, organization_id FROM team_members ORDER BY team_id, organization_id").rows) {
    auto t = teams.find(row.text(0));
    auto o = orgs.find(row.text(1));
    if (t == teams.end() || o == orgs.end()) continue;
    t->second->member_ids.push_back(row.text(1));
    o->second->team_ids.push_back(row.text(0));
  }
  return n;
}

std::vector<Person> network_people(store::Connection& c) {
  std::vector<Person> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& row : c.exec("SELECT id, name, email, role FROM users WHERE disabled = 0 ORDER BY name, id").rows) {
    index[row.int64(0)] = out.size();
    out.push_back({row.int64(0), row.text(1), row.text(2), row.text(3), {}});
  }
  for (const auto& row : c.exec("SELECT user_id, organization_id FROM user_organizations ORDER BY organization_id").rows)
    if (auto i = index.find(row.int64(0)); i != index.end()) out[i->second].organization_ids.push_back(row.text(1));
  return out;
}

std::vector<std::string> teams_of_organizations(const Network& n, const std::vector<std::string>& organization_ids) {
  std::set<std::string> out;
  for (const auto& id : organization_ids)
    if (auto o = n.organization(id)) out.insert(o->team_ids.begin(), o->team_ids.end());
  return {out.begin(), out.end()};
}

}  // namespace samen::core
