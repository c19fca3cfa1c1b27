// Personal data on the real data set: spans found per kind over every
// message (and reply) of messages.tsv, hot.tsv and replies.tsv, and how fast
// one core finds them; and the CPU time of masking one 256 KiB body (the
// API's limit) of each shape that once took quadratic time. Prints one JSON
// object.
//   personal_data_bench [dataset-dir] [--dump KIND N]
// --dump prints N spans of KIND (every k-th) with 12 characters of context
// either side, for reading by hand; it is how docs/personal-data.md was
// checked.
#include <time.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "lizheng/text/personal_data.hpp"
#include "lizheng/text/utf8.hpp"
#include "teddy2020_tsv.hpp"

namespace {

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Text {
  std::string where;  // file:id:field
  std::string text;
};

// Up to `n` code points of `s` before (or after) byte `at`.
std::string Context(const std::string& s, std::size_t at, std::size_t n, bool before) {
  const std::u32string cps = lizheng::text::DecodeUtf8(before ? s.substr(0, at) : s.substr(at));
  const std::u32string part =
      before ? cps.substr(cps.size() > n ? cps.size() - n : 0) : cps.substr(0, n);
  std::string out = lizheng::text::EncodeUtf8(part);
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

// CPU milliseconds to mask 256 KiB of `unit` repeated.
double AdversarialMilliseconds(const std::string& unit) {
  std::string body;
  while (body.size() < 256 * 1024) body += unit;
  const double cpu = CpuSeconds();
  const std::string masked = lizheng::text::MaskPersonalData(body);
  const double ms = (CpuSeconds() - cpu) * 1e3;
  return masked.empty() ? -1 : ms;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace lizheng::text;
  std::string dir = "../shared/datasets/teddy2020";
  std::string dump_kind;
  std::size_t dump_n = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--dump" && i + 2 < argc) {
      dump_kind = argv[++i];
      dump_n = std::stoul(argv[++i]);
    } else {
      dir = arg;
    }
  }
  std::vector<Text> texts;
  for (const char* file : {"messages.tsv", "hot.tsv", "replies.tsv"}) {
    for (const auto& row : lizheng::bench::ReadTeddy2020(dir + "/" + file)) {
      const std::string at = std::string(file) + ":" + row.id + ":";
      texts.push_back({at + "title", row.title});
      texts.push_back({at + "detail", row.detail});
      if (!row.reply.empty()) texts.push_back({at + "reply", row.reply});
    }
  }
  if (texts.empty()) {
    std::cerr << "no rows read from " << dir << "\n";
    return 1;
  }
  std::map<std::string, std::size_t> spans, texts_with;
  std::vector<std::pair<const Text*, PersonalDataSpan>> of_kind;
  std::size_t bytes = 0;
  const double cpu = CpuSeconds();
  for (const Text& t : texts) {
    std::map<std::string, bool> seen;
    for (const PersonalDataSpan& s : FindPersonalData(t.text)) {
      const std::string kind(PersonalDataKindName(s.kind));
      ++spans[kind];
      seen[kind] = true;
      if (kind == dump_kind) of_kind.emplace_back(&t, s);
    }
    for (const auto& [kind, _] : seen) ++texts_with[kind];
    bytes += t.text.size();
  }
  const double seconds = CpuSeconds() - cpu;
  if (!dump_kind.empty()) {
    const std::size_t step =
        std::max<std::size_t>(1, of_kind.size() / std::max<std::size_t>(1, dump_n));
    for (std::size_t k = 0; k < of_kind.size(); k += step) {
      const auto& [t, s] = of_kind[k];
      std::cout << t->where << "\t" << Context(t->text, s.begin, 12, true) << "【"
                << t->text.substr(s.begin, s.end - s.begin) << "】"
                << Context(t->text, s.end, 12, false) << "\n";
    }
    return 0;
  }
  std::cout << nlohmann::json{{"texts", texts.size()},
                              {"spans_by_kind", spans},
                              {"texts_with_kind", texts_with},
                              {"texts_per_second_cpu", texts.size() / seconds},
                              {"megabytes_per_second_cpu", bytes / seconds / 1e6},
                              {"adversarial_256k_cpu_ms",
                               {{"1 1 1", AdversarialMilliseconds("1 ")},
                                {"1-2-1-2", AdversarialMilliseconds("1-2-")},
                                {"1.1.1", AdversarialMilliseconds("1.")},
                                {"wx-wx-", AdversarialMilliseconds("wx-")}}}}
                   .dump(2)
            << "\n";
  return 0;
}
