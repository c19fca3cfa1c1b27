// Urgency and risk flags (紧急与风险研判, DESIGN.md §5): reads a request as it
// arrives and flags danger to life or property, many people affected and the
// risk of a mass incident, each with a level, the words that triggered it
// and a reason a dispatcher can read; and decides whether the request
// belongs on the leader's fast lane (领导快速通道).
//
// Rules, not a model: a lexicon of cues with levels, a reading of the words
// around each cue (negation "没有危险", hypotheticals "以免发生火灾",
// imminence "随时可能倒塌", intensity "隐患极大") and a count reader for
// "200名工人", "上百户", "几千名业主". docs/risk-flags.md lists the rules and
// what they measure on real messages.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/enums.hpp"

namespace lizheng::insight {

// What is at risk.
enum class RiskKind {
  kDanger,      // 人身财产安全: fire, gas, collapse, electrocution, drowning, self-harm ...
  kManyPeople,  // 涉及人数众多: a count of people or households, wage arrears of many workers
  kMassIncident,  // 群体性事件风险: collective petitions, gatherings, blocked roads, threats to
                  // escalate
};

// How soon someone should look. The two upper levels are core's urgencies.
enum class RiskLevel {
  kWatch,      // 关注: worth a look when the request is handled; changes no deadline
  kUrgent,     // 紧急: handle as an urgent request
  kEmergency,  // 特急: life or public order at stake now; the fast lane
};

// Which part of the request a flag's evidence lies in.
enum class RequestField { kTitle, kDetail };

// One flag: a cue (or a count) in the text, judged in its context.
struct RiskFlag {
  RiskKind kind = RiskKind::kDanger;
  RiskLevel level = RiskLevel::kWatch;
  RequestField field = RequestField::kDetail;
  std::size_t begin = 0;  // evidence: bytes [begin, end) of the field's UTF-8 text
  std::size_t end = 0;
  std::string reason_zh;  // for the dispatcher, e.g. "危及人身财产安全：燃气泄漏"
  std::string reason_en;  // e.g. "danger to life or property: gas leak"
};

// The request as it arrives. Views must stay valid during Assess.
struct RiskRequest {
  std::string_view title;     // 留言主题; may be empty
  std::string_view detail;    // 留言详情
  std::string_view category;  // first-level category (e.g. "劳动和社会保障"); may be empty
};

// What the detector says about one request.
struct RiskAssessment {
  // Strongest first (level, then kind, then position); at most one flag per
  // cue and field, at most kMaxFlags in all.
  std::vector<RiskFlag> flags;
  // Whether the request should go onto the leader's fast lane: any
  // emergency flag, or urgent flags of two different kinds.
  bool fast_lane = false;
  std::string fast_lane_reason_zh;  // empty unless fast_lane
  std::string fast_lane_reason_en;

  static constexpr std::size_t kMaxFlags = 12;

  // The highest level among the flags of `kind`, if any.
  std::optional<RiskLevel> LevelOf(RiskKind kind) const;
  // The urgency the flags suggest for the work order (kNormal when no flag
  // is above watch).
  Urgency SuggestedUrgency() const;
};

// The detector. Building it compiles the built-in lexicon once (well under
// a millisecond); Assess is a pure function of the request, so one detector
// may be shared by any number of threads. Copies share the lexicon.
class RiskDetector {
 public:
  RiskDetector();

  // Flags for one request. Never fails: invalid UTF-8 bytes are skipped and
  // an empty request gets no flags. Cost grows linearly with the text.
  RiskAssessment Assess(const RiskRequest& request) const;

  struct Lexicon;

 private:
  std::shared_ptr<const Lexicon> lexicon_;
};

// Wire names: "danger", "many_people", "mass_incident"; "watch", "urgent",
// "emergency"; "title", "detail".
std::string_view RiskKindName(RiskKind kind);
std::string_view RiskLevelName(RiskLevel level);
std::string_view RequestFieldName(RequestField field);

}  // namespace lizheng::insight
