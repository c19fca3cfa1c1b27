#include "lizheng/text/keywords.hpp"

#include <algorithm>
#include <cmath>

#include "lizheng/text/normalize.hpp"
#include "lizheng/text/utf8.hpp"
#include "stop_words.hpp"

namespace lizheng::text {

std::uint64_t TermHash(std::u32string_view term) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char32_t cp : term) {
    h ^= static_cast<std::uint64_t>(cp);
    h *= 1099511628211ull;
  }
  // FNV's low bits mix poorly for short keys; the frequency table indexes by
  // them, so fold the high half in.
  return h ^ (h >> 29);
}

bool IsStopWord(std::u32string_view word) { return detail::IsStopWord(word); }

DocumentFrequencies::DocumentFrequencies(DocumentFrequencyOptions options)
    : options_(options) {
  const unsigned bits = std::clamp(options_.bucket_bits, 4u, 28u);
  mask_ = (std::uint64_t{1} << bits) - 1;
  counts_.assign(static_cast<std::size_t>(mask_ + 1), 0.0f);
}

void DocumentFrequencies::AddDocument(std::span<const std::uint64_t> distinct_terms) {
  for (const std::uint64_t t : distinct_terms) counts_[Bucket(t)] += 1.0f;
  documents_ += 1.0;
  if (options_.half_life_documents > 0 && ++since_halving_ >= options_.half_life_documents) {
    for (float& c : counts_) c *= 0.5f;
    documents_ *= 0.5;
    since_halving_ = 0;
  }
}

double DocumentFrequencies::Frequency(std::uint64_t term) const { return counts_[Bucket(term)]; }

double DocumentFrequencies::Idf(std::uint64_t term) const {
  return std::log((documents_ + 1.0) / (Frequency(term) + 1.0)) + 1.0;
}

namespace {

// A word worth weighing: two characters or more, holding a Chinese character
// or an ASCII letter (so "2019", "12" and punctuation runs are out), and not
// a stop word.
bool IsCandidate(std::u32string_view w) {
  if (w.size() < 2) return false;
  bool meaningful = false;
  for (const char32_t c : w) {
    if (IsHan(c) || (c >= U'a' && c <= U'z')) {
      meaningful = true;
      break;
    }
  }
  return meaningful && !IsStopWord(w);
}

}  // namespace

KeywordExtractor::KeywordExtractor(Segmenter segmenter, KeywordOptions options)
    : segmenter_(std::move(segmenter)), options_(options), frequencies_(options.frequencies) {}

void KeywordExtractor::Collect(std::u32string_view text, double weight, bool in_title) {
  segmenter_.Cut(text, tokens_);
  const float length = static_cast<float>(std::max<std::size_t>(text.size(), 1));
  const auto add = [&](std::uint32_t begin, std::uint32_t end) {
    const std::u32string_view w = text.substr(begin, end - begin);
    if (!IsCandidate(w)) return;
    const float position = static_cast<float>(begin) / length + (in_title ? 0.0f : 1.0f);
    candidates_.push_back({TermHash(w), weight, position, in_title, begin, end});
  };
  // Unknown words: the dictionary cuts a name it does not know (车贷, a new
  // estate) into single characters. A run of two to four of them, none a
  // function word, joined with a number or letters right before it (58车贷),
  // is taken as one word: a simple stand-in for jieba's HMM.
  std::size_t run = 0;  // tokens in the current run of single characters
  for (std::size_t i = 0; i <= tokens_.size(); ++i) {
    const bool single = i < tokens_.size() && tokens_[i].kind == TokenKind::kWord &&
                        tokens_[i].end - tokens_[i].begin == 1 && IsHan(text[tokens_[i].begin]) &&
                        !detail::IsFunctionCharacter(text[tokens_[i].begin]);
    if (single) {
      ++run;
      continue;
    }
    if (run >= 2 && run <= 4) {
      std::uint32_t begin = tokens_[i - run].begin;
      const std::size_t before = i - run;
      if (before > 0 && tokens_[before - 1].end == begin &&
          IsAsciiAlnum(text[tokens_[before - 1].begin])) {
        begin = tokens_[before - 1].begin;
      }
      add(begin, tokens_[i - 1].end);
    }
    run = 0;
    if (i < tokens_.size() && tokens_[i].kind == TokenKind::kWord) {
      add(tokens_[i].begin, tokens_[i].end);
    }
  }
}

void KeywordExtractor::Extract(std::string_view title, std::string_view body,
                               std::vector<Keyword>& out) {
  out.clear();
  candidates_.clear();
  const std::u32string_view t = NormalizeInto(title, title_buffer_);
  Collect(t, options_.title_weight, true);
  std::u32string_view b = NormalizeInto(body, body_buffer_);
  b = b.substr(0, options_.max_body_chars);
  Collect(b, 1.0, false);
  if (candidates_.empty()) return;

  // Merge the occurrences of each word: sum the term frequency, keep the
  // first position (the sort puts the earliest first within a hash).
  std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& x, const Candidate& y) {
    return x.hash != y.hash ? x.hash < y.hash : x.position < y.position;
  });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    if (kept > 0 && candidates_[kept - 1].hash == candidates_[i].hash) {
      candidates_[kept - 1].tf += candidates_[i].tf;
    } else {
      candidates_[kept++] = candidates_[i];
    }
  }
  candidates_.resize(kept);

  if (options_.learn) {
    hashes_.clear();
    for (const Candidate& c : candidates_) hashes_.push_back(c.hash);
    frequencies_.AddDocument(hashes_);
  }
  for (Candidate& c : candidates_) c.tf *= frequencies_.Idf(c.hash);
  const std::size_t n = std::min(options_.max_keywords, candidates_.size());
  std::partial_sort(candidates_.begin(), candidates_.begin() + static_cast<std::ptrdiff_t>(n),
                    candidates_.end(), [](const Candidate& x, const Candidate& y) {
                      return x.tf != y.tf ? x.tf > y.tf : x.position < y.position;
                    });
  double norm = 0;
  for (std::size_t i = 0; i < n; ++i) norm += candidates_[i].tf * candidates_[i].tf;
  norm = std::sqrt(norm);
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Candidate& c = candidates_[i];
    const std::u32string_view source = c.in_title ? t : b;
    out.push_back({EncodeUtf8(source.substr(c.begin, c.end - c.begin)), c.hash, c.tf / norm,
                   c.position});
  }
}

std::vector<Keyword> KeywordExtractor::Extract(std::string_view title, std::string_view body) {
  std::vector<Keyword> out;
  Extract(title, body, out);
  return out;
}

}  // namespace lizheng::text
