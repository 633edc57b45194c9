// The hidden commands bench/transitions.sh runs:
//  - `samen transitions-bench-data --handovers N [--expired M] [--ids FILE]`:
//    two bench organisations (bench-tr-send, bench-tr-recv), ten sending and
//    ten receiving settings, N handovers from one to the other with a
//    running consent for their receiving setting (every part), and M
//    handovers whose retention ended; sealed with the key file the server
//    uses (made and recorded when missing, as a first start does); up to 200
//    ids of running handovers written to FILE. Written straight into the
//    tables in batches (no audit: this is no one's work).
//  - `samen transitions-retention`: the retention job's work, run once now
//    (the job's own code), to time it beside a serving server.
#include <CLI/CLI.hpp>

#include <chrono>
#include <fstream>
#include <iostream>

#include "app/app.hpp"
#include "transitions/handlers.hpp"
#include "transitions/store.hpp"

namespace samen::transitions {

namespace {

struct BenchOptions {
  std::int64_t handovers = 10000;
  std::int64_t expired = 0;
  std::string ids_file;
  std::string key_file;
};

void ensure_world(store::Connection& c) {
  const char* pg = c.dialect() == store::Dialect::postgres ? " ON CONFLICT DO NOTHING" : "";
  const char* ins = c.dialect() == store::Dialect::postgres ? "INSERT INTO" : "INSERT OR IGNORE INTO";
  c.exec(std::string(ins) + " organizations (id, name, created_at, updated_at) VALUES ('bench-tr-send', "
         "'Bench kinderopvang vzw', 1, 1), ('bench-tr-recv', 'Bench scholengroep', 1, 1)" + pg);
  for (int i = 0; i < 10; ++i) {
    std::string s = "bench-tr-send-" + std::to_string(i), r = "bench-tr-recv-" + std::to_string(i);
    c.exec(std::string(ins) + " services (id, organization_id, name, status, created_at, updated_at) VALUES "
           "(?, 'bench-tr-send', ?, 'active', 1, 1), (?, 'bench-tr-recv', ?, 'active', 1, 1)" + pg,
           {s, "Bench kinderdagverblijf " + std::to_string(i), r, "Bench kleuterschool " + std::to_string(i)});
    c.exec(std::string(ins) + " transitions_settings (id, version, created_at, updated_at, kind, languages) VALUES "
           "(?, 1, 1, 1, 'childcare', 'nl,fr'), (?, 1, 1, 1, 'pre_school', 'nl,fr')" + pg,
           {s, r});
  }
}

int generate(store::Database& db, const app::CommandLine::Store& where, const BenchOptions& o) {
  auto start = std::chrono::steady_clock::now();
  std::int64_t now = app::unix_now();
  Keyring keyring(key_file_path(where.data, o.key_file));
  {
    auto lease = db.acquire();
    store::run_in_transaction(*lease, [&] { ensure_world(*lease); });
    keyring.open(*lease, now);
  }
  std::vector<std::string> ids;
  auto add = [&](std::int64_t count, bool expired) {
    for (std::int64_t done = 0; done < count;) {
      std::int64_t batch = std::min<std::int64_t>(1000, count - done);
      store::in_transaction(db, [&](store::Connection& c) {
        Key key = keyring.current(c);
        for (std::int64_t i = 0; i < batch; ++i, ++done) {
          Handover h;
          int n = static_cast<int>(done % 10);
          h.sending_setting_id = "bench-tr-send-" + std::to_string(n);
          h.receiving_setting_id = "bench-tr-recv-" + std::to_string(n);
          h.transition_date = expired ? "2020-09-01" : "2026-09-01";
          h.delete_after = expired ? retention_end(h.transition_date, 6) : now + 180 * 86400;
          h.created_at = now;
          h.language = done % 2 ? "fr" : "nl";
          h.contents = {"Kind" + std::to_string(done % 997), "2023-0" + std::to_string(1 + done % 9), {"nl", "ar"},
                        "Een vaste routine bij het afscheid, haar knuffel en een liedje voor het slapen. " +
                            std::to_string(done),
                        "Graag een rustig begin en korte dagen in de eerste week.", "Geen bijzonderheden."};
          insert_handover(c, key, h);
          Consent k;
          k.handover_id = h.id;
          k.receiving_setting_id = h.receiving_setting_id;
          k.valid_until = now + 365 * 86400;
          k.created_at = now;
          k.details = {"moeder", "written", kParts, now};
          insert_consent(c, key, k);
          if (!expired && ids.size() < 200) ids.push_back(h.id);
        }
      });
    }
  };
  add(o.handovers, false);
  add(o.expired, true);
  if (!o.ids_file.empty()) {
    std::ofstream out(o.ids_file);
    for (const auto& id : ids) out << id << "\n";
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "added " << o.handovers << " handovers with consents and " << o.expired << " expired ones in "
            << seconds << " s\n";
  return 0;
}

}  // namespace

void add_bench_commands(app::CommandLine& cl) {
  static BenchOptions options;
  auto* cmd = cl.add(nullptr, "transitions-bench-data", "Add synthetic handovers (bench/transitions.sh)", 1,
                     [](store::Database& db, const app::CommandLine::Store& where) {
                       return generate(db, where, options);
                     });
  cmd->add_option("--handovers", options.handovers, "Running handovers, each with a consent")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
  cmd->add_option("--expired", options.expired, "Handovers past their retention")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
  cmd->add_option("--ids", options.ids_file, "File for up to 200 ids of running handovers");
  cmd->add_option("--key-file", options.key_file, "Key file (default DATA_DIR/transitions.key)");
  cmd->group("");  // hidden from --help: a benchmark's tool
  auto* ret = cl.add(nullptr, "transitions-retention", "Run the retention job's work once now (bench/transitions.sh)",
                     1, [](store::Database& db, const app::CommandLine::Store&) {
                       auto start = std::chrono::steady_clock::now();
                       std::size_t n = run_retention(db, app::unix_now());
                       double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                       std::cout << "deleted " << n << " handovers in " << s << " s\n";
                       return 0;
                     });
  ret->group("");
}

}  // namespace samen::transitions
