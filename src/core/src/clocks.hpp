// Private: starting, stopping and checking the clocks of a work order.
#pragma once

#include "lizheng/core/workflow.hpp"

namespace lizheng::detail {

// The sign-for, contact and reply limits that apply to the work order now.
LimitSet LimitsFor(const WorkOrder& wo, const EngineContext& ctx);

// Starts a clock of `kind` due at `due`, stopping a running one of the same
// kind first (a clock kind runs at most once at a time).
void StartClock(WorkOrder& wo, ClockKind kind, Timestamp now, Timestamp due, double warn_fraction);
// Starts a clock whose length is a limit span on the calendar.
void StartClockFor(WorkOrder& wo, ClockKind kind, LimitSpan span, const EngineContext& ctx);
// Stops the running clock of `kind`, if any; a clock stopped after its due
// instant is marked overdue, so late work counts even if the scheduler never
// saw it running.
void StopClock(WorkOrder& wo, ClockKind kind, Timestamp now);
// Stops the clocks a unit is held to (sign-for, contact, reply).
void StopUnitClocks(WorkOrder& wo, Timestamp now);

}  // namespace lizheng::detail
