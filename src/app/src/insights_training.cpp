// Insights: loading a jurisdiction's stored model and keyword rules, and
// (re)training from its own labelled work orders and dispatch history.
#include <sodium.h>

#include <chrono>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "insights_models.hpp"
#include "lizheng/app/insights.hpp"

namespace lizheng::app {
namespace {

std::string ToBase64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> FromBase64(std::string_view text) {
  std::string out(text.size() * 3 / 4 + 3, '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

}  // namespace

Status ForEachRecent(store::Store& store, store::WorkOrderQuery q, int max,
                     const std::function<void(const WorkOrder&)>& fn) {
  q.limit = 1000;
  q.after.reset();
  int seen = 0;
  for (bool more = true; more && seen < max;) {
    store::WorkOrderPage page;
    LZ_RETURN_IF_ERROR(store.Read([&](store::ReadTxn& txn) -> Status {
      LZ_ASSIGN_OR_RETURN(page, txn.ListWorkOrders(q));
      return OkStatus();
    }));
    for (const WorkOrder& wo : page.items) {
      if (seen++ >= max) break;
      fn(wo);
    }
    more = page.has_more && !page.items.empty();
    if (more) q.after = std::make_pair(page.items.back().created_at, page.items.back().id);
  }
  return OkStatus();
}

namespace {

store::WorkOrderQuery AllOf(JurisdictionId j) {
  store::WorkOrderQuery q;
  q.jurisdiction = j;
  return q;
}

bool SignedFor(State s) {
  switch (s) {
    case State::kInProgress:
    case State::kReplied:
    case State::kAnswered:
    case State::kReopened:
    case State::kClosed:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::shared_ptr<Insights::Models> Insights::BuildModels(JurisdictionId j, const JurisdictionData& data) {
  auto m = std::make_shared<Models>();
  std::optional<std::string> model, info, keywords;
  const Status read = store_.Read([&](store::ReadTxn& txn) -> Status {
    LZ_ASSIGN_OR_RETURN(model, txn.GetJurisdictionFile(j, kClassifierModelFile));
    LZ_ASSIGN_OR_RETURN(info, txn.GetJurisdictionFile(j, kClassifierInfoFile));
    LZ_ASSIGN_OR_RETURN(keywords, txn.GetJurisdictionFile(j, kCategoryKeywordsFile));
    return OkStatus();
  });
  if (!read.ok()) std::cerr << "insights: " << read.error().message << " " << read.error().detail << "\n";
  std::vector<insight::KeywordRule> extra;
  if (keywords) {
    auto rules = insight::KeywordClassifier::ParseRules(*keywords, kCategoryKeywordsFile, data.directory);
    if (rules.ok()) {
      extra = std::move(rules).value();
    } else {
      std::cerr << "insights: " << rules.error().message << "\n";
    }
  }
  m->keywords = insight::KeywordClassifier::FromTaxonomy(data.directory.categories(), segmenter_, extra);
  if (model) {
    auto bytes = FromBase64(*model);
    auto c = bytes ? insight::TextClassifier::Deserialize(*bytes, kClassifierModelFile, segmenter_)
                   : Result<insight::TextClassifier>(
                         MakeError(ErrorCode::kInvalidArgument, "classifier.model: not base64"));
    if (c.ok()) {
      m->classifier = std::move(c).value();
      try {
        const auto j_info = nlohmann::json::parse(info.value_or("{}"));
        m->trained_at = Timestamp(std::chrono::seconds(j_info.value("trained_at", std::int64_t{0})));
      } catch (const std::exception&) {
        m->trained_at = Timestamp{};  // unknown: retrain at the next pass
      }
    } else {
      // A model of another segmenter or version: retrain rather than fail.
      std::cerr << "insights: stored model not used: " << c.error().message << "\n";
    }
  }
  return m;
}

Status Insights::LearnDispatchHistory(JurisdictionId j, const JurisdictionData& data, Models& m) {
  insight::DispatchAdvisor advisor;
  LZ_RETURN_IF_ERROR(ForEachRecent(store_, AllOf(j), options_.max_dispatch_history, [&](const WorkOrder& wo) {
    if (wo.last_return)
      advisor.Learn({wo.category_code, wo.area_code, wo.last_return->unit, true}, data.directory);
    if (wo.lead_unit && SignedFor(wo.state))
      advisor.Learn({wo.category_code, wo.area_code, *wo.lead_unit, false}, data.directory);
  }));
  std::lock_guard lock(m.mu);
  m.dispatch = std::move(advisor);
  m.history_loaded = true;
  return OkStatus();
}

Result<TrainingReport> Insights::Train(JurisdictionId j, Models& m) {
  TrainingReport report;
  report.jurisdiction = j;
  std::vector<insight::LabelledMessage> rows;
  std::map<std::string, int> per_label;
  LZ_RETURN_IF_ERROR(ForEachRecent(store_, AllOf(j), options_.max_training_messages * 4, [&](const WorkOrder& wo) {
    if (static_cast<int>(rows.size()) >= options_.max_training_messages) return;
    if (wo.category_code.empty()) return;
    if (wo.category_source != CategorySource::kStaff && wo.category_source != CategorySource::kCitizen)
      return;  // never learn from the model's own unconfirmed guesses
    rows.push_back({wo.title, wo.detail, std::string(FirstLevelCode(wo.category_code)), 0});
    ++per_label[rows.back().label];
  }));
  int usable = 0;
  for (const auto& [label, n] : per_label) usable += n >= 10 ? 1 : 0;
  report.messages = static_cast<std::int64_t>(rows.size());
  if (static_cast<int>(rows.size()) < options_.min_training_messages || usable < 2) {
    report.note = "not enough labelled work orders (" + std::to_string(rows.size()) +
                  "); keyword rules classify until there are " +
                  std::to_string(options_.min_training_messages);
    return report;
  }
  const auto start = std::chrono::steady_clock::now();
  LZ_ASSIGN_OR_RETURN(insight::TextClassifier model,
                      insight::TextClassifier::Train(rows, insight::ClassifierOptions{}, segmenter_));
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.labels = model.labels();
  report.trained = true;
  const Timestamp now = time_.Now();
  const nlohmann::json info = {{"trained_at", now.time_since_epoch().count()},
                               {"messages", report.messages},
                               {"labels", report.labels},
                               {"seconds", report.seconds}};
  const std::string encoded = ToBase64(model.Serialize());
  LZ_RETURN_IF_ERROR(store_.Write([&](store::WriteTxn& txn) -> Status {
    LZ_RETURN_IF_ERROR(txn.PutJurisdictionFile(j, kClassifierModelFile, encoded, now));
    return txn.PutJurisdictionFile(j, kClassifierInfoFile, info.dump(), now);
  }));
  std::lock_guard lock(m.mu);
  m.classifier = std::move(model);
  m.trained_at = now;
  return report;
}

Result<TrainingReport> Insights::Refresh(JurisdictionId j, bool force) {
  std::lock_guard training(train_mu_);
  LZ_ASSIGN_OR_RETURN(auto data, cache_.Get(j));
  auto m = ModelsFor(j);
  bool load_history = false, stale = force;
  {
    std::lock_guard lock(m->mu);
    load_history = !m->history_loaded;
    // Stale: never trained or too old, and not tried within the interval
    // (a jurisdiction without enough history is not re-counted every tick).
    const Timestamp now = time_.Now();
    const auto since = [&](const std::optional<Timestamp>& t) { return !t || now - *t >= options_.retrain_every; };
    stale = stale || (since(m->trained_at) && since(m->last_attempt));
    if (stale) m->last_attempt = now;
  }
  if (load_history) LZ_RETURN_IF_ERROR(LearnDispatchHistory(j, *data, *m));
  bool replay = false;
  {
    std::lock_guard lock(m->hot_mu);
    replay = m->hot == nullptr;
  }
  if (replay) LZ_RETURN_IF_ERROR(ReplayHotspots(j, *data, *m));
  TrainingReport report;
  report.jurisdiction = j;
  if (stale) {
    LZ_ASSIGN_OR_RETURN(report, Train(j, *m));
  } else {
    report.note = "the model is fresh";
  }
  std::lock_guard lock(m->mu);
  report.dispatch_outcomes = m->dispatch.outcomes();
  return report;
}

}  // namespace lizheng::app
