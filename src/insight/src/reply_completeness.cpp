// 完整性: is every point of the request answered?
#include "reply_dimensions.hpp"
#include "reply_text.hpp"
#include "request_points.hpp"

namespace lizheng::insight::reply {

namespace {

// A point counts as answered when the reply takes up this share of its
// weighted words, or two of them, or the one word of a short point. Low,
// because a reply answers in its own words (讨薪 -> 拖欠工资).
constexpr double kAnsweredShare = 0.3;

bool Answered(const KeywordCoverage& c) {
  const std::size_t words = c.found.size() + c.missing.size();
  return c.share >= kAnsweredShare || c.found.size() >= 2 || (words <= 2 && !c.found.empty());
}

// Points are numbered after the subject, from 1, so that a request's own
// "1、2、3、" keep their numbers.
std::string PointLabelZh(const RequestPoint& p, std::size_t number) {
  return p.kind == PointKind::kSubject ? "请求主题" : "第" + std::to_string(number) + "点";
}

std::string PointLabelEn(const RequestPoint& p, std::size_t number) {
  return p.kind == PointKind::kSubject ? "the subject" : "point " + std::to_string(number);
}

}  // namespace

DimensionScore ScoreCompleteness(const ReplyPair& pair, const ScoringTools& tools) {
  DimensionScore d;
  d.dimension = ReplyDimension::kCompleteness;
  const std::vector<RequestPoint> points =
      SplitRequestPoints(pair.title, pair.detail, tools.extractor, tools.patterns);
  double total = 0;
  double answered = 0;
  std::size_t answered_count = 0;
  std::size_t number = 0;
  for (const RequestPoint& p : points) {
    number += p.kind == PointKind::kSubject ? 0 : 1;
    const KeywordCoverage c = Cover(p.keywords, pair.reply);
    total += p.weight;
    if (Answered(c)) {
      answered += p.weight;
      ++answered_count;
      continue;
    }
    d.reasons.push_back(Problem(
        ReplyReasonCode::kPointUnanswered,
        "未回应：" + PointLabelZh(p, number) + Quote(p.text) + "（答复未提及" +
            QuoteWords(c.missing, 3) + "）",
        "Not answered: " + PointLabelEn(p, number) + " " + Quote(p.text) +
            " (the reply does not mention " + QuoteWords(c.missing, 3) + ")"));
  }
  const std::string n = std::to_string(points.size());
  if (answered_count == points.size()) {
    d.reasons.insert(d.reasons.begin(),
                     Strength(ReplyReasonCode::kPointsAllAnswered,
                              "请求共" + n + "点，均有回应",
                              points.size() == 1
                                  ? std::string("The one point of the request is addressed")
                                  : "All " + n + " points of the request are addressed"));
  }
  d.score = total > 0 ? ScaleScore(answered / total) : 100;
  return d;
}

}  // namespace lizheng::insight::reply
