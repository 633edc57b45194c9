// Boost.Beast transport for Samen. Reads the header first (header limit →
// 431), then chooses the body limit for the route (→ 413), hands a plain
// Request to the Handler on a worker thread and writes the Response.
// Timeouts and a minimum data rate on every phase keep slow clients from
// holding workers or sockets; connection caps (overall and per client
// address) make the slowest idle connections give way to new ones.
#include "http/server.hpp"

#include <atomic>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

namespace samen::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

using Clock = std::chrono::steady_clock;

// What the server needs of a connection: to drain it, and to choose which
// one gives way when a cap is reached. The progress fields are written on
// the connection's strand and read by the acceptor, hence atomics.
struct Connection {
  enum class Phase { idle, header, body, busy };  // idle: waiting for a request to start
  virtual ~Connection() = default;
  virtual void close_if_idle() = 0;  // thread-safe: posts to the connection's strand
  virtual void evict() = 0;          // thread-safe: closes at once unless busy with a request

  void enter(Phase p, std::size_t bytes = 0) {
    phase_bytes.store(bytes);
    phase_start.store(Clock::now().time_since_epoch().count());
    phase.store(p);
  }
  std::atomic<Phase> phase{Phase::header};
  std::atomic<Clock::rep> phase_start{Clock::now().time_since_epoch().count()};
  std::atomic<std::size_t> phase_bytes{0};
  Clock::time_point opened = Clock::now();

  // Guarded by Server::Impl::mu.
  std::string address;   // key of the per-address count ("" = not counted per address)
  bool counted = false;  // holds a place under the caps
};

// Which connection gives way to a new one: an idle keep-alive connection
// first (the longest idle), then the request arriving at the lowest rate.
// Connections younger than `grace` and those whose request is being handled
// never do. Returns nullptr when none may.
Connection* slowest_idle(const std::vector<Connection*>& candidates, Clock::time_point now,
                         std::chrono::milliseconds grace) {
  Connection* best = nullptr;
  double best_score = std::numeric_limits<double>::infinity();
  for (Connection* c : candidates) {
    auto phase = c->phase.load();
    if (phase == Connection::Phase::busy || now - c->opened < grace) continue;
    auto since = Clock::time_point(Clock::duration(c->phase_start.load()));
    double age = std::chrono::duration<double>(now - since).count();
    double score;
    if (phase == Connection::Phase::idle) {
      score = -1 - age;  // below every sender; the longest idle lowest
    } else {
      if (now - since < grace) continue;  // a body that has just begun
      score = static_cast<double>(c->phase_bytes.load()) / age;
    }
    if (score < best_score) best_score = score, best = c;
  }
  return best;
}

struct Server::Impl {
  ServerConfig config;
  Handler handler;
  ErrorHandler on_error;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  std::atomic<std::size_t> connections{0};  // open sockets (drain waits for 0)
  std::atomic<bool> draining{false};
  std::mutex mu;
  std::condition_variable drained;
  // Guarded by mu: every live connection, and the places held under the caps.
  std::unordered_map<Connection*, std::weak_ptr<Connection>> live;
  std::unordered_map<std::string, std::size_t> per_address;
  std::size_t admitted = 0;

  Impl(ServerConfig c, Handler h, ErrorHandler e)
      : config(std::move(c)), handler(std::move(h)), on_error(std::move(e)) {}
  void accept();
  void begin_drain();
  bool admit(Connection& c, const std::string& address);
  bool readdress(Connection& c, const std::string& address);
  void forget(Connection& c);
  void connection_closed() {
    if (connections.fetch_sub(1) == 1) {
      std::lock_guard lock(mu);
      drained.notify_all();
    }
  }

 private:
  // With mu held: frees the place of the slowest idle connection among
  // those at `address` ("" = any), so a new one can take it.
  bool make_room(const std::string& address, Connection& newcomer, std::vector<std::shared_ptr<Connection>>& evicted);
  void release(Connection& c);
};

bool Server::Impl::make_room(const std::string& address, Connection& newcomer,
                             std::vector<std::shared_ptr<Connection>>& evicted) {
  std::vector<Connection*> candidates;
  for (auto& [c, weak] : live)
    if (c != &newcomer && c->counted && (address.empty() || c->address == address)) candidates.push_back(c);
  Connection* victim = slowest_idle(candidates, Clock::now(), config.eviction_grace);
  if (!victim) return false;
  auto strong = live[victim].lock();
  release(*victim);
  if (strong) evicted.push_back(std::move(strong));
  return true;
}

