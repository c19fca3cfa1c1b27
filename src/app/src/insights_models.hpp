// Private: one jurisdiction's models inside Insights.
#pragma once

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
};

}  // namespace lizheng::app
