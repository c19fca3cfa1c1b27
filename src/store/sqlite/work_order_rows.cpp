#include "work_order_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "lizheng/store/event_chain.hpp"
#include "schema.hpp"
#include "stored_values.hpp"
#include "work_order_codec.hpp"

namespace lizheng::store::sqlite {
namespace {

// Old tracking numbers were counted per jurisdiction, so one number may
// belong to a work order in each of several jurisdictions; a lookup reads
// at most this many (the query code tells them apart).
constexpr int kMaxSameTrackingNo = 16;

// The columns after (jurisdiction_id, id), bound from ?3 on by
// BindProjection in INSERT, UPDATE and reprojection.
constexpr std::string_view kProjectionColumns[] = {"tracking_no",  "idempotency_key",
                                                   "state",        "handling_unit_id",
                                                   "lead_unit_id", "category_code",
                                                   "area_code",    "urgency",
                                                   "channel",      "request_type",
                                                   "mailbox_id",   "created_at",
                                                   "updated_at",   "next_check_at",
                                                   "overdue",      "supervised",
                                                   "fast_lane",    "pending_instruction",
                                                   "published",    "title",
                                                   "version",      "doc",
                                                   "replied_at",   "reply_on_time",
                                                   "closed_at",    "resolved",
                                                   "satisfaction", "suspected_flood"};
constexpr int kFirstProjectionParam = 3;

void BindProjection(Statement& stmt, const WorkOrder& wo, const std::string& doc) {
  int i = kFirstProjectionParam;
  stmt.BindText(i++, wo.tracking_no);
  stmt.BindText(i++, wo.idempotency_key);
  stmt.BindText(i++, ToWire(wo.state));
  stmt.BindOptInt(i++, wo.handling_unit);
  stmt.BindOptInt(i++, wo.lead_unit);
  stmt.BindText(i++, wo.category_code);
  stmt.BindText(i++, wo.area_code);
  stmt.BindText(i++, ToWire(wo.urgency));
  stmt.BindText(i++, ToWire(wo.channel));
  stmt.BindText(i++, ToWire(wo.type));
  stmt.BindOptInt(i++, wo.mailbox);
  stmt.BindTime(i++, wo.created_at);
  stmt.BindTime(i++, wo.updated_at);
  stmt.BindOptTime(i++, wo.NextCheckAt());
  stmt.BindBool(i++, wo.IsOverdue());
  stmt.BindBool(i++, wo.supervision.has_value() && wo.supervision->open);
  stmt.BindBool(i++, wo.fast_lane);
  stmt.BindBool(i++, wo.HasPendingInstruction());
  stmt.BindBool(i++, wo.published);
  stmt.BindText(i++, wo.title);
  stmt.BindInt(i++, wo.version);
  stmt.BindText(i++, doc);
  // The figures: NULL where the step has not happened.
  stmt.BindOptTime(i++, wo.reply ? std::optional<Timestamp>(wo.reply->at) : std::nullopt);
  if (wo.reply) {
    // On time: no reply clock of this work order ran over its limit.
    const bool late = std::any_of(wo.clocks.begin(), wo.clocks.end(), [](const Clock& c) {
      return c.kind == ClockKind::kReply && c.overdue;
    });
    stmt.BindBool(i++, !late);
  } else {
    stmt.BindNull(i++);
  }
  stmt.BindOptTime(i++, wo.closed_at);
  if (wo.callback) {
    stmt.BindBool(i++, wo.callback->resolved);
  } else {
    stmt.BindNull(i++);
  }
  const std::optional<Satisfaction> satisfaction =
      wo.citizen_rating ? wo.citizen_rating
                        : (wo.callback ? std::optional<Satisfaction>(wo.callback->satisfaction)
                                       : std::nullopt);
  if (satisfaction) {
    stmt.BindText(i++, ToWire(*satisfaction));
  } else {
    stmt.BindNull(i++);
  }
  stmt.BindBool(i++, wo.suspected_flood);
}

std::string InsertSql() {
  std::string columns = "jurisdiction_id, id";
  std::string params = "?1, ?2";
  int n = kFirstProjectionParam;
  for (std::string_view c : kProjectionColumns) {
    columns += fmt::format(", {}", c);
    params += fmt::format(", ?{}", n++);
  }
  return fmt::format("INSERT INTO work_orders ({}) VALUES ({})", columns, params);
}

// The expected previous version is the parameter after the projection.
std::string UpdateSql() {
  std::string sets;
  int n = kFirstProjectionParam;
  for (std::string_view c : kProjectionColumns) {
    if (!sets.empty()) sets += ", ";
    sets += fmt::format("{} = ?{}", c, n++);
  }
  return fmt::format(
      "UPDATE work_orders SET {} WHERE jurisdiction_id = ?1 AND id = ?2 AND version = ?{}", sets,
      n);
}
const int kExpectedVersionParam =
    kFirstProjectionParam + static_cast<int>(std::size(kProjectionColumns));

// Every unit the work order is with (WorkOrder::UnitsWithIt); the units
// above them see it through their subtrees.
Status WriteVisibleUnits(Connection& conn, const WorkOrder& wo) {
  {
    LZ_ASSIGN_OR_RETURN(
        Statement clear,
        conn.Prepare(
            "DELETE FROM work_order_units WHERE jurisdiction_id = ?1 AND work_order_id = ?2"));
    LZ_RETURN_IF_ERROR(clear.BindInt(1, wo.jurisdiction).BindInt(2, wo.id).Run());
  }
  for (UnitId unit : wo.UnitsWithIt()) {
    LZ_ASSIGN_OR_RETURN(
        Statement stmt,
        conn.Prepare(
            "INSERT INTO work_order_units (jurisdiction_id, work_order_id, unit_id, state, "
            "created_at, assisting) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    stmt.BindInt(1, wo.jurisdiction).BindInt(2, wo.id).BindInt(3, unit);
    stmt.BindText(4, ToWire(wo.state));
    const bool assisting = std::find(wo.assisting_units.begin(), wo.assisting_units.end(), unit) !=
                           wo.assisting_units.end();
    LZ_RETURN_IF_ERROR(stmt.BindTime(5, wo.created_at).BindInt(6, assisting ? 1 : 0).Run());
  }
  return OkStatus();
}

Status WriteWatches(Connection& conn, const WorkOrder& wo) {
  {
    LZ_ASSIGN_OR_RETURN(
        Statement clear,
        conn.Prepare("DELETE FROM watches WHERE jurisdiction_id = ?1 AND work_order_id = ?2"));
    LZ_RETURN_IF_ERROR(clear.BindInt(1, wo.jurisdiction).BindInt(2, wo.id).Run());
  }
  std::vector<UserId> users = wo.watchers;
  std::sort(users.begin(), users.end());
  users.erase(std::unique(users.begin(), users.end()), users.end());
  for (UserId user : users) {
    LZ_ASSIGN_OR_RETURN(
        Statement stmt,
        conn.Prepare(
            "INSERT INTO watches (jurisdiction_id, user_id, work_order_id) VALUES (?1, ?2, ?3)"));
    LZ_RETURN_IF_ERROR(stmt.BindInt(1, wo.jurisdiction).BindInt(2, user).BindInt(3, wo.id).Run());
  }
  return OkStatus();
}

Result<bool> Exists(Connection& conn, std::string_view sql, JurisdictionId j,
                    std::string_view value) {
  LZ_ASSIGN_OR_RETURN(Statement stmt, conn.Prepare(sql));
  stmt.BindInt(1, j).BindText(2, value);
  return stmt.Step();
}

// Precise messages for the two unique keys; the indexes stay the guarantee.
Status CheckUniqueKeys(Connection& conn, const WorkOrder& wo) {
  LZ_ASSIGN_OR_RETURN(
      bool tracking_taken,
      Exists(conn, "SELECT 1 FROM work_orders WHERE jurisdiction_id = ?1 AND tracking_no = ?2",
             wo.jurisdiction, wo.tracking_no));
  if (tracking_taken) {
    return MakeError(ErrorCode::kConflict, "tracking_no_taken",
                     Text{fmt::format("编号 {} 已被占用", wo.tracking_no),
                          fmt::format("tracking number {} is taken", wo.tracking_no)},
                     "tracking_no");
  }
  if (wo.idempotency_key.empty()) return OkStatus();
  LZ_ASSIGN_OR_RETURN(
      bool key_taken,
      Exists(conn,
             // "<> ''" lets SQLite use the partial unique index instead of a scan.
             "SELECT 1 FROM work_orders WHERE jurisdiction_id = ?1 AND idempotency_key = ?2 "
             "AND idempotency_key <> ''",
             wo.jurisdiction, wo.idempotency_key));
  if (key_taken) {
    return MakeError(ErrorCode::kConflict, "already_received",
                     Text{"字段 idempotency_key：这次提交已经收到",
                          "idempotency_key: this submission was received already"},
                     "idempotency_key");
  }
  return OkStatus();
}

Result<std::optional<WorkOrder>> FirstWorkOrder(Statement& stmt) {
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<WorkOrder>();
  LZ_ASSIGN_OR_RETURN(WorkOrder wo, DecodeWorkOrder(stmt.Text(0)));
  return std::optional<WorkOrder>(std::move(wo));
}

}  // namespace

Result<std::string> NextTrackingNo(Connection& conn, JurisdictionId j, Date day) {
  // One counter per day for the whole installation (the row of jurisdiction
  // 0), so that no two jurisdictions issue the same number and a citizen
  // never has to name one. Past 999,999 a day the sequence widens.
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          "INSERT INTO tracking_counters (jurisdiction_id, day, last_seq) VALUES (?1, ?2, 1) "
          "ON CONFLICT (jurisdiction_id, day) DO UPDATE SET last_seq = tracking_counters.last_seq "
          "+ 1 "
          "RETURNING last_seq"));
  stmt.BindInt(1, kSharedTrackingCounter).BindText(2, FormatDate(day));
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row)
    return MakeError(ErrorCode::kInternal, "internal_error",
                     Text{"存储发生内部错误，已记录日志", "internal storage error"}, "",
                     fmt::format("no counter row (jurisdiction {})", j));
  const std::int64_t seq = stmt.Int(0);
  LZ_RETURN_IF_ERROR(stmt.Run());  // finish the statement before the next one
  return fmt::format("{:04}{:02}{:02}{:06}", static_cast<int>(day.year()),
                     static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()), seq);
}

