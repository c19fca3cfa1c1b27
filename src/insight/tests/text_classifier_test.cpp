#include "lizheng/insight/text_classifier.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <numeric>

#include "small_corpus.hpp"

namespace lizheng::insight {
namespace {

// Hermetic: the bigram segmenter needs no dictionary file.
text::Segmenter Bigrams() { return text::Segmenter::CharBigrams("test"); }

ClassifierOptions SmallDataOptions() {
  ClassifierOptions options;
  options.features.min_df = 1;  // 24 messages: keep every feature
  return options;
}

class TextClassifierTest : public testing::Test {
 protected:
  void SetUp() override {
    Result<TextClassifier> trained =
        TextClassifier::Train(testing_data::SmallCorpus(), SmallDataOptions(), Bigrams());
    ASSERT_TRUE(trained.ok()) << trained.error().message;
    classifier_.emplace(std::move(trained).value());
  }
  std::optional<TextClassifier> classifier_;
};

TEST_F(TextClassifierTest, PredictsUnseenMessages) {
  EXPECT_EQ(classifier_->Predict("公交车到站时间不准", "").label, "交通运输");
  EXPECT_EQ(classifier_->Predict("", "孩子学校补课收费太高").label, "教育文体");
  EXPECT_EQ(classifier_->Predict("医院排队", "挂号要排两个小时").label, "卫生计生");
}

TEST_F(TextClassifierTest, LabelsAreSortedAndConfidenceIsAProbability) {
  EXPECT_EQ(classifier_->labels(), (std::vector<std::string>{"交通运输", "卫生计生", "教育文体"}));
  const Prediction p = classifier_->Predict("地铁拥堵", "地铁站太挤");
  EXPECT_GT(p.confidence, 1.0 / 3.0);
  EXPECT_LE(p.confidence, 1.0);
  const std::vector<double> probabilities = classifier_->Probabilities("地铁拥堵", "地铁站太挤");
  ASSERT_EQ(probabilities.size(), 3u);
  EXPECT_NEAR(std::accumulate(probabilities.begin(), probabilities.end(), 0.0), 1.0, 1e-9);
  EXPECT_DOUBLE_EQ(probabilities[p.label_index], p.confidence);
  // Text with no known feature still gets a label, with low confidence.
  EXPECT_LT(classifier_->Predict("", "zzz").confidence, 0.9);
}

TEST_F(TextClassifierTest, BuffersGiveTheSameAnswer) {
  PredictionBuffers buffers;
  for (const LabelledMessage& m : testing_data::SmallCorpus()) {
    const Prediction a = classifier_->Predict(m.title, m.detail, buffers);
    const Prediction b = classifier_->Predict(m.title, m.detail);
    EXPECT_EQ(a.label, b.label);
    EXPECT_EQ(a.confidence, b.confidence);
    EXPECT_EQ(a.label, m.label);  // the training data is separable
  }
}

TEST_F(TextClassifierTest, SaveLoadRoundTripGivesIdenticalPredictions) {
  const auto path = std::filesystem::temp_directory_path() / "lz_insight_model_test.bin";
  ASSERT_TRUE(classifier_->Save(path.string()).ok());
  Result<TextClassifier> loaded = TextClassifier::Load(path.string(), Bigrams());
  std::filesystem::remove(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->labels(), classifier_->labels());
  EXPECT_EQ(loaded->feature_count(), classifier_->feature_count());
  for (const char* text : {"公交车到站时间不准", "学校收费", "医院", "完全无关的话", ""}) {
    EXPECT_EQ(loaded->Probabilities("", text), classifier_->Probabilities("", text)) << text;
  }
  EXPECT_EQ(loaded->Serialize(), classifier_->Serialize());
}

TEST_F(TextClassifierTest, TrainingIsDeterministic) {
  Result<TextClassifier> again =
      TextClassifier::Train(testing_data::SmallCorpus(), SmallDataOptions(), Bigrams());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->Serialize(), classifier_->Serialize());
}

TEST_F(TextClassifierTest, CorruptModelsAreRejected) {
  const std::string bytes = classifier_->Serialize();
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x01;
  Result<TextClassifier> corrupt = TextClassifier::Deserialize(flipped, "m.bin", Bigrams());
  ASSERT_FALSE(corrupt.ok());
  EXPECT_NE(corrupt.error().message.find("checksum"), std::string::npos) << corrupt.error().message;

  Result<TextClassifier> truncated =
      TextClassifier::Deserialize(std::string_view(bytes).substr(0, bytes.size() - 9), "m.bin",
                                  Bigrams());
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.error().message.find("m.bin"), std::string::npos);

  Result<TextClassifier> magic = TextClassifier::Deserialize("not a model", "m.bin", Bigrams());
  ASSERT_FALSE(magic.ok());
  EXPECT_NE(magic.error().message.find("bad magic"), std::string::npos);

  std::string future = bytes;
  future[8] = 99;  // the format version
  Result<TextClassifier> version = TextClassifier::Deserialize(future, "m.bin", Bigrams());
  ASSERT_FALSE(version.ok());
  EXPECT_NE(version.error().message.find("version 99"), std::string::npos);
}

TEST_F(TextClassifierTest, ModelRemembersItsSegmenter) {
  Result<text::Segmenter> other = text::Segmenter::FromDictionaryText("公交 10\n", "d.txt");
  ASSERT_TRUE(other.ok());
  Result<TextClassifier> loaded =
      TextClassifier::Deserialize(classifier_->Serialize(), "m.bin", *other);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("segmenter"), std::string::npos);
}

TEST(TextClassifierTrainTest, NeedsTwoLabels) {
  std::vector<LabelledMessage> rows = {{"a", "b", "城乡建设", 2}, {"c", "d", "城乡建设", 3}};
  Result<TextClassifier> trained = TextClassifier::Train(rows, SmallDataOptions(), Bigrams());
  ASSERT_FALSE(trained.ok());
  EXPECT_EQ(trained.error().code, ErrorCode::kInvalidArgument);
  rows[1].label.clear();
  EXPECT_FALSE(TextClassifier::Train(rows, SmallDataOptions(), Bigrams()).ok());
}

TEST(TextClassifierTrainTest, PlainSvmAndNbSvmBothLearn) {
  for (double share : {0.0, 1.0}) {
    ClassifierOptions options = SmallDataOptions();
    options.linear.nb_svm_share = share;
    options.linear.balanced_class_weights = false;
    Result<TextClassifier> trained =
        TextClassifier::Train(testing_data::SmallCorpus(), options, Bigrams());
    ASSERT_TRUE(trained.ok());
    EXPECT_EQ(trained->Predict("", "地铁公交线路").label, "交通运输") << share;
  }
}

}  // namespace
}  // namespace lizheng::insight
