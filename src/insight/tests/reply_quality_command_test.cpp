#include "lizheng/insight/reply_quality_command.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace lizheng::insight {
namespace {

class ReplyQualityCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    // A fresh directory per test: ctest runs tests as parallel processes.
    std::string pattern =
        (std::filesystem::temp_directory_path() / "lz_reply_quality_test_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    data_ = (dir_ / "replies.tsv").string();
    out_file_ = (dir_ / "scores.tsv").string();
    std::ofstream out(data_);
    out << "留言编号\t留言用户\t留言主题\t留言时间\t留言详情\t答复意见\t答复时间\n"
        << "101\tU1\t路灯不亮\t2019/4/1 9:00:00\t小区路灯坏了一个月，请尽快维修。\t"
        << "您好！感谢您的来信。经现场核实，小区路灯线路老化，我局已安排维修，路灯已恢复照明。"
        << "如有疑问请拨打联系电话0731-88888888。\t2019/4/3 9:00:00\n"
        << "102\tU2\t噪音扰民\t2019/4/1 9:00:00\t工地夜间施工噪音很大。\t已收悉\t2019/5/30 9:00:00\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    // No dictionary or IDF table: the fallbacks keep the test hermetic.
    args.insert(args.end(), {"--dictionary", (dir_ / "absent-dict.txt").string(), "--idf",
                             (dir_ / "absent-idf.txt").string()});
    return RunReplyQualityCommand(args, out_, err_);
  }

  std::filesystem::path dir_;
  std::string data_;
  std::string out_file_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(ReplyQualityCommandTest, WritesOneRowPerReplyAndASummary) {
  ASSERT_EQ(Run({"--data", data_, "--out", out_file_}), 0) << err_.str();
  const nlohmann::json j = nlohmann::json::parse(out_.str());
  EXPECT_EQ(j["count"], 2);
  EXPECT_EQ(j["limit_days"], 15);
  EXPECT_EQ(j["verdicts"]["poor"], 1);
  EXPECT_EQ(j["problems"]["tone.empty_template"], 1);
  EXPECT_EQ(j["problems"]["timeliness.overdue"], 1);
  for (const char* d : {"relevance", "completeness", "interpretability", "timeliness", "tone"}) {
    ASSERT_TRUE(j["dimensions"].contains(d)) << d;
    EXPECT_EQ(j["dimensions"][d]["assessed"], 2) << d;
    EXPECT_EQ(j["dimensions"][d]["histogram"].size(), 10u) << d;
  }
  EXPECT_EQ(j["overall"]["histogram"]["0-9"].get<int>() + j["overall"]["histogram"]["10-19"].get<int>() +
                j["overall"]["histogram"]["20-29"].get<int>() +
                j["overall"]["histogram"]["30-39"].get<int>(),
            1);

  std::ifstream in(out_file_);
  std::string header, first, second, extra;
  ASSERT_TRUE(std::getline(in, header));
  EXPECT_EQ(header.rfind("留言编号\toverall\tverdict\trelevance\tcompleteness\t", 0), 0u) << header;
  ASSERT_TRUE(std::getline(in, first));
  ASSERT_TRUE(std::getline(in, second));
  EXPECT_FALSE(std::getline(in, extra));
  EXPECT_EQ(first.rfind("101\t", 0), 0u);
  EXPECT_EQ(second.rfind("102\t", 0), 0u);
  EXPECT_NE(second.find("\tpoor\t"), std::string::npos);
  EXPECT_NE(second.find("超时44.0天（用时59.0天，时限15天）"), std::string::npos);
  EXPECT_NE(second.find("Template reply: only 「已收悉」"), std::string::npos);
}

TEST_F(ReplyQualityCommandTest, TheLimitIsAFlag) {
  ASSERT_EQ(Run({"--data", data_, "--out", out_file_, "--limit-days", "60"}), 0) << err_.str();
  const nlohmann::json j = nlohmann::json::parse(out_.str());
  EXPECT_EQ(j["limit_days"], 60);
  EXPECT_FALSE(j["problems"].contains("timeliness.overdue"));
}

TEST_F(ReplyQualityCommandTest, UsageErrorsNameTheFlagAndRule) {
  EXPECT_EQ(RunReplyQualityCommand({}, out_, err_), 2);
  EXPECT_NE(err_.str().find("--data and --out are required"), std::string::npos);
  EXPECT_EQ(Run({"--data", data_}), 2);
  EXPECT_EQ(Run({"--data", data_, "--out", out_file_, "--limit-days", "0"}), 2);
  EXPECT_NE(err_.str().find("--limit-days: expected a whole number of days from 1 to 365, got '0'"),
            std::string::npos);
  EXPECT_EQ(Run({"--data", data_, "--out", out_file_, "--limit-days"}), 2);
  EXPECT_NE(err_.str().find("--limit-days: missing value"), std::string::npos);
  EXPECT_EQ(Run({"--data", data_, "--out", out_file_, "--fast"}), 2);
  EXPECT_NE(err_.str().find("unknown flag '--fast'"), std::string::npos);
  const std::vector<std::string> help = {"--help"};
  EXPECT_EQ(RunReplyQualityCommand(help, out_, err_), 0);
  EXPECT_NE(out_.str().find("usage: reply-quality"), std::string::npos);
}

TEST_F(ReplyQualityCommandTest, DataErrorsNameTheFileAndLine) {
  EXPECT_EQ(Run({"--data", (dir_ / "absent.tsv").string(), "--out", out_file_}), 1);
  EXPECT_NE(err_.str().find("absent.tsv: cannot open"), std::string::npos);
  {
    std::ofstream out(data_, std::ios::app);
    out << "103\tU3\t题\t2019/4/1 9:00:00\t详情\t答复\t2019/3/1 9:00:00\n";
  }
  EXPECT_EQ(Run({"--data", data_, "--out", out_file_}), 1);
  EXPECT_NE(err_.str().find("replies.tsv:4:"), std::string::npos) << err_.str();
  EXPECT_NE(err_.str().find("is before 留言时间"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"--data", data_, "--out", (dir_ / "no-dir" / "x.tsv").string()}), 1);
}

}  // namespace
}  // namespace lizheng::insight
