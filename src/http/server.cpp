// Boost.Beast transport for Samen. Reads the header first (header limit →
// 431), then chooses the body limit for the route (→ 413), hands a plain
// Request to the Handler on a worker thread and writes the Response.
// Timeouts on every phase keep slow clients from holding workers or sockets.
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
#include <vector>

namespace samen::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// What the server needs of a connection to drain it.
struct Connection {
  virtual ~Connection() = default;
  virtual void close_if_idle() = 0;  // thread-safe: posts to the connection's strand
};

struct Server::Impl {
  ServerConfig config;
  Handler handler;
  ErrorHandler on_error;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  std::atomic<std::size_t> connections{0};
  std::atomic<bool> draining{false};
  std::mutex mu;
  std::condition_variable drained;
  std::vector<std::weak_ptr<Connection>> live;  // guarded by mu; pruned on accept

  Impl(ServerConfig c, Handler h, ErrorHandler e)
      : config(std::move(c)), handler(std::move(h)), on_error(std::move(e)) {}
  void accept();
  void begin_drain();
  void connection_closed() {
    if (connections.fetch_sub(1) == 1) {
      std::lock_guard lock(mu);
      drained.notify_all();
    }
  }
};

namespace {

class Session : public Connection, public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = ep.address().to_string();
  }
  ~Session() { server_.connection_closed(); }

  void close_if_idle() override {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) self->close();
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
    stream_.expires_after(first_ ? server_.config.header_timeout : server_.config.idle_timeout);
    idle_ = buffer_.size() == 0;
    if (idle_ && server_.draining.load()) return close();
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) {
                               self->idle_ = false;
                               self->on_header(ec);
                             });
  }

  void on_header(beast::error_code ec) {
    if (ec == bhttp::error::header_limit) return fail_request(431);
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof)
      return close();
    if (ec) return fail_request(400);
    fill_request_head();
    std::size_t limit = server_.config.default_body_limit;
    if (server_.config.body_limit_for) {
      std::size_t route_limit = server_.config.body_limit_for(request_.method, request_.path);
      if (route_limit) limit = route_limit;
    }
    parser_->body_limit(limit);
    if (auto len = parser_->content_length(); len && *len > limit) return fail_request(413);
    if (parser_->is_done()) return handle();
    stream_.expires_after(server_.config.body_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec2, std::size_t) {
                        self->on_body(ec2);
                      });
  }

  void on_body(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) return fail_request(413);
    if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream ||
        ec == asio::error::eof || ec == asio::error::connection_reset)
      return close();
    if (ec) return fail_request(400);
    handle();
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
  void fail_request(int status) { send(server_.on_error(status, request_), false); }

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
    std::size_t open = connections.fetch_add(1) + 1;
    auto session = std::make_shared<Session>(std::move(socket), *this);
    {
      std::lock_guard lock(mu);
      if (live.size() > 2 * connections.load() + 64)
        std::erase_if(live, [](const std::weak_ptr<Connection>& w) { return w.expired(); });
      live.push_back(session);
    }
    session->start(open > config.max_connections);
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
    for (auto& w : live)
      if (auto c = w.lock()) open.push_back(std::move(c));
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
