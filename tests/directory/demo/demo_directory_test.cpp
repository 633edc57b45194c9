// The demo service map on both databases: it meets the numbers the demo
// promises (services, locations, all 19 municipalities, translations, hours,
// ages, languages, costs, categories), is deterministic for a seed and
// idempotent, and the `samen demo-directory` command writes it.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include <xapian.h>

#include "core/brussels.hpp"
#include "directory/demo/demo_directory.hpp"
#include "directory/model/taxonomy.hpp"
#include "directory/search/search.hpp"
#include "directory/search/search_engines.hpp"
#include "support/process.hpp"
#include "support/test_db.hpp"
#include "support/xapian_index.hpp"

namespace samen {
namespace {

using directory::DirectoryPlan;

constexpr std::int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z

class DemoDirectoryTest : public testing::DatabaseTest {
 protected:
  std::int64_t count(const std::string& sql) {
    auto lease = db().acquire();
    return lease->exec(sql).rows.at(0).int64(0);
  }
  DirectoryPlan plan(std::int64_t services = directory::kDemoDirectoryServices, std::uint64_t seed = 1) {
    DirectoryPlan p;
    p.services = services;
    p.seed = seed;
    p.now = kNow;
    return p;
  }
  // Every table the generator writes, as row counts.
  std::vector<std::int64_t> table_counts() {
    std::vector<std::int64_t> out;
    for (const char* t : {"organizations", "locations", "addresses", "services", "service_at_location", "contacts",
                          "phones", "schedules", "schedule_exceptions", "languages", "cost_options", "attributes",
                          "translations"})
      out.push_back(count(std::string("SELECT COUNT(*) FROM ") + t));
    return out;
  }
};

TEST_P(DemoDirectoryTest, RealisticDemoMeetsTheNumbers) {
  auto counts = directory::generate_directory(db(), plan());
  EXPECT_EQ(counts.services, directory::kDemoDirectoryServices);
  const std::int64_t services = count("SELECT COUNT(*) FROM services");
  EXPECT_GE(services, 300);
  EXPECT_GE(count("SELECT COUNT(*) FROM locations"), 150);
  EXPECT_GE(count("SELECT COUNT(*) FROM organizations"), 100);

  // All 19 municipalities, through the addresses' postcodes; coordinates inside the region.
  std::set<std::string> municipalities;
  {
    auto lease = db().acquire();
    for (const auto& r : lease->exec("SELECT a.postal_code, l.latitude, l.longitude FROM addresses a "
                                     "JOIN locations l ON l.id = a.location_id").rows) {
      auto m = core::municipality_for_postcode(r.text(0));
      ASSERT_NE(m, nullptr) << r.text(0);
      municipalities.insert(m->nis_code);
      EXPECT_GT(r.real(1), 50.76);
      EXPECT_LT(r.real(1), 50.92);
      EXPECT_GT(r.real(2), 4.24);
      EXPECT_LT(r.real(2), 4.48);
    }
  }
  EXPECT_EQ(municipalities.size(), 19u);

  // Dutch names everywhere, French for most, but not all (as in real life), English for some.
  EXPECT_EQ(count("SELECT COUNT(*) FROM services WHERE name IS NULL OR name = ''"), 0);
  const std::int64_t fr = count("SELECT COUNT(DISTINCT resource_id) FROM translations WHERE resource_type = 'service' "
                                "AND field = 'name' AND lang = 'fr'");
  EXPECT_GE(fr, services * 9 / 10);
  EXPECT_LT(fr, services);
  EXPECT_GT(count("SELECT COUNT(*) FROM translations WHERE resource_type = 'service' AND field = 'description' "
                  "AND lang = 'en'"),
            services / 10);
  EXPECT_GT(count("SELECT COUNT(*) FROM translations WHERE resource_type = 'service' "
                  "AND field = 'eligibility_description' AND lang = 'fr'"),
            services / 2);

  // Every service: hours, a location, a language, a cost option and a known category.
  for (const char* table : {"schedules", "service_at_location", "languages", "cost_options"})
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM services s WHERE NOT EXISTS (SELECT 1 FROM ") + table +
                    " x WHERE x.service_id = s.id)"),
              0)
        << table;
  EXPECT_EQ(count("SELECT COUNT(*) FROM services s WHERE NOT EXISTS (SELECT 1 FROM attributes a JOIN taxonomy_terms t "
                  "ON t.id = a.taxonomy_term_id WHERE a.link_id = s.id AND a.link_entity = 'service')"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schedules WHERE freq <> 'WEEKLY' OR byday IS NULL OR opens_at IS NULL"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM schedules WHERE byday LIKE '%SA%'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM schedules WHERE byday = 'WE' AND closes_at <= '12:30'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM schedule_exceptions WHERE closed = 1"), 0);

