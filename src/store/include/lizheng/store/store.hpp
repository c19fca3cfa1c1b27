// The storage interface. One implementation per backend (sqlite/, later
// postgres/), one contract test suite for all of them. Every table carries
// the jurisdiction; the event log is append-only and hash-chained.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lizheng/core/directory.hpp"
#include "lizheng/core/result.hpp"
#include "lizheng/core/time_limits.hpp"
#include "lizheng/core/work_order.hpp"
#include "lizheng/core/workflow.hpp"
#include "lizheng/core/working_calendar.hpp"
#include "lizheng/store/event_chain.hpp"

namespace lizheng::store {

// A staff account. Citizens have none.
struct User {
  UserId id = 0;
  JurisdictionId jurisdiction = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kOperator;
  std::optional<UnitId> unit;  // required for unit roles
  std::string password_hash;   // Argon2id, libsodium's string format
  bool active = true;
};

// A signed-in session. Only the hash of the token is stored.
struct Session {
  std::string token_hash;
  JurisdictionId jurisdiction = 0;
  UserId user = 0;
  std::string csrf_token;
  Timestamp created_at{};
  Timestamp expires_at{};
};

// Filters of a work-order queue; every set filter must hold. Results are
// newest first (created_at, then id, descending) and paged by keyset.
struct WorkOrderQuery {
  JurisdictionId jurisdiction = 0;
  std::vector<State> states;                // any of; empty = all
  bool open_only = false;                   // none of closed, rejected, merged
  std::vector<UnitId> handling_units;       // any of; empty = all
  std::optional<UnitId> visible_to_subtree_of;  // handling, lead or assisting unit in this set
  std::vector<UnitId> visible_units;        // used with visible_to_subtree_of: the subtree
  // Used with visible_to_subtree_of: the units above its root. A work order
  // one of them assists on (协办) is visible too.
  std::vector<UnitId> visible_assisted_by;
  std::string category_prefix;              // "01" matches "01", "01.02", ...
  std::string area_prefix;
  std::optional<Urgency> urgency;
  std::optional<Channel> channel;
  std::optional<RequestType> type;
  std::optional<MailboxId> mailbox;
  std::optional<UserId> watched_by;
  bool overdue_only = false;
  bool supervised_only = false;
  bool fast_lane_only = false;
  bool suspected_flood_only = false;
  bool instructed_pending_only = false;
  bool published_only = false;
  std::string title_contains;
  // Matched against the title as the public reads it, with personal data
  // masked (text/personal_data.hpp): the public search must not recover a
  // masked number one digit at a time.
  std::string masked_title_contains;
  std::optional<Timestamp> created_from;  // inclusive
  std::optional<Timestamp> created_to;    // exclusive
  std::optional<std::pair<Timestamp, WorkOrderId>> after;  // keyset cursor
  int limit = 20;
};

// The dashboard's figures: work orders created in [from, to), counted by
// one column. Finer groups (a category's first level, an area's district)
// are folded by the caller from these. kMailbox counts only the work orders
// written to a leader's mailbox.
enum class FigureColumn { kDay, kChannel, kType, kCategory, kArea, kLeadUnit, kMailbox };

struct FigureQuery {
  JurisdictionId jurisdiction = 0;
  Timestamp from{};
  Timestamp to{};
  FigureColumn by = FigureColumn::kDay;
  int utc_offset_minutes = 480;  // for kDay: local days
};

struct FigureRow {
  // kDay "YYYY-MM-DD"; kLeadUnit, kMailbox the id; else the column's value ("" if none).
  std::string key;
  std::int64_t received = 0;
  std::int64_t replied = 0;          // the reply reached the citizen
  std::int64_t replied_on_time = 0;  // ... with no reply clock overdue
  std::int64_t closed = 0;
  std::int64_t overdue = 0;          // a clock is overdue now
  std::int64_t called_back = 0;      // a callback result exists
  std::int64_t resolved = 0;         // ... saying resolved
  std::int64_t rated = 0;            // a satisfaction exists (rating, else callback)
  std::int64_t satisfied = 0;
  std::int64_t basically_satisfied = 0;
};

struct WorkOrderPage {
  std::vector<WorkOrder> items;
  bool has_more = false;
};

// A chain head recorded outside the database (`lizheng verify-log
// --anchor`): the event with this seq must still exist with this hash. It
// is what reveals the removal of the newest events, which leaves a chain
// that is intact in itself.
struct ChainAnchor {
  JurisdictionId jurisdiction = 0;
  std::int64_t seq = 0;
  std::string hash;
};

// The outcome of checking one jurisdiction's event chain, its anchor, and
// every work order against its events: as many events as its version says,
// its stored row the one its newest event recorded (digest), its columns
// what its document says.
struct ChainReport {
  JurisdictionId jurisdiction = 0;
  std::int64_t events_checked = 0;
  std::int64_t work_orders_checked = 0;
  // Events from before the keyed log (format v1), verified without the key.
  std::int64_t unkeyed_events = 0;
  std::optional<std::int64_t> first_bad_seq;       // the first event that breaks the chain
  std::optional<WorkOrderId> bad_work_order;       // a work order whose events do not add up
  ChainAnchor head;                                // the newest event verified
  std::string message;

