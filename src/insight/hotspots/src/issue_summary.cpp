#include "issue_summary.hpp"

#include <algorithm>
#include <array>

namespace lizheng::insight::hotspots::detail {

namespace {

// Groups a request may speak for, most specific first where they overlap.
constexpr std::array<std::string_view, kPeopleWordCount> kPeople = {
    "业主", "学生", "家长", "村民", "居民", "职工", "员工", "农民工",
    "司机", "患者", "老人", "商户", "租户", "教师", "投资人", "乘客",
};

// Words that say where, not what: never in a description.
constexpr std::array<std::string_view, 12> kPlaceWords = {
    "小区", "附近", "周边", "门口", "对面", "旁边", "街道", "社区", "片区", "区域", "地方", "当地"};

bool IsDistrictCode(std::string_view w) {  // "a7", "k12": the data set's district codes
  return w.size() >= 2 && w.size() <= 3 && w[0] >= 'a' && w[0] <= 'z' &&
         std::all_of(w.begin() + 1, w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string LowerAscii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Whether `word` is part of a place name a third of the members mention.
bool InCommonPlaceName(const std::string& word, const IssueState& issue) {
  return std::any_of(issue.place_names.begin(), issue.place_names.end(), [&](const auto& p) {
    return 3 * p.second >= issue.messages && LowerAscii(p.first).find(word) != std::string::npos;
  });
}

// A keyword shown in the description: not a place the members name (it is
// shown as the place, or says where rather than what), not a people word,
// not a place word.
bool Describes(const ProfileTerm& t, const IssueState& issue) {
  if (t.text.size() < 2 || IsDistrictCode(t.text)) return false;
  if (InCommonPlaceName(t.text, issue)) return false;
  if (issue.PlaceIsRepresentative() &&
      LowerAscii(issue.place.place_name).find(t.text) != std::string::npos) {
    return false;
  }
  if (LowerAscii(issue.place.district_name).find(t.text) != std::string::npos) return false;
  if (std::find(kPlaceWords.begin(), kPlaceWords.end(), t.text) != kPlaceWords.end()) {
    return false;
  }
  return std::find(kPeople.begin(), kPeople.end(), t.text) == kPeople.end();
}

// Whether `t` is part of a word already shown (搅拌 beside 搅拌站), or the
// other way round.
bool Overlaps(const ProfileTerm& t, const std::vector<const ProfileTerm*>& shown) {
  return std::any_of(shown.begin(), shown.end(), [&](const ProfileTerm* s) {
    return s->text.find(t.text) != std::string::npos || t.text.find(s->text) != std::string::npos;
  });
}

// Up to four of the strongest keywords, in the order members use them.
std::string Description(const IssueState& issue, std::vector<std::string>& keywords) {
  std::vector<const ProfileTerm*> terms;
  for (const ProfileTerm& t : issue.profile) terms.push_back(&t);
  std::sort(terms.begin(), terms.end(), [](const ProfileTerm* a, const ProfileTerm* b) {
    return a->weight != b->weight ? a->weight > b->weight : a->text < b->text;
  });
  std::vector<const ProfileTerm*> shown;
  for (const ProfileTerm* t : terms) {
    keywords.push_back(t->text);
    if (shown.size() < 4 && Describes(*t, issue) && !Overlaps(*t, shown)) shown.push_back(t);
  }
  std::sort(shown.begin(), shown.end(), [](const ProfileTerm* a, const ProfileTerm* b) {
    return a->position_sum / a->count < b->position_sum / b->count;
  });
  std::string out;
  for (const ProfileTerm* t : shown) out += (out.empty() ? "" : "、") + t->text;
  return out;
}

// The group at least a third of the members (and two) speak for, or "".
std::string People(const IssueState& issue) {
  std::size_t best = kPeople.size();
  for (std::size_t i = 0; i < kPeople.size(); ++i) {
    if (issue.people[i] >= 2 && 3 * issue.people[i] >= issue.messages &&
        (best == kPeople.size() || issue.people[i] > issue.people[best])) {
      best = i;
    }
  }
  return best == kPeople.size() ? "" : std::string(kPeople[best]);
}

}  // namespace

std::uint32_t PeopleMask(std::string_view title, std::string_view details) {
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < kPeople.size(); ++i) {
    if (title.find(kPeople[i]) != std::string_view::npos ||
        details.find(kPeople[i]) != std::string_view::npos) {
      mask |= 1u << i;
    }
  }
  return mask;
}

IssueSummary Summarize(const IssueState& issue, double growth, bool open,
                       const HotnessWeights& weights) {
  IssueSummary s;
  s.id = issue.id;
  s.open = open;
  s.first = issue.first;
  s.last = issue.last;
  s.district = issue.place.district_name;
  if (issue.PlaceIsRepresentative()) {
    s.place = issue.place.place_name;
    s.place_kind = issue.place.kind;
  }
  s.people = People(issue);
  s.category = issue.category;
  for (const std::string* part : {&s.district, &s.place, &s.people}) {
    if (!part->empty()) s.place_or_people += (s.place_or_people.empty() ? "" : " ") + *part;
  }
  s.description = Description(issue, s.keywords);
  s.inputs = issue.Inputs(growth);
  s.hotness = HotnessIndex(s.inputs, weights);
  s.member_ids = issue.members;
  s.members_truncated = issue.members_truncated;
  return s;
}

}  // namespace lizheng::insight::hotspots::detail