void Server::Impl::release(Connection& c) {
  if (!c.counted) return;
  c.counted = false;
  --admitted;
  if (!c.address.empty()) {
    auto it = per_address.find(c.address);
    if (it != per_address.end() && --it->second == 0) per_address.erase(it);
  }
}

// Registers a new connection; false when no place could be made for it.
bool Server::Impl::admit(Connection& c, const std::string& address) {
  std::vector<std::shared_ptr<Connection>> evicted;
  bool ok = true;
  {
    std::lock_guard lock(mu);
    const std::size_t per_cap = config.max_connections_per_address;
    if (!address.empty() && per_cap && per_address[address] >= per_cap) ok = make_room(address, c, evicted);
    if (ok && admitted >= config.max_connections) ok = make_room("", c, evicted);
    if (ok) {
      c.counted = true;
      c.address = address;
      ++admitted;
      if (!address.empty()) ++per_address[address];
    } else if (!address.empty() && per_address[address] == 0) {
      per_address.erase(address);
    }
  }
  for (auto& e : evicted) e->evict();  // outside the lock: evict() may end the last reference
  return ok;
}

// Behind a proxy the client address is known once a header names it: the
// connection moves to that address's count, making room there if needed.
bool Server::Impl::readdress(Connection& c, const std::string& address) {
  std::vector<std::shared_ptr<Connection>> evicted;
  bool ok = true;
  {
    std::lock_guard lock(mu);
    if (!c.counted || c.address == address) return true;
    if (!c.address.empty()) {
      auto it = per_address.find(c.address);
      if (it != per_address.end() && --it->second == 0) per_address.erase(it);
    }
    c.address.clear();
    const std::size_t per_cap = config.max_connections_per_address;
    if (!address.empty() && per_cap && per_address[address] >= per_cap) ok = make_room(address, c, evicted);
    if (ok && !address.empty()) {
      c.address = address;
      ++per_address[address];
    } else if (!address.empty() && per_address[address] == 0) {
      per_address.erase(address);
    }
  }
  for (auto& e : evicted) e->evict();
  return ok;
}

void Server::Impl::forget(Connection& c) {
  std::lock_guard lock(mu);
  release(c);
  live.erase(&c);
}

