// The public edge holds: idle and slow clients hold a socket, not the
// server; bodies over the limit are refused however they are framed; a
// refused request closes its connection, so its body is never run as a
// next request; heads and connections are capped. Raw sockets, because an
// HTTP client library would not misbehave on purpose.
//
// The server runs with short deadlines (--head-timeout 2, --idle-timeout 3)
// and a cap of 16 connections per address. Loopback has a whole /8, so a
// test opens connections from 127.0.0.x to be many clients at once.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using std::chrono::steady_clock;

constexpr int kPerAddressCap = 16;
constexpr auto kHeadTimeout = seconds(2);

// One client connection from a chosen loopback address.
class RawConnection {
 public:
  RawConnection(int port, const std::string& from = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return;
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, from.c_str(), &local.sin_addr);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    int yes = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool ok() const { return fd_ >= 0; }

  // Whether all of `data` was sent (false once the server has closed).
  bool Send(const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  // Whether bytes (or the end of the stream) wait to be read.
  bool Readable(milliseconds wait = milliseconds(0)) {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(wait.count())) > 0;
  }

  // Reads one response (head and Content-Length body, none for a HEAD
  // request); "" when the connection ended or nothing came within `wait`.
  std::string ReadResponse(milliseconds wait = milliseconds(10000), bool to_head = false) {
    const auto deadline = steady_clock::now() + wait;
    while (true) {
      const std::size_t head_end = in_.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        std::size_t length = 0;
        const std::string head = in_.substr(0, head_end);
        std::string lower = head;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (const std::size_t at = lower.find("\r\ncontent-length:"); at != std::string::npos && !to_head)
          length = std::strtoul(head.c_str() + at + 17, nullptr, 10);
        if (in_.size() >= head_end + 4 + length) {
          std::string out = in_.substr(0, head_end + 4 + length);
          in_.erase(0, out.size());
          return out;
        }
      }
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - steady_clock::now());
      if (left.count() <= 0 || !Readable(left)) return "";
      char buf[65536];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return "";
      in_.append(buf, static_cast<std::size_t>(n));
    }
  }

  // Whether the server closed the connection (end of stream or reset)
  // within `wait`, dropping whatever else it sent.
  bool ClosedWithin(milliseconds wait) {
    const auto deadline = steady_clock::now() + wait;
    while (true) {
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - steady_clock::now());
      if (left.count() <= 0 || !Readable(left)) return false;
      char buf[65536];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return true;
    }
  }

 private:
  int fd_ = -1;
  std::string in_;
};

int StatusOf(const std::string& response) {
  return response.rfind("HTTP/1.", 0) == 0 && response.size() > 12 ? std::atoi(response.c_str() + 9) : 0;
}

std::string BodyOf(const std::string& response) {
  const std::size_t at = response.find("\r\n\r\n");
  return at == std::string::npos ? "" : response.substr(at + 4);
}

bool HeadHas(const std::string& response, const std::string& text) {
  std::string head = response.substr(0, response.find("\r\n\r\n"));
  std::string needle = text;
  for (std::string* s : {&head, &needle})
    for (char& c : *s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.find(needle) != std::string::npos;
}

// The n-th of many client addresses, kPerAddressCap connections each.
std::string ClientAddress(int n) { return "127.0.1." + std::to_string(1 + n / kPerAddressCap); }

// The process serving `db` (its command line names the database), or -1.
pid_t ServerPid(const std::string& db) {
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "cmdline", std::ios::binary);
    std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (cmdline.find(std::string("serve") + '\0') != std::string::npos &&
        cmdline.find('\0' + db + '\0') != std::string::npos)
      return static_cast<pid_t>(std::stol(name));
  }
  return -1;
}

// The server's resident memory in KiB (VmRSS), or -1.
long ResidentKiB(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return -1;
}

const std::string kSubmission =
    R"({"type":"complaint","title":"夹带的第二个请求","detail":"不应被受理","area_code":"dh-01"})";

class HttpEdgeTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    const std::string flags = "--head-timeout 2 --idle-timeout 3 --body-timeout 3 --max-connections-per-address " +
                              std::to_string(kPerAddressCap);
    ::setenv("LIZHENG_E2E_SERVE_FLAGS", flags.c_str(), 1);
    StartServer(TestServer::Options{.sync = "normal", .web = "", .now = ""});
    ::unsetenv("LIZHENG_E2E_SERVE_FLAGS");
  }

  static std::string Get(const std::string& target, const std::string& headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
  }

  // GET /api/v1/health on a new connection from 127.0.0.1: its status, and
  // how long the answer took.
  static std::pair<int, milliseconds> TimedHealth() {
    const auto start = steady_clock::now();
    RawConnection c(server().port());
    int status = 0;
    if (c.ok() && c.Send(Get("/api/v1/health", "Connection: close\r\n")))
      status = StatusOf(c.ReadResponse(seconds(10)));
    return {status, std::chrono::duration_cast<milliseconds>(steady_clock::now() - start)};
  }
};

