// The public HSDS 3.0 API (/hsds/...) on both databases: every single object
// and list item is validated against Open Referral's schemas with a real JSON
// Schema validator (tests/directory/hsds/validate_hsds.py, python3-jsonschema);
// filters, pagination, archived records, errors, and the ndjson stream
// (in-process, and chunked over a real socket).
#include "support/paths.hpp"
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "directory/module.hpp"
#include "app/app.hpp"
#include "directory/fixtures/hsds_rich.hpp"
#include "directory/hsds/hsds_schema.hpp"
#include "directory/search/search.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/process.hpp"

namespace samen {
namespace {

namespace fs = std::filesystem;
namespace rich = testing::hsds_rich;
using testing::AppClient;

const fs::path kSchemas = fs::path(samen::testing::source_dir()) / ".." / "shared" / "hsds-3.0" / "schema";
const fs::path kValidator = fs::path(samen::testing::source_dir()) / "tests" / "directory" / "hsds" / "validate_hsds.py";

// Reads a streamed body to the end, counting the pieces.
std::string drain(http::Response& r, int* pieces = nullptr) {
  std::string body = r.body, chunk;
  int n = 0;
  if (r.stream) {
    bool more = true;
    while (more) {
      chunk.clear();
      more = r.stream(chunk);
      body += chunk;
      n += chunk.empty() ? 0 : 1;
    }
  }
  if (pieces) *pieces = n;
  return body;
}

class HsdsApiTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    store::in_transaction(db(), [](store::Connection& c) { rich::seed(c); });
    app_ = testing::make_test_app(test_db(), 4, [&](app::AppOptions& o) { o.data_dir = test_db().scratch() / "data"; });
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  http::Response get(const std::string& target) {
    AppClient c(*app_);
    return c.get(target);
  }
  nlohmann::json get_json(const std::string& target, int status = 200) {
    auto r = get(target);
    EXPECT_EQ(r.status, status) << target << "\n" << r.body;
    EXPECT_EQ(r.header("Content-Type").value_or(""), "application/json") << target;
    return nlohmann::json::parse(r.body);
  }
  // Validates a response body with python3-jsonschema against an official schema.
  void validate(const std::string& target, const std::string& schema, const std::string& mode = "") {
    SCOPED_TRACE(target);
    SAMEN_REQUIRE_SHARED(kSchemas);
    ASSERT_EQ(std::system("/usr/bin/python3 -c 'import jsonschema' 2>/dev/null"), 0)
        << "python3-jsonschema is missing: run scripts/install-deps --test";
    auto r = get(target);
    ASSERT_EQ(r.status, 200) << r.body;
    auto file = test_db().scratch() / "instance.json", report = test_db().scratch() / "report.txt";
    std::ofstream(file, std::ios::binary) << drain(r);
    std::string cmd = "/usr/bin/python3 " + kValidator.string() + " " + (kSchemas / schema).string() + " " +
                      file.string() + (mode.empty() ? "" : " " + mode) + " >" + report.string() + " 2>&1";
    int rc = std::system(cmd.c_str());
    std::ifstream in(report);
    std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("valid: "), std::string::npos) << out;
  }
  std::set<std::string> ids_of(const nlohmann::json& page) {
    std::set<std::string> ids;
    for (const auto& item : page["contents"]) ids.insert(item["id"].get<std::string>());
    return ids;
  }
  std::unique_ptr<app::App> app_;
};

TEST_P(HsdsApiTest, RootDescribesTheApiAndServesItsOpenApiDocument) {
  for (const char* path : {"/hsds/", "/hsds"}) {
    auto j = get_json(path);
    EXPECT_EQ(j["version"], "3.0");
    EXPECT_TRUE(j["profile"].get<std::string>().starts_with("https://"));
    EXPECT_TRUE(j["openapi_url"].get<std::string>().ends_with("/hsds/openapi.json"));
  }
  auto doc = get_json("/hsds/openapi.json");
  EXPECT_EQ(doc["openapi"], "3.1.0");
  EXPECT_TRUE(doc["paths"].contains("/services/{id}"));
  EXPECT_EQ(doc["servers"][0]["url"], "/hsds");
  EXPECT_EQ(get("/hsds/services").header("Access-Control-Allow-Origin"), "*");
}

