// The service map module's plug: its parts' routes in the order of the route
// table, its serve settings (map tiles, result cache), its start-up (family
// taxonomy, search engine), its CLI commands and its demo content.
#include "directory/module.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "app/app.hpp"
#include "directory/demo/demo_directory.hpp"
#include "directory/hsds/hsds_cli.hpp"
#include "directory/search/search.hpp"
#include "directory/search/search_recall.hpp"
#include "directory/model/taxonomy.hpp"

namespace samen::directory {

namespace {

constexpr const char* kTileUrl = "tile-url";
constexpr const char* kSearchCacheMs = "search-cache-ms";

// Seconds of wall and CPU time since construction, for the commands' reports.
struct Stopwatch {
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::clock_t cpu_started = std::clock();
  double wall() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); }
  double cpu() const { return static_cast<double>(std::clock() - cpu_started) / CLOCKS_PER_SEC; }
};

class DirectoryModule : public app::Module {
 public:
  std::string_view name() const override { return "directory"; }

  void routes(app::Routes& r) const override {
    register_finder(r);       // public finder: /services (finder.cpp)
    register_hsds_api(r);     // read-only HSDS 3.0 API: /hsds/ (hsds_api.cpp)
    register_staff(r);        // staff pages: /directory/... (staff.cpp)
    register_link_requests(r);  // consent to links: /directory/link-requests (link_requests.cpp)
    register_api(r);          // JSON API: /api/v1/organizations... (api.cpp)
    register_spreadsheet(r);  // flat spreadsheet import (spreadsheet.cpp)
  }