TEST_F(HttpEdgeTest, IdleConnectionsDoNotStopOthersAndAreClosedAfterTheHeadDeadline) {
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 200; ++i) {
    idle.push_back(std::make_unique<RawConnection>(server().port(), ClientAddress(i)));
    ASSERT_TRUE(idle.back()->ok()) << i;
  }
  // The old thread-per-connection server answered nothing for 15-27 s here.
  const auto [status, took] = TimedHealth();
  EXPECT_EQ(status, 200);
  EXPECT_LT(took.count(), 1000);
  int closed = 0;
  for (auto& c : idle) closed += c->ClosedWithin(kHeadTimeout + seconds(3)) ? 1 : 0;
  EXPECT_EQ(closed, 200);
}

TEST_F(HttpEdgeTest, SlowHeadersDoNotStopOthersAndAreCutAtTheHeadDeadline) {
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 64; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server().port(), ClientAddress(i)));
    ASSERT_TRUE(slow.back()->ok());
    ASSERT_TRUE(slow.back()->Send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"));
  }
  const auto start = steady_clock::now();
  int cut = 0;
  // One header line per connection every 300 ms, never the blank line.
  for (int round = 0; round < 20 && cut < 64; ++round) {
    std::this_thread::sleep_for(milliseconds(300));
    cut = 0;
    for (auto& c : slow) cut += c->Send("X-Slow-" + std::to_string(round) + ": 1\r\n") ? 0 : 1;
    if (round == 2) {
      const auto [status, took] = TimedHealth();
      EXPECT_EQ(status, 200);
      EXPECT_LT(took.count(), 1000);
    }
  }
  for (auto& c : slow) EXPECT_TRUE(c->ClosedWithin(seconds(3)));
  // Cut at the 2 s head deadline, long before the 6 s the headers would take.
  EXPECT_LT(std::chrono::duration_cast<milliseconds>(steady_clock::now() - start).count(), 5500);
}

TEST_F(HttpEdgeTest, ThreeHundredKeepAliveClientsAllGetAnswers) {
  std::vector<std::unique_ptr<RawConnection>> clients;
  for (int i = 0; i < 300; ++i) {
    clients.push_back(std::make_unique<RawConnection>(server().port(), ClientAddress(i)));
    ASSERT_TRUE(clients.back()->ok()) << i;
  }
  // All connections stay open; each asks twice on its own connection.
  for (int round = 0; round < 2; ++round) {
    for (auto& c : clients) ASSERT_TRUE(c->Send(Get("/api/v1/health")));
    int answered = 0;
    for (auto& c : clients) {
      const std::string r = c->ReadResponse(seconds(10));
      answered += StatusOf(r) == 200 && BodyOf(r).find("\"status\"") != std::string::npos ? 1 : 0;
    }
    EXPECT_EQ(answered, 300) << "round " << round;
  }
}

