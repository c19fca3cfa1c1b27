#include "event_rows.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "stored_values.hpp"
#include "work_order_rows.hpp"
#include "work_order_codec.hpp"

namespace lizheng::store::sqlite {
namespace {

constexpr std::string_view kEventColumns =
    "jurisdiction_id, seq, work_order_id, action, from_state, to_state, actor_role, actor_user, "
    "actor_name, actor_unit, at, data, is_public, prev_hash, hash, work_order_digest";

Result<Event> ReadEvent(const Statement& stmt) {
  Event e;
  e.jurisdiction = stmt.Int(0);
  e.seq = stmt.Int(1);
  e.work_order = stmt.Int(2);
  LZ_ASSIGN_OR_RETURN(e.action, StoredEnum<Action>(stmt.Text(3), "events.action"));
  LZ_ASSIGN_OR_RETURN(e.from, StoredEnum<State>(stmt.Text(4), "events.from_state"));
  LZ_ASSIGN_OR_RETURN(e.to, StoredEnum<State>(stmt.Text(5), "events.to_state"));
  LZ_ASSIGN_OR_RETURN(e.actor_role, StoredEnum<Role>(stmt.Text(6), "events.actor_role"));
  e.actor_user = stmt.Int(7);
  e.actor_name = stmt.Text(8);
  e.actor_unit = stmt.OptInt(9);
  e.at = stmt.Time(10);
  LZ_ASSIGN_OR_RETURN(e.data, DecodeEventData(stmt.Text(11)));
  e.is_public = stmt.Bool(12);
  e.prev_hash = stmt.Text(13);
  e.hash = stmt.Text(14);
  e.work_order_digest = stmt.Text(15);
  return e;
}

struct ChainTip {
  std::int64_t seq = 0;
  std::string hash;
};

Result<ChainTip> LastEvent(Connection& conn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          "SELECT seq, hash FROM events WHERE jurisdiction_id = ?1 ORDER BY seq DESC LIMIT 1"));
  stmt.BindInt(1, j);
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return ChainTip{};
  return ChainTip{stmt.Int(0), stmt.Text(1)};
}

// The last seq of the jurisdiction's chain written before the keyed log
// (format v1); every later event is keyed (v2). 0 when there is none.
Result<std::int64_t> LastUnkeyedSeq(Connection& conn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("SELECT last_seq FROM unkeyed_events WHERE jurisdiction_id = ?1"));
  stmt.BindInt(1, j);
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Int(0) : std::int64_t{0};
}

// The first broken rule of event `e` given the previous one, or "". A v1
// event is checked with the plain hash, a v2 one with the key.
std::string ChainBreak(const Event& e, std::int64_t expected_seq, const std::string& prev_hash,
                       std::int64_t last_unkeyed, const LogKey* key) {
  if (e.seq != expected_seq) {
    return fmt::format("seq {} follows seq {}: events are missing or reordered", e.seq,
                       expected_seq - 1);
  }
  if (e.prev_hash != prev_hash) {
    return fmt::format("event {} does not link to the previous event's hash", e.seq);
  }
  if (e.seq <= last_unkeyed) {
    if (e.hash != ChainHash(e, e.prev_hash))
      return fmt::format("event {} was altered: its hash does not match its content", e.seq);
    return {};
  }
  // VerifyChain refuses to run on keyed events without a key.
  if (e.hash != KeyedChainHash(e, e.prev_hash, *key)) {
    return fmt::format(
        "event {} was altered, or the log key is not this database's: its keyed hash does "
        "not match its content",
        e.seq);
  }
  return {};
}

Error LogKeyMissing(std::string_view doing) {
  return MakeError(ErrorCode::kUnavailable, "log_key_missing",
                   Text{fmt::format("{}需要事件日志密钥（--log-key）",
                                    doing == "append" ? "写入事件" : "校验带密钥的事件链"),
                        fmt::format("{} needs the event-log key (--log-key)",
                                    doing == "append" ? "writing events"
                                                      : "verifying the keyed event chain")},
                   "log_key");
}

}  // namespace

