// The network's own pages and API (module.hpp): who is in the partnership and
// the local teams, which area each team covers, and (for coordinators and
// admins) who works for which organisation. The route table is at the bottom.
#include "core/module.hpp"

#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/routes.hpp"
#include "core/brussels.hpp"
#include "core/network.hpp"
#include "core/permissions.hpp"
#include "documents/download.hpp"

namespace samen::core {

namespace {

using app::Context;
using nlohmann::json;

// Coordinators and admins see the people of the network (names, e-mail
// addresses, roles): personal data, each read audited.
bool sees_people(const Context& ctx) { return ctx.user() && acts_for_whole_network(*ctx.user()); }

std::string area_text(const Context& ctx, const TeamArea& a) {
  auto m = municipality_by_nis(a.municipality);
  std::string name = m ? m->name(ctx.lang) : a.municipality;
  return a.neighbourhood.empty() ? name : name + " (" + a.neighbourhood + ")";
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

std::string team_names(const Context& ctx, const Network& n, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids)
    if (auto t = n.team(id)) names.push_back(t->name.in(ctx.lang));
  return joined(names);
}

void fill_teams(Context& ctx, web::Dict& d, const Network& n) {
  bool edits_teams = acts_for_whole_network(*ctx.user());
  for (const auto& t : n.teams) {
    auto* row = d.AddSectionDictionary("TEAMS");
    row->SetValue("ID", t.id);
    row->SetValue("NAME", t.name.in(ctx.lang));
    row->SetValue("KIND", ctx.t("network.kind." + t.kind));
    std::vector<std::string> areas;
    for (const auto& a : t.areas) areas.push_back(area_text(ctx, a));
    row->SetValue("AREA", areas.empty() ? ctx.t("network.area.none") : joined(areas));
    std::vector<std::string> members;
    for (const auto& id : t.member_ids)
      if (auto o = n.organization(id)) members.push_back(o->name.in(ctx.lang));
    row->SetValue("MEMBERS", members.empty() ? ctx.t("network.members.none") : joined(members));
    row->SetValue("MEMBER_COUNT", ctx.tf("network.members.count", {{"count", static_cast<std::int64_t>(members.size())}}));
    if (edits_teams) row->ShowSection("EDIT_TEAM");
  }
  if (n.teams.empty()) d.ShowSection("NO_TEAMS");
}

// Organisation id → names of its people (coordinators and admins only).
std::map<std::string, std::vector<std::string>> people_by_organization(const std::vector<Person>& people) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& p : people)
    for (const auto& o : p.organization_ids) out[o].push_back(p.name + " <" + p.email + ">");
  return out;
}

http::Response network_download(Context& ctx, const Network& n, const std::vector<Person>* people,
                                documents::TableFormat format) {
  using documents::ColumnType;
  std::vector<documents::Column> columns{{ctx.t("network.organization"), ColumnType::text},
                                         {ctx.t("network.name_fr"), ColumnType::text},
                                         {ctx.t("network.teams"), ColumnType::text}};
  if (people) columns.push_back({ctx.t("network.people"), ColumnType::text});
  documents::Table table(std::move(columns));
  auto by_org = people ? people_by_organization(*people) : std::map<std::string, std::vector<std::string>>{};
  for (const auto& o : n.organizations) {
    std::vector<documents::Cell> cells{o.name.nl, o.name.fr, team_names(ctx, n, o.team_ids)};
    if (people) cells.push_back(joined(by_org[o.id]));
    table.add_row(std::move(cells));
  }
  if (people) ctx.audit("network.people.export", "user", "", format == documents::TableFormat::csv ? "csv" : "xlsx");
  return documents::table_download(table, format, "network");
}

