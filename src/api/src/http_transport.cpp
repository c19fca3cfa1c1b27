// The one file that includes Boost.Beast and Asio (they are heavy to
// compile). See http_transport.hpp for what the transport promises.
#include <utility>  // before Asio: g++ 12 in C++20 mode needs std::exchange declared first

#include "http_transport.hpp"

#include "client_address.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

namespace lizheng::api {
namespace {

// Handlers run at nice +5 (once per worker thread): when they use every
// core, the io threads and the probe thread, which do little each time, are
// still scheduled at once, so sockets are read and health answers. Linux
// keeps a nice value per thread. Failing to lower it changes nothing else.
void LowerWorkerPriority() {
  thread_local bool lowered = false;
  if (lowered) return;
  lowered = true;
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  (void)::setpriority(PRIO_PROCESS, tid, 5);
}

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// The read buffer of a connection never grows past this: heads are
// capped well below it, and a body is moved out as it is parsed.
constexpr std::size_t kReadBufferLimit = 64 * 1024;
// After a refusal the server stops sending and reads (and drops) what the
// client still sends for a while before closing, so that closing with unread
// bytes does not reset the connection before the client has read the answer.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = 4 * 1024 * 1024;
// File descriptors kept back from the connection cap for the database,
// logs and the listening socket.
constexpr rlim_t kReservedDescriptors = 64;

bool IsParseError(const beast::error_code& ec) {
  return ec.category() == beast::http::make_error_code(http::error::bad_method).category();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

class Connection;

}  // namespace

struct HttpTransport::Impl {
  Impl(const ServerOptions& o, Callbacks c) : options(o), cb(std::move(c)) {}

  // Counts a new connection from `peer`; false when a cap is reached.
  bool Admit(const std::string& peer) {
    std::lock_guard lock(mu);
    if (stopping || open >= max_connections) return false;
    if (!proxies.Contains(peer)) {
      const auto it = per_address.find(peer);
      if (it != per_address.end() && it->second >= options.max_connections_per_address) return false;
    }
    ++open;
    ++per_address[peer];
    return true;
  }

  void Release(const std::string& peer, Connection* c) {
    std::lock_guard lock(mu);
    --open;
    if (auto it = per_address.find(peer); it != per_address.end() && --it->second == 0) per_address.erase(it);
    live.erase(c);
  }

  void DoAccept();
  void OnAccept(tcp::socket socket);
  void WaitForStop();
  void OnStop();

  ServerOptions options;
  Callbacks cb;
  TrustedProxies proxies;
  std::size_t max_connections = 0;
  std::string busy_answer;  // the 503 sent over the caps, whole

  // Declared before the io_context, so that they outlive the connections
  // its queued handlers may still own when it is destroyed.
  std::mutex mu;  // guards open, per_address and live
  std::atomic<bool> stopping{false};  // set once, under mu
  std::size_t open = 0;
  std::map<std::string, std::size_t> per_address;
  std::map<Connection*, std::weak_ptr<Connection>> live;

  asio::io_context ioc;
  // The acceptor, its retry timer and the stop pipe share one strand.
  asio::strand<asio::io_context::executor_type> accept_strand{asio::make_strand(ioc)};
  tcp::acceptor acceptor{accept_strand};
  asio::steady_timer accept_retry{accept_strand};
  int stop_pipe[2] = {-1, -1};
  asio::posix::stream_descriptor stop_reader{accept_strand};
  char stop_byte = 0;
  std::unique_ptr<asio::thread_pool> workers;
  std::unique_ptr<asio::thread_pool> probes;  // Callbacks::urgent requests
};

namespace {

// One client connection. Every member is used on the connection's strand,
// except req_ while a worker runs the handler (the strand then waits).
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, HttpTransport::Impl& server, std::string peer)
      : stream_(std::move(socket)), server_(server), peer_(std::move(peer)), buffer_(kReadBufferLimit) {}
  ~Connection() { server_.Release(peer_, this); }

