// 关键词: the keywords of a text by TF-IDF, with document frequencies learned
// incrementally from the texts seen so far.
//
// Why our own and not a library: Debian packages no C++ keyword extractor
// (cppjieba is not packaged), and jieba's Python analyser uses a fixed IDF
// table of general web text. A stream of citizens' requests needs the IDF of
// its own vocabulary (a word in every complaint of a city, such as its name,
// is no keyword there), learned as the requests arrive, in memory that does
// not grow with the stream: a fixed table of hashed counters, optionally
// forgetting old texts with a half-life.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/text/segmenter.hpp"

namespace lizheng::text {

// A stable 64-bit hash of a term (FNV-1a over its code points): the same in
// every process and build, so tables keyed by it can be compared and stored.
std::uint64_t TermHash(std::u32string_view term);

// Whether a word is a function word or boilerplate of citizens' letters
// (我们, 问题, 反映, 希望, 领导, ...) that is never a keyword. Expects
// normalised (lower-cased) text.
bool IsStopWord(std::u32string_view word);

struct DocumentFrequencyOptions {
  // 2^bucket_bits counters of 4 bytes each (20: 4 MiB). Terms whose hashes
  // share a bucket share a count; with 2^20 buckets and a city's vocabulary
  // of some 10^5 words that merges few words, and only rare ones matter.
  unsigned bucket_bits = 20;
  // 0: never forget. Otherwise every count and the document total are
  // halved each time this many documents have been added, so the table
  // follows a vocabulary that drifts (a new estate, a new policy).
  std::size_t half_life_documents = 0;
};

// How many documents contain each term, in constant memory. Not thread-safe:
// one writer, or external locking.
class DocumentFrequencies {
 public:
  explicit DocumentFrequencies(DocumentFrequencyOptions options = {});

  // Counts one document; `distinct_terms` holds each of its term hashes once.
  void AddDocument(std::span<const std::uint64_t> distinct_terms);

  // Documents counted so far (after halvings, so not always whole).
  double documents() const { return documents_; }
  // Documents containing `term` (an upper bound: see bucket_bits).
  double Frequency(std::uint64_t term) const;
  // Smoothed inverse document frequency, ln((N + 1) / (df + 1)) + 1: always
  // >= 1, highest for terms never seen.
  double Idf(std::uint64_t term) const;

 private:
  std::size_t Bucket(std::uint64_t term) const { return term & mask_; }

  DocumentFrequencyOptions options_;
  std::uint64_t mask_ = 0;
  std::vector<float> counts_;
  double documents_ = 0;
  std::size_t since_halving_ = 0;
};

// One keyword of a document.
struct Keyword {
  std::string text;        // UTF-8, normalised (ASCII lower-cased)
  std::uint64_t hash = 0;  // TermHash(text)
  double weight = 0;       // TF-IDF; a document's keywords have unit L2 norm
  // Where it first occurs: [0, 1) a fraction of the title, [1, 2) one plus a
  // fraction of the body. Sorting by it restores reading order.
  float position = 0;
};

struct KeywordOptions {
  std::size_t max_keywords = 12;
  // A title word counts as this many occurrences in the body: titles say
  // what a letter is about, bodies also say much else.
  double title_weight = 3.0;
  // Only the first this many characters of a body are read (long letters
  // repeat themselves; the cost per request stays bounded).
  std::size_t max_body_chars = 600;
  // Count every extracted document in the frequency table (the learning
  // step). Off: the table only answers, e.g. to re-describe a known text.
  bool learn = true;
  DocumentFrequencyOptions frequencies;
};

// TF-IDF keywords over the segmenter's words. Candidate words have at least
// two characters, are not stop words and not pure numbers. Not thread-safe
// (it learns and reuses working memory): one per thread.
class KeywordExtractor {
 public:
  explicit KeywordExtractor(Segmenter segmenter, KeywordOptions options = {});

  // Replaces `out` with the keywords of a document, highest weight first
  // (ties: reading order), at most max_keywords. With options.learn the
  // document is counted first, so its own words have a document frequency
  // of at least one. An empty document gives no keywords. Invalid UTF-8
  // becomes U+FFFD and is skipped.
  void Extract(std::string_view title, std::string_view body, std::vector<Keyword>& out);
  std::vector<Keyword> Extract(std::string_view title, std::string_view body);

  const DocumentFrequencies& frequencies() const { return frequencies_; }
  const Segmenter& segmenter() const { return segmenter_; }

 private:
  struct Candidate {
    std::uint64_t hash;
    double tf;
    float position;
    bool in_title;
    std::uint32_t begin, end;  // code points in the title or the body buffer
  };
  void Collect(std::u32string_view text, double weight, bool in_title);

  Segmenter segmenter_;
  KeywordOptions options_;
  DocumentFrequencies frequencies_;
  // Working memory reused across calls.
  std::u32string title_buffer_, body_buffer_;
  std::vector<Token> tokens_;
  std::vector<Candidate> candidates_;
  std::vector<std::uint64_t> hashes_;
};

}  // namespace lizheng::text
