// How domain values sit in columns: enums by wire name, dates as
// 'YYYY-MM-DD', ids allocated per jurisdiction. A value that does not read
// back is a damaged database, hence kInternal.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "connection.hpp"
#include "lizheng/core/enums.hpp"
#include "lizheng/core/result.hpp"
#include "lizheng/core/time.hpp"

namespace lizheng::store::sqlite {

template <class E>
Result<E> StoredEnum(std::string_view wire, std::string_view column) {
  if (auto value = FromWire<E>(wire)) return *value;
  return MakeError(
      ErrorCode::kInternal, "internal_error",
      Text{"一条已保存的记录无法读取，已记录日志", "a stored record could not be read"}, "",
      fmt::format("column {}: unknown value '{}'", column, wire));
}

inline Result<Date> StoredDate(std::string_view text, std::string_view column) {
  Result<Date> day = ParseDate(text, column);
  if (day.ok()) return day;
  return MakeError(
      ErrorCode::kInternal, "internal_error",
      Text{"一条已保存的记录无法读取，已记录日志", "a stored record could not be read"}, "",
      fmt::format("column {}: bad date '{}'", column, text));
}

// The next free id of a per-jurisdiction table: max + 1. Safe because all
// writes go through the one writer connection, inside its transaction.
// `table` and `column` are constants of the caller, never input.
inline Result<std::int64_t> NextId(Connection& conn, std::string_view table,
                                   std::string_view column, std::int64_t jurisdiction) {
  LZ_ASSIGN_OR_RETURN(Statement stmt,
                      conn.Prepare(fmt::format("SELECT COALESCE(MAX({}), 0) + 1 FROM {} "
                                               "WHERE jurisdiction_id = ?1",
                                               column, table)));
  stmt.BindInt(1, jurisdiction);
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Int(0) : std::int64_t{1};
}

// Rewrites a constraint violation's message into one that names the
// duplicate; other errors pass through.
inline Error DuplicateError(Error error, std::string message, std::string field = {}) {
  if (error.code == ErrorCode::kConflict) {
    error.message = std::move(message);
    error.field = std::move(field);
  }
  return error;
}

}  // namespace lizheng::store::sqlite