namespace {

class Session : public Connection, public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = ep.address().to_string();
  }
  ~Session() {
    server_.forget(*this);
    server_.connection_closed();
  }

  // The per-address key at accept: the socket peer, unless a proxy's
  // header will name the client.
  std::string peer_key() const { return server_.config.trust_forwarded_for ? "" : remote_ip_; }

  void close_if_idle() override {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) self->close();
    });
  }

  void evict() override {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->phase.load() != Phase::busy) self->close();
    });
  }

  void start(bool over_capacity) {
    if (over_capacity) {
      Request empty;
      empty.remote_ip = remote_ip_;
      send(server_.on_error(503, empty), false);
      return;
    }
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

 private:
  void read_header() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.config.header_limit));
    // The route's own limit is applied once the header names the route.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    idle_ = buffer_.size() == 0;
    if (idle_ && server_.draining.load()) return close();
    // A keep-alive connection waits idle for its next request; a new one
    // must start sending at once.
    if (idle_ && !first_) {
      enter(Phase::idle);
      stream_.expires_after(server_.config.idle_timeout);
    } else {
      enter(Phase::header, buffer_.size());
      expire_by_rate(server_.config.header_timeout);
    }
    read_header_some();
  }

  void read_header_some() {
    bhttp::async_read_some(stream_, buffer_, *parser_,
                           [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                             self->idle_ = false;
                             self->on_header_bytes(ec, n);
                           });
  }

  void on_header_bytes(beast::error_code ec, std::size_t n) {
    if (ec || parser_->is_header_done()) return on_header(ec);
    if (phase.load() == Phase::idle) enter(Phase::header);  // the next request has begun
    phase_bytes.fetch_add(n);
    expire_by_rate(server_.config.header_timeout);
    read_header_some();
  }

  // The read deadline of the current phase: its overall timeout, or earlier
  // the moment the bytes received so far fall below the minimum rate (after
  // the grace period).
  void expire_by_rate(std::chrono::seconds phase_timeout) {
    auto start = Clock::time_point(Clock::duration(phase_start.load()));
    auto deadline = start + phase_timeout;
    if (auto rate = server_.config.min_request_rate) {
      auto allowed = server_.config.rate_grace + std::chrono::milliseconds(phase_bytes.load() * 1000 / rate);
      deadline = std::min(deadline, start + allowed);
    }
    stream_.expires_at(std::max(deadline, Clock::now() + std::chrono::milliseconds(1)));
  }

  void on_header(beast::error_code ec) {
    if (ec == bhttp::error::header_limit) return fail_request(431);
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof || ec == asio::error::bad_descriptor)
      return close();
    if (ec) return fail_request(400);
    fill_request_head();
    if (server_.config.trust_forwarded_for &&
        !server_.readdress(*this, client_address(request_, true)))
      return fail_request(503);
    std::size_t limit = server_.config.default_body_limit;
    if (server_.config.body_policy_for && !parser_->is_done()) {
      BodyPolicy policy = server_.config.body_policy_for(request_);
      if (policy.refuse) return fail_request(policy.refuse);
      if (policy.limit) limit = policy.limit;
    }
    parser_->body_limit(limit);
    if (auto len = parser_->content_length(); len && *len > limit) return fail_request(413);
    if (parser_->is_done()) return handle();
    enter(Phase::body);
    read_body_some();
  }

  void read_body_some() {
    expire_by_rate(server_.config.body_timeout);
    bhttp::async_read_some(stream_, buffer_, *parser_,
                           [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             self->on_body_bytes(ec);
                           });
  }

  void on_body_bytes(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) return fail_request(413);
    if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
        ec == asio::error::bad_descriptor)
      return close();
    if (ec) return fail_request(400);
    if (parser_->is_done()) return handle();
    phase_bytes.store(parser_->get().body().size());
    read_body_some();
  }

  void fill_request_head() {
    const auto& msg = parser_->get();
    request_ = Request{};
    request_.method = std::string(msg.method_string());
    std::string_view target(msg.target().data(), msg.target().size());
    auto q = target.find('?');
    request_.path = std::string(target.substr(0, q));
    if (q != std::string_view::npos) request_.query = std::string(target.substr(q + 1));
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request_.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request_.remote_ip = remote_ip_;
  }

  void handle() {
    enter(Phase::busy);
    request_.body = std::move(parser_->get().body());
    bool keep_alive = parser_->get().keep_alive();
    Response response;
    try {
      response = server_.handler(request_);
    } catch (...) {
      response = server_.on_error(500, request_);
    }
    send(std::move(response), keep_alive && !server_.draining.load());
  }

  // A request that cannot be handled: answer and close, since the rest of
  // the stream cannot be trusted to start at a message boundary.
  void fail_request(int status) {
    enter(Phase::busy);
    send(server_.on_error(status, request_), false);
  }

  void send(Response r, bool keep_alive) {
    if (r.stream) return send_stream(std::move(r), keep_alive);
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>();
    res->version(11);
    res->result(static_cast<unsigned>(r.status));
    // insert, not set: a response may carry several Set-Cookie headers.
    for (auto& [k, v] : r.headers) res->insert(k, v);
    res->body() = std::move(r.body);
    res->keep_alive(keep_alive);
    res->prepare_payload();
    first_ = false;
    stream_.expires_after(server_.config.write_timeout);
    bhttp::async_write(stream_, *res,
                       [self = shared_from_this(), res, keep_alive](beast::error_code ec, std::size_t) {
                         if (ec || !keep_alive) return self->close();
                         self->read_header();
                       });
  }

  // A streamed body (Response::stream): the header, then one chunk per call
  // of the producer, with chunked transfer encoding.
  struct Streamed {
    std::function<bool(std::string&)> producer;
    std::string chunk;
    bool done = false;  // the producer said there is nothing more
    bhttp::response<bhttp::buffer_body> res;
    std::optional<bhttp::response_serializer<bhttp::buffer_body>> serializer;
  };

  void send_stream(Response r, bool keep_alive) {
    auto st = std::make_shared<Streamed>();
    st->producer = std::move(r.stream);
    st->res.version(11);
    st->res.result(static_cast<unsigned>(r.status));
    for (auto& [k, v] : r.headers) st->res.insert(k, v);
    st->res.keep_alive(keep_alive);
    st->res.chunked(true);
    st->res.body().data = nullptr;
    st->res.body().more = true;
    st->serializer.emplace(st->res);
    first_ = false;
    stream_.expires_after(server_.config.write_timeout);
    bhttp::async_write_header(stream_, *st->serializer,
                              [self = shared_from_this(), st, keep_alive](beast::error_code ec, std::size_t) {
                                if (ec) return self->close();
                                self->write_chunk(st, keep_alive);
                              });
  }

  void write_chunk(const std::shared_ptr<Streamed>& st, bool keep_alive) {
    bool last = st->done;
    if (!last) {
      try {
        bool more = true;
        do {
          st->chunk.clear();
          more = st->producer(st->chunk);
        } while (more && st->chunk.empty());
        st->done = !more;
        last = st->chunk.empty();
      } catch (...) {
        return close();  // the status is sent already: an unterminated body tells the client
      }
    }
    auto& body = st->res.body();
    body.data = last ? nullptr : st->chunk.data();
    body.size = last ? 0 : st->chunk.size();
    body.more = !last;
    stream_.expires_after(server_.config.write_timeout);
    bhttp::async_write(stream_, *st->serializer,
                       [self = shared_from_this(), st, keep_alive, last](beast::error_code ec, std::size_t) {
                         if (ec == bhttp::error::need_buffer) ec = {};
                         if (ec) return self->close();
                         if (!last) return self->write_chunk(st, keep_alive);
                         if (!keep_alive) return self->close();
                         self->read_header();
                       });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Request request_;
  std::string remote_ip_;
  bool first_ = true;
  bool idle_ = false;  // waiting for a request that has not started to arrive
};

}  // namespace

