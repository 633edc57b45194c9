// The network diagram of a wave on both databases: ties as reported and as
// confirmed (the lower level of both sides), the filters (sector, team,
// language, level) keep every node where the whole wave's layout put it, the
// layout is the same on every call, and the page: SVG with title and desc,
// names escaped, legend, the tables, a plain GET form, a bad filter → 400;
// a big wave's ties table in pages with a link to the CSV of them all. The
// API's diagram and GraphML hold the wave's organisations, ties and their
// attributes.
// The exports made of the same data: GraphML read back by networkx and
// python-igraph (Debian's python3-networkx, python3-igraph), the tables as
// CSV; the charts across waves.
#include "support/paths.hpp"
#include <gtest/gtest.h>

#include <cmath>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "accounts/sessions.hpp"
#include "accounts/users.hpp"
#include "monitoring/diagram.hpp"
#include "monitoring/exports.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::monitoring {
namespace {

using accounts::Role;

class DiagramTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    auto lease = db().acquire();
    auto& c = *lease;
    c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'Vlinder & Co <a>', 1, 1), "
           "('org-b', 'Les Petits Pas', 1, 1), ('org-c', 'OCMW Jette', 1, 1), ('org-d', 'Huis van het Kind', 1, 1)");
    c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-jette', 'Lokaal team Jette', "
           "'local_team', 1, 1)");
    c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-jette', 'org-a'), ('team-jette', 'org-c')");
    save_profile(c, "org-a", {"childcare", "nl"}, 1);
    save_profile(c, "org-b", {"childcare", "fr"}, 1);
    save_profile(c, "org-c", {"social", "bilingual"}, 1);
    wave_ = create_wave(c, {"Brussel 2026", std::nullopt, {}, std::nullopt}, 10).id;
    const auto& cat = i18n::Catalog::embedded();
    for (const char* o : {"org-a", "org-b", "org-c"}) invite(c, cat, wave_, {o, std::string(o) + "@example.org", "R", "nl"}, "", 11);
    std::map<std::string, Invitation> inv;
    for (auto& i : invitations(c, wave_)) inv[i.organization_id] = i;
    auto tie = [&](const char* s, const char* t, const char* level, int rating = 0) {
      TieAnswer a;
      a.target_id = t;
      a.integration = level;
      a.frequency = "monthly";
      if (rating) a.trust = {rating, rating, rating}, a.value = {rating - 1, rating - 1, rating - 1};
      save_tie(c, inv[s], a, 12);
    };
    tie("org-a", "org-b", "collaborating", 4);
    tie("org-b", "org-a", "coordinating");  // confirmed at coordinating, the lower level
    tie("org-a", "org-c", "networking");
    tie("org-c", "org-b", "cooperating");
    tie("org-b", "org-c", "none");  // an answer, not a tie
    for (const char* o : {"org-a", "org-b", "org-c"}) submit(c, inv[o], 13);
  }
  Diagram diagram(const DiagramFilter& f) {
    auto lease = db().acquire();
    return build_diagram(load_wave_data(*lease, wave_), core::load_network(*lease), load_profiles(*lease), f,
                         i18n::Lang::en);
  }
  static const DiagramNode& node(const Diagram& d, const std::string& id) {
    for (const auto& n : d.nodes)
      if (n.id == id) return n;
    throw std::out_of_range(id);
  }
  std::string wave_;
};

