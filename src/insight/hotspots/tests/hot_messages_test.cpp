#include "lizheng/insight/hotspots/hot_messages.hpp"

#include <gtest/gtest.h>

namespace lizheng::insight::hotspots {
namespace {

constexpr std::string_view kHeader = "留言编号\t留言用户\t留言主题\t留言时间\t留言详情\t反对数\t点赞数\n";

TEST(MessageTimeTest, TextInLocalTime) {
  Result<Timestamp> t = ParseMessageTime("2019/2/28 11:25:05", "留言时间");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(FormatMessageTime(*t), "2019/02/28 11:25:05");
  EXPECT_EQ(*t, std::chrono::sys_days(std::chrono::year(2019) / 2 / 28) + std::chrono::hours(3) +
                    std::chrono::minutes(25) + std::chrono::seconds(5));  // UTC = local - 8 h
  EXPECT_TRUE(ParseMessageTime("2019/04/28 17:32", "留言时间").ok());
  EXPECT_TRUE(ParseMessageTime("2019-04-28", "留言时间").ok());
}

TEST(MessageTimeTest, ExcelDaySerials) {
  Result<Timestamp> t = ParseMessageTime("42894.73", "留言时间");
  ASSERT_TRUE(t.ok()) << t.error().message;
  // 0.73 of a day is 17:31:12.
  EXPECT_EQ(FormatMessageTime(*t), "2017/06/08 17:31:12");
  EXPECT_EQ(FormatMessageTime(*ParseMessageTime("43678", "留言时间")), "2019/08/01 00:00:00");
  EXPECT_NEAR(ExcelSerial(*t), 42894.73, 1e-6);
}

TEST(MessageTimeTest, ErrorsNameTheFieldAndTheForms) {
  for (const std::string_view bad :
       {"", "2019/2/30 10:00:00", "2019/13/1", "2019/1/1 25:00", "yesterday", "0.5", "1.2.3",
        "2019/1/1 10:00:00 extra"}) {
    Result<Timestamp> t = ParseMessageTime(bad, "留言时间");
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.error().field, "留言时间");
    EXPECT_NE(t.error().message.find("YYYY/M/D H:MM:SS"), std::string::npos);
  }
}

TEST(HotMessagesTsvTest, ReadsRowsInAnyColumnOrder) {
  const std::string content =
      "\xEF\xBB\xBF点赞数\t留言编号\t留言用户\t留言主题\t留言时间\t留言详情\t反对数\r\n"
      "3\t101\tA001\t标题\t2019/1/2 3:04:05\t第一行\\n第二行\t1\r\n"
      "\n"
      "\t102\tA002\t\t43678.5\t只有详情\t\n";
  Result<std::vector<HotMessage>> rows = ParseHotMessagesTsv(content, "t.tsv");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  const HotMessage& a = (*rows)[0];
  EXPECT_EQ(a.id, "101");
  EXPECT_EQ(a.user, "A001");
  EXPECT_EQ(a.details, "第一行\n第二行");
  EXPECT_EQ(a.support_votes, 3u);
  EXPECT_EQ(a.against_votes, 1u);
  EXPECT_EQ(a.line, 2u);
  const HotMessage& b = (*rows)[1];
  EXPECT_EQ(b.line, 4u);
  EXPECT_EQ(b.support_votes, 0u);  // an empty count is no votes
  EXPECT_EQ(FormatMessageTime(b.time), "2019/08/01 12:00:00");
  const HotspotRequest r = ToHotspotRequest(a);
  EXPECT_EQ(r.citizen, "A001");
  EXPECT_EQ(r.support_votes, 3u);
}

struct BadCase {
  std::string row;
  std::string field;
  std::string message_part;
};

TEST(HotMessagesTsvTest, BadRowsNameLineColumnAndRule) {
  const std::vector<BadCase> cases = {
      {"1\tu\tt\tsoon\td\t0\t0", "留言时间", "t.tsv:3: 留言时间: cannot read 'soon'"},
      {"1\tu\tt\t2019/1/1\td\t-1\t0", "反对数", "t.tsv:3: 反对数: '-1' is not a whole number"},
      {"1\tu\tt\t2019/1/1\td\t0\tmany", "点赞数", "t.tsv:3: 点赞数: 'many'"},
      {"\tu\tt\t2019/1/1\td\t0\t0", "留言编号", "t.tsv:3: 留言编号: empty"},
      {"1\tu\t\t2019/1/1\t\t0\t0", "留言详情", "both empty"},
      {"1\tu\tt", "", "t.tsv:3: expected at least 7 tab-separated cells, found 3"},
      {"0\tu\tt\t2019/1/1\td\t0\t0", "留言编号", "'0' repeats the message on line 2"},
      {"1\tu\t\xFF\t2019/1/1\td\t0\t0", "", "t.tsv:3: invalid UTF-8"},
  };
  for (const BadCase& c : cases) {
    const std::string content =
        std::string(kHeader) + "0\tu\tt\t2019/1/1 1:00:00\td\t0\t0\n" + c.row + "\n";
    Result<std::vector<HotMessage>> rows = ParseHotMessagesTsv(content, "t.tsv");
    ASSERT_FALSE(rows.ok()) << c.row;
    EXPECT_EQ(rows.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(rows.error().field, c.field) << rows.error().message;
    EXPECT_NE(rows.error().message.find(c.message_part), std::string::npos)
        << rows.error().message;
  }
}

TEST(HotMessagesTsvTest, HeaderAndFileErrors) {
  Result<std::vector<HotMessage>> empty = ParseHotMessagesTsv("", "t.tsv");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("empty file"), std::string::npos);
  Result<std::vector<HotMessage>> missing =
      ParseHotMessagesTsv("留言编号\t留言用户\t留言主题\t留言时间\t留言详情\t点赞数\n", "t.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "反对数");
  EXPECT_NE(missing.error().message.find("t.tsv:1: 反对数: missing from the header row"),
            std::string::npos)
      << missing.error().message;
  Result<std::vector<HotMessage>> absent = ReadHotMessagesTsv("/nonexistent/hot.tsv");
  ASSERT_FALSE(absent.ok());
  EXPECT_EQ(absent.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace lizheng::insight::hotspots
