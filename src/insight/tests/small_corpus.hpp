// A small hand-written training set for the classifier tests.
#pragma once

#include <vector>

#include "lizheng/insight/labelled_messages.hpp"

namespace lizheng::insight::testing_data {

inline std::vector<LabelledMessage> SmallCorpus() {
  const char* traffic[] = {"公交车站牌损坏无人修", "地铁站出口拥堵严重", "公交线路调整不合理",
                           "出租车拒载乘客投诉", "道路红绿灯时间太短", "公交车司机开车太快",
                           "高速公路收费站排队", "地铁末班车时间太早"};
  const char* school[] = {"学校乱收补课费", "幼儿园学位紧张入学难", "中学老师体罚学生",
                          "小学食堂饭菜质量差", "学校校车超载问题", "教师工资拖欠问题",
                          "高考加分政策咨询", "学校周边网吧违规营业"};
  const char* health[] = {"医院挂号排队太久", "医生收受红包", "社区卫生服务中心药品短缺",
                          "医院乱收检查费", "疫苗接种点太少", "看病报销比例太低",
                          "医院服务态度差", "二胎生育登记咨询"};
  std::vector<LabelledMessage> rows;
  const auto add = [&](const char* const* titles, std::size_t n, const char* label,
                       const char* tail) {
    for (std::size_t i = 0; i < n; ++i) {
      rows.push_back({titles[i], std::string(titles[i]) + "，" + tail, label, 0});
    }
  };
  add(traffic, 8, "交通运输", "希望交通部门尽快处理。");
  add(school, 8, "教育文体", "请教育局调查处理。");
  add(health, 8, "卫生计生", "请卫健委关注。");
  return rows;
}

}  // namespace lizheng::insight::testing_data