  // Ages fit the category: childcare 0-3, pre-school 2.5-6; most services have ages.
  EXPECT_GE(count("SELECT COUNT(*) FROM services WHERE minimum_age IS NOT NULL AND maximum_age IS NOT NULL"),
            services * 85 / 100);
  const std::string childcare = *directory::family_term_id("childcare");
  const std::string preschool = *directory::family_term_id("preschool");
  EXPECT_GT(count("SELECT COUNT(*) FROM services s JOIN attributes a ON a.link_id = s.id "
                  "WHERE a.taxonomy_term_id = '" + childcare + "'"),
            20);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services s JOIN attributes a ON a.link_id = s.id WHERE a.taxonomy_term_id = '" +
                  childcare + "' AND (s.minimum_age <> 0 OR s.maximum_age <> 3)"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services s JOIN attributes a ON a.link_id = s.id WHERE a.taxonomy_term_id = '" +
                  preschool + "' AND (s.minimum_age <> 2.5 OR s.maximum_age <> 6)"),
            0);

  // Languages beyond nl/fr, the three cost kinds, and some services overdue for review.
  EXPECT_GE(count("SELECT COUNT(DISTINCT code) FROM languages"), 8);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT option) FROM cost_options"), 3);
  EXPECT_GT(count("SELECT COUNT(*) FROM cost_options WHERE option = 'paid' AND amount > 0"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM services WHERE assured_date < '2025-01-01'"), 10);
  EXPECT_GT(count("SELECT COUNT(*) FROM services WHERE assured_date >= '2025-01-01'"), services / 2);
  EXPECT_GT(count("SELECT COUNT(*) FROM phones WHERE number LIKE '+32 2 %'"), services);
  // The demo network's organisations offer services too.
  EXPECT_GT(count("SELECT COUNT(*) FROM services s JOIN organizations o ON o.id = s.organization_id "
                  "WHERE o.name = 'Kinderdagverblijf De Vlinder'"),
            0);
}

TEST_P(DemoDirectoryTest, SameSeedSameRecordsAndRunningTwiceAddsNothing) {
  auto first = directory::generate_directory(db(), plan());
  auto before = table_counts();
  auto again = directory::generate_directory(db(), plan());
  EXPECT_EQ(again.services, 0);
  EXPECT_EQ(again.rows, 0);
  EXPECT_EQ(table_counts(), before);

  // A second database with the same seed holds exactly the same services.
  testing::TestDatabase other(GetParam());
  directory::generate_directory(other.db(), plan());
  const std::string sql =
      "SELECT s.id, s.name, s.minimum_age, s.assured_date, a.postal_code FROM services s "
      "JOIN service_at_location sal ON sal.service_id = s.id JOIN addresses a ON a.location_id = sal.location_id "
      "ORDER BY s.id";
  auto rows = [&](store::Database& d) {
    std::vector<std::string> out;
    auto lease = d.acquire();
    for (const auto& r : lease->exec(sql).rows)
      out.push_back(r.text(0) + "|" + r.text(1) + "|" + std::to_string(r.real(2)) + "|" + r.text(3) + "|" + r.text(4));
    return out;
  };
  auto mine = rows(db());
  EXPECT_EQ(mine.size(), static_cast<std::size_t>(first.services));
  EXPECT_EQ(mine, rows(other.db()));

  // Another seed: other services, the same demo organisations.
  auto seven = directory::generate_directory(db(), plan(directory::kDemoDirectoryServices, 7));
  EXPECT_EQ(seven.services, directory::kDemoDirectoryServices);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), 2 * directory::kDemoDirectoryServices);
}

