#include "lizheng/app/environment.hpp"

#include <sodium.h>

#include <stdexcept>

namespace lizheng::app {

Timestamp SystemTime::Now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

SecureRandom::SecureRandom() {
  // sodium_init is idempotent and thread-safe; failure means no entropy
  // source, which nothing in lizheng can work around.
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string SecureRandom::HexToken(int bytes) {
  std::string raw(static_cast<std::size_t>(bytes), '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(raw.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

std::string SecureRandom::Digits(int n) {
  std::string out;
  out.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>('0' + randombytes_uniform(10)));
  return out;
}

}  // namespace lizheng::app
