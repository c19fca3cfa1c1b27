#include "lizheng/insight/risk_flags.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "lizheng/text/utf8.hpp"
#include "risk_counts.hpp"
#include "risk_lexicon.hpp"

namespace lizheng::insight {
namespace {

RiskAssessment AssessDetail(std::string_view detail, std::string_view category = {}) {
  static const RiskDetector detector;
  return detector.Assess(RiskRequest{{}, detail, category});
}

// The level of `kind` for `detail`, or "none".
std::string Level(std::string_view detail, RiskKind kind, std::string_view category = {}) {
  const auto level = AssessDetail(detail, category).LevelOf(kind);
  return level ? std::string(RiskLevelName(*level)) : "none";
}

struct Expect {
  const char* detail;
  const char* level;  // of the kind under test, or "none"
};

void ExpectLevels(RiskKind kind, std::initializer_list<Expect> cases) {
  for (const Expect& e : cases) EXPECT_EQ(Level(e.detail, kind), e.level) << e.detail;
}

TEST(RiskFlagsTest, DangerToLifeOrPropertyAtEveryLevel) {
  ExpectLevels(RiskKind::kDanger,
               {
                   {"楼道里有很浓的煤气味，怀疑燃气泄漏了", "emergency"},
                   {"我真的不想活了，要从楼上跳下去", "emergency"},
                   {"邻居说不想活了", "urgent"},  // self-harm said of another is one level lower
                   {"我家孩子走失已经两个小时", "emergency"},
                   {"老房子墙体开裂，随时可能倒塌", "emergency"},
                   {"小区门口的电线裸露在外，小孩经常在旁边玩", "urgent"},
                   {"去年河里有小孩溺水", "urgent"},
                   {"工地高空坠物砸伤了路人", "urgent"},
                   {"井盖丢失一个多月无人处理", "urgent"},
                   {"我们住的是危房", "urgent"},
                   {"小区存在重大安全隐患", "urgent"},
                   {"施工围挡占道，安全隐患非常大", "urgent"},
                   {"小区存在安全隐患", "watch"},
                   {"这个路口没有红绿灯，很危险", "watch"},
                   {"私家车长期占用消防通道", "watch"},
                   {"请尽快清理杂物，以免引发火灾", "watch"},
                   {"这栋楼会不会倒塌", "watch"},
                   {"有倒塌的危险", "watch"},
               });
}

TEST(RiskFlagsTest, NegationAndHedgesAreRead) {
  ExpectLevels(RiskKind::kDanger,
               {
                   {"经检查，没有安全隐患", "none"},
                   {"经排查不存在安全隐患", "none"},
                   {"现场并无任何危险", "none"},
                   {"无安全隐患", "none"},
                   {"原来的安全隐患已经排除", "none"},
                   {"病人已脱离生命危险", "none"},
                   {"请加强管理，以免发生安全事故", "none"},
                   {"商场搞跳楼价促销，噪音扰民", "none"},
                   {"医院公布了死亡率", "none"},
                   {"树木大量死亡", "none"},
                   {"有没有安全隐患，请派人来看看", "none"},
                   // An assertion stays one: "存在" is no negation, "不安全" is a cue.
                   {"存在安全隐患", "watch"},
                   {"晚上走这条路很不安全", "watch"},
                   {"不是没有危险", "watch"},
               });
}

TEST(RiskFlagsTest, ManyPeopleFromCountsInEveryNotation) {
  ExpectLevels(RiskKind::kManyPeople, {
                                          {"公司拖欠200名工人工资三个月", "emergency"},
                                          {"拖欠两百多名农民工的工资", "emergency"},
                                          {"老板跑路，上百名工人讨薪无门", "emergency"},
                                          {"拖欠我们三十多名工人的工资", "urgent"},
                                          {"全体员工被拖欠工资半年", "urgent"},
                                          {"拖欠12名工人工资", "watch"},
                                          {"拖欠5名工人工资", "none"},
                                          {"几千名业主的房产证办不下来", "urgent"},
                                          {"影响1.2万人出行", "urgent"},
                                          {"小区上百户居民饮水困难", "watch"},
                                          {"数十户居民家中进水", "watch"},
                                          {"全小区停水三天", "watch"},
                                          {"学校有800多名学生", "watch"},
                                          {"家里三口人", "none"},
                                          {"花了2000元", "none"},
                                          {"排在第100名", "none"},
                                          {"景区每天接待3000人次", "none"},
                                          {"今年只有100名额", "none"},
                                          {"2019年12月3日", "none"},
                                      });
}

TEST(RiskFlagsTest, TheCategoryLetsABareOweCountAsWageArrears) {
  const char* detail = "公司欠我们80名员工的工资";
  EXPECT_EQ(Level(detail, RiskKind::kManyPeople), "watch");  // 80 people, no arrears cue
  EXPECT_EQ(Level(detail, RiskKind::kManyPeople, "劳动和社会保障"), "urgent");
}

TEST(RiskFlagsTest, MassIncidentRiskAtEveryLevel) {
  ExpectLevels(RiskKind::kMassIncident,
               {
                   {"业主们准备拉横幅集体上访", "emergency"},
                   {"如果再不解决，必将引发群体性事件", "emergency"},
                   {"村民拉横幅堵路阻止施工", "emergency"},
                   {"学生们准备罢课", "emergency"},
                   {"村民堵路阻止施工", "urgent"},  // 堵路 alone is as often a stall in the way
                   {"工人们已经罢工三天", "urgent"},
                   {"我们不排除采取过激行为", "urgent"},
                   {"业主与物业发生冲突", "urgent"},
                   {"我多次上访无果", "watch"},
                   {"我们将联名向媒体曝光", "watch"},
                   {"我们没有上访", "none"},
                   {"但是没有闹事", "none"},
                   {"今年极端天气多", "none"},
                   {"有人在小区聚众赌博", "none"},
               });
}

TEST(RiskFlagsTest, FastLaneForEmergenciesAndForTwoUrgentKinds) {
  EXPECT_TRUE(AssessDetail("拖欠200名工人工资").fast_lane);
  EXPECT_TRUE(AssessDetail("闻到煤气味，怀疑燃气泄漏").fast_lane);
  EXPECT_TRUE(AssessDetail("上千人住在危房里").fast_lane);  // urgent danger + urgent many people
  EXPECT_FALSE(AssessDetail("我们住的是危房").fast_lane);   // one urgent flag
  EXPECT_FALSE(AssessDetail("小区存在安全隐患").fast_lane);
  EXPECT_FALSE(AssessDetail("建议增设公交站点").fast_lane);

  const RiskAssessment a = AssessDetail("拖欠200名工人工资，工人们准备集体上访");
  ASSERT_TRUE(a.fast_lane);
  EXPECT_NE(a.fast_lane_reason_zh.find("拖欠200名工人的工资"), std::string::npos)
      << a.fast_lane_reason_zh;
  EXPECT_NE(a.fast_lane_reason_en.find("200 workers"), std::string::npos) << a.fast_lane_reason_en;
  EXPECT_EQ(a.SuggestedUrgency(), Urgency::kEmergency);
  EXPECT_EQ(AssessDetail("我们住的是危房").SuggestedUrgency(), Urgency::kUrgent);
  EXPECT_EQ(AssessDetail("小区存在安全隐患").SuggestedUrgency(), Urgency::kNormal);
}

TEST(RiskFlagsTest, EvidenceIsTheTriggeringTextInItsField) {
  const RiskDetector detector;
  const std::string title = "投诉电线裸露";
  const std::string detail = "A市某工地拖欠两百多名农民工工资，小区楼下电线裸露";
  const RiskAssessment a = detector.Assess({title, detail, {}});
  std::set<std::string> evidence;
  for (const RiskFlag& f : a.flags) {
    const std::string& text = f.field == RequestField::kTitle ? title : detail;
    ASSERT_LE(f.begin, f.end);
    ASSERT_LE(f.end, text.size());
    evidence.insert(std::string(RequestFieldName(f.field)) + ":" +
                    text.substr(f.begin, f.end - f.begin));
    EXPECT_FALSE(f.reason_zh.empty());
    EXPECT_FALSE(f.reason_en.empty());
  }
  EXPECT_EQ(evidence,
            (std::set<std::string>{"title:电线裸露", "detail:电线裸露", "detail:两百多名农民工"}));
  // Strongest first: the wage arrears (emergency) lead.
  ASSERT_FALSE(a.flags.empty());
  EXPECT_EQ(a.flags.front().kind, RiskKind::kManyPeople);
  EXPECT_EQ(a.flags.front().level, RiskLevel::kEmergency);
  EXPECT_EQ(a.flags.front().reason_en, "many people affected: wages owed to about 200 workers");
}

TEST(RiskFlagsTest, RepeatedCuesGiveOneFlagAndTheListIsCapped) {
  std::string detail;
  for (int i = 0; i < 50; ++i) detail += "存在安全隐患，";
  EXPECT_EQ(AssessDetail(detail).flags.size(), 1u);
  std::string many;
  for (const char* cue : {"火灾", "爆炸", "倒塌", "触电", "溺水", "危房", "中毒", "滑坡", "泥石流",
                          "漏电", "走失", "坠楼", "身亡", "险情", "家暴"})
    many += std::string(cue) + "。";
  EXPECT_EQ(AssessDetail(many).flags.size(), RiskAssessment::kMaxFlags);
}

TEST(RiskFlagsTest, EmptyAndInvalidTextAreSafe) {
  EXPECT_TRUE(AssessDetail("").flags.empty());
  const std::string bad = std::string("\xff\xfe燃气泄漏\xc3");
  const RiskAssessment a = AssessDetail(bad);
  ASSERT_EQ(a.flags.size(), 1u);
  EXPECT_EQ(bad.substr(a.flags[0].begin, a.flags[0].end - a.flags[0].begin), "燃气泄漏");
}

TEST(RiskFlagsTest, WireNames) {
  EXPECT_EQ(RiskKindName(RiskKind::kMassIncident), "mass_incident");
  EXPECT_EQ(RiskLevelName(RiskLevel::kEmergency), "emergency");
  EXPECT_EQ(RequestFieldName(RequestField::kTitle), "title");
}

TEST(RiskLexiconTest, EveryCueIsUniqueAndStartsWithAChineseCharacter) {
  std::set<std::string_view> seen;
  for (const Cue& cue : BuiltInCues()) {
    EXPECT_TRUE(seen.insert(cue.word).second) << "duplicate cue " << cue.word;
    const std::u32string w = text::DecodeUtf8(cue.word);
    ASSERT_FALSE(w.empty());
    EXPECT_TRUE(text::IsHan(w[0])) << cue.word;
    if (cue.role == CueRole::kFlag) {
      EXPECT_FALSE(cue.en.empty()) << cue.word;
    }
  }
}

TEST(RiskCountsTest, FindsCountsWithTheirGroups) {
  const std::u32string s =
      text::DecodeUtf8("上百户居民、3000余人、几千名业主和二十多个农民工，共花费200元");
  std::vector<PeopleCount> counts;
  FindPeopleCounts(s, counts);
  ASSERT_EQ(counts.size(), 4u);
  EXPECT_EQ(counts[0].group, CountedGroup::kHouseholds);
  EXPECT_DOUBLE_EQ(counts[0].count, 100);
  EXPECT_EQ(counts[1].group, CountedGroup::kAnyone);
  EXPECT_DOUBLE_EQ(counts[1].count, 3000);
  EXPECT_EQ(counts[2].group, CountedGroup::kResidents);
  EXPECT_EQ(text::EncodeUtf8(s.substr(counts[2].begin, counts[2].end - counts[2].begin)),
            "几千名业主");
  EXPECT_EQ(counts[3].group, CountedGroup::kWorkers);
  EXPECT_DOUBLE_EQ(counts[3].count, 20);
}

}  // namespace
}  // namespace lizheng::insight
