#include "lizheng/insight/evaluation.hpp"

#include <gtest/gtest.h>

#include "small_corpus.hpp"

namespace lizheng::insight {
namespace {

TEST(EvaluationTest, PerClassAndMacroFigures) {
  const std::vector<std::string> labels = {"a", "b"};
  const std::vector<std::uint32_t> gold = {0, 0, 0, 1};
  const std::vector<std::uint32_t> predicted = {0, 0, 1, 1};
  const EvaluationReport r = ScoreClassification(labels, gold, predicted);
  EXPECT_DOUBLE_EQ(r.accuracy, 0.75);
  EXPECT_DOUBLE_EQ(r.classes[0].precision, 1.0);
  EXPECT_DOUBLE_EQ(r.classes[0].recall, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.classes[1].precision, 0.5);
  EXPECT_DOUBLE_EQ(r.classes[1].recall, 1.0);
  EXPECT_EQ(r.classes[0].support, 3u);
  EXPECT_EQ(r.classes[1].predicted, 2u);
  EXPECT_DOUBLE_EQ(r.macro_f1, (0.8 + 2.0 / 3.0) / 2);
}

TEST(EvaluationTest, ClassNeverPredictedHasZeroPrecision) {
  const std::vector<std::string> labels = {"a", "b"};
  const std::vector<std::uint32_t> gold = {0, 1};
  const std::vector<std::uint32_t> predicted = {0, 0};
  const EvaluationReport r = ScoreClassification(labels, gold, predicted);
  EXPECT_DOUBLE_EQ(r.classes[1].precision, 0.0);
  EXPECT_DOUBLE_EQ(r.classes[1].f1, 0.0);
}

TEST(EvaluationTest, StratifiedFoldsBalanceEveryLabel) {
  std::vector<std::uint32_t> labels;
  for (int i = 0; i < 50; ++i) labels.push_back(0);
  for (int i = 0; i < 10; ++i) labels.push_back(1);
  const std::vector<std::uint32_t> fold = StratifiedFolds(labels, 5, 7);
  std::size_t count[5][2] = {};
  for (std::size_t i = 0; i < labels.size(); ++i) ++count[fold[i]][labels[i]];
  for (const auto& c : count) {
    EXPECT_EQ(c[0], 10u);
    EXPECT_EQ(c[1], 2u);
  }
  EXPECT_EQ(StratifiedFolds(labels, 5, 7), fold);  // same seed, same folds
}

TEST(EvaluationTest, CrossValidationOnSmallData) {
  ClassifierOptions options;
  options.features.min_df = 1;
  CrossValidationOptions cv;
  cv.folds = 4;
  double fake_clock = 0.0;
  cv.now_seconds = [&] { return fake_clock += 0.5; };  // every reading advances 0.5 s
  Result<EvaluationReport> r = CrossValidate(testing_data::SmallCorpus(), options,
                                             text::Segmenter::CharBigrams("test"), cv);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->messages, 24u);
  EXPECT_EQ(r->folds, 4u);
  EXPECT_GE(r->macro_f1, 0.6);
  EXPECT_DOUBLE_EQ(r->extract_seconds, 0.5);
  EXPECT_DOUBLE_EQ(r->train_seconds, 4 * 0.5);
  EXPECT_DOUBLE_EQ(r->predict_seconds, 4 * 0.5);
}

TEST(EvaluationTest, TooManyFoldsIsAnError) {
  CrossValidationOptions cv;
  cv.folds = 9;  // each label has 8 messages
  Result<EvaluationReport> r = CrossValidate(testing_data::SmallCorpus(), ClassifierOptions{},
                                             text::Segmenter::CharBigrams("test"), cv);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "folds");
}

}  // namespace
}  // namespace lizheng::insight
