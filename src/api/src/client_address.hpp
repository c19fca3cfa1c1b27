// Private: who the client is. Behind a reverse proxy the TCP peer is the
// proxy, and the client's address is in X-Forwarded-For; but anybody can
// send that header, so it is read only when the peer is a proxy the
// operator named (ServerOptions::trusted_proxies). Rate limits are keyed on
// the result, so a client must not be able to choose it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/result.hpp"

namespace lizheng::api {

// `text` as a canonical IP address ("::ffff:10.0.0.1" becomes "10.0.0.1",
// IPv6 in its shortest form), or nullopt when it is not an address.
std::optional<std::string> CanonicalAddress(std::string_view text);

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Errors name the flag --trusted-proxy and the value that is no address.
  static Result<TrustedProxies> Parse(const std::vector<std::string>& addresses);

  // `address` must be canonical.
  bool Contains(const std::string& address) const;
  // The client of a request from `peer` (canonical) carrying these
  // X-Forwarded-For values (each a comma-separated list of hops, the
  // nearest last): the peer itself unless it is trusted; else, walking the
  // hops from the nearest, the first one that is not a trusted proxy. A hop
  // that is not an address ends the walk at the hop before it.
  std::string ClientOf(const std::string& peer, const std::vector<std::string>& forwarded_for) const;

 private:
  std::vector<std::string> addresses_;
};

}  // namespace lizheng::api
