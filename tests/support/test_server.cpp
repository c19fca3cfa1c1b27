#include "test_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace lizheng::e2e {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

// Under AddressSanitizer in a Debug build everything is ~3x slower, so the
// waits are generous; they only matter when something is broken.
constexpr auto kStartTimeout = std::chrono::seconds(90);
constexpr int kReadTimeoutSeconds = 60;

// Starts argv with stdout and stderr appended to `log_path`. The child dies
// with the test process (PR_SET_PDEATHSIG), so a crashed test leaves no server.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& log_path) {
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(126);
    const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string MakeTempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/lz-e2e-XXXXXX";
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed for " + tmpl);
  return tmpl;
}

// The wall-clock time as RFC 3339 UTC: the demo's "now", so that its data
// and the server's real clock agree.
std::string NowRfc3339() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Shorten(const std::string& s, std::size_t max = 600) {
  return s.size() <= max ? s : s.substr(0, max) + "...(" + std::to_string(s.size()) + " bytes)";
}

// Demo accounts signed in once when the template is made; operator2 is left
// out on purpose, for tests that need sessions of their own to revoke or
// expire.
const char* const kPreSignedIn[] = {"operator",      "dispatcher",   "reviewer",    "leader",
                                    "admin",         "dh_manager",   "dh_handler",  "dh01_manager",
                                    "dh01_handler",  "xs_manager",   "zjj_manager", "zjj_handler",
                                    "zjjwy_handler", "sthj_handler", "rsj_handler"};

// Sessions last 12 hours; a template older than this is made again.
constexpr auto kTemplateMaxAge = std::chrono::hours(6);

}  // namespace

std::string LizhengBinary() {
  return LIZHENG_BIN;
}

// ----------------------------------------------------------------- ApiResponse

const json& ApiResponse::operator[](const char* key) const {
  static const json kNull;
  if (!json_body.is_object() || !json_body.contains(key)) return kNull;
  return json_body[key];
}

namespace {
std::string ErrorMember(const json& body, const char* key) {
  if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return "";
  const json& e = body["error"];
  return e.contains(key) && e[key].is_string() ? e[key].get<std::string>() : "";
}
}  // namespace

std::string ApiResponse::ErrorCode() const {
  return ErrorMember(json_body, "code");
}
std::string ApiResponse::ErrorReason() const {
  return ErrorMember(json_body, "reason");
}
std::string ApiResponse::ErrorField() const {
  return ErrorMember(json_body, "field");
}
std::string ApiResponse::ErrorMessage() const {
  return ErrorMember(json_body, "message");
}

std::string ApiResponse::Describe() const {
  if (status == 0) return "no response (" + transport_error + ")";
  return std::to_string(status) + " " + Shorten(body);
}

// ------------------------------------------------------------------- ApiClient

ApiClient::ApiClient(std::string host, int port, const OpenApiValidator& validator)
    : host_(std::move(host)), port_(port), validator_(validator) {}

std::unique_ptr<httplib::Client> ApiClient::Connect() const {
  auto c = std::make_unique<httplib::Client>(host_, port_);
  c->set_tcp_nodelay(true);
  c->set_connection_timeout(10, 0);
  c->set_read_timeout(kReadTimeoutSeconds, 0);
  c->set_write_timeout(kReadTimeoutSeconds, 0);
  return c;
}

namespace {
httplib::Headers WithToken(httplib::Headers h, const std::string& token) {
  if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
  return h;
}
}  // namespace

ApiResponse ApiClient::Get(const std::string& path, const std::string& token,
                           const httplib::Headers& headers) const {
  auto c = Connect();
  return Finish("GET", path, c->Get(path.c_str(), WithToken(headers, token)), headers);
}

ApiResponse ApiClient::Post(const std::string& path, const json& body, const std::string& token,
                            const httplib::Headers& headers) const {
  return PostRaw(path, body.dump(), token, headers);
}

ApiResponse ApiClient::PostRaw(const std::string& path, const std::string& body,
                               const std::string& token, const httplib::Headers& headers,
                               const std::string& content_type) const {
  auto c = Connect();
  return Finish("POST", path,
                c->Post(path.c_str(), WithToken(headers, token), body, content_type.c_str()),
                headers);
}

