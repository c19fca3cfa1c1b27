#include "lizheng/app/jurisdiction_cache.hpp"

#include <algorithm>

namespace lizheng::app {

Result<JurisdictionData> LoadJurisdictionData(store::ReadTxn& txn, JurisdictionId id) {
  LZ_ASSIGN_OR_RETURN(Directory dir, txn.LoadDirectory(id));
  LZ_ASSIGN_OR_RETURN(std::vector<CalendarException> days, txn.LoadCalendar(id));
  LZ_ASSIGN_OR_RETURN(TimeLimitMatrix limits, txn.LoadTimeLimits(id));
  const int offset = dir.jurisdiction().utc_offset_minutes;
  ClockPolicy policy = limits.policy();
  RateLimitSettings rate_limits;
  LZ_ASSIGN_OR_RETURN(std::optional<std::string> rate_file, txn.GetJurisdictionFile(id, kRateLimitsFile));
  if (rate_file) {
    auto parsed = RateLimitSettings::Parse(*rate_file);
    if (!parsed.ok())
      return MakeError(ErrorCode::kInternal, "the stored rate limits cannot be read", "",
                       std::string(kRateLimitsFile) + ": " + parsed.error().message);
    rate_limits = *parsed;
  }
  return JurisdictionData{std::move(dir), WorkingCalendar(offset, std::move(days)),
                          std::move(limits), std::move(policy), std::move(rate_limits)};
}

JurisdictionCache::JurisdictionCache(store::Store& store, const TimeSource& time,
                                     std::chrono::seconds ttl)
    : store_(store), time_(time), ttl_(ttl) {}

Result<std::shared_ptr<const JurisdictionData>> JurisdictionCache::Load(JurisdictionId id) {
  std::optional<JurisdictionData> loaded;
  Status st = store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(JurisdictionData d, LoadJurisdictionData(txn, id));
    loaded.emplace(std::move(d));
    return OkStatus();
  });
  if (!st.ok()) return st.error();
  return std::make_shared<const JurisdictionData>(std::move(*loaded));
}

Result<std::shared_ptr<const JurisdictionData>> JurisdictionCache::Get(JurisdictionId id) {
  const Timestamp now = time_.Now();
  {
    std::lock_guard lock(mu_);
    auto it = entries_.find(id);
    if (it != entries_.end() && now - it->second.loaded_at < ttl_) return it->second.data;
  }
  // Loading outside the lock: two threads may load at once, which is
  // harmless and keeps readers from queueing behind the database.
  LZ_ASSIGN_OR_RETURN(auto data, Load(id));
  std::lock_guard lock(mu_);
  entries_[id] = Entry{data, now};
  codes_[data->directory.jurisdiction().code] = id;
  return data;
}

Result<std::shared_ptr<const JurisdictionData>> JurisdictionCache::GetByCode(const std::string& code) {
  std::optional<JurisdictionId> known;
  {
    std::lock_guard lock(mu_);
    auto it = codes_.find(code);
    if (it != codes_.end()) known = it->second;
  }
  if (known) return Get(*known);
  std::vector<Jurisdiction> all;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(all, txn.ListJurisdictions());
    return OkStatus();
  }));
  for (const auto& j : all)
    if (j.code == code) return Get(j.id);
  return MakeError(ErrorCode::kNotFound, "unknown_jurisdiction",
                   Text{"参数 jurisdiction：没有辖区 '" + code + "'",
                        "jurisdiction: unknown code '" + code + "'"},
                   "jurisdiction");
}

Result<std::shared_ptr<const JurisdictionData>> JurisdictionCache::Default() {
  std::optional<JurisdictionId> known;
  {
    std::lock_guard lock(mu_);
    known = default_id_;
  }
  if (known) return Get(*known);
  std::vector<Jurisdiction> all;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(all, txn.ListJurisdictions());
    return OkStatus();
  }));
  if (all.empty())
    return MakeError(ErrorCode::kUnavailable, "no_jurisdiction",
                     Text{"尚未设置辖区，请先运行 'lizheng demo' 或 'lizheng setup'",
                          "no jurisdiction is set up yet; run 'lizheng demo' or 'lizheng setup'"});
  JurisdictionId first = all.front().id;
  for (const auto& j : all) first = std::min(first, j.id);
  {
    std::lock_guard lock(mu_);
    default_id_ = first;
  }
  return Get(first);
}

void JurisdictionCache::Invalidate() {
  std::lock_guard lock(mu_);
  entries_.clear();
  codes_.clear();
  default_id_.reset();
}

}  // namespace lizheng::app
