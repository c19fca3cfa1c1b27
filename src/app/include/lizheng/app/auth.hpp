// Staff authentication: Argon2id password hashes (libsodium), random session
// tokens stored only as hashes, CSRF tokens for cookie sessions, and a limit
// on failed logins.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "lizheng/app/environment.hpp"
#include "lizheng/core/workflow.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::app {

// Argon2id hash of a password in libsodium's self-describing string format.
// Costs ~0.1 s of CPU: never call on an I/O thread.
Result<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);
// The stored form of a session token (SHA-256, hex).
std::string HashToken(const std::string& token);

// The outcome of a successful login. `token` is shown once, never stored.
struct LoginResult {
  std::string token;
  std::string csrf_token;
  Timestamp expires_at{};
  store::User user;
};

// An authenticated caller.
struct Principal {
  store::User user;
  store::Session session;
  Actor actor;
};

struct AuthOptions {
  std::chrono::seconds session_ttl{std::chrono::hours(12)};
  int max_failures = 5;                       // per username and per client address
  std::chrono::seconds failure_window{std::chrono::minutes(15)};
};

// Thread-safe.
class AuthService {
 public:
  AuthService(store::Store& store, const TimeSource& time, RandomSource& random, AuthOptions options);

  // kUnauthenticated for a wrong username or password (same message for
  // both); kTooManyRequests once the failure limit is reached.
  Result<LoginResult> Login(JurisdictionId j, const std::string& username,
                            const std::string& password, const std::string& client);
  // kUnauthenticated for unknown, forged or expired tokens or inactive users.
  Result<Principal> Authenticate(const std::string& token);
  // Revokes the session.
  Status Logout(const store::Session& session);

  // Creates a staff account; validates username, role and unit, and the
  // password against the policy (password_policy.hpp).
  Result<UserId> CreateUser(JurisdictionId j, const std::string& username,
                            const std::string& display_name, Role role,
                            std::optional<UnitId> unit, const std::string& password);

 private:
  bool Limited(const std::string& key, Timestamp now);
  void RecordFailure(const std::string& key, Timestamp now);

  store::Store& store_;
  const TimeSource& time_;
  RandomSource& random_;
  AuthOptions options_;
  std::mutex mu_;
  std::map<std::string, std::pair<int, Timestamp>> failures_;  // key -> (count, window start)
};

}  // namespace lizheng::app