  bool intact() const { return !first_bad_seq && !bad_work_order; }
};

// A message queued for a citizen (SMS gateway or app push picks it up).
struct QueuedNotice {
  std::int64_t id = 0;
  JurisdictionId jurisdiction = 0;
  Notice notice;
  Timestamp created_at{};
};

// Reads inside one consistent snapshot. Not thread-safe: one per call.
class ReadTxn {
 public:
  virtual ~ReadTxn() = default;

  virtual Result<std::vector<Jurisdiction>> ListJurisdictions() = 0;
  virtual Result<Directory> LoadDirectory(JurisdictionId j) = 0;
  virtual Result<std::vector<CalendarException>> LoadCalendar(JurisdictionId j) = 0;
  virtual Result<TimeLimitMatrix> LoadTimeLimits(JurisdictionId j) = 0;
  // A document the jurisdiction provides (its district map, "map.geojson");
  // nullopt when it has none.
  virtual Result<std::optional<std::string>> GetJurisdictionFile(JurisdictionId j,
                                                                 std::string_view name) = 0;

  virtual Result<std::optional<User>> FindUser(JurisdictionId j, std::string_view username) = 0;
  virtual Result<std::optional<User>> GetUser(JurisdictionId j, UserId id) = 0;
  virtual Result<std::vector<User>> ListUsers(JurisdictionId j) = 0;
  virtual Result<std::optional<Session>> FindSession(std::string_view token_hash) = 0;

  // kNotFound when absent.
  virtual Result<WorkOrder> GetWorkOrder(JurisdictionId j, WorkOrderId id) = 0;
  // The work orders with a tracking number, in every jurisdiction: one for
  // numbers issued now, possibly several for numbers issued before they
  // were unique across jurisdictions; empty when none.
  virtual Result<std::vector<WorkOrder>> ListByTrackingNo(std::string_view tracking_no) = 0;
  virtual Result<std::optional<WorkOrder>> FindByIdempotencyKey(JurisdictionId j,
                                                                std::string_view key) = 0;
  virtual Result<WorkOrderPage> ListWorkOrders(const WorkOrderQuery& q) = 0;
  virtual Result<std::int64_t> CountWorkOrders(const WorkOrderQuery& q) = 0;
  // Grouped counts for the dashboard, ordered by key.
  virtual Result<std::vector<FigureRow>> CountFigures(const FigureQuery& q) = 0;
  // Work orders whose NextCheckAt() <= now, oldest check first.
  virtual Result<std::vector<WorkOrder>> DueForCheck(JurisdictionId j, Timestamp now,
                                                     int limit) = 0;
  // The events of one work order in log order.
  virtual Result<std::vector<Event>> ListEvents(JurisdictionId j, WorkOrderId id) = 0;
  virtual Result<std::vector<QueuedNotice>> ListNotices(JurisdictionId j, WorkOrderId id) = 0;
};

// Writes inside one transaction; reads see the transaction's own writes.
class WriteTxn : public ReadTxn {
 public:
  virtual Result<JurisdictionId> InsertJurisdiction(const Jurisdiction& j) = 0;
  virtual Result<UnitId> InsertUnit(JurisdictionId j, const Unit& u) = 0;
  virtual Status InsertArea(JurisdictionId j, const Area& a) = 0;
  virtual Status InsertCategory(JurisdictionId j, const Category& c) = 0;
  virtual Result<MailboxId> InsertMailbox(JurisdictionId j, const Mailbox& m) = 0;
  virtual Status InsertCatalogueEntry(JurisdictionId j, const CatalogueEntry& e) = 0;
  // Replaces the exceptions of the years present in `days`.
  virtual Status ReplaceCalendar(JurisdictionId j, int year,
                                 const std::vector<CalendarException>& days) = 0;
  virtual Status ReplaceTimeLimits(JurisdictionId j, const TimeLimitMatrix& m) = 0;
  // Creates or replaces a jurisdiction's document.
  virtual Status PutJurisdictionFile(JurisdictionId j, std::string_view name,
                                     std::string_view content, Timestamp at) = 0;