namespace {
// Whether `s` holds a CJK unified ideograph (U+4E00 to U+9FFF: UTF-8 lead
// bytes 0xE4 to 0xE9).
bool HasChinese(const std::string& s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE4 && c <= 0xE9 && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80)
      return true;
  }
  return false;
}

// An error body must say why in a stable reason, and by default in Chinese.
void CheckErrorBody(const std::string& method, const std::string& path, const ApiResponse& out,
                    const httplib::Headers& sent) {
  if (!out.json_body.is_object() || !out.json_body.contains("error")) return;
  const std::string where = method + " " + path + " -> " + std::to_string(out.status);
  if (out.ErrorReason().empty())
    ADD_FAILURE() << "error without a reason: " << where << "\n  body: " << Shorten(out.body, 2000);
  if (sent.find("Accept-Language") == sent.end() && !HasChinese(out.ErrorMessage()))
    ADD_FAILURE() << "error message not in Chinese by default: " << where
                  << "\n  body: " << Shorten(out.body, 2000);
}
}  // namespace

ApiResponse ApiClient::PostWithoutContentType(const std::string& path, const std::string& body,
                                              const std::string& token,
                                              const httplib::Headers& headers) const {
  std::string request = "POST " + path + " HTTP/1.1\r\nHost: " + host_ +
                        "\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
                        "\r\n";
  for (const auto& [name, value] : WithToken(headers, token))
    request += name + ": " + value + "\r\n";
  request += "\r\n" + body;
  ApiResponse out;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port_));
  inet_pton(AF_INET, host_ == "localhost" ? "127.0.0.1" : host_.c_str(), &addr.sin_addr);
  std::string received;
  if (fd >= 0 && connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(request.size())) {
    char buf[4096];
    for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;)
      received.append(buf, static_cast<std::size_t>(n));
  }
  if (fd >= 0) close(fd);
  // "HTTP/1.1 415 Unsupported Media Type\r\n<headers>\r\n\r\n<body>"; the
  // server closes the connection, so the body runs to the end.
  const std::size_t head_end = received.find("\r\n\r\n");
  if (received.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) {
    out.transport_error = "no HTTP response";
    ADD_FAILURE() << "POST " << path << ": no response";
    return out;
  }
  out.status = std::atoi(received.c_str() + 9);
  out.body = received.substr(head_end + 4);
  std::istringstream lines(received.substr(0, head_end));
  std::string line;
  std::getline(lines, line);  // the status line
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (const std::size_t colon = line.find(':'); colon != std::string::npos)
      out.headers.emplace(line.substr(0, colon),
                          line.substr(line.find_first_not_of(' ', colon + 1)));
  }
  return Check("POST", path, std::move(out), WithToken(headers, token));
}

ApiResponse ApiClient::Finish(const std::string& method, const std::string& path, httplib::Result r,
                              const httplib::Headers& sent) const {
  ApiResponse out;
  if (!r) {
    out.transport_error = httplib::to_string(r.error());
    if (!tolerate_transport_errors_)
      ADD_FAILURE() << method << " " << path << ": no response (" << out.transport_error << ")";
    return out;
  }
  out.status = r->status;
  out.body = r->body;
  out.headers = r->headers;
  return Check(method, path, std::move(out), sent);
}

ApiResponse ApiClient::Check(const std::string& method, const std::string& path, ApiResponse out,
                             const httplib::Headers& sent) const {
  try {
    out.json_body = json::parse(out.body);
  } catch (const json::parse_error&) {
    out.json_body = nullptr;
  }
  const std::vector<std::string> violations =
      validator_.CheckResponse(method, path, out.status, out.body);
  if (!violations.empty()) {
    std::string all;
    for (const auto& v : violations) all += "\n  " + v;
    ADD_FAILURE() << "response does not match docs/openapi.json: " << method << " " << path
                  << " -> " << out.status << all << "\n  body: " << Shorten(out.body, 2000);
  }
  CheckErrorBody(method, path, out, sent);
  return out;
}

// ------------------------------------------------------------------ TestServer

