// Private: the demo's Chinese texts -- requests, replies and the phrases of
// each step -- rendered from the templates and word lists of data/demo.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "demo_rng.hpp"
#include "lizheng/core/directory.hpp"
#include "lizheng/core/work_order.hpp"

namespace lizheng::app::demo {

// The words drawn for one request by slot name ("estate", "road2"), so that
// a place reads the same in the title, the detail and the reply.
using Words = std::vector<std::pair<std::string, std::string>>;

// A generated request: what the citizen wrote and who they are.
struct RequestText {
  std::size_t problem = 0;  // template index; repeats reuse it
  std::string category;     // a leaf of the taxonomy
  std::string area_code;    // the street it concerns
  RequestType type = RequestType::kComplaint;
  Urgency urgency = Urgency::kNormal;
  std::string title;
  std::string detail;
  std::string address;
  Citizen citizen;
  std::string caller;  // how a reply addresses the citizen ("王先生")
  Words words;
};

// Immutable once loaded, so any thread may use it.
class TextBank {
 public:
  // Reads and checks the templates: every placeholder names a word list,
  // every phrase kind the walk uses exists. kInternal on broken data.
  static Result<TextBank> Load();

  // A new request at `area` (a street, or a district when `district` is
  // null) filed `days_ago` days before now, which decides the surges.
  RequestText NewRequest(DemoRng& rng, const Area& area, const Area* district, double days_ago) const;
  // The same problem at the same place, filed by another citizen (并单 material).
  RequestText Repeat(const RequestText& first, DemoRng& rng) const;
  // A unit's reply written on `day`; `again` after a reopening.
  std::string Reply(const RequestText& request, const std::string& unit_name, Date day, bool again,
                    DemoRng& rng) const;
  // The centre's own answer to a consultation (自办).
  std::string Answer(const RequestText& request, DemoRng& rng) const;
  // A phrase of one kind of phrases.tsv ("reject", "sendback", ...).
  const std::string& Phrase(std::string_view kind, DemoRng& rng) const;
  // kInternal unless every template's category is a category of `directory`.
  Status CheckCategories(const Directory& directory) const;

 private:
  struct Problem {
    std::string category;
    RequestType type = RequestType::kComplaint;
    char urgency = 'n';  // n: normal only; u: may be urgent; e: may be an emergency
    std::string title;
    std::string detail;
  };
  struct ReplyTemplate {
    std::string kind;
    std::string category;  // prefix; empty for any
    std::string text;
  };
  struct Surge {
    std::vector<std::size_t> problems;
    WeightedPick pick;
    double from_days_ago = 0;
    double to_days_ago = 0;
    double share = 0;
  };

  std::string Render(std::string_view text, Words& words, DemoRng& rng) const;
  const std::string& Word(std::string_view kind, DemoRng& rng) const;
  // The text of the longest matching category prefix among `kind` templates.
  const std::string& Best(std::string_view kind, std::string_view category, DemoRng& rng) const;
  void Fill(RequestText& r, DemoRng& rng) const;
  Citizen NewCitizen(DemoRng& rng, std::string& caller) const;
  Status Check() const;

  std::vector<Problem> problems_;
  std::vector<double> weights_;
  WeightedPick pick_problem_;
  std::map<std::string, std::vector<std::string>, std::less<>> words_;
  std::map<std::string, std::vector<std::string>, std::less<>> phrases_;
  std::vector<ReplyTemplate> replies_;
  std::vector<Surge> surges_;
};

}  // namespace lizheng::app::demo
