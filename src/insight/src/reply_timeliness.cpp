// 及时性: was the reply given within the time limit? The caller measures the
// time; this file only compares it with the limit.
#include <cmath>
#include <cstdio>

#include "reply_dimensions.hpp"

namespace lizheng::insight::reply {

namespace {

// From this share of the limit on, a reply is "late in its limit" (the
// platform warns at 80 % by default, ClockPolicy::warn_fraction).
constexpr double kNearShare = 0.8;

struct UnitNames {
  const char* zh;
  const char* en;
};

UnitNames NamesOf(LimitUnit u) {
  switch (u) {
    case LimitUnit::kMinutes: return {"分钟", "minutes"};
    case LimitUnit::kHours: return {"小时", "hours"};
    case LimitUnit::kDays: return {"天", "days"};
    case LimitUnit::kWorkingMinutes: return {"个工作分钟", "working minutes"};
    case LimitUnit::kWorkingHours: return {"个工作小时", "working hours"};
    case LimitUnit::kWorkingDays: return {"个工作日", "working days"};
  }
  return {"", ""};
}

std::string Amount(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// 100 at up to half the limit, 70 at the limit, 40 just after it, 10 at
// twice the limit and 0 from three times on.
double ScoreForShare(double share) {
  if (share <= 0.5) return 100;
  if (share <= 1.0) return 100 - (share - 0.5) / 0.5 * 30;
  if (share <= 2.0) return 40 - (share - 1.0) * 30;
  return std::max(0.0, 10 - (share - 2.0) * 10);
}

}  // namespace

DimensionScore ScoreTimeliness(const std::optional<ReplyTiming>& timing) {
  DimensionScore d;
  d.dimension = ReplyDimension::kTimeliness;
  if (!timing) {
    d.assessed = false;
    d.reasons.push_back(Strength(ReplyReasonCode::kTimingUnknown,
                                 "未提供办理用时，未评价及时性",
                                 "No timing given; timeliness not assessed"));
    return d;
  }
  const UnitNames u = NamesOf(timing->limit.unit);
  const double limit = timing->limit.amount;
  const double share = timing->elapsed / limit;
  const std::string used_zh = "用时" + Amount(timing->elapsed) + u.zh + "，时限" +
                              std::to_string(timing->limit.amount) + u.zh;
  const std::string used_en = Amount(timing->elapsed) + " " + u.en + " taken, limit " +
                              std::to_string(timing->limit.amount) + " " + u.en;
  if (share > 1.0) {
    const std::string over = Amount(timing->elapsed - limit);
    d.reasons.push_back(Problem(ReplyReasonCode::kOverdue,
                                "超时" + over + u.zh + "（" + used_zh + "）",
                                "Overdue by " + over + " " + u.en + " (" + used_en + ")"));
  } else if (share >= kNearShare) {
    d.reasons.push_back(Strength(ReplyReasonCode::kNearLimit,
                                 "在时限内答复，但已接近时限（" + used_zh + "）",
                                 "Replied within the limit, but close to it (" + used_en + ")"));
  } else {
    d.reasons.push_back(Strength(ReplyReasonCode::kOnTime, "按时答复（" + used_zh + "）",
                                 "Replied on time (" + used_en + ")"));
  }
  d.score = static_cast<int>(std::lround(ScoreForShare(share)));
  return d;
}

}  // namespace lizheng::insight::reply
