// The plan's JSON API on both databases: objectives and actions created,
// read and listed in the API's shapes (budgets as decimal strings, dates,
// RFC 3339 stamps, versions as ETags); optimistic locking (If-Match → 412, a
// body version → 409); a cycle, a dropped status without a reason, and
// indicator values of the wrong type answered 422 with a message per field
// and nothing stored; a status change through PATCH kept in the status history;
// evidence ids filtered by the journal's visibility; toolbox methods of an
// action (method_ids in the API, the action page's forms, the method page's
// record panel).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <tuple>

#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::plan {
namespace {

using accounts::Role;
using nlohmann::json;

class PlanApiTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    db().acquire()->exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'Kinderdagverblijf De Vlinder', 1, 1)");
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator);
    testing::add_test_user(db(), "partner@example.org", Role::partner, {"org-a"});
    app_ = testing::make_test_app(test_db(), 4);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  http::Response api(const std::string& method, const std::string& path, const std::string& email,
                     const std::string& body = "", http::Headers extra = {}) {
    std::string token;
    {
      auto lease = db().acquire();
      token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, email)->id, "t", 1000);
    }
    testing::AppClient client(*app_, "nl");
    extra.emplace_back("authorization", "Bearer " + token);
    return client.request(method, path, body, body.empty() ? "" : "application/json", extra);
  }
  json ok(const http::Response& r, int status = 200) {
    EXPECT_EQ(r.status, status) << r.body.substr(0, 1000);
    return json::parse(r.body.empty() ? "{}" : r.body);
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }

  std::unique_ptr<app::App> app_;
};

TEST_P(PlanApiTest, ObjectivesAndActionsFollowTheApiConventions) {
  const std::string c = "coordinator@example.org";
  json o = ok(api("POST", "/api/v1/objectives", c, R"({"title":"Elk gezin vindt de weg","starts_on":"2025-01-01","ends_on":"2030-12-31"})"), 201);
  EXPECT_EQ(o["kind"], "objective");
  EXPECT_TRUE(o["team_id"].is_null());
  EXPECT_EQ(o["status"], "not_started");
  EXPECT_EQ(o["version"], 1);
  EXPECT_EQ(o["created_at"].get<std::string>().back(), 'Z');
  std::string oid = o["id"];
  auto created = api("POST", "/api/v1/actions", c,
                     R"({"title":"Onthaalpunten","parent_id":")" + oid + R"(","budget":65000.5,"owner_ids":["org-a"]})");
  json a = ok(created, 201);
  EXPECT_EQ(a["budget"], "65000.50");
  EXPECT_EQ(created.header("Location").value_or(""), "/api/v1/actions/" + a["id"].get<std::string>());
  EXPECT_EQ(created.header("ETag").value_or(""), "\"1\"");
  std::string aid = a["id"];
  json sub = ok(api("POST", "/api/v1/actions", c, R"({"title":"Nieuwland","parent_id":")" + aid + R"(","budget":"12.500,00"})"), 201);
  EXPECT_EQ(sub["budget"], "12500.00");
  std::string sid = sub["id"];

  // A cycle: 422 naming parent_id, nothing changed.
  auto cycle = api("PATCH", "/api/v1/actions/" + aid, c, R"({"parent_id":")" + sid + R"("})");
  EXPECT_EQ(cycle.status, 422);
  EXPECT_EQ(json::parse(cycle.body)["error"]["fields"]["parent_id"],
            "Dit zou een kring maken: een actie kan niet onder zichzelf of onder een van haar deelacties hangen.");
  EXPECT_EQ(ok(api("GET", "/api/v1/actions/" + aid, c))["parent_id"], oid);
  // Wrong types: 422 per field.
  auto bad = api("POST", "/api/v1/actions", c, R"({"title":5,"parent_id":")" + oid + R"(","budget":"12,34,56","owner_ids":"org-a"})");
  ASSERT_EQ(bad.status, 422);
  auto fields = json::parse(bad.body)["error"]["fields"];
  EXPECT_TRUE(fields.contains("title"));
  EXPECT_TRUE(fields.contains("budget"));
  EXPECT_TRUE(fields.contains("owner_ids"));

  // Status through PATCH: dropped needs a reason; with one it is kept in the history.
  EXPECT_EQ(api("PATCH", "/api/v1/actions/" + sid, c, R"({"status":"dropped"})").status, 422);
  json dropped = ok(api("PATCH", "/api/v1/actions/" + sid, c, R"({"status":"dropped","status_reason":"Geen ruimte gevonden"})"));
  EXPECT_EQ(dropped["status"], "dropped");
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_status_changes WHERE item_id = '" + sid + "' AND reason = 'Geen ruimte gevonden'"), 1);
  // Optimistic locking: If-Match names an old version → 412; a body version → 409.
  EXPECT_EQ(api("PATCH", "/api/v1/actions/" + sid, c, R"({"title":"x"})", {{"if-match", "\"1\""}}).status, 412);
  EXPECT_EQ(api("PUT", "/api/v1/actions/" + sid, c, R"({"title":"x","parent_id":")" + aid + R"(","version":1})").status, 409);
  json put = ok(api("PUT", "/api/v1/actions/" + sid, c, R"j({"title":"Nieuwland (woensdag)","parent_id":")j" + aid + R"("})",
                    {{"if-match", "\"" + std::to_string(dropped["version"].get<int>()) + "\""}}));
  EXPECT_EQ(put["status"], "dropped") << "a PUT without a status keeps it";
  EXPECT_EQ(put["title"], "Nieuwland (woensdag)");
  // Lists are pages; filters by parent and level.
  json list = ok(api("GET", "/api/v1/actions?parent=" + aid, c));
  EXPECT_EQ(list["total_items"], 1);
  EXPECT_EQ(list["contents"][0]["id"], sid);
  EXPECT_EQ(ok(api("GET", "/api/v1/objectives?team=brussels", "partner@example.org"))["total_items"], 1);
  EXPECT_EQ(api("GET", "/api/v1/objectives/" + aid, c).status, 404) << "an action is not an objective";
  // DELETE archives, not an item with active children.
  EXPECT_EQ(api("DELETE", "/api/v1/objectives/" + oid, c).status, 409);
  EXPECT_FALSE(ok(api("DELETE", "/api/v1/actions/" + sid, c))["archived_at"].is_null());
}