TEST_P(DemoDirectoryTest, LargerPlansExtendTheDemoAndReportProgress) {
  directory::generate_directory(db(), plan());
  auto p = plan(1501);
  std::vector<std::int64_t> progress;
  p.progress = [&](std::int64_t done, std::int64_t total) {
    EXPECT_EQ(total, 1501);
    progress.push_back(done);
  };
  auto counts = directory::generate_directory(db(), p);
  // The first 320 are the demo's own (same seed, same ids): only the rest is new.
  EXPECT_EQ(counts.services, 1501 - directory::kDemoDirectoryServices);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), 1501);
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), 1501);
  EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM services s WHERE NOT EXISTS "
                  "(SELECT 1 FROM service_at_location x WHERE x.service_id = s.id)"),
            0);
  // SQLite stores the generation with its foreign keys unchecked: every
  // reference holds all the same, and the connections check them again after.
  if (db().dialect() == store::Dialect::sqlite) {
    auto lease = db().acquire();
    EXPECT_TRUE(lease->exec("PRAGMA foreign_key_check").rows.empty());
    EXPECT_EQ(lease->exec("PRAGMA foreign_keys").rows.at(0).int64(0), 1);
  }
}

TEST_P(DemoDirectoryTest, IdsAreVersion8UuidsDerivedFromSeedAndIndex) {
  auto a = directory::directory_uuid(1, "service", 0);
  EXPECT_EQ(a, directory::directory_uuid(1, "service", 0));
  EXPECT_NE(a, directory::directory_uuid(2, "service", 0));
  EXPECT_NE(a, directory::directory_uuid(1, "service", 1));
  ASSERT_EQ(a.size(), 36u);
  EXPECT_EQ(a[14], '8');
}

// SQLite: with a data directory, the search index is built while storing (the
// loaders read each stored batch back inside the transaction) and goes live
// after the commit. It is the index a rebuild writes, however the services
// are cut into batches and commits, and the engine opening it has nothing to
// do. A database that already has services, or PostgreSQL, leaves the index
// to the engine as before; a generation that fails leaves no index behind.
TEST_P(DemoDirectoryTest, TheSearchIndexBuiltWhileStoringIsTheIndexARebuildWrites) {
  testing::TempDir data;
  const std::string dir = (data.path() / "search").string();
  auto p = plan(120);
  p.index_while_storing = data.path();
  directory::detail::set_xapian_rebuild_loaders(3, 7);  // 18 batches on three loaders
  directory::detail::set_xapian_rebuild_commit_every(16);
  auto counts = directory::generate_directory(db(), p);
  directory::detail::set_xapian_rebuild_loaders(directory::detail::kXapianRebuildLoaders);
  directory::detail::set_xapian_rebuild_commit_every(directory::detail::kXapianRebuildCommitEvery);
  EXPECT_EQ(counts.services, 120);
  directory::SearchQuery q;
  q.text = "kinderopvang";
  if (is_postgres()) {
    EXPECT_FALSE(counts.indexed);  // PostgreSQL's index lives in the database
    EXPECT_GT(directory::ServiceSearch::create(db(), data.path())->search(q).total, 0);
    return;
  }
  ASSERT_TRUE(counts.indexed);
  EXPECT_FALSE(std::filesystem::exists(dir + ".bulk"));
  const auto built = testing::xapian_index_contents(dir);
  ASSERT_GT(built.size(), 120u);
  const std::string generation = Xapian::Database(dir).get_metadata("generation");
  auto search = directory::ServiceSearch::create(db(), data.path());
  EXPECT_EQ(Xapian::Database(dir).get_metadata("generation"), generation);  // opened as it was: no rebuild
  const auto found = search->search(q);
  EXPECT_GT(found.total, 0);
  search->rebuild();
  EXPECT_EQ(testing::xapian_index_contents(dir), built);
  EXPECT_EQ(search->search(q).total, found.total);

  // Services there already: the engine brings the index up to date after the commit.
  auto more = plan(40, 7);
  more.index_while_storing = data.path();
  search.reset();
  counts = directory::generate_directory(db(), more);
  EXPECT_EQ(counts.services, 40);
  EXPECT_FALSE(counts.indexed);
  EXPECT_EQ(directory::ServiceSearch::create(db(), data.path())->search(directory::SearchQuery{}).total,
            count("SELECT COUNT(*) FROM services WHERE status = 'active' AND archived_at IS NULL"));
}

