// The documents layer as a module of the platform: it has no pages of its
// own, only tables (feed tokens, attachments) whose migrations run under the
// name "documents" before the modules that use them.
#pragma once
#include "app/module.hpp"

namespace samen::documents {

const app::Module& module();

}  // namespace samen::documents
