#include "lizheng/insight/classify_command.hpp"

#include <algorithm>
#include <chrono>
#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "lizheng/insight/evaluation.hpp"
#include "lizheng/insight/text_classifier.hpp"

namespace lizheng::insight {

namespace {

constexpr int kOk = 0;
constexpr int kFailure = 1;
constexpr int kUsage = 2;

constexpr std::string_view kUsageText =
    "usage: classify train --data FILE --model OUT [options]\n"
    "       classify eval --model M --data FILE [--dictionary PATH]\n"
    "       classify cv --data FILE [--folds 5] [options]\n";

struct Flags {
  std::string command;
  std::string data;
  std::string model;
  std::size_t folds = 5;
  std::uint64_t seed = 1;
  text::SegmenterOptions segmenter;
  ClassifierOptions classifier;
};

double Seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

template <class T>
bool ParseNumber(std::string_view s, T& out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool ParseDouble(const std::string& s, double& out) {
  try {
    std::size_t used = 0;
    out = std::stod(s, &used);
    return used == s.size();
  } catch (const std::exception&) {
    return false;
  }
}

// "" when `v` parses as a whole number into `target`, else the problem.
template <class T>
std::string WholeNumber(const std::string& name, const std::string& v, T& target) {
  if (ParseNumber(v, target)) return "";
  return name + ": expected a whole number, got '" + v + "'";
}

// "" when `v` parses as a number in [low, high] into `target`, else the problem.
std::string Number(const std::string& name, const std::string& v, double low, double high,
                   double& target) {
  if (ParseDouble(v, target) && target >= low && target <= high) return "";
  return name + ": expected a number in [" + std::to_string(low) + ", " + std::to_string(high) +
         "], got '" + v + "'";
}

// Parses the flags after the subcommand; returns an error message or "".
std::string ParseFlags(std::span<const std::string> args, Flags& f) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& name = args[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    const auto need = [&](std::string& target) -> std::string {
      const std::optional<std::string> v = value();
      if (!v) return name + ": missing value";
      target = *v;
      return "";
    };
    std::string v;
    std::string problem;
    FeatureOptions& fo = f.classifier.features;
    LinearOptions& lo = f.classifier.linear;
    if (name == "--data") {
      problem = need(f.data);
    } else if (name == "--model") {
      problem = need(f.model);
    } else if (name == "--dictionary") {
      problem = need(f.segmenter.dictionary_path);
    } else if (name == "--user-dictionary") {
      problem = need(v);
      f.segmenter.user_dictionary_paths.push_back(v);
    } else if (name == "--folds") {
      if ((problem = need(v)).empty()) problem = WholeNumber(name, v, f.folds);
    } else if (name == "--seed") {
      if ((problem = need(v)).empty()) problem = WholeNumber(name, v, f.seed);
    } else if (name == "--title-repeat") {
      if ((problem = need(v)).empty()) problem = WholeNumber(name, v, fo.title_repeat);
    } else if (name == "--min-df") {
      if ((problem = need(v)).empty()) problem = WholeNumber(name, v, fo.min_df);
    } else if (name == "--threads") {
      if ((problem = need(v)).empty()) problem = WholeNumber(name, v, lo.threads);
    } else if (name == "--c") {
      if ((problem = need(v)).empty()) problem = Number(name, v, 1e-6, 1e6, lo.c);
    } else if (name == "--confidence-scale") {
      if ((problem = need(v)).empty()) {
        problem = Number(name, v, 1e-6, 1e6, f.classifier.confidence_scale);
      }
    } else if (name == "--char-ngrams") {
      if ((problem = need(v)).empty()) {
        const std::size_t colon = v.find(':');
        const std::string_view sv(v);
        if (colon == std::string::npos || !ParseNumber(sv.substr(0, colon), fo.char_min_n) ||
            !ParseNumber(sv.substr(colon + 1), fo.char_max_n) || fo.char_min_n > fo.char_max_n ||
            fo.char_max_n > 8) {
          problem = name + ": expected MIN:MAX with MIN <= MAX <= 8 (0:0 disables), got '" + v +
                    "'";
        }
      }
    } else if (name == "--block-weights") {
      if ((problem = need(v)).empty()) {
        std::size_t start = 0;
        for (std::size_t b = 0; b < kFeatureBlockCount && problem.empty(); ++b) {
          const std::size_t comma = v.find(',', start);
          double d = 0;
          const std::size_t length = comma == std::string::npos ? comma : comma - start;
          if (!ParseDouble(v.substr(start, length), d) || d < 0 ||
              (b + 1 < kFeatureBlockCount && comma == std::string::npos)) {
            problem = name + ": expected four non-negative numbers CHARS,WORDS,BIGRAMS,HEAD, got '" +
                      v + "'";
          }
          fo.block_weight[b] = static_cast<float>(d);
          start = comma + 1;
        }
      }
    } else if (name == "--no-words") {
      fo.words = false;
    } else if (name == "--unbalanced") {
      lo.balanced_class_weights = false;
    } else if (name == "--word-bigrams") {
      fo.word_bigrams = true;
    } else if (name == "--head-chars") {
      if ((problem = need(v)).empty()) problem = WholeNumber(name, v, fo.head_chars);
    } else if (name == "--nb-share") {
      if ((problem = need(v)).empty()) problem = Number(name, v, 0.0, 1.0, lo.nb_svm_share);
    } else {
      problem = "unknown flag '" + name + "'";
    }
    if (!problem.empty()) return problem;
  }
  return "";
}

nlohmann::json ReportJson(const std::string& command, const EvaluationReport& r,
                          const text::Segmenter& segmenter) {
  nlohmann::json classes = nlohmann::json::array();
  for (const ClassMetrics& c : r.classes) {
    classes.push_back({{"label", c.label},
                       {"precision", c.precision},
                       {"recall", c.recall},
                       {"f1", c.f1},
                       {"support", c.support},
                       {"predicted", c.predicted}});
  }
  nlohmann::json j = {{"command", command},
                      {"messages", r.messages},
                      {"macro_f1", r.macro_f1},
                      {"accuracy", r.accuracy},
                      {"log_loss", r.log_loss},
                      {"train_seconds", r.train_seconds},
                      {"predict_seconds", r.predict_seconds},
                      {"messages_per_second",
                       r.predict_seconds > 0 ? static_cast<double>(r.messages) / r.predict_seconds
                                             : 0.0},
                      {"classes", classes},
                      {"segmenter", segmenter.status()}};
  if (r.folds > 0) {
    j["folds"] = r.folds;
    j["extract_seconds"] = r.extract_seconds;
  }
  return j;
}

int Fail(std::ostream& err, const Error& e) {
  err << "classify: " << e.message << "\n";
  return kFailure;
}

}  // namespace

int RunClassifyCommand(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kUsageText;
    return kUsage;
  }
  Flags f;
  f.command = args[0];
  if (f.command != "train" && f.command != "eval" && f.command != "cv") {
    err << "classify: unknown subcommand '" << f.command << "'\n" << kUsageText;
    return kUsage;
  }
  if (const std::string problem = ParseFlags(args, f); !problem.empty()) {
    err << "classify " << f.command << ": " << problem << "\n" << kUsageText;
    return kUsage;
  }
  if (f.data.empty() || (f.command != "cv" && f.model.empty())) {
    err << "classify " << f.command << ": --data"
        << (f.command != "cv" ? " and --model are" : " is") << " required\n"
        << kUsageText;
    return kUsage;
  }
  Result<text::Segmenter> segmenter = text::Segmenter::Load(f.segmenter);
  if (!segmenter.ok()) return Fail(err, segmenter.error());
  Result<std::vector<LabelledMessage>> rows = ReadLabelledMessagesTsv(f.data);
  if (!rows.ok()) return Fail(err, rows.error());