TestServer::TestServer(Options options)
    : dir_(MakeTempDir()),
      options_(std::move(options)),
      validator_(OpenApiValidator::FromFile(LIZHENG_SOURCE_DIR "/docs/openapi.json")) {
  try {
    const DemoFiles demo = DemoTemplate();
    fs::copy_file(demo.db, db_path());
    if (fs::exists(demo.db + "-wal")) fs::copy_file(demo.db + "-wal", db_path() + "-wal");
    // The key its events (if any) are chained with, where serve looks for it.
    if (fs::exists(demo.db + ".log-key"))
      fs::copy_file(demo.db + ".log-key", db_path() + ".log-key");
    const json tokens = json::parse(ReadFile(demo.tokens));
    for (const auto& [user, token] : tokens.items()) tokens_[user] = token.get<std::string>();
    Start();
  } catch (...) {
    std::error_code ec;
    fs::remove_all(dir_, ec);  // the destructor does not run for a throwing constructor
    throw;
  }
}

TestServer::TestServer(AdoptTag, std::string dir)
    : dir_(std::move(dir)),
      owns_dir_(false),
      validator_(OpenApiValidator::FromFile(LIZHENG_SOURCE_DIR "/docs/openapi.json")) {
  Start();
}

// The demo database is the same for every test (no requests; the
// jurisdiction, units and users, whose password hashes take seconds to make
// and whose logins take ~0.5 s each), so it is made once per build of
// lizheng, with sessions of the usual demo accounts, and copied: the cache
// key is the binary's size and modification time. A file lock keeps
// concurrent test processes (ctest -j) from making it twice.
TestServer::DemoFiles TestServer::DemoTemplate() {
  struct stat st {};
  if (stat(LizhengBinary().c_str(), &st) != 0)
    throw std::runtime_error("no lizheng binary at " + LizhengBinary());
  const std::string cache = LIZHENG_E2E_CACHE_DIR;
  fs::create_directories(cache);
  const std::string key = std::to_string(st.st_size) + "-" + std::to_string(st.st_mtim.tv_sec) +
                          "-" + std::to_string(st.st_mtim.tv_nsec);
  DemoFiles files{cache + "/demo-" + key + ".db", cache + "/demo-" + key + ".tokens.json"};
  auto fresh = [&] {
    return fs::exists(files.db) &&
           fs::file_time_type::clock::now() - fs::last_write_time(files.db) < kTemplateMaxAge;
  };
  if (fresh()) return files;

  const int lock = open((cache + "/lock").c_str(), O_RDWR | O_CREAT, 0644);
  if (lock < 0 || flock(lock, LOCK_EX) != 0)
    throw std::runtime_error("cannot lock " + cache + "/lock");
  struct Unlock {
    int fd;
    ~Unlock() { close(fd); }
  } unlock{lock};
  if (fresh()) return files;  // made by another process meanwhile
  for (const auto& entry : fs::directory_iterator(cache))
    if (entry.path().filename().string().rfind("demo-", 0) == 0) fs::remove_all(entry.path());
  const std::string work = cache + "/making";
  fs::remove_all(work);
  fs::create_directories(work);
  std::string out;
  const int rc =
      RunCli({"demo", "--db", work + "/db", "--requests", "0", "--now", NowRfc3339()}, &out);
  if (rc != 0)
    throw std::runtime_error("lizheng demo failed with exit code " + std::to_string(rc) + ":\n" +
                             out);
  {
    TestServer maker(AdoptTag{}, work);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&maker, t] {
        for (std::size_t i = static_cast<std::size_t>(t); i < std::size(kPreSignedIn); i += 4)
          maker.Token(kPreSignedIn[i]);
      });
    }
    for (std::thread& th : threads) th.join();
    json tokens = json::object();
    for (const auto& [user, token] : maker.tokens_) {
      if (token.empty())
        throw std::runtime_error("could not sign in as " + user + ":\n" + maker.LogTail());
      tokens[user] = token;
    }
    std::ofstream(work + "/tokens.json") << tokens.dump(2) << "\n";
    maker.Stop();  // a clean shutdown folds the WAL into the database file
  }
  // The database file appearing under its final name says the template is
  // complete, so it moves last.
  fs::rename(work + "/tokens.json", files.tokens);
  if (fs::exists(work + "/db-wal")) fs::rename(work + "/db-wal", files.db + "-wal");
  if (fs::exists(work + "/db.log-key")) fs::rename(work + "/db.log-key", files.db + ".log-key");
  fs::rename(work + "/db", files.db);
  fs::remove_all(work);
  return files;
}