http::Response network_page(Context& ctx) {
  auto format = documents::table_format(ctx);
  auto lease = ctx.app.db().acquire();
  Network n = load_network(*lease);
  std::optional<std::vector<Person>> people;
  if (sees_people(ctx)) people = network_people(*lease);
  if (format != documents::TableFormat::html) return network_download(ctx, n, people ? &*people : nullptr, format);

  web::Dict d = ctx.content_dict();
  fill_teams(ctx, d, n);
  auto by_org = people ? people_by_organization(*people) : std::map<std::string, std::vector<std::string>>{};
  if (people) {
    d.ShowSection("PEOPLE_HEAD");
    ctx.audit("network.people.read", "user", "", "page");
  }
  for (const auto& o : n.organizations) {
    auto* row = d.AddSectionDictionary("ORGS");
    row->SetValue("ID", o.id);
    row->SetValue("NAME", o.name.in(ctx.lang));
    row->SetValue("TEAMS", o.team_ids.empty() ? ctx.t("network.teams.none") : team_names(ctx, n, o.team_ids));
    if (people) row->SetValueAndShowSection("PEOPLE", by_org[o.id].empty() ? ctx.t("network.people.none")
                                                                            : joined(by_org[o.id]), "PEOPLE_CELL");
    if (acts_for(*ctx.user(), o.id)) row->ShowSection("EDIT_ORG");
  }
  d.SetValue("ORG_TOTAL", ctx.tf("network.organizations.count", {{"count", static_cast<std::int64_t>(n.organizations.size())}}));
  return ctx.page("core_network", ctx.t("network.title"), d);
}

json names_json(const Names& n) { return {{"nl", n.nl}, {"fr", n.fr}, {"en", n.en}}; }

// The items of one page of a list.
template <class T, class ToJson>
http::Response page_of(Context& ctx, const std::vector<T>& all, ToJson to_json) {
  auto page = app::page_request(ctx);
  json items = json::array();
  for (auto i = static_cast<std::size_t>(page.offset()); i < all.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i)
    items.push_back(to_json(all[i]));
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(all.size()), std::move(items)));
}

http::Response api_teams(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Network n = load_network(*lease);
  return page_of(ctx, n.teams, [](const NetworkTeam& t) {
    json areas = json::array();
    for (const auto& a : t.areas) {
      auto m = municipality_by_nis(a.municipality);
      areas.push_back({{"municipality", a.municipality},
                       {"municipality_name", m ? json{{"nl", m->name_nl}, {"fr", m->name_fr}} : json(nullptr)},
                       {"neighbourhood", a.neighbourhood}});
    }
    return json{{"id", t.id},         {"kind", t.kind},   {"parent_id", t.parent_id.empty() ? json(nullptr) : json(t.parent_id)},
                {"name", names_json(t.name)}, {"areas", areas}, {"member_ids", t.member_ids}};
  });
}

http::Response api_organizations(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Network n = load_network(*lease);
  return page_of(ctx, n.organizations, [](const NetworkOrganization& o) {
    return json{{"id", o.id}, {"name", names_json(o.name)}, {"team_ids", o.team_ids}};
  });
}

http::Response api_people(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  auto people = network_people(*lease);
  ctx.audit("network.people.read", "user", "", "api");
  return page_of(ctx, people, [](const Person& p) {
    return json{{"id", p.id}, {"name", p.name}, {"email", p.email}, {"role", p.role}, {"organization_ids", p.organization_ids}};
  });
}

class CoreModule final : public app::Module {
 public:
  std::string_view name() const override { return "core"; }

  void routes(app::Routes& r) const override {
    const auto readers = network_readers(), whole_network = network_editors();
    r.page("GET", "/network", readers, network_page);
    r.api("GET", "/api/v1/network/teams", readers, api_teams);
    r.api("GET", "/api/v1/network/organizations", readers, api_organizations);
    r.api("GET", "/api/v1/network/people", whole_network, api_people);
    r.nav_item({"nav.network", "/network", readers, "nav.network.about", 15});
  }
};

}  // namespace

const app::Module& module() {
  static const CoreModule m;
  return m;
}

}  // namespace samen::core