  if (f.command == "cv") {
    CrossValidationOptions cv;
    cv.folds = f.folds;
    cv.seed = f.seed;
    Result<EvaluationReport> report = CrossValidate(*rows, f.classifier, *segmenter, cv);
    if (!report.ok()) return Fail(err, report.error());
    out << ReportJson("cv", *report, *segmenter).dump() << "\n";
    return kOk;
  }
  if (f.command == "train") {
    const double t0 = Seconds();
    Result<TextClassifier> model = TextClassifier::Train(*rows, f.classifier, *segmenter, f.seed);
    if (!model.ok()) return Fail(err, model.error());
    const double train_seconds = Seconds() - t0;
    if (Status s = model->Save(f.model); !s.ok()) return Fail(err, s.error());
    out << nlohmann::json{{"command", "train"},
                          {"model", f.model},
                          {"messages", rows->size()},
                          {"labels", model->labels()},
                          {"features", model->feature_count()},
                          {"train_seconds", train_seconds},
                          {"segmenter", segmenter->status()}}
               .dump()
        << "\n";
    return kOk;
  }
  Result<TextClassifier> model = TextClassifier::Load(f.model, *segmenter);
  if (!model.ok()) return Fail(err, model.error());
  std::vector<std::uint32_t> gold, predicted;
  const std::vector<std::string>& labels = model->labels();
  PredictionBuffers buffers;
  const double t0 = Seconds();
  for (const LabelledMessage& m : *rows) {
    const auto it = std::find(labels.begin(), labels.end(), m.label);
    if (it == labels.end()) {
      err << "classify eval: " << f.data << ":" << m.line << ": label '" << m.label
          << "' is not one the model knows\n";
      return kFailure;
    }
    gold.push_back(static_cast<std::uint32_t>(it - labels.begin()));
    const Prediction p = model->Predict(m.title, m.detail, buffers);
    predicted.push_back(static_cast<std::uint32_t>(p.label_index));
  }
  EvaluationReport report = ScoreClassification(labels, gold, predicted);
  report.predict_seconds = Seconds() - t0;
  out << ReportJson("eval", report, *segmenter).dump() << "\n";
  return kOk;
}

}  // namespace lizheng::insight
