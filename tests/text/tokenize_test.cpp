#include "nazir/text/tokenize.h"

#include <random>
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


// Tokenize cuts simple text without ICU's iterator; whatever the text, its tokens must be the iterator's:
// random text of words and punctuation, with what the shortcut leaves to ICU mixed in (digits,
// apostrophes, tatweel, hamza marks, marks after punctuation, non-ASCII spaces, Latin accents, emoji).
TEST(Tokenize, ShortcutGivesTheIteratorsTokens) {
  const std::vector<std::string> simple = {
      "a", "Z", "q", "Ø¨", "Ø§", "Ø£", "Ø©", "Ù", "Ù", "Ø¡",  // letters
      "Ù", "Ù", "Ù",                                                                // harakat
      ".", ",", ":", ";", "!", "?", "\"", "(", ")", "[", "]", "-", "Â«", "Â»", "Ø",
      "Ø", "Ø", " ", " ", " ", "\n", "\t"};
  const std::vector<std::string> other = {"7", "Ù£", "'", "Ù", "Ù", "Â ", "Ã©",
                                          "ð", "%", "/", "_", "â", "\r", "&"};
  std::mt19937 rng(41);
  int simple_only = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const bool mixed = round % 3 == 0;
    simple_only += mixed ? 0 : 1;
    const size_t len = rng() % 16;
    for (size_t i = 0; i < len; ++i) {
      // Letters most of the time, so that words form.
      const std::string& piece =
          (mixed && rng() % 6 == 0) ? other[rng() % other.size()] : (rng() % 2 ? simple[rng() % 10] : simple[rng() % simple.size()]);
      s += piece;
    }
    for (Lang lang : {Lang::kAr, Lang::kEn}) {
      const std::vector<Token> got = Tokenize(s, lang);
      const std::vector<Token> want = TokenizeWithIcu(s, lang);
      ASSERT_EQ(got.size(), want.size()) << "\"" << s << "\"";
      for (size_t k = 0; k < got.size(); ++k) {
        EXPECT_EQ(got[k].key, want[k].key) << "\"" << s << "\" token " << k;
        EXPECT_EQ(got[k].begin, want[k].begin) << "\"" << s << "\" token " << k;
        EXPECT_EQ(got[k].end, want[k].end) << "\"" << s << "\" token " << k;
        EXPECT_EQ(got[k].kind, want[k].kind) << "\"" << s << "\" token " << k;
      }
    }
  }
  EXPECT_GT(simple_only, 10000);
}

}  // namespace
}  // namespace nazir::text
