#include "clock_settings_rows.hpp"

#include <fmt/format.h>

#include <set>

#include "stored_values.hpp"

namespace lizheng::store::sqlite {
namespace {

Status DeleteCalendarYear(Connection& conn, JurisdictionId j, int year) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          "DELETE FROM calendar_days WHERE jurisdiction_id = ?1 AND day >= ?2 AND day < ?3"));
  // ISO dates sort as text, so a year is a half-open text range.
  stmt.BindInt(1, j).BindText(2, fmt::format("{:04}-01-01", year));
  stmt.BindText(3, fmt::format("{:04}-01-01", year + 1));
  return stmt.Run();
}

Result<LimitSpan> StoredSpan(std::string_view text, std::string_view column) {
  Result<LimitSpan> span = LimitSpan::Parse(text, column);
  if (span.ok()) return span;
  return MakeError(
      ErrorCode::kInternal, "internal_error",
      Text{"一条已保存的记录无法读取，已记录日志", "a stored record could not be read"}, "",
      fmt::format("column {}: bad limit '{}'", column, text));
}

}  // namespace

Status ReplaceCalendar(Connection& conn, JurisdictionId j, int year,
                       const std::vector<CalendarException>& days) {
  std::set<int> years{year};
  for (const CalendarException& d : days) years.insert(static_cast<int>(d.day.year()));
  for (int y : years) LZ_RETURN_IF_ERROR(DeleteCalendarYear(conn, j, y));

  for (const CalendarException& d : days) {
    LZ_ASSIGN_OR_RETURN(
        Statement stmt,
        conn.Prepare("INSERT INTO calendar_days (jurisdiction_id, day, working, name) "
                     "VALUES (?1, ?2, ?3, ?4)"));
    const std::string day = FormatDate(d.day);
    stmt.BindInt(1, j).BindText(2, day).BindBool(3, d.working).BindText(4, d.name);
    Status s = stmt.Run();
    if (!s.ok()) {
      return DuplicateError(s.error(), fmt::format("calendar: day {} is listed twice", day), "day");
    }
  }
  return OkStatus();
}

Result<std::vector<CalendarException>> LoadCalendar(Connection& conn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          "SELECT day, working, name FROM calendar_days WHERE jurisdiction_id = ?1 ORDER BY day"));
  stmt.BindInt(1, j);
  std::vector<CalendarException> days;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return days;
    CalendarException d;
    LZ_ASSIGN_OR_RETURN(d.day, StoredDate(stmt.Text(0), "calendar_days.day"));
    d.working = stmt.Bool(1);
    d.name = stmt.Text(2);
    days.push_back(std::move(d));
  }
}

Status ReplaceTimeLimits(Connection& conn, JurisdictionId j, const TimeLimitMatrix& m) {
  for (const char* table : {"time_limits", "clock_policy"}) {
    LZ_ASSIGN_OR_RETURN(Statement clear,
                        conn.Prepare(fmt::format("DELETE FROM {} WHERE jurisdiction_id = ?1", table)));
    LZ_RETURN_IF_ERROR(clear.BindInt(1, j).Run());
  }
  for (const auto& [name, value] : m.policy().Settings()) {
    LZ_ASSIGN_OR_RETURN(Statement stmt,
                        conn.Prepare("INSERT INTO clock_policy (jurisdiction_id, name, value) "
                                     "VALUES (?1, ?2, ?3)"));
    LZ_RETURN_IF_ERROR(stmt.BindInt(1, j).BindText(2, name).BindText(3, value).Run());
  }
  std::int64_t rule_no = 0;
  for (const TimeLimitRule& r : m.rules()) {
    LZ_ASSIGN_OR_RETURN(
        Statement stmt,
        conn.Prepare(
            "INSERT INTO time_limits (jurisdiction_id, rule_no, request_type, category_code, "
            "urgency, sign_for, contact, reply) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    stmt.BindInt(1, j).BindInt(2, ++rule_no);
    // NULL is "any", as an empty optional is in the rule.
    if (r.type) {
      stmt.BindText(3, ToWire(*r.type));
    } else {
      stmt.BindNull(3);
    }
    stmt.BindText(4, r.category_code);
    if (r.urgency) {
      stmt.BindText(5, ToWire(*r.urgency));
    } else {
      stmt.BindNull(5);
    }
    stmt.BindText(6, r.limits.sign_for.ToString()).BindText(7, r.limits.contact.ToString());
    stmt.BindText(8, r.limits.reply.ToString());
    LZ_RETURN_IF_ERROR(stmt.Run());
  }
  return OkStatus();
}

Result<TimeLimitMatrix> LoadTimeLimits(Connection& conn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          "SELECT request_type, category_code, urgency, sign_for, contact, reply FROM time_limits "
          "WHERE jurisdiction_id = ?1 ORDER BY rule_no"));
  stmt.BindInt(1, j);
  std::vector<TimeLimitRule> rules;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    TimeLimitRule r;
    if (!stmt.IsNull(0)) {
      LZ_ASSIGN_OR_RETURN(r.type,
                          StoredEnum<RequestType>(stmt.Text(0), "time_limits.request_type"));
    }
    r.category_code = stmt.Text(1);
    if (!stmt.IsNull(2)) {
      LZ_ASSIGN_OR_RETURN(r.urgency, StoredEnum<Urgency>(stmt.Text(2), "time_limits.urgency"));
    }
    LZ_ASSIGN_OR_RETURN(r.limits.sign_for, StoredSpan(stmt.Text(3), "time_limits.sign_for"));
    LZ_ASSIGN_OR_RETURN(r.limits.contact, StoredSpan(stmt.Text(4), "time_limits.contact"));
    LZ_ASSIGN_OR_RETURN(r.limits.reply, StoredSpan(stmt.Text(5), "time_limits.reply"));
    rules.push_back(std::move(r));
  }
  if (rules.empty()) {
    return MakeError(ErrorCode::kNotFound,
                     fmt::format("no time limits are configured for jurisdiction {}", j),
                     "jurisdiction");
  }
  ClockPolicy policy;
  LZ_ASSIGN_OR_RETURN(
      Statement settings,
      conn.Prepare("SELECT name, value FROM clock_policy WHERE jurisdiction_id = ?1 ORDER BY name"));
  settings.BindInt(1, j);
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, settings.Step());
    if (!row) break;
    Status set = policy.Set(settings.Text(0), settings.Text(1));
    if (!set.ok()) {
      return MakeError(ErrorCode::kInternal, "a stored clock policy setting cannot be read", "",
                       "clock_policy: " + set.error().message);
    }
  }
  return TimeLimitMatrix(std::move(rules), std::move(policy));
}

}  // namespace lizheng::store::sqlite
