// The word lists behind PlaceExtractor: how place names end, which words
// end a name when reading backwards, and names too generic to be a place.
#pragma once

#include <optional>
#include <string_view>

#include "lizheng/insight/hotspots/place_extractor.hpp"

namespace lizheng::insight::hotspots::detail {

struct PlaceSuffix {
  std::u32string_view text;
  PlaceKind kind;
};

// The longest known place ending of `word` ("新城" for "丽发新城"), if any.
std::optional<PlaceSuffix> FindPlaceSuffix(std::u32string_view word);

// A word that cannot be part of a place name: a function word, a verb of
// complaint (反映, 投诉), a relation (附近, 对面), people (业主, 居民).
bool IsNameBreaker(std::u32string_view word);

// A common word that ends like a place but names none (跑路, 县城, 车站):
// a word of a name, not its ending.
bool IsNotPlaceWord(std::u32string_view word);

// A generic tail that belongs to the name before it (丽发新城 + 小区).
bool IsPlaceTail(std::u32string_view word);

// A whole name that names no particular place (水泥路, 马路, 县城).
bool IsGenericPlaceName(std::u32string_view name);

}  // namespace lizheng::insight::hotspots::detail
