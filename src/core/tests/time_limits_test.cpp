#include "lizheng/core/time_limits.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace lizheng {
namespace {

constexpr int kOffset = 480;

Timestamp At(std::string_view text) {
  auto t = ParseTimestamp(text, "t");
  EXPECT_TRUE(t.ok()) << text;
  return t.ok() ? *t : Timestamp{};
}

std::string Local(Timestamp t) { return FormatTimestamp(t, kOffset); }

std::string ReadDataFile(const std::string& relative) {
  std::ifstream in(std::string(LIZHENG_DATA_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in.good()) << relative;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

WorkingCalendar Calendar2026() {
  auto parsed = WorkingCalendar::ParseYearFile(ReadDataFile("calendars/2026.tsv"), 2026);
  EXPECT_TRUE(parsed.ok());
  return WorkingCalendar(kOffset, parsed.ok() ? *parsed : std::vector<CalendarException>{});
}

LimitSpan Span(std::string_view text) {
  auto s = LimitSpan::Parse(text, "span");
  EXPECT_TRUE(s.ok()) << text;
  return s.ok() ? *s : LimitSpan{};
}

TEST(LimitSpanTest, ParsesEveryUnitAndPrintsItBack) {
  for (const char* text : {"15m", "2h", "15d", "15wm", "4wh", "3wd", "1wd", "120wm"}) {
    EXPECT_EQ(Span(text).ToString(), text);
  }
  EXPECT_EQ(Span("15wm"), (LimitSpan{15, LimitUnit::kWorkingMinutes}));
  EXPECT_EQ(Span("1h"), (LimitSpan{1, LimitUnit::kHours}));
  EXPECT_EQ(Span("3wd"), (LimitSpan{3, LimitUnit::kWorkingDays}));
}

TEST(LimitSpanTest, RejectsAnythingElseNamingTheField) {
  for (const char* bad : {"", "wd", "0wd", "-1wd", "+1wd", "1.5h", "3 wd", "3WD", "3w", "3wdd",
                          "99999999999wd", "3"}) {
    const auto r = LimitSpan::Parse(bad, "reply");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "reply");
    EXPECT_NE(r.error().message.find("reply: "), std::string::npos);
    EXPECT_NE(r.error().message.find("wm, wh, wd"), std::string::npos) << r.error().message;
  }
}

class TimeLimitMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto parsed = TimeLimitMatrix::Parse(ReadDataFile("time_limits.tsv"));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    matrix_ = std::move(*parsed);
  }
  TimeLimitMatrix matrix_{std::vector<TimeLimitRule>{}};
};

TEST_F(TimeLimitMatrixTest, ParsesTheShippedDefaults) {
  ASSERT_EQ(matrix_.rules().size(), 9u);
  const TimeLimitRule& catch_all = matrix_.rules()[0];
  EXPECT_FALSE(catch_all.type);
  EXPECT_TRUE(catch_all.category_code.empty());
  EXPECT_FALSE(catch_all.urgency);
  EXPECT_EQ(catch_all.limits, (LimitSet{Span("15wm"), Span("30wm"), Span("5wd")}));
  // DESIGN.md §1: consultation 1 working day, complaint 3.
  EXPECT_EQ(matrix_.Lookup(RequestType::kConsult, "01", Urgency::kNormal).reply, Span("1wd"));
  EXPECT_EQ(matrix_.Lookup(RequestType::kComplaint, "01", Urgency::kNormal).reply, Span("3wd"));
  EXPECT_EQ(matrix_.Lookup(RequestType::kSuggestion, "", Urgency::kNormal),
            (LimitSet{Span("15wm"), Span("1wd"), Span("15wd")}));
}

TEST_F(TimeLimitMatrixTest, UrgencyOutweighsType) {
  // "complaint * *" and "* * emergency" both match; urgency is more specific.
  EXPECT_EQ(matrix_.Lookup(RequestType::kComplaint, "03.01", Urgency::kEmergency),
            (LimitSet{Span("5m"), Span("15m"), Span("1h")}));
  EXPECT_EQ(matrix_.Lookup(RequestType::kConsult, "", Urgency::kUrgent).reply, Span("1wd"));
}

