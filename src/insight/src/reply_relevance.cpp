// 相关性: does the reply talk about the request's subject and place?
#include <algorithm>
#include <optional>

#include "reply_dimensions.hpp"
#include "reply_text.hpp"

namespace lizheng::insight::reply {

namespace {

constexpr std::size_t kSubjectKeywords = 6;
constexpr std::size_t kDetailKeywords = 10;
// The share of weighted keywords a fully relevant reply reaches: replies
// restate the subject in their own words, so not every word appears.
constexpr double kFullRelevance = 0.5;

// The last character of a place name: 路, 街, 村, 苑, 小区 ...
bool IsPlaceSuffix(wchar_t c) {
  return std::wstring_view(L"路街巷道镇乡村组苑园城庭府居湾厦场站校院馆库桥寺湖江河港段区县").find(
             c) != std::wstring_view::npos;
}

// Place words too common to identify a place on their own.
bool IsGenericPlaceWord(std::wstring_view w) {
  constexpr std::wstring_view kGeneric[] = {L"小区", L"社区", L"街道", L"道路", L"公路", L"马路",
                                            L"学校", L"医院", L"市场", L"公园", L"广场", L"农村",
                                            L"城区", L"县城", L"市区", L"乡镇", L"南路", L"北路",
                                            L"东路", L"西路", L"中路", L"大道", L"路段", L"城市"};
  return std::find(std::begin(kGeneric), std::end(kGeneric), w) != std::end(kGeneric);
}

struct Place {
  std::wstring name;         // 景蓉华苑
  std::wstring distinctive;  // 景蓉: enough to recognise it in a reply
};

// The first named place of `text`: a word ending in a place suffix with up
// to two content words before it (潇楚 + 南路, 观音阁 + 木溪村).
std::optional<Place> FindPlace(std::wstring_view text, const KeywordExtractor& extractor) {
  const std::vector<std::wstring> tokens = extractor.Tokens(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::wstring& t = tokens[i];
    if (t.size() < 2 || !IsPlaceSuffix(t.back()) || !extractor.IsContentWord(t)) continue;
    std::size_t first = i;
    while (first > 0 && i - first < 2 && extractor.IsContentWord(tokens[first - 1])) --first;
    Place p;
    for (std::size_t k = first; k <= i; ++k) {
      p.name += tokens[k];
      if (p.distinctive.empty() && !IsGenericPlaceWord(tokens[k])) p.distinctive = tokens[k];
    }
    if (!p.distinctive.empty() && p.name.size() >= 3) return p;
  }
  return std::nullopt;
}

}  // namespace

DimensionScore ScoreRelevance(const ReplyPair& pair, const ScoringTools& tools) {
  DimensionScore d;
  d.dimension = ReplyDimension::kRelevance;
  const std::vector<std::wstring_view> sentences = Sentences(pair.detail);
  const std::wstring_view subject =
      !pair.title.empty() ? std::wstring_view(pair.title)
                          : (sentences.empty() ? std::wstring_view() : sentences.front());
  const std::vector<Keyword> subject_words = tools.extractor.Extract(subject, kSubjectKeywords);
  const std::vector<Keyword> detail_words = tools.extractor.Extract(pair.detail, kDetailKeywords);
  const KeywordCoverage s = Cover(subject_words, pair.reply);
  const KeywordCoverage t = Cover(detail_words, pair.reply);
  double raw = 0.5 * s.share + 0.3 * t.share;
  double scale = 0.8;
  if (s.share >= 0.5) {
    d.reasons.push_back(Strength(ReplyReasonCode::kSubjectCovered,
                                 "答复围绕请求主题，提到" + QuoteWords(s.found),
                                 "The reply is on the request's subject; it mentions " +
                                     QuoteWords(s.found)));
  } else {
    d.reasons.push_back(Problem(ReplyReasonCode::kSubjectMissing,
                                "答复未提及请求主题词" + QuoteWords(s.missing) + "（主题" +
                                    Quote(subject) + "）",
                                "The reply does not mention the subject's words " +
                                    QuoteWords(s.missing) + " (subject " + Quote(subject) + ")"));
  }
  if (const std::optional<Place> place = FindPlace(subject, tools.extractor)) {
    const bool found = pair.reply.find(place->name) != std::wstring::npos ||
                       pair.reply.find(place->distinctive) != std::wstring::npos;
    raw += found ? 0.2 : 0.0;
    scale = 1.0;
    const std::string q = Quote(place->name);
    d.reasons.push_back(found ? Strength(ReplyReasonCode::kPlaceMentioned,
                                         "答复提到了请求所涉地点" + q,
                                         "The reply names the request's place " + q)
                              : Problem(ReplyReasonCode::kPlaceMissing,
                                        "答复未提到请求所涉地点" + q,
                                        "The reply does not name the request's place " + q));
  }
  d.score = ScaleScore(raw / scale, kFullRelevance);
  return d;
}

}  // namespace lizheng::insight::reply