TEST_F(HttpEdgeTest, ChunkedBodyOverTheLimitIs413AndClosesWithoutGrowingMemory) {
  const pid_t pid = ServerPid(server().db_path());
  ASSERT_GT(pid, 0);
  const long before = ResidentKiB(pid);
  ASSERT_GT(before, 0);
  RawConnection c(server().port());
  ASSERT_TRUE(c.Send("POST /api/v1/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk_data(64 * 1024, ' ');
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk_data.size());
  const std::string chunk = size_line + chunk_data + "\r\n";
  // Up to 300 MiB offered (the size that the old server read whole); the
  // answer must come as soon as 256 KiB are over.
  std::size_t offered = 0;
  std::string response;
  while (offered < 300u * 1024 * 1024 && response.empty()) {
    if (!c.Send(chunk)) break;
    offered += chunk_data.size();
    if (c.Readable()) response = c.ReadResponse(seconds(5));
  }
  if (response.empty()) response = c.ReadResponse(seconds(5));
  EXPECT_EQ(StatusOf(response), 413) << response;
  EXPECT_NE(BodyOf(response).find("\"body_too_large\""), std::string::npos) << response;
  EXPECT_TRUE(HeadHas(response, "Connection: close")) << response;
  // Refused at once: what was offered beyond the limit sat in socket buffers.
  EXPECT_LT(offered, 16u * 1024 * 1024);
  // Whatever else is sent now is dropped, and the connection ends.
  std::size_t more = 0;
  while (more < 64u * 1024 * 1024 && c.Send(chunk)) more += chunk_data.size();
  EXPECT_LT(more, 64u * 1024 * 1024) << "the server kept reading the refused body";
  EXPECT_TRUE(c.ClosedWithin(seconds(5)));
  const long after = ResidentKiB(pid);
  EXPECT_LT(after - before, 32 * 1024) << "VmRSS " << before << " KiB -> " << after << " KiB";
  EXPECT_EQ(TimedHealth().first, 200);
}

TEST_F(HttpEdgeTest, DeclaredLengthOverTheLimitIsRefusedBeforeTheBody) {
  RawConnection c(server().port());
  ASSERT_TRUE(c.Send("POST /api/v1/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: 314572800\r\n\r\n"));
  const std::string r = c.ReadResponse(seconds(5));
  EXPECT_EQ(StatusOf(r), 413) << r;
  EXPECT_TRUE(c.ClosedWithin(seconds(5)));
}

TEST_F(HttpEdgeTest, CompressedRequestBodyIs415NamingContentEncoding) {
  RawConnection c(server().port());
  // The start of a gzip stream: never inflated, whatever it would become.
  const std::string gz("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  ASSERT_TRUE(c.Send("POST /api/v1/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Encoding: gzip\r\nContent-Length: " +
                     std::to_string(gz.size()) + "\r\n\r\n" + gz));
  const std::string r = c.ReadResponse(seconds(5));
  EXPECT_EQ(StatusOf(r), 415) << r;
  EXPECT_NE(BodyOf(r).find("\"field\":\"Content-Encoding\""), std::string::npos) << r;
  EXPECT_TRUE(c.ClosedWithin(seconds(5)));
}

