#include "candidate_index.hpp"

#include <algorithm>

namespace lizheng::insight::hotspots::detail {

std::size_t CandidateIndex::Compact(std::uint64_t key, Postings& p) {
  const std::size_t before = p.ids.size();
  // Keep the newest entry of each current issue, in order.
  std::vector<IssueId> kept;
  kept.reserve(p.ids.size());
  for (std::size_t i = p.ids.size(); i-- > 0;) {
    const IssueId id = p.ids[i];
    if (!is_current_(id, key)) continue;
    if (std::find(kept.end() - std::min<std::ptrdiff_t>(kept.size(), 64), kept.end(), id) !=
        kept.end()) {
      continue;  // a recent duplicate (the same issue posted twice)
    }
    kept.push_back(id);
  }
  std::reverse(kept.begin(), kept.end());
  p.ids = std::move(kept);
  p.compacted_size = p.ids.size();
  entries_ -= before - p.ids.size();
  return p.ids.size();
}

void CandidateIndex::Add(std::uint64_t key, IssueId issue) {
  Postings& p = lists_[key];
  if (!p.ids.empty() && p.ids.back() == issue) return;
  p.ids.push_back(issue);
  ++entries_;
  // Amortised: a list is filtered only after it doubled since the last time.
  if (p.ids.size() > 2 * p.compacted_size + 16) Compact(key, p);
}

void CandidateIndex::Newest(std::uint64_t key, std::size_t limit,
                            std::vector<IssueId>& out) const {
  const auto it = lists_.find(key);
  if (it == lists_.end()) return;
  const std::vector<IssueId>& ids = it->second.ids;
  std::size_t taken = 0;
  // Stale entries are skipped but counted, so a lookup stays bounded.
  const std::size_t first = ids.size() > 4 * limit ? ids.size() - 4 * limit : 0;
  for (std::size_t i = ids.size(); i-- > first && taken < limit;) {
    if (!is_current_(ids[i], key)) continue;
    out.push_back(ids[i]);
    ++taken;
  }
}

void CandidateIndex::Sweep() {
  for (auto it = lists_.begin(); it != lists_.end();) {
    if (Compact(it->first, it->second) == 0) {
      it = lists_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace lizheng::insight::hotspots::detail
