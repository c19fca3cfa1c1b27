#include "lizheng/insight/request_similarity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "text_bigrams.hpp"

namespace lizheng::insight {
namespace {

using Bag = BigramBag;

// A pool of a handful still needs a sensible IDF: it counts as at least
// this many documents, so that what two texts share is not discounted as if
// every document had it.
constexpr int kMinPool = 20;


using DocFrequency = std::unordered_map<std::uint64_t, int>;

void CountDocuments(const Bag& bag, DocFrequency& df) {
  for (const auto& [key, w] : bag) ++df[key];
}

// TF-IDF weights with a sub-linear term frequency, normalised to length 1.
std::vector<std::pair<std::uint64_t, double>> Weigh(const Bag& bag, const DocFrequency& df, int docs) {
  std::vector<std::pair<std::uint64_t, double>> out;
  out.reserve(bag.size());
  double norm = 0.0;
  for (const auto& [key, tf] : bag) {
    const auto it = df.find(key);
    const int n = it == df.end() ? 1 : it->second;
    const double w = (1.0 + std::log(tf)) * std::log(1.0 + static_cast<double>(docs) / n);
    out.emplace_back(key, w);
    norm += w * w;
  }
  if (norm > 0) {
    const double inv = 1.0 / std::sqrt(norm);
    for (auto& [key, w] : out) w *= inv;
  }
  return out;
}

double Cosine(const std::vector<std::pair<std::uint64_t, double>>& a,
              const std::vector<std::pair<std::uint64_t, double>>& b) {
  return SparseCosine(a, b);
}

std::string AreaName(const Directory& dir, std::string_view code) {
  const Area* a = dir.FindArea(code);
  return a ? a->name : std::string(code);
}

std::string Percent(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", x * 100.0);
  return buf;
}

// Place and time scale the text similarity; each factor explains itself.
double PlaceAndTime(const RequestText& probe, const RequestText& c, const Directory& dir,
                    const RepeatOptions& options, std::vector<AdviceReason>& reasons) {
  double factor = 1.0;
  if (probe.area_code == c.area_code) {
    const std::string name = AreaName(dir, c.area_code);
    reasons.push_back({"same_area", "同一地点：" + name, "same place: " + name});
  } else {
    factor *= 0.8;
    const std::string name = AreaName(dir, dir.DistrictOf(c.area_code));
    reasons.push_back({"same_district", "同一区县：" + name, "same district: " + name});
  }
  if (!probe.address.empty() && !c.address.empty()) {
    const double addr = TextSimilarity(RequestText{0, probe.address, {}, {}, {}, {}, {}},
                                       RequestText{0, c.address, {}, {}, {}, {}, {}});
    if (addr >= 0.5) {
      reasons.push_back({"similar_address", "地址相近：" + std::string(c.address),
                         "similar address: " + std::string(c.address)});
    } else {
      // Different addresses: the same complaint about another building is
      // usually another problem.
      factor *= 0.7;
    }
  }
  if (!probe.category_code.empty() && !c.category_code.empty()) {
    if (FirstLevelCode(probe.category_code) == FirstLevelCode(c.category_code)) {
      reasons.push_back({"same_category", "同一分类", "same category"});
    } else {
      factor *= 0.85;
    }
  }
  const double age_days =
      std::chrono::duration<double>(probe.created_at - c.created_at).count() / 86400.0;
  const double window_days = std::chrono::duration<double>(options.window).count() / 86400.0;
  factor *= 1.0 - 0.3 * std::clamp(std::abs(age_days) / window_days, 0.0, 1.0);
  const int days = static_cast<int>(std::abs(age_days));
  reasons.push_back({"recent", days == 0 ? "同一天提交" : std::to_string(days) + " 天前提交",
                     days == 0 ? "filed the same day" : "filed " + std::to_string(days) + " days apart"});
  return factor;
}

bool Eligible(const RequestText& probe, const RequestText& c, const Directory& dir,
              const RepeatOptions& options) {
  if (probe.id != 0 && c.id == probe.id) return false;
  const auto age = probe.created_at - c.created_at;
  if (age > options.window || -age > options.window) return false;
  return dir.DistrictOf(probe.area_code) == dir.DistrictOf(c.area_code);
}

}  // namespace

double TextSimilarity(const RequestText& a, const RequestText& b) {
  const Bag ba = BagOf(a.title, a.detail);
  const Bag bb = BagOf(b.title, b.detail);
  DocFrequency df;
  CountDocuments(ba, df);
  CountDocuments(bb, df);
  return Cosine(Weigh(ba, df, kMinPool), Weigh(bb, df, kMinPool));
}

std::vector<RepeatMatch> FindRepeats(const RequestText& probe, std::span<const RequestText> candidates,
                                     const Directory& directory, const RepeatOptions& options) {
  std::vector<const RequestText*> pool;
  for (const RequestText& c : candidates)
    if (Eligible(probe, c, directory, options)) pool.push_back(&c);
  if (pool.empty()) return {};
  std::vector<Bag> bags;
  bags.reserve(pool.size());
  DocFrequency df;
  const Bag probe_bag = BagOf(probe.title, probe.detail);
  CountDocuments(probe_bag, df);
  for (const RequestText* c : pool) {
    bags.push_back(BagOf(c->title, c->detail));
    CountDocuments(bags.back(), df);
  }
  const int docs = std::max<int>(kMinPool, static_cast<int>(pool.size()) + 1);
  const auto probe_vec = Weigh(probe_bag, df, docs);
  std::vector<RepeatMatch> out;
  for (std::size_t i = 0; i < pool.size(); ++i) {
    const double text_sim = Cosine(probe_vec, Weigh(bags[i], df, docs));
    if (text_sim < options.threshold) continue;  // place and time only lower it
    RepeatMatch m;
    m.id = pool[i]->id;
    m.text_similarity = text_sim;
    m.reasons.push_back({"text", "文本相似度 " + Percent(text_sim), "text similarity " + Percent(text_sim)});
    m.score = text_sim * PlaceAndTime(probe, *pool[i], directory, options, m.reasons);
    if (m.score >= options.threshold) out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const RepeatMatch& a, const RepeatMatch& b) {
    return a.score != b.score ? a.score > b.score : a.id > b.id;
  });
  if (out.size() > options.max_results) out.resize(options.max_results);
  return out;
}

}  // namespace lizheng::insight