TEST(TimeLimitLookupTest, MostSpecificRuleWins) {
  const LimitSet base{Span("15wm"), Span("30wm"), Span("5wd")};
  auto with_reply = [&](const char* reply) {
    LimitSet s = base;
    s.reply = Span(reply);
    return s;
  };
  const TimeLimitMatrix m({
      {std::nullopt, "", std::nullopt, with_reply("5wd")},
      {std::nullopt, "02", std::nullopt, with_reply("7wd")},
      {RequestType::kHelp, "", std::nullopt, with_reply("4wd")},
      {RequestType::kHelp, "02", std::nullopt, with_reply("2wd")},
      {std::nullopt, "", Urgency::kUrgent, with_reply("1wd")},
      {RequestType::kHelp, "02", Urgency::kUrgent, with_reply("4h")},
  });
  EXPECT_EQ(m.Lookup(RequestType::kReport, "01", Urgency::kNormal).reply, Span("5wd"));
  // The category of any level is matched by its first level.
  EXPECT_EQ(m.Lookup(RequestType::kReport, "02.05.01", Urgency::kNormal).reply, Span("7wd"));
  EXPECT_EQ(m.Lookup(RequestType::kReport, "020", Urgency::kNormal).reply, Span("5wd"));
  // Type (2) beats category (1).
  EXPECT_EQ(m.Lookup(RequestType::kHelp, "01", Urgency::kNormal).reply, Span("4wd"));
  EXPECT_EQ(m.Lookup(RequestType::kHelp, "02.01", Urgency::kNormal).reply, Span("2wd"));
  // Urgency (4) beats type and category together (3).
  EXPECT_EQ(m.Lookup(RequestType::kHelp, "01", Urgency::kUrgent).reply, Span("1wd"));
  EXPECT_EQ(m.Lookup(RequestType::kHelp, "02.01", Urgency::kUrgent).reply, Span("4h"));
}

TEST(TimeLimitLookupTest, HandBuiltMatrixWithoutCatchAllStillAnswers) {
  const TimeLimitMatrix m(
      {{RequestType::kHelp, "", std::nullopt, {Span("1h"), Span("2h"), Span("1wd")}}});
  EXPECT_EQ(m.Lookup(RequestType::kConsult, "", Urgency::kNormal),
            (LimitSet{Span("15wm"), Span("30wm"), Span("5wd")}));
}

TEST_F(TimeLimitMatrixTest, RoundTripsThroughTsv) {
  const std::string tsv = matrix_.ToTsv();
  EXPECT_EQ(tsv.substr(0, tsv.find('\n')), "type\tcategory\turgency\tsign_for\tcontact\treply");
  const auto again = TimeLimitMatrix::Parse(tsv);
  ASSERT_TRUE(again.ok()) << again.error().message;
  ASSERT_EQ(again->rules().size(), matrix_.rules().size());
  for (std::size_t i = 0; i < matrix_.rules().size(); ++i) {
    const auto& a = matrix_.rules()[i];
    const auto& b = again->rules()[i];
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.category_code, b.category_code);
    EXPECT_EQ(a.urgency, b.urgency);
    EXPECT_EQ(a.limits, b.limits);
  }
  EXPECT_EQ(again->ToTsv(), tsv);

  const TimeLimitMatrix with_category({
      {std::nullopt, "", std::nullopt, {Span("15wm"), Span("30wm"), Span("5wd")}},
      {RequestType::kReport, "07", Urgency::kEmergency, {Span("5m"), Span("10m"), Span("2h")}},
  });
  const auto parsed = TimeLimitMatrix::Parse(with_category.ToTsv());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->ToTsv(), with_category.ToTsv());
  EXPECT_EQ(parsed->rules()[1].category_code, "07");
}

TEST_F(TimeLimitMatrixTest, TheShippedFileStatesTheDefaultPolicy) {
  // The file spells out every setting, with the values DESIGN.md §4 gives.
  EXPECT_EQ(matrix_.policy(), ClockPolicy{});
  EXPECT_EQ(matrix_.ToTsv().find("policy\tcallback\t3wd") != std::string::npos, true);
}

TEST(TimeLimitPolicyTest, PolicyRowsSetTheClockSettingsAndRoundTrip) {
  const std::string tsv =
      "type\tcategory\turgency\tsign_for\tcontact\treply\n"
      "*\t*\t*\t15wm\t30wm\t5wd\n"
      "policy\tcallback\t2wd\n"
      "policy\tsupervision\t4wh\n"
      "policy\tdispute_window\t30d\n"
      "policy\tmax_extension\t10wd\n"
      "policy\twarn_at\t75%\n";
  const auto m = TimeLimitMatrix::Parse(tsv);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->policy().callback, Span("2wd"));
  EXPECT_EQ(m->policy().supervision, Span("4wh"));
  EXPECT_EQ(m->policy().reopen_reply, ClockPolicy{}.reopen_reply);  // not given: default
  EXPECT_EQ(m->policy().dispute_window_days, 30);
  EXPECT_EQ(m->policy().max_extension_working_days, 10);
  EXPECT_DOUBLE_EQ(m->policy().warn_fraction, 0.75);
  const auto again = TimeLimitMatrix::Parse(m->ToTsv());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->policy(), m->policy());
}

