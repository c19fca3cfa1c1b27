// Concurrent clients on the same thing: one idempotency key submitted by
// eight clients at once, and one action raced on one work order. Exactly one
// wins; the others get the first receipt or a clean refusal; nothing is
// written twice.
#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

constexpr int kClients = 8;

class ConcurrencyTest : public ServerSuite {
 protected:
  // Runs `fn(client_index, client)` on kClients threads released together.
  template <class Fn>
  static void Race(Fn fn) {
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < kClients; ++i) {
      threads.emplace_back([&, i] {
        auto client = server().NewClient();
        ++ready;
        while (!go.load()) std::this_thread::yield();
        fn(i, *client);
      });
    }
    while (ready.load() < kClients) std::this_thread::yield();
    go = true;
    for (std::thread& t : threads) t.join();
  }
};

TEST_F(ConcurrencyTest, OneIdempotencyKeyFromEightClientsCreatesOneRequest) {
  const std::int64_t total = TotalWorkOrders();
  const json body =
      ClosedLoop::RequestBody({{"title", "同一键并发提交"}, {"idempotency_key", "race-key-1"}});
  std::mutex mu;
  std::map<int, int> statuses;
  std::map<std::string, int> tracking;
  Race([&](int, ApiClient& client) {
    ApiResponse r = client.Post("/api/v1/requests", body);
    std::lock_guard lock(mu);
    ++statuses[r.status];
    if (r["tracking_no"].is_string()) ++tracking[r["tracking_no"].get<std::string>()];
  });
  EXPECT_EQ(statuses[201], 1) << "exactly one submission creates the request";
  EXPECT_EQ(statuses[200], kClients - 1) << "the others get the first receipt";
  EXPECT_EQ(tracking.size(), 1u) << "every client got the same tracking number";
  EXPECT_EQ(TotalWorkOrders(), total + 1);
}

TEST_F(ConcurrencyTest, RacedActionHappensOnce) {
  const std::int64_t id = loop().Record();
  const std::string operator_token = Token("operator");
  std::mutex mu;
  std::map<int, int> statuses;
  Race([&](int, ApiClient& client) {
    ApiResponse r = client.Post("/api/v1/work-orders/" + std::to_string(id) + "/accept",
                                {{"category_code", loop().category()}}, operator_token);
    std::lock_guard lock(mu);
    ++statuses[r.status];
    if (r.status != 200) {
      EXPECT_EQ(r.status, 409) << r.Describe();
      EXPECT_EQ(r.ErrorCode(), "illegal_transition") << r.Describe();
    }
  });
  EXPECT_EQ(statuses[200], 1);
  const json v = loop().View(id);
  EXPECT_EQ(v["version"], 2);
  EXPECT_EQ(v["timeline"].size(), 2u);
}

TEST_F(ConcurrencyTest, ClientsWorkingOnDifferentWorkOrdersDoNotInterfere) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < kClients; ++i) ids.push_back(loop().Accepted());
  const std::string dispatcher = Token("dispatcher");
  const std::int64_t unit = loop().UnitId("dh-01");
  std::atomic<int> ok{0};
  Race([&](int i, ApiClient& client) {
    ApiResponse r = client.Post(
        "/api/v1/work-orders/" + std::to_string(ids[static_cast<std::size_t>(i)]) + "/dispatch",
        {{"unit_id", unit}}, dispatcher);
    if (r.status == 200) ++ok;
  });
  EXPECT_EQ(ok.load(), kClients);
  for (std::int64_t id : ids) EXPECT_EQ(loop().View(id)["state"]["code"], "dispatched");
  std::string out;
  EXPECT_EQ(TestServer::RunCli({"verify-log", "--db", server().db_path()}, &out), 0) << out;
}

}  // namespace
}  // namespace lizheng::e2e
