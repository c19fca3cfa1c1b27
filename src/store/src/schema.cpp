#include "schema.hpp"

#include <array>

namespace lizheng::store {
namespace {

// Ids are assigned per jurisdiction by the store (max + 1 inside the write
// transaction), never by the database, so both backends agree. Timestamps
// are epoch seconds, dates 'YYYY-MM-DD', enums their wire names. Work orders
// are stored whole as a JSON document (`doc`); the other columns are
// projections of it for filtering and are rewritten with every update.
// work_order_units repeats state and created_at so that a unit's queue is
// read from its own index without touching the work orders. The newest-first
// index carries the title, so a title search scans the index rather than
// every document (about 10x less to read).
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE jurisdictions (
  jurisdiction_id BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  utc_offset_minutes INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id)
);
CREATE UNIQUE INDEX jurisdictions_code ON jurisdictions (code);

CREATE TABLE units (
  jurisdiction_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  parent_id BIGINT,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  area_code TEXT NOT NULL,
  active INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id, unit_id)
);
CREATE UNIQUE INDEX units_code ON units (jurisdiction_id, code) WHERE code <> '';

CREATE TABLE areas (
  jurisdiction_id BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_code TEXT NOT NULL,
  level INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id, code)
);

CREATE TABLE categories (
  jurisdiction_id BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_code TEXT NOT NULL,
  level INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id, code)
);

CREATE TABLE mailboxes (
  jurisdiction_id BIGINT NOT NULL,
  mailbox_id BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  unit_id BIGINT NOT NULL,
  leader_id BIGINT,
  PRIMARY KEY (jurisdiction_id, mailbox_id)
);
CREATE UNIQUE INDEX mailboxes_code ON mailboxes (jurisdiction_id, code) WHERE code <> '';

CREATE TABLE catalogue (
  jurisdiction_id BIGINT NOT NULL,
  entry_no BIGINT NOT NULL,
  category_code TEXT NOT NULL,
  area_code TEXT NOT NULL,
  unit_id BIGINT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  PRIMARY KEY (jurisdiction_id, entry_no)
);

CREATE TABLE calendar_days (
  jurisdiction_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  working INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (jurisdiction_id, day)
);

CREATE TABLE time_limits (
  jurisdiction_id BIGINT NOT NULL,
  rule_no INTEGER NOT NULL,
  request_type TEXT,
  category_code TEXT NOT NULL,
  urgency TEXT,
  sign_for TEXT NOT NULL,
  contact TEXT NOT NULL,
  reply TEXT NOT NULL,
  PRIMARY KEY (jurisdiction_id, rule_no)
);

CREATE TABLE users (
  jurisdiction_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  unit_id BIGINT,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id, user_id)
);
CREATE UNIQUE INDEX users_username ON users (jurisdiction_id, username);

CREATE TABLE sessions (
  jurisdiction_id BIGINT NOT NULL,
  token_hash TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (jurisdiction_id, token_hash)
);
CREATE INDEX sessions_token ON sessions (token_hash);

CREATE TABLE tracking_counters (
  jurisdiction_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  last_seq BIGINT NOT NULL,
  PRIMARY KEY (jurisdiction_id, day)
);

CREATE TABLE work_orders (
  jurisdiction_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  tracking_no TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  state TEXT NOT NULL,
  handling_unit_id BIGINT,
  lead_unit_id BIGINT,
  category_code TEXT NOT NULL,
  area_code TEXT NOT NULL,
  urgency TEXT NOT NULL,
  channel TEXT NOT NULL,
  request_type TEXT NOT NULL,
  mailbox_id BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  next_check_at BIGINT,
  overdue INTEGER NOT NULL,
  supervised INTEGER NOT NULL,
  fast_lane INTEGER NOT NULL,
  pending_instruction INTEGER NOT NULL,
  published INTEGER NOT NULL,
  title TEXT NOT NULL,
  version BIGINT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (jurisdiction_id, id)
);
CREATE UNIQUE INDEX work_orders_tracking_no ON work_orders (jurisdiction_id, tracking_no);
CREATE INDEX work_orders_by_tracking_no ON work_orders (tracking_no);
CREATE UNIQUE INDEX work_orders_idempotency ON work_orders (jurisdiction_id, idempotency_key)
  WHERE idempotency_key <> '';
CREATE INDEX work_orders_unit_queue
  ON work_orders (jurisdiction_id, handling_unit_id, state, created_at, id);
CREATE INDEX work_orders_state_queue ON work_orders (jurisdiction_id, state, created_at, id);
CREATE INDEX work_orders_newest ON work_orders (jurisdiction_id, created_at, id, title);
CREATE INDEX work_orders_next_check ON work_orders (jurisdiction_id, next_check_at, id);
CREATE INDEX work_orders_mailbox ON work_orders (jurisdiction_id, mailbox_id, created_at, id);
CREATE INDEX work_orders_overdue ON work_orders (jurisdiction_id, created_at, id)
  WHERE overdue = 1;
CREATE INDEX work_orders_supervised ON work_orders (jurisdiction_id, created_at, id)
  WHERE supervised = 1;
CREATE INDEX work_orders_fast_lane ON work_orders (jurisdiction_id, created_at, id)
  WHERE fast_lane = 1;
CREATE INDEX work_orders_pending_instruction ON work_orders (jurisdiction_id, created_at, id)
  WHERE pending_instruction = 1;

