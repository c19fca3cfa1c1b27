#include "lizheng/text/personal_data.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lizheng::text {
namespace {

struct Case {
  const char* sentence;
  PersonalDataKind kind;
  const char* found;   // the text of the one span expected
  const char* masked;  // the whole sentence after masking
};

std::string SpanText(const std::string& s, const PersonalDataSpan& span) {
  return s.substr(span.begin, span.end - span.begin);
}

TEST(PersonalDataTest, FindsAndMasksEveryKindInRealisticSentences) {
  const std::vector<Case> cases = {
      {"我的电话是13812345678，请尽快联系。", PersonalDataKind::kMobilePhone, "13812345678",
       "我的电话是***********，请尽快联系。"},
      {"有事请打138-1234-5678找我", PersonalDataKind::kMobilePhone, "138-1234-5678",
       "有事请打***-****-****找我"},
      {"联系电话：１５９０７３１２２３３。", PersonalDataKind::kMobilePhone, "１５９０７３１２２３３",
       "联系电话：***********。"},
      {"物业座机0731-84567890一直没人接", PersonalDataKind::kLandline, "0731-84567890",
       "物业座机****-********一直没人接"},
      {"办公室电话（0731）84567890", PersonalDataKind::kLandline, "（0731）84567890",
       "办公室电话（****）********"},
      {"身份证号430102199003071234，社保卡无法激活", PersonalDataKind::kIdCard,
       "430102199003071234", "身份证号******************，社保卡无法激活"},
      {"我的身份证43010219900307123X丢了", PersonalDataKind::kIdCard, "43010219900307123X",
       "我的身份证******************丢了"},
      {"工资打到卡号6222021234567890123后被扣", PersonalDataKind::kBankCard,
       "6222021234567890123", "工资打到卡号*******************后被扣"},
      {"材料已发到zhang.san@example.com，请查收。", PersonalDataKind::kEmail,
       "zhang.san@example.com", "材料已发到***@***，请查收。"},
      {"车牌号湘A12345的车长期占用消防通道", PersonalDataKind::kLicencePlate, "湘A12345",
       "车牌号湘A*****的车长期占用消防通道"},
      {"一辆粤B·D12345新能源车违停", PersonalDataKind::kLicencePlate, "粤B·D12345",
       "一辆粤B·******新能源车违停"},
      {"我叫李小明，是A市居民", PersonalDataKind::kName, "李小明", "我叫李某某，是A市居民"},
      {"本人张伟反映小区噪音问题", PersonalDataKind::kName, "张伟", "本人张某反映小区噪音问题"},
      {"姓名：欧阳春花，联系方式见附件", PersonalDataKind::kName, "欧阳春花",
       "姓名：欧阳某某，联系方式见附件"},
      {"王建国您好：您反映的问题已处理。", PersonalDataKind::kName, "王建国",
       "王某某您好：您反映的问题已处理。"},
      {"经联系李明先生，确认已整改", PersonalDataKind::kName, "李明", "经联系李某先生，确认已整改"},
      {"投诉人：周建平2020年3月2日", PersonalDataKind::kName, "周建平", "投诉人：周某某2020年3月2日"},
      {"本人刘洋，身份证号见附件", PersonalDataKind::kName, "刘洋", "本人刘某，身份证号见附件"},
      {"我是陈刚，是孩子的父亲", PersonalDataKind::kName, "陈刚", "我是陈某，是孩子的父亲"},
      {"我叫赵丽华，女，现年38岁", PersonalDataKind::kName, "赵丽华", "我叫赵某某，女，现年38岁"},
      {"由主任孙磊同志负责处理", PersonalDataKind::kName, "孙磊", "由主任孙某同志负责处理"},
      {"夜里12点被吵醒，请拨13907318888联系我", PersonalDataKind::kMobilePhone, "13907318888",
       "夜里12点被吵醒，请拨***********联系我"},
      {"社区居委会电话0731-88886666，在2楼办公", PersonalDataKind::kLandline, "0731-88886666",
       "社区居委会电话****-********，在2楼办公"},
      {"补贴发到6217003810012345678，至今未到账", PersonalDataKind::kBankCard, "6217003810012345678",
       "补贴发到*******************，至今未到账"},
      {"小区业主王芳的邮箱wangfang88@163.com", PersonalDataKind::kEmail, "wangfang88@163.com",
       "小区业主王芳的邮箱***@***"},
      {"一辆湘A·8K2Q9的渣土车闯红灯", PersonalDataKind::kLicencePlate, "湘A·8K2Q9",
       "一辆湘A·*****的渣土车闯红灯"},
      {"住在芙蓉路168号，2019年买的房", PersonalDataKind::kHouseNumber, "168",
       "住在芙蓉路***号，2019年买的房"},
      {"我家住在幸福小区3栋", PersonalDataKind::kHouseNumber, "3", "我家住在幸福小区*栋"},
      {"地址是人民路88号，门口堆满垃圾", PersonalDataKind::kHouseNumber, "88",
       "地址是人民路**号，门口堆满垃圾"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    const std::string s = c.sentence;
    const auto spans = FindPersonalData(s);
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(spans[0].kind, c.kind) << PersonalDataKindName(spans[0].kind);
    EXPECT_EQ(SpanText(s, spans[0]), c.found);
    EXPECT_EQ(MaskPersonalData(s), c.masked);
  }
}

TEST(PersonalDataTest, AFullAddressLosesEveryHouseNumber) {
  const std::string s = "我住在江川市东湖区幸福小区3栋2单元501室，楼上漏水";
  const auto spans = FindPersonalData(s);
  ASSERT_EQ(spans.size(), 3u);
  for (const auto& span : spans) EXPECT_EQ(span.kind, PersonalDataKind::kHouseNumber);
  EXPECT_EQ(MaskPersonalData(s), "我住在江川市东湖区幸福小区*栋*单元***室，楼上漏水");
}

TEST(PersonalDataTest, SeveralKindsInOneMessage) {
  const std::string s =
      "我叫王芳，电话13907311234，车牌湘A8B8C8被拖走，身份证430102198512120022。";
  const std::string masked = MaskPersonalData(s);
  for (const char* secret : {"王芳", "13907311234", "8B8C8", "430102198512120022"})
    EXPECT_EQ(masked.find(secret), std::string::npos) << secret << " in " << masked;
  EXPECT_EQ(FindPersonalData(s).size(), 4u);
}

// The formats people use to slip an identifier past a simple pattern, and
// their neighbours: each in an invented sentence, one span each.
TEST(PersonalDataTest, FindsIdentifiersWrittenToDodgeAPattern) {
  const std::vector<Case> cases = {
      // Country codes and separators.
      {"回电请打+8613912345670谢谢", PersonalDataKind::kMobilePhone, "+8613912345670",
       "回电请打+*************谢谢"},
      {"号码+86 139-1234-5670", PersonalDataKind::kMobilePhone, "+86 139-1234-5670",
       "号码+** ***-****-****"},
      {"境外请拨0086 13912345670", PersonalDataKind::kMobilePhone, "0086 13912345670",
       "境外请拨**** ***********"},
      {"电话8613912345670", PersonalDataKind::kMobilePhone, "8613912345670", "电话*************"},
      {"电话(139)2345-6781找我", PersonalDataKind::kMobilePhone, "(139)2345-6781",
       "电话(***)****-****找我"},
      {"手机139.2345.6782请回电", PersonalDataKind::kMobilePhone, "139.2345.6782",
       "手机***.****.****请回电"},
      {"座机0731.8456.7890", PersonalDataKind::kLandline, "0731.8456.7890", "座机****.****.****"},
      // Numbers read out in Chinese numerals.
      {"电话一三九一二三四五六七零", PersonalDataKind::kMobilePhone, "一三九一二三四五六七零",
       "电话***********"},
      {"打幺五九 零七三一 二二三三", PersonalDataKind::kMobilePhone, "幺五九 零七三一 二二三三",
       "打*** **** ****"},
      // ID cards in groups.
      {"身份证430102-19850312-002X已上传", PersonalDataKind::kIdCard, "430102-19850312-002X",
       "身份证******-********-****已上传"},
      {"证件号4301 0219 8503 1200 21", PersonalDataKind::kIdCard, "4301 0219 8503 1200 21",
       "证件号**** **** **** **** **"},
      // E-mail in full width or spelled out.
      {"邮箱ｌｉｓｉ９＠ｅｘａｍｐｌｅ．ｃｏｍ请回复", PersonalDataKind::kEmail,
       "ｌｉｓｉ９＠ｅｘａｍｐｌｅ．ｃｏｍ", "邮箱***@***请回复"},
      {"发邮件到lisi9 at example dot com", PersonalDataKind::kEmail, "lisi9 at example dot com",
       "发邮件到***@***"},
      {"邮箱lisi9(at)example(dot)cn，谢谢", PersonalDataKind::kEmail, "lisi9(at)example(dot)cn",
       "邮箱***@***，谢谢"},
      // Names with spaces, after a description, by relation.
      {"我叫 林 志 远", PersonalDataKind::kName, "林 志 远", "我叫 林 某 某"},
      {"我是住在五楼的吴秀英，楼上漏水", PersonalDataKind::kName, "吴秀英",
       "我是住在五楼的吴某某，楼上漏水"},
      {"楼上邻居郑强在半夜装修", PersonalDataKind::kName, "郑强", "楼上邻居郑某在半夜装修"},
      {"我和同事马丽丽的工资都被拖欠", PersonalDataKind::kName, "马丽丽",
       "我和同事马某某的工资都被拖欠"},
      // House numbers in words and without units.
      {"住在建设路四百零六号", PersonalDataKind::kHouseNumber, "四百零六", "住在建设路****号"},
      {"地址是12-3-1402，门口积水", PersonalDataKind::kHouseNumber, "12-3-1402",
       "地址是**-*-****，门口积水"},
      // Accounts.
      {"微信号wxid_k2m9x7q1加我", PersonalDataKind::kAccount, "wxid_k2m9x7q1", "微信号*************加我"},
      {"加我微信：lin_zy2024", PersonalDataKind::kAccount, "lin_zy2024", "加我微信：**********"},
      {"vx: linzy888 联系", PersonalDataKind::kAccount, "linzy888", "vx: ******** 联系"},
      {"QQ号2345678912，有事留言", PersonalDataKind::kAccount, "2345678912", "QQ号**********，有事留言"},
      {"扣扣号：876543210", PersonalDataKind::kAccount, "876543210", "扣扣号：*********"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    const std::string s = c.sentence;
    const auto spans = FindPersonalData(s);
    if (spans.size() != 1u) {  // each case on its own: go on to the next
      ADD_FAILURE() << spans.size() << " spans: " << MaskPersonalData(s);
      continue;
    }
    EXPECT_EQ(spans[0].kind, c.kind) << PersonalDataKindName(spans[0].kind);
    EXPECT_EQ(SpanText(s, spans[0]), c.found);
    EXPECT_EQ(MaskPersonalData(s), c.masked);
  }
}

TEST(PersonalDataTest, AFlatWrittenAfterItsEntranceIsMasked) {
  const std::string s = "家住9栋3单元1502，电梯坏了";
  EXPECT_EQ(MaskPersonalData(s), "家住*栋*单元****，电梯坏了");
  EXPECT_EQ(MaskPersonalData("四号楼二单元门口"), "*号楼*单元门口");
}

// What a request is about must survive: dates, amounts, the hotline, bus
// lines, years, floors of a building, quantities, counts of people.
TEST(PersonalDataTest, LeavesTheNumbersOfTheMatterAlone) {
  const std::vector<std::string> untouched = {
      "2019年11月22日下午3点开始施工",
      "拖欠工资共计12345元",
      "已多次拨打12345热线",
      "乘坐18路公交车到站",
      "地铁3号线施工噪音",
      "2020-01-15至今未解决",
      "已经持续了365天",
      "我是一名教师",
      "本人在A市工作",
      "小区有300户居民",
      "商场3楼的餐馆油烟很大",
      "我是小区业主",
      "A1区的道路",
      "编号20190412",
      "因本人房子严重漏水",
      "本人金井镇金龙村村民",
      "网友您好：您的留言已收悉",
      "王先生反映的情况属实",
      // 本人 and 我是 start sentences far more often than they introduce a name.
      "本人认为物业应当整改",
      "本人是一名教师",
      "本人于2019年购房",
      "本人和妻子都是退休职工",
      "本人向贵单位反映",
      "本人曾多次反映",
      "我保证本人陈述属实",
      "本人通过多次走访",
      "本人家住A市",
      "本人高三学生",
      "我是江西人",
      "我是江南花园业主",
      "我是房东",
      "我是林业局职工",
      // Titles are not names; 老师 after a surname is no greeting of a name.
      "尊敬的胡书记您好",
      "李市长您好",
      "欧阳局长您好",
      "当时黄老师说要交钱",
      "请提供姓名和联系方式",
      // Layouts, counts, hours and years.
      "买了一套3室2厅的房子",
      "两室一厅",
      "补交2016201720182019年四年的费用",
      "涉及200名工人",
      "乘坐K11路和地铁2号线",
      "12345热线回复说三个工作日",
      // Near misses of the newer patterns.
      "2024-3-15开始停水",
      "2024.03.15报修",
      "单价3.50元，共12.5吨",
      "解放路一带的路灯",
      "二环路和三一大道交叉口",
      "五一路的公交站",
      "乘坐2路、12路公交",
      "1998年至2023年间",
      "一三年到一五年",
      "三三两两的人",
      "我是住在这里的居民",
      "我是在此经营的商户",
      "邻居家的狗整夜叫",
      "同事们都没拿到",
      "朋友圈里看到的通知",
      "明天meet at 5.30见面",
      "微信群里通知的",
      "QQ群发的消息",
      "在微信公众号上预约",
      "小区一共120户",
      "成绩表：81.3025.1276.9744.3870.50",
      "每人补贴300元1000多人没领到",
      "第一单元的课文",
  };
  for (const std::string& s : untouched) {
    EXPECT_TRUE(FindPersonalData(s).empty()) << s << " -> " << MaskPersonalData(s);
    EXPECT_EQ(MaskPersonalData(s), s);
  }
}

TEST(PersonalDataTest, InvalidUtf8AndEmptyTextAreSafe) {
  EXPECT_TRUE(FindPersonalData("").empty());
  const std::string bad = std::string("电话\xff") + "13812345678";
  EXPECT_EQ(MaskPersonalData(bad).find("13812345678"), std::string::npos);
}

// Found by fuzzing: runs of digits with separators ("1 1 1 ...", "1-2-1-2",
// "1.1.1"), and of account characters after an account word ("wx-wx-..."),
// were read whole from each of their digits or words, in time quadratic in
// their length (a 256 KiB request took minutes). A number is now read for
// at most 20 digits, a house number for at most four groups and an account
// for at most 21 characters; what is found at those limits stays the same.
TEST(PersonalDataTest, NumbersAndAccountsAtTheLengthLimits) {
  // 19 digits in groups are a bank card; of 20, the last 16 are.
  EXPECT_EQ(MaskPersonalData("卡号6222 0212 3456 7890 123。"), "卡号**** **** **** **** ***。");
  EXPECT_EQ(MaskPersonalData("编号6222 0212 3456 7890 1234。"), "编号6222 **** **** **** ****。");
  // Four groups make a house number; of a longer chain the last four do.
  EXPECT_EQ(MaskPersonalData("住3-2-12-501室"), "住*-*-**-***室");
  EXPECT_EQ(MaskPersonalData("住9-3-2-12-501室"), "住9-*-*-**-***室");
  // A WeChat id has at most 20 characters, a QQ number at most 12 digits.
  EXPECT_EQ(MaskPersonalData("微信号abcdefghij0123456789。"), "微信号********************。");
  EXPECT_EQ(MaskPersonalData("微信号abcdefghij0123456789x。"), "微信号abcdefghij0123456789x。");
  EXPECT_EQ(MaskPersonalData("QQ号123456789012"), "QQ号************");
  EXPECT_EQ(MaskPersonalData("QQ号1234567890123"), "QQ号1234567890123");
}

TEST(PersonalDataTest, LongRunsOfSeparatedDigitsAndAccountWordsHideNothingAfterThem) {
  for (const std::string unit : {"1 ", "1-", "1-2-", "1.1.", "wx-", "qq_"}) {
    std::string run;
    while (run.size() < 20000) run += unit;
    EXPECT_EQ(MaskPersonalData(run + "，电话13812345678"), MaskPersonalData(run) + "，电话***********")
        << unit;
  }
}

}  // namespace
}  // namespace lizheng::text
