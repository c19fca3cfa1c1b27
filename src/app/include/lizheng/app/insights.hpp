// 理: the analytics as the running platform uses them. Per jurisdiction it
// keeps the category classifier (trained from the jurisdiction's labelled
// work orders, or keyword rules from its taxonomy while there is no such
// history), the dispatch advisor learnt from past dispatches, and finds
// repeats among the open work orders. The scheduler retrains on a schedule;
// the model is stored in the database so every server uses the same one.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lizheng/app/environment.hpp"
#include "lizheng/app/jurisdiction_cache.hpp"
#include "lizheng/core/work_order.hpp"
#include "lizheng/core/workflow.hpp"
#include "lizheng/insight/dispatch_advisor.hpp"
#include "lizheng/insight/flood_detector.hpp"
#include "lizheng/insight/hotspots/hotspot_tracker.hpp"
#include "lizheng/insight/reply_quality.hpp"
#include "lizheng/insight/request_similarity.hpp"
#include "lizheng/store/store.hpp"
#include "lizheng/text/segmenter.hpp"

namespace lizheng::insight {
class RiskDetector;
}

namespace lizheng::app {

struct InsightsOptions {
  // The classifier is retrained when its model is older than this.
  std::chrono::hours retrain_every{24};
  // Training needs this many labelled work orders, at least ten in each of
  // two first-level categories; below it the keyword rules classify.
  int min_training_messages = 100;
  // The newest labelled work orders trained on, and dispatches learnt from.
  int max_training_messages = 50000;
  int max_dispatch_history = 200000;
  // A model guess below this confidence is advice only: not filled in.
  double fill_in_confidence = 0.5;
  // When near-identical anonymous requests from one source become a
  // suspected flood (insight/flood_detector.hpp).
  insight::FloodOptions flood;
  // jieba's IDF table for the reply scorer; missing: all words weigh the same.
  std::string idf_path = "/usr/lib/python3/dist-packages/jieba/analyse/idf.txt";
};

// A suggested category for a work order.
struct CategoryAdvice {
  std::string category_code;  // first level
  double confidence = 0.0;
  CategorySource source = CategorySource::kNone;  // model or keywords
  std::vector<std::string> keywords;              // for keyword guesses
};

// An open work order that may be the same request.
struct RepeatAdvice {
  WorkOrder work_order;
  insight::RepeatMatch match;
};

// Everything the workbench shows beside one work order.
struct Advice {
  std::optional<CategoryAdvice> category;
  std::vector<insight::UnitSuggestion> units;
  std::vector<RepeatAdvice> repeats;
  // The draft reply waiting for review (else the published reply), scored.
  std::optional<insight::ReplyAssessment> reply_quality;
  bool reply_is_draft = false;
};

// One hot issue with (the first of) its member work orders, newest last.
struct HotIssue {
  insight::hotspots::IssueSummary summary;
  std::vector<WorkOrder> members;
};

// The hot spots of a jurisdiction: the hottest issues and the latest alerts.
struct HotspotsView {
  bool ready = false;  // false until the tracker has replayed the recent requests
  std::vector<HotIssue> issues;
  std::vector<insight::hotspots::HotspotAlert> alerts;  // newest first
};

// What a retraining pass did, for logs and the command line.
struct TrainingReport {
  JurisdictionId jurisdiction = 0;
  bool trained = false;          // a new model was trained and stored
  std::int64_t messages = 0;     // labelled work orders trained on
  std::vector<std::string> labels;
  double seconds = 0.0;
  std::int64_t dispatch_outcomes = 0;
  std::string note;  // why nothing was trained, if so
};

// Thread-safe. Owns no thread: the scheduler calls Refresh.
class Insights {
 public:
  Insights(store::Store& store, JurisdictionCache& cache, const TimeSource& time,
           text::Segmenter segmenter, InsightsOptions options = {});
  ~Insights();

  // The assessment of a new request at intake: a category guess (model,
  // else keywords) and the risks. Cheap: runs on every submission.
  Assessment Assess(const JurisdictionData& data, std::string_view title, std::string_view detail);

