#include "lizheng/text/segmenter.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "lizheng/text/normalize.hpp"
#include "lizheng/text/utf8.hpp"

namespace lizheng::text {
namespace {

using Strings = std::vector<std::string>;

std::string Joined(const Strings& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : "/") + w;
  return out;
}

// The real jieba dictionary, loaded once for the whole suite (about 0.3 s).
class JiebaSegmenterTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    SegmenterOptions options;
    options.user_words = {{"共享单车", std::nullopt}, {"潇楚南路", std::nullopt}};
    Result<Segmenter> s = Segmenter::Load(options);
    ASSERT_TRUE(s.ok()) << s.error().message;
    segmenter_ = new Segmenter(std::move(s).value());
  }
  static void TearDownTestSuite() {
    delete segmenter_;
    segmenter_ = nullptr;
  }
  void SetUp() override {
    if (segmenter_->mode() != SegmenterMode::kDictionary) {
      GTEST_SKIP() << "jieba dictionary not installed (apt-get install python3-jieba): "
                   << segmenter_->status();
    }
  }
  static Segmenter* segmenter_;
};
Segmenter* JiebaSegmenterTest::segmenter_ = nullptr;

// Expected outputs are those of Python jieba 0.42.1, jieba.cut(s, HMM=False).
TEST_F(JiebaSegmenterTest, ReproducesJiebaPreciseMode) {
  EXPECT_EQ(Joined(segmenter_->CutUtf8("小区物业公司乱收停车费")), "小区/物业公司/乱收/停车费");
  EXPECT_EQ(Joined(segmenter_->CutUtf8("A市西湖建筑集团占道施工有安全隐患")),
            "A/市/西湖/建筑/集团/占/道/施工/有/安全隐患");
  EXPECT_EQ(Joined(segmenter_->CutUtf8("反映长沙市sk-2专柜6.21停电3次")),
            "反映/长沙市/sk/-/2/专柜/6/./21/停电/3/次");
}

TEST_F(JiebaSegmenterTest, KeepsSpacesAndPunctuationAsTokens) {
  EXPECT_EQ(segmenter_->CutUtf8("我在B超室做了检查, 花了300元！\r\n谢谢 iPhone12手机"),
            (Strings{"我", "在", "B超", "室", "做", "了", "检查", ",", " ", "花", "了", "300", "元",
                     "！", "\r\n", "谢谢", " ", "iPhone12", "手机"}));
}

TEST_F(JiebaSegmenterTest, UserWordsAreCutWhole) {
  EXPECT_EQ(Joined(segmenter_->CutUtf8("共享单车押金未及时退还")), "共享单车/押金/未/及时/退还");
  EXPECT_EQ(Joined(segmenter_->CutUtf8("A3区潇楚南路洋湖段怎么还没修好")),
            "A3/区/潇楚南路/洋/湖/段/怎么/还/没/修好");
}

TEST_F(JiebaSegmenterTest, LowerCasedDictionaryWordsStillMatch) {
  EXPECT_EQ(Joined(segmenter_->CutUtf8(NormalizeText("做Ｂ超"))), "做/b超");
}

TEST_F(JiebaSegmenterTest, TokensTileTheText) {
  const std::u32string text = U"市民反映：A1区某小区  停水三天了!!";
  std::vector<Token> tokens;
  segmenter_->Cut(text, tokens);
  std::uint32_t expected_begin = 0;
  for (const Token& t : tokens) {
    EXPECT_EQ(t.begin, expected_begin);
    EXPECT_LT(t.begin, t.end);
    expected_begin = t.end;
  }
  EXPECT_EQ(expected_begin, text.size());
}

TEST(SegmenterTest, MaximumProbabilityRouteOnASmallDictionary) {
  // 研究生 beats 研究/生 and 命/的 beats nothing: the route with the highest
  // product of word probabilities wins.
  Result<Segmenter> s = Segmenter::FromDictionaryText(
      "研究 30\n研究生 20\n生命 40\n命 5\n的 80\n起源 30\n生 1\n", "tiny.txt");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->mode(), SegmenterMode::kDictionary);
  EXPECT_EQ(s->word_count(), 7u);
  EXPECT_EQ(s->total_frequency(), 206u);
  EXPECT_EQ(Joined(s->CutUtf8("研究生命的起源")), "研究/生命/的/起源");
  EXPECT_EQ(Joined(s->CutUtf8("研究生")), "研究生");
}

TEST(SegmenterTest, PrefixOnlyEntriesAndUnknownCharacters) {
  // 乱收费 has frequency 0: a prefix, never a word (jieba's FREQ 0).
  Result<Segmenter> s = Segmenter::FromDictionaryText("乱收费 0\n乱收 10\n收费 50\n", "t.txt");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Joined(s->CutUtf8("乱收费")), "乱收/费");
  EXPECT_EQ(Joined(s->CutUtf8("甲乙ab1")), "甲/乙/ab1");
}