  // kConflict if the username is taken.
  virtual Result<UserId> InsertUser(const User& u) = 0;
  virtual Status UpdateUser(const User& u) = 0;
  virtual Status InsertSession(const Session& s) = 0;
  virtual Status DeleteSession(std::string_view token_hash) = 0;
  // Deletes every session whose expires_at <= `now` (they can no longer
  // sign anyone in, and a table that only grows keeps tokens' hashes for
  // nothing); returns how many.
  virtual Result<std::int64_t> DeleteExpiredSessions(Timestamp now) = 0;

  // A fresh tracking number for a day: "YYYYMMDD" + a daily sequence of at
  // least 6 digits, one sequence for every jurisdiction, so a number names
  // its work order alone. Never runs out: past 999999 the sequence widens.
  // `j` is the jurisdiction asking (for the log).
  virtual Result<std::string> NextTrackingNo(JurisdictionId j, Date day) = 0;
  // Assigns and returns the id. kConflict if the tracking number or
  // idempotency key exists.
  virtual Result<WorkOrderId> InsertWorkOrder(const WorkOrder& wo) = 0;
  // Replaces the stored work order; kConflict unless the stored version is
  // wo.version - 1 (optimistic check against lost updates).
  virtual Status UpdateWorkOrder(const WorkOrder& wo) = 0;
  // Appends to the jurisdiction's chain: assigns seq, prev_hash,
  // work_order_digest (of the work order as stored in this transaction, so
  // write the work order first) and the keyed hash into `e`. kUnavailable
  // naming "log_key" when the store was opened without the log key.
  virtual Status AppendEvent(Event& e) = 0;
  virtual Status QueueNotice(JurisdictionId j, const Notice& n, Timestamp at) = 0;
};

// Storage engine. Thread-safe: any thread may call Read and Write.
class Store {
 public:
  virtual ~Store() = default;

  // Runs `fn` on the calling thread in a read snapshot; returns its status.
  virtual Status Read(const std::function<Status(ReadTxn&)>& fn) = 0;
  // Runs `fn` in a write transaction, possibly batched with other callers'
  // functions into one commit (group commit). Returns once the commit is
  // durable. If `fn` fails, its writes are rolled back and its error is
  // returned; the other functions of the batch are unaffected.
  virtual Status Write(std::function<Status(WriteTxn&)> fn) = 0;
  // Recomputes every jurisdiction's event chain (keyed events with the
  // store's log key), checks it against the anchors given (at most one per
  // jurisdiction) and checks each work order against its events (see
  // ChainReport). kUnavailable naming "log_key" if the store has no key and
  // a chain has keyed events.
  virtual Result<std::vector<ChainReport>> VerifyChains(const std::vector<ChainAnchor>& anchors) = 0;
  Result<std::vector<ChainReport>> VerifyChains() { return VerifyChains({}); }
  // A consistent copy of the whole database at `path` while in use.
  virtual Status Backup(const std::string& path) = 0;
  // The schema version after migrations.
  virtual int SchemaVersion() const = 0;
};

}  // namespace lizheng::store
