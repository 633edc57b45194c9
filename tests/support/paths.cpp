// Test support: the absolute paths behind paths.hpp, from CMake.
#include "support/paths.hpp"

namespace samen::testing {

const std::string& samen_binary_path() {
  static const std::string path = SAMEN_BINARY;
  return path;
}

const std::string& source_dir() {
  static const std::string path = SAMEN_SOURCE_DIR;
  return path;
}

}  // namespace samen::testing
