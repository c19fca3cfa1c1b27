#include "lizheng/insight/flood_detector.hpp"

#include <algorithm>
#include <cmath>

#include "text_bigrams.hpp"

namespace lizheng::insight {
namespace {

using Vector = BigramBag;

// Term frequencies of the bigrams (title twice), normalised to length 1.
// No IDF: a flood is judged against one source's own requests, not a pool.
Vector VectorOf(std::string_view title, std::string_view detail) {
  Vector v = BagOf(title, detail);
  double norm = 0.0;
  for (const auto& [key, w] : v) norm += static_cast<double>(w) * w;
  if (norm > 0) {
    const auto inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& [key, w] : v) w *= inv;
  }
  return v;
}

double Cosine(const Vector& a, const Vector& b) {
  return SparseCosine(a, b);
}

}  // namespace

FloodDetector::FloodDetector(FloodOptions options) : options_(options) {}

FloodVerdict FloodDetector::Check(const FloodProbe& probe) {
  Forget(probe.at);
  FloodVerdict verdict;
  const auto it = sources_.find(probe.source);
  if (it == sources_.end()) return verdict;
  const Vector text = VectorOf(probe.title, probe.detail);
  if (text.empty()) return verdict;  // nothing to compare: never a flood by text
  for (const Kept& k : it->second.kept)
    if (Cosine(text, k.text) >= options_.similarity) ++verdict.similar_from_source;
  verdict.suspected = verdict.similar_from_source >= options_.max_per_source;
  return verdict;
}

void FloodDetector::Remember(const FloodProbe& probe) {
  Forget(probe.at);
  Source& s = sources_[probe.source];
  s.kept.push_back(Kept{probe.at, VectorOf(probe.title, probe.detail)});
  while (s.kept.size() > options_.max_kept_per_source) s.kept.pop_front();
  s.last_seen = probe.at;
  seen_.emplace_back(probe.at, probe.source);
  // Bound the memory: forget the sources seen least recently.
  while (sources_.size() > options_.max_sources && !seen_.empty()) {
    const auto [at, source] = seen_.front();
    seen_.pop_front();
    const auto old = sources_.find(source);
    if (old != sources_.end() && old->second.last_seen == at && source != probe.source)
      sources_.erase(old);
  }
}

void FloodDetector::Forget(Timestamp now) {
  const Timestamp horizon = now - options_.window;
  while (!seen_.empty() && seen_.front().first < horizon) {
    const auto [at, source] = seen_.front();
    seen_.pop_front();
    const auto it = sources_.find(source);
    if (it == sources_.end()) continue;
    std::deque<Kept>& kept = it->second.kept;
    while (!kept.empty() && kept.front().at < horizon) kept.pop_front();
    if (kept.empty()) sources_.erase(it);
  }
}

double FloodTextSimilarity(std::string_view title_a, std::string_view detail_a,
                           std::string_view title_b, std::string_view detail_b) {
  return Cosine(VectorOf(title_a, detail_a), VectorOf(title_b, detail_b));
}

}  // namespace lizheng::insight
