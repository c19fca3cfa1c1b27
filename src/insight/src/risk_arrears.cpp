#include "risk_arrears.hpp"

#include <algorithm>
#include <array>

namespace lizheng::insight {
namespace {

constexpr auto kWages =
    std::to_array<std::u32string_view>({U"工资", U"工钱", U"薪水", U"薪资", U"劳务费"});
constexpr auto kUnpaid = std::to_array<std::u32string_view>({
    U"拖欠",
    U"欠发",
    U"欠付",
    U"未发",
    U"没发",
    U"不发",
    U"未付",
    U"没给",
    U"不给",
    U"未支付",
    U"拿不到",
    U"领不到",
    U"讨要",
    U"克扣",
    U"未结",
    U"没结",
});
constexpr std::size_t kWindow = 16;
constexpr std::size_t kNear = 60;

bool UnpaidAround(std::u32string_view s, std::size_t begin, std::size_t end, bool labour) {
  const std::size_t from = begin > kWindow ? begin - kWindow : 0;
  const std::size_t to = std::min(s.size(), end + kWindow);
  const std::u32string_view around = s.substr(from, to - from);
  for (std::u32string_view w : kUnpaid)
    if (around.find(w) != std::u32string_view::npos) return true;
  return labour && around.find(U'欠') != std::u32string_view::npos;
}

}  // namespace

void FindUnpaidWages(std::u32string_view s, bool labour_category, std::vector<std::size_t>& out) {
  for (std::u32string_view w : kWages) {
    for (std::size_t at = s.find(w); at != std::u32string_view::npos; at = s.find(w, at + 1))
      if (UnpaidAround(s, at, at + w.size(), labour_category)) out.push_back(at);
  }
  std::sort(out.begin(), out.end());
}

bool NearUnpaidWages(const std::vector<std::size_t>& mentions, std::size_t pos) {
  const auto it = std::lower_bound(mentions.begin(), mentions.end(), pos > kNear ? pos - kNear : 0);
  return it != mentions.end() && *it <= pos + kNear;
}

}  // namespace lizheng::insight