TEST_P(DiagramTest, TiesFiltersAndStablePositions) {
  Diagram all = diagram({});
  ASSERT_EQ(all.nodes.size(), 4u);
  ASSERT_EQ(all.ties.size(), 4u);  // a→b, a→c, b→a, c→b
  EXPECT_EQ(node(all, "org-a").degree, 3);
  EXPECT_EQ(node(all, "org-d").degree, 0);
  EXPECT_TRUE(all.ties[0].confirmed);   // a→b: b names a too
  EXPECT_FALSE(all.ties[1].confirmed);  // a→c
  for (const auto& n : all.nodes) {
    EXPECT_GE(n.x, 0.0);
    EXPECT_LE(n.x, 1.0);
    EXPECT_GE(n.y, 0.0);
    EXPECT_LE(n.y, 1.0);
  }
  // Connected organisations sit closer together than the isolated one sits to them.
  auto dist = [](const DiagramNode& p, const DiagramNode& q) { return std::hypot(p.x - q.x, p.y - q.y); };
  EXPECT_LT(dist(node(all, "org-a"), node(all, "org-b")), dist(node(all, "org-a"), node(all, "org-d")));

  Diagram confirmed = diagram({.confirmed = true});
  ASSERT_EQ(confirmed.ties.size(), 1u);
  EXPECT_EQ(confirmed.ties[0].level, "coordinating");
  EXPECT_TRUE(diagram({.confirmed = true, .level = "cooperating"}).ties.empty());

  Diagram childcare = diagram({.sector = "childcare"});
  ASSERT_EQ(childcare.nodes.size(), 2u);
  EXPECT_EQ(childcare.ties.size(), 2u);  // a→b, b→a
  EXPECT_DOUBLE_EQ(node(childcare, "org-a").x, node(all, "org-a").x);  // the filter moves nobody
  EXPECT_DOUBLE_EQ(node(childcare, "org-b").y, node(all, "org-b").y);
  Diagram team = diagram({.team = "team-jette"});
  ASSERT_EQ(team.nodes.size(), 2u);
  ASSERT_EQ(team.ties.size(), 1u);
  EXPECT_EQ(team.ties[0].level, "networking");
  EXPECT_EQ(diagram({.language = "fr"}).nodes.size(), 1u);
  Diagram close = diagram({.level = "cooperating"});
  EXPECT_EQ(close.ties.size(), 2u);  // a→b collaborating, c→b cooperating

  // The same network gives the same picture (fixed seed), computed or cached.
  Network net{4, {{0, 1}, {0, 2}, {1, 2}}, {}, false};
  EXPECT_EQ(layout(net), layout(net));
}

TEST_P(DiagramTest, ThePageDrawsTheFilteredNetworkWithLegendAndTables) {
  testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
  auto app = testing::make_test_app(test_db());
  testing::AppClient client(*app, "en");
  client.login("coordinator@example.org", testing::kTestPassword);
  client.get("/monitoring?lang=en");
  auto page = client.get("/monitoring/waves/" + wave_ + "/diagram");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto& b = page.body;
  EXPECT_NE(b.find("role=\"img\" aria-labelledby=\"diagram-" + wave_ + "-title diagram-" + wave_ + "-desc\""),
            std::string::npos);
  EXPECT_NE(b.find("<title id=\"diagram-" + wave_ + "-title\">Network diagram of Brussel 2026</title>"),
            std::string::npos);
  EXPECT_NE(b.find("4 organisations and 4 ties shown."), std::string::npos);
  EXPECT_EQ(b.find("<a>"), std::string::npos);  // the name is escaped everywhere
  EXPECT_NE(b.find("Vlinder &amp; Co &lt;a&gt;"), std::string::npos);
  EXPECT_NE(b.find("<circle"), std::string::npos);   // Dutch-speaking
  EXPECT_NE(b.find("<rect x="), std::string::npos);  // French-speaking
  EXPECT_NE(b.find("stroke-width=\"3.2\""), std::string::npos);  // collaborating a–b
  EXPECT_NE(b.find("<span>Social services</span>"), std::string::npos);  // legend
  EXPECT_NE(b.find("<form method=\"get\""), std::string::npos);
  EXPECT_NE(b.find("<td>OCMW Jette</td><td>Les Petits Pas</td><td>Cooperating</td><td>About once a month</td><td>No</td>"),
            std::string::npos)
      << b;

  auto filtered = client.get("/monitoring/waves/" + wave_ + "/diagram?ties=confirmed&sector=childcare&team=&level=");
  ASSERT_EQ(filtered.status, 200);
  EXPECT_NE(filtered.body.find("2 organisations and 1 tie shown."), std::string::npos);
  EXPECT_NE(filtered.body.find("<option value=\"childcare\" selected>"), std::string::npos);

  auto bad = client.get("/monitoring/waves/" + wave_ + "/diagram?level=none");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Choose a level of integration from the list"), std::string::npos);
  EXPECT_EQ(client.get("/monitoring/waves/" + wave_ + "/diagram?team=nope").status, 400);
  EXPECT_EQ(client.get("/monitoring/waves/nope/diagram").status, 404);
}

