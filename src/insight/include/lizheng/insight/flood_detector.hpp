// 疑似刷单: telling a flood of anonymous submissions from many citizens
// reporting the same problem. Both look alike in the text; they differ in
// where they come from. A real outage brings the same complaint from many
// addresses; a flood brings it again and again from few. So at most
// `max_per_source` near-identical anonymous requests from one source count
// within the window; the ones after are suspected floods, for the centre to
// confirm or reject, and are kept out of the fast lane and the hot spots
// until it does.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lizheng/core/time.hpp"

namespace lizheng::insight {

struct FloodOptions {
  // How long an anonymous request is remembered.
  std::chrono::hours window{24};
  // Texts at least this similar (cosine of character bigrams, the title
  // counted twice) are near-identical.
  double similarity = 0.8;
  // Near-identical requests from one source within the window that count as
  // ordinary; the next one is a suspected flood.
  int max_per_source = 1;
  // Memory bounds: requests kept per source (the newest), and sources kept
  // in all (the least recently seen are forgotten first).
  std::size_t max_kept_per_source = 64;
  std::size_t max_sources = 100'000;
};

// An anonymous request as the detector sees it. `source` is an opaque key of
// the address it came from (a keyed hash: the detector never sees the
// address); views: the caller keeps the text alive for the call.
struct FloodProbe {
  std::uint64_t source = 0;
  std::string_view title;
  std::string_view detail;
  Timestamp at{};
};

struct FloodVerdict {
  bool suspected = false;
  // Near-identical requests from the same source within the window, before
  // this one.
  int similar_from_source = 0;
};

// Not thread-safe: the caller serialises (one detector per jurisdiction).
class FloodDetector {
 public:
  explicit FloodDetector(FloodOptions options = {});

  // The verdict on a new request; remembers nothing.
  FloodVerdict Check(const FloodProbe& probe);
  // Remembers a request that was filed, for the verdicts on later ones.
  void Remember(const FloodProbe& probe);

  std::size_t SourceCount() const { return sources_.size(); }

 private:
  // A request's text as unit-length weights of its character bigrams.
  using Vector = std::vector<std::pair<std::uint64_t, float>>;
  struct Kept {
    Timestamp at{};
    Vector text;
  };
  struct Source {
    std::deque<Kept> kept;  // oldest first
    Timestamp last_seen{};
  };

  void Forget(Timestamp now);

  FloodOptions options_;
  std::unordered_map<std::uint64_t, Source> sources_;
  // (last seen, source) in the order sources were seen; stale entries (a
  // source seen again later) are skipped when forgetting.
  std::deque<std::pair<Timestamp, std::uint64_t>> seen_;
};

// The text similarity the detector uses, in [0, 1] (for tests and tools).
double FloodTextSimilarity(std::string_view title_a, std::string_view detail_a,
                           std::string_view title_b, std::string_view detail_b);

}  // namespace lizheng::insight
