// The analytics through the API: every submission is assessed (a category
// from the keyword rules while the jurisdiction has no history, as the
// empty test demo has none), and GET /work-orders/{id}/advice names the
// lead units with reasons and the open repeats with their similarity.
#include <set>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

class AdviceTest : public ServerSuite {};

const json kLamp = {{"title", "幸福里小区南门路灯不亮"},
                    {"detail", "幸福里小区南门口的三盏路灯已经坏了一个月，晚上漆黑一片，老人出行很不方便，请尽快维修。"}};
const json kLampAgain = {{"title", "幸福里小区南门的路灯坏了"},
                         {"detail", "幸福里小区南门口路灯坏了一个月没人修，晚上一片漆黑，请尽快维修路灯。"}};

TEST_F(AdviceTest, ASubmissionWithoutCategoryIsClassifiedByTheKeywordRules) {
  json body = kLamp;
  body["category_code"] = nullptr;
  const std::int64_t id = loop().Record(body);
  const json view = loop().View(id);
  ASSERT_TRUE(view["assessment"].is_object()) << view;
  ASSERT_TRUE(view["category"].is_object()) << view["assessment"];
  EXPECT_EQ(view["category"]["source"], "keywords");
  EXPECT_EQ(view["category"]["code"], view["assessment"]["category"]["code"]);
  // The submit event says where the category came from.
  const json& submit = view["timeline"][0];
  ASSERT_EQ(submit["action"], "submit") << view["timeline"];
  EXPECT_EQ(submit["data"]["category_source"], "keywords") << submit;
  EXPECT_EQ(submit["data"]["category_code"], view["category"]["code"]) << submit;
}

TEST_F(AdviceTest, AdviceNamesUnitsWithReasonsAndTheOpenRepeat) {
  const std::int64_t first = loop().Record(kLamp);
  const std::int64_t second = loop().Record(kLampAgain);
  ApiResponse advice = api().Get("/api/v1/work-orders/" + std::to_string(second) + "/advice", Token("dispatcher"));
  ASSERT_EQ(advice.status, 200) << advice.Describe();
  ASSERT_FALSE(advice["repeats"].empty()) << advice.body;
  EXPECT_EQ(advice["repeats"][0]["id"], first);
  EXPECT_GE(advice["repeats"][0]["score"].get<double>(), 0.45);
  ASSERT_FALSE(advice["units"].empty());
  EXPECT_LE(advice["units"].size(), 3u);
  for (const json& u : advice["units"]) {
    EXPECT_FALSE(u["reasons"].empty()) << u;
    EXPECT_EQ(u["reasons"][0]["code"], "catalogue") << u;
  }
  // The merge the dispatcher then makes with one action.
  loop().Do("dispatcher", second, "merge", {{"primary_id", first}});
  EXPECT_EQ(loop().View(second)["state"]["code"], "merged");
  // A merged request has nothing left to merge.
  ApiResponse after = api().Get("/api/v1/work-orders/" + std::to_string(second) + "/advice", Token("dispatcher"));
  ASSERT_EQ(after.status, 200);
  EXPECT_TRUE(after["repeats"].empty()) << after.body;
}

TEST_F(AdviceTest, AnOperatorRecordingACallHearsOfTheOpenRepeatAtOnce) {
  const std::int64_t first = loop().Record(kLamp);
  const json receipt = loop().RecordReceipt(kLampAgain);
  ASSERT_TRUE(receipt.contains("possible_repeats")) << receipt;
  ASSERT_FALSE(receipt["possible_repeats"].empty()) << receipt;
  EXPECT_EQ(receipt["possible_repeats"][0]["id"], first);
  EXPECT_FALSE(receipt["possible_repeats"][0]["reasons"].empty());
  // A citizen's receipt never lists other people's requests.
  const json citizen = loop().File(kLampAgain);
  EXPECT_FALSE(citizen.contains("possible_repeats")) << citizen;
}

TEST_F(AdviceTest, AdviceHasTheWorkOrdersVisibility) {
  const std::int64_t id = loop().Record(kLamp);
  const std::string path = "/api/v1/work-orders/" + std::to_string(id) + "/advice";
  EXPECT_EQ(api().Get(path).status, 401);
  ApiResponse unit = api().Get(path, Token("dh01_handler"));
  EXPECT_EQ(unit.status, 404) << unit.Describe();
  EXPECT_EQ(api().Get("/api/v1/work-orders/999999999/advice", Token("dispatcher")).status, 404);
}

TEST_F(AdviceTest, RisksInTheTextPutTheRequestOnTheFastLane) {
  const std::int64_t id = loop().Record(
      {{"title", "建筑工地拖欠200多名农民工工资"},
       {"detail", "某建筑工地拖欠200多名农民工半年工资，工人们说明天要集体到市政府门口拉横幅上访。"}});
  const json view = loop().View(id);
  EXPECT_TRUE(view["fast_lane"]) << view["assessment"];
  ASSERT_TRUE(view["assessment"].is_object());
  EXPECT_TRUE(view["assessment"]["fast_lane"]);
  std::set<std::string> kinds;
  for (const json& r : view["assessment"]["risks"]) {
    kinds.insert(r["kind"]["code"].get<std::string>());
    EXPECT_FALSE(r["evidence"].get<std::string>().empty()) << r;
    EXPECT_FALSE(r["reason_en"].get<std::string>().empty()) << r;
  }
  EXPECT_TRUE(kinds.count("many_people")) << view["assessment"];
  EXPECT_TRUE(kinds.count("mass_incident")) << view["assessment"];
  // It is in the leader's fast-lane queue.
  ApiResponse lane = api().Get("/api/v1/work-orders?queue=fast_lane&limit=200", Token("leader"));
  ASSERT_EQ(lane.status, 200) << lane.Describe();
  bool listed = false;
  for (const json& w : lane["items"]) listed = listed || w["id"] == id;
  EXPECT_TRUE(listed);
  // An ordinary request is not.
  EXPECT_FALSE(loop().View(loop().Record(kLamp))["fast_lane"]);
}

TEST_F(AdviceTest, TheDraftReplyIsScoredForTheReviewer) {
  const std::int64_t id = loop().Replied("dh-01");
  ApiResponse advice = api().Get("/api/v1/work-orders/" + std::to_string(id) + "/advice", Token("reviewer"));
  ASSERT_EQ(advice.status, 200) << advice.Describe();
  const json& q = advice["reply_quality"];
  ASSERT_TRUE(q.is_object()) << advice.body;
  EXPECT_EQ(q["of"], "draft");
  ASSERT_EQ(q["dimensions"].size(), 5u);
  std::set<std::string> dims;
  for (const json& d : q["dimensions"]) {
    dims.insert(d["dimension"].get<std::string>());
    if (d["dimension"] == "timeliness") {
      EXPECT_TRUE(d["assessed"]) << d;  // against the reply clock
    }
    EXPECT_FALSE(d["reasons"].empty()) << d;
  }
  EXPECT_EQ(dims, (std::set<std::string>{"relevance", "completeness", "interpretability", "timeliness", "tone"}));
  // A request without a reply has nothing to score.
  EXPECT_TRUE(api().Get("/api/v1/work-orders/" + std::to_string(loop().Record(kLamp)) + "/advice",
                        Token("dispatcher"))["reply_quality"]
                  .is_null());
}

}  // namespace
}  // namespace lizheng::e2e
