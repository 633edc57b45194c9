// Test support: where the samen binary and the source tree are. Only
// paths.cpp sees the absolute paths (as compile definitions), so every other
// test object compiles the same in any checkout and ccache shares them
// between worktrees.
#pragma once
#include <string>

namespace samen::testing {

const std::string& samen_binary_path();  // the built `samen` executable
const std::string& source_dir();         // the project root (tests/, src/, scripts/)

}  // namespace samen::testing
