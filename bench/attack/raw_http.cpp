#include "raw_http.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace lizheng::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kPollSliceMs = 100;  // how often a blocked call looks at `stop`

bool ParseAddress(const std::string& text, sockaddr_in& out) {
  out = {};
  out.sin_family = AF_INET;
  return inet_pton(AF_INET, text == "localhost" ? "127.0.0.1" : text.c_str(), &out.sin_addr) == 1;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The parsed head of a response.
struct Head {
  int status = 0;
  bool chunked = false;
  long content_length = -1;
  bool keep_alive = false;
};

Head ParseHead(std::string_view head) {
  Head h;
  const bool http11 = head.substr(0, 8) == "HTTP/1.1";
  if (head.size() >= 12) h.status = std::atoi(std::string(head.substr(9, 3)).c_str());
  bool close = !http11, keep = false;
  std::size_t at = head.find("\r\n");
  while (at != std::string_view::npos && at + 2 < head.size()) {
    const std::size_t next = head.find("\r\n", at + 2);
    const std::string line = Lower(head.substr(at + 2, next - at - 2));
    at = next;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string name = line.substr(0, colon);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    if (name == "content-length")
      h.content_length = std::atol(value.c_str());
    else if (name == "transfer-encoding")
      h.chunked = value.find("chunked") != std::string::npos;
    else if (name == "connection") {
      close = close || value.find("close") != std::string::npos;
      keep = value.find("keep-alive") != std::string::npos;
    }
  }
  h.keep_alive = http11 ? !close : keep;
  return h;
}

// Reads a response from a connection into a buffer, a slice at a time.
class Reader {
 public:
  enum class Fill { kData, kClosed, kFailed };

  Reader(int fd, Clock::time_point deadline, const std::atomic<bool>& stop,
         std::atomic<long>& received)
      : fd_(fd), deadline_(deadline), stop_(stop), received_(received) {}

  std::string& buffer() { return buf_; }

  Fill More() {
    std::array<char, 64 * 1024> chunk;
    while (!stop_.load(std::memory_order_relaxed) && Clock::now() < deadline_) {
      pollfd p{fd_, POLLIN, 0};
      const int n = poll(&p, 1, kPollSliceMs);
      if (n < 0 && errno != EINTR) return Fill::kFailed;
      if (n <= 0) continue;
      const ssize_t got = recv(fd_, chunk.data(), chunk.size(), MSG_DONTWAIT);
      if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (got < 0) return Fill::kFailed;
      if (got == 0) return Fill::kClosed;
      received_ += got;
      buf_.append(chunk.data(), static_cast<std::size_t>(got));
      return Fill::kData;
    }
    return Fill::kFailed;
  }

  // Moves `n` body bytes out of the buffer (reading more as needed).
  bool TakeBody(std::size_t n, Response& r, std::size_t keep) {
    while (n > 0) {
      if (buf_.empty() && More() != Fill::kData) return false;
      const std::size_t k = std::min(n, buf_.size());
      if (r.body.size() < keep) r.body.append(buf_, 0, std::min(k, keep - r.body.size()));
      r.body_bytes += k;
      buf_.erase(0, k);
      n -= k;
    }
    return true;
  }

  // Takes one CRLF-terminated line off the buffer.
  bool Line(std::string& line) {
    std::size_t at;
    while ((at = buf_.find("\r\n")) == std::string::npos)
      if (buf_.size() > 64 * 1024 || More() != Fill::kData) return false;
    line = buf_.substr(0, at);
    buf_.erase(0, at + 2);
    return true;
  }

 private:
  int fd_;
  Clock::time_point deadline_;
  const std::atomic<bool>& stop_;
  std::atomic<long>& received_;
  std::string buf_;
};

bool ReadChunked(Reader& in, Response& r, std::size_t keep) {
  std::string line;
  for (;;) {
    if (!in.Line(line)) return false;
    const std::size_t size = std::strtoul(line.c_str(), nullptr, 16);
    if (size == 0) break;
    if (!in.TakeBody(size, r, keep) || !in.Line(line)) return false;
  }
  do {  // trailers, up to the empty line
    if (!in.Line(line)) return false;
  } while (!line.empty());
  return true;
}

}  // namespace

