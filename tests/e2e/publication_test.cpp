// What the public reads (DESIGN.md §8): only requests the citizen consented
// to publish and the centre published, with personal data masked, and each
// leader's mailbox with its figures.
#include <cctype>
#include <string_view>
#include <vector>

#include "server_suite.hpp"

namespace lizheng::e2e {
namespace {

class PublicationTest : public ServerSuite {};

// Identifiers a citizen might write, each in a realistic sentence.
const char* const kSecrets[] = {"王建国", "13907311234", "430102198512120022", "湘A8B8C8",
                                "wang.jg@example.com", "0731-84567890", "6222021234567890123"};

TEST_F(PublicationTest, PublishedRequestsCarryNoPersonalData) {
  ClosedLoop& l = loop();
  const std::string title = "我叫王建国，电话13907311234，小区路灯不亮";
  const std::string detail =
      "本人身份证430102198512120022，住幸福小区3栋2单元501室。车牌湘A8B8C8的车常年占道，"
      "物业座机0731-84567890无人接听，材料发至wang.jg@example.com，退款请打到卡号"
      "6222021234567890123。";
  const std::int64_t id = l.Contacted("dh-01", {{"title", title}, {"detail", detail}, {"consent_public", true}});
  // The unit's reply names the citizen and repeats the number, as replies do.
  l.Reply(id, "dh-01", "王建国您好：您反映的路灯已修复。回访电话13907311234已登记。");
  l.Approve(id);
  l.Do("reviewer", id, "publish");
  const std::string tracking_no = l.View(id)["tracking_no"];

  ApiResponse r = api().Get("/api/v1/public/requests?limit=200");
  ASSERT_EQ(r.status, 200) << r.Describe();
  const json* mine = nullptr;
  for (const json& item : r["items"])
    if (item["tracking_no"] == tracking_no) mine = &item;
  ASSERT_NE(mine, nullptr) << "the published request is listed";
  EXPECT_NE((*mine)["reply"], nullptr);
  EXPECT_NE((*mine)["title"].get<std::string>().find("路灯不亮"), std::string::npos);
  EXPECT_NE((*mine)["detail"].get<std::string>().find("*栋*单元***室"), std::string::npos) << *mine;
  // Nothing on the whole public page carries an identifier.
  const std::string body = r.body;
  for (const char* secret : kSecrets) EXPECT_EQ(body.find(secret), std::string::npos) << secret;
  EXPECT_EQ(body.find("501室"), std::string::npos);
  // Neither the citizen's contact nor the address field is there at all.
  EXPECT_FALSE(mine->contains("citizen"));
  EXPECT_FALSE(mine->contains("address"));
}

std::string UrlEncode(std::string_view s) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Whether the public search for `q` lists the request `tracking_no`.
bool SearchFinds(ApiClient& api, const std::string& q, const std::string& tracking_no) {
  ApiResponse r = api.Get("/api/v1/public/requests?limit=200&q=" + UrlEncode(q));
  EXPECT_EQ(r.status, 200) << r.Describe();
  for (const json& item : r["items"])
    if (item["tracking_no"] == tracking_no) return true;
  return false;
}

// The public search runs on the masked title: searching a masked number's
// digit prefixes ("1", "13", "139" ...) must not tell which ones it has.
TEST_F(PublicationTest, SearchCannotRecoverAMaskedNumber) {
  ClosedLoop& l = loop();
  const std::string phone = "13907319876";
  const std::int64_t id = l.Answered(
      "dh-01", {{"title", "井盖松动请联系" + phone}, {"consent_public", true}});
  l.Do("reviewer", id, "publish");
  const std::string tracking_no = l.View(id)["tracking_no"];
  EXPECT_TRUE(SearchFinds(api(), "井盖松动", tracking_no)) << "ordinary words are still found";
  EXPECT_TRUE(SearchFinds(api(), "请联系*", tracking_no)) << "the masked text as the public reads it";
  for (std::size_t n = 2; n <= phone.size(); ++n) {
    const std::string prefix = "联系" + phone.substr(0, n - 1);
    EXPECT_FALSE(SearchFinds(api(), prefix, tracking_no)) << prefix;
  }
  EXPECT_FALSE(SearchFinds(api(), phone, tracking_no));
  EXPECT_FALSE(SearchFinds(api(), phone.substr(3, 4), tracking_no));
}

// An identifier in one of the formats people write, the sentence it is
// written in, and what must never be readable or searchable publicly.
struct Identifier {
  const char* sentence;  // with the identifier, for title, detail and reply
  const char* secret;    // the part that must be masked
};

const Identifier kFormats[] = {
    {"回电+8613812345677", "13812345677"},
    {"电话一三八一二三四五六七八", "一三八一二三四五六七八"},
    {"电话(138)1234-5680", "1234-5680"},
    {"手机138.1234.5681", "1234.5681"},
    {"身份证110105-19491231-006X", "19491231"},
    {"邮箱ｗｘｍ４＠ｑｑ．ｃｏｍ", "ｗｘｍ４"},
    {"邮箱wxm4 at qq dot com", "wxm4"},
    {"我叫 陈 建 国", "建 国"},
    {"我是住在三楼的孙丽丽", "丽丽"},
    {"邻居周杰", "周杰"},
    {"住解放路一百二十三号", "一百二十三"},
    {"住7-2-301", "7-2-301"},
    {"微信号wxid_abc12345", "abc12345"},
    {"QQ号1234567891", "1234567891"},
    {"座机0731-84567890", "84567890"},
    {"卡号6222021234567890123", "6222021234567890123"},
    {"车牌湘A8B8C8", "8B8C8"},
    {"邮件wang.jg@example.com", "wang.jg"},
};

// Substrings of a secret a searcher would try: every prefix and suffix of
// three characters or more (in code points).
std::vector<std::string> Fragments(const std::string& secret) {
  std::vector<std::size_t> starts;
  for (std::size_t k = 0; k < secret.size(); ++k)
    if ((static_cast<unsigned char>(secret[k]) & 0xC0) != 0x80) starts.push_back(k);
  starts.push_back(secret.size());
  std::vector<std::string> out;
  for (std::size_t n = 3; n + 1 <= starts.size(); ++n) {
    out.push_back(secret.substr(0, starts[n]));
    out.push_back(secret.substr(starts[starts.size() - 1 - n]));
  }
  return out;
}

// Every format, filed with consent and published through the loop, is
// masked in the title, detail and reply of the public list, and no search
// for it or a fragment of it finds the request.
TEST_F(PublicationTest, NoIdentifierFormatReachesAPublicPageOrSearch) {
  ClosedLoop& l = loop();
  std::vector<std::string> tracking_nos;
  for (const Identifier& f : kFormats) {
    const std::string sentence = f.sentence;
    const std::int64_t id = l.Contacted(
        "dh-01", {{"title", "楼道灯坏了，" + sentence}, {"detail", "请尽快修理。" + sentence + "。"},
                  {"consent_public", true}});
    l.Reply(id, "dh-01", "已修复，回访时核对了" + sentence + "。");
    l.Approve(id);
    l.Do("reviewer", id, "publish");
    tracking_nos.push_back(l.View(id)["tracking_no"]);
  }

  ApiResponse list = api().Get("/api/v1/public/requests?limit=200");
  ASSERT_EQ(list.status, 200) << list.Describe();
  std::size_t listed = 0;
  for (const json& item : list["items"])
    for (const std::string& t : tracking_nos) listed += item["tracking_no"] == t ? 1 : 0;
  EXPECT_EQ(listed, tracking_nos.size()) << "every published request is listed";
  ApiResponse mailboxes = api().Get("/api/v1/mailboxes");
  ASSERT_EQ(mailboxes.status, 200) << mailboxes.Describe();

  for (const Identifier& f : kFormats) {
    SCOPED_TRACE(f.sentence);
    EXPECT_EQ(list.body.find(f.secret), std::string::npos) << "in the public list";
    EXPECT_EQ(mailboxes.body.find(f.secret), std::string::npos) << "on the mailbox page";
    std::vector<std::string> queries = Fragments(f.secret);
    queries.push_back(f.secret);
    for (const std::string& q : queries) {
      ApiResponse r = api().Get("/api/v1/public/requests?limit=200&q=" + UrlEncode(q));
      ASSERT_EQ(r.status, 200) << r.Describe();
      EXPECT_EQ(r.body.find(f.secret), std::string::npos) << q;
      for (const json& item : r["items"])
        for (const std::string& t : tracking_nos) EXPECT_NE(item["tracking_no"], t) << "found by " << q;
    }
  }
}

TEST_F(PublicationTest, UnpublishedAndUnconsentedRequestsAreNotListed) {
  ClosedLoop& l = loop();
  const std::int64_t without_consent = l.Answered("dh-01", {{"title", "未同意公开的诉求甲"}, {"consent_public", false}});
  const std::int64_t unpublished = l.Answered("dh-01", {{"title", "同意但未公开的诉求乙"}, {"consent_public", true}});
  const std::int64_t withdrawn = l.Answered("dh-01", {{"title", "公开后撤回的诉求丙"}, {"consent_public", true}});
  l.Do("reviewer", withdrawn, "publish");
  l.Do("dispatcher", withdrawn, "unpublish", {{"reason", "含有个人信息"}});
  (void)without_consent;
  (void)unpublished;
  ApiResponse r = api().Get("/api/v1/public/requests?q=%E8%AF%89%E6%B1%82&limit=200");  // q=诉求
  ASSERT_EQ(r.status, 200) << r.Describe();
  for (const json& item : r["items"]) {
    const std::string t = item["title"];
    EXPECT_EQ(t.find("诉求甲"), std::string::npos) << t;
    EXPECT_EQ(t.find("诉求乙"), std::string::npos) << t;
    EXPECT_EQ(t.find("诉求丙"), std::string::npos) << t;
  }
}

TEST_F(PublicationTest, FiltersPagingAndBadParameters) {
  ClosedLoop& l = loop();
  for (int i = 0; i < 3; ++i) {
    const std::int64_t id = l.Answered("dh-01", {{"title", "公开分页测试" + std::to_string(i)},
                                                 {"type", "suggestion"},
                                                 {"consent_public", true}});
    l.Do("reviewer", id, "publish");
  }
  ApiResponse first = api().Get("/api/v1/public/requests?type=suggestion&limit=2");
  ASSERT_EQ(first.status, 200) << first.Describe();
  ASSERT_EQ(first["items"].size(), 2u);
  for (const json& item : first["items"]) EXPECT_EQ(item["type"]["code"], "suggestion");
  ASSERT_TRUE(first["next_cursor"].is_string());
  ApiResponse second = api().Get("/api/v1/public/requests?type=suggestion&limit=2&cursor=" +
                                 first["next_cursor"].get<std::string>());
  ASSERT_EQ(second.status, 200) << second.Describe();
  ASSERT_GE(second["items"].size(), 1u);
  EXPECT_NE(second["items"][0]["tracking_no"], first["items"][1]["tracking_no"]);

  ApiResponse bad_type = api().Get("/api/v1/public/requests?type=gripe");
  EXPECT_EQ(bad_type.status, 400);
  EXPECT_EQ(bad_type.ErrorField(), "type");
  ApiResponse unknown = api().Get("/api/v1/public/requests?state=closed");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.ErrorField(), "state");
  ApiResponse bad_cursor = api().Get("/api/v1/public/requests?cursor=yesterday");
  EXPECT_EQ(bad_cursor.status, 400);
  EXPECT_EQ(bad_cursor.ErrorField(), "cursor");
}

TEST_F(PublicationTest, MailboxesShowTheirFigures) {
  ApiResponse before = api().Get("/api/v1/mailboxes");
  ASSERT_EQ(before.status, 200) << before.Describe();
  ASSERT_FALSE(before["items"].empty());
  const json& box = before["items"][0];
  ASSERT_TRUE(box.contains("figures")) << box;
  const std::int64_t received = box["figures"]["received"];
  EXPECT_EQ(box["figures"]["days"], 90);
  loop().File({{"mailbox_code", box["code"]}, {"title", "写给领导信箱的诉求"}});
  ApiResponse after = api().Get("/api/v1/mailboxes");
  EXPECT_EQ(after["items"][0]["figures"]["received"], received + 1);
}

// 按时办结率 and 满意率 of a mailbox are computed over its own work orders:
// null (not 0 %) while nothing was replied or rated, then the shares of
// replies in time and of satisfied ratings, each beside its denominator.
TEST_F(PublicationTest, MailboxesRateTheirOwnWorkOrders) {
  auto figures_of = [](const std::string& code) -> json {
    ApiResponse r = api().Get("/api/v1/mailboxes");
    EXPECT_EQ(r.status, 200) << r.Describe();
    for (const json& m : r["items"])
      if (m["code"] == code) return m["figures"];
    ADD_FAILURE() << "no mailbox " << code << " in " << r.Describe();
    return json::object();
  };
  ApiResponse list = api().Get("/api/v1/mailboxes");
  ASSERT_EQ(list.status, 200) << list.Describe();
  ASSERT_GE(list["items"].size(), 2u);
  // The last mailbox: the suite's other tests write to the first.
  const std::string code = list["items"].back()["code"];
  const json before = figures_of(code);
  ASSERT_TRUE(before.contains("replied")) << before;
  for (const auto& [rate, whole] :
       {std::pair{"on_time_rate", "replied"}, {"satisfaction_rate", "rated"}}) {
    if (before[whole] == 0) {
      EXPECT_TRUE(before[rate].is_null()) << rate << ": " << before;
    }
  }

  const json to_box = {{"mailbox_code", code}, {"channel", "mailbox"}};
  loop().Closed("dh-01", to_box);    // replied in time, satisfied
  loop().Answered("dh-01", to_box);  // replied in time, not yet called back
  loop().Reopened("dh-01", to_box);  // replied in time, unsatisfied
  loop().Record(to_box);             // not yet replied
  const json after = figures_of(code);
  auto grew = [&](const char* key) {
    return after[key].get<std::int64_t>() - before[key].get<std::int64_t>();
  };
  EXPECT_EQ(grew("received"), 4) << after;
  EXPECT_EQ(grew("replied"), 3) << after;
  EXPECT_EQ(grew("replied_on_time"), 3) << after;
  EXPECT_EQ(grew("closed"), 1) << after;
  EXPECT_EQ(grew("rated"), 2) << after;
  EXPECT_EQ(grew("satisfied"), 1) << after;
  ASSERT_TRUE(after["on_time_rate"].is_number()) << after;
  ASSERT_TRUE(after["satisfaction_rate"].is_number()) << after;
  EXPECT_DOUBLE_EQ(after["on_time_rate"].get<double>(),
                   after["replied_on_time"].get<double>() / after["replied"].get<double>());
  EXPECT_DOUBLE_EQ(after["satisfaction_rate"].get<double>(),
                   (after["satisfied"].get<double>() + after["basically_satisfied"].get<double>()) /
                       after["rated"].get<double>());
  if (before["replied"] == 0 && before["rated"] == 0) {
    EXPECT_DOUBLE_EQ(after["on_time_rate"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(after["satisfaction_rate"].get<double>(), 0.5);
  }
}

}  // namespace
}  // namespace lizheng::e2e
