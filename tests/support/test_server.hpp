// The end-to-end harness: a temporary directory with a demo database, the
// real `lizheng serve` as a child process on a free port, and an HTTP client
// that checks every response against docs/openapi.json.
//
// Demo accounts (password kDemoPassword): admin, operator, operator2,
// dispatcher, reviewer, leader, dh_manager, dh_handler, dh01_manager,
// dh01_handler, xs_manager, zjj_manager, zjj_handler, zjjwy_handler,
// sthj_handler, rsj_handler.
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <csignal>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "openapi_validator.hpp"

namespace lizheng::e2e {

using nlohmann::json;

inline constexpr const char* kDemoPassword = "lizheng-demo";

// One HTTP exchange. status 0 means no response (connection refused, reset,
// timed out); `transport_error` then says why.
struct ApiResponse {
  int status = 0;
  std::string body;
  json json_body;  // the parsed body; null when it is not JSON
  httplib::Headers headers;
  std::string transport_error;

  // The body's member `key` (null if absent), for terse assertions.
  const json& operator[](const char* key) const;
  // "error.code", "error.reason", "error.field" and "error.message" of an
  // error body, or "".
  std::string ErrorCode() const;
  std::string ErrorReason() const;
  std::string ErrorField() const;
  std::string ErrorMessage() const;
  // "<status> <body>" for assertion messages.
  std::string Describe() const;
};

// A client of one server address. Every call checks the response against
// the OpenAPI document and adds a GoogleTest failure naming each violation.
// Every error response must also carry a stable `reason`, and, when the
// request named no Accept-Language, a message in Chinese: so no refusal
// people read can slip through untranslated.
// Thread-safe: each call opens its own connection.
class ApiClient {
 public:
  ApiClient(std::string host, int port, const OpenApiValidator& validator);

  // With tolerate_transport_errors, a missing response is returned as
  // status 0 without a test failure (for tests that kill the server).
  void set_tolerate_transport_errors(bool v) { tolerate_transport_errors_ = v; }

  // `token` empty: no Authorization header.
  ApiResponse Get(const std::string& path, const std::string& token = "",
                  const httplib::Headers& headers = {}) const;
  ApiResponse Post(const std::string& path, const json& body, const std::string& token = "",
                   const httplib::Headers& headers = {}) const;
  // A body sent as is (malformed JSON, invalid UTF-8, oversized).
  ApiResponse PostRaw(const std::string& path, const std::string& body,
                      const std::string& token = "", const httplib::Headers& headers = {},
                      const std::string& content_type = "application/json") const;
  // A POST with no Content-Type header at all, which httplib's client never
  // sends (it adds text/plain); written to a plain socket.
  ApiResponse PostWithoutContentType(const std::string& path, const std::string& body,
                                     const std::string& token = "",
                                     const httplib::Headers& headers = {}) const;

 private:
  ApiResponse Finish(const std::string& method, const std::string& path, httplib::Result r,
                     const httplib::Headers& sent) const;
  // Parses a received response and checks it against the OpenAPI document
  // and the error-body rules (`sent`: the request's headers).
  ApiResponse Check(const std::string& method, const std::string& path, ApiResponse out,
                    const httplib::Headers& sent) const;
  std::unique_ptr<httplib::Client> Connect() const;

  std::string host_;
  int port_;
  const OpenApiValidator& validator_;
  bool tolerate_transport_errors_ = false;
};

// A lizheng server over a fresh demo database in a temporary directory.
// Not thread-safe except where stated; call it from the test's main thread.
class TestServer {
 public:
  struct Options {
    // `lizheng serve --sync`: "full" (the production default: every
    // acknowledgement is on disk) or "normal" (survives a killed process but
    // not a power cut; much faster on slow disks, for tests of behaviour).
    std::string sync = "full";
    // `lizheng serve --web`: a folder of built web pages to serve at /.
    std::string web;
    // `lizheng serve --now`: the clock starts at this RFC 3339 time and runs
    // on; empty for the real time.
    std::string now;
    // `lizheng serve --rate-limits`: most tests file many anonymous
    // requests and sign in often from 127.0.0.1, so the limits are off
    // unless a test of them turns them on (with the real defaults).
    bool rate_limits = false;
  };

  // Creates the directory with a demo database (`lizheng demo --requests 0
  // --now <now>`, made once per build of lizheng and copied), then starts
  // the server. Throws std::runtime_error (with the server's
  // log) when any step fails.
  explicit TestServer(Options options);
  TestServer() : TestServer(Options{}) {}
  // Stops the server and removes the directory unless $LIZHENG_E2E_KEEP is
  // set.
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Starts `lizheng serve --port 0` and waits until /api/v1/health answers.
  void Start();
  // Sends `signal` and reaps the process.
  void Kill(int signal = SIGKILL);
  // Stops the server gracefully (SIGTERM; SIGKILL after 10 s).
  void Stop();
  // Kills a running server with SIGKILL if needed and starts it again on
  // the same database (on a new port).
  void Restart();
  bool running() const { return pid_ > 0; }

  int port() const { return port_; }
  const std::string& dir() const { return dir_; }
  std::string db_path() const { return dir_ + "/db"; }
  // The validating client of the current server; replaced by Start().
  ApiClient& api() { return *api_; }
  // A new client of the current server (for other threads).
  std::unique_ptr<ApiClient> NewClient() const;
  const OpenApiValidator& validator() const { return validator_; }

  // A bearer token of the demo user: from the template's sessions, else
  // logged in once and cached (sessions live in the database, so they
  // survive restarts). Thread-safe.
  std::string Token(const std::string& username);
  // Logs in afresh; returns the whole login response.
  ApiResponse Login(const std::string& username, const std::string& password = kDemoPassword);

  // Runs `lizheng <args>`; returns the exit code and appends the output.
  static int RunCli(const std::vector<std::string>& args, std::string* output);
  // The last `max_bytes` of the server's log.
  std::string LogTail(std::size_t max_bytes = 4000) const;

 private:
  struct AdoptTag {};
  struct DemoFiles {
    std::string db;      // the demo database
    std::string tokens;  // {"username": "bearer token"} of its sessions
  };
  // Serves the database in `dir`, which the caller keeps.
  TestServer(AdoptTag, std::string dir);
  // Makes (once per build of lizheng) or finds the demo template.
  static DemoFiles DemoTemplate();

  std::string dir_;
  Options options_;
  bool owns_dir_ = true;
  pid_t pid_ = -1;
  int port_ = 0;
  OpenApiValidator validator_;
  std::unique_ptr<ApiClient> api_;
  std::mutex tokens_mu_;
  std::map<std::string, std::string> tokens_;
};

// The path to the lizheng binary under test.
std::string LizhengBinary();

}  // namespace lizheng::e2e
