// Private: when the demo's requests arrive and which of them repeat an
// earlier one, planned before any is walked so that ids and tracking
// numbers can be handed out in order.
#pragma once

#include <vector>

#include "demo_walk.hpp"
#include "lizheng/app/demo.hpp"
#include "lizheng/core/working_calendar.hpp"

namespace lizheng::app::demo {

// A request and the repeats that will be merged into it.
struct GroupSeed {
  Timestamp created{};
  std::vector<Timestamp> repeats;  // later than `created`, at most a day and a half
  Steer steer;
};

// `options.requests` arrivals over the `options.days` days before
// `options.now` -- more on working days and in office hours, a few at night
// -- grouped into requests with their repeats, in order of arrival. The most
// recent fitting requests are steered so that every state of the loop shows
// even in a small demo. Deterministic for the seed.
std::vector<GroupSeed> PlanGroups(const DemoOptions& options, const WorkingCalendar& calendar);

}  // namespace lizheng::app::demo
