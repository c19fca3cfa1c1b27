// One lizheng server per test suite: started in SetUpTestSuite and shared by
// the suite's tests, so a test file pays for one demo database and one
// start-up. (Under ctest every test runs in its own process, and then each
// test gets its own server.)
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>

#include "closed_loop.hpp"
#include "test_server.hpp"

namespace lizheng::e2e {

class ServerSuite : public ::testing::Test {
 protected:
  // Suites test behaviour, not the disk: their server acknowledges once the
  // commit is in the operating system (--sync normal), which a killed process
  // cannot lose either. The durability suite starts its own with "full".
  static void SetUpTestSuite() { StartServer(TestServer::Options{.sync = "normal", .web = "", .now = ""}); }

  static void StartServer(const TestServer::Options& options) {
    start_error_.clear();
    try {
      server_ = std::make_unique<TestServer>(options);
      loop_ = std::make_unique<ClosedLoop>(*server_);
    } catch (const std::exception& e) {
      start_error_ = e.what();
      loop_.reset();
      server_.reset();
    }
  }

  // Stops the server and verifies the event hash chain of everything the
  // suite did (lizheng verify-log).
  static void TearDownTestSuite() {
    const auto* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
    if (server_ && suite && suite->failed_test_count() > 0)
      std::fprintf(stderr, "--- server log (last lines) ---\n%s\n", server_->LogTail().c_str());
    if (server_) {
      server_->Stop();
      std::string out;
      const int rc = TestServer::RunCli({"verify-log", "--db", server_->db_path()}, &out);
      EXPECT_EQ(rc, 0) << "the event chain does not verify:\n" << out;
    }
    loop_.reset();
    server_.reset();
  }

  void SetUp() override {
    if (!server_) FAIL() << "the test server did not start: " << start_error_;
    if (!server_->running()) FAIL() << "the test server is not running";
  }

 public:
  // The suite's server and helpers, also for free functions of a test file.
  static TestServer& server() { return *server_; }
  static ClosedLoop& loop() { return *loop_; }
  static ApiClient& api() { return server_->api(); }
  static std::string Token(const std::string& user) { return server_->Token(user); }

  // The number of work orders in the jurisdiction, as the dispatcher counts them.
  static std::int64_t TotalWorkOrders() {
    ApiResponse r = api().Get("/api/v1/work-orders?total=true&limit=1", Token("dispatcher"));
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r["total"].is_number_integer() ? r["total"].get<std::int64_t>() : -1;
  }

 protected:
  inline static std::unique_ptr<TestServer> server_;
  inline static std::unique_ptr<ClosedLoop> loop_;
  inline static std::string start_error_;
};

}  // namespace lizheng::e2e
