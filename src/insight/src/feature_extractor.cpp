#include "feature_extractor.hpp"

#include <algorithm>

#include "lizheng/text/normalize.hpp"
#include "lizheng/text/utf8.hpp"

namespace lizheng::insight::detail {

namespace {

constexpr std::uint64_t kKeyMask = (std::uint64_t{1} << 62) - 1;

// One step of the running hash over code points.
inline std::uint64_t Step(std::uint64_t h, char32_t cp) {
  h = (h + cp + 1) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 31);
}

// splitmix64's finaliser, so that similar n-grams land far apart.
inline std::uint64_t Finish(std::uint64_t h) {
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 31);
}

inline std::uint64_t MakeKey(FeatureBlock block, std::uint64_t h) {
  return (Finish(h) & kKeyMask) | (static_cast<std::uint64_t>(block) << 62);
}

constexpr std::uint64_t kCharSeed = 0x243F6A8885A308D3ull;
constexpr std::uint64_t kWordSeed = 0x13198A2E03707344ull;
constexpr std::uint64_t kBigramSeed = 0xA4093822299F31D0ull;

// An ordered pair of word hashes.
inline std::uint64_t Pair(std::uint64_t first, std::uint64_t second) {
  return Finish(first ^ kBigramSeed) * 0x9E3779B97F4A7C15ull + second;
}

}  // namespace

void FeatureExtractor::Extract(std::string_view title, std::string_view detail,
                               ExtractionScratch& scratch) const {
  scratch.counter.Clear();
  // Normalised once: the title feeds both its own features and kHead.
  const std::u32string_view normalised_title = text::NormalizeInto(title, scratch.title_buffer);
  if (!title.empty() && options_.title_repeat > 0) {
    AddText(normalised_title, options_.title_repeat, scratch);
  }
  const std::u32string_view normalised_detail = text::NormalizeInto(detail, scratch.detail_buffer);
  AddText(normalised_detail, 1, scratch);
  if (options_.head_chars > 0) {
    const std::u32string_view head =
        !title.empty() ? normalised_title : normalised_detail.substr(0, options_.head_chars);
    AddCharNgrams(head, 1, FeatureBlock::kHead, scratch.counter);
  }
}

void FeatureExtractor::AddCharNgrams(std::u32string_view s, std::uint32_t weight,
                                     FeatureBlock block, KeyCounter& counter) const {
  const std::size_t min_n = std::max<std::size_t>(options_.char_min_n, 1);
  const std::size_t max_n = std::max<std::size_t>(options_.char_max_n, min_n);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::size_t longest = std::min(max_n, s.size() - i);
    std::uint64_t h = kCharSeed;
    for (std::size_t n = 1; n <= longest; ++n) {
      const char32_t cp = s[i + n - 1];
      if (text::IsSpace(cp)) break;  // n-grams never cross white space
      h = Step(h, cp);
      if (n >= min_n) counter.Add(MakeKey(block, h), weight);
    }
  }
}

void FeatureExtractor::AddText(std::u32string_view s, std::uint32_t weight,
                               ExtractionScratch& scratch) const {
  KeyCounter& counter = scratch.counter;

  if (options_.char_min_n > 0) AddCharNgrams(s, weight, FeatureBlock::kCharNgrams, counter);

  if (!options_.words && !options_.word_bigrams) return;
  segmenter_.Cut(s, scratch.tokens);
  std::uint64_t previous = 0;
  bool has_previous = false;
  for (const text::Token& t : scratch.tokens) {
    if (t.kind != text::TokenKind::kWord) continue;
    if (t.end - t.begin < options_.min_word_length) continue;
    std::uint64_t h = kWordSeed;
    for (std::uint32_t i = t.begin; i < t.end; ++i) h = Step(h, s[i]);
    if (options_.words) counter.Add(MakeKey(FeatureBlock::kWords, h), weight);
    if (options_.word_bigrams && has_previous) {
      counter.Add(MakeKey(FeatureBlock::kWordBigrams, Pair(previous, h)), weight);
    }
    previous = h;
    has_previous = true;
  }
}

}  // namespace lizheng::insight::detail
