// `lizheng classify train --db PATH`: the jurisdiction's own classifier,
// trained from its labelled work orders and stored in the database, where
// every running server picks it up. The same training the scheduler runs
// once a day, on demand.
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "lizheng/app/insights.hpp"

namespace lizheng::cli {

int ClassifyFromDatabase(const Args& args) {
  auto flags = Flags::Parse(args, {"db", "jurisdiction", "dictionary"});
  if (!flags.ok()) {
    std::cerr << "lizheng classify train: " << flags.error().message << "\n";
    return 2;
  }
  auto store = Open(*flags);
  if (!store.ok()) {
    std::cerr << "lizheng classify train: " << store.error().message << "\n";
    return 1;
  }
  auto j = PickJurisdiction(**store, *flags);
  if (!j.ok()) {
    std::cerr << "lizheng classify train: " << j.error().message << "\n";
    return 1;
  }
  text::SegmenterOptions seg;
  seg.dictionary_path = flags->GetOr("dictionary", seg.dictionary_path);
  auto segmenter = text::Segmenter::Load(seg);
  if (!segmenter.ok()) {
    std::cerr << "lizheng classify train: --dictionary: " << segmenter.error().message << "\n";
    return 1;
  }
  app::SystemTime time;
  app::JurisdictionCache cache(**store, time, std::chrono::seconds(60));
  app::Insights insights(**store, cache, time, std::move(segmenter).value());
  auto report = insights.Refresh(j->id, /*force=*/true);
  if (!report.ok()) {
    std::cerr << "lizheng classify train: " << report.error().message << "\n";
    return 1;
  }
  nlohmann::json out = {{"jurisdiction", j->code},
                        {"trained", report->trained},
                        {"messages", report->messages},
                        {"labels", report->labels},
                        {"train_seconds", report->seconds},
                        {"dispatch_outcomes", report->dispatch_outcomes}};
  if (!report->note.empty()) out["note"] = report->note;
  std::cout << out.dump() << "\n";
  return report->trained ? 0 : 1;
}

}  // namespace lizheng::cli