// More ties than a page holds (100): 12 organisations each naming the 11
// others, 132 ties; the table lists a page, the CSV all of them.
TEST_P(DiagramTest, ABigWavesTiesTableIsPagedWithTheCsvLinked) {
  std::string big;
  {
    auto lease = db().acquire();
    auto& c = *lease;
    std::vector<std::string> orgs;
    for (int i = 0; i < 12; ++i) {
      orgs.push_back("big-" + std::to_string(10 + i));
      c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('" + orgs.back() + "', 'Org " +
             std::to_string(10 + i) + "', 1, 1)");
    }
    big = create_wave(c, {"Groot 2026", std::nullopt, orgs, std::nullopt}, 20).id;
    const auto& cat = i18n::Catalog::embedded();
    for (const auto& o : orgs) invite(c, cat, big, {o, o + "@example.org", "R", "nl"}, "", 21);
    for (auto& inv : invitations(c, big)) {
      for (const auto& t : orgs) {
        if (t == inv.organization_id) continue;
        TieAnswer a;
        a.target_id = t;
        a.integration = t < inv.organization_id ? "networking" : "cooperating";  // half of them cooperating
        save_tie(c, inv, a, 22);
      }
      submit(c, inv, 23);
    }
  }
  testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
  auto app = testing::make_test_app(test_db());
  testing::AppClient client(*app, "en");
  client.login("coordinator@example.org", testing::kTestPassword);
  client.get("/monitoring?lang=en");
  std::string base = "/monitoring/waves/" + big;
  auto rows = [](const std::string& body) {  // ties rows start with a cell; organisations' with a row header
    std::size_t n = 0;
    for (auto at = body.find("<tr><td>"); at != std::string::npos; at = body.find("<tr><td>", at + 1)) ++n;
    return n;
  };

  auto first = client.get(base + "/diagram");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_NE(first.body.find("12 organisations and 132 ties shown."), std::string::npos);
  EXPECT_NE(first.body.find("Ties 1–100 of 132, in pages of 100."), std::string::npos) << first.body;
  EXPECT_EQ(rows(first.body), 100u);
  EXPECT_NE(first.body.find("href=\"" + base + "/exports/ties?ties=reported&amp;format=csv\""), std::string::npos);
  EXPECT_NE(first.body.find("href=\"" + base + "/diagram?ties=reported&amp;page=2\" rel=\"next\""), std::string::npos);
  EXPECT_EQ(first.body.find("rel=\"prev\""), std::string::npos);

  auto second = client.get(base + "/diagram?page=2");
  ASSERT_EQ(second.status, 200);
  EXPECT_NE(second.body.find("Ties 101–132 of 132"), std::string::npos);
  EXPECT_EQ(rows(second.body), 32u);
  EXPECT_NE(second.body.find("href=\"" + base + "/diagram?ties=reported&amp;page=1\" rel=\"prev\""), std::string::npos);
  EXPECT_EQ(second.body.find("rel=\"next\""), std::string::npos);
  EXPECT_EQ(rows(client.get(base + "/diagram?page=9").body), 32u);  // past the last: the last

  // The filter is kept from page to page; a filter leaving fewer ties than a page has no pages.
  auto cooperating = client.get(base + "/diagram?level=cooperating");
  EXPECT_EQ(rows(cooperating.body), 66u);
  EXPECT_EQ(cooperating.body.find("rel=\"next\""), std::string::npos);
  auto confirmed = client.get(base + "/diagram?ties=confirmed");
  EXPECT_EQ(rows(confirmed.body), 66u);  // 66 pairs, each confirmed: one page
  EXPECT_EQ(confirmed.body.find("rel=\"next\""), std::string::npos);
  auto paged = client.get(base + "/diagram?ties=reported&level=networking&sector=other");
  EXPECT_NE(paged.body.find("href=\"" + base + "/diagram?ties=reported&amp;sector=other&amp;level=networking&amp;page=2\""),
            std::string::npos)
      << paged.body;

  for (const char* bad : {"0", "x", "-1", "2x"}) {
    auto r = client.get(base + "/diagram?page=" + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_NE(r.body.find("Choose a page number from 1 on."), std::string::npos) << bad;
  }
  auto csv = client.get(base + "/exports/ties?ties=reported&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 133);  // the header and every tie
}

// What networkx and python-igraph read from a GraphML file (graphml_reference.py).
nlohmann::json read_graphml_in_python(const std::string& graphml) {
  testing::TempDir dir;
  auto file = dir.path() / "network.graphml";
  std::ofstream(file) << graphml;
  std::string cmd = std::string("/usr/bin/python3 ") + samen::testing::source_dir() + "/tests/monitoring/graphml_reference.py '" + file.string() + "'";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return nullptr;
  char buf[65536];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  EXPECT_EQ(pclose(p), 0) << cmd;
  return nlohmann::json::parse(out);
}

TEST_P(DiagramTest, GraphmlIsReadByNetworkxAndIgraph) {
  if (std::system("/usr/bin/python3 -c 'import igraph, networkx' 2>/dev/null") != 0)
    GTEST_SKIP() << "python3-igraph or python3-networkx is missing (scripts/install-deps --test installs them)";
  auto lease = db().acquire();
  WaveData data = load_wave_data(*lease, wave_);
  auto net = core::load_network(*lease);
  auto profiles = load_profiles(*lease);
  NetworkExport reported = network_export(data, net, profiles, false, i18n::Lang::en);
  auto read = read_graphml_in_python(write_graphml(reported));
  for (const char* reader : {"networkx", "igraph"}) {
    SCOPED_TRACE(reader);
    const auto& g = read[reader];
    EXPECT_EQ(g["directed"], true);
    EXPECT_EQ(g["nodes"], 4);
    EXPECT_EQ(g["edges"], 4);
    const auto& a = g["node"]["org-a"];
    EXPECT_EQ(a["name"], "Vlinder & Co <a>");
    EXPECT_EQ(a["sector"], "childcare");
    EXPECT_EQ(a["language"], "nl");
    EXPECT_EQ(a["teams"], "Lokaal team Jette");
    EXPECT_EQ(a["degree"].get<double>(), 3);
    EXPECT_EQ(a["out_degree"].get<double>(), 2);
    EXPECT_DOUBLE_EQ(a["betweenness"].get<double>(), reported.metrics.metrics.per_node[0].betweenness);
    EXPECT_DOUBLE_EQ(a["closeness"].get<double>(), reported.metrics.metrics.per_node[0].closeness);
    EXPECT_DOUBLE_EQ(g["node"]["org-b"]["trust"].get<double>(), 4.0);  // a's rating of b
    EXPECT_DOUBLE_EQ(g["node"]["org-b"]["value"].get<double>(), 3.0);
    EXPECT_FALSE(g["node"]["org-d"].contains("trust"));  // rated by nobody: no value, not 0
    const auto& ab = g["edge"][0];  // sorted: org-a → org-b first
    EXPECT_EQ(ab[0], "org-a");
    EXPECT_EQ(ab[1], "org-b");
    EXPECT_EQ(ab[2]["level"], "collaborating");
    EXPECT_EQ(ab[2]["frequency"], "monthly");
    EXPECT_DOUBLE_EQ(ab[2]["trust"].get<double>(), 4.0);
    EXPECT_EQ(ab[2]["confirmed"], true);
    EXPECT_EQ(g["edge"][1][2]["confirmed"], false);  // org-a → org-c
  }
  auto confirmed = read_graphml_in_python(write_graphml(network_export(data, net, profiles, true, i18n::Lang::en)));
  for (const char* reader : {"networkx", "igraph"}) {
    EXPECT_EQ(confirmed[reader]["directed"], false) << reader;
    EXPECT_EQ(confirmed[reader]["edges"], 1) << reader;
    EXPECT_EQ(confirmed[reader]["edge"][0][2]["level"], "coordinating") << reader;
  }
}

// The API (a coordinator's token): the diagram's data and the GraphML hold
// every organisation and tie of the wave with the attributes the answers and
// profiles give them, reported and confirmed.
TEST_P(DiagramTest, TheApisDiagramAndGraphmlHoldTheWavesNetwork) {
  testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
  std::string token;
  {
    auto lease = db().acquire();
    token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, "coordinator@example.org")->id, "t",
                                       1000);
  }
  auto app = testing::make_test_app(test_db());
  testing::AppClient client(*app, "en");
  auto get = [&](const std::string& path) {
    return client.request("GET", path, "", "", {{"authorization", "Bearer " + token}});
  };
  std::string base = "/api/v1/network/waves/" + wave_;
  using nlohmann::json;

  auto reported = get(base + "/diagram");
  ASSERT_EQ(reported.status, 200) << reported.body;
  json d = json::parse(reported.body);
  EXPECT_EQ(d["view"], "reported");
  Diagram all = diagram({});
  // id, name, sector, language (no profile: other), teams, degree; in the wave's order.
  json want = json::array({json::array({"org-a", "Vlinder & Co <a>", "childcare", "nl", {"team-jette"}, 3}),
                           json::array({"org-b", "Les Petits Pas", "childcare", "fr", json::array(), 3}),
                           json::array({"org-c", "OCMW Jette", "social", "bilingual", {"team-jette"}, 2}),
                           json::array({"org-d", "Huis van het Kind", "other", "other", json::array(), 0})});
  ASSERT_EQ(d["nodes"].size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const json& n = d["nodes"][i];
    EXPECT_EQ(json::array({n["id"], n["name"], n["sector"], n["language"], n["teams"], n["degree"]}), want[i]);
    EXPECT_DOUBLE_EQ(n["x"].get<double>(), all.nodes[i].x);  // the page's layout
    EXPECT_DOUBLE_EQ(n["y"].get<double>(), all.nodes[i].y);
  }
  auto tie = [](const json& t) { return json::array({t["source"], t["target"], t["level"], t["frequency"], t["confirmed"]}); };
  json ties = json::array();
  for (const auto& t : d["ties"]) ties.push_back(tie(t));
  EXPECT_EQ(ties, json::parse(R"([["org-a", "org-b", "collaborating", "monthly", true],
                                  ["org-a", "org-c", "networking", "monthly", false],
                                  ["org-b", "org-a", "coordinating", "monthly", true],
                                  ["org-c", "org-b", "cooperating", "monthly", false]])"));

  json confirmed = json::parse(get(base + "/diagram?ties=confirmed").body);
  EXPECT_EQ(confirmed["view"], "confirmed");
  ASSERT_EQ(confirmed["ties"].size(), 1u);
  EXPECT_EQ(tie(confirmed["ties"][0]), json::parse(R"(["org-a", "org-b", "coordinating", null, true])"));
  EXPECT_EQ(confirmed["nodes"][0]["degree"], 1);
  EXPECT_EQ(confirmed["nodes"][2]["degree"], 0);
  json childcare = json::parse(get(base + "/diagram?sector=childcare&level=coordinating").body);
  ASSERT_EQ(childcare["nodes"].size(), 2u);
  EXPECT_EQ(childcare["nodes"][1]["id"], "org-b");
  EXPECT_EQ(childcare["ties"].size(), 2u);  // a→b collaborating, b→a coordinating
  EXPECT_EQ(get(base + "/diagram?sector=farming").status, 400);

  // The GraphML, read by networkx and python-igraph: the same nodes and ties.
  if (std::system("/usr/bin/python3 -c 'import igraph, networkx' 2>/dev/null") != 0)
    GTEST_SKIP() << "python3-igraph or python3-networkx is missing (scripts/install-deps --test installs them)";
  auto graphml = get(base + "/graphml");
  ASSERT_EQ(graphml.status, 200) << graphml.body;
  EXPECT_NE(graphml.header("content-type").value_or("").find("application/graphml+xml"), std::string::npos);
  auto read = read_graphml_in_python(graphml.body);
  auto confirmed_read = read_graphml_in_python(get(base + "/graphml?ties=confirmed").body);
  for (const char* reader : {"networkx", "igraph"}) {
    SCOPED_TRACE(reader);
    const json& g = read[reader];
    EXPECT_EQ(g["directed"], true);
    ASSERT_EQ(g["nodes"], 4);
    for (std::size_t i = 0; i < 4; ++i) {
      const json& n = g["node"][want[i][0].get<std::string>()];
      EXPECT_EQ(n["name"], want[i][1]);
      EXPECT_EQ(n["sector"], want[i][2]);
      EXPECT_EQ(n["language"], want[i][3]);
      EXPECT_EQ(n["degree"].get<double>(), want[i][5].get<double>());
    }
    EXPECT_EQ(g["node"]["org-c"]["teams"], "Lokaal team Jette");
    ASSERT_EQ(g["edges"], 4);
    for (std::size_t i = 0; i < 4; ++i) {  // both sorted by source, then target
      const json& e = g["edge"][i];
      EXPECT_EQ(json::array({e[0], e[1], e[2]["level"], e[2]["frequency"], e[2]["confirmed"]}), ties[i]);
    }
    EXPECT_DOUBLE_EQ(g["edge"][0][2]["trust"].get<double>(), 4.0);  // a's ratings of b
    EXPECT_DOUBLE_EQ(g["edge"][0][2]["value"].get<double>(), 3.0);
    EXPECT_FALSE(g["edge"][1][2].contains("trust"));  // a rated c on nothing
    const json& c = confirmed_read[reader];
    EXPECT_EQ(c["directed"], false);
    ASSERT_EQ(c["edges"], 1);
    EXPECT_EQ(json::array({c["edge"][0][0], c["edge"][0][1], c["edge"][0][2]["level"]}),
              json::parse(R"(["org-a", "org-b", "coordinating"])"));
  }
}

