// Staff accounts and their sessions.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "connection.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::store::sqlite {

// A zero id asks for the next free one in the jurisdiction. kConflict
// (field "username") if the username is taken in the jurisdiction.
Result<UserId> InsertUser(Connection& conn, const User& u);
// Replaces every column of (u.jurisdiction, u.id). kNotFound if absent,
// kConflict if the new username belongs to someone else.
Status UpdateUser(Connection& conn, const User& u);
Result<std::optional<User>> FindUser(Connection& conn, JurisdictionId j, std::string_view username);
Result<std::optional<User>> GetUser(Connection& conn, JurisdictionId j, UserId id);
// By id.
Result<std::vector<User>> ListUsers(Connection& conn, JurisdictionId j);

// kConflict if the token hash exists.
Status InsertSession(Connection& conn, const Session& s);
// Deleting an absent session is not an error (signing out twice).
Status DeleteSession(Connection& conn, std::string_view token_hash);
// Those with expires_at <= now; returns how many.
Result<std::int64_t> DeleteExpiredSessions(Connection& conn, Timestamp now);
// Expiry is the caller's to check: the session is returned as stored.
Result<std::optional<Session>> FindSession(Connection& conn, std::string_view token_hash);

}  // namespace lizheng::store::sqlite