Result<std::string> StoredWorkOrderDigest(Connection& conn, JurisdictionId j, WorkOrderId id) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("SELECT doc FROM work_orders WHERE jurisdiction_id = ?1 AND id = ?2"));
  stmt.BindInt(1, j).BindInt(2, id);
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::string();
  return WorkOrderDigest(j, id, stmt.TextView(0));
}

Status AppendEvent(Connection& conn, Event& e, const LogKey* key,
                   std::string_view work_order_digest) {
  if (key == nullptr) return LogKeyMissing("append");
  LZ_ASSIGN_OR_RETURN(ChainTip tip, LastEvent(conn, e.jurisdiction));
  LZ_ASSIGN_OR_RETURN(std::string data, EncodeEventData(e.data));
  Event stored = e;
  stored.seq = tip.seq + 1;
  stored.prev_hash = tip.hash;
  stored.work_order_digest = work_order_digest;
  stored.hash = KeyedChainHash(stored, stored.prev_hash, *key);

  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format(
          "INSERT INTO events ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
          "?14, ?15, ?16)",
          kEventColumns)));
  stmt.BindInt(1, stored.jurisdiction).BindInt(2, stored.seq).BindInt(3, stored.work_order);
  stmt.BindText(4, ToWire(stored.action)).BindText(5, ToWire(stored.from));
  stmt.BindText(6, ToWire(stored.to)).BindText(7, ToWire(stored.actor_role));
  stmt.BindInt(8, stored.actor_user).BindText(9, stored.actor_name);
  stmt.BindOptInt(10, stored.actor_unit).BindTime(11, stored.at).BindText(12, data);
  stmt.BindBool(13, stored.is_public).BindText(14, stored.prev_hash).BindText(15, stored.hash);
  stmt.BindText(16, stored.work_order_digest);
  LZ_RETURN_IF_ERROR(stmt.Run());
  // The caller's event changes only once the row is in.
  e = std::move(stored);
  return OkStatus();
}

Result<std::vector<Event>> ListEvents(Connection& conn, JurisdictionId j, WorkOrderId id) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format(
          "SELECT {} FROM events WHERE jurisdiction_id = ?1 AND work_order_id = ?2 ORDER BY seq",
          kEventColumns)));
  stmt.BindInt(1, j).BindInt(2, id);
  std::vector<Event> events;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return events;
    LZ_ASSIGN_OR_RETURN(Event e, ReadEvent(stmt));
    events.push_back(std::move(e));
  }
}

Result<std::vector<JurisdictionId>> ChainJurisdictions(Connection& conn) {
  LZ_ASSIGN_OR_RETURN(Statement stmt,
                      conn.Prepare("SELECT jurisdiction_id FROM jurisdictions UNION "
                                   "SELECT DISTINCT jurisdiction_id FROM events ORDER BY 1"));
  std::vector<JurisdictionId> out;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    out.push_back(stmt.Int(0));
  }
}

namespace {

// Every work order of the jurisdiction against its events: as many events
// as its version (each change is one event and one version), its row equal
// to the one its newest event recorded (the digest), and its projection
// columns equal to what its document says. Fills `report` on the first
// work order that fails.
Status VerifyWorkOrders(Connection& conn, JurisdictionId j, ChainReport& report) {
  LZ_ASSIGN_OR_RETURN(
      Statement rows,
      conn.Prepare("SELECT w.id, w.tracking_no, w.version, w.doc, "
                   "(SELECT COUNT(*) FROM events e WHERE e.jurisdiction_id = w.jurisdiction_id "
                   "AND e.work_order_id = w.id), "
                   "(SELECT e.work_order_digest FROM events e WHERE e.jurisdiction_id = "
                   "w.jurisdiction_id AND e.work_order_id = w.id ORDER BY e.seq DESC LIMIT 1) "
                   "FROM work_orders w WHERE w.jurisdiction_id = ?1 ORDER BY w.id"));
  rows.BindInt(1, j);
  auto bad = [&report](WorkOrderId id, std::string message) {
    report.bad_work_order = id;
    report.message = std::move(message);
    return OkStatus();
  };
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, rows.Step());
    if (!row) return OkStatus();
    ++report.work_orders_checked;
    const WorkOrderId id = rows.Int(0);
    const std::string tracking_no = rows.Text(1);
    if (rows.Int(2) != rows.Int(4)) {
      return bad(id, fmt::format("work order {} is at version {} but has {} events: its events "
                                 "were removed or its row was edited outside the log",
                                 tracking_no, rows.Int(2), rows.Int(4)));
    }
    const std::string_view doc = rows.TextView(3);
    const std::string recorded = rows.Text(5);
    if (recorded.empty()) {
      return bad(id, fmt::format("work order {}: its newest event records no digest of the "
                                 "work order, so its row cannot be checked",
                                 tracking_no));
    }
    if (recorded != WorkOrderDigest(j, id, doc)) {
      return bad(id, fmt::format("work order {} was changed outside the log: its stored row "
                                 "differs from the one its newest event recorded",
                                 tracking_no));
    }
    LZ_ASSIGN_OR_RETURN(bool consistent, ProjectionMatchesDoc(conn, j, id, doc));
    if (!consistent) {
      return bad(id, fmt::format("work order {} was changed outside the log: its columns "
                                 "(state, units, flags, ...) disagree with its document",
                                 tracking_no));
    }
  }
}

}  // namespace

