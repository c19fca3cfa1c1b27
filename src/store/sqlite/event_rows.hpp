// The append-only event log with its per-jurisdiction hash chain, and the
// notices queued for citizens.
#pragma once

#include <vector>

#include "connection.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::store::sqlite {

// Reads the jurisdiction's last seq and hash inside the current transaction
// (so a rolled-back savepoint leaves the chain as it was), then assigns
// e.seq = last + 1, e.prev_hash = last hash ("" for the first event) and
// e.hash, and inserts the row.
Status AppendEvent(Connection& conn, Event& e);
// One work order's events in log order.
Result<std::vector<Event>> ListEvents(Connection& conn, JurisdictionId j, WorkOrderId id);

// Every jurisdiction that has a chain (or a jurisdiction row).
Result<std::vector<JurisdictionId>> ChainJurisdictions(Connection& conn);
// Walks one chain in seq order: seq continuity from 1, prev_hash links and
// recomputed hashes. Stops at the first bad event.
Result<ChainReport> VerifyChain(Connection& conn, JurisdictionId j, const ChainAnchor* anchor);

Status QueueNotice(Connection& conn, JurisdictionId j, const Notice& n, Timestamp at);
// One work order's notices in queue order.
Result<std::vector<QueuedNotice>> ListNotices(Connection& conn, JurisdictionId j, WorkOrderId id);

}  // namespace lizheng::store::sqlite
