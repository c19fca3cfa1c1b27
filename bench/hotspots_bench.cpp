// Hot-spot tracking throughput: one million generated requests through the
// incremental grouping, one thread, as a year of a large city's intake.
//   hotspots_bench [requests] [dict.txt]
// Prints one JSON object: requests, seconds (wall and CPU), requests per
// second, the most issues open at once, issues opened, alerts, and this
// process's peak resident memory (getrusage ru_maxrss, the figure
// `/usr/bin/time -v` reports as "Maximum resident set size").
//
// The generator: 12 districts x 400 estates; 40 problems (10 kinds x 4
// parties), each opened three ways; requests spread evenly over 365 days with a
// few planted surges (a new topic in January, an estate's spike in summer).
// Fixed seed: every run feeds the same stream.
#include <sys/resource.h>
#include <time.h>

#include <array>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>

#include "lizheng/insight/hotspots/hotspot_tracker.hpp"

namespace {

using namespace lizheng;
using insight::hotspots::HotspotRequest;

// Estate names: two of these words and an ending (金桥银湖小区).
constexpr std::array<const char*, 20> kNameWords = {
    "金桥", "银湖", "丽发", "星沙", "景华", "福泰", "康明", "泰安", "锦绣", "翠微",
    "碧桂", "天马", "凤凰", "紫薇", "梅溪", "枫林", "岳麓", "芙蓉", "湘江", "橘洲"};
constexpr std::array<const char*, 4> kEstateEnds = {"小区", "花园", "家园", "新城"};

struct Problem {
  std::array<const char*, 3> titles;
  const char* details;
};

// 40 problems as 10 stems x 4 objects, each said three ways.
constexpr std::array<const char*, 10> kStems = {"噪音扰民", "乱收费", "违章停车", "垃圾堆放",
                                                "油烟污染", "路面破损", "路灯不亮", "停水停电",
                                                "违规施工", "漏水渗水"};
constexpr std::array<const char*, 4> kObjects = {"物业", "商铺", "工地", "开发商"};

std::string Estate(std::uint32_t n) {  // n < 1600: distinct names
  return std::string(kNameWords[n % 20]) + kNameWords[(n / 20) % 20] + kEstateEnds[(n / 400) % 4];
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

HotspotRequest Generate(std::mt19937_64& rng, std::uint64_t i, std::uint64_t total, Timestamp t0) {
  HotspotRequest r;
  r.id = std::to_string(i);
  r.citizen = "C" + std::to_string(rng() % 400000);
  const double year = 365.0 * 86400.0;
  r.time = t0 + std::chrono::seconds(static_cast<std::int64_t>(year * double(i) / double(total)));
  const std::uint32_t district = rng() % 12;
  const std::uint32_t estate = rng() % 400;
  std::uint32_t stem = rng() % kStems.size();
  std::uint32_t object = rng() % kObjects.size();
  const std::uint64_t day = i * 365 / total;
  // Planted: shared-bike deposits from day 10 to 13, and a spike at one
  // estate from day 200 to 202.
  if (day >= 10 && day < 13 && rng() % 50 == 0) {
    r.title = "A市共享单车押金无法退还";
    r.details = "共享单车公司押金退还申请一个月没有到账，客服电话打不通。";
    r.support_votes = rng() % 20;
    return r;
  }
  std::string place = "A" + std::to_string(district + 1) + "区" + Estate((district % 4) * 400 + estate);
  if (day >= 200 && day < 203 && rng() % 20 == 0) {
    place = "A3区" + Estate(3 * 400 + 7);
    stem = 4;
    object = 1;
  }
  static constexpr std::array<const char*, 3> kOpenings = {"反映", "投诉", "关于"};
  r.title = std::string(kOpenings[rng() % 3]) + place + kObjects[object] + kStems[stem];
  r.details = "我是" + place + "的业主，" + kObjects[object] + kStems[stem] +
              "的问题已经持续很久，多次反映没有解决，严重影响居民生活，希望相关部门尽快处理。";
  r.support_votes = rng() % 4 == 0 ? rng() % 10 : 0;
  if (rng() % 200 == 0) r.urgency = Urgency::kUrgent;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t total = argc > 1 ? std::stoull(argv[1]) : 1000000;
  text::SegmenterOptions so;
  if (argc > 2) so.dictionary_path = argv[2];
  Result<text::Segmenter> segmenter = text::Segmenter::Load(so);
  if (!segmenter.ok()) {
    std::cerr << segmenter.error().message << "\n";
    return 1;
  }
  insight::hotspots::HotspotTracker tracker(*segmenter);
  std::mt19937_64 rng(20200106);
  const Timestamp t0 = std::chrono::sys_days(std::chrono::year(2020) / 1 / 1);
  std::size_t most_open = 0;
  std::uint64_t alerts = 0;
  const auto wall0 = std::chrono::steady_clock::now();
  const double cpu0 = CpuSeconds();
  for (std::uint64_t i = 0; i < total; ++i) {
    Result<insight::hotspots::AddOutcome> out = tracker.Add(Generate(rng, i, total, t0));
    if (!out.ok()) {
      std::cerr << out.error().message << "\n";
      return 1;
    }
    alerts += out->alert.has_value();
    if (i % 1000 == 0) most_open = std::max(most_open, tracker.stats().open_issues);
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  const double cpu = CpuSeconds() - cpu0;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const std::vector<insight::hotspots::IssueSummary> top = tracker.TopIssues(5);
  nlohmann::json top_json = nlohmann::json::array();
  for (const auto& s : top) {
    top_json.push_back({{"hotness", s.hotness}, {"messages", s.inputs.messages},
                        {"place", s.place_or_people}, {"description", s.description}});
  }
  std::cout << nlohmann::json{{"requests", total},
                              {"segmenter", segmenter->status()},
                              {"wall_seconds", wall},
                              {"cpu_seconds", cpu},
                              {"requests_per_second", double(total) / wall},
                              {"most_open_issues", most_open},
                              {"issues_opened", tracker.stats().issues_opened},
                              {"alerts", alerts},
                              {"max_rss_mib", double(usage.ru_maxrss) / 1024.0},
                              {"top", top_json}}
                   .dump()
            << "\n";
  return 0;
}
