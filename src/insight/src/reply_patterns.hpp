// Private: the phrase patterns the reply scorer looks for, compiled once
// per ReplyScorer. Texts are normalised first (NormalizeWide), so full-width
// ASCII punctuation arrives as ASCII and Latin letters in lower case.
#pragma once

#include <regex>

namespace lizheng::insight::reply {

struct ReplyPatterns {
  ReplyPatterns();

  // Splitting a request into points.
  std::wregex marker;    // an enumeration marker after a boundary (group 1)
  std::wregex question;  // a question sentence
  std::wregex ask;       // a request clause

  // Interpretability.
  std::wregex named_basis;    // 《...法》, 第十条, 〔2010〕76号, 根据...规定
  std::wregex vague_basis;    // 相关规定, 有关政策 without a name
  std::wregex investigation;  // 经调查, 现场核实 ...
  std::wregex action;         // 已责成, 已完成维修 ...
  std::wregex plan;           // 将于...完成, 下一步 ...
  std::wregex guidance;       // steps for the citizen: 携带身份证到窗口办理, 申请条件
  std::wregex phone;          // a landline with area code, a mobile, 电话 + digits
  std::wregex contact_word;   // 联系电话, 咨询电话, 联系人
  std::wregex office;         // 可到...窗口/办公室 咨询

  // Tone.
  std::wregex greeting;   // 您好, 尊敬的
  std::wregex thanks;     // 感谢, 谢谢, 抱歉
  std::wregex brush_off;  // 不属于我单位职责 ...
  std::wregex onwards;    // 建议您向..., 已转..., 可拨打 ...
  std::wregex blame;      // 您自身原因, 无理取闹 ...
  std::wregex boilerplate;  // a sentence of acknowledgement only: 收悉, 已转, 请耐心等待
  std::wregex sign_off_date;  // a trailing "2019年5月9日"
};

}  // namespace lizheng::insight::reply
