#include "lizheng/insight/keyword_classifier.hpp"

#include <gtest/gtest.h>

#include "advice_directory.hpp"

namespace lizheng::insight {
namespace {

using namespace testing_data;

// A tiny dictionary, so the test does not depend on the installed jieba one.
text::Segmenter TinySegmenter() {
  auto s = text::Segmenter::FromDictionaryText(
      "噪音 100 n\n扰民 100 v\n住房 100 n\n保障 100 v\n公交 100 n\n出行 100 v\n学前 100 n\n教育 100 n\n"
      "市容 100 n\n环境 100 n\n供水 100 n\n供电 100 n\n城乡 100 n\n建设 100 v\n交通 100 n\n运输 100 v\n"
      "文体 100 n\n",
      "tiny");
  return std::move(s).value();
}

TEST(KeywordClassifierTest, TheTaxonomyNamesFindTheFirstLevel) {
  const Directory dir = AdviceDirectory();
  const auto k = KeywordClassifier::FromTaxonomy(dir.categories(), TinySegmenter());
  EXPECT_GT(k.rule_count(), 10u);
  const auto noise = k.Classify("楼下酒吧噪音扰民", "每天晚上噪音很大，严重扰民。");
  ASSERT_TRUE(noise);
  EXPECT_EQ(noise->category_code, "01");
  EXPECT_GT(noise->confidence, 0.5);
  EXPECT_EQ(noise->matched.front(), "噪音扰民");
  const auto bus = k.Classify("公交出行太不方便", "");
  ASSERT_TRUE(bus);
  EXPECT_EQ(bus->category_code, "02");
  EXPECT_FALSE(k.Classify("你好", "请问一下").has_value());
}

TEST(KeywordClassifierTest, TheJurisdictionsKeywordFileAddsRules) {
  const Directory dir = AdviceDirectory();
  auto rules = KeywordClassifier::ParseRules("# extra words\n03.01\t幼儿园，入园\n02\t地铁, 红绿灯\n", "kw.tsv", dir);
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  ASSERT_EQ(rules->size(), 4u);
  EXPECT_EQ((*rules)[1].keyword, "入园");
  const auto k = KeywordClassifier::FromTaxonomy(dir.categories(), TinySegmenter(), *rules);
  const auto g = k.Classify("孩子幼儿园入园难", "");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->category_code, "03");
}

TEST(KeywordClassifierTest, BadKeywordFilesNameTheLineAndTheRule) {
  const Directory dir = AdviceDirectory();
  auto unknown = KeywordClassifier::ParseRules("09\t火车\n", "kw.tsv", dir);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "kw.tsv:1: unknown category '09'");
  auto empty = KeywordClassifier::ParseRules("\n02\t地铁,,公交\n", "kw.tsv", dir);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message, "kw.tsv:2: empty keyword");
  auto no_tab = KeywordClassifier::ParseRules("02 地铁\n", "kw.tsv", dir);
  ASSERT_FALSE(no_tab.ok());
  EXPECT_NE(no_tab.error().message.find("kw.tsv:1: expected"), std::string::npos);
}

}  // namespace
}  // namespace lizheng::insight
