#include "stop_words.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace lizheng::text::detail {

namespace {

// Function words, and the words that open, close and pad citizens' letters
// to a government (greetings, "reflect the problem", "hope the leaders
// solve it"). Chosen by reading the most frequent words of public letters;
// TF-IDF demotes what is merely common, this list removes what never says
// what a letter is about.
constexpr std::array kWords = {
    U"我们", U"你们", U"他们", U"她们", U"它们", U"自己", U"这个", U"那个", U"这些",
    U"那些", U"这样", U"那样", U"这种", U"那种", U"这里", U"那里", U"这边", U"什么",
    U"怎么", U"怎样", U"为什么", U"如何", U"是否", U"能否", U"可否", U"已经", U"现在",
    U"目前", U"还是", U"但是", U"可是", U"因为", U"所以", U"如果", U"而且", U"并且",
    U"或者", U"以及", U"可以", U"能够", U"应该", U"需要", U"没有", U"不是", U"就是",
    U"还有", U"一个", U"一些", U"很多", U"许多", U"非常", U"特别", U"十分", U"比较",
    U"问题", U"情况", U"反映", U"投诉", U"举报", U"咨询", U"建议", U"希望", U"请求",
    U"要求", U"恳请", U"请问", U"关于", U"领导", U"您好", U"你好", U"尊敬", U"谢谢",
    U"感谢", U"相关", U"部门", U"有关", U"解决", U"处理", U"进行", U"工作", U"时间",
    U"今年", U"去年", U"每天", U"一直", U"多次", U"至今", U"以来", U"期间", U"由于",
    U"对于", U"通过", U"根据", U"其中", U"之后", U"以后", U"之前", U"以前", U"时候",
    U"同时", U"然后", U"不能", U"不会", U"不要", U"不得", U"本人", U"大家", U"知道",
    U"觉得", U"认为", U"表示", U"告知", U"回复", U"答复", U"得到", U"出现", U"存在",
    U"地方", U"一下", U"一样", U"各位", U"为了", U"以上", U"给予", U"尽快", U"及时",
    U"市民", U"群众", U"百姓", U"老百姓", U"政府", U"有没有", U"是不是", U"为何",
    U"一定", U"所有", U"任何", U"其他", U"其它", U"而是", U"只是", U"只有", U"还要",
    U"就要", U"就会", U"不断", U"导致", U"造成", U"严重", U"真的", U"实在", U"确实",
    U"并未", U"未能", U"一次", U"两次", U"几次", U"后来", U"当时", U"最近", U"近期",
    U"之间", U"这次", U"此事", U"此类", U"相关部门", U"有关部门", U"请求解决",
    U"麻烦", U"帮忙", U"帮助", U"关注", U"重视", U"落实", U"答应", U"得不到",
    U"一年", U"多年", U"几年", U"个月", U"几个", U"每个", U"整个", U"方面", U"还没",
    U"无法", U"再次", U"一个月",
};

struct SortedWords {
  std::vector<std::u32string_view> words;
  SortedWords() : words(kWords.begin(), kWords.end()) { std::sort(words.begin(), words.end()); }
};

}  // namespace

bool IsFunctionCharacter(char32_t c) {
  static constexpr std::u32string_view kCharacters =
      U"的了在是和与及我你他她它们也都就又不没有无被把给对向从到为以于之其此该等请让这那"
      U"个些很太更最还再才已将会能可要吗呢吧啊呀哦么着过得地而且或但却只每各某本"
      U"省市区县";  // administrative endings: "A2区丽发" is no word
  return kCharacters.find(c) != std::u32string_view::npos;
}

bool IsStopWord(std::u32string_view word) {
  static const SortedWords sorted;  // built once, read-only after
  return std::binary_search(sorted.words.begin(), sorted.words.end(), word);
}

}  // namespace lizheng::text::detail
