// Swapped-input detection: an English file given as the Arabic side (or the reverse) is refused, while
// Arabic news quoting Latin names and English text quoting an Arabic word pass.
#include "nazir/text/script.h"

#include <gtest/gtest.h>

namespace nazir::text {
namespace {

constexpr char kArabic[] =
    "وقالت القائم بالاعمال الاميركية ان واشنطن انفقت 635 مليون دولار لدعم ليبيا بعد اطاحة نظام معمر القذافي.";
constexpr char kEnglish[] =
    "The acting US envoy said Washington had spent $635 million to support Libya since the fall of Muammar "
    "Gaddafi.";

TEST(Script, CountsLettersByScript) {
  const ScriptCounts c = CountScripts("NATO الناتو 2018");
  EXPECT_EQ(c.latin, 4);
  EXPECT_EQ(c.arabic, 6);
}

TEST(Script, AcceptsEachSideInItsOwnLanguage) {
  EXPECT_TRUE(CheckLanguage(kArabic, Lang::kAr, "a.txt").ok());
  EXPECT_TRUE(CheckLanguage(kEnglish, Lang::kEn, "e.txt").ok());
}

TEST(Script, AcceptsArabicNewsQuotingLatinNamesAndEnglishQuotingArabic) {
  const std::string ar = std::string(kArabic) + " وقالت محطة KSWB-TV في سان دييغو (Exit mobile version)";
  EXPECT_TRUE(CheckLanguage(ar, Lang::kAr, "a.txt").ok());
  const std::string en = std::string(kEnglish) + " The group calls itself الدولة الإسلامية.";
  EXPECT_TRUE(CheckLanguage(en, Lang::kEn, "e.txt").ok());
}

TEST(Script, RefusesSwappedFilesNamingTheFile) {
  const Status ar = CheckLanguage(kEnglish, Lang::kAr, "report.en.txt");
  ASSERT_FALSE(ar.ok());
  EXPECT_EQ(ar.code(), StatusCode::kInvalidInput);
  EXPECT_NE(ar.message().find("report.en.txt"), std::string::npos) << ar.message();
  EXPECT_NE(ar.message().find("swapped"), std::string::npos) << ar.message();
  EXPECT_FALSE(CheckLanguage(kArabic, Lang::kEn, "x").ok());
}

TEST(Script, ShortOrLetterlessTextIsNotJudged) {
  EXPECT_TRUE(CheckLanguage("Exit mobile version", Lang::kAr, "x").ok());
  EXPECT_TRUE(CheckLanguage("2018-07-12 | 635", Lang::kEn, "x").ok());
}

}  // namespace
}  // namespace nazir::text
