// 重复诉求识别: which open requests describe the same problem at the same
// place as a new one, recently. Text similarity is the cosine of TF-IDF
// weighted character bigrams (title counted twice), with the IDF taken from
// the candidate pool itself, so the phrases every request shares (您好,
// 希望有关部门) weigh little; place and time then scale it.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/directory.hpp"
#include "lizheng/core/time.hpp"
#include "lizheng/insight/advice_reason.hpp"

namespace lizheng::insight {

// A request as the comparison sees it. Views: the caller keeps the text alive.
struct RequestText {
  std::int64_t id = 0;  // the work order's id (0 for a request not yet filed)
  std::string_view title;
  std::string_view detail;
  std::string_view address;
  std::string_view area_code;
  std::string_view category_code;
  Timestamp created_at{};
};

struct RepeatOptions {
  // Candidates filed more than this before the probe are not repeats.
  std::chrono::hours window{24 * 30};
  // Matches scoring below this are not reported.
  double threshold = 0.45;
  std::size_t max_results = 5;
};

// One likely repeat, best first.
struct RepeatMatch {
  std::int64_t id = 0;
  double score = 0.0;            // in [0, 1]: text similarity scaled by place and time
  double text_similarity = 0.0;  // the cosine alone
  std::vector<AdviceReason> reasons;
};

// The candidates most likely to describe the same problem as `probe`, best
// first, at most options.max_results, each scoring at least the threshold.
// Candidates outside `probe`'s district (by the directory's areas), outside
// the window or with the probe's own id never match. Pure; any thread.
std::vector<RepeatMatch> FindRepeats(const RequestText& probe, std::span<const RequestText> candidates,
                                     const Directory& directory, const RepeatOptions& options = {});

// The text similarity alone, in [0, 1], with document frequencies from the
// two texts only (for tests and tools).
double TextSimilarity(const RequestText& a, const RequestText& b);

}  // namespace lizheng::insight
