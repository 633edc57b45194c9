// The jobs module: only the schedule table's migrations.
#include "jobs/module.hpp"

namespace samen::jobs {

namespace {

class JobsModule final : public app::Module {
 public:
  std::string_view name() const override { return "jobs"; }
};

}  // namespace

const app::Module& module() {
  static const JobsModule instance;
  return instance;
}

}  // namespace samen::jobs
