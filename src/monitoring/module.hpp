// Partnership monitoring as a module of the platform (issue 18): how
// cooperation between the network's partners grows, measured with network
// metrics (metrics.hpp, over igraph). First increment: the metrics engine and
// its command `samen network-metrics`.
#pragma once
#include "app/module.hpp"

namespace samen::monitoring {

const app::Module& module();

}  // namespace samen::monitoring
