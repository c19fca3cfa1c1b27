// Risk flags on the real data set: how many messages get which flag, and
// how many messages per second one core assesses. Prints one JSON object.
//   risk_flags_bench [messages.tsv] [hot.tsv] [--dump flagged|unflagged|fast N]
// --dump prints N messages (every k-th, spread over both files) with their
// flags, for reading by hand; it is how docs/risk-flags.md was checked.
#include <time.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "lizheng/insight/risk_flags.hpp"
#include "lizheng/text/utf8.hpp"
#include "teddy2020_tsv.hpp"

namespace {

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Message {
  std::string source;
  lizheng::bench::TsvRow row;
};

// Up to `n` code points of `s` before (or after) byte `at`, on one line.
std::string Around(const std::string& s, std::size_t at, bool before, std::size_t n = 20) {
  const std::u32string cps = lizheng::text::DecodeUtf8(before ? s.substr(0, at) : s.substr(at));
  std::u32string part = before ? cps.substr(cps.size() > n ? cps.size() - n : 0) : cps.substr(0, n);
  for (char32_t& c : part)
    if (c == U'\n') c = U' ';
  return lizheng::text::EncodeUtf8(part);
}

void Dump(const std::vector<Message>& all, const lizheng::insight::RiskDetector& detector,
          const std::string& mode, std::size_t n) {
  using namespace lizheng::insight;
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const RiskRequest r{all[i].row.title, all[i].row.detail, all[i].row.category};
    const RiskAssessment a = detector.Assess(r);
    const bool take = mode == "fast" ? a.fast_lane : (mode == "flagged") != a.flags.empty();
    if (take) picked.push_back(i);
  }
  const std::size_t step = std::max<std::size_t>(1, picked.size() / std::max<std::size_t>(1, n));
  for (std::size_t k = 0; k < picked.size() && k / step < n; k += step) {
    const Message& m = all[picked[k]];
    const RiskAssessment a = detector.Assess({m.row.title, m.row.detail, m.row.category});
    std::cout << "=== " << m.source << " #" << picked[k] << " id=" << m.row.id
              << (a.fast_lane ? " FAST" : "") << "\n";
    for (const RiskFlag& f : a.flags) {
      const std::string& text = f.field == RequestField::kTitle ? m.row.title : m.row.detail;
      std::cout << "  [" << RiskLevelName(f.level) << "] " << f.reason_zh << "  ..."
                << Around(text, f.begin, true) << "<<" << text.substr(f.begin, f.end - f.begin)
                << ">>" << Around(text, f.end, false) << "...\n";
    }
    std::cout << "  T: " << m.row.title
              << "\n  D: " << Around(m.row.detail, 0, false, a.flags.empty() ? 400 : 120) << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace lizheng::insight;
  std::vector<std::string> files = {"../shared/datasets/teddy2020/messages.tsv",
                                    "../shared/datasets/teddy2020/hot.tsv"};
  std::string dump;
  std::size_t dump_n = 0;
  for (int i = 1, file = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--dump" && i + 2 < argc) {
      dump = argv[++i];
      dump_n = std::stoul(argv[++i]);
    } else if (file < 2) {
      files[file++] = arg;
    }
  }
  std::vector<Message> all;
  for (const std::string& f : files)
    for (auto& row : lizheng::bench::ReadTeddy2020(f)) all.push_back(Message{f, std::move(row)});
  if (all.empty()) {
    std::cerr << "no messages read from " << files[0] << " and " << files[1] << "\n";
    return 1;
  }
  const RiskDetector detector;
  if (!dump.empty()) {
    Dump(all, detector, dump, dump_n);
    return 0;
  }
  std::map<std::string, std::size_t> by_kind_level, by_kind;
  std::size_t flagged = 0, fast = 0, urgent_or_more = 0;
  for (const Message& m : all) {
    const RiskAssessment a = detector.Assess({m.row.title, m.row.detail, m.row.category});
    flagged += !a.flags.empty();
    fast += a.fast_lane;
    urgent_or_more += a.SuggestedUrgency() != lizheng::Urgency::kNormal;
    for (RiskKind k : {RiskKind::kDanger, RiskKind::kManyPeople, RiskKind::kMassIncident}) {
      if (auto level = a.LevelOf(k)) {
        ++by_kind[std::string(RiskKindName(k))];
        ++by_kind_level[std::string(RiskKindName(k)) + "." + std::string(RiskLevelName(*level))];
      }
    }
  }
  constexpr int kRounds = 5;
  std::size_t bytes = 0, sink = 0;
  const double cpu = CpuSeconds();
  for (int round = 0; round < kRounds; ++round) {
    for (const Message& m : all) {
      sink += detector.Assess({m.row.title, m.row.detail, m.row.category}).flags.size();
      bytes += m.row.title.size() + m.row.detail.size();
    }
  }
  const double seconds = CpuSeconds() - cpu;
  std::cout << nlohmann::json{{"messages", all.size()},
                              {"flagged", flagged},
                              {"urgent_or_emergency", urgent_or_more},
                              {"fast_lane", fast},
                              {"messages_with_kind", by_kind},
                              {"messages_by_kind_and_highest_level", by_kind_level},
                              {"messages_per_second_cpu", kRounds * all.size() / seconds},
                              {"megabytes_per_second_cpu", bytes / seconds / 1e6},
                              {"flags_seen", sink}}
                   .dump(2)
            << "\n";
  return 0;
}