TEST_P(HsdsApiTest, SingleObjectsValidateAgainstTheCompiledSchemas) {
  validate(std::string("/hsds/services/") + rich::kService1, "compiled/service.json");
  validate(std::string("/hsds/services/") + rich::kService2, "compiled/service.json");
  validate(std::string("/hsds/organizations/") + rich::kOrgA, "compiled/organization.json");
  validate(std::string("/hsds/organizations/") + rich::kOrgA + "?full_service=true", "compiled/organization.json");
  validate(std::string("/hsds/service_at_locations/") + rich::kSal, "compiled/service_at_location.json");
  validate(std::string("/hsds/taxonomies/") + rich::kTaxonomy, "taxonomy.json");
  validate(std::string("/hsds/taxonomy_terms/") + rich::kTermChild, "taxonomy_term.json");
  validate("/hsds/taxonomy_terms/" + std::string(directory::hsds::translation_term_for_lang("fr")->id),
           "taxonomy_term.json");
}

TEST_P(HsdsApiTest, ListItemsValidateAgainstTheCompiledSchemas) {
  validate("/hsds/services", "compiled/service_list.json", "--page");
  validate("/hsds/services?full=true", "compiled/service.json", "--page");
  validate("/hsds/organizations", "compiled/organization_list.json", "--page");
  validate("/hsds/organizations?full=true", "compiled/organization.json", "--page");
  validate("/hsds/organizations?full_service=true", "compiled/organization.json", "--page");
  validate("/hsds/service_at_locations", "compiled/service_at_location_list.json", "--page");
  validate("/hsds/service_at_locations?full=true", "compiled/service_at_location.json", "--page");
  validate("/hsds/taxonomies", "taxonomy.json", "--page");
  validate("/hsds/taxonomy_terms", "taxonomy_term.json", "--page");
  validate("/hsds/services?format=ndjson", "compiled/service_list.json", "--ndjson");
  validate("/hsds/services?format=ndjson&full=true", "compiled/service.json", "--ndjson");
  validate("/hsds/organizations?format=ndjson", "compiled/organization_list.json", "--ndjson");
}

TEST_P(HsdsApiTest, ObjectsCarryTheirNestedRecordsAndTranslations) {
  auto s = get_json(std::string("/hsds/services/") + rich::kService1);
  EXPECT_EQ(s["name"], rich::kService1Name);
  EXPECT_EQ(s["minimum_age"], 2.5);
  EXPECT_EQ(s["organization"]["name"], "Kind & Gezin, \"Brussel\"");
  EXPECT_EQ(s["program"]["id"], rich::kProgram);
  EXPECT_EQ(s["service_at_locations"][0]["location"]["latitude"], 50.8466);
  EXPECT_EQ(s["schedules"][0]["byday"], "MO,TU,TH");
  EXPECT_EQ(s["cost_options"][0]["amount"], 12.75);
  std::set<std::string> translated;
  for (const auto& a : s["attributes"])
    if (a["taxonomy_term"]["code"].get<std::string>().starts_with("translation:"))
      translated.insert(a["link_type"].get<std::string>() + "/" + a["taxonomy_term"]["code"].get<std::string>());
  EXPECT_EQ(translated, (std::set<std::string>{"description/translation:fr", "name/translation:en", "name/translation:fr"}));
  auto org = get_json(std::string("/hsds/organizations/") + rich::kOrgA);
  EXPECT_EQ(org["services"].size(), 1u);  // the archived service is not shown
  EXPECT_FALSE(org["services"][0].contains("phones"));
  auto full = get_json(std::string("/hsds/organizations/") + rich::kOrgA + "?full_service=true");
  EXPECT_TRUE(full["services"][0].contains("phones"));
  auto sal = get_json(std::string("/hsds/service_at_locations/") + rich::kSal);
  EXPECT_EQ(sal["service"]["id"], rich::kService1);
  EXPECT_EQ(sal["location"]["addresses"][0]["city"], "Bruxelles");
}

