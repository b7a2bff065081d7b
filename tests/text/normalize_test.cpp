#include "nazir/text/normalize.h"

#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace nazir::text {
namespace {

struct KeyCase {
  const char* input;
  const char* key;
};

// Words from the seed articles and their matching keys.
TEST(Normalizer, FoldsArabicSpellingVariants) {
  const KeyCase cases[] = {
      {"أعلنت", "اعلنت"},                      // hamza on alef
      {"إلى", "الي"},                           // hamza under alef, alef maqsura
      {"آخرين", "اخرين"},                       // madda
      {"ٱلله", "الله"},                          // wasla
      {"مجلسى", "مجلسي"},                       // ى written for ي (seed 004)
      {"القطرى", "القطري"},
      {"حكومة الوفاق", "حكومه الوفاق"},          // ta marbuta
      {"الرئيس", "الرءيس"},                      // hamza on ya
      {"مؤتمر", "مءتمر"},                        // hamza on waw
      {"ایران", "ايران"},                        // Persian ya
      {"کابل", "كابل"},                          // Persian kaf
  };
  for (const KeyCase& c : cases) EXPECT_EQ(Normalizer::Get().Key(c.input, Lang::kAr), c.key) << c.input;
}

TEST(Normalizer, RemovesHarakatTatweelQuranicMarksAndInvisibleControls) {
  const KeyCase cases[] = {
      {"عُقِد", "عقد"},                          // seed 004
      {"أعلنَ الرئيسُ", "اعلن الرءيس"},
      {"هٰذا", "هذا"},                           // dagger alef
      {"بحكـــومة", "بحكومه"},                   // tatweel
      {"الرَّحْمَٰنِ ۖ", "الرحمن"},               // shadda, sukun, Quranic pause mark U+06D6
      {"ليبيا\u200F", "ليبيا"},                  // RLM
      {"فيس\u200Cبوك", "فيسبوك"},                // ZWNJ
      {"\u202Bطرابلس\u202C", "طرابلس"},          // RLE ... PDF
      {"\uFEFFالأخبار", "الاخبار"},              // BOM inside text
  };
  for (const KeyCase& c : cases) EXPECT_EQ(Normalizer::Get().Key(c.input, Lang::kAr), c.key) << c.input;
}

TEST(Normalizer, AppliesNfkcToPresentationFormsAndLigatures) {
  EXPECT_EQ(Normalizer::Get().Key("\uFEDF\uFEF4\uFE92\uFEF4\uFE8E", Lang::kAr), "ليبيا");
  EXPECT_EQ(Normalizer::Get().Key("\uFEFB", Lang::kAr), "لا");
  EXPECT_EQ(Normalizer::Get().Key("\uFB01nance", Lang::kEn), "finance");  // fi ligature
  EXPECT_EQ(Normalizer::Get().Key("ＵＳ", Lang::kEn), "us");             // full-width
}

TEST(Normalizer, FoldsArabicIndicAndPersianDigitsToAscii) {
  const KeyCase cases[] = {
      {"٢٠١١", "2011"},
      {"۲۰۱۱", "2011"},
      {"٦٫٩٪", "6.9%"},
      {"635 مليون", "635 مليون"},
  };
  for (const KeyCase& c : cases) EXPECT_EQ(Normalizer::Get().Key(c.input, Lang::kAr), c.key) << c.input;
  EXPECT_EQ(Normalizer::Get().Key("٢٠١١", Lang::kEn), "2011");
}

TEST(Normalizer, CaseFoldsEnglishAndCollapsesWhitespace) {
  const KeyCase cases[] = {
      {"U.S. President George W. Bush", "u.s. president george w. bush"},
      {"  Dr.\tEhud   Ur \n", "dr. ehud ur"},
      {"STRASSE", "strasse"},
      {"Straße", "strasse"},
      {"Ça\u00A0va", "ça va"},  // NO-BREAK SPACE is whitespace
  };
  for (const KeyCase& c : cases) EXPECT_EQ(Normalizer::Get().Key(c.input, Lang::kEn), c.key) << c.input;
  EXPECT_EQ(Normalizer::Get().Key("  الولايات   المتحدة \n", Lang::kAr), "الولايات المتحده");
}

TEST(Normalizer, GivesOneKeyToTheTwoSpellingsOfANameInSeed004) {
  // The same minister, spelled with and without hamza/ya variants across the seeds.
  const Normalizer& n = Normalizer::Get();
  EXPECT_EQ(n.Key("وزير الخارجية القطرى", Lang::kAr), n.Key("وزير الخارجية القطري", Lang::kAr));
  EXPECT_EQ(n.Key("الإستراتيجية", Lang::kAr), n.Key("الاستراتيجيه", Lang::kAr));
  EXPECT_NE(n.Key("بومبيو", Lang::kAr), n.Key("بلينكن", Lang::kAr));
}

// Key() computes common Arabic and ASCII text without the ICU rules; it must give what the rules give,
// whatever the mix: random strings over the whole Arabic block (marks that compose with a letter under
// NFKC, U+0653-0655, included), Persian letters, presentation forms, invisible controls, non-ASCII and
// ASCII white space, Latin letters with case and accents.
TEST(Normalizer, ShortcutsGiveTheRulesKey) {
  std::vector<char32_t> alphabet = {' ', ' ', '\t', '\n', 'a', 'Z', 'q', '7', '.', ',', '%', '-', '\'',
                                    0x00A0, 0x3000, 0x200C, 0x200F, 0x00AD, 0xFE8D, 0xFEFB, 0x00E9, 0x00DF,
                                    0x0130, 0x03A3, 0x06CC, 0x06A9, 0x0671, 0x06D6, 0x06ED, 0xFDF2};
  for (char32_t c = 0x0600; c <= 0x06FF; ++c) alphabet.push_back(c);
  for (char32_t c = 0x0621; c <= 0x064A; ++c) {  // the letters again: words look like words
    alphabet.push_back(c);
    alphabet.push_back(c);
  }
  auto utf8 = [](char32_t c, std::string* out) {
    if (c < 0x80) {
      *out += static_cast<char>(c);
    } else if (c < 0x800) {
      *out += static_cast<char>(0xC0 | (c >> 6));
      *out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      *out += static_cast<char>(0xE0 | (c >> 12));
      *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (c & 0x3F));
    }
  };
  const Normalizer& n = Normalizer::Get();
  std::mt19937 rng(20261207);
  int shortcut_eligible = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string s;
    const size_t len = 1 + rng() % 12;
    // Half the strings use only letters, harakat, tatweel, digits and ASCII, the shortcut's ground.
    const bool common = round % 2 == 0;
    for (size_t i = 0; i < len; ++i) {
      char32_t c = alphabet[rng() % alphabet.size()];
      if (common && c >= 0x80 && !((c >= 0x0621 && c <= 0x0652) || (c >= 0x0660 && c <= 0x066C) || c == 0x0670)) {
        c = 0x0628;
      }
      utf8(c, &s);
    }
    shortcut_eligible += common ? 1 : 0;
    for (Lang lang : {Lang::kAr, Lang::kEn}) {
      ASSERT_EQ(n.Key(s, lang), n.RuleKey(s, lang)) << "\"" << s << "\" as " << (lang == Lang::kAr ? "ar" : "en");
    }
  }
  EXPECT_GT(shortcut_eligible, 10000);
}

TEST(Normalizer, IsSafeToCallFromManyThreads) {
  const std::vector<std::string> inputs = {"أعلنت وزارة الداخلية", "إلى توسيع التعاون", "٢٠١١ مجلسى",
                                           "U.S. President", "عُقِد بالعاصمة"};
  std::vector<std::string> want;
  for (const auto& s : inputs) want.push_back(Normalizer::Get().Key(s, Lang::kAr));
  constexpr int kThreads = 4;
  constexpr int kRounds = 200;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < kRounds; ++r) {
        for (size_t i = 0; i < inputs.size(); ++i) {
          if (Normalizer::Get().Key(inputs[i], Lang::kAr) != want[i]) ++mismatches[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace nazir::text
