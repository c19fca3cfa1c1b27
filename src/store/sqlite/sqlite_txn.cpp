#include "sqlite_txn.hpp"

#include "clock_settings_rows.hpp"
#include "event_rows.hpp"
#include "reference_rows.hpp"
#include "user_rows.hpp"
#include "work_order_query.hpp"
#include "work_order_rows.hpp"

namespace lizheng::store::sqlite {

// ---- reads ----

Result<std::vector<Jurisdiction>> SqliteTxn::ListJurisdictions() {
  return sqlite::ListJurisdictions(conn_);
}
Result<Directory> SqliteTxn::LoadDirectory(JurisdictionId j) {
  return sqlite::LoadDirectory(conn_, j);
}
Result<std::vector<CalendarException>> SqliteTxn::LoadCalendar(JurisdictionId j) {
  return sqlite::LoadCalendar(conn_, j);
}

Result<std::optional<std::string>> SqliteTxn::GetJurisdictionFile(JurisdictionId j,
                                                                  std::string_view name) {
  LZ_ASSIGN_OR_RETURN(Statement stmt,
                      conn_.Prepare("SELECT content FROM jurisdiction_files "
                                    "WHERE jurisdiction_id = ?1 AND name = ?2"));
  stmt.BindInt(1, j).BindText(2, name);
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(stmt.Text(0));
}

Status SqliteTxn::PutJurisdictionFile(JurisdictionId j, std::string_view name,
                                      std::string_view content, Timestamp at) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn_.Prepare("INSERT INTO jurisdiction_files (jurisdiction_id, name, content, updated_at) "
                    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (jurisdiction_id, name) DO UPDATE SET "
                    "content = excluded.content, updated_at = excluded.updated_at"));
  return stmt.BindInt(1, j).BindText(2, name).BindText(3, content).BindTime(4, at).Run();
}
Result<TimeLimitMatrix> SqliteTxn::LoadTimeLimits(JurisdictionId j) {
  return sqlite::LoadTimeLimits(conn_, j);
}
Result<std::optional<User>> SqliteTxn::FindUser(JurisdictionId j, std::string_view username) {
  return sqlite::FindUser(conn_, j, username);
}
Result<std::optional<User>> SqliteTxn::GetUser(JurisdictionId j, UserId id) {
  return sqlite::GetUser(conn_, j, id);
}
Result<std::vector<User>> SqliteTxn::ListUsers(JurisdictionId j) {
  return sqlite::ListUsers(conn_, j);
}
Result<std::optional<Session>> SqliteTxn::FindSession(std::string_view token_hash) {
  return sqlite::FindSession(conn_, token_hash);
}
Result<WorkOrder> SqliteTxn::GetWorkOrder(JurisdictionId j, WorkOrderId id) {
  return sqlite::GetWorkOrder(conn_, j, id);
}
Result<std::vector<WorkOrder>> SqliteTxn::ListByTrackingNo(std::string_view tracking_no) {
  return sqlite::ListByTrackingNo(conn_, tracking_no);
}
Result<std::optional<WorkOrder>> SqliteTxn::FindByIdempotencyKey(JurisdictionId j,
                                                                 std::string_view key) {
  return sqlite::FindByIdempotencyKey(conn_, j, key);
}
Result<WorkOrderPage> SqliteTxn::ListWorkOrders(const WorkOrderQuery& q) {
  return sqlite::ListWorkOrders(conn_, q);
}
Result<std::int64_t> SqliteTxn::CountWorkOrders(const WorkOrderQuery& q) {
  return sqlite::CountWorkOrders(conn_, q);
}

Result<std::vector<FigureRow>> SqliteTxn::CountFigures(const FigureQuery& q) {
  return sqlite::CountFigures(conn_, q);
}
Result<std::vector<WorkOrder>> SqliteTxn::DueForCheck(JurisdictionId j, Timestamp now, int limit) {
  return sqlite::DueForCheck(conn_, j, now, limit);
}
Result<std::vector<Event>> SqliteTxn::ListEvents(JurisdictionId j, WorkOrderId id) {
  return sqlite::ListEvents(conn_, j, id);
}
Result<std::vector<QueuedNotice>> SqliteTxn::ListNotices(JurisdictionId j, WorkOrderId id) {
  return sqlite::ListNotices(conn_, j, id);
}