TEST_P(HsdsApiTest, ListsFilterPaginateAndHideArchivedRecords) {
  auto all = get_json("/hsds/services");
  EXPECT_EQ(all["total_items"], 2);
  EXPECT_EQ(ids_of(all), (std::set<std::string>{rich::kService1, rich::kService2}));
  EXPECT_EQ(all["contents"][0]["organization"]["id"], rich::kOrgA);
  EXPECT_EQ(ids_of(get_json(std::string("/hsds/services?organization_id=") + rich::kOrgB)),
            std::set<std::string>{rich::kService2});
  EXPECT_EQ(ids_of(get_json(std::string("/hsds/services?taxonomy_term_id=") + rich::kTermChild)),
            std::set<std::string>{rich::kService1});
  EXPECT_EQ(ids_of(get_json(std::string("/hsds/services?taxonomy_id=") + rich::kTaxonomy)),
            std::set<std::string>{rich::kService1});
  EXPECT_EQ(ids_of(get_json("/hsds/services?postcode=1000")), std::set<std::string>{rich::kService1});
  EXPECT_EQ(get_json("/hsds/services?postcode=9999")["total_items"], 0);
  EXPECT_EQ(ids_of(get_json("/hsds/service_at_locations?postcode=1000")), std::set<std::string>{rich::kSal});
  auto page2 = get_json("/hsds/services?per_page=1&page=2");
  EXPECT_EQ(page2["contents"].size(), 1u);
  EXPECT_EQ(page2["page_number"], 2);
  EXPECT_EQ(page2["total_pages"], 2);
  EXPECT_EQ(page2["last_page"], true);
  EXPECT_EQ(page2["first_page"], false);
  EXPECT_EQ(page2["contents"][0]["id"], rich::kService2);
  EXPECT_EQ(page2["size"], 1);  // the items on the page
  EXPECT_EQ(all["size"], 2);    // not the per_page of 50
  auto beyond = get_json("/hsds/services?page=5");
  EXPECT_EQ(beyond["empty"], true);
  EXPECT_EQ(beyond["size"], 0);
  EXPECT_EQ(get_json("/hsds/organizations?search=gezin")["total_items"], 1);
  EXPECT_EQ(ids_of(get_json("/hsds/taxonomy_terms?top_only=true&taxonomy_id=" + std::string(rich::kTaxonomy))),
            std::set<std::string>{rich::kTermParent});
  EXPECT_EQ(ids_of(get_json("/hsds/taxonomy_terms?parent_id=" + std::string(rich::kTermParent))),
            std::set<std::string>{rich::kTermChild});
  auto taxonomies = ids_of(get_json("/hsds/taxonomies?per_page=200"));
  EXPECT_TRUE(taxonomies.count(rich::kTaxonomy));
  EXPECT_TRUE(taxonomies.count(std::string(directory::hsds::kTranslationTaxonomyId)));  // Samen's translations
}

TEST_P(HsdsApiTest, UnknownIdsAndBadParametersGetJsonErrors) {
  for (const std::string& path :
       {std::string("/hsds/services/") + rich::kArchived, std::string("/hsds/services/nope"), std::string("/hsds/nothing/else"),
        std::string("/hsds/organizations/0a1f7a52-1c1e-4a4e-9a57-5a0f0c2d1bff"), std::string("/hsds/taxonomies/x"),
        std::string("/hsds/taxonomy_terms/x"), std::string("/hsds/service_at_locations/x"), std::string("/hsds/nothing")}) {
    auto j = get_json(path, 404);
    EXPECT_EQ(j["error"]["code"], "not_found") << path;
    EXPECT_EQ(get(path).header("Access-Control-Allow-Origin").value_or(""), "*") << path;
  }
  for (const char* path : {"/hsds/services?page=0", "/hsds/services?per_page=0", "/hsds/services?page=two",
                           "/hsds/services?modified_after=yesterday", "/hsds/services?full=maybe",
                           "/hsds/services?format=xml", "/hsds/organizations?full_service=2",
                           "/hsds/taxonomy_terms?top_only=yes"}) {
    auto j = get_json(path, 400);
    EXPECT_FALSE(j["error"]["code"].get<std::string>().empty()) << path;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty()) << path;
    EXPECT_EQ(get(path).header("Access-Control-Allow-Origin").value_or(""), "*") << path;
  }
  // Answers outside /hsds/ are not opened to other origins.
  EXPECT_FALSE(get("/api/v1/services").header("Access-Control-Allow-Origin"));
  EXPECT_EQ(get("/hsds/services").header("Access-Control-Allow-Origin").value_or(""), "*");
}

