// The work-order queues: WorkOrderQuery turned into SQL, keyset paging
// newest first, counting, and the scheduler's due list.
//
// Why the SQL has "arms": an index gives rows in created_at order only for
// one value of its leading columns. A queue over several units or states is
// therefore asked as one small newest-first query per (unit, state) value --
// each an index range read of at most limit + 1 rows -- and the union of
// those is sorted, instead of sorting every matching row. With 1 million
// work orders a unit's first page stays a few hundred index reads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "connection.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::store::sqlite {

// A bound value: text when is_text, else the integer. (Not a std::variant:
// GCC 12 at -O2 reports false maybe-uninitialized warnings for it.)
struct SqlParam {
  bool is_text = false;
  std::int64_t integer = 0;
  std::string text;
};

// SQL with its ?N parameters in order.
struct BuiltQuery {
  std::string sql;
  std::vector<SqlParam> params;
};

// Largest accepted page.
inline constexpr int kMaxPageSize = 1000;

// The page query: selects `doc`, limit + 1 rows (the extra one says whether
// there is more). kInvalidArgument naming "limit" if it is out of 1..1000.
Result<BuiltQuery> BuildListQuery(const WorkOrderQuery& q);
// The count query: the same filters; `after` and `limit` are ignored.
BuiltQuery BuildCountQuery(const WorkOrderQuery& q);
void BindAll(Statement& stmt, const std::vector<SqlParam>& params);

Result<WorkOrderPage> ListWorkOrders(Connection& conn, const WorkOrderQuery& q);
Result<std::int64_t> CountWorkOrders(Connection& conn, const WorkOrderQuery& q);
// Reads the work_orders_figures index alone (kMailbox: the mailbox index
// and the rows of the mailboxes' work orders).
Result<std::vector<FigureRow>> CountFigures(Connection& conn, const FigureQuery& q);
// Work orders whose stored next_check_at is at or before `now`, oldest check
// first (then by id). kInvalidArgument if limit < 1.
Result<std::vector<WorkOrder>> DueForCheck(Connection& conn, JurisdictionId j, Timestamp now,
                                           int limit);

}  // namespace lizheng::store::sqlite
