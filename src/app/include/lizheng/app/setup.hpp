// Creating a jurisdiction with lizheng's defaults: the official working
// calendars and the default time limits shipped in data/.
#pragma once

#include <string>
#include <string_view>

#include "lizheng/core/directory.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::app {

// The years whose official calendars ship with lizheng.
std::vector<int> BundledCalendarYears();
// A bundled data file (path relative to data/), or kNotFound.
Result<std::string_view> BundledFile(std::string_view path);

// Inserts the jurisdiction and copies the bundled calendars and default time
// limits into it, inside the caller's transaction.
Result<JurisdictionId> CreateJurisdiction(store::WriteTxn& txn, const Jurisdiction& j);

}  // namespace lizheng::app