Result<ChainReport> VerifyChain(Connection& conn, JurisdictionId j, const ChainAnchor* anchor,
                                const LogKey* key) {
  LZ_ASSIGN_OR_RETURN(const std::int64_t last_unkeyed, LastUnkeyedSeq(conn, j));
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format("SELECT {} FROM events WHERE jurisdiction_id = ?1 ORDER BY seq",
                               kEventColumns)));
  stmt.BindInt(1, j);
  ChainReport report;
  report.jurisdiction = j;
  report.head.jurisdiction = j;
  auto broken = [&report](std::int64_t seq, std::string problem) {
    report.first_bad_seq = seq;
    report.message = std::move(problem);
    return report;
  };
  std::string prev_hash;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    const std::int64_t expected_seq = report.events_checked + 1;
    if (key == nullptr && stmt.Int(1) > last_unkeyed) return LogKeyMissing("verify");
    Result<Event> e = ReadEvent(stmt);
    std::string problem = e.ok() ? ChainBreak(*e, expected_seq, prev_hash, last_unkeyed, key)
                                 : fmt::format("event {} cannot be read", stmt.Int(1));
    ++report.events_checked;
    if (!problem.empty())
      return broken(e.ok() ? std::min(e->seq, expected_seq) : stmt.Int(1), std::move(problem));
    if (anchor && e->seq == anchor->seq && e->hash != anchor->hash) {
      return broken(e->seq, fmt::format("event {} differs from the anchored one: the log was "
                                        "rewritten after the anchor was taken",
                                        e->seq));
    }
    if (e->seq <= last_unkeyed) ++report.unkeyed_events;
    prev_hash = e->hash;
    report.head.seq = e->seq;
    report.head.hash = e->hash;
  }
  if (anchor && report.head.seq < anchor->seq) {
    return broken(report.head.seq + 1,
                  fmt::format("the chain ends at event {} but the anchor records event {}: the "
                              "newest events were removed",
                              report.head.seq, anchor->seq));
  }
  if (report.head.seq < last_unkeyed) {
    // The events written before the upgrade cannot shrink afterwards.
    return broken(report.head.seq + 1,
                  fmt::format("the chain ends at event {} but {} events were there when the "
                              "log became keyed: events were removed",
                              report.head.seq, last_unkeyed));
  }

  LZ_RETURN_IF_ERROR(VerifyWorkOrders(conn, j, report));
  if (report.bad_work_order) return report;
  report.message = fmt::format("{} events and {} work orders verified", report.events_checked,
                               report.work_orders_checked);
  if (report.unkeyed_events > 0) {
    report.message += fmt::format(" ({} events from before the keyed log are chained without "
                                  "the key)",
                                  report.unkeyed_events);
  }
  return report;
}