void Server::Impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
      accept();  // transient (e.g. EMFILE): keep serving
      return;
    }
    connections.fetch_add(1);
    auto session = std::make_shared<Session>(std::move(socket), *this);
    {
      std::lock_guard lock(mu);
      live.emplace(session.get(), session);
    }
    session->start(!admit(*session, session->peer_key()));
    accept();
  });
}

void Server::Impl::begin_drain() {
  if (draining.exchange(true)) return;
  asio::post(ioc, [this] {
    beast::error_code ec;
    acceptor.close(ec);
  });
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mu);
    for (auto& [c, weak] : live)
      if (auto strong = weak.lock()) open.push_back(std::move(strong));
  }
  // Outside the lock: the last reference may destroy a session, which locks mu.
  for (auto& c : open) c->close_if_idle();
}

Server::Server(ServerConfig config, Handler handler, ErrorHandler on_error)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(handler), std::move(on_error))) {}

Server::~Server() = default;

std::uint16_t Server::bind() {
  auto& a = impl_->acceptor;
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->config.host, ec);
  if (ec) throw std::runtime_error("invalid listen address '" + impl_->config.host + "'");
  tcp::endpoint ep(address, impl_->config.port);
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + impl_->config.host + ":" +
                             std::to_string(impl_->config.port) + ": " + ec.message());
  // Handled from here on, before anyone is told the address: a SIGTERM that
  // arrives before run() is queued and drains, instead of killing the process.
  auto& impl = *impl_;
  impl.signals.add(SIGINT);
  impl.signals.add(SIGTERM);
  impl.signals.async_wait([&impl](beast::error_code e, int) {
    if (!e) impl.begin_drain();
  });
  return a.local_endpoint().port();
}

void Server::run() {
  auto& impl = *impl_;
  if (!impl.acceptor.is_open()) bind();
  auto work = asio::make_work_guard(impl.ioc);
  impl.accept();
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, impl.config.threads); ++i)
    workers.emplace_back([&impl] { impl.ioc.run(); });

  // Wait for the drain signal, then for open connections to finish.
  {
    std::unique_lock lock(impl.mu);
    while (!impl.draining.load()) impl.drained.wait_for(lock, std::chrono::milliseconds(100));
    impl.drained.wait_for(lock, impl.config.drain_timeout,
                          [&impl] { return impl.connections.load() == 0; });
  }
  beast::error_code ignored;
  impl.signals.cancel(ignored);
  work.reset();
  impl.ioc.stop();
  for (auto& t : workers) t.join();
}

void Server::stop() {
  impl_->begin_drain();
  std::lock_guard lock(impl_->mu);
  impl_->drained.notify_all();
}

std::size_t Server::open_connections() const { return impl_->connections.load(); }

}  // namespace samen::http
