// Template rendering for the demo's requests, replies and phrases.
#include "demo_texts.hpp"

#include <cstdio>

#include "demo_tsv.hpp"

namespace lizheng::app::demo {
namespace {

// Slots filled by the generator rather than drawn from a word list.
constexpr std::string_view kContextSlots[] = {"street", "district", "caller", "title", "unit", "date"};

// The phrase kinds the walk asks for; Load checks each exists.
constexpr std::string_view kPhraseKinds[] = {
    "reject", "repeat_reject", "accept_note", "dispatch_note", "return", "reject_return",
    "redispatch", "sign_note", "passdown", "contact", "extension", "extension_approve",
    "extension_refuse", "supervise", "instruct", "ack", "sendback", "approve", "escalate",
    "callback_satisfied", "callback_basic", "callback_unsatisfied", "callback_unresolved", "close",
    "dispute", "rate_good", "rate_bad", "merge_note", "reopen"};

constexpr std::string_view kPhonePrefixes[] = {"1380000", "1390000", "1370000", "1500000", "1860000"};

// "road2" -> "road": numbered slots draw a second word of the same kind.
std::string_view KindOf(std::string_view slot) {
  while (!slot.empty() && slot.back() >= '0' && slot.back() <= '9') slot.remove_suffix(1);
  return slot;
}

const std::string* Find(const Words& words, std::string_view slot) {
  for (const auto& [k, v] : words)
    if (k == slot) return &v;
  return nullptr;
}

// Calls fn(slot) for every "{slot}" of a template.
template <class Fn>
void ForEachSlot(std::string_view text, Fn fn) {
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) return;
    fn(text.substr(open + 1, close - open - 1));
  }
}

bool Mentions(std::string_view text, std::string_view slot) {
  bool found = false;
  ForEachSlot(text, [&](std::string_view s) { found = found || s == slot; });
  return found;
}

}  // namespace

Result<TextBank> TextBank::Load() {
  TextBank bank;
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> words, ReadDemoTsv("words.tsv", 2));
  for (const TsvRow& r : words) bank.words_[r.fields[0]].push_back(r.fields[1]);
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> phrases, ReadDemoTsv("phrases.tsv", 2));
  for (const TsvRow& r : phrases) bank.phrases_[r.fields[0]].push_back(r.fields[1]);
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> replies, ReadDemoTsv("replies.tsv", 3));
  for (const TsvRow& r : replies)
    bank.replies_.push_back({r.fields[0], r.fields[1] == "*" ? "" : r.fields[1], r.fields[2]});
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> problems, ReadDemoTsv("problems.tsv", 6));
  for (const TsvRow& r : problems) {
    auto type = FromWire<RequestType>(r.fields[1]);
    double weight = 0;
    if (!type || std::sscanf(r.fields[2].c_str(), "%lf", &weight) != 1 || r.fields[3].size() != 1)
      return DataError("problems.tsv", r.line, "bad type, weight or urgency");
    bank.problems_.push_back({r.fields[0], *type, r.fields[3][0], r.fields[4], r.fields[5]});
    bank.weights_.push_back(weight);
  }
  bank.pick_problem_ = WeightedPick(bank.weights_);
  LZ_ASSIGN_OR_RETURN(std::vector<TsvRow> surges, ReadDemoTsv("surges.tsv", 4));
  for (const TsvRow& r : surges) {
    Surge s;
    std::vector<double> weights;
    for (std::size_t i = 0; i < bank.problems_.size(); ++i) {
      if (bank.problems_[i].category != r.fields[0]) continue;
      s.problems.push_back(i);
      weights.push_back(bank.weights_[i]);
    }
    s.pick = WeightedPick(weights);
    if (s.pick.empty() || std::sscanf(r.fields[1].c_str(), "%lf", &s.from_days_ago) != 1 ||
        std::sscanf(r.fields[2].c_str(), "%lf", &s.to_days_ago) != 1 ||
        std::sscanf(r.fields[3].c_str(), "%lf", &s.share) != 1)
      return DataError("surges.tsv", r.line, "unknown category or bad numbers");
    bank.surges_.push_back(std::move(s));
  }
  LZ_RETURN_IF_ERROR(bank.Check());
  return bank;
}

Status TextBank::Check() const {
  if (pick_problem_.empty()) return DataError("problems.tsv", 0, "no templates");
  std::string bad;
  const auto check = [&](std::string_view text) {
    ForEachSlot(text, [&](std::string_view slot) {
      for (std::string_view c : kContextSlots)
        if (slot == c) return;
      if (!words_.count(KindOf(slot))) bad = std::string(slot);
    });
  };
  for (const Problem& p : problems_) {
    check(p.title);
    check(p.detail);
  }
  for (const ReplyTemplate& r : replies_) check(r.text);
  if (!bad.empty()) return DataError("problems.tsv", 0, "no word list for {" + bad + "}");
  for (std::string_view kind : kPhraseKinds)
    if (!phrases_.count(kind)) return DataError("phrases.tsv", 0, "no phrase of kind " + std::string(kind));
  DemoRng probe(0);
  for (std::string_view kind : {"opening", "closing", "body", "again", "answer", "thanks"})
    if (Best(kind, "", probe).empty())
      return DataError("replies.tsv", 0, "no '" + std::string(kind) + "' template for any category");
  for (std::string_view kind : {"surname", "given", "road", "estate", "bldg", "appeal"})
    if (!words_.count(kind)) return DataError("words.tsv", 0, "no words of kind " + std::string(kind));
  return OkStatus();
}