TEST_P(HsdsApiTest, PerPageAboveTheMaximumIsLoweredAndThePageSaysSo) {
  auto j = get_json("/hsds/services?per_page=500");
  EXPECT_EQ(j["size"], 2);
  EXPECT_EQ(j["per_page"], 200);
  EXPECT_EQ(j["per_page_requested"], 500);
  EXPECT_EQ(j["total_pages"], 1);
  const std::string en = j["notice"];
  EXPECT_NE(en.find("200"), std::string::npos);
  const std::string fr = get_json("/hsds/taxonomy_terms?per_page=1000&lang=fr")["notice"];
  EXPECT_NE(fr, en);
  EXPECT_FALSE(get_json("/hsds/services?per_page=200").contains("notice"));
}

TEST_P(HsdsApiTest, MinimalListsIdsAndLastModifiedOnly) {
  auto j = get_json("/hsds/services?minimal=true");
  EXPECT_EQ(j["total_items"], 2);
  ASSERT_EQ(j["contents"].size(), 2u);
  for (const auto& item : j["contents"]) {
    for (const auto& [key, value] : item.items()) EXPECT_TRUE(key == "id" || key == "last_modified") << key;
    if (item["id"] == rich::kService1) EXPECT_EQ(item["last_modified"], "2024-05-01T09:30:00Z");
  }
  EXPECT_EQ(get_json(std::string("/hsds/services?minimal=true&organization_id=") + rich::kOrgB)["contents"][0],
            (nlohmann::json{{"id", rich::kService2}}));
  auto streamed = get("/hsds/services?minimal=1&format=ndjson");
  auto stream = drain(streamed);
  EXPECT_EQ(std::count(stream.begin(), stream.end(), '\n'), 2);
  EXPECT_EQ(stream.find("\"name\""), std::string::npos);
  get_json("/hsds/services?minimal=perhaps", 400);
}

TEST_P(HsdsApiTest, ProximityKeepsPlacesWithinTheRadiusNearestFirst) {
  // A second place for kService2 in Jette, about 4 km north-west of kLocation (Brussels centre).
  const std::string far_location = "3d4f7a52-1c1e-4a4e-9a57-5a0f0c2d1b09", far_sal = "4e5f7a52-1c1e-4a4e-9a57-5a0f0c2d1b09";
  store::in_transaction(db(), [&](store::Connection& c) {
    c.exec("INSERT INTO locations (id, location_type, name, latitude, longitude, created_at, updated_at) VALUES "
           "(?, 'physical', 'Jette', 50.8777, 4.3256, 1, 1)",
           {far_location});
    c.exec("INSERT INTO addresses (id, location_id, address_1, city, state_province, postal_code, country, "
           "address_type) VALUES ('9a0f7a52-1c1e-4a4e-9a57-5a0f0c2d1b09', ?, 'Kerkstraat 1', 'Jette', "
           "'Brussels-Capital', '1090', 'BE', 'physical')",
           {far_location});
    c.exec("INSERT INTO service_at_location (id, service_id, location_id) VALUES (?, ?, ?)",
           {far_sal, std::string(rich::kService2), far_location});
  });
  auto order = [&](const std::string& query) {
    std::vector<std::string> ids;
    const auto page = get_json("/hsds/service_at_locations?" + query);
    for (const auto& item : page["contents"]) ids.push_back(item["id"]);
    return ids;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(order("postcode=1000&proximity=500"), Ids{rich::kSal});
  EXPECT_EQ(order("postcode=1000&proximity=10000"), (Ids{rich::kSal, far_sal}));
  EXPECT_EQ(order("postcode=1090&proximity=10000"), (Ids{far_sal, rich::kSal}));
  EXPECT_EQ(order("postcode=1090&proximity=3000"), Ids{far_sal});
  EXPECT_EQ(order("postcode=1090"), Ids{far_sal});  // without proximity: the postcode itself
  // A Brussels postcode without any place: the municipality's centre (Ixelles, about 2 km from kLocation).
  EXPECT_EQ(order("postcode=1050&proximity=3500"), Ids{rich::kSal});
  for (const char* bad : {"proximity=100", "postcode=1000&proximity=-5", "postcode=1000&proximity=far",
                          "postcode=9999&proximity=100"}) {
    auto j = get_json(std::string("/hsds/service_at_locations?") + bad, 400);
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty()) << bad;
  }
}

