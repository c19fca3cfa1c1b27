#include "lizheng/insight/reply_quality.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "reply_test_scorer.hpp"

namespace lizheng::insight {
namespace {

using testing_data::TestReplyScorer;

constexpr const char* kRoadTitle = "A3区潇楚南路洋湖段道路施工进度缓慢";
constexpr const char* kRoadDetail =
    "潇楚南路从去年开始修路，至今围挡未拆，严重影响交通和周边商户。请问什么时候能完工？"
    "希望有关部门加强监管，尽快恢复通行。";
constexpr const char* kGoodRoadReply =
    "您好！感谢您对我们工作的关心。经现场核实，潇楚南路洋湖段道路施工因管线迁改滞后导致进度缓慢。"
    "根据《中华人民共和国道路交通安全法》第三十二条，施工单位应在规定时间内完工。"
    "我局已责成施工单位增加人员和设备，加强监管，计划于2019年6月30日前完工并恢复通行。"
    "如有疑问，请拨打联系电话0731-88888888。";

ReplyTiming Days(double elapsed, int limit = 15) {
  return ReplyTiming{elapsed, LimitSpan{limit, LimitUnit::kDays}};
}

ReplyAssessment ScoreOk(const ReplyToScore& in) {
  static const ReplyScorer scorer = TestReplyScorer();
  Result<ReplyAssessment> a = scorer.Score(in);
  EXPECT_TRUE(a.ok()) << a.error().message;
  return a.ok() ? *a : ReplyAssessment{};
}

bool HasReason(const ReplyAssessment& a, ReplyDimension d, ReplyReasonCode code) {
  for (const ReplyReason& r : a.Get(d).reasons) {
    if (r.code == code) return true;
  }
  return false;
}

// The reasons of one dimension, for failure messages.
std::string Reasons(const ReplyAssessment& a, ReplyDimension d) {
  return std::to_string(a.Get(d).score) + " " + JoinReasonsZh(a.Get(d));
}

TEST(ReplyQualityTest, AGoodReplyPassesEveryDimension) {
  const ReplyAssessment a = ScoreOk({kRoadTitle, kRoadDetail, kGoodRoadReply, Days(3)});
  for (const DimensionScore& d : a.dimensions) {
    EXPECT_TRUE(d.assessed);
    EXPECT_GE(d.score, 80) << DimensionName(d.dimension) << ": " << JoinReasonsZh(d);
    for (const ReplyReason& r : d.reasons) {
      EXPECT_FALSE(r.problem) << r.zh;
      EXPECT_FALSE(r.en.empty());
    }
  }
  EXPECT_EQ(a.verdict, ReplyVerdict::kGood);
  EXPECT_GE(a.overall, 85);
  EXPECT_TRUE(HasReason(a, ReplyDimension::kRelevance, ReplyReasonCode::kPlaceMentioned));
  EXPECT_TRUE(HasReason(a, ReplyDimension::kInterpretability, ReplyReasonCode::kBasisCited));
  EXPECT_NE(JoinReasonsZh(a.Get(ReplyDimension::kInterpretability)).find("安全法"),
            std::string::npos);
}

TEST(ReplyQualityTest, AReplyAboutSomethingElseIsIrrelevant) {
  const char* reply =
      "您好！感谢您的来信。经核实，您反映的小区垃圾清运问题，我局已安排环卫人员每日清运两次。"
      "如有疑问请拨打联系电话0731-88888888。";
  const ReplyAssessment a = ScoreOk({kRoadTitle, kRoadDetail, reply, Days(3)});
  EXPECT_LT(a.Get(ReplyDimension::kRelevance).score, 30) << Reasons(a, ReplyDimension::kRelevance);
  EXPECT_TRUE(HasReason(a, ReplyDimension::kRelevance, ReplyReasonCode::kSubjectMissing));
  EXPECT_TRUE(HasReason(a, ReplyDimension::kRelevance, ReplyReasonCode::kPlaceMissing));
  EXPECT_NE(JoinReasonsZh(a.Get(ReplyDimension::kRelevance)).find("「潇楚南路」"),
            std::string::npos);
  EXPECT_NE(a.verdict, ReplyVerdict::kGood);
}

TEST(ReplyQualityTest, AnUnansweredNumberedPointIsNamed) {
  const char* detail =
      "1、小区停车费收费标准是多少？2、物业公司能否强制收取装修押金？3、业主委员会选举何时进行？";
  const char* reply =
      "您好，感谢您的来信。经核实，小区停车费收费标准按规定执行，每月一百元。"
      "业主委员会选举计划于下月进行，届时请关注小区公告。如有疑问，请拨打联系电话0731-88888888。";
  const ReplyAssessment a = ScoreOk({"小区停车费和装修押金问题", detail, reply, Days(3)});
  const DimensionScore& c = a.Get(ReplyDimension::kCompleteness);
  EXPECT_LT(c.score, 80) << Reasons(a, ReplyDimension::kCompleteness);
  ASSERT_TRUE(HasReason(a, ReplyDimension::kCompleteness, ReplyReasonCode::kPointUnanswered));
  const std::string zh = JoinReasonsZh(c);
  EXPECT_NE(zh.find("未回应：第2点「物业公司能否强制收取装修押金"), std::string::npos) << zh;
  EXPECT_EQ(zh.find("第1点"), std::string::npos) << zh;
  EXPECT_EQ(zh.find("第3点"), std::string::npos) << zh;
  EXPECT_NE(JoinReasonsEn(c).find("Not answered: point 2"), std::string::npos);
}

TEST(ReplyQualityTest, AReplyWithoutBasisMeasuresOrContactIsNotInterpretable) {
  const char* reply =
      "您好，感谢您的来信。关于潇楚南路洋湖段道路施工进度缓慢的问题，我们非常理解您的心情，"
      "道路施工确实给周边居民和商户带来了不便，请您谅解，我们会认真对待。";
  const ReplyAssessment a = ScoreOk({kRoadTitle, kRoadDetail, reply, Days(3)});
  EXPECT_LT(a.Get(ReplyDimension::kInterpretability).score, 20)
      << Reasons(a, ReplyDimension::kInterpretability);
  for (const ReplyReasonCode code :
       {ReplyReasonCode::kBasisMissing, ReplyReasonCode::kMeasuresMissing,
        ReplyReasonCode::kContactMissing}) {
    EXPECT_TRUE(HasReason(a, ReplyDimension::kInterpretability, code)) << ReasonCodeName(code);
  }
  EXPECT_NE(a.verdict, ReplyVerdict::kGood);
}

TEST(ReplyQualityTest, AnOverdueReplySaysByHowMuch) {
  const ReplyAssessment a = ScoreOk({kRoadTitle, kRoadDetail, kGoodRoadReply, Days(20.5)});
  const DimensionScore& t = a.Get(ReplyDimension::kTimeliness);
  EXPECT_LT(t.score, 40);
  ASSERT_TRUE(HasReason(a, ReplyDimension::kTimeliness, ReplyReasonCode::kOverdue));
  EXPECT_EQ(JoinReasonsZh(t), "超时5.5天（用时20.5天，时限15天）");
  EXPECT_EQ(JoinReasonsEn(t), "Overdue by 5.5 days (20.5 days taken, limit 15 days)");
  EXPECT_NE(a.verdict, ReplyVerdict::kGood);
}

TEST(ReplyQualityTest, TimelinessFollowsTheShareOfTheLimit) {
  const auto score = [](double elapsed, LimitUnit unit = LimitUnit::kDays) {
    return ScoreOk({kRoadTitle, kRoadDetail, kGoodRoadReply,
                    ReplyTiming{elapsed, LimitSpan{10, unit}}})
        .Get(ReplyDimension::kTimeliness);
  };
  EXPECT_EQ(score(0).score, 100);
  EXPECT_EQ(score(5).score, 100);
  EXPECT_EQ(score(10).score, 70);
  EXPECT_EQ(score(9, LimitUnit::kWorkingDays).reasons[0].code, ReplyReasonCode::kNearLimit);
  EXPECT_EQ(score(9, LimitUnit::kWorkingDays).reasons[0].zh,
            "在时限内答复，但已接近时限（用时9.0个工作日，时限10个工作日）");
  EXPECT_EQ(score(20).score, 10);
  EXPECT_EQ(score(40).score, 0);
  const ReplyAssessment untimed = ScoreOk({kRoadTitle, kRoadDetail, kGoodRoadReply, {}});
  EXPECT_FALSE(untimed.Get(ReplyDimension::kTimeliness).assessed);
  EXPECT_TRUE(HasReason(untimed, ReplyDimension::kTimeliness, ReplyReasonCode::kTimingUnknown));
  EXPECT_EQ(untimed.verdict, ReplyVerdict::kGood);
}

TEST(ReplyQualityTest, ABrushOffIsPoorButPointingOnwardsIsNot) {
  const char* brush_off = "您好，潇楚南路洋湖段道路施工的问题不属于我局职责范围，无法答复。";
  const ReplyAssessment a = ScoreOk({kRoadTitle, kRoadDetail, brush_off, Days(3)});
  EXPECT_TRUE(HasReason(a, ReplyDimension::kTone, ReplyReasonCode::kBrushOff))
      << Reasons(a, ReplyDimension::kTone);
  EXPECT_LT(a.Get(ReplyDimension::kTone).score, 30);
  EXPECT_EQ(a.verdict, ReplyVerdict::kPoor);

  const char* onwards =
      "您好，感谢您的来信。潇楚南路洋湖段道路施工不属于我局职责范围，建议您向市交通运输局反映，"
      "联系电话0731-88888888。";
  const ReplyAssessment b = ScoreOk({kRoadTitle, kRoadDetail, onwards, Days(3)});
  EXPECT_FALSE(HasReason(b, ReplyDimension::kTone, ReplyReasonCode::kBrushOff));
  EXPECT_TRUE(HasReason(b, ReplyDimension::kTone, ReplyReasonCode::kReferredOnwards))
      << Reasons(b, ReplyDimension::kTone);
  EXPECT_GE(b.Get(ReplyDimension::kTone).score, 80);
}

TEST(ReplyQualityTest, BlamingTheCitizenIsPoor) {
  const char* reply =
      "经核实，车辆违章停车被罚款扣分是你自身原因造成的，与交警执法无关，"
      "你应该遵守停车规定，不要再反复投诉。";
  const ReplyAssessment a = ScoreOk({"车辆违章停车罚款不合理", "我的车辆停在路边被罚款扣分，"
                                                               "请问依据是什么？",
                                     reply, Days(3)});
  EXPECT_TRUE(HasReason(a, ReplyDimension::kTone, ReplyReasonCode::kBlamesCitizen));
  EXPECT_TRUE(HasReason(a, ReplyDimension::kTone, ReplyReasonCode::kCourtesyMissing));
  EXPECT_LT(a.Get(ReplyDimension::kTone).score, 20) << Reasons(a, ReplyDimension::kTone);
  EXPECT_EQ(a.verdict, ReplyVerdict::kPoor);
}

TEST(ReplyQualityTest, AnAcknowledgementAloneIsAnEmptyTemplate) {
  for (const char* reply : {"网友：您好！留言已收悉", "已收悉",
                            "您好！您反映的问题已转相关部门调查核处，请耐心等待。感谢您的留言。"}) {
    const ReplyAssessment a = ScoreOk({kRoadTitle, kRoadDetail, reply, Days(1)});
    EXPECT_TRUE(HasReason(a, ReplyDimension::kTone, ReplyReasonCode::kEmptyTemplate)) << reply;
    EXPECT_LE(a.Get(ReplyDimension::kTone).score, 20) << reply;
    EXPECT_EQ(a.verdict, ReplyVerdict::kPoor) << reply;
    EXPECT_LT(a.overall, 45) << reply;
  }
}

TEST(ReplyQualityTest, RejectsBadInputNamingTheField) {
  const ReplyScorer scorer = TestReplyScorer();
  const auto field = [&](const ReplyToScore& in) {
    Result<ReplyAssessment> a = scorer.Score(in);
    EXPECT_FALSE(a.ok());
    if (a.ok()) return std::string();
    EXPECT_EQ(a.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(a.error().message.find(a.error().field), std::string::npos);
    return a.error().field;
  };
  EXPECT_EQ(field({kRoadTitle, kRoadDetail, "", {}}), "reply");
  EXPECT_EQ(field({kRoadTitle, kRoadDetail, " \\n ", {}}), "reply");
  EXPECT_EQ(field({"", "", kGoodRoadReply, {}}), "request");
  EXPECT_EQ(field({kRoadTitle, "\xff\xfe", kGoodRoadReply, {}}), "request.detail");
  EXPECT_EQ(field({kRoadTitle, kRoadDetail, std::string(kMaxReplyQualityTextBytes + 1, 'a'), {}}),
            "reply");
  EXPECT_EQ(field({kRoadTitle, kRoadDetail, kGoodRoadReply, Days(-1)}), "timing.elapsed");
  EXPECT_EQ(field({kRoadTitle, kRoadDetail, kGoodRoadReply, Days(std::nan(""))}),
            "timing.elapsed");
  EXPECT_EQ(field({kRoadTitle, kRoadDetail, kGoodRoadReply, Days(1, 0)}), "timing.limit");
}

TEST(ReplyQualityTest, NamesAreStable) {
  EXPECT_EQ(DimensionName(ReplyDimension::kInterpretability), "interpretability");
  EXPECT_EQ(DimensionLabelZh(ReplyDimension::kTone), "态度");
  EXPECT_EQ(VerdictName(ReplyVerdict::kNeedsAttention), "needs_attention");
  EXPECT_EQ(VerdictLabelZh(ReplyVerdict::kPoor), "较差");
  EXPECT_EQ(ReasonCodeName(ReplyReasonCode::kPointUnanswered), "completeness.point_unanswered");
  EXPECT_EQ(ReasonCodeName(ReplyReasonCode::kEmptyTemplate), "tone.empty_template");
}

TEST(ReplyQualityTest, WorksWithoutADictionary) {
  Result<ReplyScorer> scorer =
      ReplyScorer::FromParts(text::Segmenter::CharBigrams("test"), "", "none");
  ASSERT_TRUE(scorer.ok());
  Result<ReplyAssessment> a = scorer->Score({kRoadTitle, kRoadDetail, kGoodRoadReply, Days(3)});
  ASSERT_TRUE(a.ok());
  EXPECT_GE(a->Get(ReplyDimension::kRelevance).score, 50);
  EXPECT_NE(scorer->status().find("uniform"), std::string::npos);
}

}  // namespace
}  // namespace lizheng::insight
