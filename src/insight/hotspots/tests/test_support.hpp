// Shared by the hot-spot tests: the hand-written dictionary in tests/data,
// so that segmentation (and so every expected output) does not depend on
// the installed jieba dictionary.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "lizheng/text/segmenter.hpp"

#ifndef LIZHENG_HOTSPOTS_TEST_DATA
#error "LIZHENG_HOTSPOTS_TEST_DATA must name tests/data"
#endif

namespace lizheng::insight::hotspots::testing_support {

inline std::string DataPath(const std::string& name) {
  return std::string(LIZHENG_HOTSPOTS_TEST_DATA) + "/" + name;
}

inline text::Segmenter SmallSegmenter() {
  text::SegmenterOptions options;
  options.dictionary_path = DataPath("small_dict.txt");
  Result<text::Segmenter> s = text::Segmenter::Load(options);
  EXPECT_TRUE(s.ok()) << s.error().message;
  return std::move(s).value();
}

}  // namespace lizheng::insight::hotspots::testing_support
