#include "risk_context.hpp"

#include <array>

namespace lizheng::insight {
namespace {

// A context word and how far (in code points) it may stand from the cue.
struct ContextWord {
  std::u32string_view word;
  std::size_t max_gap;
};

// clang-format off
constexpr auto kNegatorsBefore = std::to_array<ContextWord>({
    {U"没有", 4}, {U"没", 0}, {U"无", 1}, {U"并无", 4}, {U"毫无", 2}, {U"不存在", 4},
    {U"不会有", 3}, {U"不会发生", 2}, {U"不会造成", 2}, {U"不构成", 2}, {U"未发现", 4},
    {U"未见", 2}, {U"未发生", 2}, {U"没发生", 2}, {U"没出现", 2}, {U"未出现", 2},
    {U"已排除", 4}, {U"已消除", 4}, {U"排除了", 4}, {U"消除了", 4}, {U"脱离", 0},
    {U"谈不上", 2}, {U"不用担心", 6}, {U"不必担心", 6}, {U"并非", 2},
});
constexpr auto kNegatorsAfter = std::to_array<ContextWord>({
    {U"已排除", 6}, {U"已经排除", 6}, {U"已消除", 6}, {U"已经消除", 6}, {U"已整改", 6},
    {U"已经整改", 6}, {U"已修复", 6}, {U"已经修复", 6}, {U"已解决", 6}, {U"已经解决", 6},
    {U"已被排除", 6}, {U"已被消除", 6}, {U"得到解决", 6}, {U"得到消除", 6}, {U"已不存在", 6},
    {U"不存在", 2}, {U"不大", 2}, {U"很小", 4}, {U"较小", 4},
});
constexpr auto kHedgesBefore = std::to_array<ContextWord>({
    {U"以免", 15}, {U"避免", 15}, {U"防止", 15}, {U"预防", 15}, {U"以防", 15}, {U"防范", 15},
    {U"谨防", 15}, {U"杜绝", 15}, {U"万一", 15}, {U"一旦", 15}, {U"如果", 15}, {U"假如", 15},
    {U"若是", 15}, {U"倘若", 15}, {U"要是", 15}, {U"担心", 15}, {U"担忧", 15}, {U"害怕", 15},
    {U"恐怕", 15}, {U"生怕", 15}, {U"唯恐", 15}, {U"是否", 15}, {U"会不会", 15},
    {U"有没有", 15}, {U"可能", 8}, {U"或许", 8}, {U"也许", 8}, {U"容易", 8}, {U"远离", 4},
    {U"防", 0},
});
constexpr auto kHedgesAfter = std::to_array<ContextWord>({
    {U"隐患", 1}, {U"风险", 1}, {U"危险", 1}, {U"之虞", 1}, {U"的可能", 0}, {U"可能", 0},
});
constexpr auto kImminent = std::to_array<ContextWord>({
    {U"随时", 8}, {U"即将", 6}, {U"马上", 6}, {U"眼看", 6}, {U"正在", 3},
});
constexpr auto kIntensifiers = std::to_array<ContextWord>({
    {U"重大", 3}, {U"严重", 3}, {U"极大", 3}, {U"巨大", 3}, {U"特大", 3}, {U"很大", 3},
    {U"非常大", 3}, {U"极高", 3}, {U"特别大", 3}, {U"十分严重", 3}, {U"非常严重", 3},
});
constexpr auto kFirstPerson = std::to_array<ContextWord>({
    {U"我", 20}, {U"本人", 20}, {U"俺", 20},
});
// clang-format on

// The start of the clause (or sentence) holding position `at`, looking back
// at most `limit` code points.
std::size_t SpanStart(std::u32string_view s, std::size_t at, bool sentence, std::size_t limit) {
  std::size_t i = at;
  while (i > 0 && at - i < limit) {
    const char32_t c = s[i - 1];
    if (sentence ? IsSentenceBreak(c) : IsClauseBreak(c)) break;
    --i;
  }
  return i;
}

std::size_t SpanEnd(std::u32string_view s, std::size_t at, std::size_t limit) {
  std::size_t i = at;
  while (i < s.size() && i - at < limit && !IsClauseBreak(s[i])) ++i;
  return i;
}

// "会不会" and "有没有" ask; "不是没有" affirms: these are no negations.
bool NegationIsAQuestion(std::u32string_view s, std::size_t at, std::u32string_view word) {
  const char32_t before = at > 0 ? s[at - 1] : U'\0';
  if (word.starts_with(U"不会") && before == U'会') return true;
  if (word.starts_with(U"没") && before == U'有') return true;  // 有没有
  if (word.starts_with(U"没") && at >= 2 &&
      (s.substr(at - 2, 2) == U"不是" || s.substr(at - 2, 2) == U"并非"))
    return true;  // 不是没有危险: an affirmation
  return false;
}

// Whether a word of `words` ends at most its gap before `begin`, not before `floor`.
template <std::size_t N>
bool FoundBefore(std::u32string_view s, std::size_t begin, std::size_t floor,
                 const std::array<ContextWord, N>& words, bool negation = false) {
  for (const ContextWord& w : words) {
    for (std::size_t gap = 0; gap <= w.max_gap; ++gap) {
      if (begin < floor + gap + w.word.size()) break;
      const std::size_t at = begin - gap - w.word.size();
      if (s.substr(at, w.word.size()) != w.word) continue;
      if (negation && NegationIsAQuestion(s, at, w.word)) continue;
      return true;
    }
  }
  return false;
}

// Whether a word of `words` starts at most its gap after `end`, before `ceiling`.
template <std::size_t N>
bool FoundAfter(std::u32string_view s, std::size_t end, std::size_t ceiling,
                const std::array<ContextWord, N>& words) {
  for (const ContextWord& w : words) {
    for (std::size_t gap = 0; gap <= w.max_gap; ++gap) {
      const std::size_t at = end + gap;
      if (at + w.word.size() > ceiling) break;
      if (s.substr(at, w.word.size()) == w.word) return true;
    }
  }
  return false;
}

}  // namespace

bool IsSentenceBreak(char32_t c) {
  switch (c) {
    case U'。':
    case U'！':
    case U'？':
    case U'!':
    case U'?':
    case U'\n':
    case U'\r':
    case U'…': return true;
    default: return false;
  }
}

bool IsClauseBreak(char32_t c) {
  if (IsSentenceBreak(c)) return true;
  switch (c) {
    case U'，':
    case U'；':
    case U'：':
    case U'、':
    case U',':
    case U';':
    case U':':
    case U'（':
    case U'）':
    case U'(':
    case U')':
    case U'“':
    case U'”':
    case U'"': return true;
    default: return false;
  }
}

CueContext ReadCueContext(std::u32string_view s, std::size_t begin, std::size_t end) {
  const std::size_t clause = SpanStart(s, begin, false, 24);
  const std::size_t sentence = SpanStart(s, begin, true, 40);
  const std::size_t clause_end = SpanEnd(s, end, 24);
  CueContext c;
  c.negated = FoundBefore(s, begin, clause, kNegatorsBefore, true) ||
              FoundAfter(s, end, clause_end, kNegatorsAfter);
  c.imminent = FoundBefore(s, begin, clause, kImminent);
  c.hedged = !c.imminent && (FoundBefore(s, begin, sentence, kHedgesBefore) ||
                             FoundAfter(s, end, clause_end, kHedgesAfter));
  c.intensified =
      FoundBefore(s, begin, clause, kIntensifiers) || FoundAfter(s, end, clause_end, kIntensifiers);
  c.first_person = FoundBefore(s, begin, sentence, kFirstPerson);
  return c;
}

}  // namespace lizheng::insight
