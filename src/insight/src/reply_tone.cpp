// 态度: courtesy, and none of the three failings reviewers send replies
// back for — the brush-off, blaming the citizen, the bare template.
#include <algorithm>

#include "reply_dimensions.hpp"
#include "reply_text.hpp"

namespace lizheng::insight::reply {

namespace {

// A reply with fewer Chinese characters of its own than this, once the
// acknowledgement sentences are set aside, says nothing.
constexpr std::size_t kMinSubstance = 15;
// An acknowledgement sentence longer than this carries content too.
constexpr std::size_t kLongSentence = 30;

// Chinese characters outside acknowledgement and sign-off sentences.
std::size_t Substance(std::wstring_view reply, const ReplyPatterns& p) {
  std::size_t n = 0;
  for (const std::wstring_view s : Sentences(reply)) {
    const std::size_t han = HanCount(s);
    const bool boilerplate = !FindFirst(s, p.boilerplate).empty() ||
                             !FindFirst(s, p.sign_off_date).empty();
    if (!boilerplate || han > kLongSentence) n += han;
  }
  return n;
}

void CheckCourtesy(const ReplyPair& pair, const ReplyPatterns& p, DimensionScore& d, int& score) {
  const bool greets = !FindFirst(pair.reply, p.greeting).empty();
  const bool thanks = !FindFirst(pair.reply, p.thanks).empty();
  score += (greets ? 20 : 0) + (thanks ? 20 : 0);
  if (greets && thanks) {
    d.reasons.push_back(Strength(ReplyReasonCode::kCourteous, "有问候和致谢，语气礼貌",
                                 "Greets and thanks the citizen; courteous"));
    return;
  }
  const std::string zh = !greets && !thanks ? "缺少问候语（您好）和致谢（感谢/谢谢）"
                         : !greets          ? "缺少问候语（您好）"
                                            : "缺少致谢（感谢/谢谢）";
  const std::string en = !greets && !thanks ? "No greeting (您好) and no thanks (感谢/谢谢)"
                         : !greets          ? "No greeting (您好)"
                                            : "No thanks (感谢/谢谢)";
  d.reasons.push_back(Problem(ReplyReasonCode::kCourtesyMissing, zh, en));
}

}  // namespace

DimensionScore ScoreTone(const ReplyPair& pair, const ScoringTools& tools) {
  DimensionScore d;
  d.dimension = ReplyDimension::kTone;
  const ReplyPatterns& p = tools.patterns;
  int score = 50;
  // 您 is the respectful form; a reply that only says 你 loses a little.
  const bool respectful = pair.reply.find(L'您') != std::wstring::npos ||
                          pair.reply.find(L'你') == std::wstring::npos;
  score += respectful ? 10 : 0;
  CheckCourtesy(pair, p, d, score);
  if (const auto hit = FindFirst(pair.reply, p.brush_off); !hit.empty()) {
    const std::wstring_view onwards = FindFirst(pair.reply, p.onwards);
    if (onwards.empty()) {
      score -= 60;
      d.reasons.push_back(Problem(ReplyReasonCode::kBrushOff,
                                  "推诿：称" + Quote(hit) + "，却未告知应向哪个部门反映",
                                  "Brush-off: says " + Quote(hit) +
                                      " without saying where to turn instead"));
    } else {
      d.reasons.push_back(Strength(ReplyReasonCode::kReferredOnwards,
                                   "虽称" + Quote(hit) + "，但指明了去向" +
                                       Quote(InContext(pair.reply, onwards)),
                                   "Says " + Quote(hit) + " but points onwards: " +
                                       Quote(InContext(pair.reply, onwards))));
    }
  }
  if (const auto hit = FindFirst(pair.reply, p.blame); !hit.empty()) {
    score -= 50;
    d.reasons.push_back(Problem(ReplyReasonCode::kBlamesCitizen,
                                "指责群众：" + Quote(InContext(pair.reply, hit)),
                                "Blames the citizen: " + Quote(InContext(pair.reply, hit))));
  }
  if (Substance(pair.reply, p) < kMinSubstance) {
    score = std::min(score, 20);
    d.reasons.push_back(Problem(ReplyReasonCode::kEmptyTemplate,
                                "套话答复：只有" + Quote(pair.reply, 30) + "，没有实质内容",
                                "Template reply: only " + Quote(pair.reply, 30) +
                                    ", nothing of substance"));
  }
  d.score = std::clamp(score, 0, 100);
  return d;
}

}  // namespace lizheng::insight::reply
