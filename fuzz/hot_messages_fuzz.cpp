// The hot-spot input (`lizheng hotspots --data F`):
// insight::hotspots::ParseHotMessagesTsv, with 留言时间 as text or an Excel
// serial. Accepted times print and parse back to the same instant.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "lizheng/insight/hotspots/hot_messages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace hs = lizheng::insight::hotspots;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto messages = hs::ParseHotMessagesTsv(text, "fuzz.tsv");
  if (!messages.ok()) {
    FUZZ_CHECK(!messages.error().message.empty());
    return 0;
  }
  for (const auto& m : *messages) {
    FUZZ_CHECK(!m.id.empty());
    auto again = hs::ParseMessageTime(hs::FormatMessageTime(m.time), "time");
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == m.time);
  }
  return 0;
}
