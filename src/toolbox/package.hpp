// A toolbox (or a selection of it) as a versioned JSON package, so a network
// in another city or country can take it over (package.schema.json describes
// it; ARCHITECTURE.md, "toolbox"): export, and import in two steps — a plan
// read from the package and the database that writes nothing (what is new,
// what is unchanged, the conflicts: same id with other content, same id
// changed here since, same name under another id) and its application in one
// transaction. A package with an unknown schema version, a broken reference
// or an invalid method is refused whole. The starter methods
// (starter/methods.json, compiled in) are such a package; the demo and
// `samen toolbox import` load them.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/context.hpp"
#include "app/module.hpp"
#include "toolbox/store.hpp"

namespace samen::toolbox {

inline constexpr std::int64_t kSchemaVersion = 1;
inline constexpr std::size_t kMaxPackageBytes = 10u << 20;

// The package of these methods (format "samen-toolbox", schema_version 1).
nlohmann::json export_package(const std::vector<Method>& methods, std::int64_t now);

// One problem with a package: a catalog key and what it is about (a method id, a path).
struct PackageError {
  std::string key, subject;
};
struct PlanItem {
  enum class Kind { create, unchanged, conflict } kind = Kind::create;
  std::string conflict;  // "same_id", "changed_since", "same_name" (a catalog key's last part)
  std::string local_id;  // the method here it conflicts with
  Method method;         // as the package has it
};
struct ImportPlan {
  std::vector<PackageError> errors;    // any error: nothing may be imported
  std::vector<PackageError> warnings;  // imported anyway (a team unknown here is left out)
  std::vector<PlanItem> items;         // originals before their adaptations
  std::int64_t count(PlanItem::Kind k) const;
};
// Reads and checks the package against the database; writes nothing.
ImportPlan plan_import(store::Connection& c, std::string_view bytes);
// Applies a plan without errors: creates the new methods; conflicts are
// skipped, or with `take_theirs` written as a new version of the method here
// (same id) or created beside it (same name). Returns how many were written.
std::int64_t apply_import(Writer& w, const ImportPlan& plan, bool take_theirs);

// The compiled-in starter package.
std::string_view starter_package();
// Loads the starter methods not yet here (idempotent); returns how many were added.
std::int64_t load_starter(Writer& w);
void load_demo_toolbox(store::Database& db, std::int64_t now);

// `samen toolbox import FILE`, `samen toolbox export`, the hidden `toolbox-bench-data`.
void add_commands(app::CommandLine& cl);

// Pages (package_pages.cpp).
http::Response export_page(app::Context& ctx);
http::Response import_form_page(app::Context& ctx);
http::Response import_page(app::Context& ctx);
http::Response starter_page(app::Context& ctx);
http::Response booklet_page(app::Context& ctx);

}  // namespace samen::toolbox
