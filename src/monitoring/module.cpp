// The monitoring module's plug (module.hpp): its CLI command network-metrics.
#include "monitoring/module.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "monitoring/command.hpp"

namespace samen::monitoring {

namespace {

class MonitoringModule final : public app::Module {
 public:
  std::string_view name() const override { return "monitoring"; }

  void commands(app::CommandLine& cl) const override {
    auto* cmd = cl.add_tool("network-metrics",
                            "Network metrics of an edge list (CSV with a header source,target[,weight]) as JSON",
                            [this] { return network_metrics(metrics_, std::cout, std::cerr); });
    cmd->add_option("--edges", metrics_.edges, "Edge list, CSV with a header source,target (- reads stdin)")
        ->required();
    cmd->add_flag("--directed", metrics_.directed, "Ties are directed (source -> target)");
    cmd->add_option("--weight", metrics_.weight, "Column of the ties' weights, read as lengths of paths (> 0)");
  }

 private:
  mutable MetricsCommand metrics_;  // bound to the command's options
};

}  // namespace

const app::Module& module() {
  static const MonitoringModule m;
  return m;
}

}  // namespace samen::monitoring
