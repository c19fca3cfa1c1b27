#include "lizheng/core/work_order.hpp"

#include <algorithm>

namespace lizheng {

std::vector<UnitId> WorkOrder::UnitsWithIt() const {
  std::vector<UnitId> units = assisting_units;
  if (state != State::kReturned) {
    if (lead_unit) units.push_back(*lead_unit);
    if (handling_unit) units.push_back(*handling_unit);
  }
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());
  return units;
}

const Clock* WorkOrder::RunningClock(ClockKind kind) const {
  for (const auto& c : clocks)
    if (c.kind == kind && !c.stopped) return &c;
  return nullptr;
}

Clock* WorkOrder::RunningClock(ClockKind kind) {
  for (auto& c : clocks)
    if (c.kind == kind && !c.stopped) return &c;
  return nullptr;
}

std::optional<Timestamp> WorkOrder::NextCheckAt() const {
  std::optional<Timestamp> next;
  for (const auto& c : clocks) {
    if (c.stopped || c.overdue) continue;
    const Timestamp t = c.warned ? c.due : std::min(c.warn_at, c.due);
    if (!next || t < *next) next = t;
  }
  return next;
}

bool WorkOrder::IsOverdue() const {
  return std::any_of(clocks.begin(), clocks.end(),
                     [](const Clock& c) { return c.overdue && !c.stopped; });
}

bool WorkOrder::HasPendingInstruction() const {
  return std::any_of(instructions.begin(), instructions.end(),
                     [](const Instruction& i) { return !i.acknowledged_at; });
}

}  // namespace lizheng