TEST_P(DemoDirectoryTest, AGenerationThatFailsWhileIndexingLeavesNeitherRowsNorIndex) {
  if (is_postgres()) GTEST_SKIP() << "only the Xapian index is built while storing";
  testing::TempDir data;
  auto p = plan(600);
  p.index_while_storing = data.path();
  p.progress = [](std::int64_t done, std::int64_t) {
    if (done > 500) throw std::runtime_error("disk full");  // the second batch, while the first is being indexed
  };
  EXPECT_THROW(directory::generate_directory(db(), p), std::runtime_error);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), 0);
  EXPECT_FALSE(std::filesystem::exists(data.path() / "search.bulk"));
  EXPECT_EQ(directory::ServiceSearch::create(db(), data.path())->search(directory::SearchQuery{}).total, 0);

  // Services handed over out of id order: the build gives up, the engine rebuilds.
  auto lease = db().acquire();
  auto build = directory::BulkIndexBuild::start(*lease, data.path());
  ASSERT_TRUE(build);
  build->add({"b"});
  build->add({"a"});
  build->finish();
  EXPECT_FALSE(build->publish());
}

SAMEN_INSTANTIATE_FOR_BACKENDS(DemoDirectoryTest);

TEST(DemoDirectoryCommand, GeneratesIntoTheDataDirectoryAndReports) {
  testing::TempDir dir;
  auto r = testing::run_samen({"demo-directory", "--services", "41", "--seed", "3", "--data", dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("added 41 services"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("generated 41/41 services"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("search index (xapian) up to date"), std::string::npos) << r.out;
  auto again = testing::run_samen({"demo-directory", "--services", "41", "--seed", "3", "--data", dir.path().string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("added 0 services"), std::string::npos) << again.out;
  auto bad = testing::run_samen({"demo-directory", "--services", "0", "--data", dir.path().string()});
  EXPECT_NE(bad.exit_code, 0);
}

// `samen reindex` rebuilds the index from the database: a service written
// behind the index's back (as a restore would) is found afterwards.
TEST(DemoDirectoryCommand, ReindexRebuildsTheSearchIndexFromTheDatabase) {
  testing::TempDir dir;
  ASSERT_EQ(testing::run_samen({"demo-directory", "--services", "12", "--data", dir.path().string()}).exit_code, 0);
  {
    auto db = store::Database::open("", dir.path(), 1);
    db->acquire()->exec("UPDATE services SET name = 'Zeldzaamwoord Opvang' WHERE id = (SELECT MIN(id) FROM services)");
  }
  auto r = testing::run_samen({"reindex", "--data", dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("search index (xapian) rebuilt in"), std::string::npos) << r.out;
  auto db = store::Database::open("", dir.path(), 2);
  auto search = directory::ServiceSearch::create(*db, dir.path());
  directory::SearchQuery q;
  q.text = "zeldzaamwoord";
  EXPECT_EQ(search->search(q).total, 1);
  EXPECT_NE(testing::run_samen({"reindex", "--data", (dir.path() / "missing" / "deeper").string(), "--db", "nonsense://x"}).exit_code, 0);
}

// Generous timeouts: under a loaded sanitizer build the first start loads the
// demo network and directory and builds the search index before listening.
TEST(DemoDirectoryCommand, ServeDemoLoadsTheDirectoryOnceAndSearchFindsIt) {
  testing::TempDir dir;
  auto services = [&] {
    auto db = store::Database::open("", dir.path(), 1);
    auto lease = db->acquire();
    return lease->exec("SELECT COUNT(*) FROM services").rows.at(0).int64(0);
  };
  {
    testing::ServerProcess server(dir.path().string(), {"--demo"});
    auto page = testing::raw_http(server.port(), "GET /services?q=kinderopvang&municipality=21010 HTTP/1.1\r\n"
                                                 "Host: localhost\r\nConnection: close\r\n\r\n",
                                  std::chrono::seconds(60));
    EXPECT_EQ(testing::status_of(page), 200) << page.substr(0, 300);
    EXPECT_NE(page.find("Kinderdagverblijf De Vlinder"), std::string::npos);
    EXPECT_EQ(server.terminate(std::chrono::seconds(60)), 0);
  }
  EXPECT_EQ(services(), directory::kDemoDirectoryServices);
  {
    testing::ServerProcess again(dir.path().string(), {"--demo"});
    EXPECT_EQ(again.terminate(std::chrono::seconds(60)), 0);
  }
  EXPECT_EQ(services(), directory::kDemoDirectoryServices);
}

}  // namespace
}  // namespace samen