// ---- writes ----

Result<JurisdictionId> SqliteTxn::InsertJurisdiction(const Jurisdiction& j) {
  return sqlite::InsertJurisdiction(conn_, j);
}
Result<UnitId> SqliteTxn::InsertUnit(JurisdictionId j, const Unit& u) {
  return sqlite::InsertUnit(conn_, j, u);
}
Status SqliteTxn::InsertArea(JurisdictionId j, const Area& a) {
  return sqlite::InsertArea(conn_, j, a);
}
Status SqliteTxn::InsertCategory(JurisdictionId j, const Category& c) {
  return sqlite::InsertCategory(conn_, j, c);
}
Result<MailboxId> SqliteTxn::InsertMailbox(JurisdictionId j, const Mailbox& m) {
  return sqlite::InsertMailbox(conn_, j, m);
}
Status SqliteTxn::InsertCatalogueEntry(JurisdictionId j, const CatalogueEntry& e) {
  return sqlite::InsertCatalogueEntry(conn_, j, e);
}
Status SqliteTxn::ReplaceCalendar(JurisdictionId j, int year,
                                  const std::vector<CalendarException>& days) {
  return sqlite::ReplaceCalendar(conn_, j, year, days);
}
Status SqliteTxn::ReplaceTimeLimits(JurisdictionId j, const TimeLimitMatrix& m) {
  return sqlite::ReplaceTimeLimits(conn_, j, m);
}
Result<UserId> SqliteTxn::InsertUser(const User& u) { return sqlite::InsertUser(conn_, u); }
Status SqliteTxn::UpdateUser(const User& u) { return sqlite::UpdateUser(conn_, u); }
Status SqliteTxn::InsertSession(const Session& s) { return sqlite::InsertSession(conn_, s); }
Status SqliteTxn::DeleteSession(std::string_view token_hash) {
  return sqlite::DeleteSession(conn_, token_hash);
}
Result<std::int64_t> SqliteTxn::DeleteExpiredSessions(Timestamp now) {
  return sqlite::DeleteExpiredSessions(conn_, now);
}
Result<std::string> SqliteTxn::NextTrackingNo(JurisdictionId j, Date day) {
  return sqlite::NextTrackingNo(conn_, j, day);
}
Result<WorkOrderId> SqliteTxn::InsertWorkOrder(const WorkOrder& wo) {
  std::string digest;
  LZ_ASSIGN_OR_RETURN(WorkOrderId id, sqlite::InsertWorkOrder(conn_, wo, &digest));
  digests_[{wo.jurisdiction, id}] = std::move(digest);
  return id;
}
Status SqliteTxn::UpdateWorkOrder(const WorkOrder& wo) {
  std::string digest;
  LZ_RETURN_IF_ERROR(sqlite::UpdateWorkOrder(conn_, wo, &digest));
  digests_[{wo.jurisdiction, wo.id}] = std::move(digest);
  return OkStatus();
}
Status SqliteTxn::AppendEvent(Event& e) {
  const auto key = std::make_pair(e.jurisdiction, e.work_order);
  auto known = digests_.find(key);
  if (known == digests_.end()) {
    LZ_ASSIGN_OR_RETURN(std::string digest,
                        sqlite::StoredWorkOrderDigest(conn_, e.jurisdiction, e.work_order));
    known = digests_.emplace(key, std::move(digest)).first;
  }
  return sqlite::AppendEvent(conn_, e, log_key_, known->second);
}
Status SqliteTxn::QueueNotice(JurisdictionId j, const Notice& n, Timestamp at) {
  return sqlite::QueueNotice(conn_, j, n, at);
}

}  // namespace lizheng::store::sqlite
