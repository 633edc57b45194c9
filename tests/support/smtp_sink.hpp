// Test support: a real SMTP server (tests/notify/smtp_server.py on Debian's
// python3-aiosmtpd) on a free loopback port, and the messages it received,
// decoded by Python's email package.
#pragma once
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_db.hpp"

namespace samen::testing {

class SmtpSink {
 public:
  SmtpSink();  // starts the server; throws when it does not come up within 20 s
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // Every message received so far, oldest first (see smtp_server.py for the fields).
  std::vector<nlohmann::json> messages() const;
  // Waits until at least n messages arrived (or the timeout passed) and returns them.
  std::vector<nlohmann::json> wait_for(std::size_t n, std::chrono::seconds timeout = std::chrono::seconds(30)) const;

 private:
  TempDir dir_;
  int pid_ = -1;
  int port_ = 0;
};

// A loopback port nothing listens on (bound and released).
int closed_port();

}  // namespace samen::testing
