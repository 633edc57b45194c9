// The samen command line with CLI11: the platform's own subcommands (serve,
// migrate, backup, version) and those every module adds (Module::commands).
// Settings come from flags, then SAMEN_* environment variables, then a config
// file (--config).
#include "cli/commands.hpp"

#include <malloc.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <thread>

#include "accounts/secrets.hpp"
#include "accounts/users.hpp"
#include "app/app.hpp"
#include "app/module.hpp"
#include "http/server.hpp"
#include "jobs/scheduler.hpp"

namespace samen::cli {

namespace {

struct StoreOptions {
  std::string data = "./samen-data";
  std::string db;
};

void add_store_options(CLI::App* cmd, StoreOptions& o) {
  cmd->add_option("--data", o.data, "Data directory (SQLite database, backups)")->envname("SAMEN_DATA");
  cmd->add_option("--db", o.db, "Database URL: sqlite:PATH or postgresql://user@host:port/db (default: SQLite in --data)")
      ->envname("SAMEN_DB");
}

std::unique_ptr<store::Database> open_store(const StoreOptions& o, std::size_t pool) {
  auto db = store::Database::open(o.db, o.data, pool);
  app::migrate(*db);
  return db;
}

std::int64_t now() { return app::unix_now(); }

// Module subcommands: each gets the store options and runs its action, with
// the database opened and migrated, once parsing has succeeded; a tool runs
// its action without store options or database.
class ModuleCommands : public app::CommandLine {
 public:
  ModuleCommands(CLI::App& cli, StoreOptions& so) : cli_(cli), so_(so) {}

  CLI::App* add(CLI::App* parent, const std::string& name, const std::string& description, std::size_t pool_size,
                Action action) override {
    CLI::App* cmd = (parent ? parent : &cli_)->add_subcommand(name, description);
    add_store_options(cmd, so_);
    actions_.push_back({cmd, pool_size, std::move(action)});
    return cmd;
  }
  CLI::App* add_tool(const std::string& name, const std::string& description,
                     std::function<int()> action) override {
    CLI::App* cmd = cli_.add_subcommand(name, description);
    tools_.push_back({cmd, std::move(action)});
    return cmd;
  }
  CLI::App* group(const std::string& name, const std::string& description) override {
    CLI::App* g = cli_.add_subcommand(name, description);
    g->require_subcommand(1);
    return g;
  }
  // Runs the action of the subcommand given, if it is a module's; nullopt otherwise.
  std::optional<int> run_chosen() {
    for (auto& t : tools_)
      if (t.cmd->parsed()) return t.action();
    for (auto& a : actions_) {
      if (!a.cmd->parsed()) continue;
      auto db = open_store(so_, a.pool_size);
      return a.action(*db, {so_.data, so_.db});
    }
    return std::nullopt;
  }

 private:
  struct Entry {
    CLI::App* cmd;
    std::size_t pool_size;
    Action action;
  };
  struct Tool {
    CLI::App* cmd;
    std::function<int()> action;
  };
  CLI::App& cli_;
  StoreOptions& so_;
  std::vector<Entry> actions_;
  std::vector<Tool> tools_;
};

int serve(const StoreOptions& so, const std::string& listen, bool demo, app::AppOptions ao, std::size_t threads,
          http::ServerConfig sc) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw CLI::ValidationError("--listen", "expected HOST:PORT, e.g. 127.0.0.1:8080");
  sc.trust_forwarded_for = ao.behind_tls;
  sc.host = listen.substr(0, colon);
  if (sc.host.size() > 2 && sc.host.front() == '[') sc.host = sc.host.substr(1, sc.host.size() - 2);
  try {
    int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    sc.port = static_cast<std::uint16_t>(port);
  } catch (const std::exception&) {
    throw CLI::ValidationError("--listen", "invalid port in '" + listen + "'");
  }
  sc.threads = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  auto db = open_store(so, sc.threads + 2);
  std::vector<std::string> announce;
  if (demo) {
    app::DemoLoad load{*db, so.data, now(), announce};
    for (const app::Module* m : app::modules()) m->load_demo(load);  // each idempotent
  }
  ao.data_dir = so.data;
  // The server binds first: with --listen HOST:0 the port, and so the default
  // public address for links in e-mails, is only known then. Requests are
  // handled from run() on, when the App exists.
  std::unique_ptr<app::App> application;
  sc.body_policy_for = [&](const http::Request& head) { return application->body_policy_for(head); };
  http::Server server(
      sc, [&](http::Request& r) { return application->handle(r); },
      [&](int status, const http::Request& r) { return application->transport_error(status, r); });
  std::uint16_t port = server.bind();
  std::string host = sc.host.find(':') != std::string::npos ? "[" + sc.host + "]" : sc.host;
  if (ao.settings["public-url"].empty()) ao.settings["public-url"] = "http://" + host + ":" + std::to_string(port);
  application = std::make_unique<app::App>(ao, std::move(db));
  malloc_trim(0);  // what loading the demo data or rebuilding the index freed goes back before serving
  std::vector<app::Job> jobs;
  for (const app::Module* m : app::modules())
    for (auto& j : m->jobs()) jobs.push_back(std::move(j));
  jobs::Scheduler scheduler(*application, std::move(jobs));  // periodic work of every module, one thread
  std::cout << "Samen is listening on http://" << host << ":" << port << std::endl;
  for (const auto& line : announce) std::cout << line << std::endl;
  if (!demo) {
    auto lease = application->db().acquire();
    if (accounts::count_users(*lease) == 0)
      std::cout << "No accounts yet: create one with  samen user add --email E --name N --role admin --password-stdin"
                << std::endl;
  }
  spdlog::info("{{\"event\":\"start\",\"db\":\"{}\",\"threads\":{}}}", application->db().describe(), sc.threads);
  scheduler.start();
  server.run();
  scheduler.stop();  // a job in progress finishes first
  spdlog::info("{{\"event\":\"stopped\"}}");
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  // Logs are JSON lines on stderr; stdout is for what the user asked for.
  auto logger = spdlog::stderr_logger_mt("samen");
  logger->set_pattern("%v");
  spdlog::set_default_logger(logger);

