// The SQL of the work-order queues (see work_order_query.hpp on "arms").
#include <fmt/format.h>

#include <optional>
#include <string_view>

#include "work_order_query.hpp"

namespace lizheng::store::sqlite {
namespace {

// SQLite allows 500 members in a compound SELECT; past this many arms the
// query falls back to one plain query (correct, possibly sorting more).
constexpr std::size_t kMaxArms = 200;

class ParamList {
 public:
  // Each adds a parameter and returns its placeholder.
  std::string Int(std::int64_t value) { return Add(SqlParam{false, value, {}}); }
  std::string Text(std::string_view text) { return Add(SqlParam{true, 0, std::string(text)}); }
  std::string Time(Timestamp t) { return Int(t.time_since_epoch().count()); }
  std::vector<SqlParam> Take() { return std::move(params_); }

 private:
  std::string Add(SqlParam value) {
    params_.push_back(std::move(value));
    return fmt::format("?{}", params_.size());
  }

  std::vector<SqlParam> params_;
};

template <class T, class AddOne>
std::string InList(const std::vector<T>& values, AddOne add_one) {
  std::string out = "(";
  for (const T& v : values) {
    if (out.size() > 1) out += ", ";
    out += add_one(v);
  }
  return out + ")";
}

std::string UnitIn(const std::vector<UnitId>& units, ParamList& p) {
  return InList(units, [&p](UnitId u) { return p.Int(u); });
}

std::string StateIn(const std::vector<State>& states, ParamList& p) {
  return InList(states, [&p](State s) { return p.Text(ToWire(s)); });
}

// Whether a search text can match a masked title only where it matches the
// raw title: it holds none of the characters the masker writes.
bool MaskedOnlyIfRaw(std::string_view text) {
  return text.find('*') == std::string_view::npos && text.find('@') == std::string_view::npos &&
         text.find("某") == std::string_view::npos;
}

// LIKE with '\' escaping, so '%' and '_' in the search text are literal.
std::string ContainsPattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// The smallest string greater than every string starting with `prefix`
// (byte order), or nullopt when there is none (all 0xff bytes).
std::optional<std::string> PrefixUpperBound(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xff) prefix.pop_back();
  if (prefix.empty()) return std::nullopt;
  prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

const std::vector<State>& EveryState() {
  static const std::vector<State> states = [] {
    std::vector<State> all;
    for (const auto& n : EnumNames<State>()) all.push_back(n.value);
    return all;
  }();
  return states;
}

std::vector<UnitId> VisibleUnits(const WorkOrderQuery& q) {
  // The subtree always contains its root; an empty list means just the root.
  if (q.visible_units.empty() && q.visible_to_subtree_of) return {*q.visible_to_subtree_of};
  return q.visible_units;
}

// One condition per unit a caller sees a work order through: the units of
// its subtree in any role, the units above it only where they assist.
std::vector<std::string> UnitConditions(const WorkOrderQuery& q, ParamList& p) {
  std::vector<std::string> out;
  for (UnitId u : VisibleUnits(q)) out.push_back("u.unit_id = " + p.Int(u));
  for (UnitId u : q.visible_assisted_by)
    out.push_back("(u.unit_id = " + p.Int(u) + " AND u.assisting = 1)");
  return out;
}

// The same as one condition on a work_order_units row `u`.
std::string VisibleCondition(const WorkOrderQuery& q, ParamList& p) {
  std::string out = "u.unit_id IN " + UnitIn(VisibleUnits(q), p);
  if (!q.visible_assisted_by.empty())
    out = "(" + out + " OR (u.assisting = 1 AND u.unit_id IN " + UnitIn(q.visible_assisted_by, p) +
          "))";
  return out;
}

// Which rows drive the query. kWatches reads the (short) watch list and
// sorts it; kUnits reads work_order_units per unit (and state); the two
// work_orders drives read its queue indexes per value; kPlain reads work
// orders newest first (or by whatever index SQLite picks) and filters.
enum class Drive { kPlain, kWatches, kUnits, kHandlingUnitStates, kStates };

// The flags with partial indexes of their own. Few work orders carry one
// (overdue, supervised, fast lane, awaiting acknowledgement), so reading the
// flag's index newest first and checking each row's units beats reading a
// district's units and checking each row's flag.
bool HasRareFlag(const WorkOrderQuery& q) {
  return q.overdue_only || q.supervised_only || q.fast_lane_only || q.instructed_pending_only ||
         q.suspected_flood_only;
}

Drive ChooseDrive(const WorkOrderQuery& q) {
  if (q.watched_by) return Drive::kWatches;
  if (q.visible_to_subtree_of && HasRareFlag(q)) return Drive::kPlain;
  if (q.visible_to_subtree_of) {
    // Even one unit is driven from work_order_units: scanning the work
    // orders newest first for a unit that has few would read them all.
    return VisibleUnits(q).size() + q.visible_assisted_by.size() <= kMaxArms ? Drive::kUnits
                                                                              : Drive::kPlain;
  }
  std::size_t arms = 0;
  Drive drive = Drive::kPlain;
  if (!q.handling_units.empty()) {
    drive = Drive::kHandlingUnitStates;
    arms = q.handling_units.size() * (q.states.empty() ? EveryState().size() : q.states.size());
  } else if (!q.states.empty()) {
    drive = Drive::kStates;
    arms = q.states.size();
  }
  // One arm is what a plain query with equality filters does anyway.
  return arms > 1 && arms <= kMaxArms ? drive : Drive::kPlain;
}

// The conditions on `w` other than the jurisdiction, the cursor and what the
// drive already covers. Each starts with " AND ".
std::string Filters(const WorkOrderQuery& q, Drive drive, const std::string& j, ParamList& p) {
  std::string out;
  auto add = [&out](const std::string& condition) { out += " AND " + condition; };
  const bool drive_has_states =
      drive == Drive::kStates || drive == Drive::kHandlingUnitStates || drive == Drive::kUnits;
  if (!q.states.empty() && !drive_has_states) add("w.state IN " + StateIn(q.states, p));
  if (q.open_only) {
    // NOT IN, which no index serves, so that SQLite keeps to the index of
    // the queue's flag rather than reading every open state's entries.
    add("w.state NOT IN " + StateIn({State::kClosed, State::kRejected, State::kMerged}, p));
  }
  if (!q.handling_units.empty() && drive != Drive::kHandlingUnitStates) {
    add("w.handling_unit_id IN " + UnitIn(q.handling_units, p));
  }
  if (q.visible_to_subtree_of && drive != Drive::kUnits) {
    // Correlated, so each candidate row is one primary-key probe per unit
    // rather than a materialised list of every work order of the subtree.
    add(fmt::format(
        "EXISTS (SELECT 1 FROM work_order_units u WHERE u.jurisdiction_id = {} "
        "AND u.work_order_id = w.id AND {})",
        j, VisibleCondition(q, p)));
  }
  if (!q.category_prefix.empty()) {
    // "01" matches "01" and "01.<anything>"; '/' is the byte after '.'.
    const std::string exact = p.Text(q.category_prefix);
    add(fmt::format("(w.category_code = {} OR (w.category_code >= {} AND w.category_code < {}))",
                    exact, p.Text(q.category_prefix + "."), p.Text(q.category_prefix + "/")));
  }
  if (!q.area_prefix.empty()) {
    add("w.area_code >= " + p.Text(q.area_prefix));
    if (auto upper = PrefixUpperBound(q.area_prefix)) add("w.area_code < " + p.Text(*upper));
  }
  if (q.urgency) add("w.urgency = " + p.Text(ToWire(*q.urgency)));
  if (q.channel) add("w.channel = " + p.Text(ToWire(*q.channel)));
  if (q.type) add("w.request_type = " + p.Text(ToWire(*q.type)));
  if (q.mailbox) add("w.mailbox_id = " + p.Int(*q.mailbox));
  if (q.watched_by && drive != Drive::kWatches) {
    add(
        fmt::format("w.id IN (SELECT x.work_order_id FROM watches x "
                    "WHERE x.jurisdiction_id = {} AND x.user_id = {})",
                    j, p.Int(*q.watched_by)));
  }
  // Literal "= 1" so SQLite can use the partial indexes on these flags.
  if (q.overdue_only) add("w.overdue = 1");
  if (q.supervised_only) add("w.supervised = 1");
  if (q.fast_lane_only) add("w.fast_lane = 1");
  if (q.suspected_flood_only) add("w.suspected_flood = 1");
  if (q.instructed_pending_only) add("w.pending_instruction = 1");
  if (q.published_only) add("w.published = 1");
  if (!q.title_contains.empty()) {
    add(fmt::format("w.title LIKE {} ESCAPE '\\'", p.Text(ContainsPattern(q.title_contains))));
  }
  if (!q.masked_title_contains.empty()) {
    // lz_mask is registered on every connection (connection.cpp). Masking
    // at query time rather than storing a masked copy means a better masker
    // protects every old request at once, with no migration.
    const std::string pattern = p.Text(ContainsPattern(q.masked_title_contains));
    if (MaskedOnlyIfRaw(q.masked_title_contains)) {
      // The masker only replaces characters by '*', '某' or "***@***", so
      // text without those found in the masked title is found in the raw
      // one too: the plain LIKE rules out most rows before any is masked
      // (CASE keeps that order; SQLite may reorder separate terms).
      add(fmt::format("CASE WHEN w.title LIKE {0} ESCAPE '\\' "
                      "THEN lz_mask(w.title) LIKE {0} ESCAPE '\\' ELSE 0 END",
                      pattern));
    } else {
      add(fmt::format("lz_mask(w.title) LIKE {} ESCAPE '\\'", pattern));
    }
  }
  if (q.created_from) add("w.created_at >= " + p.Time(*q.created_from));
  if (q.created_to) add("w.created_at < " + p.Time(*q.created_to));
  return out;
}

// " AND (created, id) < (cursor)" on the driving table's columns.
std::string Keyset(const WorkOrderQuery& q, std::string_view created, std::string_view id,
                   ParamList& p) {
  if (!q.after) return {};
  const std::string at = p.Time(q.after->first);
  return fmt::format(" AND ({}, {}) < ({}, {})", created, id, at, p.Int(q.after->second));
}

// The per-arm conditions of a multi-arm drive.
std::vector<std::string> ArmConditions(const WorkOrderQuery& q, Drive drive, ParamList& p) {
  std::vector<std::string> out;
  switch (drive) {
    case Drive::kUnits: {
      const std::vector<std::string> units = UnitConditions(q, p);
      const bool arm_per_state = !q.states.empty() && units.size() * q.states.size() <= kMaxArms;
      const std::string all_states = q.states.empty() || arm_per_state
                                         ? std::string()
                                         : " AND u.state IN " + StateIn(q.states, p);
      for (const std::string& unit : units) {
        if (!arm_per_state) {
          out.push_back(unit + all_states);
          continue;
        }
        for (State s : q.states) out.push_back(unit + " AND u.state = " + p.Text(ToWire(s)));
      }
      break;
    }
    case Drive::kHandlingUnitStates: {
      const auto& states = q.states.empty() ? EveryState() : q.states;
      for (UnitId u : q.handling_units) {
        const std::string unit = p.Int(u);
        for (State s : states) {
          out.push_back(
              fmt::format("w.handling_unit_id = {} AND w.state = {}", unit, p.Text(ToWire(s))));
        }
      }
      break;
    }
    case Drive::kStates:
      for (State s : q.states) out.push_back("w.state = " + p.Text(ToWire(s)));
      break;
    case Drive::kPlain:
    case Drive::kWatches:
      break;
  }
  return out;
}

// One arm: the newest limit + 1 (created_at, id) pairs for one driving value.
std::string Arm(const WorkOrderQuery& q, Drive drive, const std::string& condition,
                const std::string& j, const std::string& filters, const std::string& limit,
                ParamList& p) {
  if (drive == Drive::kUnits) {
    // CROSS JOIN keeps work_order_units the outer loop, so the arm reads the
    // unit's index entries newest first whatever the other filters; without
    // other filters the work orders are not touched at all.
    const std::string join = filters.empty() ? std::string()
                                             : " CROSS JOIN work_orders w ON w.jurisdiction_id = "
                                               "u.jurisdiction_id AND w.id = u.work_order_id";
    return fmt::format(
        "SELECT * FROM (SELECT u.created_at AS created_at, u.work_order_id AS id "
        "FROM work_order_units u{} WHERE u.jurisdiction_id = {} AND {}{}{} "
        "ORDER BY u.created_at DESC, u.work_order_id DESC LIMIT {})",
        join, j, condition, filters, Keyset(q, "u.created_at", "u.work_order_id", p), limit);
  }
  return fmt::format(
      "SELECT * FROM (SELECT w.created_at AS created_at, w.id AS id FROM work_orders w "
      "WHERE w.jurisdiction_id = {} AND {}{}{} ORDER BY w.created_at DESC, w.id DESC LIMIT {})",
      j, condition, filters, Keyset(q, "w.created_at", "w.id", p), limit);
}

}  // namespace

Result<BuiltQuery> BuildListQuery(const WorkOrderQuery& q) {
  if (q.limit < 1 || q.limit > kMaxPageSize) {
    return MakeError(
        ErrorCode::kInvalidArgument, "out_of_range",
        Text{fmt::format("参数 limit：须在 1 到 {} 之间，收到 {}", kMaxPageSize, q.limit),
             fmt::format("limit: must be between 1 and {}, got {}", kMaxPageSize, q.limit)},
        "limit");
  }
  ParamList p;
  const std::string j = p.Int(q.jurisdiction);
  const std::string limit = p.Int(q.limit + 1);
  const Drive drive = ChooseDrive(q);
  const std::string filters = Filters(q, drive, j, p);

  std::string sql;
  if (drive == Drive::kWatches) {
    // CROSS JOIN makes SQLite read the watch list first rather than scan
    // the work orders newest first looking for watched ones.
    sql = fmt::format(
        "SELECT w.doc FROM watches x CROSS JOIN work_orders w "
        "ON w.jurisdiction_id = x.jurisdiction_id AND w.id = x.work_order_id "
        "WHERE x.jurisdiction_id = {} AND x.user_id = {}{}{} "
        "ORDER BY w.created_at DESC, w.id DESC LIMIT {}",
        j, p.Int(*q.watched_by), filters, Keyset(q, "w.created_at", "w.id", p), limit);
  } else if (drive == Drive::kPlain) {
    sql = fmt::format(
        "SELECT w.doc FROM work_orders w WHERE w.jurisdiction_id = {}{}{} "
        "ORDER BY w.created_at DESC, w.id DESC LIMIT {}",
        j, filters, Keyset(q, "w.created_at", "w.id", p), limit);
  } else {
    std::string arms;
    for (const std::string& condition : ArmConditions(q, drive, p)) {
      if (!arms.empty()) arms += " UNION ";  // UNION: a work order seen by two units once
      arms += Arm(q, drive, condition, j, filters, limit, p);
    }
    sql = fmt::format(
        "SELECT w.doc FROM ({}) AS v CROSS JOIN work_orders w "
        "ON w.jurisdiction_id = {} AND w.id = v.id "
        "ORDER BY v.created_at DESC, v.id DESC LIMIT {}",
        arms, j, limit);
  }
  return BuiltQuery{std::move(sql), p.Take()};
}

BuiltQuery BuildCountQuery(const WorkOrderQuery& q) {
  ParamList p;
  const std::string j = p.Int(q.jurisdiction);
  std::string sql;
  if (q.watched_by) {
    sql = fmt::format(
        "SELECT COUNT(*) FROM watches x CROSS JOIN work_orders w "
        "ON w.jurisdiction_id = x.jurisdiction_id AND w.id = x.work_order_id "
        "WHERE x.jurisdiction_id = {} AND x.user_id = {}{}",
        j, p.Int(*q.watched_by), Filters(q, Drive::kWatches, j, p));
  } else if (q.visible_to_subtree_of && !HasRareFlag(q)) {
    // Counted from the units' own index; DISTINCT because a work order may
    // be visible through several units of the subtree.
    const std::string units = VisibleCondition(q, p);
    const std::string states = q.states.empty() ? "" : " AND u.state IN " + StateIn(q.states, p);
    const std::string filters = Filters(q, Drive::kUnits, j, p);
    const std::string join = filters.empty() ? std::string()
                                             : " CROSS JOIN work_orders w ON w.jurisdiction_id = "
                                               "u.jurisdiction_id AND w.id = u.work_order_id";
    sql = fmt::format(
        "SELECT COUNT(DISTINCT u.work_order_id) FROM work_order_units u{} "
        "WHERE u.jurisdiction_id = {} AND {}{}{}",
        join, j, units, states, filters);
  } else {
    sql = fmt::format("SELECT COUNT(*) FROM work_orders w WHERE w.jurisdiction_id = {}{}", j,
                      Filters(q, Drive::kPlain, j, p));
  }
  return BuiltQuery{std::move(sql), p.Take()};
}

}  // namespace lizheng::store::sqlite
