// The platform's side of modules: their migrations, applied in module order.
#include "app/module.hpp"

#include <algorithm>
#include <stdexcept>

#include "store/database.hpp"

namespace samen::app {

int migrate(store::Database& db) {
  std::vector<store::Migration> all;
  std::vector<std::string> listed;
  for (const Module* m : modules()) {
    listed.emplace_back(m->name());
    auto own = store::embedded_migrations(m->name());
    all.insert(all.end(), own.begin(), own.end());
  }
  // A folder with migrations that is not in the list would never get its
  // tables: say so at once rather than fail on the first query.
  for (const auto& name : store::modules_with_migrations())
    if (std::find(listed.begin(), listed.end(), name) == listed.end())
      throw std::runtime_error("src/" + name + "/migrations exists but '" + name +
                               "' is not in the list of modules (src/modules.cpp)");
  return store::migrate(db, std::move(all));
}

}  // namespace samen::app
