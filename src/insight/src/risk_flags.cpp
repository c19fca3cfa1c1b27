#include "lizheng/insight/risk_flags.hpp"

#include <algorithm>
#include <cmath>

#include "lizheng/text/utf8.hpp"
#include "risk_arrears.hpp"
#include "risk_context.hpp"
#include "risk_counts.hpp"
#include "risk_lexicon.hpp"

namespace lizheng::insight {

struct RiskDetector::Lexicon {
  CueIndex index{BuiltInCues()};
};

namespace {

// Thresholds of the many-people flag, in people; a household counts as
// three people. Wage arrears are judged by the number of workers.
constexpr double kPeoplePerHousehold = 3;
constexpr double kManyPeopleWatch = 50;
constexpr double kManyPeopleUrgent = 1000;
constexpr double kPopulationFigure = 1e5;  // "全县142万人": a statistic, not who is affected
constexpr double kArrearsWatch = 10;
constexpr double kArrearsUrgent = 30;
constexpr double kArrearsEmergency = 100;
constexpr std::string_view kLabourCategory = "劳动和社会保障";

// One field decoded, with the byte offset of every code point (and one past
// the end) so that evidence found on code points maps back to bytes.
struct Field {
  RequestField which;
  std::u32string cps;
  std::vector<std::size_t> offsets;
};

Field Decode(std::string_view utf8, RequestField which) {
  Field f{which, {}, {}};
  f.cps.reserve(utf8.size() / 2);
  f.offsets.reserve(utf8.size() / 2 + 1);
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const text::DecodedCodePoint one = text::DecodeOne(utf8, pos);
    f.cps.push_back(one.code_point);
    f.offsets.push_back(pos);
    pos += one.length == 0 ? 1 : one.length;
  }
  f.offsets.push_back(utf8.size());
  return f;
}

RiskLevel Lower(RiskLevel l) {
  return l == RiskLevel::kEmergency ? RiskLevel::kUrgent : RiskLevel::kWatch;
}
RiskLevel Raise(RiskLevel l) {
  return l == RiskLevel::kWatch ? RiskLevel::kUrgent : RiskLevel::kEmergency;
}

std::string_view KindPrefixZh(RiskKind kind) {
  switch (kind) {
    case RiskKind::kDanger: return "危及人身财产安全：";
    case RiskKind::kManyPeople: return "涉及人数众多：";
    case RiskKind::kMassIncident: return "群体性事件风险：";
  }
  return "";
}

std::string_view KindPrefixEn(RiskKind kind) {
  switch (kind) {
    case RiskKind::kDanger: return "danger to life or property: ";
    case RiskKind::kManyPeople: return "many people affected: ";
    case RiskKind::kMassIncident: return "risk of a mass incident: ";
  }
  return "";
}

// A flag found, with what identifies its cue for de-duplication.
struct Candidate {
  RiskFlag flag;
  std::string_view concept_key;  // the cue's concept, or "count"/"arrears"
  const Cue* cue = nullptr;      // the cue that raised it, if any
  bool by_intensity = false;     // urgent only because the text calls it severe
  std::size_t at = 0;            // code point where the evidence starts
};

void AddFlag(const Field& f, std::size_t begin, std::size_t end, RiskKind kind, RiskLevel level,
             std::string zh, std::string en, std::string_view key, std::vector<Candidate>& out) {
  RiskFlag flag{kind,           level,         f.which,      f.offsets[begin],
                f.offsets[end], std::move(zh), std::move(en)};
  out.push_back(Candidate{std::move(flag), key, nullptr, false, begin});
}

// The level of a cue in its context, or nothing when the context denies it.
// Notes for the reason are appended to `zh_note` and `en_note`.
std::optional<RiskLevel> JudgeCue(const Cue& cue, const CueContext& ctx, std::string& zh_note,
                                  std::string& en_note, bool* by_intensity) {
  if (ctx.negated) return std::nullopt;
  RiskLevel level = cue.level;
  if (cue.kind != RiskKind::kDanger) return level;  // a feared mass incident is still a warning
  if (cue.first_person && !ctx.first_person) {
    level = Lower(level);
    zh_note += "（非本人表述，降一级）";
    en_note += " (not said of the writer; one level lower)";
  }
  if (ctx.imminent) {
    level = Raise(level);
    zh_note += "（迫在眉睫，升一级）";
    en_note += " (imminent; one level higher)";
  } else if (ctx.hedged) {
    if (level == RiskLevel::kWatch) return std::nullopt;  // "以免发生安全事故": boilerplate
    level = Lower(level);
    zh_note += "（假设或担心的语气，降一级）";
    en_note += " (feared or hypothetical; one level lower)";
  } else if (ctx.intensified && level == RiskLevel::kWatch) {
    level = RiskLevel::kUrgent;
    *by_intensity = true;
    zh_note += "（程度严重，升一级）";
    en_note += " (described as severe; one level higher)";
  }
  return level;
}

// What the lexicon finds in one field. Appends the positions of arrears
// cues to `arrears`; worker collectives (全体员工) are kept aside for the
// wage-arrears rule.
void ScanCues(const CueIndex& index, const Field& f, std::vector<Candidate>& out,
              std::vector<Candidate>& worker_crowds, std::vector<std::size_t>& arrears) {
  const std::u32string_view s = f.cps;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    const Cue* cue = index.LongestAt(s, i, &len);
    if (cue == nullptr) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    i += len;
    if (cue->role == CueRole::kBlocker) continue;
    if (cue->role == CueRole::kArrears) {
      arrears.push_back(begin);
      continue;
    }
    std::string zh_note, en_note;
    const CueContext ctx = ReadCueContext(s, begin, begin + len);
    bool by_intensity = false;
    const std::optional<RiskLevel> level = JudgeCue(*cue, ctx, zh_note, en_note, &by_intensity);
    if (!level) continue;
    std::string zh = std::string(KindPrefixZh(cue->kind)) + std::string(cue->zh) + zh_note;
    std::string en = std::string(KindPrefixEn(cue->kind)) + std::string(cue->en) + en_note;
    std::vector<Candidate>& into = cue->workers ? worker_crowds : out;
    AddFlag(f, begin, begin + len, cue->kind, *level, std::move(zh), std::move(en), cue->zh, into);
    into.back().cue = cue;
    into.back().by_intensity = by_intensity;
  }
}

