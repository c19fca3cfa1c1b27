#include "lizheng/app/auth.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "lizheng/app/password_policy.hpp"

namespace lizheng::app {
namespace {

bool IsUnitRole(Role r) { return r == Role::kUnitHandler || r == Role::kUnitManager; }

Error BadLogin() {
  return MakeError(ErrorCode::kUnauthenticated, "wrong_credentials",
                   Text{"用户名或密码错误", "wrong username or password"});
}

}  // namespace

Result<std::string> HashPassword(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return MakeError(ErrorCode::kInternal, "could not hash the password", "", "out of memory");
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

// Made once with crypto_pwhash_str(OPSLIMIT_INTERACTIVE, MEMLIMIT_INTERACTIVE)
// from 32 random bytes that were then thrown away; a test checks that its
// parameters still match HashPassword's.
const char* const kDummyPasswordHash =
    "$argon2id$v=19$m=65536,t=2,p=1$Odnr4Q+yqkywaJzayAD6tA$ROlgD3SfeibAfSQ0pFPItd+wvW2jL3ukZyWhTrBSxBQ";

std::string HashToken(const std::string& token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

AuthService::AuthService(store::Store& store, const TimeSource& time, RandomSource& random,
                         AuthOptions options, PublicLimits* limits)
    : store_(store),
      time_(time),
      random_(random),
      options_(options),
      limits_(limits),
      hash_slots_(options.max_concurrent_hashes) {}

Result<std::optional<store::User>> AuthService::VerifyLogin(JurisdictionId j,
                                                            const std::string& username,
                                                            const std::string& password) {
  std::optional<store::User> user;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(user, txn.FindUser(j, username));
    return OkStatus();
  }));
  if (!hash_slots_.Acquire(options_.hash_wait)) {
    Error e = MakeError(ErrorCode::kUnavailable, "login_busy",
                        Text{"登录人数过多，请稍后再试", "too many sign-ins at once; try again shortly"});
    e.retry_after_seconds = 2;
    return e;
  }
  // Unknown usernames are checked against the dummy, so they cost the same.
  const bool match = VerifyPassword(user ? user->password_hash : kDummyPasswordHash, password);
  hash_slots_.Release();
  ++password_checks_;
  if (!user || !user->active || !match) return std::optional<store::User>();
  return user;
}

Result<LoginResult> AuthService::Login(JurisdictionId j, const std::string& username,
                                       const std::string& password, const std::string& client) {
  LoginAttempt attempt;
  if (limits_) {
    LZ_ASSIGN_OR_RETURN(attempt, limits_->BeginLogin(j, username, client));
  }
  auto verified = VerifyLogin(j, username, password);
  if (limits_) {
    if (!verified.ok())
      limits_->EndLogin(attempt, LoginOutcome::kNotChecked);
    else
      limits_->EndLogin(attempt, *verified ? LoginOutcome::kSucceeded : LoginOutcome::kFailed);
  }
  if (!verified.ok()) return verified.error();
  if (!*verified) return BadLogin();
  const store::User& user = **verified;

  const Timestamp now = time_.Now();
  LoginResult result;
  result.token = random_.HexToken(32);
  result.csrf_token = random_.HexToken(16);
  result.expires_at = now + options_.session_ttl;
  result.user = user;
  store::Session session{HashToken(result.token), j, user.id, result.csrf_token, now,
                         result.expires_at};
  LZ_RETURN_IF_ERROR(store_.Write([&](store::WriteTxn& txn) { return txn.InsertSession(session); }));
  return result;
}

Result<Principal> AuthService::Authenticate(const std::string& token) {
  if (token.size() != 64)
    return MakeError(ErrorCode::kUnauthenticated, "session_invalid",
                     Text{"会话令牌无效，请重新登录", "invalid session token; sign in again"});
  const std::string hash = HashToken(token);
  Principal p;
  bool found = false;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(std::optional<store::Session> s, txn.FindSession(hash));
    if (!s) return OkStatus();
    LZ_ASSIGN_OR_RETURN(std::optional<store::User> u, txn.GetUser(s->jurisdiction, s->user));
    if (!u) return OkStatus();
    p.session = *s;
    p.user = *u;
    found = true;
    return OkStatus();
  }));
  if (!found)
    return MakeError(ErrorCode::kUnauthenticated, "session_invalid",
                     Text{"会话令牌无效，请重新登录", "invalid session token; sign in again"});
  if (time_.Now() >= p.session.expires_at)
    return MakeError(ErrorCode::kUnauthenticated, "session_expired",
                     Text{"会话已过期，请重新登录", "the session has expired; sign in again"});
  if (!p.user.active)
    return MakeError(ErrorCode::kUnauthenticated, "account_disabled",
                     Text{"该账号已停用", "the account is disabled"});
  p.actor = Actor{p.user.role, p.user.id, p.user.unit, p.user.display_name};
  return p;
}

Status AuthService::Logout(const store::Session& session) {
  return store_.Write([&](store::WriteTxn& txn) { return txn.DeleteSession(session.token_hash); });
}

Result<UserId> AuthService::CreateUser(JurisdictionId j, const std::string& username,
                                       const std::string& display_name, Role role,
                                       std::optional<UnitId> unit, const std::string& password) {
  if (username.size() < 2 || username.size() > 64)
    return MakeError(ErrorCode::kInvalidArgument, "username: 2 to 64 characters", "username");
  for (unsigned char c : username)
    if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.'))
      return MakeError(ErrorCode::kInvalidArgument,
                       "username: letters, digits, '_', '-' and '.' only", "username");
  if (role == Role::kCitizen || role == Role::kSystem)
    return MakeError(ErrorCode::kInvalidArgument, "role: citizens and the system have no accounts",
                     "role");
  LZ_RETURN_IF_ERROR(CheckPassword(password, username, role));
  if (IsUnitRole(role) && !unit)
    return MakeError(ErrorCode::kInvalidArgument, "unit: required for unit roles", "unit");
  LZ_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  store::User u;
  u.jurisdiction = j;
  u.username = username;
  u.display_name = display_name.empty() ? username : display_name;
  u.role = role;
  u.unit = unit;
  u.password_hash = std::move(hash);
  UserId id = 0;
  LZ_RETURN_IF_ERROR(store_.Write([&](store::WriteTxn& txn) -> Status {
    if (unit) {
      LZ_ASSIGN_OR_RETURN(Directory dir, txn.LoadDirectory(j));
      if (!dir.FindUnit(*unit))
        return MakeError(ErrorCode::kInvalidArgument, "unit: unknown unit", "unit");
    }
    LZ_ASSIGN_OR_RETURN(id, txn.InsertUser(u));
    return OkStatus();
  }));
  return id;
}

}  // namespace lizheng::app
