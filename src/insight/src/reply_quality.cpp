#include "lizheng/insight/reply_quality.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include "lizheng/text/utf8.hpp"
#include "reply_dimensions.hpp"
#include "reply_text.hpp"

namespace lizheng::insight {

// The shared, immutable tables of a scorer.
struct ReplyScorer::Impl {
  Impl(text::Segmenter segmenter, reply::TermWeights weights, std::string idf_status)
      : extractor(std::move(segmenter), std::move(weights)), idf_status(std::move(idf_status)) {}
  reply::KeywordExtractor extractor;
  reply::ReplyPatterns patterns;
  std::string idf_status;
};

namespace {

// How much each dimension counts in the overall score, in enum order.
constexpr double kWeights[kReplyDimensionCount] = {0.25, 0.25, 0.20, 0.15, 0.15};
constexpr int kGoodOverall = 70;      // and no dimension below kWeakDimension
constexpr int kWeakDimension = 40;
constexpr int kPoorOverall = 45;

Error Invalid(std::string field, std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, field + ": " + message, field);
}

Status CheckText(std::string_view text, const char* field) {
  if (text.size() > kMaxReplyQualityTextBytes) {
    return Invalid(field, "longer than " + std::to_string(kMaxReplyQualityTextBytes) +
                              " bytes (" + std::to_string(text.size()) + ")");
  }
  if (!text::IsValidUtf8(text)) return Invalid(field, "not valid UTF-8");
  return OkStatus();
}

Status CheckInput(const ReplyToScore& in) {
  LZ_RETURN_IF_ERROR(CheckText(in.request_title, "request.title"));
  LZ_RETURN_IF_ERROR(CheckText(in.request_detail, "request.detail"));
  LZ_RETURN_IF_ERROR(CheckText(in.reply, "reply"));
  if (in.timing) {
    if (!std::isfinite(in.timing->elapsed) || in.timing->elapsed < 0) {
      return Invalid("timing.elapsed", "must be a finite number >= 0, got " +
                                           std::to_string(in.timing->elapsed));
    }
    if (in.timing->limit.amount <= 0) {
      return Invalid("timing.limit", "must be positive, got " +
                                         std::to_string(in.timing->limit.amount));
    }
  }
  return OkStatus();
}

// Severe failings make a reply poor whatever its other scores.
bool HasSevereProblem(const ReplyAssessment& a) {
  for (const ReplyReason& r : a.Get(ReplyDimension::kTone).reasons) {
    if (r.code == ReplyReasonCode::kBrushOff || r.code == ReplyReasonCode::kBlamesCitizen ||
        r.code == ReplyReasonCode::kEmptyTemplate) {
      return true;
    }
  }
  return false;
}

void Conclude(ReplyAssessment& a) {
  double sum = 0;
  double weight = 0;
  int weakest = 100;
  for (std::size_t i = 0; i < kReplyDimensionCount; ++i) {
    if (!a.dimensions[i].assessed) continue;
    sum += kWeights[i] * a.dimensions[i].score;
    weight += kWeights[i];
    weakest = std::min(weakest, a.dimensions[i].score);
  }
  // weight > 0: relevance, completeness, interpretability and tone are always assessed.
  a.overall = static_cast<int>(std::lround(sum / weight));
  if (a.overall < kPoorOverall || HasSevereProblem(a)) {
    a.verdict = ReplyVerdict::kPoor;
  } else if (a.overall >= kGoodOverall && weakest >= kWeakDimension) {
    a.verdict = ReplyVerdict::kGood;
  } else {
    a.verdict = ReplyVerdict::kNeedsAttention;
  }
}

}  // namespace

Result<ReplyScorer> ReplyScorer::FromParts(text::Segmenter segmenter, std::string_view idf_text,
                                           std::string_view source_name) {
  LZ_ASSIGN_OR_RETURN(reply::TermWeights weights,
                      reply::TermWeights::Parse(idf_text, source_name));
  std::string status = weights.size() > 0 ? "IDF " + std::string(source_name) + " (" +
                                                std::to_string(weights.size()) + " words)"
                                          : "no IDF table (" + std::string(source_name) +
                                                ": absent or empty): uniform word weights";
  return ReplyScorer(
      std::make_shared<const Impl>(std::move(segmenter), std::move(weights), std::move(status)));
}

Result<ReplyScorer> ReplyScorer::Load(const ReplyScorerOptions& options) {
  LZ_ASSIGN_OR_RETURN(text::Segmenter segmenter, text::Segmenter::Load(options.segmenter));
  std::ifstream in(options.idf_path, std::ios::binary);
  // An unreadable IDF table is not an error: words then weigh the same.
  if (!in) return FromParts(std::move(segmenter), "", options.idf_path);
  std::ostringstream content;
  content << in.rdbuf();
  return FromParts(std::move(segmenter), content.view(), options.idf_path);
}

Result<ReplyAssessment> ReplyScorer::Score(const ReplyToScore& input) const {
  LZ_RETURN_IF_ERROR(CheckInput(input));
  reply::ReplyPair pair{reply::NormalizeWide(input.request_title),
                        reply::NormalizeWide(input.request_detail),
                        reply::NormalizeWide(input.reply), input.timing};
  if (pair.reply.empty()) return Invalid("reply", "empty; there is nothing to score");
  if (pair.title.empty() && pair.detail.empty()) {
    return Invalid("request", "neither title nor detail; a reply is scored against a request");
  }
  const reply::ScoringTools tools{impl_->extractor, impl_->patterns};
  ReplyAssessment a;
  a.dimensions = {reply::ScoreRelevance(pair, tools), reply::ScoreCompleteness(pair, tools),
                  reply::ScoreInterpretability(pair, tools), reply::ScoreTimeliness(pair.timing),
                  reply::ScoreTone(pair, tools)};
  Conclude(a);
  return a;
}

std::string ReplyScorer::status() const {
  return impl_->extractor.segmenter().status() + "; " + impl_->idf_status;
}

}  // namespace lizheng::insight