TEST_P(DiagramTest, TablesAndChartsAcrossWavesOnThePages) {
  {
    // An earlier wave of the same scope (Brussels-wide) without answers, and a team's wave (another scope).
    auto lease = db().acquire();
    create_wave(*lease, {"Brussel 2025", std::nullopt, {"org-a", "org-b"}, std::nullopt}, 5);
    create_wave(*lease, {"Jette 2026", std::string("team-jette"), {}, std::nullopt}, 6);
  }
  testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
  auto app = testing::make_test_app(test_db());
  testing::AppClient client(*app, "en");
  client.login("coordinator@example.org", testing::kTestPassword);
  client.get("/monitoring?lang=en");
  std::string base = "/monitoring/waves/" + wave_;

  auto ties = client.get(base + "/exports/ties?format=csv");
  ASSERT_EQ(ties.status, 200) << ties.body;
  EXPECT_NE(ties.header("content-disposition").value_or("").find("attachment"), std::string::npos);
  EXPECT_NE(ties.body.find("org-a,Vlinder & Co <a>,org-b,Les Petits Pas,Collaborating,About once a month,4,3,,Yes"),
            std::string::npos)
      << ties.body;
  auto orgs = client.get(base + "/exports/organizations?ties=confirmed&format=xlsx");
  ASSERT_EQ(orgs.status, 200);
  EXPECT_EQ(orgs.body.substr(0, 2), "PK");  // a zip: XLSX
  auto figures = client.get(base + "/exports/figures?format=csv");
  EXPECT_NE(figures.body.find("Density,density,0.33"), std::string::npos) << figures.body;  // 4 / (4 × 3)
  auto graphml = client.get(base + "/exports/graphml?ties=confirmed");
  ASSERT_EQ(graphml.status, 200);
  EXPECT_NE(graphml.body.find("edgedefault=\"undirected\""), std::string::npos);
  EXPECT_NE(graphml.body.find("Vlinder &amp; Co &lt;a&gt;"), std::string::npos);
  EXPECT_EQ(client.get(base + "/exports/pajek").status, 404);
  EXPECT_EQ(client.get(base + "/exports/ties?format=pdf").status, 400);

  auto trends = client.get(base + "/trends");
  ASSERT_EQ(trends.status, 200) << trends.body;
  EXPECT_NE(trends.body.find("2 waves of the same scope"), std::string::npos) << trends.body;  // not Jette 2026
  EXPECT_NE(trends.body.find("Density, reciprocity and centralization"), std::string::npos);
  auto earlier_pos = trends.body.find(">Brussel 2025<");
  ASSERT_NE(earlier_pos, std::string::npos);
  EXPECT_NE(trends.body.find(">Brussel 2026<", earlier_pos), std::string::npos);  // oldest first in the data table
  EXPECT_NE(trends.body.find("<desc"), std::string::npos);

  // The report: the figures beside the previous wave of the same scope, the diagram, the charts.
  auto report = client.get(base + "/report");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_NE(report.body.find("<th scope=\"col\">Brussel 2025</th><th scope=\"col\">This wave</th>"), std::string::npos)
      << report.body;
  EXPECT_NE(report.body.find("class=\"network-diagram\""), std::string::npos);
  EXPECT_NE(report.body.find("Trust and value"), std::string::npos);
  EXPECT_NE(report.body.find("format=pdf"), std::string::npos);
  EXPECT_EQ(client.get(base + "/report?format=doc").status, 400);
  // The PDF (WeasyPrint takes a second or two): once, on one backend.
  if (!is_postgres()) {
    auto pdf = client.get(base + "/report?format=pdf");
    ASSERT_EQ(pdf.status, 200) << pdf.body;
    EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  }
}

SAMEN_INSTANTIATE_FOR_BACKENDS(DiagramTest);

}  // namespace
}  // namespace samen::monitoring
