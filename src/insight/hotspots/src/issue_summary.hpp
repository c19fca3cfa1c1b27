// Turning an issue's state into what people read: 地点/人群 and 问题描述.
#pragma once

#include <cstdint>
#include <string_view>

#include "issue_state.hpp"

namespace lizheng::insight::hotspots::detail {

// Bit i is set when the text names the i-th group of people the issue may
// speak for (业主, 学生, 家长, 村民, ...). Any thread.
std::uint32_t PeopleMask(std::string_view title, std::string_view details);

// The summary of `issue` with the given growth (peak or current).
IssueSummary Summarize(const IssueState& issue, double growth, bool open,
                       const HotnessWeights& weights);

}  // namespace lizheng::insight::hotspots::detail
