// The ReadTxn / WriteTxn of the SQLite backend: a thin face over the row
// modules, bound to one connection whose transaction the caller (read pool
// or group committer) has opened. Read transactions are handed out as
// ReadTxn& on read-only connections, so their write methods are unreachable.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "connection.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::store::sqlite {

class SqliteTxn final : public WriteTxn {
 public:
  // `log_key` (may be null: AppendEvent then fails) must outlive the txn.
  explicit SqliteTxn(Connection& conn, const LogKey* log_key = nullptr)
      : conn_(conn), log_key_(log_key) {}

  Result<std::vector<Jurisdiction>> ListJurisdictions() override;
  Result<Directory> LoadDirectory(JurisdictionId j) override;
  Result<std::vector<CalendarException>> LoadCalendar(JurisdictionId j) override;
  Result<std::optional<std::string>> GetJurisdictionFile(JurisdictionId j,
                                                         std::string_view name) override;
  Result<TimeLimitMatrix> LoadTimeLimits(JurisdictionId j) override;
  Result<std::optional<User>> FindUser(JurisdictionId j, std::string_view username) override;
  Result<std::optional<User>> GetUser(JurisdictionId j, UserId id) override;
  Result<std::vector<User>> ListUsers(JurisdictionId j) override;
  Result<std::optional<Session>> FindSession(std::string_view token_hash) override;
  Result<WorkOrder> GetWorkOrder(JurisdictionId j, WorkOrderId id) override;
  Result<std::vector<WorkOrder>> ListByTrackingNo(std::string_view tracking_no) override;
  Result<std::optional<WorkOrder>> FindByIdempotencyKey(JurisdictionId j,
                                                        std::string_view key) override;
  Result<WorkOrderPage> ListWorkOrders(const WorkOrderQuery& q) override;
  Result<std::int64_t> CountWorkOrders(const WorkOrderQuery& q) override;
  Result<std::vector<FigureRow>> CountFigures(const FigureQuery& q) override;
  Result<std::vector<WorkOrder>> DueForCheck(JurisdictionId j, Timestamp now, int limit) override;
  Result<std::vector<Event>> ListEvents(JurisdictionId j, WorkOrderId id) override;
  Result<std::vector<QueuedNotice>> ListNotices(JurisdictionId j, WorkOrderId id) override;

  Result<JurisdictionId> InsertJurisdiction(const Jurisdiction& j) override;
  Result<UnitId> InsertUnit(JurisdictionId j, const Unit& u) override;
  Status InsertArea(JurisdictionId j, const Area& a) override;
  Status InsertCategory(JurisdictionId j, const Category& c) override;
  Result<MailboxId> InsertMailbox(JurisdictionId j, const Mailbox& m) override;
  Status InsertCatalogueEntry(JurisdictionId j, const CatalogueEntry& e) override;
  Status PutJurisdictionFile(JurisdictionId j, std::string_view name, std::string_view content,
                             Timestamp at) override;
  Status ReplaceCalendar(JurisdictionId j, int year,
                         const std::vector<CalendarException>& days) override;
  Status ReplaceTimeLimits(JurisdictionId j, const TimeLimitMatrix& m) override;
  Result<UserId> InsertUser(const User& u) override;
  Status UpdateUser(const User& u) override;
  Status InsertSession(const Session& s) override;
  Status DeleteSession(std::string_view token_hash) override;
  Result<std::int64_t> DeleteExpiredSessions(Timestamp now) override;
  Result<std::string> NextTrackingNo(JurisdictionId j, Date day) override;
  Result<WorkOrderId> InsertWorkOrder(const WorkOrder& wo) override;
  Status UpdateWorkOrder(const WorkOrder& wo) override;
  Status AppendEvent(Event& e) override;
  Status QueueNotice(JurisdictionId j, const Notice& n, Timestamp at) override;

 private:
  Connection& conn_;
  const LogKey* log_key_;
  // The digest of each work order as this txn last wrote or read it, so an
  // event hashes no stored row again (one txn per write function: a
  // rolled-back function takes its digests with it).
  std::map<std::pair<JurisdictionId, WorkOrderId>, std::string> digests_;
};

}  // namespace lizheng::store::sqlite
