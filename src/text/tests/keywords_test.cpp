#include "lizheng/text/keywords.hpp"

#include <gtest/gtest.h>

#include "lizheng/text/utf8.hpp"

namespace lizheng::text {
namespace {

// A hand-written dictionary keeps the test independent of the installed one.
Segmenter SmallSegmenter() {
  Result<Segmenter> s = Segmenter::FromDictionaryText(
      "小区 100 n\n噪音 100 n\n扰民 100 v\n物业 100 n\n停车 100 v\n收费 100 v\n"
      "我们 1000 r\n希望 1000 v\n晚上 100 t\n施工 100 v\n工地 100 n\n问题 1000 n\n",
      "test-dictionary");
  EXPECT_TRUE(s.ok());
  return std::move(s).value();
}

std::vector<std::string> Texts(const std::vector<Keyword>& keywords) {
  std::vector<std::string> out;
  for (const Keyword& k : keywords) out.push_back(k.text);
  return out;
}

TEST(TermHashTest, StableAndDistinct) {
  EXPECT_EQ(TermHash(U"噪音"), TermHash(U"噪音"));
  EXPECT_NE(TermHash(U"噪音"), TermHash(U"物业"));
  // Fixed value: the hash is part of stored tables and must never change.
  EXPECT_EQ(TermHash(U""), 14695981039346656037ull ^ (14695981039346656037ull >> 29));
}

TEST(StopWordTest, BoilerplateIsStop) {
  EXPECT_TRUE(IsStopWord(U"我们"));
  EXPECT_TRUE(IsStopWord(U"问题"));
  EXPECT_FALSE(IsStopWord(U"噪音"));
}

TEST(DocumentFrequenciesTest, IdfFallsWithFrequency) {
  DocumentFrequencies df({.bucket_bits = 10, .half_life_documents = 0});
  const std::uint64_t common = TermHash(U"小区");
  const std::uint64_t rare = TermHash(U"噪音");
  for (int i = 0; i < 9; ++i) df.AddDocument(std::vector<std::uint64_t>{common});
  df.AddDocument(std::vector<std::uint64_t>{common, rare});
  EXPECT_DOUBLE_EQ(df.documents(), 10.0);
  EXPECT_DOUBLE_EQ(df.Frequency(common), 10.0);
  EXPECT_GT(df.Idf(rare), df.Idf(common));
  EXPECT_GT(df.Idf(TermHash(U"从未出现")), df.Idf(rare));
  EXPECT_GE(df.Idf(common), 1.0);
}

TEST(DocumentFrequenciesTest, HalfLifeForgets) {
  DocumentFrequencies df({.bucket_bits = 10, .half_life_documents = 4});
  const std::uint64_t t = TermHash(U"押金");
  for (int i = 0; i < 4; ++i) df.AddDocument(std::vector<std::uint64_t>{t});
  EXPECT_DOUBLE_EQ(df.documents(), 2.0);
  EXPECT_DOUBLE_EQ(df.Frequency(t), 2.0);
}

TEST(KeywordExtractorTest, TitleWordsRankFirstAndStopWordsAreOut) {
  KeywordExtractor extractor(SmallSegmenter());
  const std::vector<Keyword> k = extractor.Extract("小区工地噪音", "我们希望晚上不要施工。问题");
  const std::vector<std::string> texts = Texts(k);
  ASSERT_EQ(texts.size(), 5u);
  // Title words weigh three times a body word; ties keep reading order.
  EXPECT_EQ(texts[0], "小区");
  EXPECT_EQ(texts[1], "工地");
  EXPECT_EQ(texts[2], "噪音");
  EXPECT_EQ(texts[3], "晚上");
  EXPECT_EQ(texts[4], "施工");
  double norm = 0;
  for (const Keyword& kw : k) norm += kw.weight * kw.weight;
  EXPECT_NEAR(norm, 1.0, 1e-9);
  EXPECT_LT(k[0].position, 1.0f);
  EXPECT_GE(k[3].position, 1.0f);
  EXPECT_EQ(k[2].hash, TermHash(U"噪音"));
}

TEST(KeywordExtractorTest, LearnedFrequenciesDemoteCommonWords) {
  KeywordExtractor extractor(SmallSegmenter());
  for (int i = 0; i < 20; ++i) (void)extractor.Extract("小区物业", "");
  const std::vector<Keyword> k = extractor.Extract("小区噪音", "");
  ASSERT_EQ(k.size(), 2u);
  EXPECT_EQ(k[0].text, "噪音");
  EXPECT_DOUBLE_EQ(extractor.frequencies().documents(), 21.0);
}

TEST(KeywordExtractorTest, NoLearningLeavesTheTableAlone) {
  KeywordOptions options;
  options.learn = false;
  KeywordExtractor extractor(SmallSegmenter(), options);
  (void)extractor.Extract("小区噪音", "");
  EXPECT_DOUBLE_EQ(extractor.frequencies().documents(), 0.0);
}

TEST(KeywordExtractorTest, EmptyAndNumbersGiveNothing) {
  KeywordExtractor extractor(SmallSegmenter());
  EXPECT_TRUE(extractor.Extract("", "").empty());
  EXPECT_TRUE(extractor.Extract("2019 12", "。。").empty());
}

TEST(KeywordExtractorTest, MaxKeywordsAndLongBodies) {
  KeywordOptions options;
  options.max_keywords = 1;
  options.max_body_chars = 2;
  KeywordExtractor extractor(SmallSegmenter(), options);
  const std::vector<Keyword> k = extractor.Extract("", "噪音扰民");
  ASSERT_EQ(k.size(), 1u);
  EXPECT_EQ(k[0].text, "噪音");  // 扰民 is past the body limit
}

}  // namespace
}  // namespace lizheng::text
