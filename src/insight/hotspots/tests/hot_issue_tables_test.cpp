#include "lizheng/insight/hotspots/hot_issue_tables.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace lizheng::insight::hotspots {
namespace {

HotMessage Message(std::string id, std::string title, std::string details, std::string time) {
  HotMessage m;
  m.id = std::move(id);
  m.user = "A" + m.id;
  m.title = std::move(title);
  m.details = std::move(details);
  m.time = *ParseMessageTime(time, "留言时间");
  m.support_votes = 2;
  m.against_votes = 1;
  return m;
}

IssueSummary Issue(std::vector<std::string> members, double hotness) {
  IssueSummary s;
  s.hotness = hotness;
  s.first = *ParseMessageTime("2019/7/1 8:00:00", "t");
  s.last = *ParseMessageTime("2019/9/25 20:00:00", "t");
  s.place_or_people = "A5区 魅力之城小区 居民";
  s.description = "夜宵、油烟、扰民";
  s.member_ids = std::move(members);
  return s;
}

TEST(HotIssueTablesTest, RowsByRankAndMembersByTime) {
  const std::vector<HotMessage> messages = {
      Message("2", "第二", "b", "2019/9/1 10:00:00"), Message("1", "第一", "a", "2019/8/1 10:00:00"),
      Message("3", "另一", "c", "2019/7/1 10:00:00")};
  const std::vector<IssueSummary> top = {Issue({"2", "1"}, 85.356), Issue({"3"}, 12)};
  Result<HotIssueTables> t = BuildHotIssueTables(top, messages);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(HotIssueTableTsv(*t),
            "热度排名\t问题ID\t热度指数\t时间范围\t地点/人群\t问题描述\n"
            "1\t1\t85.36\t2019/07/01 至 2019/09/25\tA5区 魅力之城小区 居民\t夜宵、油烟、扰民\n"
            "2\t2\t12.00\t2019/07/01 至 2019/09/25\tA5区 魅力之城小区 居民\t夜宵、油烟、扰民\n");
  EXPECT_EQ(HotIssueDetailTableTsv(*t),
            "问题ID\t留言编号\t留言用户\t留言主题\t留言时间\t留言详情\t点赞数\t反对数\n"
            "1\t1\tA1\t第一\t2019/08/01 10:00:00\ta\t2\t1\n"
            "1\t2\tA2\t第二\t2019/09/01 10:00:00\tb\t2\t1\n"
            "2\t3\tA3\t另一\t2019/07/01 10:00:00\tc\t2\t1\n");
}

TEST(HotIssueTablesTest, CellsAreEscapedToStayOnOneLine) {
  const std::vector<HotMessage> messages = {
      Message("1", "标题\t带制表符", "第一行\n第二行\r\n第三行\r第四行\\n字面", "2019/8/1")};
  Result<HotIssueTables> t = BuildHotIssueTables(std::vector{Issue({"1"}, 1)}, messages);
  ASSERT_TRUE(t.ok());
  const std::string tsv = HotIssueDetailTableTsv(*t);
  EXPECT_NE(tsv.find("\t标题 带制表符\t"), std::string::npos) << tsv;
  // Line breaks become the two characters \n; a backslash is kept.
  EXPECT_NE(tsv.find("\t第一行\\n第二行\\n第三行\\n第四行\\n字面\t"), std::string::npos) << tsv;
  EXPECT_EQ(std::count(tsv.begin(), tsv.end(), '\n'), 2);
}

TEST(HotIssueTablesTest, UnknownMemberIsAnError) {
  Result<HotIssueTables> t = BuildHotIssueTables(std::vector{Issue({"9"}, 1)}, {});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code, ErrorCode::kNotFound);
  EXPECT_NE(t.error().message.find("'9'"), std::string::npos);
}

TEST(HotIssueTablesTest, WorkbooksAreWritten) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("lz_hot_xlsx_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::vector<HotMessage> messages = {Message("1", "标题", "详情", "2019/8/1 10:00:00")};
  Result<HotIssueTables> t = BuildHotIssueTables(std::vector{Issue({"1"}, 1)}, messages);
  ASSERT_TRUE(t.ok());
  const std::string a = (dir / "a.xlsx").string();
  const std::string b = (dir / "b.xlsx").string();
  ASSERT_TRUE(WriteHotIssueTableXlsx(*t, a).ok());
  ASSERT_TRUE(WriteHotIssueDetailTableXlsx(*t, b).ok());
  for (const std::string& path : {a, b}) {
    std::ifstream in(path, std::ios::binary);
    char magic[2] = {};
    in.read(magic, 2);
    EXPECT_EQ(std::string(magic, 2), "PK") << path;  // a zip container, as .xlsx is
  }
  const Status bad = WriteHotIssueTableXlsx(*t, (dir / "no/such/dir/x.xlsx").string());
  EXPECT_FALSE(bad.ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lizheng::insight::hotspots
