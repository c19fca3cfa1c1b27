#include "reply_keywords.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "lizheng/text/utf8.hpp"
#include "reply_text.hpp"

namespace lizheng::insight::reply {

namespace {

// Words every petition and every reply uses: they say nothing about what a
// particular request is about.
constexpr const wchar_t* kStopwords[] = {
    L"问题", L"反映", L"情况", L"希望", L"领导", L"请问", L"你好", L"您好", L"我们", L"你们",
    L"他们", L"部门", L"相关", L"有关", L"政府", L"工作", L"没有", L"现在", L"已经", L"可以",
    L"进行", L"这个", L"那个", L"什么", L"为什么", L"怎么", L"如何", L"是否", L"能否", L"要求",
    L"请求", L"解决", L"处理", L"谢谢", L"感谢", L"网友", L"市民", L"群众", L"老百姓", L"本人",
    L"今年", L"目前", L"一直", L"一个", L"这些", L"那些", L"这样", L"因为", L"所以", L"但是",
    L"而且", L"还是", L"就是", L"如果", L"虽然", L"然后", L"以及", L"或者", L"自己", L"大家",
    L"时候", L"时间", L"现将", L"答复", L"回复", L"如下", L"收悉", L"留言", L"来信", L"关于",
    L"尊敬", L"各位", L"书记", L"市长", L"县长", L"区长", L"局长", L"主任", L"您们", L"恳请",
    L"建议", L"投诉", L"举报", L"咨询", L"请示", L"不是", L"还有", L"需要", L"应该", L"可能",
    L"能够", L"不能", L"不会", L"知道", L"觉得", L"认为", L"表示", L"出现", L"存在", L"之后",
    L"之前", L"以后", L"以前", L"其中", L"严重", L"非常", L"十分", L"特别", L"很多", L"多次",
    L"重视", L"关注", L"支持", L"理解", L"帮助", L"及时", L"尽快", L"早日", L"给予", L"予以",
    L"有效", L"调查", L"核实", L"了解", L"得到", L"造成", L"影响", L"导致", L"一下", L"一些",
    L"还要", L"为了", L"通过", L"对于", L"由于", L"根据", L"按照", L"此事", L"此类", L"事情",
    L"怎么办", L"为何", L"何时", L"什么时候", L"能不能", L"可不可以", L"有没有", L"到底",
    L"究竟", L"这种", L"那种", L"这么", L"那么", L"以上", L"以下", L"我市", L"我区", L"我县",
    L"我局", L"我单位", L"贵单位", L"有限公司", L"公司", L"单位", L"一定", L"一起", L"同时",
    L"另外", L"此外", L"并且", L"不过", L"只是", L"只能", L"不得", L"必须", L"无法", L"如今",
    L"呼吁", L"强烈", L"盼望", L"期盼", L"关照", L"事宜", L"一条", L"有序", L"境内", L"材料",
    L"百姓", L"广大", L"真正", L"确实", L"实在", L"根本", L"完全", L"终于", L"居然", L"竟然"};

double MedianIdf(std::vector<float>& values) {
  if (values.empty()) return 1.0;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

}  // namespace

Result<TermWeights> TermWeights::Parse(std::string_view text, std::string_view source_name) {
  TermWeights w;
  std::vector<float> values;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::size_t space = line.rfind(' ');
    float idf = 0;
    const char* end = line.data() + line.size();
    if (space == std::string_view::npos || space == 0 ||
        std::from_chars(line.data() + space + 1, end, idf).ptr != end || !(idf >= 0)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       std::string(source_name) + ":" + std::to_string(line_no) +
                           ": expected 'word idf' with a non-negative number",
                       "idf");
    }
    w.idf_.emplace(std::string(line.substr(0, space)), idf);
    values.push_back(idf);
  }
  w.median_ = MedianIdf(values);
  return w;
}

double TermWeights::Weight(std::wstring_view word) const {
  if (idf_.empty()) return 1.0;
  const auto it = idf_.find(ToUtf8(word));
  return it == idf_.end() ? median_ : it->second;
}