  void Start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHead(); });
  }

  // Server stop: an idle connection closes now, a busy one after its answer.
  void Shutdown() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->closing_ = true;
      if (!self->busy_) self->Close();
    });
  }

 private:
  const ServerOptions& options() const { return server_.options; }

  void ReadHead() {
    if (closing_ || server_.stopping) return Close();
    busy_ = false;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options().max_head_bytes));
    parser_->body_limit(options().max_body_bytes);
    // The first head must arrive within the head deadline; a kept-alive
    // connection may wait the idle timeout for its next one.
    stream_.expires_after(first_ ? options().head_timeout : options().idle_timeout);
    first_ = false;
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Connection::OnHead, shared_from_this()));
  }

  void OnHead(beast::error_code ec, std::size_t) {
    busy_ = true;
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow)
      return Refuse(Refusal::kHeadTooLarge);
    if (ec == http::error::body_limit) return Refuse(Refusal::kBodyTooLarge);
    if (ec == http::error::end_of_stream || ec == http::error::partial_message) return Close();
    if (IsParseError(ec)) return Refuse(Refusal::kMalformed);
    if (ec) return Close();  // timeout, reset, server stop
    const auto& msg = parser_->get();
    if (static_cast<std::size_t>(std::distance(msg.begin(), msg.end())) > options().max_headers)
      return Refuse(Refusal::kHeadTooLarge);
    req_ = MakeRequest();
    for (std::size_t i = 0; req_.has_header("Content-Encoding"); ++i) {
      const std::string coding = req_.get_header_value("Content-Encoding", i);
      if (i > 0 && coding.empty()) break;
      if (!beast::iequals(Trim(coding), "identity")) return Refuse(Refusal::kContentEncoding);
    }
    if (std::optional<Response> refused = server_.cb.screen(req_)) return Write(std::move(*refused), false);
    if (parser_->is_done()) return Dispatch();
    if (beast::iequals(req_.get_header_value("Expect"), "100-continue")) {
      auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_, msg.version());
      stream_.expires_after(options().write_timeout);
      return http::async_write(stream_, *interim,
                               [self = shared_from_this(), interim](beast::error_code wec, std::size_t) {
                                 if (wec) return self->Close();
                                 self->ReadBody();
                               });
    }
    ReadBody();
  }

  void ReadBody() {
    stream_.expires_after(options().body_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Connection::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, std::size_t) {
    if (ec == http::error::body_limit) return Refuse(Refusal::kBodyTooLarge);
    if (ec == http::error::end_of_stream || ec == http::error::partial_message) return Close();
    if (ec == http::error::buffer_overflow || IsParseError(ec)) return Refuse(Refusal::kMalformed);
    if (ec) return Close();
    req_.body = std::move(parser_->get().body());
    Dispatch();
  }

  // Runs the handler on a worker; the answer comes back to the strand. The
  // work guard keeps the io threads running until it has.
  void Dispatch() {
    stream_.expires_never();
    const bool urgent = server_.cb.urgent && server_.cb.urgent(req_);
    asio::thread_pool& pool = urgent ? *server_.probes : *server_.workers;
    asio::post(pool, [self = shared_from_this(), guard = asio::make_work_guard(server_.ioc), urgent] {
      if (!urgent) LowerWorkerPriority();
      Response res;
      try {
        self->server_.cb.handle(self->req_, res);
      } catch (const std::exception& e) {
        std::cerr << "error: handler threw: " << e.what() << "\n";
        res = Response{};
        res.status = 500;
      }
      asio::post(self->stream_.get_executor(), [self, res = std::move(res)]() mutable {
        const bool keep = self->parser_->get().keep_alive() && !self->closing_;
        self->Write(std::move(res), keep);
      });
    });
  }

  Request MakeRequest() const {
    const auto& msg = parser_->get();
    Request r;
    r.method = std::string(msg.method_string());
    r.target = std::string(msg.target());
    r.version = static_cast<int>(msg.version());
    const std::size_t q = r.target.find('?');
    r.path = DecodeUrl(std::string_view(r.target).substr(0, q), false);
    if (q != std::string::npos) ParseQuery(std::string_view(r.target).substr(q + 1), r.params);
    for (const auto& f : msg) r.headers.emplace(std::string(f.name_string()), std::string(f.value()));
    std::vector<std::string> forwarded;
    for (auto [it, end] = r.headers.equal_range("X-Forwarded-For"); it != end; ++it) forwarded.push_back(it->second);
    r.remote_addr = server_.proxies.ClientOf(peer_, forwarded);
    return r;
  }

  void Refuse(Refusal why) {
    if (parser_) req_ = MakeRequest();
    Write(server_.cb.refuse(why, req_), false);
  }

  void Write(Response res, bool keep_alive) {
    busy_ = true;
    out_.emplace();
    const unsigned version = parser_ && parser_->get().version() == 10 ? 10 : 11;
    out_->version(version);
    out_->result(static_cast<unsigned>(res.status > 0 ? res.status : 500));
    for (const auto& [name, value] : res.headers) out_->insert(name, value);
    out_->keep_alive(keep_alive);
    if (req_.method == "HEAD") {
      out_->content_length(res.body.size());
    } else {
      out_->body() = std::move(res.body);
      out_->prepare_payload();
    }
    stream_.expires_after(options().write_timeout);
    http::async_write(stream_, *out_, [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
      self->out_.reset();
      if (ec) return self->Close();
      if (!keep_alive) return self->Linger();
      self->req_ = Request{};
      self->ReadHead();
    });
  }

  // Stops sending, then drops what the client still sends until it closes,
  // for at most kLingerTime and kLingerBytes; then closes.
  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    buffer_.clear();
    stream_.expires_after(kLingerTime);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(asio::buffer(drain_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > kLingerBytes) return self->Close();
      self->Drain();
    });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  HttpTransport::Impl& server_;
  const std::string peer_;  // canonical
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::string_body>> out_;
  Request req_;
  bool first_ = true;
  bool busy_ = false;     // a request is past its head and not yet answered
  bool closing_ = false;  // the server stops: no further request
  std::array<char, 4096> drain_{};
  std::size_t drained_ = 0;
};