TEST_P(HsdsApiTest, ModifiedAfterFiltersOnTheServedLastModified) {
  // kService1: last_modified 2024-05-01T09:30:00Z (updated_at 5000); kService2: a bare day (midnight UTC).
  db().acquire()->exec("UPDATE services SET last_modified = '2024-06-01', updated_at = 1 WHERE id = ?",
                       {std::string(rich::kService2)});
  auto ids = [&](const std::string& after) { return ids_of(get_json("/hsds/services?modified_after=" + after)); };
  using Ids = std::set<std::string>;
  EXPECT_EQ(ids("2024-05-01T09:00:00Z"), (Ids{rich::kService1, rich::kService2}));
  EXPECT_EQ(ids("2024-05-01T10:00:00Z"), Ids{rich::kService2});
  EXPECT_EQ(ids("2024-05-01T11:00:00%2B02:00"), (Ids{rich::kService1, rich::kService2}));  // 09:00Z
  EXPECT_EQ(ids("2024-06-01"), Ids{rich::kService2});  // the served 2024-06-01T00:00:00Z is not before it
  EXPECT_EQ(ids("2024-06-01T00:00:01Z"), Ids{});
  EXPECT_EQ(ids("1970-01-01T01:10:00Z"), (Ids{rich::kService1, rich::kService2}));  // not the import time
  const auto served = get_json(std::string("/hsds/services/") + rich::kService2)["last_modified"];
  EXPECT_EQ(served, "2024-06-01T00:00:00Z");
}

TEST_P(HsdsApiTest, NdjsonStreamsTheWholeSetInPieces) {
  store::in_transaction(db(), [](store::Connection& c) {
    for (int i = 0; i < 1200; ++i) {
      char id[37];
      std::snprintf(id, sizeof id, "b0000000-0000-4000-8000-%012d", i);
      c.exec("INSERT INTO services (id, organization_id, name, status, created_at, updated_at) VALUES "
             "(?, ?, ?, 'active', 1, 1)",
             {std::string(id), std::string(rich::kOrgB), "Dienst " + std::to_string(i)});
    }
  });
  auto r = get("/hsds/services?format=ndjson");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "application/x-ndjson");
  EXPECT_TRUE(r.body.empty());
  ASSERT_TRUE(r.stream);
  int pieces = 0;
  auto body = drain(r, &pieces);
  EXPECT_GE(pieces, 3);  // 1202 services, 500 per piece
  std::vector<std::string> ids;
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find('\n', start);
    ASSERT_NE(end, std::string::npos);
    auto j = nlohmann::json::parse(body.substr(start, end - start));
    ids.push_back(j["id"]);
    start = end + 1;
  }
  EXPECT_EQ(ids.size(), 1202u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 1202u);
  // Filters apply to the stream too; HEAD sends no body.
  auto filtered = get(std::string("/hsds/services?format=ndjson&organization_id=") + rich::kOrgA);
  auto text = drain(filtered);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);  // the archived service is left out
  AppClient c(*app_);
  auto head = c.request("HEAD", "/hsds/services?format=ndjson");
  EXPECT_EQ(head.status, 200);
  EXPECT_FALSE(head.stream);
}

TEST_P(HsdsApiTest, SearchUsesTheSearchEngine) {
  directory::search(*app_).rebuild();
  auto j = get_json("/hsds/services?search=loups");
  // The engine decides what matches; whatever it finds is a valid, unarchived service.
  for (const auto& id : ids_of(j)) EXPECT_TRUE(id == rich::kService1 || id == rich::kService2) << id;
  EXPECT_EQ(j["total_items"], j["contents"].size());
  EXPECT_EQ(get_json("/hsds/service_at_locations?search=loups")["page_number"], 1);
}