Status DigestNewestEvents(Connection& conn) {
  // The newest event of each work order that has a row; rows first, then
  // one update at a time (an UPDATE while a SELECT over the same table is
  // still stepping could be read again by it).
  struct Target {
    JurisdictionId j;
    std::int64_t seq;
    std::string digest;
  };
  std::vector<Target> targets;
  {
    LZ_ASSIGN_OR_RETURN(
        Statement list,
        conn.Prepare("SELECT w.jurisdiction_id, w.id, w.doc, (SELECT MAX(e.seq) FROM events e "
                     "WHERE e.jurisdiction_id = w.jurisdiction_id AND e.work_order_id = w.id) "
                     "FROM work_orders w ORDER BY 1, 2"));
    for (;;) {
      LZ_ASSIGN_OR_RETURN(bool row, list.Step());
      if (!row) break;
      if (list.IsNull(3)) continue;  // no events: verification reports it
      targets.push_back(
          Target{list.Int(0), list.Int(3), WorkOrderDigest(list.Int(0), list.Int(1),
                                                           list.TextView(2))});
    }
  }
  for (const Target& t : targets) {
    LZ_ASSIGN_OR_RETURN(Statement update,
                        conn.Prepare("UPDATE events SET work_order_digest = ?3 "
                                     "WHERE jurisdiction_id = ?1 AND seq = ?2"));
    LZ_RETURN_IF_ERROR(update.BindInt(1, t.j).BindInt(2, t.seq).BindText(3, t.digest).Run());
  }
  return OkStatus();
}

Status CheckLogKey(Connection& conn, const LogKey& key) {
  LZ_ASSIGN_OR_RETURN(std::vector<JurisdictionId> ids, ChainJurisdictions(conn));
  for (JurisdictionId j : ids) {
    LZ_ASSIGN_OR_RETURN(const std::int64_t last_unkeyed, LastUnkeyedSeq(conn, j));
    LZ_ASSIGN_OR_RETURN(
        Statement stmt,
        conn.Prepare(fmt::format("SELECT {} FROM events WHERE jurisdiction_id = ?1 "
                                 "ORDER BY seq DESC LIMIT 1",
                                 kEventColumns)));
    stmt.BindInt(1, j);
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row || stmt.Int(1) <= last_unkeyed) continue;  // nothing keyed yet
    LZ_ASSIGN_OR_RETURN(Event newest, ReadEvent(stmt));
    if (newest.hash != KeyedChainHash(newest, newest.prev_hash, key)) {
      return MakeError(
          ErrorCode::kUnavailable, "log_key_mismatch",
          Text{fmt::format("日志密钥与数据库不符：辖区 {} 最新事件（序号 {}）不是用该密钥链接的；"
                           "请使用该数据库的密钥文件，或运行 lizheng verify-log 检查",
                           j, newest.seq),
               fmt::format("the log key does not fit this database: the newest event of "
                           "jurisdiction {} (seq {}) was not chained with it; give the "
                           "database's own key file, or run 'lizheng verify-log' to look for "
                           "tampering",
                           j, newest.seq)},
          "log_key");
    }
  }
  return OkStatus();
}

Status QueueNotice(Connection& conn, JurisdictionId j, const Notice& n, Timestamp at) {
  LZ_ASSIGN_OR_RETURN(std::int64_t id, NextId(conn, "notices", "notice_id", j));
  LZ_ASSIGN_OR_RETURN(Statement stmt,
                      conn.Prepare("INSERT INTO notices (jurisdiction_id, notice_id, "
                                   "work_order_id, phone, body, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  stmt.BindInt(1, j).BindInt(2, id).BindInt(3, n.work_order).BindText(4, n.phone);
  return stmt.BindText(5, n.text).BindTime(6, at).Run();
}

Result<std::vector<QueuedNotice>> ListNotices(Connection& conn, JurisdictionId j, WorkOrderId id) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("SELECT notice_id, work_order_id, phone, body, created_at FROM notices "
                   "WHERE jurisdiction_id = ?1 AND work_order_id = ?2 ORDER BY notice_id"));
  stmt.BindInt(1, j).BindInt(2, id);
  std::vector<QueuedNotice> out;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    out.push_back(QueuedNotice{stmt.Int(0), j, Notice{stmt.Int(1), stmt.Text(2), stmt.Text(3)},
                               stmt.Time(4)});
  }
}

}  // namespace lizheng::store::sqlite
