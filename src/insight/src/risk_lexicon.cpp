// The lexicon is data: one line per cue. Levels are the cue's level before
// its context is read (negation drops a cue, a hypothetical lowers a
// danger cue by one level, imminence or intensity raises it).
#include "risk_lexicon.hpp"

#include <algorithm>
#include <array>

#include "lizheng/text/utf8.hpp"

namespace lizheng::insight {
namespace {

constexpr RiskLevel W = RiskLevel::kWatch;
constexpr RiskLevel U = RiskLevel::kUrgent;
constexpr RiskLevel E = RiskLevel::kEmergency;

constexpr Cue Danger(std::string_view w, RiskLevel l, std::string_view zh, std::string_view en) {
  return Cue{w, CueRole::kFlag, RiskKind::kDanger, l, zh, en, false, false};
}
// Self-harm is an emergency when the writer threatens it ("我不想活了"); a
// report or a general remark ("学生自杀事件") is one level lower.
constexpr Cue SelfHarm(std::string_view w) {
  return Cue{w,
             CueRole::kFlag,
             RiskKind::kDanger,
             E,
             "自杀轻生",
             "threat of suicide or self-harm",
             false,
             true};
}
constexpr Cue Mass(std::string_view w, RiskLevel l, std::string_view zh, std::string_view en) {
  return Cue{w, CueRole::kFlag, RiskKind::kMassIncident, l, zh, en, false, false};
}
constexpr Cue Crowd(std::string_view w, std::string_view en, bool workers = false) {
  return Cue{w, CueRole::kFlag, RiskKind::kManyPeople, W, w, en, workers, false};
}
constexpr Cue Block(std::string_view w) {
  return Cue{w, CueRole::kBlocker, {}, W, {}, {}, false, false};
}
constexpr Cue Arrears(std::string_view w) {
  return Cue{w, CueRole::kArrears, {}, W, {}, {}, false, false};
}

// clang-format off
constexpr auto kCues = std::to_array<Cue>({
  // Gas.
  Danger("燃气泄漏", E, "燃气泄漏", "gas leak"), Danger("燃气泄露", E, "燃气泄漏", "gas leak"),
  Danger("煤气泄漏", E, "燃气泄漏", "gas leak"), Danger("煤气泄露", E, "燃气泄漏", "gas leak"),
  Danger("天然气泄漏", E, "燃气泄漏", "gas leak"), Danger("天然气泄露", E, "燃气泄漏", "gas leak"),
  Danger("液化气泄漏", E, "燃气泄漏", "gas leak"), Danger("液化气泄露", E, "燃气泄漏", "gas leak"),
  Danger("煤气味", U, "燃气气味", "smell of gas"), Danger("燃气味", U, "燃气气味", "smell of gas"),
  Danger("天然气味", U, "燃气气味", "smell of gas"), Danger("漏气", U, "漏气", "leaking gas"),
  // Fire and explosion.
  Danger("火灾", U, "火灾", "fire"), Danger("起火", U, "火灾", "fire"), Danger("着火", U, "火灾", "fire"),
  Danger("失火", U, "火灾", "fire"), Danger("大火", U, "火灾", "fire"), Danger("火情", U, "火灾", "fire"),
  Danger("火灾隐患", W, "火灾隐患", "fire hazard"), Danger("消防隐患", W, "火灾隐患", "fire hazard"),
  Danger("消防安全隐患", W, "火灾隐患", "fire hazard"),
  Danger("爆炸", U, "爆炸", "explosion"), Danger("爆燃", U, "爆炸", "explosion"),
  Danger("闪爆", U, "爆炸", "explosion"),
  Block("火灾报警"), Block("火灾自动报警"), Block("爆炸性"), Block("爆炸式"), Block("信息爆炸"), Block("信息大爆炸"),
  // Collapse, landslide, cracks.
  Danger("倒塌", U, "倒塌", "collapse"), Danger("坍塌", U, "倒塌", "collapse"),
  Danger("垮塌", U, "倒塌", "collapse"), Danger("崩塌", U, "倒塌", "collapse"),
  Danger("塌方", U, "塌方塌陷", "cave-in"), Danger("塌陷", U, "塌方塌陷", "cave-in"),
  Danger("坍陷", U, "塌方塌陷", "cave-in"), Danger("摇摇欲坠", U, "摇摇欲坠", "about to fall"),
  Danger("危房", U, "危房", "unsafe building"), Danger("危楼", U, "危房", "unsafe building"),
  Danger("山体滑坡", U, "山体滑坡", "landslide"), Danger("发生滑坡", U, "山体滑坡", "landslide"),
  Danger("滑坡体", U, "山体滑坡", "landslide"),
  Danger("泥石流", U, "泥石流", "mudslide"),
  Danger("墙体开裂", U, "房屋开裂", "cracks in a building"), Danger("墙体裂缝", U, "房屋开裂", "cracks in a building"),
  Danger("房屋开裂", U, "房屋开裂", "cracks in a building"), Danger("房屋裂缝", U, "房屋开裂", "cracks in a building"),
  Danger("楼体开裂", U, "房屋开裂", "cracks in a building"), Danger("楼房开裂", U, "房屋开裂", "cracks in a building"),
  Danger("墙面开裂", U, "房屋开裂", "cracks in a building"), Danger("墙壁开裂", U, "房屋开裂", "cracks in a building"),
  Danger("地基下沉", U, "地基下沉", "subsiding foundations"), Danger("地基沉降", U, "地基下沉", "subsiding foundations"),
  Danger("房屋下沉", U, "地基下沉", "subsiding foundations"), Danger("房屋倾斜", U, "房屋倾斜", "leaning building"),
  Danger("楼房倾斜", U, "房屋倾斜", "leaning building"),
  Danger("开裂", W, "开裂", "cracks"), Danger("裂缝", W, "开裂", "cracks"), Danger("裂痕", W, "开裂", "cracks"),
  // Electricity.
  Danger("触电", U, "触电", "electrocution"), Danger("漏电", U, "漏电", "live current leaking"),
  Danger("电死", U, "触电", "electrocution"), Danger("电击", U, "触电", "electrocution"),
  Danger("电线裸露", U, "电线裸露", "exposed live wires"), Danger("裸露的电线", U, "电线裸露", "exposed live wires"),
  Danger("裸露电线", U, "电线裸露", "exposed live wires"), Danger("电线外露", U, "电线裸露", "exposed live wires"),
  Danger("电线掉落", U, "电线掉落", "fallen wires"), Danger("电线垂落", U, "电线掉落", "fallen wires"),
  Danger("电线脱落", U, "电线掉落", "fallen wires"),
  Danger("线路老化", W, "线路老化", "old wiring"), Danger("私拉电线", W, "私拉电线", "illegal wiring"),
  Danger("私拉乱接", W, "私拉电线", "illegal wiring"), Danger("飞线充电", W, "私拉电线", "illegal wiring"),
  Danger("高压线", W, "高压线", "high-voltage line"),
  // Water, falls, lifts, manholes.
  Danger("溺水", U, "溺水", "drowning"), Danger("淹死", U, "溺水", "drowning"),
  Danger("溺亡", U, "溺水", "drowning"), Danger("溺死", U, "溺水", "drowning"),
  Danger("落水", W, "落水", "falling into water"), Block("落水管"),
  Danger("高空坠物", U, "高空坠物", "falling objects"), Danger("高空抛物", U, "高空坠物", "falling objects"),
  Danger("坠物", U, "高空坠物", "falling objects"), Danger("砸伤", U, "砸伤", "people hit by objects"),
  Danger("砸死", U, "砸伤", "people hit by objects"), Danger("坠楼", U, "坠楼", "fall from a building"),
  Danger("坠落", W, "坠落", "falling"), Danger("掉落", W, "坠落", "falling"),
  Danger("电梯困人", U, "电梯困人", "people trapped in a lift"), Danger("困在电梯", U, "电梯困人", "people trapped in a lift"),
  Danger("被困电梯", U, "电梯困人", "people trapped in a lift"), Danger("电梯坠落", U, "电梯事故", "lift accident"),
  Danger("电梯下坠", U, "电梯事故", "lift accident"), Danger("电梯失控", U, "电梯事故", "lift accident"),
  Danger("电梯事故", U, "电梯事故", "lift accident"),
  Danger("井盖缺失", U, "井盖缺失", "missing manhole cover"), Danger("井盖丢失", U, "井盖缺失", "missing manhole cover"),
  Danger("井盖被盗", U, "井盖缺失", "missing manhole cover"), Danger("井盖破损", U, "井盖缺失", "missing manhole cover"),
  Danger("没有井盖", U, "井盖缺失", "missing manhole cover"), Danger("井盖松动", U, "井盖缺失", "missing manhole cover"),
  // Missing people.
  Danger("孩子走失", E, "儿童老人走失", "missing child or elder"), Danger("小孩走失", E, "儿童老人走失", "missing child or elder"),
  Danger("儿童走失", E, "儿童老人走失", "missing child or elder"), Danger("孩子失踪", E, "儿童老人走失", "missing child or elder"),
  Danger("小孩失踪", E, "儿童老人走失", "missing child or elder"), Danger("儿童失踪", E, "儿童老人走失", "missing child or elder"),
  Danger("老人走失", E, "儿童老人走失", "missing child or elder"), Danger("女儿失踪", E, "儿童老人走失", "missing child or elder"),
  Danger("儿子失踪", E, "儿童老人走失", "missing child or elder"),
  Danger("走失", W, "人员走失", "missing person"), Danger("失踪", W, "人员走失", "missing person"),
  Block("玩失踪"),
  // Self-harm and threats to others.
  SelfHarm("自杀"), SelfHarm("轻生"), SelfHarm("跳楼"), SelfHarm("不想活"), SelfHarm("寻短见"),
  SelfHarm("寻死"), SelfHarm("以死相逼"), SelfHarm("以死明志"), SelfHarm("喝农药"), SelfHarm("服毒"),
  SelfHarm("割腕"), SelfHarm("结束生命"), SelfHarm("了结生命"), Danger("活不下去", U, "生活绝境", "cannot go on living"),
  Block("跳楼价"), Block("自杀式"), Block("跳楼甩卖"),
  Danger("报复社会", E, "扬言报复", "threat of revenge on others"), Danger("同归于尽", E, "扬言报复", "threat of revenge on others"),
  Danger("杀人", U, "暴力伤人", "violence against people"), Danger("行凶", U, "暴力伤人", "violence against people"),
  Danger("持刀", U, "暴力伤人", "violence against people"), Danger("砍人", U, "暴力伤人", "violence against people"),
  Danger("砍伤", U, "暴力伤人", "violence against people"), Danger("家暴", U, "家庭暴力", "domestic violence"),
  Danger("家庭暴力", U, "家庭暴力", "domestic violence"), Danger("殴打", W, "殴打", "beating"),
  Danger("打伤", W, "殴打", "beating"),
  // Death, injury, poisoning.
  Danger("生命危险", U, "生命危险", "life in danger"), Danger("危及生命", U, "危及生命", "threat to life"),
  Danger("威胁生命", U, "危及生命", "threat to life"), Danger("出人命", U, "人员伤亡", "deaths or injuries"),
  Danger("死亡事故", U, "人员伤亡", "deaths or injuries"), Danger("致人死亡", U, "人员伤亡", "deaths or injuries"),
  Danger("造成死亡", U, "人员伤亡", "deaths or injuries"), Danger("导致死亡", U, "人员伤亡", "deaths or injuries"),
  Danger("意外死亡", U, "人员伤亡", "deaths or injuries"), Danger("身亡", U, "人员伤亡", "deaths or injuries"),
  Danger("丧生", U, "人员伤亡", "deaths or injuries"), Danger("遇难", U, "人员伤亡", "deaths or injuries"),
  Danger("死伤", U, "人员伤亡", "deaths or injuries"), Danger("伤亡", U, "人员伤亡", "deaths or injuries"),
  Danger("致死", U, "人员伤亡", "deaths or injuries"), Danger("死亡", W, "死亡", "a death"),
  Block("死亡率"), Block("死亡证明"), Block("死亡抚恤"), Block("死亡后"), Block("伤亡保险"),
  Block("树木死亡"), Block("苗木死亡"), Block("鱼死亡"), Block("鱼类死亡"), Block("大量死亡"),
  Danger("受伤", W, "人员受伤", "people injured"), Danger("摔伤", W, "人员受伤", "people injured"),
  Danger("撞伤", W, "人员受伤", "people injured"), Danger("烫伤", W, "人员受伤", "people injured"),
  Danger("墙面脱落", W, "墙体脱落", "falling plaster or tiles"), Danger("外墙脱落", W, "墙体脱落", "falling plaster or tiles"),
  Danger("瓷砖脱落", W, "墙体脱落", "falling plaster or tiles"), Danger("墙皮脱落", W, "墙体脱落", "falling plaster or tiles"),
  Danger("中毒", U, "中毒", "poisoning"), Danger("一氧化碳", U, "中毒", "poisoning"),
  Danger("毒气", U, "中毒", "poisoning"),
  // General hazards.
  Danger("安全隐患", W, "安全隐患", "safety hazard"), Danger("隐患", W, "安全隐患", "safety hazard"),
  Danger("事故隐患", W, "安全隐患", "safety hazard"), Danger("危险", W, "危险", "danger"),
  Danger("不安全", W, "危险", "danger"), Danger("安全事故", W, "安全事故", "accident"),
  Danger("险情", U, "险情", "imminent hazard"), Danger("危险化学品", W, "危险化学品", "hazardous chemicals"),
  Danger("危化品", W, "危险化学品", "hazardous chemicals"), Danger("人命关天", W, "人命关天", "lives at stake"),
  Danger("消防通道", W, "消防通道", "fire lane"), Danger("消防车通道", W, "消防通道", "fire lane"),
  Danger("生命通道", W, "消防通道", "fire lane"), Danger("被淹", W, "被淹", "flooding"),
  Danger("恶犬", W, "恶犬伤人", "dangerous dogs"), Danger("咬伤", W, "恶犬伤人", "dangerous dogs"),
  Block("危险驾驶"),
  // Mass incidents: actions.
  Mass("集体上访", E, "集体上访", "collective petition"), Mass("群体上访", E, "集体上访", "collective petition"),
  Mass("群体性上访", E, "集体上访", "collective petition"), Mass("群访", E, "集体上访", "collective petition"),
  Mass("群体性事件", E, "群体性事件", "mass incident"), Mass("群体事件", E, "群体性事件", "mass incident"),
  Mass("堵路", U, "堵路堵门", "blocking roads or gates"), Mass("围堵", U, "堵路堵门", "blocking roads or gates"),
  Block("拥堵路"), Block("堵路口"),
  Mass("拉横幅", E, "拉横幅", "banners"), Mass("拉条幅", E, "拉横幅", "banners"),
  Mass("打横幅", E, "拉横幅", "banners"), Mass("举横幅", E, "拉横幅", "banners"),
  Mass("拉起横幅", E, "拉横幅", "banners"), Mass("横幅", W, "横幅", "banners"),
  Mass("静坐", E, "静坐示威", "sit-in or demonstration"), Mass("游行", E, "静坐示威", "sit-in or demonstration"),
  Mass("示威", U, "静坐示威", "sit-in or demonstration"), Mass("罢工", U, "罢工罢课", "strike"),
  Mass("罢课", E, "罢工罢课", "strike"), Mass("集体讨薪", E, "集体讨薪", "collective wage protest"),
  Mass("聚众", W, "聚众", "mob"), Block("聚众赌"), Mass("打砸", U, "打砸", "smashing property"),
  Block("旅游行"), Block("导游行"), Block("下游行"), Block("上游行"), Block("鸣笛示威"),
  Mass("械斗", E, "械斗", "armed fight"), Mass("暴动", U, "暴动", "riot"),
  Mass("进京上访", E, "进京上访", "petition in Beijing"), Mass("赴京上访", E, "进京上访", "petition in Beijing"),
  Mass("到北京上访", E, "进京上访", "petition in Beijing"), Mass("去北京上访", E, "进京上访", "petition in Beijing"),
  // Mass incidents: escalation and threats.
  Mass("越级上访", U, "越级上访", "petition over the heads"), Mass("集体维权", U, "集体维权", "collective rights action"),
  Mass("联合维权", U, "集体维权", "collective rights action"), Mass("集体抗议", U, "集体抗议", "collective protest"),
  Mass("过激行为", U, "过激行为", "drastic action"), Mass("过激", U, "过激行为", "drastic action"),
  Mass("极端行为", U, "过激行为", "drastic action"), Mass("极端手段", U, "过激行为", "drastic action"),
  Mass("极端方式", U, "过激行为", "drastic action"), Mass("采取极端", U, "过激行为", "drastic action"),
  Mass("极端措施", U, "过激行为", "drastic action"),
  Block("极端天气"), Block("极端气候"), Block("极端高温"), Block("极端低温"),
  Mass("发生冲突", U, "冲突", "confrontation"), Mass("肢体冲突", U, "冲突", "confrontation"),
  Mass("引发冲突", U, "冲突", "confrontation"), Mass("爆发冲突", U, "冲突", "confrontation"),
  Mass("激烈冲突", U, "冲突", "confrontation"), Mass("直接冲突", U, "冲突", "confrontation"),
  Mass("矛盾激化", U, "矛盾激化", "escalating conflict"), Mass("激化矛盾", U, "矛盾激化", "escalating conflict"),
  Mass("群情激愤", U, "群情激愤", "public anger"), Mass("闹事", U, "闹事", "trouble-making"),
  Mass("上访", W, "上访", "petitioning"), Mass("聚集", W, "聚集", "gathering"),
  Mass("民愤", W, "民愤", "public anger"), Mass("联名", W, "联名", "joint letter"),
  Mass("向媒体", W, "诉诸媒体", "going to the media"), Mass("找媒体", W, "诉诸媒体", "going to the media"),
  Mass("媒体曝光", W, "诉诸媒体", "going to the media"), Mass("走投无路", W, "走投无路", "desperation"),
  Mass("被逼无奈", W, "走投无路", "desperation"),
  // Many people without a number.
  Crowd("全小区", "the whole estate"), Crowd("整个小区", "the whole estate"),
  Crowd("全体业主", "all owners"), Crowd("全体居民", "all residents"), Crowd("全体村民", "all villagers"),
  Crowd("全体住户", "all residents"), Crowd("全村", "the whole village"), Crowd("整栋楼", "the whole building"),
  Crowd("全栋", "the whole building"), Crowd("所有业主", "all owners"), Crowd("所有住户", "all residents"),
  Crowd("所有居民", "all residents"), Crowd("众多业主", "many owners"), Crowd("众多居民", "many residents"),
  Crowd("大批业主", "many owners"), Crowd("千家万户", "countless households"),
  Crowd("全体员工", "all employees", true), Crowd("全体职工", "all employees", true),
  Crowd("全体工人", "all workers", true), Crowd("全体教师", "all teachers", true),
  Crowd("所有工人", "all workers", true), Crowd("所有员工", "all employees", true),
  Crowd("所有农民工", "all migrant workers", true), Crowd("大批农民工", "many migrant workers", true),
  Crowd("众多农民工", "many migrant workers", true), Crowd("众多工人", "many workers", true),
  // Wages owed.
  Arrears("拖欠工资"), Arrears("欠薪"), Arrears("讨薪"), Arrears("讨要工资"), Arrears("讨要工钱"),
  Arrears("工资未发"), Arrears("未发工资"), Arrears("未发放工资"), Arrears("工资拖欠"),
  Arrears("没发工资"), Arrears("没有发工资"), Arrears("拿不到工资"), Arrears("领不到工资"),
  Arrears("工资没发"), Arrears("克扣工资"), Arrears("拖欠工程款"), Arrears("拖欠劳务费"),
  Arrears("拖欠工钱"), Arrears("血汗钱"), Arrears("拖欠农民工"), Arrears("拖欠工人"),
  Arrears("拖欠员工"), Arrears("拖欠职工"),
});
// clang-format on

}  // namespace

std::span<const Cue> BuiltInCues() {
  return kCues;
}

CueIndex::CueIndex(std::span<const Cue> cues) : start_(kLast - kFirst + 2, 0) {
  for (const Cue& cue : cues) {
    std::u32string word = text::DecodeUtf8(cue.word);
    if (word.empty() || word[0] < kFirst || word[0] > kLast) continue;  // unreachable by design
    entries_.push_back(Entry{std::move(word), &cue});
  }
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    if (a.word[0] != b.word[0]) return a.word[0] < b.word[0];
    return a.word.size() > b.word.size();
  });
  // start_[k] = first entry whose first character is >= kFirst + k.
  std::size_t e = 0;
  for (std::size_t k = 0; k < start_.size(); ++k) {
    while (e < entries_.size() && entries_[e].word[0] < kFirst + k) ++e;
    start_[k] = static_cast<std::uint32_t>(e);
  }
}

const Cue* CueIndex::LongestAt(std::u32string_view text, std::size_t pos,
                               std::size_t* length) const {
  const char32_t c = text[pos];
  if (c < kFirst || c > kLast) return nullptr;
  const std::size_t k = c - kFirst;
  for (std::uint32_t e = start_[k]; e < start_[k + 1]; ++e) {
    const std::u32string& w = entries_[e].word;
    if (text.substr(pos, w.size()) == w) {
      *length = w.size();
      return entries_[e].cue;
    }
  }
  return nullptr;
}

}  // namespace lizheng::insight