TEST(TimeLimitPolicyTest, BadPolicyRowsNameTheLineAndSetting) {
  const std::string head =
      "type\tcategory\turgency\tsign_for\tcontact\treply\n*\t*\t*\t15wm\t30wm\t5wd\n";
  struct Case {
    std::string row;
    const char* expected;
  };
  const Case cases[] = {
      {"policy\tcallback\tsoon\n", "policy callback: 'soon' is not a time limit"},
      {"policy\tdispute_window\t15wd\n", "natural days"},
      {"policy\tmax_extension\t2h\n", "working days"},
      {"policy\twarn_at\t0.8\n", "expected 1% to 99%"},
      {"policy\twarn_at\t100%\n", "expected 1% to 99%"},
      {"policy\tbedtime\t1h\n", "unknown setting 'bedtime'"},
      {"policy\tcallback\n", "3 columns"},
      {"policy\tcallback\t1wd\npolicy\tcallback\t2wd\n", "line 4: repeats the policy setting of line 3"},
  };
  for (const Case& c : cases) {
    const auto m = TimeLimitMatrix::Parse(head + c.row);
    ASSERT_FALSE(m.ok()) << c.row;
    EXPECT_NE(m.error().message.find(c.expected), std::string::npos) << m.error().message;
    EXPECT_NE(m.error().message.find("line "), std::string::npos) << m.error().message;
  }
}

TEST(TimeLimitParseTest, ErrorsNameLineAndColumn) {
  const std::string header = "type\tcategory\turgency\tsign_for\tcontact\treply\n";
  const std::string catch_all = "*\t*\t*\t15wm\t30wm\t5wd\n";
  struct Case {
    std::string text;
    const char* expected;
  };
  const Case cases[] = {
      {header + catch_all + "gripe\t*\t*\t15wm\t30wm\t5wd\n",
       "line 3, column 1 (type): unknown request type 'gripe'; expected * or one of consult"},
      {"# note\n" + header + catch_all + "*\t01.02\t*\t15wm\t30wm\t5wd\n",
       "line 4, column 2 (category)"},
      {header + catch_all + "*\t*\tsoon\t15wm\t30wm\t5wd\n", "line 3, column 3 (urgency)"},
      {header + catch_all + "*\t*\turgent\t15wm\t30wm\t5 days\n", "line 3, column 6 (reply)"},
      {header + catch_all + "*\t*\turgent\t0m\t30wm\t5wd\n", "line 3, column 4 (sign_for)"},
      {header + catch_all + "*\t*\turgent\t15wm\t30wm\n", "line 3: expected 6 tab-separated"},
      {header + catch_all + "*\t*\t*\t5wm\t30wm\t5wd\n", "line 3: repeats"},
      {"type\tcategory\turgency\tsign_for\tcontact\tanswer\n" + catch_all,
       "line 1, column 6 (reply): header expected 'reply'"},
      {header + "help\t*\t*\t15wm\t30wm\t5wd\n", "no catch-all row"},
      {"# only comments\n\n", "no header"},
  };
  for (const auto& c : cases) {
    const auto r = TimeLimitMatrix::Parse(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.error().message.find(c.expected), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(TimeLimitParseTest, ToleratesCrLfAndTrailingComments) {
  const auto r = TimeLimitMatrix::Parse(
      "type\tcategory\turgency\tsign_for\tcontact\treply\r\n"
      "*\t*\t*\t15wm\t30wm\t5wd  # the default\r\n\r\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rules().size(), 1u);
}

TEST(TimeLimitAddSpanTest, NaturalAndWorkingUnits) {
  const WorkingCalendar cal = Calendar2026();
  const Timestamp from = At("2026-09-30T17:20:00+08:00");  // the eve of National Day
  EXPECT_EQ(Local(AddSpan(cal, from, Span("15m"))), "2026-09-30T17:35:00+08:00");
  EXPECT_EQ(Local(AddSpan(cal, from, Span("1h"))), "2026-09-30T18:20:00+08:00");
  EXPECT_EQ(Local(AddSpan(cal, from, Span("2d"))), "2026-10-02T17:20:00+08:00");
  EXPECT_EQ(Local(AddSpan(cal, from, Span("15wm"))), "2026-10-08T09:05:00+08:00");
  EXPECT_EQ(Local(AddSpan(cal, from, Span("1wh"))), "2026-10-08T09:50:00+08:00");
  EXPECT_EQ(Local(AddSpan(cal, from, Span("5wd"))), "2026-10-13T23:59:59+08:00");
}

TEST(TimeLimitWarnAtTest, FractionOfTheClockRoundedToSeconds) {
  const Timestamp from = At("2026-03-10T09:00:00+08:00");
  const Timestamp due = At("2026-03-10T09:10:00+08:00");
  EXPECT_EQ(Local(WarnAt(from, due, 0.8)), "2026-03-10T09:08:00+08:00");
  EXPECT_EQ(WarnAt(from, from + std::chrono::seconds{3}, 0.5), from + std::chrono::seconds{2});
  EXPECT_EQ(WarnAt(from, due, 0.0), from);
  EXPECT_EQ(WarnAt(from, due, 1.0), due);
  EXPECT_EQ(WarnAt(from, due, 1.5), due);    // clamped
  EXPECT_EQ(WarnAt(from, due, -0.5), from);  // clamped
}

}  // namespace
}  // namespace lizheng
