#include "lizheng/insight/replied_messages.hpp"

#include <gtest/gtest.h>

namespace lizheng::insight {
namespace {

constexpr const char* kHeader = "留言编号\t留言用户\t留言主题\t留言时间\t留言详情\t答复意见\t答复时间\n";

TEST(RepliedMessagesTest, ParsesRowsTimesAndEscapes) {
  const std::string tsv = std::string(kHeader) +
                          "7\tU1\t路灯不亮\t2019/4/25 9:32:09\t第一行\\n第二行\t已修复\t2019/4/27 21:32:09\n"
                          "\n"
                          "8\tU2\t\t2018/4/20\t只有详情\t您好\t43213.5\n";
  Result<std::vector<RepliedMessage>> rows = ParseRepliedMessagesTsv(tsv, "t.tsv");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  const RepliedMessage& a = (*rows)[0];
  EXPECT_EQ(a.id, "7");
  EXPECT_EQ(a.title, "路灯不亮");
  EXPECT_EQ(a.detail, "第一行\n第二行");
  EXPECT_EQ(a.reply, "已修复");
  EXPECT_EQ(a.line, 2u);
  EXPECT_DOUBLE_EQ(a.ElapsedDays(), 2.5);
  // 43213.5 is 2018-04-23 12:00, the row's message was at midnight of 04-20.
  EXPECT_DOUBLE_EQ((*rows)[1].ElapsedDays(), 3.5);
  EXPECT_EQ((*rows)[1].line, 4u);
}

TEST(RepliedMessagesTest, ReadsEveryTimeFormatOfTheDataSet) {
  EXPECT_TRUE(ParseDataSetTime("2019/12/31 23:59:59", "t").ok());
  EXPECT_TRUE(ParseDataSetTime("2019/1/2 3:04", "t").ok());
  EXPECT_TRUE(ParseDataSetTime("2018/4/24", "t").ok());
  EXPECT_TRUE(ParseDataSetTime("43563.359259259261", "t").ok());
  for (const char* bad : {"", "2019-04-25 09:32:09", "2019/2/30 1:00:00", "2019/4/25 25:00:00",
                          "yesterday", "2019/4/25 9:32:09 extra", "-5"}) {
    Result<Timestamp> t = ParseDataSetTime(bad, "留言时间");
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_NE(t.error().message.find("留言时间: unreadable time"), std::string::npos);
  }
}

TEST(RepliedMessagesTest, ErrorsNameLineColumnAndRule) {
  const auto error = [](const std::string& tsv) {
    Result<std::vector<RepliedMessage>> rows = ParseRepliedMessagesTsv(tsv, "r.tsv");
    EXPECT_FALSE(rows.ok());
    return rows.ok() ? std::string() : rows.error().message;
  };
  EXPECT_EQ(error(""), "r.tsv:1:1: empty file; expected a header row");
  EXPECT_NE(error("留言编号\t留言主题\n").find("r.tsv:1:1: missing column 留言详情"),
            std::string::npos);
  const std::string h = kHeader;
  EXPECT_NE(error(h + "1\tU\t题\n").find("r.tsv:2:"), std::string::npos);
  EXPECT_NE(error(h + "1\tU\t题\t2019/4/25 9:00:00\t详\t\t2019/4/26 9:00:00\n")
                .find("r.tsv:2:31: empty 答复意见"),
            std::string::npos);
  EXPECT_NE(error(h + "1\tU\t题\t2019/4/25 9:00:00\t详\t答\tsoon\n").find("unreadable time 'soon'"),
            std::string::npos);
  EXPECT_NE(error(h + "1\tU\t题\t2019/4/25 9:00:00\t详\t答\t2019/4/24 9:00:00\n")
                .find("答复时间 '2019/4/24 9:00:00' is before 留言时间"),
            std::string::npos);
  EXPECT_NE(error(h + "1\tU\t\t2019/4/25 9:00:00\t\t答\t2019/4/26 9:00:00\n")
                .find("empty 留言主题 and 留言详情"),
            std::string::npos);
  EXPECT_NE(error(h + "1\tU\t\xff\t2019/4/25 9:00:00\t详\t答\t2019/4/26 9:00:00\n")
                .find("r.tsv:2:5: invalid UTF-8"),
            std::string::npos);
}

TEST(RepliedMessagesTest, AMissingFileIsNotFound) {
  Result<std::vector<RepliedMessage>> rows = ReadRepliedMessagesTsv("/nonexistent/replies.tsv");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace lizheng::insight
