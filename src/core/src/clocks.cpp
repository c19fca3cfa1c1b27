#include "clocks.hpp"

namespace lizheng::detail {

LimitSet LimitsFor(const WorkOrder& wo, const EngineContext& ctx) {
  return ctx.limits.Lookup(wo.type, wo.category_code, wo.urgency);
}

void StartClock(WorkOrder& wo, ClockKind kind, Timestamp now, Timestamp due, double warn_fraction) {
  StopClock(wo, kind, now);
  Clock c;
  c.kind = kind;
  c.started = now;
  c.due = due;
  c.warn_at = WarnAt(now, due, warn_fraction);
  wo.clocks.push_back(c);
}

void StartClockFor(WorkOrder& wo, ClockKind kind, LimitSpan span, const EngineContext& ctx) {
  StartClock(wo, kind, ctx.now, AddSpan(ctx.calendar, ctx.now, span), ctx.policy.warn_fraction);
}

void StopClock(WorkOrder& wo, ClockKind kind, Timestamp now) {
  if (Clock* c = wo.RunningClock(kind)) {
    c->stopped = now;
    if (now > c->due) c->overdue = true;
  }
}

void StopUnitClocks(WorkOrder& wo, Timestamp now) {
  StopClock(wo, ClockKind::kSignFor, now);
  StopClock(wo, ClockKind::kContact, now);
  StopClock(wo, ClockKind::kReply, now);
}

}  // namespace lizheng::detail