Result<WorkOrderId> InsertWorkOrder(Connection& conn, const WorkOrder& wo_in,
                                    std::string* digest) {
  LZ_RETURN_IF_ERROR(CheckUniqueKeys(conn, wo_in));
  WorkOrder wo = wo_in;
  LZ_ASSIGN_OR_RETURN(wo.id, NextId(conn, "work_orders", "id", wo.jurisdiction));
  LZ_ASSIGN_OR_RETURN(std::string doc, EncodeWorkOrder(wo));
  {
    LZ_ASSIGN_OR_RETURN(Statement stmt, conn.Prepare(InsertSql()));
    stmt.BindInt(1, wo.jurisdiction).BindInt(2, wo.id);
    BindProjection(stmt, wo, doc);
    Status s = stmt.Run();
    if (!s.ok()) return DuplicateError(s.error(), "the work order exists already");
  }
  LZ_RETURN_IF_ERROR(WriteVisibleUnits(conn, wo));
  LZ_RETURN_IF_ERROR(WriteWatches(conn, wo));
  if (digest) *digest = WorkOrderDigest(wo.jurisdiction, wo.id, doc);
  return wo.id;
}

Status UpdateWorkOrder(Connection& conn, const WorkOrder& wo, std::string* digest) {
  LZ_ASSIGN_OR_RETURN(std::string doc, EncodeWorkOrder(wo));
  {
    LZ_ASSIGN_OR_RETURN(Statement stmt, conn.Prepare(UpdateSql()));
    stmt.BindInt(1, wo.jurisdiction).BindInt(2, wo.id);
    BindProjection(stmt, wo, doc);
    stmt.BindInt(kExpectedVersionParam, wo.version - 1);
    Status s = stmt.Run();
    if (!s.ok()) {
      return DuplicateError(s.error(),
                            "tracking number or idempotency key belongs to another work order");
    }
  }
  if (conn.Changes() == 0) {
    LZ_ASSIGN_OR_RETURN(WorkOrder stored, GetWorkOrder(conn, wo.jurisdiction, wo.id));
    return MakeError(
        ErrorCode::kConflict, "changed_by_someone_else",
        Text{fmt::format("工单 {} 已被他人修改，请刷新后重试", wo.id),
             fmt::format("work order {} was changed by someone else; reload and retry", wo.id)},
        "version", fmt::format("stored version {}, update to {}", stored.version, wo.version));
  }
  LZ_RETURN_IF_ERROR(WriteVisibleUnits(conn, wo));
  LZ_RETURN_IF_ERROR(WriteWatches(conn, wo));
  if (digest) *digest = WorkOrderDigest(wo.jurisdiction, wo.id, doc);
  return OkStatus();
}

