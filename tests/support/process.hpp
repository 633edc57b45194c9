// Test support: runs the real samen binary (a server on an ephemeral port, or
// a CLI command) and talks raw HTTP/1.1 to it over a loopback socket.
#pragma once
#include <chrono>
#include <string>
#include <vector>

namespace samen::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs the samen binary (support/paths.hpp) with arguments, feeding `input` on stdin.
CommandResult run_samen(const std::vector<std::string>& args, const std::string& input = "");

class ServerProcess {
 public:
  // Starts `samen serve --listen 127.0.0.1:0 --data DIR` plus extra args and
  // waits for the "listening" line (throws after 60 s).
  ServerProcess(const std::string& data_dir, const std::vector<std::string>& extra = {});
  ~ServerProcess();
  int port() const { return port_; }
  const std::string& admin_password() const { return admin_password_; }
  bool running();
  // Sends SIGTERM and waits for the exit code (-1 on timeout).
  int terminate(std::chrono::seconds timeout = std::chrono::seconds(15));

 private:
  int pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
  std::string admin_password_;
};

// Sends raw bytes and reads until the server closes or `timeout` passes.
std::string raw_http(int port, const std::string& bytes, std::chrono::milliseconds timeout = std::chrono::seconds(10));
int status_of(const std::string& raw_response);  // 0 when there is no status line

}  // namespace samen::testing
