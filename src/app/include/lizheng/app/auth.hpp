// Staff authentication: Argon2id password hashes (libsodium), random session
// tokens stored only as hashes, CSRF tokens for cookie sessions, sign-in
// limits (public_limits.hpp) and a bound on concurrent password hashes.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "lizheng/app/environment.hpp"
#include "lizheng/app/public_limits.hpp"
#include "lizheng/core/workflow.hpp"
#include "lizheng/store/store.hpp"

namespace lizheng::app {

// Argon2id hash of a password in libsodium's self-describing string format.
// Costs ~0.1 s of CPU: never call on an I/O thread.
Result<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);
// The stored form of a session token (SHA-256, hex).
std::string HashToken(const std::string& token);
// An Argon2id hash with HashPassword's parameters of a password nobody
// knows: verified for unknown usernames, so that their answer takes as long
// as a known user's and does not tell which usernames exist.
extern const char* const kDummyPasswordHash;

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
  // Password checks at once: each holds 64 MiB for ~0.1 s, so this bounds
  // the memory a flood of sign-ins can take (2 x 64 MiB).
  int max_concurrent_hashes = 2;
  // How long a sign-in waits for a free check before it is refused (503,
  // Retry-After): long enough for a queue of a shift's sign-ins on a busy
  // machine (a check can take 0.5 s under load), short enough that a
  // client is told to come back rather than left hanging.
  std::chrono::milliseconds hash_wait{std::chrono::seconds(10)};
};

// Thread-safe.
class AuthService {
 public:
  // `limits` (may be null: sign-in is not rate limited) is checked before
  // every password check.
  AuthService(store::Store& store, const TimeSource& time, RandomSource& random, AuthOptions options,
              PublicLimits* limits = nullptr);

  // kUnauthenticated for a wrong username or password (same message and,
  // through kDummyPasswordHash, about the same time for both);
  // kTooManyRequests while `client` or the account is held back by the
  // limits; kUnavailable when no password check came free in time.
  Result<LoginResult> Login(JurisdictionId j, const std::string& username,
                            const std::string& password, const std::string& client);
  // kUnauthenticated for unknown, forged or expired tokens or inactive users.
  Result<Principal> Authenticate(const std::string& token);
  // Password checks run by Login so far, real or dummy (for operators'
  // figures and to show that unknown usernames are checked too).
  std::int64_t PasswordChecks() const { return password_checks_.load(); }
  // Revokes the session.
  Status Logout(const store::Session& session);

  // Creates a staff account; validates username, role and unit, and the
  // password against the policy (password_policy.hpp).
  Result<UserId> CreateUser(JurisdictionId j, const std::string& username,
                            const std::string& display_name, Role role,
                            std::optional<UnitId> unit, const std::string& password);

 private:
  // Whether `password` is `username`'s; kUnavailable when no check came
  // free within the wait.
  Result<std::optional<store::User>> VerifyLogin(JurisdictionId j, const std::string& username,
                                                 const std::string& password);

  store::Store& store_;
  const TimeSource& time_;
  RandomSource& random_;
  AuthOptions options_;
  PublicLimits* limits_;
  FairSlots hash_slots_;
  std::atomic<std::int64_t> password_checks_{0};
};

}  // namespace lizheng::app
