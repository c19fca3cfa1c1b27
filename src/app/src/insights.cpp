// The analytics of the running platform: intake assessment, workbench
// advice and learning from the centre's actions. Training and history
// loading are in insights_training.cpp.
#include "lizheng/app/insights.hpp"

#include <sodium.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "insights_models.hpp"
#include "lizheng/insight/keyword_classifier.hpp"
#include "lizheng/insight/risk_flags.hpp"

namespace lizheng::app {
namespace {

// The states in which a work order can still take a repeat.
const std::vector<State> kOpenStates = {State::kSubmitted,  State::kAccepted, State::kDispatched,
                                        State::kReturned,   State::kInProgress, State::kReplied,
                                        State::kAnswered,   State::kReopened};

insight::RequestText TextOf(const WorkOrder& wo) {
  return insight::RequestText{wo.id,        wo.title,         wo.detail,    wo.address,
                              wo.area_code, wo.category_code, wo.created_at};
}

// The detector's flag as the work order keeps it, with its evidence quoted.
RiskFlag ToRiskFlag(const insight::RiskFlag& f, std::string_view title, std::string_view detail) {
  RiskFlag r;
  switch (f.kind) {
    case insight::RiskKind::kDanger: r.kind = RiskKind::kSafety; break;
    case insight::RiskKind::kManyPeople: r.kind = RiskKind::kManyPeople; break;
    case insight::RiskKind::kMassIncident: r.kind = RiskKind::kMassIncident; break;
  }
  switch (f.level) {
    case insight::RiskLevel::kWatch: r.level = Urgency::kNormal; break;
    case insight::RiskLevel::kUrgent: r.level = Urgency::kUrgent; break;
    case insight::RiskLevel::kEmergency: r.level = Urgency::kEmergency; break;
  }
  const std::string_view field = f.field == insight::RequestField::kTitle ? title : detail;
  if (f.begin <= f.end && f.end <= field.size()) r.evidence = std::string(field.substr(f.begin, f.end - f.begin));
  r.reason = f.reason_zh;
  r.reason_en = f.reason_en;
  return r;
}

}  // namespace

Insights::Insights(store::Store& store, JurisdictionCache& cache, const TimeSource& time,
                   text::Segmenter segmenter, InsightsOptions options)
    : store_(store),
      cache_(cache),
      time_(time),
      segmenter_(std::move(segmenter)),
      options_(options),
      risk_detector_(std::make_unique<insight::RiskDetector>()) {
  if (sodium_init() >= 0) crypto_shorthash_keygen(source_key_.data());
  std::ifstream idf(options_.idf_path, std::ios::binary);
  std::ostringstream text;
  if (idf) text << idf.rdbuf();
  auto scorer = insight::ReplyScorer::FromParts(segmenter_, text.str(), options_.idf_path);
  if (scorer.ok()) {
    reply_scorer_ = std::move(scorer).value();
  } else {
    std::cerr << "insights: replies are not scored: " << scorer.error().message << "\n";
  }
}

namespace {

// Time from `a` to `b` in `unit`, on the jurisdiction's working calendar.
double Elapsed(const WorkingCalendar& cal, LimitUnit unit, Timestamp a, Timestamp b) {
  const double seconds = std::chrono::duration<double>(b - a).count();
  switch (unit) {
    case LimitUnit::kMinutes: return seconds / 60.0;
    case LimitUnit::kHours: return seconds / 3600.0;
    case LimitUnit::kDays: return seconds / 86400.0;
    case LimitUnit::kWorkingMinutes: return static_cast<double>(cal.WorkingMinutesBetween(a, b));
    case LimitUnit::kWorkingHours: return static_cast<double>(cal.WorkingMinutesBetween(a, b)) / 60.0;
    case LimitUnit::kWorkingDays: return cal.WorkingDaysBetween(a, b);
  }
  return seconds / 86400.0;
}

}  // namespace

void Insights::ScoreReply(const JurisdictionData& data, const WorkOrder& wo, Advice& advice) const {
  const Reply* reply = wo.draft_reply ? &*wo.draft_reply : (wo.reply ? &*wo.reply : nullptr);
  if (!reply_scorer_ || reply == nullptr) return;
  insight::ReplyToScore in{wo.title, wo.detail, reply->text, std::nullopt};
  // Timeliness against the reply clock as it ran (extensions included).
  const Clock* clock = nullptr;
  for (const Clock& c : wo.clocks)
    if (c.kind == ClockKind::kReply) clock = &c;
  if (clock != nullptr) {
    const LimitSpan limit = data.limits.Lookup(wo.type, wo.category_code, wo.urgency).reply;
    const double allowed = Elapsed(data.calendar, limit.unit, clock->started, clock->due);
    const double used = Elapsed(data.calendar, limit.unit, clock->started, reply->at);
    if (allowed > 0) in.timing = insight::ReplyTiming{used, LimitSpan{std::max(1, static_cast<int>(allowed + 0.5)), limit.unit}};
  }
  auto scored = reply_scorer_->Score(in);
  if (!scored.ok()) return;  // a reply the scorer cannot read is shown unscored
  advice.reply_quality = std::move(scored).value();
  advice.reply_is_draft = wo.draft_reply.has_value();
}

Insights::~Insights() = default;

std::shared_ptr<Insights::Models> Insights::ModelsFor(JurisdictionId j) {
  {
    std::lock_guard lock(mu_);
    const auto it = models_.find(j);
    if (it != models_.end()) return it->second;
  }
  auto data = cache_.Get(j);
  auto built = data.ok() ? BuildModels(j, **data) : std::make_shared<Models>();
  std::lock_guard lock(mu_);
  return models_.emplace(j, std::move(built)).first->second;  // a racing builder's copy wins
}

std::optional<CategoryAdvice> Insights::Classify(Models& m, std::string_view title,
                                                 std::string_view detail) {
  std::optional<insight::TextClassifier> model;
  {
    std::lock_guard lock(m.mu);
    model = m.classifier;
  }
  if (model) {
    const insight::Prediction p = model->Predict(title, detail);
    return CategoryAdvice{p.label, p.confidence, CategorySource::kModel, {}};
  }
  const auto guess = m.keywords.Classify(title, detail);
  if (!guess) return std::nullopt;
  return CategoryAdvice{guess->category_code, guess->confidence, CategorySource::kKeywords, guess->matched};
}

Assessment Insights::Assess(const JurisdictionData& data, std::string_view title, std::string_view detail) {
  Assessment a;
  auto m = ModelsFor(data.directory.jurisdiction().id);
  const auto c = Classify(*m, title, detail);
  if (c && c->confidence >= options_.fill_in_confidence) {
    a.category_code = c->category_code;
    a.confidence = c->confidence;
    a.source = c->source;
  }
  const Category* first = c ? data.directory.FindCategory(c->category_code) : nullptr;
  const insight::RiskAssessment risks =
      risk_detector_->Assess({title, detail, first ? std::string_view(first->name) : std::string_view()});
  for (const insight::RiskFlag& f : risks.flags) a.risks.push_back(ToRiskFlag(f, title, detail));
  a.fast_lane = risks.fast_lane;
  return a;
}

Result<Advice> Insights::Advise(const JurisdictionData& data, const WorkOrder& wo) {
  const Directory& dir = data.directory;
  auto m = ModelsFor(dir.jurisdiction().id);
  Advice advice;
  advice.category = Classify(*m, wo.title, wo.detail);
  const std::string category =
      !wo.category_code.empty() ? wo.category_code : (advice.category ? advice.category->category_code : "");
  const Date day = LocalDate(time_.Now(), dir.jurisdiction().utc_offset_minutes);
  {
    std::lock_guard lock(m->mu);
    advice.units = m->dispatch.Suggest(dir, day, category, wo.area_code);
  }
  ScoreReply(data, wo, advice);
  if (wo.IsTerminal()) return advice;  // nothing left to merge
  LZ_ASSIGN_OR_RETURN(advice.repeats, Repeats(data, wo));
  return advice;
}

Result<std::vector<RepeatAdvice>> Insights::Repeats(const JurisdictionData& data, const WorkOrder& wo) {
  const Directory& dir = data.directory;
  store::WorkOrderQuery q;
  q.jurisdiction = dir.jurisdiction().id;
  q.states = kOpenStates;
  q.area_prefix = std::string(dir.DistrictOf(wo.area_code));
  const insight::RepeatOptions options;
  q.created_from = wo.created_at - options.window;
  q.created_to = wo.created_at + options.window;
  q.limit = 1000;
  store::WorkOrderPage page;
  LZ_RETURN_IF_ERROR(store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(page, txn.ListWorkOrders(q));
    return OkStatus();
  }));
  std::vector<insight::RequestText> pool;
  pool.reserve(page.items.size());
  for (const WorkOrder& c : page.items) {
    const bool linked = c.merged_into == wo.id || (wo.merged_into && *wo.merged_into == c.id);
    if (!linked) pool.push_back(TextOf(c));
  }
  std::vector<RepeatAdvice> out;
  for (insight::RepeatMatch& match : insight::FindRepeats(TextOf(wo), pool, dir, options)) {
    for (WorkOrder& c : page.items) {
      if (c.id != match.id) continue;
      out.push_back(RepeatAdvice{c, std::move(match)});
      break;
    }
  }
  return out;
}

void Insights::Observe(const JurisdictionData& data, const WorkOrder& before, const WorkOrder& after) {
  if (before.state != State::kDispatched) return;
  insight::DispatchOutcome o;
  o.category_code = after.category_code;
  o.area_code = after.area_code;
  if (after.state == State::kReturned && before.handling_unit) {
    o.unit = *before.handling_unit;
    o.returned = true;
  } else if (after.state == State::kInProgress && after.lead_unit) {
    o.unit = *after.lead_unit;
  } else {
    return;
  }
  auto m = ModelsFor(data.directory.jurisdiction().id);
  std::lock_guard lock(m->mu);
  m->dispatch.Learn(o, data.directory);
}

}  // namespace lizheng::app
