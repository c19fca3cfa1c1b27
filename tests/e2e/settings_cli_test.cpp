// The jurisdiction's time limits, clock policy and working calendar are
// data an administrator edits: `lizheng limits` and `lizheng calendar`
// export them as TSV and import an edited file, refusing a bad file whole.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_server.hpp"

namespace lizheng::e2e {
namespace {

namespace fs = std::filesystem;

class SettingsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/lz-settings-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    db_ = dir_ + "/db";
    std::string out;
    ASSERT_EQ(Cli({"setup", "--db", db_, "--code", "jc", "--name", "江川市"}, &out), 0) << out;
  }
  void TearDown() override { fs::remove_all(dir_); }

  static int Cli(const std::vector<std::string>& args, std::string* out) {
    out->clear();
    return TestServer::RunCli(args, out);
  }
  std::string Write(const std::string& name, const std::string& text) const {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
  std::string Export(const std::vector<std::string>& what) const {
    std::vector<std::string> args = what;
    args.insert(args.end(), {"--db", db_});
    std::string out;
    EXPECT_EQ(Cli(args, &out), 0) << out;
    return out;
  }

  std::string dir_;
  std::string db_;
};

TEST_F(SettingsCliTest, EditedLimitsAndPolicyAreImportedAndExportedBack) {
  std::string limits = Export({"limits", "export"});
  ASSERT_NE(limits.find("policy\tcallback\t3wd"), std::string::npos) << limits;
  ASSERT_NE(limits.find("complaint\t*\t*\t15wm\t30wm\t3wd"), std::string::npos) << limits;
  auto edit = [&limits](const std::string& from, const std::string& to) {
    limits.replace(limits.find(from), from.size(), to);
  };
  edit("policy\tcallback\t3wd", "policy\tcallback\t2wd");
  edit("complaint\t*\t*\t15wm\t30wm\t3wd", "complaint\t*\t*\t15wm\t30wm\t2wd");
  std::string out;
  ASSERT_EQ(Cli({"limits", "import", "--db", db_, "--file", Write("limits.tsv", limits)}, &out), 0)
      << out;
  const std::string again = Export({"limits", "export"});
  EXPECT_NE(again.find("policy\tcallback\t2wd"), std::string::npos) << again;
  EXPECT_NE(again.find("complaint\t*\t*\t15wm\t30wm\t2wd"), std::string::npos) << again;
}

TEST_F(SettingsCliTest, ABadLimitsFileIsRefusedWholeAndNamesTheLine) {
  const std::string before = Export({"limits", "export"});
  const std::string bad =
      "type\tcategory\turgency\tsign_for\tcontact\treply\n"
      "*\t*\t*\t15wm\t30wm\t1wd\n"  // valid, and would change the catch-all
      "policy\tdispute_window\t15wd\n";
  std::string out;
  EXPECT_EQ(Cli({"limits", "import", "--db", db_, "--file", Write("bad.tsv", bad)}, &out), 2);
  EXPECT_NE(out.find("line 3"), std::string::npos) << out;
  EXPECT_NE(out.find("natural days"), std::string::npos) << out;
  EXPECT_EQ(Export({"limits", "export"}), before);
  EXPECT_EQ(Cli({"limits", "import", "--db", db_}, &out), 2);
  EXPECT_NE(out.find("--file"), std::string::npos) << out;
}

TEST_F(SettingsCliTest, ACalendarYearIsReplacedFromItsFile) {
  const std::string official = Export({"calendar", "export", "--year", "2026"});
  EXPECT_NE(official.find("2026-02-14\tworkday"), std::string::npos) << official;  // 调休
  // A local extra holiday for 2027, a year with no bundled calendar.
  const std::string year_2027 = "2027-01-01\tholiday\t元旦\n2027-03-08\tholiday\t本地节日\n";
  std::string out;
  ASSERT_EQ(Cli({"calendar", "import", "--db", db_, "--year", "2027", "--file",
                 Write("2027.tsv", year_2027)},
                &out),
            0)
      << out;
  const std::string exported = Export({"calendar", "export", "--year", "2027"});
  EXPECT_NE(exported.find("2027-03-08\tholiday\t本地节日"), std::string::npos) << exported;
  // A day of another year in the file is refused, naming the line.
  EXPECT_EQ(Cli({"calendar", "import", "--db", db_, "--year", "2028", "--file",
                 Write("wrong.tsv", year_2027)},
                &out),
            2);
  EXPECT_NE(out.find("line 1"), std::string::npos) << out;
  // An empty file would mark 2028 as covered and silence the warning.
  EXPECT_EQ(Cli({"calendar", "import", "--db", db_, "--year", "2028", "--file",
                 Write("empty.tsv", "# to be filled in\n")},
                &out),
            2);
  EXPECT_NE(out.find("no public holiday listed"), std::string::npos) << out;
  EXPECT_EQ(Export({"calendar", "export", "--year", "2026"}), official);
}

TEST_F(SettingsCliTest, ADistrictMapIsCheckedAgainstTheAreasBeforeItIsStored) {
  std::string out;
  // An empty jurisdiction from setup has no areas, so no map.
  EXPECT_NE(Cli({"map", "export", "--db", db_}, &out), 0);
  EXPECT_NE(out.find("no district map"), std::string::npos) << out;
  const std::string map =
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"dh"},)"
      R"("geometry":{"type":"Polygon","coordinates":[[[1,1],[2,1],[2,2],[1,1]]]}}]})";
  EXPECT_EQ(Cli({"map", "import", "--db", db_, "--file", Write("map.geojson", map)}, &out), 2);
  EXPECT_NE(out.find("feature 1 (dh): no area of the jurisdiction has this code"), std::string::npos)
      << out;
  EXPECT_NE(Cli({"map", "export", "--db", db_}, &out), 0) << "nothing was stored";
}

// `lizheng classify` is the insight module's command, reached through the
// binary; its behaviour is tested in src/insight, its wiring here.
TEST(ClassifyCliTest, TheBinaryRunsTheClassifyCommand) {
  std::string out;
  EXPECT_EQ(TestServer::RunCli({"classify"}, &out), 2);
  EXPECT_NE(out.find("classify cv --data FILE"), std::string::npos) << out;
  out.clear();
  EXPECT_NE(TestServer::RunCli({"classify", "cv", "--data", "/nonexistent/messages.tsv"}, &out), 0);
  EXPECT_NE(out.find("/nonexistent/messages.tsv"), std::string::npos) << out;
}

}  // namespace
}  // namespace lizheng::e2e