CREATE TABLE work_order_units (
  jurisdiction_id BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  state TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (jurisdiction_id, work_order_id, unit_id)
);
CREATE INDEX work_order_units_queue
  ON work_order_units (jurisdiction_id, unit_id, created_at, work_order_id);
CREATE INDEX work_order_units_state_queue
  ON work_order_units (jurisdiction_id, unit_id, state, created_at, work_order_id);

CREATE TABLE watches (
  jurisdiction_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL,
  PRIMARY KEY (jurisdiction_id, user_id, work_order_id)
);
CREATE INDEX watches_work_order ON watches (jurisdiction_id, work_order_id);

CREATE TABLE events (
  jurisdiction_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  actor_user BIGINT NOT NULL,
  actor_name TEXT NOT NULL,
  actor_unit BIGINT,
  at BIGINT NOT NULL,
  data TEXT NOT NULL,
  is_public INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (jurisdiction_id, seq)
);
CREATE INDEX events_work_order ON events (jurisdiction_id, work_order_id, seq);

CREATE TABLE notices (
  jurisdiction_id BIGINT NOT NULL,
  notice_id BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL,
  phone TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  PRIMARY KEY (jurisdiction_id, notice_id)
);
CREATE INDEX notices_work_order ON notices (jurisdiction_id, work_order_id, notice_id);
)sql";

// The clock settings outside the limits matrix (ClockPolicy), one row per
// setting in its file form; a setting without a row keeps its default.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE clock_policy (
  jurisdiction_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (jurisdiction_id, name)
);
)sql";

// The figures of the dashboard and the rankings, projected from each work
// order so that they can be counted by an index alone: when the reply
// reached the citizen and whether within its time limit, when it was
// closed, the callback's resolved flag and the citizen's satisfaction.
constexpr std::string_view kSchemaV3 = R"sql(
ALTER TABLE work_orders ADD COLUMN replied_at BIGINT;
ALTER TABLE work_orders ADD COLUMN reply_on_time INTEGER;
ALTER TABLE work_orders ADD COLUMN closed_at BIGINT;
ALTER TABLE work_orders ADD COLUMN resolved INTEGER;
ALTER TABLE work_orders ADD COLUMN satisfaction TEXT;
CREATE INDEX work_orders_figures ON work_orders (jurisdiction_id, created_at, channel,
  request_type, category_code, area_code, lead_unit_id, state, overdue, replied_at,
  reply_on_time, resolved, satisfaction);
)sql";

// Documents a jurisdiction provides, such as its district map (GeoJSON).
constexpr std::string_view kSchemaV4 = R"sql(
CREATE TABLE jurisdiction_files (
  jurisdiction_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (jurisdiction_id, name)
);
)sql";

// Which of a work order's units assist on it (协办): the units below an
// assisting unit see the work order too, as its sections do the assisting.
// Rewriting the projections also drops the units that returned a work order.
constexpr std::string_view kSchemaV5 = R"sql(
ALTER TABLE work_order_units ADD COLUMN assisting INTEGER NOT NULL DEFAULT 0;
)sql";

// The public edge. Tracking numbers are counted once for the installation
// (the counter row of jurisdiction 0, kSharedTrackingCounter) instead of
// per jurisdiction: each day's shared count starts at the highest any
// jurisdiction reached, so no new number repeats one already issued; old
// numbers stay as they are. And suspected floods (WorkOrder::suspected_flood)
// get a column and a queue index of their own; no stored work order is one.
constexpr std::string_view kSchemaV6 = R"sql(
INSERT INTO tracking_counters (jurisdiction_id, day, last_seq)
  SELECT 0, day, MAX(last_seq) FROM tracking_counters WHERE jurisdiction_id <> 0 GROUP BY day;
ALTER TABLE work_orders ADD COLUMN suspected_flood INTEGER NOT NULL DEFAULT 0;
CREATE INDEX work_orders_suspected_flood ON work_orders (jurisdiction_id, created_at, id)
  WHERE suspected_flood = 1;
)sql";

// The keyed event log (event_chain.hpp). Each event carries the digest of
// its work order as stored after it. Events already in the database keep
// their plain SHA-256 chain (format v1): unkeyed_events records, per
// jurisdiction, the last seq written that way, and every later event must
// be keyed (format v2). The backend step then gives each work order's
// newest event the digest of the row as it is at the upgrade, so that an
// upgraded database detects edited rows from then on; that digest is not
// covered by a key until the work order changes again.
constexpr std::string_view kSchemaV7 = R"sql(
ALTER TABLE events ADD COLUMN work_order_digest TEXT NOT NULL DEFAULT '';
CREATE TABLE unkeyed_events (
  jurisdiction_id BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  PRIMARY KEY (jurisdiction_id)
);
INSERT INTO unkeyed_events (jurisdiction_id, last_seq)
  SELECT jurisdiction_id, MAX(seq) FROM events GROUP BY jurisdiction_id;
)sql";

constexpr std::array<Migration, 7> kMigrations{{
    {1, "initial schema", kSchemaV1, false},
    {2, "clock policy", kSchemaV2, false},
    {3, "figures", kSchemaV3, true},
    {4, "jurisdiction files", kSchemaV4, false},
    {5, "assisting units", kSchemaV5, true, true},
    {6, "shared tracking numbers and suspected floods", kSchemaV6, false},
    {7, "keyed event log", kSchemaV7, false, false, true},
}};

}  // namespace

std::span<const Migration> SchemaMigrations() { return kMigrations; }

}  // namespace lizheng::store
