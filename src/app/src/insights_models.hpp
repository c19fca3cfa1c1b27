// Private: one jurisdiction's models inside Insights.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "lizheng/app/insights.hpp"
#include "lizheng/insight/dispatch_advisor.hpp"
#include "lizheng/insight/keyword_classifier.hpp"
#include "lizheng/insight/text_classifier.hpp"

namespace lizheng::app {

struct Insights::Models {
  std::mutex mu;  // guards every member below
  std::optional<insight::TextClassifier> classifier;
  std::optional<Timestamp> trained_at;    // of the classifier
  std::optional<Timestamp> last_attempt;  // of a training pass, in this process
  insight::KeywordClassifier keywords;
  insight::DispatchAdvisor dispatch;
  bool history_loaded = false;

  std::mutex hot_mu;  // guards hot: the tracker has one writer at a time
  std::unique_ptr<insight::hotspots::HotspotTracker> hot;  // null until replayed

  std::mutex flood_mu;  // guards flood
  std::optional<insight::FloodDetector> flood;  // made on the first anonymous request
};

// Calls fn for the work orders `q` selects, newest first, at most `max`,
// reading pages of 1,000 (q's limit and cursor are its own).
Status ForEachRecent(store::Store& store, store::WorkOrderQuery q, int max,
                     const std::function<void(const WorkOrder&)>& fn);

}  // namespace lizheng::app
