// A public edge that holds against floods and guessing: many near-identical
// anonymous posts from one address are filed as suspected floods -- they
// neither become a hot issue nor fill the fast lane until the centre
// confirms them -- while staff intake is never suspected; and every
// jurisdiction's tracking numbers differ, so a citizen's lookup needs the
// number and the query code alone.
#include <sqlite3.h>

#include <chrono>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

class FloodTest : public ServerSuite {};

json ReadyHotspots(const std::string& query) {
  for (int i = 0; i < 100; ++i) {
    ApiResponse r =
        ServerSuite::api().Get("/api/v1/hotspots" + query, ServerSuite::Token("leader"));
    EXPECT_EQ(r.status, 200) << r.Describe();
    if (r.status != 200 || r["ready"] == true) return r.json_body;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "the hot-spot tracker never became ready";
  return json::object();
}

std::int64_t QueueCount(const std::string& queue, const std::string& user = "leader") {
  ApiResponse r = ServerSuite::api().Get("/api/v1/work-orders/counts", ServerSuite::Token(user));
  EXPECT_EQ(r.status, 200) << r.Describe();
  return r["counts"].contains(queue) ? r["counts"][queue].get<std::int64_t>() : -1;
}

// Posts `n` anonymous requests (all from this test's address) and returns
// the receipts of those filed. A request refused by an intake limit (429)
// is not filed and so cannot count anywhere.
std::vector<json> PostAnonymously(int n, const std::function<json(int)>& body) {
  std::vector<json> filed;
  for (int k = 0; k < n; ++k) {
    ApiResponse r = ServerSuite::api().Post("/api/v1/requests", ClosedLoop::RequestBody(body(k)));
    if (r.status == 429) continue;
    EXPECT_EQ(r.status, 201) << r.Describe();
    if (r.status == 201) filed.push_back(r.json_body);
  }
  return filed;
}

TEST_F(FloodTest, NearIdenticalAnonymousPostsAreNeitherTheTopHotIssueNorAnAlert) {
  ReadyHotspots("");
  // A real problem, reported by four citizens on the phone.
  std::set<std::int64_t> genuine;
  for (int i = 0; i < 4; ++i)
    genuine.insert(loop().Record(
        {{"title", "滨江花园小区停水三天"},
         {"detail", "滨江花园小区从周一开始停水，已经三天了，没有任何通知，老人孩子生活很困难，第" +
                        std::to_string(i + 1) + "位居民反映。"},
         {"address", "滨江花园小区"},
         {"citizen", {{"name", "居民"}, {"phone", "1391111000" + std::to_string(i)}}}}));
  // 150 near-identical anonymous posts from one address.
  const std::int64_t suspected_before = QueueCount("suspected_flood");
  const std::vector<json> flood = PostAnonymously(150, [](int k) {
    return json{
        {"title", "锦绣华庭旁化工厂排放毒气"},
        {"detail",
         "锦绣华庭小区旁边的化工厂每天晚上偷偷排放毒气，气味刺鼻，大家都头晕，请立即查处！" +
             std::to_string(k)},
        {"address", "锦绣华庭小区"},
        {"citizen", nullptr}};
  });
  ASSERT_GE(flood.size(), 3u) << "too few posts were filed to test anything";
  // Every post was accepted with a tracking number; all but the first wait
  // as suspected floods.
  EXPECT_EQ(QueueCount("suspected_flood") - suspected_before,
            static_cast<std::int64_t>(flood.size()) - 1);

  const json hot = ReadyHotspots("?top=10");
  ASSERT_FALSE(hot["issues"].empty()) << hot;
  // The flood's work orders: the first, and the suspected ones.
  std::set<std::int64_t> flood_ids = {loop().IdOf(flood[0]["tracking_no"].get<std::string>())};
  ApiResponse suspected =
      api().Get("/api/v1/work-orders?queue=suspected_flood&limit=200", Token("operator"));
  ASSERT_EQ(suspected.status, 200) << suspected.Describe();
  for (const json& w : suspected["items"]) {
    EXPECT_EQ(w["suspected_flood"], true) << w;
    flood_ids.insert(w["id"].get<std::int64_t>());
  }
  EXPECT_EQ(flood_ids.size(), flood.size());
  // The top issue is the water outage, with its four citizens.
  const json& first = hot["issues"][0];
  EXPECT_EQ(first["messages"], 4) << first;
  std::set<std::int64_t> top_members;
  std::map<std::int64_t, int> flood_members_by_issue;
  for (const json& d : hot["details"]) {
    const std::int64_t id = d["id"].get<std::int64_t>();
    if (d["issue_id"] == first["issue_id"]) top_members.insert(id);
    if (flood_ids.count(id)) ++flood_members_by_issue[d["issue_id"].get<std::int64_t>()];
  }
  EXPECT_EQ(top_members, genuine);
  // At most the first post counts: one citizen, not 150.
  for (const auto& [issue, members] : flood_members_by_issue)
    EXPECT_LE(members, 1) << "issue " << issue;
  for (const json& a : hot["alerts"])
    EXPECT_FALSE(flood_members_by_issue.count(a["issue_id"].get<std::int64_t>())) << a;

  // The operator sees the flag; accepting confirms one genuine (it then
  // counts), rejecting one as a flood leaves it out for good.
  const std::int64_t second = loop().IdOf(flood[1]["tracking_no"].get<std::string>());
  const std::int64_t third = loop().IdOf(flood[2]["tracking_no"].get<std::string>());
  EXPECT_EQ(loop().View(second, "operator")["suspected_flood"], true);
  EXPECT_EQ(loop().View(loop().IdOf(flood[0]["tracking_no"].get<std::string>()),
                        "operator")["suspected_flood"],
            false);
  const json accepted = loop().Do("operator", second, "accept");
  EXPECT_EQ(accepted["suspected_flood"], false) << accepted;
  loop().Do("operator", third, "reject", {{"reason", "同一来源重复提交，疑似刷单"}});
  EXPECT_EQ(QueueCount("suspected_flood") - suspected_before,
            static_cast<std::int64_t>(flood.size()) - 3);
  const json after = ReadyHotspots("?top=10");
  bool counted = false;
  for (const json& d : after["details"]) counted = counted || d["id"] == second;
  EXPECT_TRUE(counted) << "a confirmed request counts in the hot spots";
}

TEST_F(FloodTest, FakeGasLeaksFromOneAddressDoNotFillTheFastLane) {
  const std::int64_t lane_before = QueueCount("fast_lane");
  const std::vector<json> fakes = PostAnonymously(20, [](int k) {
    return json{{"title", "燃气泄漏"},
                {"detail", "和平路12号楼道里燃气泄漏，味道非常大，随时可能爆炸，请马上派人来！" +
                               std::to_string(k)},
                {"citizen", nullptr}};
  });
  ASSERT_FALSE(fakes.empty());
  // The first is taken at its word; the other 19 wait for the centre.
  EXPECT_EQ(QueueCount("fast_lane") - lane_before, 1);
  const std::int64_t first = loop().IdOf(fakes[0]["tracking_no"].get<std::string>());
  EXPECT_EQ(loop().View(first)["fast_lane"], true) << "a gas leak is a fast-lane matter";
  if (fakes.size() > 1) {
    const std::int64_t later = loop().IdOf(fakes[1]["tracking_no"].get<std::string>());
    const json v = loop().View(later);
    EXPECT_EQ(v["fast_lane"], false);
    EXPECT_EQ(v["suspected_flood"], true);
    EXPECT_EQ(v["assessment"]["fast_lane"], true) << "the risk stays recorded";
    // Confirmed genuine by the operator, it takes the fast lane.
    EXPECT_EQ(loop().Do("operator", later, "accept")["fast_lane"], true);
  }
}

TEST_F(FloodTest, StaffIntakeIsNeverSuspected) {
  const std::int64_t suspected_before = QueueCount("suspected_flood");
  for (int k = 0; k < 10; ++k) {
    const std::int64_t id = loop().Record(
        {{"title", "人民路井盖丢失"},
         {"detail", "人民路与解放路交叉口的井盖丢了，很危险。来电" + std::to_string(k)}});
    EXPECT_EQ(loop().View(id)["suspected_flood"], false);
  }
  EXPECT_EQ(QueueCount("suspected_flood"), suspected_before);
}

// A second jurisdiction beside the demo's, with one street to file in.
// Returns its code.
std::string AddJurisdiction(const std::string& code) {
  std::string out;
  EXPECT_EQ(TestServer::RunCli({"setup", "--db", ServerSuite::server().db_path(), "--code", code,
                                "--name", "河西县"},
                               &out),
            0)
      << out;
  std::smatch m;
  const bool named = std::regex_search(out, m, std::regex("id ([0-9]+)"));
  EXPECT_TRUE(named) << out;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(ServerSuite::server().db_path().c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  const std::string sql =
      "INSERT INTO areas (jurisdiction_id, code, name, parent_code, level) VALUES (" +
      (named ? m[1].str() : std::string("0")) + ", '" + code + "-01', '河西街道', '', 1)";
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  return code;
}

TEST_F(FloodTest, TwoJurisdictionsIssueDistinctNumbersThatNeedNoJurisdictionToLookUp) {
  const std::string other = AddJurisdiction("hx");
  ApiResponse here =
      api().Post("/api/v1/requests", ClosedLoop::RequestBody({{"title", "东湖区的诉求"}}));
  ApiResponse there = api().Post(
      "/api/v1/requests?jurisdiction=" + other,
      ClosedLoop::RequestBody({{"title", "河西县的诉求"}, {"area_code", other + "-01"}}));
  ASSERT_EQ(here.status, 201) << here.Describe();
  ASSERT_EQ(there.status, 201) << there.Describe();
  const std::string here_no = here["tracking_no"].get<std::string>();
  const std::string there_no = there["tracking_no"].get<std::string>();
  const std::string here_code = here["query_code"].get<std::string>();
  const std::string code = there["query_code"].get<std::string>();
  EXPECT_NE(here_no, there_no);
  for (const std::string& c : {here_code, code})
    EXPECT_TRUE(std::regex_match(c, std::regex("[0-9]{12}"))) << c;

  // The citizen names no jurisdiction: the number finds the one request.
  EXPECT_EQ(loop().CitizenView(here_no, here_code)["title"], "东湖区的诉求");
  EXPECT_EQ(loop().CitizenView(there_no, code)["title"], "河西县的诉求");
  // One request's code does not open the other.
  ApiResponse crossed =
      api().Get("/api/v1/requests/" + there_no, "", {{"X-Query-Code", here_code}});
  EXPECT_EQ(crossed.status, 404) << crossed.Describe();
  // A code typed in groups, with spaces or hyphens, is the same code.
  const std::string spaced = code.substr(0, 4) + " " + code.substr(4, 4) + " " + code.substr(8);
  const std::string hyphened = code.substr(0, 4) + "-" + code.substr(4, 4) + "-" + code.substr(8);
  for (const std::string& typed : {spaced, hyphened}) {
    ApiResponse r = api().Get("/api/v1/requests/" + there_no, "", {{"X-Query-Code", typed}});
    EXPECT_EQ(r.status, 200) << typed << ": " << r.Describe();
  }
  ApiResponse by_param = api().Get("/api/v1/requests/" + there_no + "?query_code=" + hyphened);
  EXPECT_EQ(by_param.status, 200) << by_param.Describe();
}

}  // namespace
}  // namespace lizheng::e2e
