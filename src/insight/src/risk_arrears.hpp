// Where a request says wages are owed, in words the lexicon cannot list:
// "工资至今未发", "三个月的工资拿不到". Private to the insight module.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace lizheng::insight {

// Appends to `out` the code-point position of every 工资, 工钱, 薪水, 薪资
// or 劳务费 in `text` with a word of non-payment (拖欠, 未发, 没发, 拿不到,
// ...) at most 16 code points before or after it. In a request filed under
// labour and social security (`labour_category`) a bare 欠 counts too.
// Pure function, any thread.
void FindUnpaidWages(std::u32string_view text, bool labour_category, std::vector<std::size_t>& out);

// Whether a count at `pos` is close enough (60 code points) to one of the
// sorted positions in `mentions` to be about the same unpaid wages.
bool NearUnpaidWages(const std::vector<std::size_t>& mentions, std::size_t pos);

}  // namespace lizheng::insight