  void serve_options(CLI::App& serve, app::Settings& s) const override {
    serve.add_option("--tile-url", s[kTileUrl], "Map tile URL template, e.g. https://tiles.example/{z}/{x}/{y}.png")
        ->envname("SAMEN_TILE_URL");
    serve.add_option("--search-cache-ms", s[kSearchCacheMs],
                     "Identical searches within this many milliseconds share one answer (0: no cache; default 1000)")
        ->envname("SAMEN_SEARCH_CACHE_MS")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{60000}));
  }

  void start(app::App& app) const override {
    seed_family_taxonomy(app.db());  // idempotent: categories and synonyms the finder needs
    auto cache = std::chrono::milliseconds(std::stoll(app.setting(kSearchCacheMs, "1000")));
    app.put<ServiceSearch>(ServiceSearch::create(app.db(), app.options().data_dir, cache));
    std::string tiles = app.setting(kTileUrl);
    if (!tiles.empty()) app.allow_image_source(tiles.substr(0, tiles.find('/', 8)));  // scheme://host of the tiles
  }

  void load_demo(const app::DemoLoad& load) const override {
    load_demo_directory(load.db, load.data_dir, load.now);  // idempotent
  }

  void commands(app::CommandLine& cl) const override {
    auto* generate = cl.add(nullptr, "demo-directory", "Generate a demo or benchmark service map (idempotent)", 2,
                            [this](store::Database& db, const app::CommandLine::Store& where) {
                              return demo_directory(db, where);
                            });
    generate->add_option("--services", demo_services_, "Number of services (e.g. 100000 for the benchmark)")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}));
    generate->add_option("--seed", demo_seed_, "Seed: the same seed gives the same records");

    auto* import = cl.add(nullptr, "import-hsds",
                          "Import HSDS 3.0 data: a datapackage folder (CSV) or a JSON file; all or nothing", 2,
                          [this](store::Database& db, const app::CommandLine::Store& where) {
                            return hsds::import_command(db, where.data, hsds_path_, skip_invalid_,
                                                        hsds_max_mb_ * 1024 * 1024, std::cout, std::cerr);
                          });
    import->add_option("PATH", hsds_path_, "Datapackage folder, export folder or HSDS JSON file")->required();
    import->add_flag("--skip-invalid", skip_invalid_, "Import the valid records, report and skip the others");
    import->add_option("--max-file-mb", hsds_max_mb_, "Largest file read, in MB (records are held in memory)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{4096}));

    auto* exp = cl.add(nullptr, "export-hsds", "Write the service map as HSDS 3.0 (DIR/csv and DIR/json)", 2,
                       [this](store::Database& db, const app::CommandLine::Store&) {
                         return hsds::export_command(db, hsds_out_, std::cout);
                       });
    exp->add_option("--out", hsds_out_, "Folder to write")->required();

    cl.add(nullptr, "reindex", "Rebuild the service map's search index (after a restore, say)", 3,
           [](store::Database& db, const app::CommandLine::Store& where) { return reindex(db, where); });

    auto* recall = cl.add(nullptr, "search-recall",
                          "Measure search recall and precision on a query set (language, query, category per line)", 3,
                          [this](store::Database& db, const app::CommandLine::Store& where) {
                            return search_recall(db, where);
                          });
    recall->add_option("FILE", recall_file_, "Query set, e.g. tests/directory/search/recall_queries.tsv")->required();
  }

 private:
  int demo_directory(store::Database& db, const app::CommandLine::Store& where) const {
    Stopwatch clock;
    DirectoryPlan plan;
    plan.services = demo_services_;
    plan.seed = demo_seed_;
    plan.now = app::unix_now();
    plan.index_while_storing = where.data;
    std::int64_t step = std::max<std::int64_t>(demo_services_ / 10, 1);
    plan.progress = [&, next = step](std::int64_t done, std::int64_t total) mutable {
      if (done < next && done < total) return;
      next = done + step;
      std::cout << "generated " << done << "/" << total << " services (" << std::fixed << std::setprecision(1)
                << clock.wall() << " s)" << std::endl;
    };
    auto counts = generate_directory(db, plan);
    double generated = clock.wall();
    std::cout << "added " << counts.services << " services, " << counts.locations << " locations, "
              << counts.organizations << " organisations (" << counts.rows << " rows) in " << std::fixed
              << std::setprecision(2) << generated << " s (" << clock.cpu() << " s CPU)" << std::endl;
    // Opening the engine brings its index up to date (rebuilt when missing, else the new services added).
    const double generated_cpu = clock.cpu();
    auto engine = ServiceSearch::create(db, where.data);
    std::cout << "search index (" << engine->engine_name() << ") up to date in " << std::fixed << std::setprecision(2)
              << clock.wall() - generated << " s (" << clock.cpu() - generated_cpu << " s CPU)" << std::endl;
    return 0;
  }

  static int reindex(store::Database& db, const app::CommandLine::Store& where) {
    auto engine = ServiceSearch::create(db, where.data);  // may already rebuild (a missing index)
    Stopwatch clock;
    engine->rebuild();
    std::cout << "search index (" << engine->engine_name() << ") rebuilt in " << std::fixed << std::setprecision(2)
              << clock.wall() << " s (" << clock.cpu() << " s CPU)" << std::endl;
    return 0;
  }

  // Prints each query short of full recall, then the totals; exit 1 on an unreadable set.
  int search_recall(store::Database& db, const app::CommandLine::Store& where) const {
    std::ifstream in(recall_file_, std::ios::binary);
    if (!in) {
      std::cerr << "error: cannot read " << recall_file_ << std::endl;
      return 1;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto engine = ServiceSearch::create(db, where.data);
    RecallReport report;
    try {
      auto lease = db.acquire();
      report = measure_recall(*lease, *engine, parse_recall_queries(text));
    } catch (const std::invalid_argument& e) {
      std::cerr << "error: " << recall_file_ << ": " << e.what() << std::endl;
      return 1;
    }
    for (const auto& q : report.queries)
      if (q.found < q.expected)
        std::cout << "  " << i18n::code(q.query.lang) << " \"" << q.query.text << "\" (" << q.query.category
                  << "): " << q.found << "/" << q.expected << " found, " << q.hits << " results" << std::endl;
    std::cout << "recall " << std::fixed << std::setprecision(3) << report.recall() << " (" << report.found << "/"
              << report.expected << "), precision " << report.precision() << " (" << report.found << "/"
              << report.hits << ") on " << report.queries.size() << " queries, engine " << engine->engine_name()
              << std::endl;
    return 0;
  }

  // Bound to the command-line options (one process runs one command).
  mutable std::int64_t demo_services_ = kDemoDirectoryServices;
  mutable std::uint64_t demo_seed_ = kDemoDirectorySeed;
  mutable std::string hsds_path_, hsds_out_, recall_file_;
  mutable bool skip_invalid_ = false;
  mutable std::size_t hsds_max_mb_ = 64;
};

}  // namespace

const app::Module& module() {
  static const DirectoryModule m;
  return m;
}

ServiceSearch& search(app::App& app) { return app.get<ServiceSearch>(); }

}  // namespace samen::directory
