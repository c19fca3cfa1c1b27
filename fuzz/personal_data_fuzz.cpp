// The personal-data masker (text/personal_data.hpp, personal_names.cpp):
// FindPersonalData and MaskPersonalData over any bytes. Spans lie inside
// the text, in order and apart, and (in valid UTF-8) start and end on
// character boundaries; masking keeps valid UTF-8 valid.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "lizheng/text/personal_data.hpp"
#include "lizheng/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace text = lizheng::text;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto spans = text::FindPersonalData(in);
  const bool valid = text::IsValidUtf8(in);
  auto boundary = [&](std::size_t i) {
    return i == in.size() || (static_cast<unsigned char>(in[i]) & 0xC0) != 0x80;
  };
  std::size_t previous_end = 0;
  for (const auto& s : spans) {
    FUZZ_CHECK(s.begin < s.end);
    FUZZ_CHECK(s.end <= in.size());
    FUZZ_CHECK(s.begin >= previous_end);
    FUZZ_CHECK(!text::PersonalDataKindName(s.kind).empty());
    if (valid) FUZZ_CHECK(boundary(s.begin) && boundary(s.end));
    previous_end = s.end;
  }
  const std::string masked = text::MaskPersonalData(in);
  if (valid) FUZZ_CHECK(text::IsValidUtf8(masked));
  return 0;
}