std::string Rounded(double v) {
  return std::to_string(static_cast<long long>(std::floor(v)));
}

// The many-people flag of one count, if it is large enough.
void JudgeCount(const Field& f, const PeopleCount& c, bool arrears, std::vector<Candidate>& out) {
  const std::string evidence =
      text::EncodeUtf8(std::u32string_view(f.cps).substr(c.begin, c.end - c.begin));
  const bool workers = c.group == CountedGroup::kWorkers || c.group == CountedGroup::kAnyone;
  // `arrears`: wages are owed in the title, or close to the count.
  if (arrears && workers && c.count >= kArrearsWatch) {
    const RiskLevel level = c.count >= kArrearsEmergency ? RiskLevel::kEmergency
                            : c.count >= kArrearsUrgent  ? RiskLevel::kUrgent
                                                         : RiskLevel::kWatch;
    AddFlag(f, c.begin, c.end, RiskKind::kManyPeople, level,
            "涉及人数众多：拖欠" + evidence + "的工资",
            "many people affected: wages owed to about " + Rounded(c.count) + " workers", "arrears",
            out);
    return;
  }
  const bool households = c.group == CountedGroup::kHouseholds;
  const double people = households ? c.count * kPeoplePerHousehold : c.count;
  if (people < kManyPeopleWatch) return;
  const RiskLevel level = people >= kManyPeopleUrgent && people < kPopulationFigure
                              ? RiskLevel::kUrgent
                              : RiskLevel::kWatch;
  AddFlag(
      f, c.begin, c.end, RiskKind::kManyPeople, level, "涉及人数众多：" + evidence,
      "many people affected: about " + Rounded(c.count) + (households ? " households" : " people"),
      "count", out);
}

}  // namespace

RiskDetector::RiskDetector() : lexicon_(std::make_shared<const Lexicon>()) {}

