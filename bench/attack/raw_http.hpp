// Raw HTTP/1.1 over blocking POSIX sockets, for the attack benchmark: an
// attacker must be able to send what no well-behaved client library sends
// (a head one line at a time, 400,000 headers, a body that never ends) and to
// choose its source address on the loopback network, so that the server sees
// the attacker and the health prober as different clients.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lizheng::bench {

// Where the server under attack listens.
struct Endpoint {
  std::string host = "127.0.0.1";
  int port = 0;
};

// What the server answered; status 0 means no complete answer (timeout,
// reset, closed, or stopped). The body is kept up to a small cap; its full
// length is always counted.
struct Response {
  int status = 0;
  std::size_t body_bytes = 0;
  std::string body;
  bool keep_alive = false;
};

// How sending a request went.
enum class SendResult {
  kSent,          // every byte went out
  kPeerAnswered,  // the server answered (or closed) before the end: it refused
  kPeerClosed,    // the connection broke
  kStopped,       // the attack's time ran out
};

// One TCP connection, owned (closed on destruction). Not thread-safe: one
// thread uses a connection at a time.
class Connection {
 public:
  // Connects to `to` from source address `from` (empty: the kernel picks),
  // waiting at most `timeout`. An invalid connection when that fails.
  static Connection Open(const Endpoint& to, const std::string& from,
                         std::chrono::milliseconds timeout);

  Connection() = default;
  Connection(Connection&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Connection& operator=(Connection&& o) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  bool valid() const { return fd_ >= 0; }
  void Close();

  // Sends all of `data`, watching for an early answer or close from the
  // server and for `stop`. Adds the bytes written to `sent`.
  SendResult Send(std::string_view data, const std::atomic<bool>& stop, std::atomic<long>& sent);

  // True when the server closed this connection (or reset it); waits up to
  // `wait` for something to happen and discards whatever the server sent.
  bool PeerClosed(std::chrono::milliseconds wait);

  // Reads one response, giving up after `timeout` or when `stop` is set
  // (status 0). Adds the bytes read to `received`; keeps at most
  // `keep_body` bytes of the body.
  Response Read(std::chrono::milliseconds timeout, const std::atomic<bool>& stop,
                std::atomic<long>& received, std::size_t keep_body = 64 * 1024);

 private:
  explicit Connection(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// An HTTP/1.1 request head (and body, with a Content-Length when the body is
// not empty) for the server at `to`.
std::string BuildRequest(std::string_view method, std::string_view target, const Endpoint& to,
                         const std::vector<std::pair<std::string, std::string>>& headers,
                         std::string_view body = {});

// The string value of "key":"..." in a JSON text, or empty (enough for the
// tracking number and query code of a receipt; no escapes expected).
std::string JsonStringField(std::string_view json, std::string_view key);

}  // namespace lizheng::bench