const std::string& TextBank::Word(std::string_view kind, DemoRng& rng) const {
  return rng.Pick(words_.find(kind)->second);  // Check() proved every kind exists
}

std::string TextBank::Render(std::string_view text, Words& words, DemoRng& rng) const {
  std::string out;
  out.reserve(text.size() + 32);
  std::size_t pos = 0;
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', pos)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    const std::string_view slot = text.substr(open + 1, close - open - 1);
    const std::string* value = Find(words, slot);
    if (!value) {
      words.emplace_back(std::string(slot), Word(KindOf(slot), rng));
      value = &words.back().second;
    }
    out += *value;
    pos = close + 1;
  }
  out.append(text.substr(pos));
  return out;
}

const std::string& TextBank::Best(std::string_view kind, std::string_view category, DemoRng& rng) const {
  static const std::string kNone;
  std::vector<const std::string*> best;
  std::size_t best_len = 0;
  for (const ReplyTemplate& r : replies_) {
    if (r.kind != kind || category.substr(0, r.category.size()) != r.category) continue;
    if (best.empty() || r.category.size() > best_len) {
      best.clear();
      best_len = r.category.size();
    }
    if (r.category.size() == best_len) best.push_back(&r.text);
  }
  return best.empty() ? kNone : *best[rng.Below(best.size())];
}

Citizen TextBank::NewCitizen(DemoRng& rng, std::string& caller) const {
  const std::string& surname = Word("surname", rng);
  caller = surname + (rng.Chance(0.5) ? "先生" : "女士");
  Citizen c;
  c.name = rng.Chance(0.65) ? surname + Word("given", rng) : caller;
  c.phone = std::string(kPhonePrefixes[rng.Below(std::size(kPhonePrefixes))]) + rng.Digits(4);
  return c;
}

void TextBank::Fill(RequestText& r, DemoRng& rng) const {
  const Problem& p = problems_[r.problem];
  r.category = p.category;
  r.type = p.type;
  r.title = Render(p.title, r.words, rng);
  r.detail = Render(p.detail, r.words, rng);
  if (rng.Chance(0.7)) r.detail += Word("appeal", rng);
  const std::string& district = *Find(r.words, "district");
  const std::string& street = *Find(r.words, "street");
  if (Mentions(p.title, "estate") || Mentions(p.detail, "estate")) {
    r.address = district + street + *Find(r.words, "estate") + Word("bldg", rng) + "栋";
  } else {
    Words place = r.words;
    r.address = district + street + Render("{road}", place, rng) + std::to_string(rng.Between(1, 388)) + "号";
  }
}

RequestText TextBank::NewRequest(DemoRng& rng, const Area& area, const Area* district,
                                 double days_ago) const {
  RequestText r;
  r.problem = pick_problem_(rng);
  for (const Surge& s : surges_)
    if (days_ago <= s.from_days_ago && days_ago >= s.to_days_ago && rng.Chance(s.share))
      r.problem = s.problems[s.pick(rng)];
  r.area_code = area.code;
  r.words = {{"district", district ? district->name : area.name}, {"street", district ? area.name : ""}};
  Fill(r, rng);
  r.citizen = NewCitizen(rng, r.caller);
  const char u = problems_[r.problem].urgency;
  const double x = rng.Unit();
  if (u == 'e' && x < 0.08) {
    r.urgency = Urgency::kEmergency;
  } else if ((u == 'e' && x < 0.22) || (u == 'u' && x < 0.12) || x < 0.003) {
    r.urgency = Urgency::kUrgent;
  }
  return r;
}

RequestText TextBank::Repeat(const RequestText& first, DemoRng& rng) const {
  RequestText r;
  r.problem = first.problem;
  r.area_code = first.area_code;
  r.words = first.words;
  Fill(r, rng);
  r.urgency = first.urgency;
  r.citizen = NewCitizen(rng, r.caller);
  return r;
}

std::string TextBank::Reply(const RequestText& request, const std::string& unit_name, Date day,
                            bool again, DemoRng& rng) const {
  Words words = request.words;
  words.emplace_back("caller", request.caller);
  words.emplace_back("title", request.title);
  words.emplace_back("unit", unit_name);
  words.emplace_back("date", std::to_string(static_cast<unsigned>(day.month())) + "月" +
                                 std::to_string(static_cast<unsigned>(day.day())) + "日");
  if (request.type == RequestType::kPraise) return Render(Best("thanks", request.category, rng), words, rng);
  std::string text = Render(Best("opening", request.category, rng), words, rng);
  text += Render(Best(again ? "again" : "body", request.category, rng), words, rng);
  text += Render(Best("closing", request.category, rng), words, rng);
  return text;
}

std::string TextBank::Answer(const RequestText& request, DemoRng& rng) const {
  Words words = request.words;
  words.emplace_back("caller", request.caller);
  return Render(Best("answer", request.category, rng), words, rng);
}

Status TextBank::CheckCategories(const Directory& directory) const {
  for (const Problem& p : problems_)
    if (!directory.FindCategory(p.category))
      return DataError("problems.tsv", 0, "unknown category '" + p.category + "'");
  return OkStatus();
}

const std::string& TextBank::Phrase(std::string_view kind, DemoRng& rng) const {
  return rng.Pick(phrases_.find(kind)->second);  // Check() proved every kind exists
}

}  // namespace lizheng::app::demo
