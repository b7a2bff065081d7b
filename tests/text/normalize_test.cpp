#include "nazir/text/normalize.h"

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