TEST_F(HttpEdgeTest, ABodyRefusedFor415IsNeverRunAsASecondRequest) {
  const std::int64_t before = TotalWorkOrders();
  const std::string smuggled = "POST /api/v1/requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               "Content-Length: " +
                               std::to_string(kSubmission.size()) + "\r\n\r\n" + kSubmission;
  for (const std::size_t padding : {std::size_t{0}, std::size_t{4096}, std::size_t{20000}}) {
    const std::string body = std::string(padding, 'x') + smuggled;
    RawConnection c(server().port());
    ASSERT_TRUE(c.Send("POST /api/v1/requests HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                       "Content-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n"));
    c.Send(body);  // may fail once the server has answered and closed
    const std::string r = c.ReadResponse(seconds(5));
    EXPECT_EQ(StatusOf(r), 415) << r;
    EXPECT_TRUE(HeadHas(r, "Connection: close")) << r;
    EXPECT_EQ(c.ReadResponse(seconds(3)), "") << "a second response: the body ran as a request";
  }
  EXPECT_EQ(TotalWorkOrders(), before);
  // The count would have seen it: the same submission sent on its own does count.
  ApiResponse direct = api().PostRaw("/api/v1/requests", kSubmission);
  EXPECT_EQ(direct.status, 201) << direct.Describe();
  EXPECT_EQ(TotalWorkOrders(), before + 1);
}

TEST_F(HttpEdgeTest, TooManyOrTooLargeHeadersAre431) {
  {
    std::string headers;
    for (int i = 0; i < 150; ++i) headers += "X-H" + std::to_string(i) + ": 1\r\n";
    RawConnection c(server().port());
    ASSERT_TRUE(c.Send(Get("/api/v1/health", headers)));
    const std::string r = c.ReadResponse(seconds(5));
    EXPECT_EQ(StatusOf(r), 431) << r;
    EXPECT_NE(BodyOf(r).find("\"headers_too_large\""), std::string::npos) << r;
    EXPECT_TRUE(c.ClosedWithin(seconds(5)));
  }
  {
    RawConnection c(server().port());
    ASSERT_TRUE(c.Send(Get("/api/v1/health", "X-Big: " + std::string(40 * 1024, 'a') + "\r\n")));
    EXPECT_EQ(StatusOf(c.ReadResponse(seconds(5))), 431);
    EXPECT_TRUE(c.ClosedWithin(seconds(5)));
  }
  {
    // 400,000 headers: refused, and the connection closed.
    RawConnection c(server().port());
    ASSERT_TRUE(c.Send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"));
    std::string batch;
    for (int i = 0; i < 1000; ++i) batch += "X-A: 1\r\n";
    int batches = 0;
    std::string r;
    while (batches < 400 && r.empty()) {
      if (!c.Send(batch)) break;
      ++batches;
      if (c.Readable()) r = c.ReadResponse(seconds(5));
    }
    if (r.empty()) r = c.ReadResponse(seconds(5));
    EXPECT_EQ(StatusOf(r), 431) << r;
    EXPECT_TRUE(c.ClosedWithin(seconds(5)));
  }
  EXPECT_EQ(TimedHealth().first, 200);
}

TEST_F(HttpEdgeTest, MalformedRequestsAre400AndClose) {
  for (const std::string& raw : {std::string("GARBAGE\r\n\r\n"),
                                std::string("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                            "Content-Length: 7\r\n\r\n"),
                                std::string("GET /api/v1/health HTTP/1.1\r\nBad Header: x\r\n\r\n"),
                                // Two framings at once, the classic smuggling vector.
                                std::string("POST /api/v1/requests HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                            "application/json\r\nContent-Length: 5\r\nTransfer-Encoding: "
                                            "chunked\r\n\r\n0\r\n\r\nGET /api/v1/health HTTP/1.1\r\n\r\n")}) {
    RawConnection c(server().port());
    ASSERT_TRUE(c.Send(raw));
    const std::string r = c.ReadResponse(seconds(5));
    EXPECT_EQ(StatusOf(r), 400) << raw << "\n" << r;
    EXPECT_TRUE(c.ClosedWithin(seconds(5))) << raw;
  }
}

TEST_F(HttpEdgeTest, AManyPartRangeGetsTheWholeListOnce) {
  std::string range = "bytes=0-0";
  for (int i = 1; i < 900; ++i) range += "," + std::to_string(i) + "-" + std::to_string(i);
  RawConnection c(server().port());
  ASSERT_TRUE(c.Send(Get("/api/v1/public/requests", "Range: " + range + "\r\n")));
  const std::string r = c.ReadResponse(seconds(10));
  EXPECT_EQ(StatusOf(r), 200) << r.substr(0, 300);
  EXPECT_FALSE(HeadHas(r, "multipart/byteranges"));
  EXPECT_FALSE(HeadHas(r, "Content-Range"));
  EXPECT_EQ(BodyOf(r).rfind("{", 0), 0u);
}

TEST_F(HttpEdgeTest, ConnectionsPerAddressAreCappedAtOnce) {
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < kPerAddressCap; ++i) {
    held.push_back(std::make_unique<RawConnection>(server().port(), "127.0.2.1"));
    ASSERT_TRUE(held.back()->ok());
  }
  // One more from the same address: 503 or closed at once, never queued.
  RawConnection over(server().port(), "127.0.2.1");
  ASSERT_TRUE(over.ok());
  over.Send(Get("/api/v1/health"));
  const auto start = steady_clock::now();
  const std::string r = over.ReadResponse(seconds(5));
  EXPECT_TRUE(r.empty() || StatusOf(r) == 503) << r;
  EXPECT_LT(std::chrono::duration_cast<milliseconds>(steady_clock::now() - start).count(), 1000);
  // Another address is served meanwhile.
  RawConnection other(server().port(), "127.0.2.2");
  ASSERT_TRUE(other.Send(Get("/api/v1/health")));
  EXPECT_EQ(StatusOf(other.ReadResponse()), 200);
  // Once the held ones close, the address is served again.
  held.clear();
  int status = 0;
  for (int attempt = 0; attempt < 20 && status != 200; ++attempt) {
    std::this_thread::sleep_for(milliseconds(100));
    RawConnection again(server().port(), "127.0.2.1");
    if (again.Send(Get("/api/v1/health"))) status = StatusOf(again.ReadResponse(seconds(2)));
  }
  EXPECT_EQ(status, 200);
}

TEST_F(HttpEdgeTest, KeepAliveHttp10AndHeadBehave) {
  RawConnection c(server().port());
  ASSERT_TRUE(c.Send(Get("/api/v1/health") + Get("/api/v1/health")));  // two pipelined
  EXPECT_EQ(StatusOf(c.ReadResponse()), 200);
  EXPECT_EQ(StatusOf(c.ReadResponse()), 200);
  ASSERT_TRUE(c.Send("HEAD /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"));
  const std::string head = c.ReadResponse(seconds(5), true);
  EXPECT_EQ(StatusOf(head), 200);
  EXPECT_TRUE(HeadHas(head, "Content-Length: ")) << head;
  // No body follows: the connection stays quiet until the idle timeout.
  EXPECT_FALSE(c.Readable(milliseconds(500)));
  // An idle kept-alive connection is closed after the idle timeout.
  EXPECT_TRUE(c.ClosedWithin(seconds(5)));

  RawConnection old(server().port());
  ASSERT_TRUE(old.Send("GET /api/v1/health HTTP/1.0\r\n\r\n"));
  const std::string r = old.ReadResponse();
  EXPECT_EQ(r.rfind("HTTP/1.0 200", 0), 0u) << r;
  EXPECT_TRUE(old.ClosedWithin(seconds(2)));
}

}  // namespace
}  // namespace lizheng::e2e