Connection Connection::Open(const Endpoint& to, const std::string& from,
                            std::chrono::milliseconds timeout) {
  sockaddr_in peer{}, local{};
  if (!ParseAddress(to.host, peer) || (!from.empty() && !ParseAddress(from, local)))
    return Connection();
  peer.sin_port = htons(static_cast<std::uint16_t>(to.port));
  Connection c(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
  if (!c.valid()) return c;
  const int one = 1;
  setsockopt(c.fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (!from.empty() && bind(c.fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0)
    return Connection();
  if (connect(c.fd_, reinterpret_cast<sockaddr*>(&peer), sizeof peer) != 0) {
    if (errno != EINPROGRESS) return Connection();
    pollfd p{c.fd_, POLLOUT, 0};
    if (poll(&p, 1, static_cast<int>(timeout.count())) != 1) return Connection();
    int error = 0;
    socklen_t len = sizeof error;
    if (getsockopt(c.fd_, SOL_SOCKET, SO_ERROR, &error, &len) != 0 || error != 0)
      return Connection();
  }
  return c;
}

Connection& Connection::operator=(Connection&& o) noexcept {
  if (this != &o) {
    Close();
    fd_ = std::exchange(o.fd_, -1);
  }
  return *this;
}

Connection::~Connection() {
  Close();
}

void Connection::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

SendResult Connection::Send(std::string_view data, const std::atomic<bool>& stop,
                            std::atomic<long>& sent) {
  while (!data.empty()) {
    if (stop.load(std::memory_order_relaxed)) return SendResult::kStopped;
    pollfd p{fd_, POLLOUT | POLLIN, 0};
    const int n = poll(&p, 1, kPollSliceMs);
    if (n < 0 && errno != EINTR) return SendResult::kPeerClosed;
    if (n <= 0) continue;
    if (p.revents & POLLIN) {
      char c;
      return recv(fd_, &c, 1, MSG_PEEK | MSG_DONTWAIT) > 0 ? SendResult::kPeerAnswered
                                                           : SendResult::kPeerClosed;
    }
    if (p.revents & (POLLERR | POLLHUP)) return SendResult::kPeerClosed;
    const ssize_t put = send(fd_, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (put < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (put < 0) return SendResult::kPeerClosed;
    sent += put;
    data.remove_prefix(static_cast<std::size_t>(put));
  }
  return SendResult::kSent;
}

bool Connection::PeerClosed(std::chrono::milliseconds wait) {
  pollfd p{fd_, POLLIN, 0};
  if (poll(&p, 1, static_cast<int>(wait.count())) != 1) return false;
  std::array<char, 4096> scratch;
  const ssize_t got = recv(fd_, scratch.data(), scratch.size(), MSG_DONTWAIT);
  return got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR);
}

Response Connection::Read(std::chrono::milliseconds timeout, const std::atomic<bool>& stop,
                          std::atomic<long>& received, std::size_t keep_body) {
  Response r;
  Reader in(fd_, Clock::now() + timeout, stop, received);
  Head head;
  do {  // an interim 1xx answer is followed by the real one
    std::size_t end;
    while ((end = in.buffer().find("\r\n\r\n")) == std::string::npos)
      if (in.buffer().size() > 1024 * 1024 || in.More() != Reader::Fill::kData) return r;
    head = ParseHead(std::string_view(in.buffer()).substr(0, end));
    in.buffer().erase(0, end + 4);
  } while (head.status >= 100 && head.status < 200);
  if (head.status == 0) return r;
  bool whole = true;
  if (head.status == 204 || head.status == 304) {
  } else if (head.chunked) {
    whole = ReadChunked(in, r, keep_body);
  } else if (head.content_length >= 0) {
    whole = in.TakeBody(static_cast<std::size_t>(head.content_length), r, keep_body);
  } else {  // the body runs to the end of the connection
    Reader::Fill f;
    while ((f = in.More()) == Reader::Fill::kData) in.TakeBody(in.buffer().size(), r, keep_body);
    whole = f == Reader::Fill::kClosed;
    head.keep_alive = false;
  }
  if (!whole) return Response{};
  r.status = head.status;
  r.keep_alive = head.keep_alive;
  return r;
}

std::string BuildRequest(std::string_view method, std::string_view target, const Endpoint& to,
                         const std::vector<std::pair<std::string, std::string>>& headers,
                         std::string_view body) {
  std::string out;
  out.reserve(256 + body.size());
  out.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: ");
  out.append(to.host).append(":").append(std::to_string(to.port)).append("\r\n");
  for (const auto& [name, value] : headers)
    out.append(name).append(": ").append(value).append("\r\n");
  if (!body.empty())
    out.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  out.append("\r\n").append(body);
  return out;
}

std::string JsonStringField(std::string_view json, std::string_view key) {
  const std::string needle = "\"" + std::string(key) + "\":\"";
  const std::size_t at = json.find(needle);
  if (at == std::string_view::npos) return {};
  const std::size_t from = at + needle.size();
  const std::size_t to = json.find('"', from);
  return to == std::string_view::npos ? std::string() : std::string(json.substr(from, to - from));
}

}  // namespace lizheng::bench
