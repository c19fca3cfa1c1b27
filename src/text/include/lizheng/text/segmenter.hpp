// 分词: Chinese word segmentation reproducing jieba's precise mode without
// HMM (a prefix-dictionary DAG and the maximum-probability route), over
// jieba's dictionary file, with a character-bigram fallback when the
// dictionary is not installed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/result.hpp"

namespace lizheng::text {

// Where Debian's python3-jieba package installs the dictionary (MIT licence;
// 349,046 words with frequencies, "word freq tag" per line).
inline constexpr std::string_view kDefaultJiebaDictionaryPath =
    "/usr/lib/python3/dist-packages/jieba/dict.txt";

enum class TokenKind : std::uint8_t {
  kWord,   // a dictionary word, an unknown Chinese character or an ASCII run
  kSpace,  // one white-space character ("\r\n" counts as one)
  kOther,  // punctuation and any other single character
};

// A token as a half-open range [begin, end) of code point offsets into the
// text given to Segmenter::Cut.
struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
};

enum class SegmenterMode {
  kDictionary,   // jieba precise mode
  kCharBigrams,  // no dictionary: overlapping bigrams of Chinese characters
};

// An extra word for local names (roads, estates, organisations). Without a
// frequency the word gets the one jieba's suggest_freq gives: just enough to
// be cut out whole.
struct UserWord {
  std::string word;
  std::optional<std::uint64_t> frequency;
};

struct SegmenterOptions {
  std::string dictionary_path = std::string(kDefaultJiebaDictionaryPath);
  // Files in jieba's user dictionary format: "word [freq] [tag]" per line;
  // blank lines and lines starting with '#' are skipped.
  std::vector<std::string> user_dictionary_paths;
  std::vector<UserWord> user_words;
  // Also index the lower-case form of dictionary words holding upper-case
  // ASCII (B超 -> b超), since normalised text is lower-cased.
  bool fold_ascii_case = true;
};

// Splits text into words. Immutable once built and cheap to copy (the
// dictionary is shared), so any number of threads may call Cut concurrently.
class Segmenter {
 public:
  // Loads options.dictionary_path. A missing or unreadable main dictionary is
  // not an error: the result is a kCharBigrams segmenter whose status() says
  // why. A malformed dictionary, or a missing or malformed user dictionary,
  // is an error naming the file, line and column.
  static Result<Segmenter> Load(const SegmenterOptions& options);

  // Builds from dictionary text already in memory (jieba's dict.txt format);
  // `source_name` is used in error messages.
  static Result<Segmenter> FromDictionaryText(std::string_view dictionary_text,
                                              std::string_view source_name,
                                              std::span<const UserWord> user_words = {},
                                              bool fold_ascii_case = true);

  // A segmenter without dictionary; `reason` becomes part of status().
  static Segmenter CharBigrams(std::string reason);

  SegmenterMode mode() const;
  // One line for people: which dictionary and how many words, or why the
  // fallback is in use.
  const std::string& status() const;
  std::size_t word_count() const;
  std::uint64_t total_frequency() const;

  // Replaces `out` with the tokens of `text`, in order. In kDictionary mode
  // the tokens tile the text exactly as jieba.cut(text, HMM=False) does; in
  // kCharBigrams mode Chinese bigrams overlap.
  void Cut(std::u32string_view text, std::vector<Token>& out) const;

  // Convenience: the UTF-8 tokens of UTF-8 `text` (invalid bytes become
  // U+FFFD), white-space tokens included, as jieba.lcut(text, HMM=False).
  std::vector<std::string> CutUtf8(std::string_view text) const;

  struct Impl;

 private:
  explicit Segmenter(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace lizheng::text
