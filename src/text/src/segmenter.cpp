// Cutting: jieba's cut() with HMM=False, block by block.
#include <cmath>

#include "lizheng/text/utf8.hpp"
#include "segmenter_impl.hpp"

namespace lizheng::text {

namespace {

// The characters of jieba's re_han_default: [\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-].
bool IsBlockChar(char32_t cp) {
  return IsHan(cp) || IsAsciiAlnum(cp) || cp == U'+' || cp == U'#' || cp == U'&' ||
         cp == U'.' || cp == U'_' || cp == U'%' || cp == U'-';
}

}  // namespace

void Segmenter::Impl::CutBlock(std::u32string_view text, std::uint32_t begin, std::uint32_t end,
                               std::vector<Token>& out, std::vector<double>& scratch_prob,
                               std::vector<std::uint32_t>& scratch_next,
                               bool use_frequency) const {
  const std::uint32_t n = end - begin;
  const double log_total = std::log(static_cast<double>(total));
  const char32_t* s = text.data() + begin;
  double* route_prob = scratch_prob.data();
  std::uint32_t* route_next = scratch_next.data();  // one past the chosen word
  route_prob[n] = 0.0;
  // jieba's calc(): from the end, the best (probability, last index) over the
  // DAG edges; ties go to the longer word, as Python's max over tuples does.
  constexpr std::uint32_t kPrefetchDistance = 8;
  for (std::uint32_t idx = n; idx-- > 0;) {
    // Most walks end at the second character, a hash probe that misses the
    // cache: start fetching it a few positions ahead.
    if (idx >= kPrefetchDistance) {
      const std::uint32_t ahead = idx - kPrefetchDistance;
      trie.Prefetch(trie.Child(detail::CodePointTrie::kRoot, s[ahead]), s[ahead + 1]);
    }
    double best = 0.0;
    std::uint32_t best_end = idx + 1;
    bool found = false;
    std::uint32_t node = detail::CodePointTrie::kRoot;
    for (std::uint32_t i = idx; i < n; ++i) {
      node = trie.Child(node, s[i]);
      if (node == detail::CodePointTrie::kNone) break;
      double lp;
      if (use_frequency) {
        if (frequency[node] == 0) continue;
        lp = std::log(static_cast<double>(frequency[node])) - log_total;
      } else {
        lp = log_prob[node];
        if (lp > 0.0) continue;  // a prefix only
      }
      const double candidate = lp + route_prob[i + 1];
      if (!found || candidate >= best) {
        best = candidate;
        best_end = i + 1;
        found = true;
      }
    }
    if (!found) best = -log_total + route_prob[idx + 1];  // log(1) - log(total)
    route_prob[idx] = best;
    route_next[idx] = best_end;
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
  std::vector<double> prob;
  std::vector<std::uint32_t> next;
  if (mode == SegmenterMode::kDictionary) {
    prob.resize(n + 1);
    next.resize(n + 1);
  }
  std::uint32_t i = 0;
  while (i < n) {
    if (IsBlockChar(text[i])) {
      std::uint32_t j = i + 1;
      while (j < n && IsBlockChar(text[j])) ++j;
      if (mode == SegmenterMode::kDictionary) {
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
