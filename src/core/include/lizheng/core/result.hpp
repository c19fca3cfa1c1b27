// The one error model of lizheng: expected failures are values.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace lizheng {

// What kind of failure happened; api/ maps each code to one HTTP status.
enum class ErrorCode {
  kInvalidArgument,    // a field broke a rule (400)
  kUnauthenticated,    // no, forged or expired credentials (401)
  kForbidden,          // authenticated, but not allowed (403)
  kNotFound,           // unknown id, or not visible to the caller (404)
  kConflict,           // concurrent change or duplicate (409)
  kIllegalTransition,  // the action does not apply in the current state (409)
  kPayloadTooLarge,    // body over the limit (413)
  kUnsupportedMediaType,  // a body that is not JSON (415)
  kTooManyRequests,    // rate limited (429)
  kUnavailable,        // storage full or shutting down (503)
  kInternal,           // our bug or an unexpected system failure (500)
};

// A sentence people read, in the interface's two languages: Chinese first,
// English for a client that asks for it (Accept-Language).
struct Text {
  std::string zh;
  std::string en;
};

// A failure. `reason` is a stable snake_case code for programs
// ("contact_required"), finer than `code`; `message` (English) and
// `message_zh` (Chinese) are safe to show the client and name the rule
// broken; `field` names the offending input field (may be empty); `detail`
// is for the log only and may hold internals. Errors that only reach a
// terminal or the log (the command line, offline tools) may leave `reason`
// and `message_zh` empty.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;
  std::string detail;
  std::string message_zh;
  std::string reason;
  // For kTooManyRequests: seconds until a retry can succeed (Retry-After).
  int retry_after_seconds = 0;
};

// An error for the terminal or the log: English only.
inline Error MakeError(ErrorCode code, std::string message,
                       std::string field = {}, std::string detail = {}) {
  return Error{code, std::move(message), std::move(field), std::move(detail), {}, {}, 0};
}

// An error people read: a stable reason and the message in both languages.
// Write the text as Text{"中文", "English"}: a bare brace list is ambiguous
// with the overload above and does not compile, on purpose.
inline Error MakeError(ErrorCode code, std::string reason, Text text,
                       std::string field = {}, std::string detail = {}) {
  return Error{code,           std::move(text.en),    std::move(field),
               std::move(detail), std::move(text.zh), std::move(reason), 0};
}

// Either a value or an Error. Reading value() of an error is our bug.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());  // callers check ok() first
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());  // callers check ok() first
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

// Success or an Error, for calls that return nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);  // callers check ok() first
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

inline Status OkStatus() { return {}; }

}  // namespace lizheng

// Propagates an error from an expression returning Status or Result<T>.
#define LZ_RETURN_IF_ERROR(expr)                 \
  do {                                           \
    auto lz_status_ = (expr);                    \
    if (!lz_status_.ok()) return lz_status_.error(); \
  } while (false)

#define LZ_CONCAT_INNER(a, b) a##b
#define LZ_CONCAT(a, b) LZ_CONCAT_INNER(a, b)
// Declares `lhs` from a Result<T> expression or returns its error.
#define LZ_ASSIGN_OR_RETURN(lhs, expr) \
  LZ_ASSIGN_OR_RETURN_IMPL(LZ_CONCAT(lz_result_, __LINE__), lhs, expr)
#define LZ_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.error();             \
  lhs = std::move(tmp).value()
