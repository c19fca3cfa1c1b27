// A request the platform acknowledged is never lost (DESIGN.md §8): eight
// clients submit with idempotency keys while the server is killed with
// SIGKILL; after a restart every acknowledged request is there exactly once,
// replays of its key find it, and the event chain verifies.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

struct Acknowledged {
  std::string key;
  json body;
  std::string tracking_no;
  std::string query_code;
};

class DurabilityTest : public ServerSuite {
 protected:
  // The production setting: an acknowledgement means the commit is on disk.
  static void SetUpTestSuite() { StartServer(TestServer::Options{.sync = "full", .web = "", .now = ""}); }
};

TEST_F(DurabilityTest, AcknowledgedSubmissionsSurviveSigkill) {
  constexpr int kThreads = 8;
  const std::string dispatcher = Token("dispatcher");  // sessions survive the restart
  std::mutex mu;
  std::vector<Acknowledged> acked;
  std::vector<std::string> unknown;  // no answer: stored or not, but at most once
  std::atomic<bool> stop{false};
  std::atomic<int> ack_count{0};
  std::atomic<int> failures{0};

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto client = server().NewClient();
      client->set_tolerate_transport_errors(true);
      for (int i = 0; !stop.load(); ++i) {
        const std::string key = "burst-" + std::to_string(t) + "-" + std::to_string(i);
        json body = ClosedLoop::RequestBody(
            {{"title", "持久性测试 " + key},
             {"detail", "第" + std::to_string(t) + "路客户端的第" + std::to_string(i) +
                            "件诉求，用于验证确认即持久。"},
             {"idempotency_key", key}});
        ApiResponse r = client->Post("/api/v1/requests", body);
        std::lock_guard lock(mu);
        if (r.status == 201) {
          acked.push_back(
              {key, body, r["tracking_no"].get<std::string>(), r["query_code"].get<std::string>()});
          ++ack_count;
        } else if (r.status == 0) {
          unknown.push_back(key);
          if (++failures > 3 * kThreads) return;  // the server is gone
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
        } else {
          ADD_FAILURE() << "submission " << key << " answered " << r.Describe();
          return;
        }
      }
    });
  }
  // Kill mid-burst: once a fair number has been acknowledged.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (ack_count.load() < 60 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  server().Kill(SIGKILL);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  stop = true;
  for (std::thread& th : threads) th.join();
  ASSERT_GE(acked.size(), 20u) << "too few submissions were acknowledged before the kill";
  EXPECT_GT(unknown.size(), 0u) << "the kill should have interrupted some submissions";

  std::printf("acknowledged %zu submissions, %zu went unanswered around the kill\n", acked.size(),
              unknown.size());
  server().Restart();

  // Every acknowledged request is readable by its own tracking number and code.
  std::set<std::string> tracking_numbers;
  for (const Acknowledged& a : acked) {
    EXPECT_TRUE(tracking_numbers.insert(a.tracking_no).second)
        << "tracking number given twice: " << a.tracking_no;
    ApiResponse r =
        api().Get("/api/v1/requests/" + a.tracking_no, "", {{"X-Query-Code", a.query_code}});
    EXPECT_EQ(r.status, 200) << a.key << " was acknowledged but is lost: " << r.Describe();
    EXPECT_EQ(r["title"], a.body["title"]);
  }

  // ... exactly once: count every stored work order by title.
  std::map<std::string, int> stored;
  std::string path = "/api/v1/work-orders?limit=200";
  for (int page = 0; page < 100; ++page) {
    ApiResponse r = api().Get(path, dispatcher);
    ASSERT_EQ(r.status, 200) << r.Describe();
    for (const json& item : r["items"]) ++stored[item["title"].get<std::string>()];
    if (!r["next_cursor"].is_string()) break;
    path = "/api/v1/work-orders?limit=200&cursor=" + r["next_cursor"].get<std::string>();
  }
  auto count = [&](const std::string& title) {
    auto it = stored.find(title);
    return it == stored.end() ? 0 : it->second;
  };
  std::int64_t total_stored = 0;
  for (const auto& [title, n] : stored) total_stored += n;
  for (const Acknowledged& a : acked)
    EXPECT_EQ(count(a.body["title"].get<std::string>()), 1)
        << a.key << " is stored not exactly once";
  for (const std::string& key : unknown)
    EXPECT_LE(count("持久性测试 " + key), 1) << key << " is stored more than once";

  // Replaying an acknowledged key finds the same request and creates nothing.
  for (const Acknowledged& a : acked) {
    ApiResponse r = api().Post("/api/v1/requests", a.body);
    EXPECT_EQ(r.status, 200) << r.Describe();
    EXPECT_EQ(r["replayed"], true);
    EXPECT_EQ(r["tracking_no"], a.tracking_no);
  }
  ApiResponse total = api().Get("/api/v1/work-orders?total=true&limit=1", dispatcher);
  EXPECT_EQ(total["total"], total_stored);

  std::string out;
  EXPECT_EQ(TestServer::RunCli({"verify-log", "--db", server().db_path()}, &out), 0) << out;
  EXPECT_NE(out.find("chain intact"), std::string::npos) << out;
}

// verify-log --anchor records each chain's head outside the database and,
// next time, checks that the recorded event is still there unchanged.
TEST_F(DurabilityTest, VerifyLogKeepsAnAnchorOutsideTheDatabase) {
  const std::string anchor = server().db_path() + ".anchor";
  std::remove(anchor.c_str());
  std::string out;
  // The first run starts the anchor file; only --init may create it.
  ASSERT_EQ(TestServer::RunCli({"verify-log", "--db", server().db_path(), "--anchor", anchor, "--init"},
                               &out),
            0)
      << out;
  EXPECT_NE(out.find("anchor created"), std::string::npos) << out;
  std::stringstream first;
  first << std::ifstream(anchor).rdbuf();
  EXPECT_NE(first.str().find(' '), std::string::npos) << first.str();

  // New events after the anchor: still intact, and the anchor moves on.
  loop().Record();
  out.clear();
  EXPECT_EQ(TestServer::RunCli({"verify-log", "--db", server().db_path(), "--anchor", anchor}, &out), 0)
      << out;
  EXPECT_NE(out.find("anchor matched"), std::string::npos) << out;
  EXPECT_NE(out.find("anchor updated"), std::string::npos) << out;

  // An anchor naming an event the log does not hold (as after the newest
  // events were removed) fails with exit code 3.
  std::ofstream(anchor, std::ios::trunc) << "1 99999999 deadbeef\n";
  out.clear();
  EXPECT_EQ(TestServer::RunCli({"verify-log", "--db", server().db_path(), "--anchor", anchor}, &out), 3)
      << out;
  EXPECT_NE(out.find("removed"), std::string::npos) << out;

  // A malformed anchor file is a usage error naming the line.
  std::ofstream(anchor, std::ios::trunc) << "# comment\nnot an anchor\n";
  out.clear();
  EXPECT_EQ(TestServer::RunCli({"verify-log", "--db", server().db_path(), "--anchor", anchor}, &out), 2)
      << out;
  EXPECT_NE(out.find("line 2"), std::string::npos) << out;
  std::remove(anchor.c_str());
}

}  // namespace
}  // namespace lizheng::e2e
