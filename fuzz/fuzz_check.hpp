// Shared by the fuzz targets: a check of a property that must hold for
// every input. A broken one aborts, which libFuzzer reports as a crash and
// saves the input, like a sanitizer finding.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "lizheng/core/result.hpp"

#define FUZZ_CHECK(cond)                                                          \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                               \
    }                                                                             \
  } while (false)

namespace lizheng::fuzz {

// An error a person reads names the rule in both languages, with a stable
// reason and the field it concerns. An unknown or repeated key is named as
// the client wrote it, which may be "" ({"": 1}).
inline void CheckPeopleError(const Error& e) {
  FUZZ_CHECK(e.code == ErrorCode::kInvalidArgument);
  FUZZ_CHECK(!e.message.empty());
  FUZZ_CHECK(!e.message_zh.empty());
  FUZZ_CHECK(!e.reason.empty());
  FUZZ_CHECK(!e.field.empty() || e.reason == "unknown_field" || e.reason == "duplicate_key");
}

// An error of an importer (read on a terminal): English, naming the field or
// where in the file.
inline void CheckImportError(const Error& e) {
  FUZZ_CHECK(e.code == ErrorCode::kInvalidArgument);
  FUZZ_CHECK(!e.message.empty());
}

}  // namespace lizheng::fuzz