TEST_P(HsdsApiTest, SearchPagesThroughEveryMatchWithTheTrueTotal) {
  store::in_transaction(db(), [](store::Connection& c) {
    for (int i = 0; i < 260; ++i) {
      char id[37];
      std::snprintf(id, sizeof id, "b0000000-0000-4000-8000-%012d", i);
      c.exec("INSERT INTO services (id, organization_id, name, status, created_at, updated_at) VALUES "
             "(?, ?, ?, 'active', 1, 1)",
             {std::string(id), std::string(rich::kOrgB), "Zwemles " + std::to_string(i)});
    }
  });
  directory::search(*app_).rebuild();
  std::set<std::string> seen;
  for (int page = 1; page <= 3; ++page) {
    auto j = get_json("/hsds/services?search=zwemles&per_page=100&page=" + std::to_string(page));
    EXPECT_EQ(j["total_items"], 260);
    EXPECT_EQ(j["total_pages"], 3);
    EXPECT_EQ(j["size"], page < 3 ? 100 : 60);
    for (const auto& id : ids_of(j)) seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 260u);
  // Filters of the API apply to every match, not to the first hundred.
  EXPECT_EQ(get_json(std::string("/hsds/services?search=zwemles&organization_id=") + rich::kOrgA)["total_items"], 0);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(HsdsApiTest);

// The stream over a real socket: chunked transfer encoding, and the
// connection stays usable for the next request.
TEST(HsdsApiServer, NdjsonIsSentChunkedAndTheConnectionContinues) {
  testing::TempDir dir;
  {
    auto db = store::Database::open("", dir.path(), 1);
    app::migrate(*db);
    store::in_transaction(*db, [](store::Connection& c) { rich::seed(c); });
  }
  testing::ServerProcess server(dir.path().string());
  auto raw = testing::raw_http(server.port(),
                               "GET /hsds/services?format=ndjson HTTP/1.1\r\nHost: localhost\r\n\r\n"
                               "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(testing::status_of(raw), 200);
  auto lower = raw;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_NE(lower.find("transfer-encoding: chunked"), std::string::npos) << raw;
  EXPECT_NE(lower.find("content-type: application/x-ndjson"), std::string::npos);
  EXPECT_NE(raw.find(std::string("{\"id\":\"") + rich::kService1), std::string::npos);
  EXPECT_NE(raw.find("\r\n0\r\n\r\n"), std::string::npos);  // the last chunk
  EXPECT_NE(raw.find("{\"status\":\"ok\"}"), std::string::npos);  // then the second response
  EXPECT_EQ(server.terminate(), 0);
}

// import-hsds into the data directory of a running server (SQLite: the
// server holds the Xapian index; the import cannot write it): the server's
// search finds the new service within seconds, without a restart.
TEST(HsdsApiServer, ARunningServerFindsWhatAnImportInAnotherProcessWrote) {
  testing::TempDir dir;
  testing::ServerProcess server(dir.path().string());
  const fs::path feed = dir.path() / "feed.json";
  std::ofstream(feed) << R"({"id":"0a1f7a52-1c1e-4a4e-9a57-5a0f0c2d1b77","name":"Zwemclub","description":"Sport",)"
                         R"("services":[{"id":"2c3f7a52-1c1e-4a4e-9a57-5a0f0c2d1b77","name":"Zwemparadijs",)"
                         R"("status":"active"}]})";
  auto imported = testing::run_samen({"import-hsds", feed.string(), "--data", dir.path().string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::string raw;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    raw = testing::raw_http(server.port(), "GET /hsds/services?search=zwemparadijs HTTP/1.1\r\nHost: localhost\r\n"
                                           "Connection: close\r\n\r\n");
  } while (raw.find("\"total_items\":1") == std::string::npos && std::chrono::steady_clock::now() < deadline);
  EXPECT_NE(raw.find("\"total_items\":1"), std::string::npos) << raw;
  EXPECT_EQ(server.terminate(), 0);
}

}  // namespace
}  // namespace samen
