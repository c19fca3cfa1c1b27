#include "lizheng/insight/classify_command.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "small_corpus.hpp"

namespace lizheng::insight {
namespace {

class ClassifyCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    // A fresh directory per test: ctest runs tests as parallel processes.
    std::string pattern =
        (std::filesystem::temp_directory_path() / "lz_classify_command_test_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    data_ = (dir_ / "messages.tsv").string();
    std::ofstream out(data_);
    out << "留言主题\t留言详情\t一级标签\n";
    for (const LabelledMessage& m : testing_data::SmallCorpus()) {
      out << m.title << "\t" << m.detail << "\t" << m.label << "\n";
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    // No dictionary: the bigram fallback keeps the test hermetic.
    args.insert(args.end(), {"--dictionary", (dir_ / "absent-dict.txt").string(), "--min-df", "1"});
    return RunClassifyCommand(args, out_, err_);
  }

  std::filesystem::path dir_;
  std::string data_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(ClassifyCommandTest, CrossValidationPrintsOneJsonObject) {
  ASSERT_EQ(Run({"cv", "--data", data_, "--folds", "2"}), 0) << err_.str();
  const nlohmann::json j = nlohmann::json::parse(out_.str());
  EXPECT_EQ(j["messages"], 24);
  EXPECT_EQ(j["folds"], 2);
  for (const char* key : {"macro_f1", "accuracy", "train_seconds", "predict_seconds"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  ASSERT_EQ(j["classes"].size(), 3u);
  EXPECT_EQ(j["classes"][0]["label"], "交通运输");
  EXPECT_EQ(j["classes"][0]["support"], 8);
  EXPECT_TRUE(j["classes"][0].contains("precision"));
}

TEST_F(ClassifyCommandTest, TrainThenEvaluate) {
  const std::string model = (dir_ / "model.bin").string();
  ASSERT_EQ(Run({"train", "--data", data_, "--model", model}), 0) << err_.str();
  EXPECT_TRUE(std::filesystem::exists(model));
  ASSERT_EQ(Run({"eval", "--model", model, "--data", data_}), 0) << err_.str();
  const nlohmann::json j = nlohmann::json::parse(out_.str());
  EXPECT_DOUBLE_EQ(j["accuracy"].get<double>(), 1.0);
  EXPECT_EQ(j["messages"], 24);
}

TEST_F(ClassifyCommandTest, UsageAndDataErrors) {
  EXPECT_EQ(RunClassifyCommand({}, out_, err_), 2);
  EXPECT_EQ(Run({"fly"}), 2);
  EXPECT_EQ(Run({"cv"}), 2);
  EXPECT_EQ(Run({"cv", "--data", data_, "--folds", "many"}), 2);
  EXPECT_NE(err_.str().find("--folds"), std::string::npos);
  EXPECT_EQ(Run({"cv", "--data", (dir_ / "absent.tsv").string()}), 1);
  EXPECT_NE(err_.str().find("absent.tsv"), std::string::npos);
  EXPECT_EQ(Run({"eval", "--data", data_, "--model", (dir_ / "absent.bin").string()}), 1);
}

}  // namespace
}  // namespace lizheng::insight