  // The advice beside one work order: category, top three lead units with
  // reasons, and open repeats with their similarity.
  Result<Advice> Advise(const JurisdictionData& data, const WorkOrder& wo);

  // The open work orders `wo` may repeat, best first (the repeats of the
  // advice alone, for intake).
  Result<std::vector<RepeatAdvice>> Repeats(const JurisdictionData& data, const WorkOrder& wo);

  // 疑似刷单: whether an anonymous submission (one with a source address) is
  // one of a burst of near-identical requests from its source, which then
  // counts as one citizen, not many. The address is only hashed with a key
  // of this process and kept in memory for the window; after a restart the
  // check starts afresh. Staff submissions (no address) are never suspected.
  bool SuspectFlood(const JurisdictionData& data, const Submission& s, Timestamp now);
  // Remembers an anonymous submission once it is filed, for the check of
  // the ones after it.
  void RememberAnonymous(const JurisdictionData& data, const Submission& s, Timestamp now);

  // Learns from an action just performed (a dispatch kept, a return).
  void Observe(const JurisdictionData& data, const WorkOrder& before, const WorkOrder& after);

  // Feeds a request just filed, or a suspected flood the centre has just
  // confirmed genuine, to the hot-spot tracker (once it has replayed the
  // recent history; earlier requests are in that replay). A suspected flood
  // is left out: it is neither a hot spot nor raises an alert.
  void Track(const JurisdictionData& data, const WorkOrder& wo);

  // The `top` hottest issues: active within the last week when `now_only`,
  // else over the tracker's whole memory (open and recently closed issues),
  // each with up to `members` of its work orders; and the latest alerts.
  Result<HotspotsView> Hotspots(JurisdictionId j, std::size_t top, bool now_only, std::size_t members);
  // One issue, open or archived, with up to `members` of its work orders
  // and its alerts among the latest: what a dashboard row or an alert opens.
  // kNotFound (field "issue") when the tracker does not know it; not ready
  // (no issue) while the tracker replays.
  Result<HotspotsView> HotspotIssue(JurisdictionId j, insight::hotspots::IssueId issue,
                                    std::size_t members);

  // Loads what the jurisdiction has (stored model, dispatch history, the
  // requests of the hot-spot window) the first time, and retrains the
  // classifier when it is stale or `force`.
  Result<TrainingReport> Refresh(JurisdictionId j, bool force = false);

 private:
  struct Models;
  std::shared_ptr<Models> ModelsFor(JurisdictionId j);
  std::shared_ptr<Models> BuildModels(JurisdictionId j, const JurisdictionData& data);
  Result<TrainingReport> Train(JurisdictionId j, Models& m);
  Status LearnDispatchHistory(JurisdictionId j, const JurisdictionData& data, Models& m);
  Status ReplayHotspots(JurisdictionId j, const JurisdictionData& data, Models& m);
  Status LoadHotspotMembers(JurisdictionId j, HotspotsView& view, std::size_t members);
  std::optional<CategoryAdvice> Classify(Models& m, std::string_view title, std::string_view detail);
  void ScoreReply(const JurisdictionData& data, const WorkOrder& wo, Advice& advice) const;

  store::Store& store_;
  JurisdictionCache& cache_;
  const TimeSource& time_;
  text::Segmenter segmenter_;
  InsightsOptions options_;
  std::mutex mu_;  // guards models_
  std::map<JurisdictionId, std::shared_ptr<Models>> models_;
  std::mutex train_mu_;  // one training at a time
  std::unique_ptr<const insight::RiskDetector> risk_detector_;  // immutable, shared by threads
  // The key that hashes source addresses for the flood check: random for
  // each process, so a hash means nothing outside it.
  std::array<unsigned char, 16> source_key_{};
  std::optional<insight::ReplyScorer> reply_scorer_;            // immutable, shared by threads
};

// The names of the jurisdiction files the analytics keep.
inline constexpr std::string_view kClassifierModelFile = "classifier.model";
inline constexpr std::string_view kClassifierInfoFile = "classifier.json";
inline constexpr std::string_view kCategoryKeywordsFile = "category_keywords.tsv";

}  // namespace lizheng::app
