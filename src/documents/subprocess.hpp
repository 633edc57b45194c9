// Running a helper program (a renderer) with bytes on its stdin, collecting
// stdout and stderr, with a time limit and an output cap. The program runs
// in its own process group, killed as a whole on time-out.
#pragma once
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace samen::documents {

struct ProcessResult {
  int exit_code = -1;     // -1 when killed by a signal
  bool timed_out = false;
  bool output_too_large = false;
  std::string out, err;   // err is cut at 64 KiB
};

// argv[0] is looked up in PATH. Throws std::runtime_error when it cannot be started.
ProcessResult run_process(const std::vector<std::string>& argv, std::string_view input,
                          std::chrono::milliseconds timeout, std::size_t max_output);

}  // namespace samen::documents
