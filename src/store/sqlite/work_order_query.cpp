#include "work_order_query.hpp"

#include <fmt/format.h>

#include "work_order_codec.hpp"

namespace lizheng::store::sqlite {

void BindAll(Statement& stmt, const std::vector<SqlParam>& params) {
  int index = 1;
  for (const SqlParam& param : params) {
    if (param.is_text) {
      stmt.BindText(index++, param.text);
    } else {
      stmt.BindInt(index++, param.integer);
    }
  }
}

Result<WorkOrderPage> ListWorkOrders(Connection& conn, const WorkOrderQuery& q) {
  LZ_ASSIGN_OR_RETURN(BuiltQuery query, BuildListQuery(q));
  LZ_ASSIGN_OR_RETURN(Statement stmt, conn.Prepare(query.sql));
  BindAll(stmt, query.params);
  WorkOrderPage page;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    if (static_cast<int>(page.items.size()) == q.limit) {
      page.has_more = true;
      break;
    }
    LZ_ASSIGN_OR_RETURN(WorkOrder wo, DecodeWorkOrder(stmt.Text(0)));
    page.items.push_back(std::move(wo));
  }
  return page;
}

Result<std::int64_t> CountWorkOrders(Connection& conn, const WorkOrderQuery& q) {
  BuiltQuery query = BuildCountQuery(q);
  LZ_ASSIGN_OR_RETURN(Statement stmt, conn.Prepare(query.sql));
  BindAll(stmt, query.params);
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Int(0) : std::int64_t{0};
}

Result<std::vector<WorkOrder>> DueForCheck(Connection& conn, JurisdictionId j, Timestamp now,
                                           int limit) {
  if (limit < 1) {
    return MakeError(ErrorCode::kInvalidArgument, "limit: must be at least 1", "limit");
  }
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("SELECT doc FROM work_orders WHERE jurisdiction_id = ?1 AND next_check_at <= ?2 "
                   "ORDER BY next_check_at, id LIMIT ?3"));
  stmt.BindInt(1, j).BindTime(2, now).BindInt(3, limit);
  std::vector<WorkOrder> out;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    LZ_ASSIGN_OR_RETURN(WorkOrder wo, DecodeWorkOrder(stmt.Text(0)));
    out.push_back(std::move(wo));
  }
}

Result<std::vector<FigureRow>> CountFigures(Connection& conn, const FigureQuery& q) {
  std::string key;
  switch (q.by) {
    case FigureColumn::kDay:
      // Integer division of local epoch seconds: the local day's number.
      key = fmt::format("(created_at + {}) / 86400", std::int64_t{q.utc_offset_minutes} * 60);
      break;
    case FigureColumn::kChannel: key = "channel"; break;
    case FigureColumn::kType: key = "request_type"; break;
    case FigureColumn::kCategory: key = "category_code"; break;
    case FigureColumn::kArea: key = "area_code"; break;
    case FigureColumn::kLeadUnit: key = "COALESCE(lead_unit_id, 0)"; break;
    case FigureColumn::kMailbox: key = "mailbox_id"; break;
  }
  // The mailbox index holds the mailbox and the creation time, so the rows
  // outside the window or without a mailbox are passed over in the index.
  const bool by_mailbox = q.by == FigureColumn::kMailbox;
  const std::string_view index = by_mailbox ? "work_orders_mailbox" : "work_orders_figures";
  const std::string_view only_mailboxes = by_mailbox ? " AND mailbox_id IS NOT NULL" : "";
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format(
          "SELECT {0} AS k, COUNT(*), COUNT(replied_at), COALESCE(SUM(reply_on_time), 0), "
          "COUNT(closed_at), COALESCE(SUM(overdue), 0), COUNT(resolved), "
          "COALESCE(SUM(resolved), 0), COUNT(satisfaction), "
          "COALESCE(SUM(CASE WHEN satisfaction = 'satisfied' THEN 1 ELSE 0 END), 0), "
          "COALESCE(SUM(CASE WHEN satisfaction = 'basically_satisfied' THEN 1 ELSE 0 END), 0) "
          "FROM work_orders INDEXED BY {1} "
          "WHERE jurisdiction_id = ?1 AND created_at >= ?2 AND created_at < ?3{2} "
          "GROUP BY {0} ORDER BY 1",
          key, index, only_mailboxes)));
  stmt.BindInt(1, q.jurisdiction).BindTime(2, q.from).BindTime(3, q.to);
  std::vector<FigureRow> out;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    FigureRow r;
    if (q.by == FigureColumn::kDay) {
      const std::chrono::sys_days day{std::chrono::days{stmt.Int(0)}};
      r.key = FormatDate(std::chrono::year_month_day{day});
    } else if (q.by == FigureColumn::kLeadUnit || by_mailbox) {
      r.key = std::to_string(stmt.Int(0));
    } else {
      r.key = stmt.Text(0);
    }
    r.received = stmt.Int(1);
    r.replied = stmt.Int(2);
    r.replied_on_time = stmt.Int(3);
    r.closed = stmt.Int(4);
    r.overdue = stmt.Int(5);
    r.called_back = stmt.Int(6);
    r.resolved = stmt.Int(7);
    r.rated = stmt.Int(8);
    r.satisfied = stmt.Int(9);
    r.basically_satisfied = stmt.Int(10);
    out.push_back(std::move(r));
  }
}

}  // namespace lizheng::store::sqlite
