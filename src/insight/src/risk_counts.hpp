// Counts of people in a request: "200名工人", "上百户", "几千名业主",
// "3000余人". Private to the insight module.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace lizheng::insight {

// Who a count is of.
enum class CountedGroup {
  kWorkers,     // 工人, 农民工, 员工, 职工, 教师 ...: whose wages can be owed
  kAnyone,      // no noun: 200人, 200名, 200多人
  kResidents,   // 业主, 居民, 村民, 学生, 家长, 患者 ...
  kHouseholds,  // 户, 家住户, 户人家
};

// One count: code points [begin, end) of the text, from the number to the
// noun (or the measure word when there is no noun).
struct PeopleCount {
  std::size_t begin = 0;
  std::size_t end = 0;
  double count = 0;
  CountedGroup group = CountedGroup::kAnyone;
};

// Appends every count of people or households in `text` to `out`. A number
// counts when a measure word (名, 位, 个, 户, 家, 人, 口) follows it, with or
// without a noun for people; an approximate number (上千, 数百, 300多) also
// when the noun follows directly (上千业主). Ordinals (第200名), amounts,
// dates, flats (1501业主) and words such as 人次, 人事, 名额 do not count.
// Pure function, any thread.
void FindPeopleCounts(std::u32string_view text, std::vector<PeopleCount>& out);

}  // namespace lizheng::insight
