// The reference data each action needs (directory, calendar, limits,
// rate limits),
// loaded from the store and kept for a short while. Application servers are
// stateless: a change made through another server is seen within the TTL.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "lizheng/app/environment.hpp"
#include "lizheng/app/rate_limit_settings.hpp"
#include "lizheng/core/directory.hpp"
#include "lizheng/core/time_limits.hpp"
#include "lizheng/core/working_calendar.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::app {

// Everything the engine needs to know about one jurisdiction. Immutable.
struct JurisdictionData {
  Directory directory;
  WorkingCalendar calendar;
  TimeLimitMatrix limits;
  ClockPolicy policy;
  // The public edge's limits (its kRateLimitsFile, else the defaults).
  RateLimitSettings rate_limits;
};

// Thread-safe cache of JurisdictionData by id and code.
class JurisdictionCache {
 public:
  JurisdictionCache(store::Store& store, const TimeSource& time, std::chrono::seconds ttl);

  Result<std::shared_ptr<const JurisdictionData>> Get(JurisdictionId id);
  Result<std::shared_ptr<const JurisdictionData>> GetByCode(const std::string& code);
  // The jurisdiction to use when a request names none: the only one, or the
  // first created.
  Result<std::shared_ptr<const JurisdictionData>> Default();
  // Drops everything; the next Get reloads.
  void Invalidate();

 private:
  struct Entry {
    std::shared_ptr<const JurisdictionData> data;
    Timestamp loaded_at;
  };
  Result<std::shared_ptr<const JurisdictionData>> Load(JurisdictionId id);

  store::Store& store_;
  const TimeSource& time_;
  std::chrono::seconds ttl_;
  std::mutex mu_;
  std::map<JurisdictionId, Entry> entries_;
  std::map<std::string, JurisdictionId> codes_;
  std::optional<JurisdictionId> default_id_;
};

// Loads one jurisdiction's data inside a read transaction.
Result<JurisdictionData> LoadJurisdictionData(store::ReadTxn& txn, JurisdictionId id);

}  // namespace lizheng::app
