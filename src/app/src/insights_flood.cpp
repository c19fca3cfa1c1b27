// Insights: the flood check of anonymous intake, one detector per
// jurisdiction, fed the keyed hash of each request's source address.
#include <arpa/inet.h>
#include <sodium.h>

#include <cstring>

#include "insights_models.hpp"
#include "lizheng/app/insights.hpp"

namespace lizheng::app {
namespace {

// The part of an address that names one client: an IPv4 address whole, an
// IPv6 address by its /64 (one subscriber's network hands out 2^64
// addresses), anything else as written.
std::string SourceOf(std::string_view address) {
  const std::string a(address);
  unsigned char bytes[16];
  if (inet_pton(AF_INET6, a.c_str(), bytes) == 1) {
    const bool v4_mapped = std::memcmp(bytes, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0;
    return std::string(reinterpret_cast<const char*>(bytes), v4_mapped ? 16 : 8);
  }
  if (inet_pton(AF_INET, a.c_str(), bytes) == 1)
    return std::string(reinterpret_cast<const char*>(bytes), 4);
  return a;
}

// The probe of a submission, its source as a keyed hash (SipHash).
insight::FloodProbe ProbeOf(const Submission& s, const std::array<unsigned char, 16>& key,
                            Timestamp now) {
  static_assert(crypto_shorthash_KEYBYTES == 16);
  const std::string source = SourceOf(s.source_address);
  unsigned char hash[crypto_shorthash_BYTES];
  crypto_shorthash(hash, reinterpret_cast<const unsigned char*>(source.data()), source.size(),
                   key.data());
  std::uint64_t h = 0;
  static_assert(sizeof h == sizeof hash);
  std::memcpy(&h, hash, sizeof h);
  return insight::FloodProbe{h, s.title, s.detail, now};
}

}  // namespace

bool Insights::SuspectFlood(const JurisdictionData& data, const Submission& s, Timestamp now) {
  if (s.source_address.empty()) return false;  // recorded by staff
  auto m = ModelsFor(data.directory.jurisdiction().id);
  std::lock_guard lock(m->flood_mu);
  if (!m->flood) m->flood.emplace(options_.flood);
  return m->flood->Check(ProbeOf(s, source_key_, now)).suspected;
}

void Insights::RememberAnonymous(const JurisdictionData& data, const Submission& s, Timestamp now) {
  if (s.source_address.empty()) return;
  auto m = ModelsFor(data.directory.jurisdiction().id);
  std::lock_guard lock(m->flood_mu);
  if (!m->flood) m->flood.emplace(options_.flood);
  m->flood->Remember(ProbeOf(s, source_key_, now));
}

}  // namespace lizheng::app
