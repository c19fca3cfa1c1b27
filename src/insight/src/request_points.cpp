#include "request_points.hpp"

#include <algorithm>
#include <regex>

#include "reply_text.hpp"

namespace lizheng::insight::reply {

namespace {

constexpr std::size_t kPointKeywords = 4;

struct Marker {
  std::size_t begin = 0;  // where the marker starts
  std::size_t end = 0;    // where the item's text starts
};

std::vector<Marker> FindMarkers(std::wstring_view detail, const std::wregex& re) {
  std::vector<Marker> out;
  using It = std::wstring_view::const_iterator;
  for (std::regex_iterator<It> it(detail.begin(), detail.end(), re), last; it != last; ++it) {
    const auto begin = static_cast<std::size_t>(it->position(1));
    out.push_back({begin, begin + static_cast<std::size_t>(it->length(1))});
  }
  return out;
}

// Whether most of `p`'s words are already some earlier point's.
bool Repeats(const RequestPoint& p, const std::vector<RequestPoint>& earlier) {
  for (const RequestPoint& e : earlier) {
    std::size_t shared = 0;
    for (const Keyword& k : p.keywords) {
      const bool in_e = std::any_of(e.keywords.begin(), e.keywords.end(),
                                    [&](const Keyword& x) { return x.word == k.word; });
      shared += in_e ? 1 : 0;
    }
    if (shared * 3 >= p.keywords.size() * 2) return true;
  }
  return false;
}

void Add(PointKind kind, std::wstring_view text, const KeywordExtractor& extractor,
         std::vector<RequestPoint>& points) {
  if (points.size() >= kMaxRequestPoints) return;
  RequestPoint p;
  p.kind = kind;
  p.text = std::wstring(text);
  p.keywords = extractor.Extract(text, kPointKeywords);
  p.weight = kind == PointKind::kSubject ? 2.0 : kind == PointKind::kNumbered ? 1.5 : 1.0;
  if (p.keywords.empty() || Repeats(p, points)) return;
  points.push_back(std::move(p));
}

// The numbered items, each up to the next marker (the last one to the end
// of its second sentence), and the text outside them with the items blanked.
std::wstring AddNumberedItems(std::wstring_view detail, const std::wregex& marker,
                              const KeywordExtractor& extractor,
                              std::vector<RequestPoint>& points) {
  const std::vector<Marker> markers = FindMarkers(detail, marker);
  std::wstring rest(detail);
  if (markers.size() < 2) return rest;
  for (std::size_t i = 0; i < markers.size(); ++i) {
    std::size_t end = i + 1 < markers.size() ? markers[i + 1].begin : detail.size();
    std::wstring_view item = detail.substr(markers[i].end, end - markers[i].end);
    if (i + 1 == markers.size()) {
      const std::vector<std::wstring_view> s = Sentences(item);
      if (s.size() > 2) end = static_cast<std::size_t>(s[1].data() + s[1].size() - detail.data());
      item = detail.substr(markers[i].end, end - markers[i].end);
    }
    Add(PointKind::kNumbered, item, extractor, points);
    std::fill(rest.begin() + static_cast<std::ptrdiff_t>(markers[i].begin),
              rest.begin() + static_cast<std::ptrdiff_t>(end), L'\n');
  }
  return rest;
}

}  // namespace

std::vector<RequestPoint> SplitRequestPoints(std::wstring_view title, std::wstring_view detail,
                                             const KeywordExtractor& extractor,
                                             const ReplyPatterns& patterns) {
  std::vector<RequestPoint> points;
  const std::vector<std::wstring_view> detail_sentences = Sentences(detail);
  if (!title.empty()) {
    Add(PointKind::kSubject, title, extractor, points);
  } else if (!detail_sentences.empty()) {
    Add(PointKind::kSubject, detail_sentences.front(), extractor, points);
  }
  const std::wstring rest = AddNumberedItems(detail, patterns.marker, extractor, points);
  for (const std::wstring_view s : Sentences(rest)) {
    if (!FindFirst(s, patterns.question).empty()) {
      Add(PointKind::kQuestion, s, extractor, points);
    } else if (!FindFirst(s, patterns.ask).empty()) {
      Add(PointKind::kAsk, s, extractor, points);
    }
  }
  return points;
}

}  // namespace lizheng::insight::reply
