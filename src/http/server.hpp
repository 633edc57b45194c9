// The HTTP server: Boost.Beast on asio, one io_context run by a pool of
// worker threads. It enforces the transport limits (header and body size,
// read/write timeouts, a connection cap) and drains gracefully on SIGTERM or
// SIGINT. Everything above the transport is the Handler's business.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/message.hpp"

namespace samen::http {

// What to do with a request's body, decided on its header.
struct BodyPolicy {
  std::size_t limit = 0;  // 0: the default limit
  int refuse = 0;         // e.g. 403: answer this at once and close, reading nothing
};

struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;           // 0 picks a free port
  std::size_t threads = 2;
  std::size_t max_connections = 1024;  // beyond: the slowest idle connection gives way, else 503
  // Connections per client address (the socket peer, or behind a proxy the
  // X-Forwarded-For client once a header names it); beyond, the slowest idle
  // one of that address gives way, else 503. 0: no limit.
  std::size_t max_connections_per_address = 128;
  bool trust_forwarded_for = false;   // behind a TLS proxy on this host
  // Minimum data rate of a request header or body, in bytes per second,
  // after a grace period: slower senders are disconnected. 0: no minimum.
  std::size_t min_request_rate = 1024;
  std::chrono::milliseconds rate_grace{5000};
  // A connection younger than this is never chosen to give way.
  std::chrono::milliseconds eviction_grace{250};
  std::size_t header_limit = 16 * 1024;         // request line + headers → 431
  std::size_t default_body_limit = 1024 * 1024; // → 413
  // Asked with the request header alone, before any body is read: the body
  // limit (larger on upload routes, for callers allowed to use them) or a
  // status to answer at once without reading the body.
  std::function<BodyPolicy(const Request& head)> body_policy_for;
  std::chrono::seconds header_timeout{10};  // to receive a complete header
  std::chrono::seconds body_timeout{60};    // to receive the body
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds idle_timeout{30};    // keep-alive wait for the next request
  std::chrono::seconds drain_timeout{10};   // graceful shutdown deadline
};

using Handler = std::function<Response(Request&)>;
// Builds the response for an error found before a handler could run (400,
// 413, 431, 503); the request holds whatever was parsed (may be empty).
using ErrorHandler = std::function<Response(int status, const Request&)>;

class Server {
 public:
  Server(ServerConfig config, Handler handler, ErrorHandler on_error);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket and from then on handles SIGTERM/SIGINT;
  // throws std::runtime_error with a clear message when the address is
  // unusable. Returns the bound port.
  std::uint16_t bind();
  // Serves until SIGTERM/SIGINT or stop(), then stops accepting, lets the
  // requests in flight finish (up to drain_timeout) and returns.
  void run();
  void stop();  // thread-safe
  std::size_t open_connections() const;

  struct Impl;  // public so the connection sessions in server.cpp can reach it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace samen::http
