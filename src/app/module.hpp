// What a module is. A module is one folder under src/ (accounts, core,
// directory, journal, ...) holding its routes, domain logic, queries,
// migrations (src/<module>/migrations/NNNN_name[.sqlite|.postgres].sql,
// numbered per module), templates (src/<module>/templates/*.tpl), catalogs
// (src/<module>/catalogs/{nl,fr,en}.json), OpenAPI fragment
// (src/<module>/openapi.json), CLI subcommands, demo data, start-up work and
// periodic jobs. It plugs in through one object of a class derived from
// Module, listed once in src/modules.cpp; App, cli/ and the shared layers
// name no module.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}
namespace samen::store {
class Database;
}

namespace samen::app {

class App;
class Routes;

// Periodic work run by the scheduler: once per period across every server
// sharing the database, caught up after downtime.
struct Job {
  std::string name;              // unique, "<module>.<what>", e.g. "accounts.purge_sessions"
  std::chrono::seconds every;    // period
  std::function<void(App&, std::int64_t now)> run;
};

// Where a module's CLI subcommands go. add() makes a subcommand that takes
// --data/--db; its action runs after parsing, with the database opened and
// migrated, and returns the exit code. add_tool() makes one that works on its
// own inputs alone (a computation on a file): no store options, no database
// opened (nor created). Throwing std::exception prints "samen: <what>" and
// exits 1.
class CommandLine {
 public:
  virtual ~CommandLine() = default;
  struct Store {
    std::string data;  // --data
    std::string db;    // --db
  };
  using Action = std::function<int(store::Database& db, const Store& where)>;
  // A subcommand of `parent` (nullptr: top level) with the store options.
  virtual CLI::App* add(CLI::App* parent, const std::string& name, const std::string& description,
                        std::size_t pool_size, Action action) = 0;
  // A top-level subcommand that needs no database; `action` returns the exit code.
  virtual CLI::App* add_tool(const std::string& name, const std::string& description,
                             std::function<int()> action) = 0;
  // A group without an action of its own (e.g. "user" for "user add").
  virtual CLI::App* group(const std::string& name, const std::string& description) = 0;
};

// What a module gets when the demo is loaded (serve --demo).
struct DemoLoad {
  store::Database& db;
  std::filesystem::path data_dir;
  std::int64_t now;
  std::vector<std::string>& announce;  // lines printed after the address (e.g. a one-time login)
};

// `samen serve` settings of modules (flags with SAMEN_* variables), by their
// long name without dashes, e.g. settings["tile-url"]; read them in start().
using Settings = std::map<std::string, std::string>;

class Module {
 public:
  virtual ~Module() = default;
  // The folder name under src/: key of its migrations, catalogs and templates.
  virtual std::string_view name() const = 0;
  // Adds the module's routes and navigation entries (its route table).
  virtual void routes(Routes&) const {}
  // Adds the module's CLI subcommands.
  virtual void commands(CommandLine&) const {}
  // Adds the module's `samen serve` flags, bound to settings[name].
  virtual void serve_options(CLI::App& /*serve*/, Settings& /*settings*/) const {}
  // Once per process after migrations, before serving: builds what the module
  // keeps in the App (App::put), seeds reference data.
  virtual void start(App&) const {}
  // Loads the module's demo content; idempotent. Runs before start().
  virtual void load_demo(const DemoLoad&) const {}
  // Periodic work.
  virtual std::vector<Job> jobs() const { return {}; }
};

// Every module's migrations, modules in list order (what `migrate` applies).
// Throws when a folder has migrations but is not in the list.
int migrate(store::Database& db);

// Every module in dependency order: their migrations run, their start-up
// work happens and their routes are listed in this order (src/modules.cpp).
std::span<const Module* const> modules();

}  // namespace samen::app
