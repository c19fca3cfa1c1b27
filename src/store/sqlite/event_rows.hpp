// The append-only event log with its per-jurisdiction hash chain, and the
// notices queued for citizens.
#pragma once

#include <vector>

#include "connection.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::store::sqlite {

// The WorkOrderDigest of the work order as stored now, "" if there is none.
Result<std::string> StoredWorkOrderDigest(Connection& conn, JurisdictionId j, WorkOrderId id);
// Reads the jurisdiction's last seq and hash inside the current transaction
// (so a rolled-back savepoint leaves the chain as it was), then assigns
// e.seq = last + 1, e.prev_hash = last hash ("" for the first event),
// e.work_order_digest = `work_order_digest` (the caller's
// StoredWorkOrderDigest, or the digest Insert/UpdateWorkOrder gave) and
// e.hash keyed with `key` (format v2), and inserts the row. kUnavailable
// naming "log_key" when `key` is null.
Status AppendEvent(Connection& conn, Event& e, const LogKey* key,
                   std::string_view work_order_digest);
// One work order's events in log order.
Result<std::vector<Event>> ListEvents(Connection& conn, JurisdictionId j, WorkOrderId id);

// Every jurisdiction that has a chain (or a jurisdiction row).
Result<std::vector<JurisdictionId>> ChainJurisdictions(Connection& conn);
// Walks one chain in seq order: seq continuity from 1, prev_hash links and
// recomputed hashes (plain up to the jurisdiction's unkeyed_events, keyed
// with `key` after), the anchor; then every work order: event count against
// version, its row's digest against its newest event's, its columns against
// its document. Stops at the first problem. kUnavailable naming "log_key"
// when the chain has keyed events and `key` is null.
Result<ChainReport> VerifyChain(Connection& conn, JurisdictionId j, const ChainAnchor* anchor,
                                const LogKey* key);
// The step of the keyed-log migration: each work order's newest event gets
// the digest of the row as stored now.
Status DigestNewestEvents(Connection& conn);
// kUnavailable naming "log_key" unless every jurisdiction's newest keyed
// event verifies with `key` (a store opened with another database's key
// would extend the chain with hashes nobody can verify).
Status CheckLogKey(Connection& conn, const LogKey& key);

Status QueueNotice(Connection& conn, JurisdictionId j, const Notice& n, Timestamp at);
// One work order's notices in queue order.
Result<std::vector<QueuedNotice>> ListNotices(Connection& conn, JurisdictionId j, WorkOrderId id);

}  // namespace lizheng::store::sqlite