namespace {

// Keeps the strongest flag per concept and field, strongest first, at most
// kMaxFlags; then decides the fast lane.
void Finish(std::vector<Candidate>& found, RiskAssessment& a) {
  auto stronger = [](const Candidate& x, const Candidate& y) {
    if (x.flag.level != y.flag.level) return x.flag.level > y.flag.level;
    if (x.flag.kind != y.flag.kind) return x.flag.kind < y.flag.kind;
    if (x.flag.field != y.flag.field) return x.flag.field < y.flag.field;
    return x.flag.begin < y.flag.begin;
  };
  std::stable_sort(found.begin(), found.end(), stronger);
  std::vector<const Candidate*> kept;
  for (std::size_t i = 0; i < found.size() && kept.size() < RiskAssessment::kMaxFlags; ++i) {
    bool seen = false;
    for (const Candidate* k : kept)
      seen = seen || (k->flag.kind == found[i].flag.kind && k->flag.field == found[i].flag.field &&
                      k->concept_key == found[i].concept_key);
    if (!seen) kept.push_back(&found[i]);
  }
  // The fast lane: the first emergency, or the first urgent flag of each of
  // two kinds (a flag urgent only because the text calls it severe does not
  // count: "严重安全隐患" is said of many a blocked corridor).
  std::vector<const RiskFlag*> why;
  const RiskFlag* urgent[3] = {nullptr, nullptr, nullptr};
  for (const Candidate* k : kept) {
    if (k->flag.level == RiskLevel::kEmergency && why.empty()) why.push_back(&k->flag);
    const int kind = static_cast<int>(k->flag.kind);
    if (k->flag.level >= RiskLevel::kUrgent && !k->by_intensity && urgent[kind] == nullptr)
      urgent[kind] = &k->flag;
  }
  if (why.empty()) {
    for (const RiskFlag* f : urgent)
      if (f != nullptr) why.push_back(f);
    if (why.size() < 2) why.clear();
  }
  a.fast_lane = !why.empty();
  for (const RiskFlag* f : why) {
    a.fast_lane_reason_zh += (a.fast_lane_reason_zh.empty() ? "" : "；") + f->reason_zh;
    a.fast_lane_reason_en += (a.fast_lane_reason_en.empty() ? "" : "; ") + f->reason_en;
  }
  for (const Candidate* k : kept) a.flags.push_back(k->flag);
}

}  // namespace

RiskAssessment RiskDetector::Assess(const RiskRequest& request) const {
  const Field fields[2] = {Decode(request.title, RequestField::kTitle),
                           Decode(request.detail, RequestField::kDetail)};
  const bool labour = request.category == kLabourCategory;
  std::vector<Candidate> found;
  std::vector<Candidate> worker_crowds;
  std::vector<std::size_t> arrears[2];  // per field: where wages are said to be owed
  for (int i = 0; i < 2; ++i) {
    ScanCues(lexicon_->index, fields[i], found, worker_crowds, arrears[i]);
    FindUnpaidWages(fields[i].cps, labour, arrears[i]);
    std::sort(arrears[i].begin(), arrears[i].end());
  }
  const bool title_arrears = !arrears[0].empty();
  std::vector<PeopleCount> counts;
  for (int i = 0; i < 2; ++i) {
    counts.clear();
    FindPeopleCounts(fields[i].cps, counts);
    for (const PeopleCount& c : counts)
      JudgeCount(fields[i], c, title_arrears || NearUnpaidWages(arrears[i], c.begin), found);
  }
  // 全体员工 and the like: many people at any time, wage arrears of many
  // workers (urgent) when wages are owed nearby.
  for (Candidate& c : worker_crowds) {
    const int i = c.flag.field == RequestField::kTitle ? 0 : 1;
    if (title_arrears || NearUnpaidWages(arrears[i], c.at)) {
      c.flag.level = RiskLevel::kUrgent;
      c.flag.reason_zh = "涉及人数众多：拖欠" + std::string(c.cue->zh) + "的工资";
      c.flag.reason_en = "many people affected: wages owed to " + std::string(c.cue->en);
      c.concept_key = "arrears";
    }
    found.push_back(std::move(c));
  }
  RiskAssessment a;
  Finish(found, a);
  return a;
}

std::optional<RiskLevel> RiskAssessment::LevelOf(RiskKind kind) const {
  std::optional<RiskLevel> level;
  for (const RiskFlag& f : flags)
    if (f.kind == kind && (!level || f.level > *level)) level = f.level;
  return level;
}

Urgency RiskAssessment::SuggestedUrgency() const {
  Urgency u = Urgency::kNormal;
  for (const RiskFlag& f : flags) {
    if (f.level == RiskLevel::kEmergency) return Urgency::kEmergency;
    if (f.level == RiskLevel::kUrgent) u = Urgency::kUrgent;
  }
  return u;
}

std::string_view RiskKindName(RiskKind kind) {
  switch (kind) {
    case RiskKind::kDanger: return "danger";
    case RiskKind::kManyPeople: return "many_people";
    case RiskKind::kMassIncident: return "mass_incident";
  }
  return "unknown";
}

std::string_view RiskLevelName(RiskLevel level) {
  switch (level) {
    case RiskLevel::kWatch: return "watch";
    case RiskLevel::kUrgent: return "urgent";
    case RiskLevel::kEmergency: return "emergency";
  }
  return "unknown";
}

std::string_view RequestFieldName(RequestField field) {
  return field == RequestField::kTitle ? "title" : "detail";
}

}  // namespace lizheng::insight
