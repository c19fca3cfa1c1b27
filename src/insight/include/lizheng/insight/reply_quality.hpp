// 答复意见质量评价: scores a unit's reply to a citizen's request before it
// is published (DESIGN.md §5), on five dimensions — relevance, completeness,
// interpretability, timeliness and tone — each with a score and reasons a
// reviewer can read (Simplified Chinese first, English second), and an
// overall score with a verdict.
//
// Rules over segmented text, not a model: every score can be explained by
// the reasons beside it. The scorer has no clock: the caller says how long
// the reply took and what the limit was. See docs/reply-quality.md.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/result.hpp"
#include "lizheng/core/time_limits.hpp"
#include "lizheng/text/segmenter.hpp"

namespace lizheng::insight {

// The five things a reviewer checks; the order is the order of
// ReplyAssessment::dimensions.
enum class ReplyDimension {
  kRelevance,         // 相关性: talks about the request's subject and place
  kCompleteness,      // 完整性: every point of the request answered
  kInterpretability,  // 可解释性: basis, concrete measures, a contact
  kTimeliness,        // 及时性: replied within the time limit
  kTone,              // 态度: courteous, no brush-off, no blame, not a bare template
};
inline constexpr std::size_t kReplyDimensionCount = 5;

// 评价结论. kGood: publish; kNeedsAttention: the reviewer should read the
// reasons; kPoor: send back to the unit.
enum class ReplyVerdict { kGood, kNeedsAttention, kPoor };

// What a reason reports. Each code has one wire name ("relevance.place_missing")
// for logs, files and the API; see ReasonCodeName.
enum class ReplyReasonCode {
  kSubjectCovered,        // the reply uses the request's subject words
  kSubjectMissing,        // ... or does not
  kPlaceMentioned,        // the request's place appears in the reply
  kPlaceMissing,          // ... or does not
  kPointsAllAnswered,     // every point of the request is addressed
  kPointUnanswered,       // one point is not (one reason per point)
  kBasisCited,            // a law, regulation, article or policy document
  kBasisMissing,
  kMeasuresGiven,         // investigation findings, steps taken or planned
  kMeasuresMissing,
  kContactGiven,          // a phone number, office or window to turn to
  kContactMissing,
  kOnTime,                // replied within the limit
  kNearLimit,             // within the limit but late in it
  kOverdue,               // past the limit
  kTimingUnknown,         // the caller gave no timing: not assessed
  kCourteous,             // greeting and thanks
  kCourtesyMissing,       // no greeting or no thanks
  kBrushOff,              // "not our responsibility" without pointing onwards
  kReferredOnwards,       // "not ours", but says where to turn
  kBlamesCitizen,         // puts the fault on the citizen
  kEmptyTemplate,         // acknowledgement only ("已收悉"), nothing else
};

// One reason. `problem` is true when it lowers the score. The texts quote or
// point at what was found or missing, e.g. "未回应：第2点「…」".
struct ReplyReason {
  ReplyReasonCode code = ReplyReasonCode::kSubjectCovered;
  bool problem = false;
  std::string zh;  // for the reviewer, Simplified Chinese
  std::string en;  // the same in English
};

// One dimension's result. `score` is 0-100 (higher is better); when
// `assessed` is false (timeliness without timing) the score is 0 and the
// dimension does not count in the overall score.
struct DimensionScore {
  ReplyDimension dimension = ReplyDimension::kRelevance;
  bool assessed = true;
  int score = 0;
  std::vector<ReplyReason> reasons;
};

// The whole assessment.
struct ReplyAssessment {
  std::array<DimensionScore, kReplyDimensionCount> dimensions;
  int overall = 0;  // 0-100, the weighted mean of the assessed dimensions
  ReplyVerdict verdict = ReplyVerdict::kPoor;

  const DimensionScore& Get(ReplyDimension d) const {
    return dimensions[static_cast<std::size_t>(d)];
  }
};

// How long the reply took. `elapsed` is counted in `limit.unit` (calendar
// days for kDays, working days for kWorkingDays, ...): the caller, who owns
// the clock and the working calendar, measures it, e.g. from dispatch to the
// reply draft against the work order's reply limit after extensions.
struct ReplyTiming {
  double elapsed = 0;  // >= 0, in limit.unit
  LimitSpan limit;     // amount > 0
};

// What is scored: the citizen's request (title may be empty) and the reply.
// The views must stay valid during Score only.
struct ReplyToScore {
  std::string_view request_title;   // 留言主题 / the work order's title
  std::string_view request_detail;  // 留言详情 / the request text
  std::string_view reply;           // 答复意见 / the draft reply
  std::optional<ReplyTiming> timing;
};

// Longest request or reply accepted by Score, in bytes.
inline constexpr std::size_t kMaxReplyQualityTextBytes = 200'000;

struct ReplyScorerOptions {
  text::SegmenterOptions segmenter;
  // jieba's IDF table ("word idf" per line) weights the request's words so
  // that rare, telling words count most. A missing file is not an error: all
  // words then weigh the same (see ReplyScorer::status).
  std::string idf_path = "/usr/lib/python3/dist-packages/jieba/analyse/idf.txt";
};

// Scores replies. Immutable once built and cheap to copy (the tables are
// shared), so any number of threads may call Score concurrently. Build one
// at start-up: loading the dictionary and the IDF table takes about a second.
class ReplyScorer {
 public:
  // Loads the segmenter and the IDF table. Errors: a malformed dictionary or
  // IDF file (naming file and line), a missing user dictionary.
  static Result<ReplyScorer> Load(const ReplyScorerOptions& options);

  // From a ready segmenter; `idf_text` is the IDF table's content (empty:
  // uniform weights). `source_name` names it in error messages.
  static Result<ReplyScorer> FromParts(text::Segmenter segmenter, std::string_view idf_text,
                                       std::string_view source_name);

  // Scores one reply. Errors (kInvalidArgument, with `field` set): an empty
  // reply ("reply"), a request with neither title nor detail ("request"),
  // invalid UTF-8 or a text over kMaxReplyQualityTextBytes (the field
  // concerned), elapsed < 0 or not finite ("timing.elapsed"), a limit that is
  // not positive ("timing.limit").
  Result<ReplyAssessment> Score(const ReplyToScore& input) const;

  // One line for people: the segmenter's status and the IDF table in use.
  std::string status() const;

  struct Impl;

 private:
  explicit ReplyScorer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// Wire names: "relevance", "needs_attention", "completeness.point_unanswered".
std::string_view DimensionName(ReplyDimension d);
std::string_view VerdictName(ReplyVerdict v);
std::string_view ReasonCodeName(ReplyReasonCode c);
// Reviewer-facing labels: "相关性" / "Relevance", "良好" / "Good" ...
std::string_view DimensionLabelZh(ReplyDimension d);
std::string_view DimensionLabelEn(ReplyDimension d);
std::string_view VerdictLabelZh(ReplyVerdict v);
std::string_view VerdictLabelEn(ReplyVerdict v);

// A dimension's reasons joined for one line: "；"-separated Chinese texts, or
// "; "-separated English texts.
std::string JoinReasonsZh(const DimensionScore& d);
std::string JoinReasonsEn(const DimensionScore& d);

}  // namespace lizheng::insight
