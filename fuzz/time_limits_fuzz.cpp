// The time-limits importer (`lizheng limits import`): TimeLimitMatrix::Parse.
// A file it accepts must survive its own export: ToTsv() parses again to the
// same matrix, and every lookup answers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "lizheng/core/time_limits.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto m = lizheng::TimeLimitMatrix::Parse(text);
  if (!m.ok()) {
    lizheng::fuzz::CheckImportError(m.error());
    return 0;
  }
  const std::string tsv = m->ToTsv();
  auto again = lizheng::TimeLimitMatrix::Parse(tsv);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->ToTsv() == tsv);
  FUZZ_CHECK(again->policy() == m->policy());
  for (auto type : {lizheng::RequestType::kConsult, lizheng::RequestType::kComplaint})
    for (auto urgency : {lizheng::Urgency::kNormal, lizheng::Urgency::kEmergency})
      for (std::string_view category : {"", "01", "01.02.03"})
        FUZZ_CHECK(again->Lookup(type, category, urgency) == m->Lookup(type, category, urgency));
  return 0;
}