double MatchCredit(std::wstring_view word, std::wstring_view reply) {
  if (reply.find(word) != std::wstring_view::npos) return 1.0;
  if (word.size() < 3) return 0.0;
  std::size_t found = 0;
  for (std::size_t i = 0; i + 2 <= word.size(); ++i) {
    found += reply.find(word.substr(i, 2)) != std::wstring_view::npos ? 1 : 0;
  }
  return static_cast<double>(found) / static_cast<double>(word.size() - 1);
}

KeywordCoverage Cover(const std::vector<Keyword>& keywords, std::wstring_view reply) {
  KeywordCoverage c;
  double total = 0;
  double found = 0;
  for (const Keyword& k : keywords) {
    const double credit = MatchCredit(k.word, reply);
    total += k.weight;
    found += k.weight * credit;
    (credit >= 0.5 ? c.found : c.missing).push_back(&k);
  }
  c.share = total > 0 ? found / total : 0;
  return c;
}

KeywordExtractor::KeywordExtractor(text::Segmenter segmenter, TermWeights weights)
    : segmenter_(std::move(segmenter)), weights_(std::move(weights)) {
  for (const wchar_t* w : kStopwords) stopwords_.emplace(w);
}

namespace {

// The length of an anonymised district code ("a市", "k3县", "a10区") at
// text[i], or 0. The data set writes places this way, and a code glued to
// the name after it misleads the segmenter (k3县乡镇 -> k3/县乡镇).
std::size_t DistrictCodeAt(std::wstring_view text, std::size_t i) {
  if (i >= text.size() || text[i] < L'a' || text[i] > L'z') return 0;
  if (i > 0 && ((text[i - 1] >= L'a' && text[i - 1] <= L'z') ||
                (text[i - 1] >= L'0' && text[i - 1] <= L'9'))) {
    return 0;
  }
  std::size_t j = i + 1;
  while (j < text.size() && j - i <= 2 && text[j] >= L'0' && text[j] <= L'9') ++j;
  if (j < text.size() && (text[j] == L'市' || text[j] == L'区' || text[j] == L'县')) {
    return j + 1 - i;
  }
  return 0;
}

}  // namespace

std::vector<std::wstring> KeywordExtractor::Tokens(std::wstring_view text) const {
  std::vector<std::wstring> out;
  std::vector<text::Token> tokens;
  const auto cut = [&](std::wstring_view piece) {
    const std::u32string cps(piece.begin(), piece.end());
    segmenter_.Cut(cps, tokens);
    for (const text::Token& t : tokens) {
      if (t.kind != text::TokenKind::kSpace) out.emplace_back(piece.substr(t.begin, t.end - t.begin));
    }
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t code = DistrictCodeAt(text, i);
    if (code == 0) continue;
    cut(text.substr(start, i - start));
    out.emplace_back(text.substr(i, code));
    start = i + code;
    i = start - 1;
  }
  cut(text.substr(start));
  return out;
}

bool KeywordExtractor::IsContentWord(std::wstring_view word) const {
  if (word.size() < 2) return false;
  for (const wchar_t c : word) {
    if (!text::IsHan(static_cast<char32_t>(c))) return false;
  }
  return stopwords_.count(std::wstring(word)) == 0;
}

std::vector<Keyword> KeywordExtractor::Extract(std::wstring_view text,
                                               std::size_t max_keywords) const {
  std::vector<Keyword> words;  // in order of first appearance
  std::vector<int> counts;
  std::unordered_map<std::wstring, std::size_t> index;
  for (std::wstring& w : Tokens(text)) {
    if (!IsContentWord(w)) continue;
    const auto [it, inserted] = index.emplace(w, words.size());
    if (!inserted) {
      ++counts[it->second];
      continue;
    }
    const double idf = weights_.Weight(w);
    words.push_back({std::move(w), idf});
    counts.push_back(1);
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    words[i].weight *= 1.0 + std::log(static_cast<double>(counts[i]));
  }
  std::stable_sort(words.begin(), words.end(),
                   [](const Keyword& a, const Keyword& b) { return a.weight > b.weight; });
  if (words.size() > max_keywords) words.resize(max_keywords);
  return words;
}

}  // namespace lizheng::insight::reply
