// `lizheng hotspots` end to end on a small hand-written file, against golden
// expected tables in tests/data (after a deliberate change, regenerate them
// with LIZHENG_UPDATE_GOLDEN=1 and review the diff).
#include "lizheng/insight/hotspots/hotspots_command.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.hpp"

namespace lizheng::insight::hotspots {
namespace {

namespace fs = std::filesystem;
using testing_support::DataPath;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class HotspotsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lz_hotspots_cmd_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    return RunHotspotsCommand(args, out_, err_);
  }

  fs::path dir_;
  std::ostringstream out_, err_;
};

TEST_F(HotspotsCommandTest, GoldenTables) {
  const fs::path out = dir_ / "out";
  ASSERT_EQ(Run({"--data", DataPath("small_hot.tsv"), "--out", out.string(), "--top", "3",
                 "--dictionary", DataPath("small_dict.txt")}),
            0)
      << err_.str();
  for (const std::string name : {"热点问题表", "热点问题留言明细表"}) {
    const std::string actual = Slurp(out / (name + ".tsv"));
    const std::string golden = DataPath("expected_" + name + ".tsv");
    if (std::getenv("LIZHENG_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(golden, std::ios::binary) << actual;
    }
    EXPECT_EQ(actual, Slurp(golden)) << name;
    EXPECT_TRUE(fs::exists(out / (name + ".xlsx"))) << name;
  }
  EXPECT_NE(out_.str().find("\"messages\":12"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("\"listed\":3"), std::string::npos) << out_.str();
}

TEST_F(HotspotsCommandTest, BadRowWritesNothing) {
  std::string content = Slurp(DataPath("small_hot.tsv"));
  content += "1013\tU12\t标题\t2019/12/32 8:00:00\t详情\t0\t0\n";
  const fs::path data = dir_ / "bad.tsv";
  std::ofstream(data, std::ios::binary) << content;
  const fs::path out = dir_ / "out";
  EXPECT_EQ(Run({"--data", data.string(), "--out", out.string(), "--dictionary",
                 DataPath("small_dict.txt")}),
            1);
  EXPECT_NE(err_.str().find("bad.tsv:14: 留言时间: cannot read '2019/12/32 8:00:00'"),
            std::string::npos)
      << err_.str();
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(HotspotsCommandTest, FlagErrorsNameTheFlag) {
  EXPECT_EQ(Run({"--out", "x"}), 2);
  EXPECT_NE(err_.str().find("--data: required"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"--data", "x"}), 2);
  EXPECT_NE(err_.str().find("--out: required"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"--data", "x", "--out", "y", "--top", "0"}), 2);
  EXPECT_NE(err_.str().find("--top: expected a whole number from 1 to 1000, got '0'"),
            std::string::npos)
      << err_.str();
  EXPECT_EQ(Run({"--data", "x", "--out", "y", "--format", "pdf"}), 2);
  EXPECT_NE(err_.str().find("--format: expected tsv, xlsx or both"), std::string::npos);
  EXPECT_EQ(Run({"--data", "x", "--out", "y", "--idle-days"}), 2);
  EXPECT_NE(err_.str().find("--idle-days: missing value"), std::string::npos);
  EXPECT_EQ(Run({"--colour"}), 2);
  EXPECT_NE(err_.str().find("unknown flag '--colour'"), std::string::npos);
  EXPECT_EQ(Run({"--help"}), 0);
  EXPECT_NE(out_.str().find("usage: lizheng hotspots"), std::string::npos);
}

TEST_F(HotspotsCommandTest, MissingFileFails) {
  EXPECT_EQ(Run({"--data", (dir_ / "none.tsv").string(), "--out", (dir_ / "o").string()}), 1);
  EXPECT_NE(err_.str().find("cannot open the data file"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "o"));
}

TEST_F(HotspotsCommandTest, TsvOnly) {
  const fs::path out = dir_ / "out";
  ASSERT_EQ(Run({"--data", DataPath("small_hot.tsv"), "--out", out.string(), "--format", "tsv",
                 "--dictionary", DataPath("small_dict.txt")}),
            0)
      << err_.str();
  EXPECT_TRUE(fs::exists(out / "热点问题表.tsv"));
  EXPECT_FALSE(fs::exists(out / "热点问题表.xlsx"));
  for (const auto& entry : fs::directory_iterator(out)) {
    EXPECT_NE(entry.path().extension(), ".tmp") << entry.path();
  }
}

}  // namespace
}  // namespace lizheng::insight::hotspots
