// The documents module object; see module.hpp.
#include "documents/module.hpp"

namespace samen::documents {

namespace {

class DocumentsModule final : public app::Module {
 public:
  std::string_view name() const override { return "documents"; }
};

}  // namespace

const app::Module& module() {
  static const DocumentsModule instance;
  return instance;
}

}  // namespace samen::documents
