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

}  // namespace lizheng::store::sqlite
