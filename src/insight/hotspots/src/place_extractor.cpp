#include "lizheng/insight/hotspots/place_extractor.hpp"

#include <algorithm>

#include "lizheng/text/normalize.hpp"
#include "lizheng/text/utf8.hpp"
#include "place_words.hpp"

namespace lizheng::insight::hotspots {

namespace {

using detail::FindPlaceSuffix;
using detail::IsGenericPlaceName;
using detail::IsNameBreaker;
using detail::IsNotPlaceWord;
using detail::IsPlaceTail;

// A name's part before its ending is at most this many characters: longer
// runs are sentences, not names.
constexpr std::uint32_t kMaxNamePrefix = 8;

bool IsUpper(char32_t c) { return c >= U'A' && c <= U'Z'; }
bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// The data set's anonymised districts at `i`: "A市", "A5区", "K7县" or
// "A市A5区". Returns the end of the match, or `i` when there is none.
std::size_t MatchDistrict(std::u32string_view s, std::size_t i) {
  if (i > 0 && text::IsAsciiAlnum(s[i - 1])) return i;
  std::size_t j = i;
  if (j + 1 < s.size() && IsUpper(s[j]) && s[j + 1] == U'市') j += 2;
  std::size_t k = j;
  if (k < s.size() && IsUpper(s[k])) {
    std::size_t d = k + 1;
    while (d < s.size() && d < k + 3 && IsDigit(s[d])) ++d;
    if (d > k + 1 && d < s.size() && (s[d] == U'区' || s[d] == U'县')) j = d + 1;
  }
  return j;
}

std::string KeyOf(std::u32string_view name, PlaceKind kind) {
  if (kind == PlaceKind::kDistrict) {
    // "A市A5区" and "A5区" are one district: the key is its last part.
    const std::size_t city = name.find(U'市');
    if (city != std::u32string_view::npos && city + 1 < name.size()) name.remove_prefix(city + 1);
    return text::EncodeUtf8(name);
  }
  for (const std::u32string_view tail : {std::u32string_view(U"小区"), std::u32string_view(U"社区")}) {
    if (name.size() >= tail.size() + 2 && name.ends_with(tail)) name.remove_suffix(tail.size());
  }
  return text::EncodeUtf8(name);
}

// Reading state of one pass over the words.
struct Scan {
  std::u32string_view s;
  std::vector<Place> places;
  std::uint32_t run_begin = 0;      // where the current name run starts
  std::uint32_t last_place_end = 0;  // end of the last place found (0: none)
  std::uint32_t last_place_begin = 0;

  void Emit(std::uint32_t begin, std::uint32_t end, PlaceKind kind) {
    const std::u32string_view name = s.substr(begin, end - begin);
    places.push_back({text::EncodeUtf8(name), KeyOf(name, kind), kind, begin});
    last_place_begin = begin;
    last_place_end = end;
    run_begin = end;
  }

  // Joins a place that starts where the previous one ended (伊景园 + 滨河苑,
  // 黄兴路 + 步行街, 魅力之城 + 小区) into one.
  void Extend(std::uint32_t end, PlaceKind kind) {
    Place& last = places.back();
    const std::u32string_view name = s.substr(last_place_begin, end - last_place_begin);
    last.name = text::EncodeUtf8(name);
    last.kind = kind;
    last.key = KeyOf(name, kind);
    last_place_end = end;
    run_begin = end;
  }

  void Word(const text::Token& t) {
    const std::u32string_view w = s.substr(t.begin, t.end - t.begin);
    // Nothing but name words since the last place: a new ending continues it.
    const bool continues = !places.empty() && run_begin == last_place_end &&
                           places.back().kind != PlaceKind::kDistrict;
    if (IsPlaceTail(w) && continues && last_place_end == t.begin) {
      Extend(t.end, places.back().kind);  // 魅力之城 + 小区
      return;
    }
    if (IsNameBreaker(w)) {
      run_begin = t.end;
      return;
    }
    const std::optional<detail::PlaceSuffix> suffix =
        IsNotPlaceWord(w) ? std::nullopt : FindPlaceSuffix(w);
    if (!suffix) {
      if (t.end - run_begin > kMaxNamePrefix) run_begin = t.begin;  // keep the newest word
      return;
    }
    if (continues && places.back().kind == suffix->kind &&
        t.end - last_place_begin <= 2 * kMaxNamePrefix) {
      Extend(t.end, suffix->kind);
      return;
    }
    const std::uint32_t begin = std::min(run_begin, t.begin);
    const std::u32string_view name = s.substr(begin, t.end - begin);
    if (name.size() < 3 || name.size() <= suffix->text.size() || IsGenericPlaceName(name)) {
      // "县城", "马路": no place, but the word may start a longer name.
      return;
    }
    Emit(begin, t.end, suffix->kind);
  }
};

}  // namespace

std::string_view PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kEstate: return "estate";
    case PlaceKind::kSchool: return "school";
    case PlaceKind::kHospital: return "hospital";
    case PlaceKind::kCompany: return "company";
    case PlaceKind::kStation: return "station";
    case PlaceKind::kPublicSpace: return "public_space";
    case PlaceKind::kRoad: return "road";
    case PlaceKind::kTown: return "town";
    case PlaceKind::kDistrict: return "district";
  }
  return "unknown";
}

PlaceExtractor::PlaceExtractor(text::Segmenter segmenter) : segmenter_(std::move(segmenter)) {}

std::vector<Place> PlaceExtractor::Find(std::string_view utf8) const {
  text::NormalizeOptions options;
  options.lower_ascii = false;  // "A5区" keeps its case for display
  const std::u32string cps = text::NormalizeToCodePoints(utf8, options);
  std::vector<text::Token> tokens;
  segmenter_.Cut(cps, tokens);
  Scan scan{cps, {}, 0, 0, 0};
  std::uint32_t district_end = 0;  // words inside a district match are skipped
  for (const text::Token& t : tokens) {
    if (t.begin < district_end) continue;
    const std::size_t d = MatchDistrict(cps, t.begin);
    if (d > t.begin) {
      scan.Emit(t.begin, static_cast<std::uint32_t>(d), PlaceKind::kDistrict);
      district_end = static_cast<std::uint32_t>(d);
      continue;
    }
    if (t.kind != text::TokenKind::kWord) {
      scan.run_begin = t.end;
      continue;
    }
    scan.Word(t);
  }
  return std::move(scan.places);
}

const Place* MostSpecificPlace(const std::vector<Place>& places) {
  const Place* best = nullptr;
  for (const Place& p : places) {
    if (p.kind == PlaceKind::kDistrict) continue;
    if (best == nullptr || p.kind < best->kind) best = &p;
  }
  return best;
}

}  // namespace lizheng::insight::hotspots
