#include "user_rows.hpp"

#include <fmt/format.h>

#include "stored_values.hpp"

namespace lizheng::store::sqlite {
namespace {

constexpr std::string_view kUserColumns =
    "jurisdiction_id, user_id, username, display_name, role, unit_id, password_hash, active";

Result<User> ReadUser(const Statement& stmt) {
  User u;
  u.jurisdiction = stmt.Int(0);
  u.id = stmt.Int(1);
  u.username = stmt.Text(2);
  u.display_name = stmt.Text(3);
  LZ_ASSIGN_OR_RETURN(u.role, StoredEnum<Role>(stmt.Text(4), "users.role"));
  u.unit = stmt.OptInt(5);
  u.password_hash = stmt.Text(6);
  u.active = stmt.Bool(7);
  return u;
}

Result<std::optional<User>> FirstUser(Statement& stmt) {
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<User>();
  LZ_ASSIGN_OR_RETURN(User u, ReadUser(stmt));
  return std::optional<User>(std::move(u));
}

Error UsernameTaken(Error error, const User& u) {
  return DuplicateError(std::move(error),
                        fmt::format("username: '{}' is taken; choose another", u.username),
                        "username");
}

}  // namespace

Result<UserId> InsertUser(Connection& conn, const User& u) {
  UserId id = u.id;
  if (id == 0) {
    LZ_ASSIGN_OR_RETURN(id, NextId(conn, "users", "user_id", u.jurisdiction));
  }
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format("INSERT INTO users ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               kUserColumns)));
  stmt.BindInt(1, u.jurisdiction).BindInt(2, id).BindText(3, u.username);
  stmt.BindText(4, u.display_name).BindText(5, ToWire(u.role)).BindOptInt(6, u.unit);
  stmt.BindText(7, u.password_hash).BindBool(8, u.active);
  Status s = stmt.Run();
  if (!s.ok()) return UsernameTaken(s.error(), u);
  return id;
}

Status UpdateUser(Connection& conn, const User& u) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare("UPDATE users SET username = ?3, display_name = ?4, role = ?5, unit_id = ?6, "
                   "password_hash = ?7, active = ?8 WHERE jurisdiction_id = ?1 AND user_id = ?2"));
  stmt.BindInt(1, u.jurisdiction).BindInt(2, u.id).BindText(3, u.username);
  stmt.BindText(4, u.display_name).BindText(5, ToWire(u.role)).BindOptInt(6, u.unit);
  stmt.BindText(7, u.password_hash).BindBool(8, u.active);
  Status s = stmt.Run();
  if (!s.ok()) return UsernameTaken(s.error(), u);
  if (conn.Changes() == 0) {
    return MakeError(ErrorCode::kNotFound, fmt::format("user {} does not exist", u.id), "id");
  }
  return OkStatus();
}

Result<std::optional<User>> FindUser(Connection& conn, JurisdictionId j,
                                     std::string_view username) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format("SELECT {} FROM users WHERE jurisdiction_id = ?1 AND username = ?2",
                               kUserColumns)));
  stmt.BindInt(1, j).BindText(2, username);
  return FirstUser(stmt);
}

Result<std::optional<User>> GetUser(Connection& conn, JurisdictionId j, UserId id) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format("SELECT {} FROM users WHERE jurisdiction_id = ?1 AND user_id = ?2",
                               kUserColumns)));
  stmt.BindInt(1, j).BindInt(2, id);
  return FirstUser(stmt);
}

Result<std::vector<User>> ListUsers(Connection& conn, JurisdictionId j) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(fmt::format("SELECT {} FROM users WHERE jurisdiction_id = ?1 ORDER BY user_id",
                               kUserColumns)));
  stmt.BindInt(1, j);
  std::vector<User> users;
  for (;;) {
    LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return users;
    LZ_ASSIGN_OR_RETURN(User u, ReadUser(stmt));
    users.push_back(std::move(u));
  }
}

Status InsertSession(Connection& conn, const Session& s) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          "INSERT INTO sessions (jurisdiction_id, token_hash, user_id, csrf_token, created_at, "
          "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  stmt.BindInt(1, s.jurisdiction).BindText(2, s.token_hash).BindInt(3, s.user);
  stmt.BindText(4, s.csrf_token).BindTime(5, s.created_at).BindTime(6, s.expires_at);
  Status status = stmt.Run();
  if (!status.ok()) return DuplicateError(status.error(), "the session exists already");
  return OkStatus();
}

Status DeleteSession(Connection& conn, std::string_view token_hash) {
  LZ_ASSIGN_OR_RETURN(Statement stmt, conn.Prepare("DELETE FROM sessions WHERE token_hash = ?1"));
  return stmt.BindText(1, token_hash).Run();
}

Result<std::int64_t> DeleteExpiredSessions(Connection& conn, Timestamp now) {
  LZ_ASSIGN_OR_RETURN(Statement stmt, conn.Prepare("DELETE FROM sessions WHERE expires_at <= ?1"));
  stmt.BindTime(1, now);
  LZ_RETURN_IF_ERROR(stmt.Run());
  return conn.Changes();
}

Result<std::optional<Session>> FindSession(Connection& conn, std::string_view token_hash) {
  LZ_ASSIGN_OR_RETURN(
      Statement stmt,
      conn.Prepare(
          "SELECT token_hash, jurisdiction_id, user_id, csrf_token, created_at, expires_at "
          "FROM sessions WHERE token_hash = ?1"));
  stmt.BindText(1, token_hash);
  LZ_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<Session>();
  return std::optional<Session>(
      Session{stmt.Text(0), stmt.Int(1), stmt.Int(2), stmt.Text(3), stmt.Time(4), stmt.Time(5)});
}

}  // namespace lizheng::store::sqlite
