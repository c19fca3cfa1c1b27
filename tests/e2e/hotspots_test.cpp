// Hot spots through the API: requests are grouped as they arrive, the two
// tables of the hot-issue task come back with the member requests, and a
// sudden topic raises an alert. For the centre and leaders only.
#include <chrono>
#include <set>
#include <thread>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

class HotspotsTest : public ServerSuite {};

// The server replays its recent requests into the tracker shortly after
// start; until then the answer says it is not ready.
json ReadyHotspots(const std::string& query) {
  for (int i = 0; i < 100; ++i) {
    ApiResponse r = ServerSuite::api().Get("/api/v1/hotspots" + query, ServerSuite::Token("leader"));
    EXPECT_EQ(r.status, 200) << r.Describe();
    if (r.status != 200 || r["ready"] == true) return r.json_body;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "the hot-spot tracker never became ready";
  return json::object();
}

TEST_F(HotspotsTest, RequestsAboutOneProblemFormOneHotIssueWithItsMembers) {
  ReadyHotspots("");
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 6; ++i) {
    ids.push_back(loop().Record(
        {{"title", "锦绣华庭小区旁搅拌站噪音粉尘扰民"},
         {"detail", "锦绣华庭小区旁边的混凝土搅拌站日夜施工，噪音和粉尘很大，居民无法休息，第" + std::to_string(i + 1) +
                        "次反映，请尽快处理。"},
         {"address", "锦绣华庭小区"},
         {"citizen", {{"name", "业主"}, {"phone", "1390000000" + std::to_string(i)}}}}));
  }
  loop().Record({{"title", "孩子入学咨询"}, {"detail", "请问今年小学入学报名需要哪些材料？"}});
  const json hot = ReadyHotspots("?top=5");
  ASSERT_FALSE(hot["issues"].empty()) << hot;
  const json& first = hot["issues"][0];
  EXPECT_EQ(first["rank"], 1);
  EXPECT_EQ(first["messages"], 6) << first;
  EXPECT_EQ(first["citizens"], 6) << first;
  EXPECT_NE(first["place_or_people"].get<std::string>().find("锦绣华庭"), std::string::npos) << first;
  EXPECT_GT(first["hotness"].get<double>(), 0.0);
  std::set<std::int64_t> members;
  for (const json& d : hot["details"])
    if (d["issue_id"] == first["issue_id"]) members.insert(d["id"].get<std::int64_t>());
  EXPECT_EQ(members, std::set<std::int64_t>(ids.begin(), ids.end()));
  // Six requests from six citizens within days: a sudden new topic.
  bool alerted = false;
  for (const json& a : hot["alerts"]) alerted = alerted || a["issue_id"] == first["issue_id"];
  EXPECT_TRUE(alerted) << hot["alerts"];

  // One issue by its id opens its requests, as the dashboard's rows and
  // alerts do: every member (or the first `members`) and its alerts only.
  const std::string issue = std::to_string(first["issue_id"].get<std::int64_t>());
  const json one = ReadyHotspots("?issue=" + issue + "&members=4");
  ASSERT_EQ(one["issues"].size(), 1u) << one;
  EXPECT_EQ(one["issues"][0]["issue_id"], first["issue_id"]);
  EXPECT_EQ(one["issues"][0]["messages"], 6);
  EXPECT_EQ(one["issues"][0]["rank"], 0) << "not ranked when asked for alone";
  EXPECT_EQ(one["details"].size(), 4u) << one;
  for (const json& d : one["details"]) {
    EXPECT_EQ(d["issue_id"], first["issue_id"]);
    EXPECT_TRUE(members.count(d["id"].get<std::int64_t>())) << d;
  }
  ASSERT_FALSE(one["alerts"].empty()) << one;
  for (const json& a : one["alerts"]) EXPECT_EQ(a["issue_id"], first["issue_id"]) << a;
}

TEST_F(HotspotsTest, OnlyTheCentreAndLeadersWithCheckedParameters) {
  EXPECT_EQ(api().Get("/api/v1/hotspots").status, 401);
  EXPECT_EQ(api().Get("/api/v1/hotspots", Token("dh01_handler")).status, 403);
  EXPECT_EQ(api().Get("/api/v1/hotspots", Token("dispatcher")).status, 200);
  ApiResponse top = api().Get("/api/v1/hotspots?top=1000", Token("leader"));
  EXPECT_EQ(top.status, 400);
  EXPECT_EQ(top.ErrorField(), "top");
  ApiResponse window = api().Get("/api/v1/hotspots?window=year", Token("leader"));
  EXPECT_EQ(window.status, 400);
  EXPECT_EQ(window.ErrorField(), "window");
  EXPECT_EQ(api().Get("/api/v1/hotspots?from=1", Token("leader")).ErrorField(), "from");
  ReadyHotspots("");
  ApiResponse unknown = api().Get("/api/v1/hotspots?issue=987654321", Token("leader"));
  EXPECT_EQ(unknown.status, 404) << unknown.Describe();
  EXPECT_EQ(unknown.ErrorField(), "issue");
  EXPECT_EQ(unknown["error"]["reason"], "hot_issue_unknown") << unknown.Describe();
  EXPECT_NE(unknown.ErrorMessage().find("热点问题"), std::string::npos) << unknown.Describe();
  ApiResponse both = api().Get("/api/v1/hotspots?issue=1&top=5", Token("leader"));
  EXPECT_EQ(both.status, 400) << both.Describe();
  EXPECT_EQ(both.ErrorField(), "issue");
  EXPECT_EQ(both["error"]["reason"], "issue_alone") << both.Describe();
  EXPECT_EQ(api().Get("/api/v1/hotspots?issue=x", Token("leader")).ErrorField(), "issue");
  EXPECT_EQ(api().Get("/api/v1/hotspots?issue=1", Token("dh01_handler")).status, 403);
}

}  // namespace
}  // namespace lizheng::e2e
