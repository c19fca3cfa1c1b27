// What the store tests share: temporary directories, the backends the
// contract suite runs against, and builders of test data.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "lizheng/store/store.hpp"

namespace lizheng::store::testsupport {

// A fresh directory under $TMPDIR (or /tmp), removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// One storage backend as the contract suite sees it.
struct Backend {
  std::string name;
  // Opens (creating if needed) the store kept in `dir`. Opening the same
  // directory again reopens the same data; a Backup written to
  // BackupPath(dir) opens with open(dir).
  std::function<std::unique_ptr<Store>(const std::string& dir)> open;
  // Where Backup should write so that open(dir) finds the copy.
  std::function<std::string(const std::string& dir)> backup_path;
  // Changes the actor_name of one stored event behind the store's back, as
  // an attacker with file or database access would (store must be closed).
  std::function<void(const std::string& dir, JurisdictionId j, std::int64_t seq)> tamper_event;
  // Deletes one jurisdiction's events from `seq` on, the same way.
  std::function<void(const std::string& dir, JurisdictionId j, std::int64_t seq)> truncate_events;
  // Runs one SQL statement behind the store's back, the same way; it must
  // change at least one row.
  std::function<void(const std::string& dir, const std::string& sql)> run_sql;
  // Opens like `open` but with the log key given (or none), returning the
  // store's refusal instead of throwing. With check_key false a key that
  // does not fit is not refused (verification then reports the events).
  std::function<Result<std::unique_ptr<Store>>(const std::string& dir, std::optional<LogKey> key,
                                               bool check_key)>
      open_with_key;
};

// The log key every test store is opened with (a fixed one, so that two
// stores given the same writes hold the same hashes).
LogKey TestLogKey();

Backend SqliteBackend();

// GoogleTest prints a parameter in every test's name; a backend by its name.
inline void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

// Instants as epoch seconds.
inline Timestamp At(std::int64_t seconds) { return Timestamp{std::chrono::seconds{seconds}}; }

// A work order with every field set to something other than its default,
// so that codec and storage round trips are meaningful.
WorkOrder FullWorkOrder(JurisdictionId j, const std::string& tracking_no);

// The names of the fields in which two work orders differ ("" when equal).
// WorkOrder's defaulted operator== is deleted while Citizen has none, so the
// tests compare field by field.
std::string WorkOrderDiff(const WorkOrder& a, const WorkOrder& b);

// A minimal event of a work order.
Event MakeEvent(JurisdictionId j, WorkOrderId wo, Action action, std::int64_t at_seconds);

}  // namespace lizheng::store::testsupport
