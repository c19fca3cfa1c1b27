// Arrival times, repeats and showcase steering of the demo's requests.
#include "demo_plan.hpp"

#include <algorithm>
#include <cmath>

namespace lizheng::app::demo {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Relative volume by local hour: office hours peak, a trickle at night.
constexpr double kHourWeights[24] = {0.15, 0.08, 0.05, 0.04, 0.04, 0.08, 0.3, 0.8,
                                     1.6,  2.2,  2.3,  2.0,  1.2,  1.4,  2.0, 2.1,
                                     2.0,  1.5,  1.0,  0.9,  0.9,  0.7,  0.45, 0.25};
constexpr double kRestDayWeight = 0.55;
constexpr double kRepeatShare = 0.03;
constexpr std::size_t kMaxRepeats = 3;
constexpr auto kRepeatWindow = hours(36);
constexpr auto kRepeatMinGap = minutes(20);

// The states a showcase walk stops in, with the least age that lets a brisk
// walk reach them.
struct Showcase {
  State state;
  double min_age_days;
};
constexpr Showcase kShowcases[] = {
    {State::kReopened, 14}, {State::kAnswered, 10},  {State::kReplied, 9},
    {State::kInProgress, 2}, {State::kReturned, 1},  {State::kDispatched, 1},
    {State::kAccepted, 1},   {State::kRejected, 0.2}, {State::kSubmitted, 0},
};

std::vector<Timestamp> ArrivalTimes(const DemoOptions& o, const WorkingCalendar& calendar, DemoRng& rng) {
  const Timestamp start = o.now - hours(24 * o.days);
  const int offset = calendar.utc_offset_minutes();
  std::vector<double> weights;
  for (Timestamp slot = start; slot < o.now; slot += hours(1)) {
    const auto local = (slot + minutes(offset)).time_since_epoch();
    const auto hour = std::chrono::duration_cast<hours>(local).count() % 24;
    const double day = calendar.IsWorkingDay(LocalDate(slot, offset)) ? 1.0 : kRestDayWeight;
    const double part = std::min(1.0, std::chrono::duration<double>(o.now - slot).count() / 3600.0);
    weights.push_back(day * kHourWeights[hour] * part);
  }
  const WeightedPick pick(weights);
  std::vector<Timestamp> out;
  out.reserve(static_cast<std::size_t>(o.requests));
  for (std::int64_t i = 0; i < o.requests; ++i) {
    const Timestamp slot = start + hours(pick(rng));
    const std::int64_t span = std::min<std::int64_t>(3600, (o.now - slot).count());
    out.push_back(slot + seconds(rng.Between(0, std::max<std::int64_t>(span - 1, 0))));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Steers the most recent fitting request without repeats for each showcase.
void SteerShowcases(std::vector<GroupSeed>& groups, Timestamp now) {
  std::vector<bool> taken(groups.size(), false);
  for (const Showcase& s : kShowcases) {
    const Timestamp latest = now - seconds(std::llround(s.min_age_days * 86400));
    auto it = std::upper_bound(groups.begin(), groups.end(), latest,
                               [](Timestamp t, const GroupSeed& g) { return t < g.created; });
    for (auto i = it - groups.begin() - 1; i >= 0; --i) {
      if (taken[i] || !groups[i].repeats.empty()) continue;
      taken[i] = true;
      Steer& steer = groups[i].steer;
      steer.stop_at = s.state;
      steer.reject = s.state == State::kRejected;
      steer.ret = s.state == State::kReturned;
      steer.reopen = s.state == State::kReopened;
      break;
    }
  }
}

}  // namespace

std::vector<GroupSeed> PlanGroups(const DemoOptions& o, const WorkingCalendar& calendar) {
  DemoRng rng = DemoRng::Stream(o.seed, 0);
  const std::vector<Timestamp> arrivals = ArrivalTimes(o, calendar, rng);
  std::vector<GroupSeed> groups;
  groups.reserve(arrivals.size());
  std::size_t window = 0;  // the first group that a new arrival may still repeat
  for (const Timestamp t : arrivals) {
    while (window < groups.size() && groups[window].created < t - kRepeatWindow) ++window;
    std::size_t last = groups.size();  // one past the last group old enough
    while (last > window && groups[last - 1].created > t - kRepeatMinGap) --last;
    if (last > window && rng.Chance(kRepeatShare)) {
      GroupSeed& g = groups[window + rng.Below(last - window)];
      if (g.repeats.size() < kMaxRepeats) {
        g.repeats.push_back(t);
        continue;
      }
    }
    groups.push_back(GroupSeed{t, {}, {}});
  }
  SteerShowcases(groups, o.now);
  return groups;
}

}  // namespace lizheng::app::demo