TEST(SegmenterTest, UserWordWithFrequencyOverrides) {
  const UserWord words[] = {{"乱收费", 1000}};
  Result<Segmenter> s = Segmenter::FromDictionaryText("乱收 10\n收费 50\n", "t.txt", words);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Joined(s->CutUtf8("乱收费")), "乱收费");
}

TEST(SegmenterTest, WordsDeepInALargeTrieAreFound) {
  // 100,000 twelve-character words make over a million trie nodes: edges
  // below node 2^20 and above must both be found (an earlier slot layout
  // kept only 20 bits of the parent and lost every edge past that).
  constexpr std::uint32_t kWords = 100000;
  constexpr std::uint32_t kLength = 12;
  std::string dictionary;
  std::string last_word;
  for (std::uint32_t w = 0; w < kWords; ++w) {
    // Two characters spell w, so every word is new after them.
    std::string word;
    AppendUtf8(0x4E00 + w % 20000, word);
    AppendUtf8(0x4E00 + w / 20000, word);
    for (std::uint32_t c = 2; c < kLength; ++c) {
      AppendUtf8(0x4E00 + (w * 2654435761u + c * 40503u) % 20000, word);
    }
    dictionary += word + " 3\n";
    last_word = word;
  }
  Result<Segmenter> s = Segmenter::FromDictionaryText(dictionary, "large.txt");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->CutUtf8(last_word), Strings{last_word});
  EXPECT_EQ(s->CutUtf8(last_word + last_word), (Strings{last_word, last_word}));
}

TEST(SegmenterTest, LongBlocksAreCutLikeShortOnes) {
  // Blocks longer than the route's stack scratch take the heap path.
  Result<Segmenter> s =
      Segmenter::FromDictionaryText("研究 30\n生命 40\n的 80\n起源 30\n", "t.txt");
  ASSERT_TRUE(s.ok());
  std::string text;
  std::string expected;
  for (int i = 0; i < 100; ++i) {
    text += "研究生命的起源";
    expected += (i == 0 ? "" : "/") + std::string("研究/生命/的/起源");
  }
  EXPECT_EQ(Joined(s->CutUtf8(text)), expected);
}

TEST(SegmenterTest, MalformedDictionaryNamesFileLineAndColumn) {
  Result<Segmenter> s = Segmenter::FromDictionaryText("好 3\n\n坏 x3\n", "bad.txt");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(s.error().message.find("bad.txt:3:5"), std::string::npos) << s.error().message;
  Result<Segmenter> missing = Segmenter::FromDictionaryText("好\n", "bad.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("bad.txt:1:"), std::string::npos);
}

TEST(SegmenterTest, MissingDictionaryFallsBackToBigrams) {
  SegmenterOptions options;
  options.dictionary_path = "/nonexistent/lizheng/dict.txt";
  Result<Segmenter> s = Segmenter::Load(options);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->mode(), SegmenterMode::kCharBigrams);
  EXPECT_NE(s->status().find("/nonexistent/lizheng/dict.txt"), std::string::npos);
  EXPECT_EQ(s->CutUtf8("乱收停车费, abc9 市"),
            (Strings{"乱收", "收停", "停车", "车费", ",", " ", "abc9", " ", "市"}));
}

TEST(SegmenterTest, UserDictionaryFile) {
  const auto dir = std::filesystem::temp_directory_path() / "lz_text_segmenter_test";
  std::filesystem::create_directories(dir);
  const auto main_path = dir / "dict.txt";
  const auto user_path = dir / "user.txt";
  std::ofstream(main_path) << "共享 100\n单车 100\n";
  std::ofstream(user_path) << "# local names\n\n共享单车 50 n\n";
  SegmenterOptions options;
  options.dictionary_path = main_path.string();
  options.user_dictionary_paths = {user_path.string()};
  Result<Segmenter> s = Segmenter::Load(options);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(Joined(s->CutUtf8("共享单车")), "共享单车");

  options.user_dictionary_paths = {(dir / "absent.txt").string()};
  Result<Segmenter> absent = Segmenter::Load(options);
  ASSERT_FALSE(absent.ok());
  EXPECT_EQ(absent.error().code, ErrorCode::kNotFound);

  std::ofstream(user_path) << "共享单车 many n\n";
  options.user_dictionary_paths = {user_path.string()};
  Result<Segmenter> bad = Segmenter::Load(options);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("user.txt:1:14"), std::string::npos) << bad.error().message;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lizheng::text