  CLI::App cli{"Samen: the integrated network of family-support and early-years services"};
  cli.set_config("--config", "", "Read settings from a TOML/INI file (keys as the long options)");
  cli.require_subcommand(1);
  cli.set_help_all_flag("--help-all", "Show help for every subcommand");

  StoreOptions so;
  // serve
  auto* serve_cmd = cli.add_subcommand("serve", "Run the web server");
  std::string listen = "127.0.0.1:8080";
  bool demo = false;
  std::size_t threads = 0;
  app::AppOptions app_options;
  add_store_options(serve_cmd, so);
  serve_cmd->add_option("--listen", listen, "Address to listen on, HOST:PORT (port 0 picks a free one)")
      ->envname("SAMEN_LISTEN");
  serve_cmd->add_flag("--demo", demo, "Load the demo network and print a one-time admin password")->envname("SAMEN_DEMO");
  serve_cmd->add_flag("--behind-tls", app_options.behind_tls, "Served through a TLS proxy: Secure cookies, HSTS, X-Forwarded-For")
      ->envname("SAMEN_BEHIND_TLS");
  serve_cmd->add_option("--threads", threads, "Worker threads (default: one per core)")->envname("SAMEN_THREADS");
  serve_cmd->add_option("--metrics-allow", app_options.metrics_allow,
                        "Client addresses that may read /metrics without a token (comma-separated)")
      ->envname("SAMEN_METRICS_ALLOW")
      ->delimiter(',');
  serve_cmd->add_option("--heavy-requests-per-minute", app_options.heavy_requests_per_minute,
                        "Whole-set HSDS streams and searches per client address and minute (beyond: 429)")
      ->envname("SAMEN_HEAVY_REQUESTS_PER_MINUTE")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  http::ServerConfig transport;
  serve_cmd->add_option("--max-connections", transport.max_connections,
                        "Open connections at most; beyond, the slowest idle one gives way (else 503)")
      ->envname("SAMEN_MAX_CONNECTIONS")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
  serve_cmd->add_option("--max-connections-per-address", transport.max_connections_per_address,
                        "Open connections per client address at most (0: no limit)")
      ->envname("SAMEN_MAX_CONNECTIONS_PER_ADDRESS")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100000}));
  serve_cmd->add_option("--min-request-rate", transport.min_request_rate,
                        "Bytes per second a request header or body must arrive at, after 5 s (0: no minimum)")
      ->envname("SAMEN_MIN_REQUEST_RATE")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100000000}));
  for (const app::Module* m : app::modules()) m->serve_options(*serve_cmd, app_options.settings);

  auto* migrate_cmd = cli.add_subcommand("migrate", "Create or upgrade the database schema");
  add_store_options(migrate_cmd, so);

  auto* backup_cmd = cli.add_subcommand("backup", "Consistent online backup of the SQLite database");
  std::string out;
  add_store_options(backup_cmd, so);
  backup_cmd->add_option("--out", out, "Backup file to write")->required();

  ModuleCommands module_commands(cli, so);
  for (const app::Module* m : app::modules()) m->commands(module_commands);

  auto* version_cmd = cli.add_subcommand("version", "Print the version");

  try {
    cli.parse(argc, argv);
    if (*version_cmd) {
      std::cout << "samen " << SAMEN_VERSION << std::endl;
      return 0;
    }
    accounts::init_crypto();
    if (*serve_cmd) return serve(so, listen, demo, app_options, threads, transport);
    if (*migrate_cmd) {
      auto db = store::Database::open(so.db, so.data, 1);
      int applied = app::migrate(*db);
      std::cout << applied << " migration(s) applied; schema:";
      for (const app::Module* m : app::modules())
        std::cout << " " << m->name() << " " << store::schema_version(*db, m->name());
      std::cout << std::endl;
      return 0;
    }
    if (*backup_cmd) {
      auto db = open_store(so, 1);
      db->backup_to(out);
      std::cout << "backup written to " << out << std::endl;
      return 0;
    }
    if (auto code = module_commands.run_chosen()) return *code;
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "samen: " << e.what() << std::endl;
    return 1;
  }
  return 0;
}

}  // namespace samen::cli
