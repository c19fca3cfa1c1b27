#include "client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>

namespace lizheng::api {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> CanonicalAddress(std::string_view text) {
  const std::string s(Trim(text));
  char out[INET6_ADDRSTRLEN] = {};
  in_addr v4{};
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1) return std::string(inet_ntop(AF_INET, &v4, out, sizeof out));
  in6_addr v6{};
  if (inet_pton(AF_INET6, s.c_str(), &v6) != 1) return std::nullopt;
  if (IN6_IS_ADDR_V4MAPPED(&v6)) {
    std::copy(v6.s6_addr + 12, v6.s6_addr + 16, reinterpret_cast<unsigned char*>(&v4.s_addr));
    return std::string(inet_ntop(AF_INET, &v4, out, sizeof out));
  }
  return std::string(inet_ntop(AF_INET6, &v6, out, sizeof out));
}

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& addresses) {
  TrustedProxies t;
  for (const std::string& a : addresses) {
    std::optional<std::string> canonical = CanonicalAddress(a);
    if (!canonical)
      return MakeError(ErrorCode::kInvalidArgument,
                       "--trusted-proxy: '" + a + "' is not an IP address (such as 10.0.0.5 or ::1)",
                       "trusted-proxy");
    t.addresses_.push_back(std::move(*canonical));
  }
  return t;
}

bool TrustedProxies::Contains(const std::string& address) const {
  return std::find(addresses_.begin(), addresses_.end(), address) != addresses_.end();
}

std::string TrustedProxies::ClientOf(const std::string& peer, const std::vector<std::string>& forwarded_for) const {
  if (!Contains(peer)) return peer;
  std::string client = peer;
  // The values of repeated headers join into one list, in order.
  for (auto value = forwarded_for.rbegin(); value != forwarded_for.rend(); ++value) {
    std::string_view rest = *value;
    while (!rest.empty()) {
      const std::size_t comma = rest.rfind(',');
      const std::string_view hop = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
      std::optional<std::string> address = CanonicalAddress(hop);
      if (!address) return client;
      client = std::move(*address);
      if (!Contains(client)) return client;
    }
  }
  return client;
}

}  // namespace lizheng::api
