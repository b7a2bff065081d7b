// Each signal of the bead features on its own: a small hand-made lexicon, one sentence a side.
#include "nazir/align/features.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/documents.h"

#include "nazir/align/bead_model.h"

namespace nazir::align {
namespace {

Document Doc(Lang lang, const std::vector<std::string>& sentences) {
  return ::nazir::testing::MakeDocument(lang, sentences);
}

Resources SmallLexicon() {
  auto lex = std::make_shared<Lexicon>();
  lex->AddEntry("حكومة", "government");
  lex->AddEntry("وزير", "minister");
  lex->AddEntry("مطار", "airport");
  lex->AddEntry("دولار", "dollar");
  lex->AddEntry("مليون", "million");
  return Resources{lex};
}

// Coverage of the 1-1 bead of a one-sentence pair with the given signals.
BeadFeatures Pair(const std::string& ar, const std::string& en, Signals signals = {},
                  Resources res = SmallLexicon()) {
  Document a = Doc(Lang::kAr, {ar}), e = Doc(Lang::kEn, {en});
  PairFeatures f(a, e, res, signals, nullptr);
  f.AddNameLinks(Band::Full(1, 1));
  return f.Compute({0, 1, 0, 1});
}

struct SignalCase {
  const char* name;
  std::string ar, en;
  Signals off;  // the same pair with this signal switched off must lose its link
};

Signals Without(bool Signals::*s) {
  Signals x;
  x.*s = false;
  return x;
}

class SignalCases : public ::testing::TestWithParam<SignalCase> {};

TEST_P(SignalCases, LinksTheWordsAndStopsWhenSwitchedOff) {
  const SignalCase& c = GetParam();
  const BeadFeatures on = Pair(c.ar, c.en);
  const BeadFeatures off = Pair(c.ar, c.en, c.off);
  EXPECT_GT(on.ar_coverage, 0.0);
  EXPECT_GT(on.en_coverage, 0.0);
  EXPECT_LT(off.en_coverage, on.en_coverage);
}

INSTANTIATE_TEST_SUITE_P(
    Align, SignalCases,
    ::testing::Values(
        // The dictionary word behind a conjunction and an article (و + ال + حكومة).
        SignalCase{"LexiconThroughClitics", "والحكومة", "the government", Without(&Signals::lexicon)},
        // Arabic-Indic digits against ASCII ones.
        SignalCase{"Numbers", "٦٣٥", "635", Without(&Signals::numbers)},
        // Letters and digits in one English token are cut as the Arabic tokenizer cuts them.
        SignalCase{"NumbersInsideWords", "تردد 2.4 جيغاهرتز", "2.4GHz", Without(&Signals::numbers)},
        SignalCase{"NamesByTransliteration", "بومبيو", "Pompeo", Without(&Signals::names)},
        SignalCase{"Weekdays", "الخميس", "Thursday", Without(&Signals::calendar)},
        SignalCase{"Months", "يناير", "January", Without(&Signals::calendar)},
        SignalCase{"Quotes", "«»", "\"\"", Without(&Signals::punctuation)}),
    [](const ::testing::TestParamInfo<SignalCase>& info) { return std::string(info.param.name); });

TEST(Features, UnrelatedSentencesHaveNoCoverage) {
  const BeadFeatures f = Pair("وصل الوزير إلى المطار", "Prices of wheat rose sharply");
  EXPECT_EQ(f.ar_coverage, 0.0);
  EXPECT_EQ(f.en_coverage, 0.0);
}

TEST(Features, NumbersFoundAndMissingAreCounted) {
  const BeadFeatures f = Pair("أنفقت 635 مليون دولار في 2019", "It spent 635 million dollars in 2018");
  EXPECT_EQ(f.numbers_matched, 2);    // 635 on both sides
  EXPECT_EQ(f.numbers_unmatched, 2);  // 2019 and 2018
}

TEST(Features, LengthZScoreGrowsWithTheMismatch) {
  Document a = Doc(Lang::kAr, {"وزير", "وصل الوزير إلى المطار صباح اليوم بعد رحلة طويلة من العاصمة"});
  Document e = Doc(Lang::kEn, {"The minister arrived at the airport this morning after a long flight from the capital"});
  PairFeatures f(a, e, SmallLexicon(), Signals{}, nullptr);
  const double short_z = f.Compute({0, 1, 0, 1}).length_z;
  const double right_z = f.Compute({1, 1, 0, 1}).length_z;
  EXPECT_LT(std::abs(right_z), std::abs(short_z));
  Signals no_length;
  no_length.length = false;
  PairFeatures g(a, e, SmallLexicon(), no_length, nullptr);
  EXPECT_EQ(g.Compute({0, 1, 0, 1}).length_z, 0.0);
}

TEST(Features, MergeWithAnUnrelatedHeadlineHasAWeakPart) {
  Document a = Doc(Lang::kAr, {"مقالات ذات صلة", "وصل الوزير إلى المطار"});
  Document e = Doc(Lang::kEn, {"The minister arrived at the airport"});
  PairFeatures f(a, e, SmallLexicon(), Signals{}, nullptr);
  EXPECT_EQ(f.Compute({1, 1, 0, 1}).min_part_coverage, 1.0);  // 1-1: nothing to be weak
  EXPECT_EQ(f.Compute({0, 2, 0, 1}).min_part_coverage, 0.0);
  EXPECT_GT(BeadLogOdds(f.Compute({1, 1, 0, 1})), BeadLogOdds(f.Compute({0, 2, 0, 1})));
}

TEST(Features, LearnedTableLinksWordsTheDictionaryLacks) {
  Ibm1Trainer trainer;
  for (int k = 0; k < 4; ++k) trainer.AddPair({"فيسبوك", "صفحه"}, {"facebook", "page"});
  trainer.AddPair({"صفحه"}, {"page"});
  const TranslationTable table = trainer.Train();
  Document a = Doc(Lang::kAr, {"صفحة فيسبوك"}), e = Doc(Lang::kEn, {"page on facebook"});
  Signals no_names;
  no_names.names = false;
  PairFeatures without(a, e, Resources{}, no_names, nullptr);
  PairFeatures with(a, e, Resources{}, no_names, &table);
  EXPECT_EQ(without.Compute({0, 1, 0, 1}).en_coverage, 0.0);
  EXPECT_GT(with.Compute({0, 1, 0, 1}).en_coverage, 0.0);
}

TEST(BeadModel, MoreCoverageAndAnchorsMeanHigherOddsAndConfidence) {
  BeadFeatures weak;
  weak.shape = {1, 1};
  weak.ar_coverage = weak.en_coverage = 0.2;
  BeadFeatures strong = weak;
  strong.ar_coverage = strong.en_coverage = 0.7;
  BeadFeatures anchored = weak;
  anchored.after_anchor = anchored.before_anchor = true;
  EXPECT_GT(BeadLogOdds(strong), BeadLogOdds(weak));
  EXPECT_GT(BeadLogOdds(anchored), BeadLogOdds(weak));
  const double c = BeadConfidence(BeadLogOdds(strong));
  EXPECT_GT(c, BeadConfidence(BeadLogOdds(weak)));
  EXPECT_LE(c, 1.0);
  EXPECT_GE(BeadConfidence(-100.0), 0.0);
}

}  // namespace
}  // namespace nazir::align