Result<WorkOrder> GetWorkOrder(Connection& conn, JurisdictionId j, WorkOrderId id) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("SELECT doc FROM work_orders WHERE jurisdiction_id = ?1 AND id = ?2"));
  stmt.BindInt(1, j).BindInt(2, id);
  LZ_ASSIGN_OR_RETURN(std::optional<WorkOrder> wo, FirstWorkOrder(stmt));
  if (!wo) {
    return MakeError(ErrorCode::kNotFound, "work_order_not_found",
                     Text{fmt::format("没有编号为 {} 的工单", id),
                          fmt::format("work order {} does not exist", id)},
                     "id");
  }
  return std::move(*wo);
}

Result<std::vector<WorkOrder>> ListByTrackingNo(Connection& conn, std::string_view tracking_no) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format("SELECT doc FROM work_orders WHERE tracking_no = ?1 "
                               "ORDER BY jurisdiction_id LIMIT {}",
                               kMaxSameTrackingNo)));
  stmt.BindText(1, tracking_no);
  std::vector<WorkOrder> out;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(std::optional<WorkOrder> wo, FirstWorkOrder(stmt));
    if (!wo) break;
    out.push_back(std::move(*wo));
  }
  return out;
}

Result<std::optional<WorkOrder>> FindByIdempotencyKey(Connection& conn, JurisdictionId j,
                                                      std::string_view key) {
  if (key.empty()) return std::optional<WorkOrder>();  // "no key" never matches
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          // "<> ''" lets SQLite use the partial unique index instead of a scan.
          "SELECT doc FROM work_orders WHERE jurisdiction_id = ?1 AND idempotency_key = ?2 "
          "AND idempotency_key <> ''"));
  stmt.BindInt(1, j).BindText(2, key);
  return FirstWorkOrder(stmt);
}

