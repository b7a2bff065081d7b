#include "nazir/text/tokenize.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace nazir::text {
namespace {

std::vector<std::string> Keys(const std::vector<Token>& toks) {
  std::vector<std::string> out;
  for (const Token& t : toks) out.push_back(t.key);
  return out;
}

TEST(Tokenize, SplitsArabicWordsAndPunctuationWithOffsetsIntoTheInput) {
  const std::string text = "وقالت القائم بالاعمال الاميركية ان واشنطن انفقت 635 مليون دولار.";  // seed 003
  const std::vector<Token> toks = Tokenize(text, Lang::kAr);
  EXPECT_EQ(Keys(toks), (std::vector<std::string>{"وقالت", "القاءم", "بالاعمال", "الاميركيه", "ان", "واشنطن",
                                                   "انفقت", "635", "مليون", "دولار", "."}));
  for (const Token& t : toks) {
    ASSERT_LE(t.end, text.size());
    EXPECT_LT(t.begin, t.end);
  }
  EXPECT_EQ(text.substr(toks[1].begin, toks[1].end - toks[1].begin), "القائم");  // original bytes
  EXPECT_EQ(toks[7].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[10].kind, TokenKind::kPunct);
}

TEST(Tokenize, KeepsTheArabicCommaAndQuotesAsPunctuation) {
  const std::vector<Token> toks = Tokenize("قال بومبيو، “الخميس”", Lang::kAr);
  ASSERT_EQ(toks.size(), 6u);
  EXPECT_EQ(toks[1].key, "بومبيو");
  EXPECT_EQ(toks[2].key, "،");
  EXPECT_EQ(toks[2].kind, TokenKind::kPunct);
  EXPECT_EQ(toks[3].key, "“");
  EXPECT_EQ(toks[4].key, "الخميس");
}

TEST(Tokenize, GivesNumbersAsciiKeysWithoutThousandsSeparators) {
  struct Case {
    const char* text;
    Lang lang;
    const char* key;
  };
  const Case cases[] = {
      {"635", Lang::kAr, "635"},        {"٦٣٥", Lang::kAr, "635"},
      {"153,822", Lang::kAr, "153822"}, {"1,000,000", Lang::kEn, "1000000"},
      {"6.9", Lang::kAr, "6.9"},        {"٦٫٩", Lang::kAr, "6.9"},
      {"2.4", Lang::kEn, "2.4"},        {"7,1", Lang::kAr, "7.1"},
      {"1,000.5", Lang::kEn, "1000.5"},
  };
  for (const Case& c : cases) {
    const std::vector<Token> toks = Tokenize(c.text, c.lang);
    ASSERT_EQ(toks.size(), 1u) << c.text;
    EXPECT_EQ(toks[0].key, c.key) << c.text;
    EXPECT_EQ(toks[0].kind, TokenKind::kNumber) << c.text;
  }
}

TEST(Tokenize, SplitsANumberGluedToAnArabicLetter) {
  // "و" (and) written against a number, and the era letter "م" (AD) against a year.
  const std::vector<Token> toks = Tokenize("و5.0 عام 2014م", Lang::kAr);
  EXPECT_EQ(Keys(toks), (std::vector<std::string>{"و", "5.0", "عام", "2014", "م"}));
  EXPECT_EQ(toks[1].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[3].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[4].kind, TokenKind::kWord);
}

TEST(Tokenize, CaseFoldsEnglishAndKeepsAbbreviationsAndContractionsWhole) {
  const std::vector<Token> toks = Tokenize("U.S. President George W. Bush didn't", Lang::kEn);
  EXPECT_EQ(Keys(toks),
            (std::vector<std::string>{"u.s", ".", "president", "george", "w", ".", "bush", "didn't"}));
}

TEST(Tokenize, SplitsLatinAcronymsInsideArabicText) {
  const std::vector<Token> toks = Tokenize("محطة KSWB-TV المحلية", Lang::kAr);
  EXPECT_EQ(Keys(toks), (std::vector<std::string>{"محطه", "kswb", "-", "tv", "المحليه"}));
}

TEST(Tokenize, ReturnsNothingForEmptyOrBlankText) {
  EXPECT_TRUE(Tokenize("", Lang::kAr).empty());
  EXPECT_TRUE(Tokenize(" \n\t", Lang::kEn).empty());
}

}  // namespace
}  // namespace nazir::text