TEST_P(PlanApiTest, IndicatorValuesOfTheWrongTypeAreRefusedAndNothingIsStored) {
  const std::string c = "coordinator@example.org";
  std::string oid = ok(api("POST", "/api/v1/objectives", c, R"({"title":"Ouders sturen mee"})"), 201)["id"];
  auto bad = api("POST", "/api/v1/indicators", c, R"({"item_id":")" + oid + R"(","name":"Groepen","value_type":"integer","target":7.5})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(json::parse(bad.body)["error"]["fields"].contains("target"));
  json ind = ok(api("POST", "/api/v1/indicators", c,
                    R"({"item_id":")" + oid + R"(","name":"Groepen","unit":"groepen","value_type":"integer","baseline":2,"target":8})"), 201);
  std::string values = "/api/v1/indicators/" + ind["id"].get<std::string>() + "/values";
  for (const char* body : {R"({"measured_on":"2025-12-31","value":"4"})", R"({"measured_on":"2025-12-31","value":4.5})",
                           R"({"measured_on":"2025-12-31"})", R"({"measured_on":"31/12/2025","value":4})",
                           R"({"measured_on":"2025-12-31","value":true})"}) {
    auto r = api("POST", values, c, body);
    EXPECT_EQ(r.status, 422) << body;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_indicator_values"), 0);
  json v = ok(api("POST", values, c, R"({"measured_on":"2025-12-31","value":4,"note":"na de zomer"})"), 201);
  EXPECT_EQ(v["value"], 4);
  EXPECT_EQ(api("POST", values, c, R"({"measured_on":"2025-12-31","value":5})").status, 422) << "one per date";
  json page = ok(api("GET", values, "partner@example.org"));
  EXPECT_EQ(page["total_items"], 1);
  EXPECT_EQ(page["contents"][0]["measured_on"], "2025-12-31");
  // A partner who does not own the objective may not add values.
  EXPECT_EQ(api("POST", values, "partner@example.org", R"({"measured_on":"2026-06-30","value":5})").status, 403);
}

TEST_P(PlanApiTest, EvidenceIdsFollowTheJournalsVisibility) {
  const std::string c = "coordinator@example.org";
  std::string oid = ok(api("POST", "/api/v1/objectives", c, R"({"title":"Een lerend netwerk"})"), 201)["id"];
  std::string aid = ok(api("POST", "/api/v1/actions", c, R"({"title":"Intervisie","parent_id":")" + oid + R"("})"), 201)["id"];
  for (auto [id, visibility] : {std::pair{"act-open", "network"}, std::pair{"act-secret", "facilitators"}}) {
    auto lease = db().acquire();
    lease->exec("INSERT INTO journal_activities (id, type, title, starts_at, duration_minutes, visibility, version, "
                "created_at, updated_at) VALUES (?, 'intervision', 'Intervisie', 1760000000, 60, ?, 1, 1, 1)", {id, visibility});
    lease->exec("INSERT INTO plan_activity_links (item_id, activity_id, created_at) VALUES (?, ?, 1)", {aid, id});
  }
  EXPECT_EQ(ok(api("GET", "/api/v1/actions/" + aid, c))["activity_ids"].size(), 2u);
  EXPECT_EQ(ok(api("GET", "/api/v1/actions/" + aid, "partner@example.org"))["activity_ids"], json::array({"act-open"}));
}

TEST_P(PlanApiTest, AnActionWorksWithPublishedToolboxMethods) {
  const std::string c = "coordinator@example.org";
  for (auto [id, status, name] : {std::tuple{"m-circle", "published", "Onthaalkring"},
                                   std::tuple{"m-walk", "published", "Buurtwandeling"},
                                   std::tuple{"m-draft", "draft", "Halve methode"}}) {
    auto lease = db().acquire();
    lease->exec("INSERT INTO toolbox_methods (id, version, created_at, updated_at, status, phase, topics, group_min, "
                "group_max, duration_minutes) VALUES (?, 1, 1, 1, ?, 'acting', '', 2, 10, 60)", {id, status});
    lease->exec("INSERT INTO toolbox_translations (method_id, lang, name, aim, steps) VALUES (?, 'nl', ?, 'Doel', '[]')",
                {id, name});
  }
  std::string oid = ok(api("POST", "/api/v1/objectives", c, R"({"title":"Ouders ontmoeten elkaar"})"), 201)["id"];
  // Unknown, unpublished, or on an objective: 422 on the field, nothing stored.
  for (const char* bad : {R"(["m-nope"])", R"(["m-draft"])", R"([12])"}) {
    auto r = ok(api("POST", "/api/v1/actions", c,
                    R"({"title":"Kring","parent_id":")" + oid + R"(","method_ids":)" + bad + "}"), 422);
    EXPECT_TRUE(r["error"]["fields"].contains("method_ids")) << bad;
  }
  ok(api("PATCH", "/api/v1/objectives/" + oid, c, R"({"method_ids":["m-circle"]})"), 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_items WHERE kind = 'action'"), 0);
  auto a = ok(api("POST", "/api/v1/actions", c,
                  R"({"title":"Kring","parent_id":")" + oid + R"(","method_ids":["m-circle","m-circle"]})"), 201);
  std::string aid = a["id"];
  EXPECT_EQ(a["method_ids"], json::array({"m-circle"}));
  // A PUT without method_ids keeps them; a method archived since may stay, but no unpublished one is added.
  db().acquire()->exec("UPDATE toolbox_methods SET status = 'archived', archived_at = 5 WHERE id = 'm-circle'");
  EXPECT_EQ(ok(api("PUT", "/api/v1/actions/" + aid, c, R"({"title":"Kring bis","parent_id":")" + oid + R"("})"))["method_ids"],
            json::array({"m-circle"}));
  EXPECT_EQ(ok(api("PATCH", "/api/v1/actions/" + aid, c, R"({"method_ids":["m-circle","m-walk"]})"))["method_ids"],
            json::array({"m-circle", "m-walk"}));
  EXPECT_EQ(ok(api("GET", "/api/v1/actions?parent=" + oid, c))["contents"][0]["method_ids"].size(), 2u);
  EXPECT_EQ(ok(api("PATCH", "/api/v1/actions/" + aid, c, R"({"method_ids":[]})"))["method_ids"], json::array());

  // The action page adds one from the published catalogue and removes it; the method page lists the action.
  testing::AppClient page(*app_, "nl");
  ASSERT_EQ(page.login(c, testing::kTestPassword).status, 303);
  auto item = page.get("/plan/items/" + aid);
  ASSERT_EQ(item.status, 200);
  EXPECT_NE(item.body.find("value=\"m-walk\""), std::string::npos);
  EXPECT_EQ(item.body.find("value=\"m-draft\""), std::string::npos) << "drafts are not offered";
  EXPECT_EQ(page.post("/plan/methods", "item_id=" + aid + "&method_id=m-draft").status, 422);
  EXPECT_EQ(page.post("/plan/methods", "item_id=" + aid + "&method_id=m-walk").status, 303);
  EXPECT_EQ(page.post("/plan/methods", "item_id=" + oid + "&method_id=m-walk").status, 422);
  auto method = page.get("/toolbox/m-walk");
  ASSERT_EQ(method.status, 200);
  EXPECT_NE(method.body.find("/plan/items/" + aid), std::string::npos) << "the record panel toolbox.method";
  EXPECT_NE(page.get("/plan/items/" + aid).body.find("Buurtwandeling"), std::string::npos);
  EXPECT_EQ(page.post("/plan/methods/remove", "item_id=" + aid + "&method_id=m-walk&back=method").header("Location"),
            "/toolbox/m-walk?done=plan_link_saved#plan-method-actions");
  EXPECT_EQ(page.get("/toolbox/m-walk").body.find("/plan/items/" + aid), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM record_history WHERE field = 'method_ids'"), 5);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(PlanApiTest);

}  // namespace
}  // namespace samen::plan