// The whole 503 response sent (best effort, never waiting) to a connection
// over the caps before it is closed.
std::string SerializeBusy(const Response& res) {
  std::string out = "HTTP/1.1 503 Service Unavailable\r\n";
  for (const auto& [name, value] : res.headers) out += name + ": " + value + "\r\n";
  out += "Content-Length: " + std::to_string(res.body.size()) + "\r\nConnection: close\r\n\r\n";
  return out + res.body;
}

}  // namespace

void HttpTransport::Impl::DoAccept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {
      // Out of descriptors or memory: wait a little rather than spin.
      accept_retry.expires_after(std::chrono::milliseconds(50));
      accept_retry.async_wait([this](beast::error_code tec) {
        if (!tec) DoAccept();
      });
      return;
    }
    OnAccept(std::move(socket));
    DoAccept();
  });
}

void HttpTransport::Impl::OnAccept(tcp::socket socket) {
  beast::error_code ec;
  const tcp::endpoint remote = socket.remote_endpoint(ec);
  if (ec) return;
  const std::string peer = CanonicalAddress(remote.address().to_string()).value_or(remote.address().to_string());
  if (!Admit(peer)) {
    // Never queued: the client learns at once, and retries later.
    (void)::send(socket.native_handle(), busy_answer.data(), busy_answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
    return;
  }
  socket.set_option(tcp::no_delay(true), ec);
  auto c = std::make_shared<Connection>(std::move(socket), *this, peer);
  {
    std::lock_guard lock(mu);
    live.emplace(c.get(), c);
  }
  c->Start();
}

void HttpTransport::Impl::WaitForStop() {
  stop_reader.async_read_some(asio::buffer(&stop_byte, 1), [this](beast::error_code ec, std::size_t) {
    if (ec == asio::error::operation_aborted) return;
    OnStop();
  });
}

void HttpTransport::Impl::OnStop() {
  beast::error_code ec;
  acceptor.close(ec);
  accept_retry.cancel();
  stop_reader.close(ec);
  std::vector<std::shared_ptr<Connection>> open_now;
  {
    std::lock_guard lock(mu);
    stopping = true;
    for (auto& [ptr, weak] : live)
      if (auto c = weak.lock()) open_now.push_back(std::move(c));
  }
  for (auto& c : open_now) c->Shutdown();
}

HttpTransport::HttpTransport(const ServerOptions& options, Callbacks callbacks)
    : impl_(std::make_unique<Impl>(options, std::move(callbacks))) {
  if (::pipe2(impl_->stop_pipe, O_CLOEXEC) == 0) {
    ::fcntl(impl_->stop_pipe[1], F_SETFL, O_NONBLOCK);
    impl_->stop_reader.assign(impl_->stop_pipe[0]);
  }
}

HttpTransport::~HttpTransport() {
  if (impl_->stop_pipe[1] >= 0) ::close(impl_->stop_pipe[1]);
}

Result<int> HttpTransport::Bind() {
  Impl& s = *impl_;
  const ServerOptions& o = s.options;
  if (s.stop_pipe[1] < 0) return MakeError(ErrorCode::kUnavailable, "cannot create the stop pipe");
  LZ_ASSIGN_OR_RETURN(s.proxies, TrustedProxies::Parse(o.trusted_proxies));
  // Every connection is a descriptor: raise the soft limit to the hard one,
  // and keep the cap below what the process may open.
  rlimit lim{};
  s.max_connections = o.max_connections;
  if (::getrlimit(RLIMIT_NOFILE, &lim) == 0) {
    if (lim.rlim_cur < lim.rlim_max) {
      lim.rlim_cur = lim.rlim_max;
      ::setrlimit(RLIMIT_NOFILE, &lim);
      ::getrlimit(RLIMIT_NOFILE, &lim);
    }
    if (lim.rlim_cur != RLIM_INFINITY && lim.rlim_cur > kReservedDescriptors)
      s.max_connections = std::min<std::size_t>(s.max_connections, lim.rlim_cur - kReservedDescriptors);
  }
  s.busy_answer = SerializeBusy(s.cb.refuse(Refusal::kTooManyConnections, Request{}));

  beast::error_code ec;
  tcp::resolver resolver(s.ioc);
  const auto endpoints = resolver.resolve(o.host, std::to_string(o.port), tcp::resolver::passive, ec);
  const std::string where = o.host + ":" + std::to_string(o.port);
  if (ec || endpoints.empty())
    return MakeError(ErrorCode::kUnavailable, "cannot resolve " + o.host + ": " + ec.message());
  const tcp::endpoint ep = *endpoints.begin();
  s.acceptor.open(ep.protocol(), ec);
  // SO_REUSEADDR so that a restart need not wait out TIME_WAIT; never
  // SO_REUSEPORT, which would let a second server bind the port silently.
  if (!ec) s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(ep, ec);
  if (!ec) s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return MakeError(ErrorCode::kUnavailable, "cannot bind to " + where + " (" + ec.message() + ")");
  return static_cast<int>(s.acceptor.local_endpoint().port());
}

void HttpTransport::Run() {
  Impl& s = *impl_;
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const int workers = s.options.threads > 0 ? s.options.threads : static_cast<int>(std::max(8u, 2 * hw));
  s.workers = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(workers));
  s.probes = std::make_unique<asio::thread_pool>(1);
  // Reading and writing sockets is cheap: one io thread per two cores.
  const unsigned io_threads = std::clamp(hw / 2, 1u, 8u);
  s.WaitForStop();
  s.DoAccept();
  std::vector<std::thread> io;
  for (unsigned i = 1; i < io_threads; ++i) io.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (std::thread& t : io) t.join();
  s.workers->join();
  s.probes->join();
}

void HttpTransport::Stop() {
  const char byte = 's';
  // A full pipe already holds a stop request.
  (void)!::write(impl_->stop_pipe[1], &byte, 1);
}

}  // namespace lizheng::api