TestServer::~TestServer() {
  Stop();
  if (!owns_dir_) return;
  if (std::getenv("LIZHENG_E2E_KEEP")) {
    std::fprintf(stderr, "keeping the test directory %s\n", dir_.c_str());
  } else {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

void TestServer::Stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  const auto deadline = steady_clock::now() + std::chrono::seconds(10);
  int status = 0;
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(milliseconds(20));
  }
  pid_ = -1;
  // A clean shutdown exits 0; anything else (a crash, a sanitizer report at
  // exit, a hang) is a server bug worth a failure.
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    ADD_FAILURE() << "lizheng serve did not shut down cleanly (status " << status << "):\n"
                  << LogTail();
}

void TestServer::Start() {
  if (pid_ > 0) throw std::runtime_error("the server is already running");
  const std::string port_file = dir_ + "/port";
  fs::remove(port_file);
  std::vector<std::string> argv = {LizhengBinary(), "serve", "--db", db_path(), "--port", "0",
                                   "--port-file", port_file, "--threads", "16", "--sync",
                                   options_.sync};
  if (!options_.web.empty()) argv.insert(argv.end(), {"--web", options_.web});
  if (!options_.now.empty()) argv.insert(argv.end(), {"--now", options_.now});
  // Further serve flags for a suite that needs them (short deadlines,
  // connection caps): $LIZHENG_E2E_SERVE_FLAGS, split at spaces.
  if (const char* extra = std::getenv("LIZHENG_E2E_SERVE_FLAGS")) {
    std::istringstream words(extra);
    for (std::string w; words >> w;) argv.push_back(w);
  }
  if (!options_.rate_limits) argv.insert(argv.end(), {"--rate-limits", "off"});
  pid_ = Spawn(argv, dir_ + "/server.log");
  const auto deadline = steady_clock::now() + kStartTimeout;
  port_ = 0;
  while (port_ == 0) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("lizheng serve exited during start-up:\n" + LogTail());
    }
    if (fs::exists(port_file)) port_ = std::atoi(ReadFile(port_file).c_str());
    if (port_ == 0) {
      if (steady_clock::now() > deadline) {
        Kill(SIGKILL);
        throw std::runtime_error("lizheng serve wrote no port file in time:\n" + LogTail());
      }
      std::this_thread::sleep_for(milliseconds(20));
    }
  }
  api_ = std::make_unique<ApiClient>("127.0.0.1", port_, validator_);
  // The socket listens from the moment the port file exists; one health
  // check proves the server answers.
  ApiResponse health = api_->Get("/api/v1/health");
  if (health.status != 200) {
    Kill(SIGKILL);
    throw std::runtime_error("/api/v1/health answered " + health.Describe() + "\n" + LogTail());
  }
}

void TestServer::Kill(int signal) {
  if (pid_ <= 0) return;
  ::kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

void TestServer::Restart() {
  Kill(SIGKILL);
  Start();
}

std::unique_ptr<ApiClient> TestServer::NewClient() const {
  return std::make_unique<ApiClient>("127.0.0.1", port_, validator_);
}

ApiResponse TestServer::Login(const std::string& username, const std::string& password) {
  return api_->Post("/api/v1/auth/login", {{"username", username}, {"password", password}});
}

std::string TestServer::Token(const std::string& username) {
  {
    std::lock_guard lock(tokens_mu_);
    auto it = tokens_.find(username);
    if (it != tokens_.end()) return it->second;
  }
  ApiResponse r = Login(username);
  if (r.status != 200 || !r["token"].is_string()) {
    ADD_FAILURE() << "login as " << username << " failed: " << r.Describe();
    return "";
  }
  std::lock_guard lock(tokens_mu_);
  return tokens_.emplace(username, r["token"].get<std::string>()).first->second;
}

int TestServer::RunCli(const std::vector<std::string>& args, std::string* output) {
  char log_template[] = "/tmp/lz-cli-XXXXXX";
  const int fd = mkstemp(log_template);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  close(fd);
  std::vector<std::string> argv = {LizhengBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  const pid_t pid = Spawn(argv, log_template);
  int status = 0;
  waitpid(pid, &status, 0);
  if (output) *output += ReadFile(log_template);
  std::remove(log_template);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

std::string TestServer::LogTail(std::size_t max_bytes) const {
  const std::string log = ReadFile(dir_ + "/server.log");
  return log.size() <= max_bytes ? log : "..." + log.substr(log.size() - max_bytes);
}

}  // namespace lizheng::e2e
