// The classifier's training file (`lizheng classify train|eval|cv --data F`):
// insight::ParseLabelledMessagesTsv. Every message it returns has a label
// and a title or a detail, as the reader promises.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "lizheng/insight/labelled_messages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto messages = lizheng::insight::ParseLabelledMessagesTsv(text, "fuzz.tsv");
  if (!messages.ok()) {
    FUZZ_CHECK(!messages.error().message.empty());
    return 0;
  }
  for (const auto& m : *messages) {
    FUZZ_CHECK(!m.label.empty());
    FUZZ_CHECK(!m.title.empty() || !m.detail.empty());
  }
  return 0;
}
