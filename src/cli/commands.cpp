// Implementation of the samen subcommands with CLI11. Settings come from
// flags, then SAMEN_* environment variables, then a config file (--config).
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

#include "accounts/audit.hpp"
#include "accounts/secrets.hpp"
#include "accounts/sessions.hpp"
#include "app/app.hpp"
#include "demo/demo.hpp"
#include "directory/demo_directory.hpp"
#include "directory/hsds_cli.hpp"
#include "directory/search.hpp"
#include "http/server.hpp"

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
  store::migrate(*db);
  return db;
}

std::string read_password_stdin() {
  std::string pw;
  std::getline(std::cin, pw);
  if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  return pw;
}

void check_password(const std::string& pw) {
  if (auto problem = accounts::password_problem(pw); !problem.empty())
    throw CLI::ValidationError("password", i18n::Catalog::embedded().text(i18n::Lang::en, problem));
}

std::int64_t now() { return app::unix_now(); }

void audit_cli(store::Connection& c, const std::string& action, std::int64_t user_id, const std::string& detail) {
  accounts::record_audit(c, {0, now(), std::nullopt, "cli", action, "user", std::to_string(user_id), detail, ""});
}

// `sc` arrives with the connection limits set from the flags.
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
  std::string admin_password;
  if (demo) {
    demo::load_network(*db, now());
    directory::load_demo_directory(*db, so.data, now());  // the service map's demo content (idempotent)
    admin_password = demo::reset_demo_admin(*db, now());
  }
  ao.data_dir = so.data;
  app::App application(ao, std::move(db));
  malloc_trim(0);  // what loading the demo data or rebuilding the index freed goes back before serving
  sc.body_policy_for = [&](const http::Request& head) { return application.body_policy_for(head); };
  http::Server server(
      sc, [&](http::Request& r) { return application.handle(r); },
      [&](int status, const http::Request& r) { return application.transport_error(status, r); });
  std::uint16_t port = server.bind();
  std::string host = sc.host.find(':') != std::string::npos ? "[" + sc.host + "]" : sc.host;
  std::cout << "Samen is listening on http://" << host << ":" << port << std::endl;
  if (demo) {
    std::cout << "Admin login: " << demo::kAdminEmail << " / " << admin_password
              << "  (one-time password: choose your own after signing in)" << std::endl;
  } else {
    auto lease = application.db().acquire();
    if (accounts::count_users(*lease) == 0)
      std::cout << "No accounts yet: create one with  samen user add --email E --name N --role admin --password-stdin"
                << std::endl;
  }
  spdlog::info("{{\"event\":\"start\",\"db\":\"{}\",\"threads\":{}}}", application.db().describe(), sc.threads);
  server.run();
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
  std::int64_t search_cache_ms = app_options.search_cache.count();
  add_store_options(serve_cmd, so);
  serve_cmd->add_option("--listen", listen, "Address to listen on, HOST:PORT (port 0 picks a free one)")
      ->envname("SAMEN_LISTEN");
  serve_cmd->add_flag("--demo", demo, "Load the demo network and print a one-time admin password")->envname("SAMEN_DEMO");
  serve_cmd->add_flag("--behind-tls", app_options.behind_tls, "Served through a TLS proxy: Secure cookies, HSTS, X-Forwarded-For")
      ->envname("SAMEN_BEHIND_TLS");
  serve_cmd->add_option("--tile-url", app_options.tile_url, "Map tile URL template, e.g. https://tiles.example/{z}/{x}/{y}.png")
      ->envname("SAMEN_TILE_URL");
  serve_cmd->add_option("--threads", threads, "Worker threads (default: one per core)")->envname("SAMEN_THREADS");
  serve_cmd->add_option("--search-cache-ms", search_cache_ms,
                        "Identical searches within this many milliseconds share one answer (0: no cache)")
      ->envname("SAMEN_SEARCH_CACHE_MS")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{60000}));
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

  auto* migrate_cmd = cli.add_subcommand("migrate", "Create or upgrade the database schema");
  add_store_options(migrate_cmd, so);

  auto* user_cmd = cli.add_subcommand("user", "Manage accounts");
  user_cmd->require_subcommand(1);
  std::string email, name, role_text;
  std::vector<std::string> orgs;
  auto* user_add = user_cmd->add_subcommand("add", "Create an account; the password is read from stdin");
  add_store_options(user_add, so);
  user_add->add_option("--email", email, "E-mail address (login)")->required();
  user_add->add_option("--name", name, "Full name")->required();
  user_add->add_option("--role", role_text, "admin, coordinator, facilitator, partner or parent_rep")->required();
  user_add->add_option("--org", orgs, "Organisation id (repeatable)");
  bool pw_stdin = false;
  user_add->add_flag("--password-stdin", pw_stdin, "Read the password from the first line of stdin")->required();
  auto* user_passwd = user_cmd->add_subcommand("passwd", "Set an account's password from stdin");
  add_store_options(user_passwd, so);
  user_passwd->add_option("--email", email, "E-mail address")->required();
  user_passwd->add_flag("--password-stdin", pw_stdin, "Read the password from the first line of stdin")->required();

  auto* token_cmd = cli.add_subcommand("token", "API bearer tokens");
  token_cmd->require_subcommand(1);
  std::string label = "cli";
  auto* token_create = token_cmd->add_subcommand("create", "Create a token; printed once, on the last line");
  add_store_options(token_create, so);
  token_create->add_option("--email", email, "Account the token acts for")->required();
  token_create->add_option("--label", label, "What the token is for");
  std::int64_t token_days = 0;
  token_create->add_option("--expires-days", token_days, "Valid for this many days (default: until revoked)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{3650}));

  auto* backup_cmd = cli.add_subcommand("backup", "Consistent online backup of the SQLite database");
  std::string out;
  add_store_options(backup_cmd, so);
  backup_cmd->add_option("--out", out, "Backup file to write")->required();

  auto* demo_dir_cmd = cli.add_subcommand("demo-directory", "Generate a demo or benchmark service map (idempotent)");
  std::int64_t demo_services = directory::kDemoDirectoryServices;
  std::uint64_t demo_seed = directory::kDemoDirectorySeed;
  add_store_options(demo_dir_cmd, so);
  demo_dir_cmd->add_option("--services", demo_services, "Number of services (e.g. 100000 for the benchmark)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}));
  demo_dir_cmd->add_option("--seed", demo_seed, "Seed: the same seed gives the same records");

  auto* import_hsds_cmd =
      cli.add_subcommand("import-hsds", "Import HSDS 3.0 data: a datapackage folder (CSV) or a JSON file; all or nothing");
  std::string hsds_path;
  bool skip_invalid = false;
  add_store_options(import_hsds_cmd, so);
  import_hsds_cmd->add_option("PATH", hsds_path, "Datapackage folder, export folder or HSDS JSON file")->required();
  import_hsds_cmd->add_flag("--skip-invalid", skip_invalid, "Import the valid records, report and skip the others");
  std::size_t hsds_max_mb = 64;
  import_hsds_cmd->add_option("--max-file-mb", hsds_max_mb, "Largest file read, in MB (records are held in memory)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{4096}));
  auto* export_hsds_cmd = cli.add_subcommand("export-hsds", "Write the service map as HSDS 3.0 (DIR/csv and DIR/json)");
  std::string hsds_out;
  add_store_options(export_hsds_cmd, so);
  export_hsds_cmd->add_option("--out", hsds_out, "Folder to write")->required();

  auto* reindex_cmd = cli.add_subcommand("reindex", "Rebuild the service map's search index (after a restore, say)");
  add_store_options(reindex_cmd, so);

  auto* version_cmd = cli.add_subcommand("version", "Print the version");

  try {
    cli.parse(argc, argv);
    if (*version_cmd) {
      std::cout << "samen " << SAMEN_VERSION << std::endl;
      return 0;
    }
    accounts::init_crypto();
    if (*serve_cmd) {
      app_options.search_cache = std::chrono::milliseconds(search_cache_ms);
      return serve(so, listen, demo, app_options, threads, transport);
    }
    if (*migrate_cmd) {
      auto db = store::Database::open(so.db, so.data, 1);
      int applied = store::migrate(*db);
      std::cout << "schema version " << store::schema_version(*db) << " (" << applied << " migration(s) applied)"
                << std::endl;
      return 0;
    }
    if (*user_add) {
      auto role = accounts::parse_role(role_text);
      if (!role) throw CLI::ValidationError("--role", "must be one of admin, coordinator, facilitator, partner, parent_rep");
      if (accounts::normalize_email(email).empty()) throw CLI::ValidationError("--email", "not a valid e-mail address");
      if (name.empty() || name.size() > 200) throw CLI::ValidationError("--name", "must be 1-200 characters");
      std::string pw = read_password_stdin();
      check_password(pw);
      auto db = open_store(so, 1);
      auto id = store::in_transaction(*db, [&](store::Connection& c) {
        if (accounts::find_user_by_email(c, email))
          throw std::runtime_error("an account with e-mail " + accounts::normalize_email(email) + " already exists");
        for (const auto& o : orgs)
          if (c.exec("SELECT 1 FROM organizations WHERE id = ?", {o}).empty())
            throw std::runtime_error("unknown organisation id " + o);
        auto id = accounts::create_user(c, {email, name, *role, "nl", accounts::hash_password(pw), orgs}, now());
        audit_cli(c, "user.created", id, role_text);
        return id;
      });
      std::cout << "created account " << id << " for " << accounts::normalize_email(email) << std::endl;
      return 0;
    }
    if (*user_passwd) {
      std::string pw = read_password_stdin();
      check_password(pw);
      auto db = open_store(so, 1);
      store::in_transaction(*db, [&](store::Connection& c) {
        auto u = accounts::find_user_by_email(c, email);
        if (!u) throw std::runtime_error("no account with e-mail " + email);
        accounts::set_password_hash(c, u->id, accounts::hash_password(pw), now());
        accounts::end_user_sessions(c, u->id);
        audit_cli(c, "user.password", u->id, "");
      });
      std::cout << "password changed" << std::endl;
      return 0;
    }
    if (*token_create) {
      auto db = open_store(so, 1);
      std::string raw = store::in_transaction(*db, [&](store::Connection& c) {
        auto u = accounts::find_user_by_email(c, email);
        if (!u) throw std::runtime_error("no account with e-mail " + email);
        if (u->disabled) throw std::runtime_error("the account " + email + " is disabled");
        auto t = accounts::create_api_token(c, u->id, label, now(),
                                            token_days ? std::optional(now() + token_days * 24 * 3600) : std::nullopt);
        accounts::record_audit(c, {0, now(), std::nullopt, "cli", "token.created", "api_token", t.substr(0, 12), label, ""});
        return t;
      });
      std::cout << "API token for " << accounts::normalize_email(email) << " (shown once):\n" << raw << std::endl;
      return 0;
    }
    if (*demo_dir_cmd) {
      auto db = open_store(so, 2);
      auto started = std::chrono::steady_clock::now();
      std::clock_t cpu_started = std::clock();
      auto seconds = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      };
      directory::DirectoryPlan plan;
      plan.services = demo_services;
      plan.seed = demo_seed;
      plan.now = now();
      std::int64_t step = std::max<std::int64_t>(demo_services / 10, 1);
      plan.progress = [&, next = step](std::int64_t done, std::int64_t total) mutable {
        if (done < next && done < total) return;
        next = done + step;
        std::cout << "generated " << done << "/" << total << " services (" << std::fixed << std::setprecision(1)
                  << seconds() << " s)" << std::endl;
      };
      auto counts = directory::generate_directory(*db, plan);
      double generated = seconds();
      std::cout << "added " << counts.services << " services, " << counts.locations << " locations, "
                << counts.organizations << " organisations (" << counts.rows << " rows) in " << std::fixed
                << std::setprecision(2) << generated << " s ("
                << static_cast<double>(std::clock() - cpu_started) / CLOCKS_PER_SEC << " s CPU)" << std::endl;
      // Opening the engine brings its index up to date (rebuilt when missing, else the new services added).
      auto search = directory::ServiceSearch::create(*db, so.data);
      std::cout << "search index (" << search->engine_name() << ") up to date in " << std::fixed
                << std::setprecision(2) << seconds() - generated << " s" << std::endl;
      return 0;
    }
    if (*reindex_cmd) {
      auto db = open_store(so, 3);
      auto search = directory::ServiceSearch::create(*db, so.data);  // may already rebuild (a missing index)
      auto started = std::chrono::steady_clock::now();
      std::clock_t cpu_started = std::clock();
      search->rebuild();
      std::cout << "search index (" << search->engine_name() << ") rebuilt in " << std::fixed << std::setprecision(2)
                << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s ("
                << static_cast<double>(std::clock() - cpu_started) / CLOCKS_PER_SEC << " s CPU)" << std::endl;
      return 0;
    }
    if (*import_hsds_cmd) {
      auto db = open_store(so, 2);
      return directory::hsds::import_command(*db, so.data, hsds_path, skip_invalid, hsds_max_mb * 1024 * 1024,
                                             std::cout, std::cerr);
    }
    if (*export_hsds_cmd) {
      auto db = open_store(so, 2);
      return directory::hsds::export_command(*db, hsds_out, std::cout);
    }
    if (*backup_cmd) {
      auto db = open_store(so, 1);
      db->backup_to(out);
      std::cout << "backup written to " << out << std::endl;
      return 0;
    }
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "samen: " << e.what() << std::endl;
    return 1;
  }
  return 0;
}

}  // namespace samen::cli
