// A reply scorer for tests: a small hand-written dictionary instead of
// jieba's (hermetic and fast) and no IDF table (every word weighs the same).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "lizheng/insight/reply_quality.hpp"

namespace lizheng::insight::testing_data {

inline constexpr const char* kReplyTestDictionary =
    "潇楚 500\n南路 800\n洋湖 300\n道路 2000\n施工 1500\n进度 900\n缓慢 600\n修路 300\n"
    "围挡 200\n交通 3000\n商户 400\n完工 500\n加强 2000\n监管 900\n恢复 800\n通行 700\n"
    "小区 2000\n停车费 300\n收费 1500\n标准 2000\n物业公司 800\n强制 700\n收取 900\n"
    "装修 800\n押金 400\n业主 900\n委员会 1200\n选举 600\n垃圾 1000\n清运 300\n环卫 400\n"
    "人员 3000\n管线 300\n迁改 100\n滞后 300\n设备 1500\n增加 2000\n车辆 1500\n违章 500\n"
    "停车 900\n罚款 600\n扣分 200\n职责 800\n范围 1500\n反映 2000\n问题 5000\n希望 3000\n"
    "有关 3000\n部门 3000\n请问 800\n什么 5000\n时候 4000\n尽快 1000\n影响 3000\n严重 2000\n"
    "周边 800\n去年 1000\n开始 3000\n至今 900\n我们 5000\n感谢 1000\n来信 300\n您好 500\n"
    "留言 300\n收悉 200\n核实 600\n现场 1000\n责成 300\n单位 3000\n计划 2000\n联系电话 300\n"
    "疑问 500\n拨打 600\n工作 5000\n关心 800\n理解 1500\n心情 800\n居民 1500\n不便 400\n"
    "谅解 300\n认真 1000\n对待 800\n规定 2000\n时间 5000\n多少 2000\n能否 800\n何时 500\n"
    "进行 5000\n每日 600\n两次 500\n安排 1500\n自身 600\n原因 2000\n造成 2000\n建议 2000\n"
    "交通运输局 100\n中华人民共和国 1000\n安全法 100\n第三十二条 10\n";

inline ReplyScorer TestReplyScorer() {
  Result<text::Segmenter> s = text::Segmenter::FromDictionaryText(kReplyTestDictionary, "test");
  EXPECT_TRUE(s.ok());
  Result<ReplyScorer> scorer = ReplyScorer::FromParts(std::move(s).value(), "", "no idf");
  EXPECT_TRUE(scorer.ok());
  return std::move(scorer).value();
}

}  // namespace lizheng::insight::testing_data
