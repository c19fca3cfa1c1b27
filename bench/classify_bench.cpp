// Classifier throughput on the real data set: training on every message and
// single-thread prediction speed. Prints one JSON object.
//   classify_bench [messages.tsv] [model-out]
// Times are wall-clock and this thread's CPU time (the CPU figure is the one
// to compare on a shared, loaded machine).
#include <time.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "lizheng/insight/text_classifier.hpp"

namespace {

double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

double CpuSeconds(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace lizheng;
  const std::string path =
      argc > 1 ? argv[1] : "../shared/datasets/teddy2020/messages.tsv";
  Result<std::vector<insight::LabelledMessage>> rows = insight::ReadLabelledMessagesTsv(path);
  if (!rows.ok()) {
    std::cerr << rows.error().message << "\n";
    return 1;
  }
  double wall = WallSeconds();
  double cpu = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  Result<text::Segmenter> segmenter = text::Segmenter::Load({});
  if (!segmenter.ok()) {
    std::cerr << segmenter.error().message << "\n";
    return 1;
  }
  const double load_wall = WallSeconds() - wall;

  wall = WallSeconds();
  cpu = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  Result<insight::TextClassifier> model =
      insight::TextClassifier::Train(*rows, insight::ClassifierOptions{}, *segmenter);
  if (!model.ok()) {
    std::cerr << model.error().message << "\n";
    return 1;
  }
  const double train_wall = WallSeconds() - wall;
  const double train_cpu = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpu;
  if (argc > 2) {
    if (Status s = model->Save(argv[2]); !s.ok()) std::cerr << s.error().message << "\n";
  }

  insight::PredictionBuffers buffers;
  constexpr int kRounds = 3;
  std::size_t predicted = 0;
  std::size_t agree = 0;
  wall = WallSeconds();
  cpu = CpuSeconds(CLOCK_THREAD_CPUTIME_ID);
  for (int round = 0; round < kRounds; ++round) {
    for (const insight::LabelledMessage& m : *rows) {
      agree += model->Predict(m.title, m.detail, buffers).label == m.label;
      ++predicted;
    }
  }
  const double predict_wall = WallSeconds() - wall;
  const double predict_cpu = CpuSeconds(CLOCK_THREAD_CPUTIME_ID) - cpu;

  std::cout << nlohmann::json{{"messages", rows->size()},
                              {"segmenter", segmenter->status()},
                              {"dictionary_load_seconds", load_wall},
                              {"features", model->feature_count()},
                              {"train_wall_seconds", train_wall},
                              {"train_cpu_seconds", train_cpu},
                              {"predictions", predicted},
                              {"training_accuracy", static_cast<double>(agree) / predicted},
                              {"predict_wall_seconds", predict_wall},
                              {"predict_cpu_seconds", predict_cpu},
                              {"messages_per_second_wall", predicted / predict_wall},
                              {"messages_per_second_cpu", predicted / predict_cpu}}
                   .dump(2)
            << "\n";
  return 0;
}
