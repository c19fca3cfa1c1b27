// 可解释性: does the reply give its basis, concrete measures and a contact?
#include <algorithm>

#include "reply_dimensions.hpp"
#include "reply_text.hpp"

namespace lizheng::insight::reply {

namespace {

// Shares of the score. Measures (what was found and done) and a basis (why)
// both explain a reply: the better of the two earns the first share, the
// other the second, so that a consultation answered from a regulation is
// not marked down for having no measures, nor a repaired road for citing
// no law. A contact earns the rest.
constexpr double kExplanationShare = 0.6;
constexpr double kSecondShare = 0.2;
constexpr double kContactShare = 0.2;

struct Found {
  std::wstring_view text;  // the hit in context, empty when none
  double credit = 0;       // 0-1
};

Found FindBasis(std::wstring_view reply, const ReplyPatterns& p) {
  if (const auto hit = FindFirst(reply, p.named_basis); !hit.empty()) return {hit, 1.0};
  if (const auto hit = FindFirst(reply, p.vague_basis); !hit.empty()) return {hit, 0.5};
  return {};
}

// Investigation findings, actions taken, actions planned and steps for the
// citizen (what a consultation needs): one kind earns 0.6, two or more full
// credit.
Found FindMeasures(std::wstring_view reply, const ReplyPatterns& p) {
  Found f;
  int kinds = 0;
  for (const std::wregex* re : {&p.action, &p.plan, &p.investigation, &p.guidance}) {
    const std::wstring_view hit = FindFirst(reply, *re);
    if (hit.empty()) continue;
    ++kinds;
    if (f.text.empty()) f.text = InContext(reply, hit);
  }
  f.credit = kinds == 0 ? 0 : kinds == 1 ? 0.6 : 1.0;
  return f;
}

Found FindContact(std::wstring_view reply, const ReplyPatterns& p) {
  if (const auto hit = FindFirst(reply, p.contact_word); !hit.empty()) {
    return {InContext(reply, hit, 20), 1.0};
  }
  if (const auto hit = FindFirst(reply, p.phone); !hit.empty()) return {hit, 1.0};
  if (const auto hit = FindFirst(reply, p.office); !hit.empty()) return {hit, 0.7};
  return {};
}

}  // namespace

DimensionScore ScoreInterpretability(const ReplyPair& pair, const ScoringTools& tools) {
  DimensionScore d;
  d.dimension = ReplyDimension::kInterpretability;
  const ReplyPatterns& p = tools.patterns;
  const Found basis = FindBasis(pair.reply, p);
  const Found measures = FindMeasures(pair.reply, p);
  const Found contact = FindContact(pair.reply, p);
  if (measures.credit > 0) {
    d.reasons.push_back(Strength(ReplyReasonCode::kMeasuresGiven,
                                 "说明了调查结果或具体措施，如" + Quote(measures.text),
                                 "States findings or concrete measures, e.g. " +
                                     Quote(measures.text)));
  } else {
    d.reasons.push_back(Problem(ReplyReasonCode::kMeasuresMissing,
                                "未说明调查结果或具体措施（如经核实、已责成、将于某日完成）",
                                "No findings or concrete measures (such as 'on inspection', "
                                "'ordered', 'to be done by a date')"));
  }
  if (basis.credit >= 1) {
    d.reasons.push_back(Strength(ReplyReasonCode::kBasisCited, "引用了依据" + Quote(basis.text),
                                 "Cites a basis: " + Quote(basis.text)));
  } else {
    d.reasons.push_back(Problem(
        ReplyReasonCode::kBasisMissing,
        basis.credit > 0 ? "只笼统提到" + Quote(basis.text) + "，未写明法规或政策文件的名称"
                         : "未引用法律、法规或政策依据",
        basis.credit > 0 ? "Only a vague " + Quote(basis.text) +
                               "; no law, regulation or policy document is named"
                         : "No legal or policy basis is cited"));
  }
  if (contact.credit > 0) {
    d.reasons.push_back(Strength(ReplyReasonCode::kContactGiven,
                                 "留有联系方式或办理窗口" + Quote(contact.text),
                                 "Gives a contact or office: " + Quote(contact.text)));
  } else {
    d.reasons.push_back(Problem(ReplyReasonCode::kContactMissing,
                                "未留联系电话或办理窗口，群众有疑问时无从联系",
                                "No phone number or office for follow-up questions"));
  }
  const double best = std::max(measures.credit, basis.credit);
  const double second = std::min(measures.credit, basis.credit);
  d.score = ScaleScore(kExplanationShare * best + kSecondShare * second +
                       kContactShare * contact.credit);
  return d;
}

}  // namespace lizheng::insight::reply
