// Test support: runs an outside tool (python3 with Debian's icalendar,
// pdftotext) through the shell and returns its exit status and output, so a
// test can check a file with the reader real users' software uses.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace samen::testing {

struct ToolResult {
  int status = -1;     // exit status, -1 when it could not run
  std::string output;  // stdout and stderr together
};

inline ToolResult run_tool(const std::string& command) {
  ToolResult r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = pclose(p);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// `command FILE after` on a PDF's bytes written to a file of its own (pdftotext, pdfinfo).
inline ToolResult run_on_pdf(const std::string& command, const std::string& pdf, const std::string& after = "") {
  static std::atomic<int> counter{0};
  auto file = std::filesystem::temp_directory_path() /
              ("samen-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".pdf");
  write_file(file, pdf);
  ToolResult r = run_tool(command + " " + file.string() + " " + after);
  std::filesystem::remove(file);
  return r;
}

}  // namespace samen::testing
