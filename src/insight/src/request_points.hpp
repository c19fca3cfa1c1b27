// Private: a request split into the points a reply must answer (诉求点).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reply_keywords.hpp"
#include "reply_patterns.hpp"

namespace lizheng::insight::reply {

enum class PointKind {
  kSubject,   // the title, or the first sentence when there is no title
  kNumbered,  // an enumerated item: 1、 (2) 二、 ③ 第三，
  kQuestion,  // a question sentence: ？, 请问, 为什么, 能否, ...吗
  kAsk,       // a request clause: 请求, 希望, 要求, 恳请, 建议, 请有关部门 ...
};

struct RequestPoint {
  PointKind kind = PointKind::kSubject;
  std::wstring text;
  std::vector<Keyword> keywords;  // what an answer to it would mention
  double weight = 1;              // subject 2, numbered 1.5, others 1
};

// At most this many points are kept (the subject and the first seven).
inline constexpr std::size_t kMaxRequestPoints = 8;

// The points of a request, in order: the subject, the numbered items (when
// there are two or more), then the question and request sentences outside
// them. A point without content words is dropped, and so is one whose words
// mostly repeat an earlier point's. Texts are normalised (NormalizeWide).
std::vector<RequestPoint> SplitRequestPoints(std::wstring_view title, std::wstring_view detail,
                                             const KeywordExtractor& extractor,
                                             const ReplyPatterns& patterns);

}  // namespace lizheng::insight::reply
