// The event chain hashes and the work-order digest. The serialization is
// canonical and unambiguous: every field is written as an 8-byte big-endian
// length followed by its bytes, in a fixed order, after a format tag.
// Changing anything here breaks every stored chain, so a new format needs a
// new tag and a migration.
#include <sodium.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lizheng/store/event_chain.hpp"

namespace lizheng::store {
namespace {

static_assert(LogKey::kBytes == crypto_auth_hmacsha256_KEYBYTES);

constexpr std::string_view kFormatV1 = "lizheng-event-v1";
constexpr std::string_view kFormatV2 = "lizheng-event-v2";
constexpr std::string_view kWorkOrderDigestTag = "lizheng-work-order-v1";

void EnsureSodium() {
  // sodium_init is idempotent and thread-safe, but a function-local static
  // makes the common path a single load. A negative result means libsodium
  // could not seed its RNG; hashing does not need it, and LogKey::Generate
  // checks again before drawing random bytes.
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

// The event's fields in their fixed order, after the format tag; the
// formats differ only in what follows.
void WriteEventFields(CanonicalWriter& w, std::string_view tag, const Event& e) {
  w.Field(tag);
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
}

std::string Sha256Hex(const std::string& bytes) {
  EnsureSodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  return Hex(digest.data(), digest.size());
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

LogKey LogKey::Generate() {
  // randombytes_buf needs an initialised libsodium; without it there is no
  // safe source of randomness, which is a broken installation.
  if (sodium_init() < 0) std::abort();
  LogKey key;
  randombytes_buf(key.bytes_.data(), key.bytes_.size());
  return key;
}

Result<LogKey> LogKey::FromHex(std::string_view hex) {
  LogKey key;
  bool ok = hex.size() == 2 * kBytes;
  for (std::size_t i = 0; ok && i < kBytes; ++i) {
    const int hi = HexValue(hex[2 * i]);
    const int lo = HexValue(hex[2 * i + 1]);
    ok = hi >= 0 && lo >= 0;
    if (ok) key.bytes_[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  if (!ok) {
    return MakeError(ErrorCode::kInvalidArgument, "log_key_malformed",
                     Text{"日志密钥格式错误：应为 64 位十六进制数字",
                          "log key: expected 64 hexadecimal digits"},
                     "log_key");
  }
  return key;
}

std::string LogKey::Hex() const { return store::Hex(bytes_.data(), bytes_.size()); }

std::string ChainHash(const Event& e, std::string_view prev_hash) {
  CanonicalWriter w;
  WriteEventFields(w, kFormatV1, e);
  w.Field(prev_hash);
  return Sha256Hex(w.bytes());
}

std::string KeyedChainHash(const Event& e, std::string_view prev_hash, const LogKey& key) {
  EnsureSodium();
  CanonicalWriter w;
  WriteEventFields(w, kFormatV2, e);
  w.Field(e.work_order_digest);
  w.Field(prev_hash);
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  const std::string& bytes = w.bytes();
  crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                         bytes.size(), key.bytes().data());
  return Hex(mac.data(), mac.size());
}

std::string WorkOrderDigest(JurisdictionId j, WorkOrderId id, std::string_view doc) {
  EnsureSodium();
  // BLAKE2b-256 rather than SHA-256: it runs on every write over the whole
  // document, where libsodium's BLAKE2b is about twice as fast. The
  // canonical form of (tag, j, id, doc) is streamed so that the document
  // (often kilobytes) is not copied: the last field's length prefix is
  // written by hand before its bytes.
  CanonicalWriter head;
  head.Field(kWorkOrderDigestTag);
  head.Field(j);
  head.Field(id);
  std::string prefix = head.bytes();
  const std::uint64_t n = doc.size();
  for (int shift = 56; shift >= 0; shift -= 8)
    prefix.push_back(static_cast<char>((n >> shift) & 0xff));
  constexpr std::size_t kDigestBytes = 32;
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, kDigestBytes);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()),
                            prefix.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(doc.data()),
                            doc.size());
  std::array<unsigned char, kDigestBytes> digest{};
  crypto_generichash_final(&state, digest.data(), digest.size());
  return Hex(digest.data(), digest.size());
}

}  // namespace lizheng::store