Status ReprojectWorkOrders(Connection& conn, bool units) {
  // Ids first, then one row at a time: an UPDATE while a SELECT over the
  // same table is still stepping would be read again by it.
  std::vector<std::pair<JurisdictionId, WorkOrderId>> ids;
  {
    LZ_ASSIGN_OR_RETURN(Statement list,
                        conn.Prepare("SELECT jurisdiction_id, id FROM work_orders ORDER BY 1, 2"));
    for (;;) {
      LZ_ASSIGN_OR_RETURN(bool row, list.Step());
      if (!row) break;
      ids.emplace_back(list.Int(0), list.Int(1));
    }
  }
  std::string sets;
  int n = kFirstProjectionParam;
  for (std::string_view c : kProjectionColumns) {
    if (!sets.empty()) sets += ", ";
    sets += fmt::format("{} = ?{}", c, n++);
  }
  const std::string update =
      fmt::format("UPDATE work_orders SET {} WHERE jurisdiction_id = ?1 AND id = ?2", sets);
  for (const auto& [j, id] : ids) {
    LZ_ASSIGN_OR_RETURN(WorkOrder wo, GetWorkOrder(conn, j, id));
    LZ_ASSIGN_OR_RETURN(std::string doc, EncodeWorkOrder(wo));
    LZ_ASSIGN_OR_RETURN(Statement stmt, conn.Prepare(update));
    stmt.BindInt(1, j).BindInt(2, id);
    BindProjection(stmt, wo, doc);
    LZ_RETURN_IF_ERROR(stmt.Run());
    if (units) LZ_RETURN_IF_ERROR(WriteVisibleUnits(conn, wo));
  }
  return OkStatus();
}

Result<bool> ProjectionMatchesDoc(Connection& conn, JurisdictionId j, WorkOrderId id,
                                  std::string_view doc) {
  LZ_ASSIGN_OR_RETURN(WorkOrder wo, DecodeWorkOrder(doc));
  // The document as stored is compared byte for byte, not re-encoded.
  std::string conditions;
  int n = kFirstProjectionParam;
  for (std::string_view c : kProjectionColumns) conditions += fmt::format(" AND {} IS ?{}", c, n++);
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format(
          "SELECT 1 FROM work_orders WHERE jurisdiction_id = ?1 AND id = ?2{}", conditions)));
  stmt.BindInt(1, j).BindInt(2, id);
  BindProjection(stmt, wo, std::string(doc));
  return stmt.Step();
}

}  // namespace lizheng::store::sqlite
