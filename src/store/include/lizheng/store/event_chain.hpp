// The event chain's cryptography, shared by every backend so that a chain
// verifies the same everywhere: the key that chains events (HMAC-SHA-256),
// the two chain formats, and the digest of a stored work order that each
// event carries.
//
// Format v1 ("lizheng-event-v1", plain SHA-256) is what databases written
// before the keyed log hold; it still verifies but anyone who can write the
// file can recompute it. Format v2 ("lizheng-event-v2") is keyed with a
// LogKey kept outside the database and covers the event's work-order
// digest, so an edited event or an edited work-order row cannot be hidden
// without the key.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "lizheng/core/result.hpp"
#include "lizheng/core/workflow.hpp"

namespace lizheng::store {

// The secret of the keyed chain: 32 random bytes. Its text form is 64
// lower-case hex digits. Copyable; never logged.
class LogKey {
 public:
  static constexpr std::size_t kBytes = 32;

  // A fresh key from the operating system's CSPRNG (libsodium).
  static LogKey Generate();
  // The key written as 64 hex digits (either case); kInvalidArgument
  // naming the field "log_key" otherwise.
  static Result<LogKey> FromHex(std::string_view hex);

  std::string Hex() const;
  const std::array<unsigned char, kBytes>& bytes() const { return bytes_; }

 private:
  std::array<unsigned char, kBytes> bytes_{};
};

// The v1 chain hash: SHA-256 (hex) of the event's canonical form and its
// predecessor's hash. Does not cover work_order_digest.
std::string ChainHash(const Event& e, std::string_view prev_hash);

// The v2 chain hash: HMAC-SHA-256 (hex) with `key` over the event's
// canonical form, its work_order_digest and its predecessor's hash.
std::string KeyedChainHash(const Event& e, std::string_view prev_hash, const LogKey& key);

// The digest (BLAKE2b-256, hex) of a work order as stored: its
// jurisdiction, id and document bytes, in the canonical form of the chain
// after the tag "lizheng-work-order-v1". The same bytes give the same digest.
std::string WorkOrderDigest(JurisdictionId j, WorkOrderId id, std::string_view doc);

}  // namespace lizheng::store
