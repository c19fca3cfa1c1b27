// Which open issues a new request could join, without looking at all of
// them: posting lists from a place key and from a keyword to the issues
// holding it, newest last. A lookup reads only the newest entries of a few
// lists, so its cost does not grow with the number of open issues.
#pragma once

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

#include "lizheng/insight/hotspots/hotspot_tracker.hpp"

namespace lizheng::insight::hotspots::detail {

class CandidateIndex {
 public:
  // Whether an entry still counts: the issue is open (and, for a keyword,
  // still holds it). Used to drop stale entries.
  using IsCurrent = std::function<bool(IssueId, std::uint64_t key)>;

  explicit CandidateIndex(IsCurrent is_current) : is_current_(std::move(is_current)) {}

  void Add(std::uint64_t key, IssueId issue);
  // Appends the newest `limit` distinct issues of `key`'s list to `out`.
  void Newest(std::uint64_t key, std::size_t limit, std::vector<IssueId>& out) const;
  // Drops stale entries from every list (and empty lists). Linear in the
  // index; the tracker calls it as often as issues close, so that the index
  // stays proportional to the open issues.
  void Sweep();
  std::size_t entries() const { return entries_; }

 private:
  struct Postings {
    std::vector<IssueId> ids;
    std::size_t compacted_size = 0;
  };
  std::size_t Compact(std::uint64_t key, Postings& p);

  IsCurrent is_current_;
  std::unordered_map<std::uint64_t, Postings> lists_;
  std::size_t entries_ = 0;
};

}  // namespace lizheng::insight::hotspots::detail
