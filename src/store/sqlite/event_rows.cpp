#include "event_rows.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "stored_values.hpp"
#include "work_order_codec.hpp"

namespace lizheng::store::sqlite {
namespace {

constexpr std::string_view kEventColumns =
    "jurisdiction_id, seq, work_order_id, action, from_state, to_state, actor_role, actor_user, "
    "actor_name, actor_unit, at, data, is_public, prev_hash, hash";

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

// The first broken rule of event `e` given the previous one, or "".
std::string ChainBreak(const Event& e, std::int64_t expected_seq, const std::string& prev_hash) {
  if (e.seq != expected_seq) {
    return fmt::format("seq {} follows seq {}: events are missing or reordered", e.seq,
                       expected_seq - 1);
  }
  if (e.prev_hash != prev_hash) {
    return fmt::format("event {} does not link to the previous event's hash", e.seq);
  }
  if (e.hash != ChainHash(e, e.prev_hash)) {
    return fmt::format("event {} was altered: its hash does not match its content", e.seq);
  }
  return {};
}

}  // namespace

Status AppendEvent(Connection& conn, Event& e) {
  LZ_ASSIGN_OR_RETURN(ChainTip tip, LastEvent(conn, e.jurisdiction));
  LZ_ASSIGN_OR_RETURN(std::string data, EncodeEventData(e.data));
  Event stored = e;
  stored.seq = tip.seq + 1;
  stored.prev_hash = tip.hash;
  stored.hash = ChainHash(stored, stored.prev_hash);

  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format(
          "INSERT INTO events ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
          "?14, ?15)",
          kEventColumns)));
  stmt.BindInt(1, stored.jurisdiction).BindInt(2, stored.seq).BindInt(3, stored.work_order);
  stmt.BindText(4, ToWire(stored.action)).BindText(5, ToWire(stored.from));
  stmt.BindText(6, ToWire(stored.to)).BindText(7, ToWire(stored.actor_role));
  stmt.BindInt(8, stored.actor_user).BindText(9, stored.actor_name);
  stmt.BindOptInt(10, stored.actor_unit).BindTime(11, stored.at).BindText(12, data);
  stmt.BindBool(13, stored.is_public).BindText(14, stored.prev_hash).BindText(15, stored.hash);
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

Result<ChainReport> VerifyChain(Connection& conn, JurisdictionId j, const ChainAnchor* anchor) {
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
    Result<Event> e = ReadEvent(stmt);
    std::string problem = e.ok() ? ChainBreak(*e, expected_seq, prev_hash)
                                 : fmt::format("event {} cannot be read", stmt.Int(1));
    ++report.events_checked;
    if (!problem.empty())
      return broken(e.ok() ? std::min(e->seq, expected_seq) : stmt.Int(1), std::move(problem));
    if (anchor && e->seq == anchor->seq && e->hash != anchor->hash) {
      return broken(e->seq, fmt::format("event {} differs from the anchored one: the log was "
                                        "rewritten after the anchor was taken",
                                        e->seq));
    }
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

  // Every change of a work order is one event and one version, so the two
  // counts agree unless events were removed (or rows edited) behind the log.
  LZ_ASSIGN_OR_RETURN(
      Statement counts,
      conn.Prepare("SELECT w.id, w.tracking_no, w.version, "
                   "(SELECT COUNT(*) FROM events e WHERE e.jurisdiction_id = w.jurisdiction_id "
                   "AND e.work_order_id = w.id) FROM work_orders w WHERE w.jurisdiction_id = ?1 "
                   "ORDER BY w.id"));
  counts.BindInt(1, j);
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, counts.Step());
    if (!row) break;
    ++report.work_orders_checked;
    if (counts.Int(2) != counts.Int(3)) {
      report.bad_work_order = counts.Int(0);
      report.message = fmt::format(
          "work order {} is at version {} but has {} events: its events were removed or its row "
          "was edited outside the log",
          counts.Text(1), counts.Int(2), counts.Int(3));
      return report;
    }
  }
  report.message = fmt::format("{} events and {} work orders verified", report.events_checked,
                               report.work_orders_checked);
  return report;
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
