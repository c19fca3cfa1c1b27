// The cold start of classification: keyword rules, for a jurisdiction with
// no labelled history yet to train the classifier on. The rules come from
// the taxonomy's own names (a category called 噪音扰民 is found by 噪音 and
// 扰民) and from the jurisdiction's keyword file, if it provides one.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lizheng/core/directory.hpp"
#include "lizheng/core/result.hpp"
#include "lizheng/text/segmenter.hpp"

namespace lizheng::insight {

// One keyword that points at a category (of any level).
struct KeywordRule {
  std::string category_code;
  std::string keyword;
};

// A first-level category the keywords point at.
struct CategoryGuess {
  std::string category_code;  // first level
  double confidence = 0.0;    // in (0, 1]
  std::vector<std::string> matched;  // the keywords found, most weighty first
};

// Immutable once built; any thread may call Classify.
class KeywordClassifier {
 public:
  KeywordClassifier() = default;

  // Rules from every category's name and its words of two or more
  // characters (cut by `segmenter`, generic words such as 问题 and 管理
  // left out), plus `extra`.
  static KeywordClassifier FromTaxonomy(std::span<const Category> categories,
                                        const text::Segmenter& segmenter,
                                        std::span<const KeywordRule> extra = {});

  // Reads a keyword file: "category_code<TAB>keyword[,keyword...]" per line,
  // '#' comments and blank lines skipped. Errors name the line and the rule
  // broken (an unknown category code, an empty keyword).
  static Result<std::vector<KeywordRule>> ParseRules(std::string_view tsv, std::string_view source_name,
                                                     const Directory& directory);

  // The first-level category whose keywords weigh most in the text (title
  // counts twice); nullopt when no keyword occurs.
  std::optional<CategoryGuess> Classify(std::string_view title, std::string_view detail) const;

  std::size_t rule_count() const { return rules_.size(); }

 private:
  struct Rule {
    std::string keyword;      // normalised
    std::string first_level;  // the category's first-level code
    double weight = 0.0;      // longer and deeper keywords weigh more
  };
  std::vector<Rule> rules_;
};

}  // namespace lizheng::insight
