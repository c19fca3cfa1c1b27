#include "lizheng/insight/labelled_messages.hpp"

#include <gtest/gtest.h>

namespace lizheng::insight {
namespace {

constexpr std::string_view kHeader = "留言编号\t留言主题\t留言详情\t一级标签\n";

TEST(LabelledMessagesTest, ReadsColumnsByHeaderName) {
  const std::string tsv = std::string(kHeader) +
                          "1\t路灯不亮\t小区门口路灯坏了\\n请修理\t城乡建设\r\n"
                          "\n"
                          "2\t\t学校收费不合理\t教育文体\n";
  Result<std::vector<LabelledMessage>> rows = ParseLabelledMessagesTsv(tsv, "m.tsv");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].title, "路灯不亮");
  EXPECT_EQ((*rows)[0].detail, "小区门口路灯坏了\n请修理");  // the literal \n is a line break
  EXPECT_EQ((*rows)[0].label, "城乡建设");
  EXPECT_EQ((*rows)[0].line, 2u);
  EXPECT_EQ((*rows)[1].title, "");
  EXPECT_EQ((*rows)[1].line, 4u);
}

TEST(LabelledMessagesTest, ColumnOrderDoesNotMatter) {
  Result<std::vector<LabelledMessage>> rows =
      ParseLabelledMessagesTsv("一级标签\t留言详情\t留言主题\n卫生计生\t医院排队\t看病难\n", "m.tsv");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].label, "卫生计生");
  EXPECT_EQ((*rows)[0].title, "看病难");
}

TEST(LabelledMessagesTest, MissingHeaderColumnIsNamed) {
  Result<std::vector<LabelledMessage>> rows =
      ParseLabelledMessagesTsv("留言主题\t留言详情\n标题\t详情\n", "m.tsv");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(rows.error().field, "一级标签");
  EXPECT_NE(rows.error().message.find("m.tsv:1:1: missing column 一级标签"), std::string::npos)
      << rows.error().message;
}

TEST(LabelledMessagesTest, ShortRowNamesLineAndColumn) {
  const std::string tsv = std::string(kHeader) + "1\t标题\t详情\t城乡建设\n2\t标题\t详情\n";
  Result<std::vector<LabelledMessage>> rows = ParseLabelledMessagesTsv(tsv, "m.tsv");
  ASSERT_FALSE(rows.ok());
  // Line 3 is 15 bytes long; the missing cell would start at column 16.
  EXPECT_NE(rows.error().message.find("m.tsv:3:16: expected at least 4"), std::string::npos)
      << rows.error().message;
}

TEST(LabelledMessagesTest, EmptyLabelNamesItsColumn) {
  const std::string tsv = std::string(kHeader) + "1\tab\tcd\t\n";
  Result<std::vector<LabelledMessage>> rows = ParseLabelledMessagesTsv(tsv, "m.tsv");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().message.find("m.tsv:2:9: empty 一级标签"), std::string::npos)
      << rows.error().message;
}

TEST(LabelledMessagesTest, InvalidUtf8NamesTheByte) {
  const std::string tsv = std::string(kHeader) + "1\tab\xFF\tcd\t城乡建设\n";
  Result<std::vector<LabelledMessage>> rows = ParseLabelledMessagesTsv(tsv, "m.tsv");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().message.find("m.tsv:2:5: invalid UTF-8"), std::string::npos)
      << rows.error().message;
}

TEST(LabelledMessagesTest, EmptyInputAndMissingFile) {
  EXPECT_FALSE(ParseLabelledMessagesTsv("", "e.tsv").ok());
  Result<std::vector<LabelledMessage>> missing = ReadLabelledMessagesTsv("/nonexistent/m.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace lizheng::insight
