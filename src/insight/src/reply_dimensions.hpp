// Private: one function per dimension of reply quality. Each returns its
// score with reasons; none fails (the input was validated by ReplyScorer).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lizheng/insight/reply_quality.hpp"
#include "reply_keywords.hpp"
#include "reply_patterns.hpp"

namespace lizheng::insight::reply {

// A validated request and reply, normalised (NormalizeWide).
struct ReplyPair {
  std::wstring title;   // may be empty
  std::wstring detail;  // may be empty when the title is not
  std::wstring reply;   // not empty
  std::optional<ReplyTiming> timing;
};

// What the dimension functions share; owned by the ReplyScorer.
struct ScoringTools {
  const KeywordExtractor& extractor;
  const ReplyPatterns& patterns;
};

DimensionScore ScoreRelevance(const ReplyPair& pair, const ScoringTools& tools);
DimensionScore ScoreCompleteness(const ReplyPair& pair, const ScoringTools& tools);
DimensionScore ScoreInterpretability(const ReplyPair& pair, const ScoringTools& tools);
DimensionScore ScoreTimeliness(const std::optional<ReplyTiming>& timing);
DimensionScore ScoreTone(const ReplyPair& pair, const ScoringTools& tools);

// Reason builders.
ReplyReason Strength(ReplyReasonCode code, std::string zh, std::string en);
ReplyReason Problem(ReplyReasonCode code, std::string zh, std::string en);
// Up to `max` words as 「物业」「停车费」.
std::string QuoteWords(const std::vector<const Keyword*>& words, std::size_t max = 4);
// 0-100 from a share in [0, 1] where `full` counts as 100.
int ScaleScore(double share, double full = 1.0);

}  // namespace lizheng::insight::reply
