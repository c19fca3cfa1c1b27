// Work orders: the JSON document plus the columns projected from it for
// queues (work_orders), the units that may see each one (work_order_units)
// and its watchers (watches), kept in step on every insert and update; and
// the daily tracking-number counters.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connection.hpp"
#include "lizheng/core/work_order.hpp"

namespace lizheng::store::sqlite {

// "YYYYMMDD" + the day's next sequence number, at least 6 digits, counted
// once for every jurisdiction (WriteTxn::NextTrackingNo).
Result<std::string> NextTrackingNo(Connection& conn, JurisdictionId j, Date day);

// Ids are per jurisdiction (max + 1), like every id of this store. kConflict
// naming the field if the tracking number or the idempotency key is taken in
// the jurisdiction. With `digest`, sets it to the stored row's
// WorkOrderDigest (for the event that follows).
Result<WorkOrderId> InsertWorkOrder(Connection& conn, const WorkOrder& wo,
                                    std::string* digest = nullptr);
// kNotFound if absent; kConflict unless the stored version is wo.version - 1.
// `digest` as for InsertWorkOrder.
Status UpdateWorkOrder(Connection& conn, const WorkOrder& wo, std::string* digest = nullptr);
// Rewrites every work order's projection columns from its document (a
// migration's step when new columns are derived from it), and with `units`
// the rows of the units each is with.
Status ReprojectWorkOrders(Connection& conn, bool units);

// Whether the stored row (j, id) has exactly the projection columns that
// `doc` (its stored document) gives; false also when there is no such row.
// What verification uses to find columns edited behind the store's back.
Result<bool> ProjectionMatchesDoc(Connection& conn, JurisdictionId j, WorkOrderId id,
                                  std::string_view doc);

// kNotFound when absent.
Result<WorkOrder> GetWorkOrder(Connection& conn, JurisdictionId j, WorkOrderId id);
// Every work order with the tracking number, in any jurisdiction (several
// only for numbers issued while each jurisdiction counted its own); empty
// when none.
Result<std::vector<WorkOrder>> ListByTrackingNo(Connection& conn, std::string_view tracking_no);
Result<std::optional<WorkOrder>> FindByIdempotencyKey(Connection& conn, JurisdictionId j,
                                                      std::string_view key);

}  // namespace lizheng::store::sqlite
