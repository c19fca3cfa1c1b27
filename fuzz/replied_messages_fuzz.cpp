// The reply-quality input (`lizheng reply-quality --data F`):
// insight::ParseRepliedMessagesTsv, with its data-set times (text and Excel
// day serials). A reply is never dated before its message.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "lizheng/insight/replied_messages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto messages = lizheng::insight::ParseRepliedMessagesTsv(text, "fuzz.tsv");
  if (!messages.ok()) {
    FUZZ_CHECK(!messages.error().message.empty());
    return 0;
  }
  for (const auto& m : *messages) {
    FUZZ_CHECK(!m.id.empty());
    FUZZ_CHECK(!m.reply.empty());
    FUZZ_CHECK(m.replied_at >= m.asked_at);
  }
  return 0;
}
