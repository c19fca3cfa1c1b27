// The event chain hash. The serialization is canonical and unambiguous:
// every field is written as an 8-byte big-endian length followed by its
// bytes, in a fixed order, after a version tag. Changing anything here breaks
// every stored chain, so a new format needs a new tag and a migration.
#include <sodium.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "lizheng/store/store.hpp"

namespace lizheng::store {
namespace {

constexpr std::string_view kFormatTag = "lizheng-event-v1";

void EnsureSodium() {
  // sodium_init is idempotent and thread-safe, but a function-local static
  // makes the common path a single load. A negative result means libsodium
  // could not seed its RNG; SHA-256 does not need it, so it is not fatal here.
  static const int init_result = sodium_init();
  (void)init_result;
}

class CanonicalWriter {
 public:
  void Field(std::string_view bytes) {
    std::uint64_t n = bytes.size();
    for (int shift = 56; shift >= 0; shift -= 8)
      out_.push_back(static_cast<char>((n >> shift) & 0xff));
    out_.append(bytes);
  }
  void Field(std::int64_t v) { Field(std::string_view(std::to_string(v))); }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

std::string Hex(const unsigned char* p, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[p[i] >> 4]);
    out.push_back(kDigits[p[i] & 0x0f]);
  }
  return out;
}

}  // namespace

std::string ChainHash(const Event& e, std::string_view prev_hash) {
  EnsureSodium();
  CanonicalWriter w;
  w.Field(kFormatTag);
  w.Field(e.jurisdiction);
  w.Field(e.seq);
  w.Field(e.work_order);
  w.Field(ToWire(e.action));
  w.Field(ToWire(e.from));
  w.Field(ToWire(e.to));
  w.Field(ToWire(e.actor_role));
  w.Field(e.actor_user);
  w.Field(e.actor_name);
  // An absent unit is the empty string; a present one is never empty.
  w.Field(e.actor_unit ? std::to_string(*e.actor_unit) : std::string());
  w.Field(static_cast<std::int64_t>(e.at.time_since_epoch().count()));
  // The pair count first, so (k1,v1,k2,v2) can never read as other pairs.
  w.Field(static_cast<std::int64_t>(e.data.size()));
  for (const auto& [key, value] : e.data) {
    w.Field(key);
    w.Field(value);
  }
  w.Field(std::string_view(e.is_public ? "1" : "0"));
  w.Field(prev_hash);

  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  const std::string& bytes = w.bytes();
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  return Hex(digest.data(), digest.size());
}

}  // namespace lizheng::store
