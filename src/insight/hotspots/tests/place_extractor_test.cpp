#include "lizheng/insight/hotspots/place_extractor.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace lizheng::insight::hotspots {
namespace {

using testing_support::SmallSegmenter;

std::string Describe(const std::vector<Place>& places) {
  std::string out;
  for (const Place& p : places) {
    out += (out.empty() ? "" : " | ") + p.name + "=" + p.key + "(" +
           std::string(PlaceKindName(p.kind)) + ")";
  }
  return out;
}

TEST(PlaceExtractorTest, DistrictAndEstate) {
  const PlaceExtractor extractor(SmallSegmenter());
  EXPECT_EQ(Describe(extractor.Find("反映A市A5区魅力之城小区噪音扰民")),
            "A市A5区=A5区(district) | 魅力之城小区=魅力之城(estate)");
}

TEST(PlaceExtractorTest, DistrictsAloneAndCounties) {
  const PlaceExtractor extractor(SmallSegmenter());
  EXPECT_EQ(Describe(extractor.Find("K7县和A市")), "K7县=K7县(district) | A市=A市(district)");
}

TEST(PlaceExtractorTest, AdjacentNamesOfOneKindJoin) {
  const PlaceExtractor extractor(SmallSegmenter());
  // A town and its village are one place; a generic road is none.
  EXPECT_EQ(Describe(extractor.Find("A7县春华镇金鼎村水泥路")),
            "A7县=A7县(district) | 春华镇金鼎村=春华镇金鼎村(town)");
}

TEST(PlaceExtractorTest, NamesStopAtComplaintWordsAndProvinces) {
  const PlaceExtractor extractor(SmallSegmenter());
  EXPECT_EQ(Describe(extractor.Find("西地省涉外经济学院强制学生实习")),
            "涉外经济学院=涉外经济学院(school)");
  EXPECT_EQ(Describe(extractor.Find("投诉丽发新城小区搅拌站")),
            "丽发新城小区=丽发新城(estate)");
}

TEST(PlaceExtractorTest, WordsThatOnlyEndLikePlacesAreNone) {
  const PlaceExtractor extractor(SmallSegmenter());
  EXPECT_EQ(Describe(extractor.Find("公司老板跑路了")), "");
  EXPECT_EQ(Describe(extractor.Find("小区")), "");
}

TEST(PlaceExtractorTest, MostSpecificPlaceSkipsDistricts) {
  const PlaceExtractor extractor(SmallSegmenter());
  const std::vector<Place> places = extractor.Find("A2区芙蓉路旁的丽发新城小区");
  const Place* p = MostSpecificPlace(places);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "丽发新城小区");
  EXPECT_EQ(MostSpecificPlace(extractor.Find("A2区")), nullptr);
}

}  // namespace
}  // namespace lizheng::insight::hotspots
