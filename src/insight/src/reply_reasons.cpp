// Names of the reply-quality enums and the reason builders.
#include <cmath>

#include "lizheng/insight/reply_quality.hpp"
#include "reply_dimensions.hpp"
#include "reply_text.hpp"

namespace lizheng::insight {

namespace {

struct DimensionNames {
  std::string_view wire, zh, en;
};

constexpr DimensionNames kDimensions[] = {
    {"relevance", "相关性", "Relevance"},
    {"completeness", "完整性", "Completeness"},
    {"interpretability", "可解释性", "Interpretability"},
    {"timeliness", "及时性", "Timeliness"},
    {"tone", "态度", "Tone"},
};
static_assert(std::size(kDimensions) == kReplyDimensionCount);

constexpr DimensionNames kVerdicts[] = {
    {"good", "良好", "Good"},
    {"needs_attention", "需关注", "Needs attention"},
    {"poor", "较差", "Poor"},
};

// Indexed by ReplyReasonCode; the order must follow the enum.
constexpr std::string_view kReasonNames[] = {
    "relevance.subject_covered",      "relevance.subject_missing",
    "relevance.place_mentioned",      "relevance.place_missing",
    "completeness.all_answered",      "completeness.point_unanswered",
    "interpretability.basis_cited",   "interpretability.basis_missing",
    "interpretability.measures_given", "interpretability.measures_missing",
    "interpretability.contact_given", "interpretability.contact_missing",
    "timeliness.on_time",             "timeliness.near_limit",
    "timeliness.overdue",             "timeliness.unknown",
    "tone.courteous",                 "tone.courtesy_missing",
    "tone.brush_off",                 "tone.referred_onwards",
    "tone.blames_citizen",            "tone.empty_template",
};
static_assert(std::size(kReasonNames) ==
              static_cast<std::size_t>(ReplyReasonCode::kEmptyTemplate) + 1);

std::string Join(const DimensionScore& d, bool zh) {
  std::string out;
  for (const ReplyReason& r : d.reasons) {
    if (!out.empty()) out += zh ? "；" : "; ";
    out += zh ? r.zh : r.en;
  }
  return out;
}

}  // namespace

std::string_view DimensionName(ReplyDimension d) {
  return kDimensions[static_cast<std::size_t>(d)].wire;
}
std::string_view DimensionLabelZh(ReplyDimension d) {
  return kDimensions[static_cast<std::size_t>(d)].zh;
}
std::string_view DimensionLabelEn(ReplyDimension d) {
  return kDimensions[static_cast<std::size_t>(d)].en;
}
std::string_view VerdictName(ReplyVerdict v) { return kVerdicts[static_cast<std::size_t>(v)].wire; }
std::string_view VerdictLabelZh(ReplyVerdict v) { return kVerdicts[static_cast<std::size_t>(v)].zh; }
std::string_view VerdictLabelEn(ReplyVerdict v) { return kVerdicts[static_cast<std::size_t>(v)].en; }
std::string_view ReasonCodeName(ReplyReasonCode c) {
  return kReasonNames[static_cast<std::size_t>(c)];
}

std::string JoinReasonsZh(const DimensionScore& d) { return Join(d, true); }
std::string JoinReasonsEn(const DimensionScore& d) { return Join(d, false); }

namespace reply {

ReplyReason Strength(ReplyReasonCode code, std::string zh, std::string en) {
  return ReplyReason{code, false, std::move(zh), std::move(en)};
}

ReplyReason Problem(ReplyReasonCode code, std::string zh, std::string en) {
  return ReplyReason{code, true, std::move(zh), std::move(en)};
}

std::string QuoteWords(const std::vector<const Keyword*>& words, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < words.size() && i < max; ++i) out += Quote(words[i]->word);
  return out;
}

int ScaleScore(double share, double full) {
  const double v = std::clamp(share / full, 0.0, 1.0) * 100.0;
  return static_cast<int>(std::lround(v));
}

}  // namespace reply

}  // namespace lizheng::insight
