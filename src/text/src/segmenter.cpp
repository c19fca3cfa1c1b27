// Cutting: jieba's cut() with HMM=False, block by block.
#include <array>
#include <cmath>
#include <limits>

#include "lizheng/text/utf8.hpp"
#include "segmenter_impl.hpp"

namespace lizheng::text {

namespace {

// The characters of jieba's re_han_default: [\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-].
inline bool IsBlockChar(char32_t cp) {
  return IsHan(cp) || IsAsciiAlnum(cp) || cp == U'+' || cp == U'#' || cp == U'&' ||
         cp == U'.' || cp == U'_' || cp == U'%' || cp == U'-';
}

}  // namespace

template <bool kRawFrequency>
void Segmenter::Impl::Route(const char32_t* s, std::uint32_t n, double* route_prob,
                            std::uint32_t* route_next) const {
  using detail::CodePointTrie;
  const double log_total =
      kRawFrequency ? std::log(static_cast<double>(total)) : finalized_log_total;
  constexpr double kNoWordYet = -std::numeric_limits<double>::infinity();
  route_prob[n] = 0.0;
  // From the end, the best (probability, last index) over the DAG edges;
  // ties go to the longer word, as Python's max over tuples does (a later
  // candidate wins when equal, and every candidate beats kNoWordYet).
  for (std::uint32_t idx = n; idx-- > 0;) {
    double best = kNoWordYet;
    std::uint32_t best_end = idx + 1;
    CodePointTrie::Step step = trie.Walk(CodePointTrie::kRoot, s[idx]);
    for (std::uint32_t i = idx; step.node != CodePointTrie::kNone;) {
      double lp;
      bool word;
      if constexpr (kRawFrequency) {
        const std::uint64_t f = frequency[step.node];
        word = f != 0;
        lp = word ? std::log(static_cast<double>(f)) - log_total : 0.0;
      } else {
        word = step.tag != 0;  // 0: a prefix only
        lp = word_log_prob[step.tag];
      }
      if (word) {
        const double candidate = lp + route_prob[i + 1];
        if (candidate >= best) {
          best = candidate;
          best_end = i + 1;
        }
      }
      if (++i == n) break;
      step = trie.WalkBelowRoot(step.node, s[i]);
    }
    // No word starts here: the character alone, at log(1) - log(total).
    if (best == kNoWordYet) best = -log_total + route_prob[idx + 1];
    route_prob[idx] = best;
    route_next[idx] = best_end;
  }
}

void Segmenter::Impl::CutBlock(std::u32string_view text, std::uint32_t begin, std::uint32_t end,
                               std::vector<Token>& out, double* route_prob,
                               std::uint32_t* route_next, bool use_frequency) const {
  const std::uint32_t n = end - begin;
  const char32_t* s = text.data() + begin;
  if (use_frequency) {
    Route<true>(s, n, route_prob, route_next);
  } else {
    Route<false>(s, n, route_prob, route_next);
  }
  // Single ASCII letters and digits in a row are joined (jieba's re_eng buf).
  std::uint32_t x = 0;
  std::uint32_t ascii_begin = 0;
  bool in_ascii = false;
  while (x < n) {
    const std::uint32_t y = route_next[x];
    if (y == x + 1 && IsAsciiAlnum(s[x])) {
      if (!in_ascii) ascii_begin = x;
      in_ascii = true;
    } else {
      if (in_ascii) out.push_back({begin + ascii_begin, begin + x, TokenKind::kWord});
      in_ascii = false;
      out.push_back({begin + x, begin + y, TokenKind::kWord});
    }
    x = y;
  }
  if (in_ascii) out.push_back({begin + ascii_begin, begin + n, TokenKind::kWord});
}

void Segmenter::Impl::CutBigramBlock(std::u32string_view text, std::uint32_t begin,
                                     std::uint32_t end, std::vector<Token>& out) const {
  std::uint32_t i = begin;
  while (i < end) {
    std::uint32_t j = i + 1;
    if (IsHan(text[i])) {
      while (j < end && IsHan(text[j])) ++j;
      if (j - i == 1) {
        out.push_back({i, j, TokenKind::kWord});
      } else {
        for (std::uint32_t k = i; k + 1 < j; ++k) out.push_back({k, k + 2, TokenKind::kWord});
      }
    } else if (IsAsciiAlnum(text[i])) {
      while (j < end && IsAsciiAlnum(text[j])) ++j;
      out.push_back({i, j, TokenKind::kWord});
    } else {
      out.push_back({i, j, TokenKind::kOther});
    }
    i = j;
  }
}

void Segmenter::Impl::Cut(std::u32string_view text, std::vector<Token>& out,
                          bool use_frequency) const {
  out.clear();
  const auto n = static_cast<std::uint32_t>(text.size());
  // Route scratch for one block: on the stack for the usual clause-sized
  // blocks, so that cutting allocates nothing; on the heap past that.
  constexpr std::uint32_t kStackBlock = 256;
  std::array<double, kStackBlock + 1> stack_prob;
  std::array<std::uint32_t, kStackBlock + 1> stack_next;
  std::vector<double> heap_prob;
  std::vector<std::uint32_t> heap_next;
  std::uint32_t i = 0;
  while (i < n) {
    if (IsBlockChar(text[i])) {
      std::uint32_t j = i + 1;
      while (j < n && IsBlockChar(text[j])) ++j;
      if (mode == SegmenterMode::kDictionary) {
        double* prob = stack_prob.data();
        std::uint32_t* next = stack_next.data();
        if (j - i > kStackBlock) {
          heap_prob.resize(j - i + 1);
          heap_next.resize(j - i + 1);
          prob = heap_prob.data();
          next = heap_next.data();
        }
        CutBlock(text, i, j, out, prob, next, use_frequency);
      } else {
        CutBigramBlock(text, i, j, out);
      }
      i = j;
    } else if (text[i] == U'\r' && i + 1 < n && text[i + 1] == U'\n') {
      out.push_back({i, i + 2, TokenKind::kSpace});
      i += 2;
    } else {
      out.push_back({i, i + 1, IsSpace(text[i]) ? TokenKind::kSpace : TokenKind::kOther});
      ++i;
    }
  }
}

SegmenterMode Segmenter::mode() const { return impl_->mode; }
const std::string& Segmenter::status() const { return impl_->status; }
std::size_t Segmenter::word_count() const { return impl_->words; }
std::uint64_t Segmenter::total_frequency() const { return impl_->total; }

void Segmenter::Cut(std::u32string_view text, std::vector<Token>& out) const {
  impl_->Cut(text, out, /*use_frequency=*/false);
}

std::vector<std::string> Segmenter::CutUtf8(std::string_view text) const {
  const std::u32string cps = DecodeUtf8(text);
  std::vector<Token> tokens;
  Cut(cps, tokens);
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (const Token& t : tokens) {
    words.push_back(EncodeUtf8(std::u32string_view(cps).substr(t.begin, t.end - t.begin)));
  }
  return words;
}

}  // namespace lizheng::text
