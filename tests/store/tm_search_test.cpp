#include "nazir/store/tm_search.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include "support/tu_make.h"

namespace nazir::store {
namespace {

namespace fs = std::filesystem;

struct PercentCase {
  const char* name;
  const char* a;
  const char* b;
  Lang lang;
  int percent;
};

class MatchPercentTest : public ::testing::TestWithParam<PercentCase> {};

TEST_P(MatchPercentTest, FollowsTheDocumentedFormula) {
  const PercentCase& c = GetParam();
  EXPECT_EQ(MatchPercent(c.a, c.b, c.lang), c.percent);
  EXPECT_EQ(MatchPercent(c.b, c.a, c.lang), c.percent) << "symmetric";
}

INSTANTIATE_TEST_SUITE_P(
    TmSearch, MatchPercentTest,
    ::testing::Values(
        // 1 substitution in 7 tokens: floor(100 * 6 / 7).
        PercentCase{"OneSubstitution", "The minister arrived in Tripoli on Monday",
                    "The minister arrived in Benghazi on Monday", Lang::kEn, 85},
        PercentCase{"CaseIsFolded", "The minister arrived", "the MINISTER arrived", Lang::kEn, 100},
        PercentCase{"PunctuationOnlyIs99", "The minister arrived.", "The minister arrived!", Lang::kEn, 99},
        // Harakat and hamza forms fold in the keys: the same words.
        PercentCase{"HarakatAndHamzaFold", "وصلَ الوزيرُ إلى طرابلس", "وصل الوزير الى طرابلس", Lang::kAr, 100},
        // One word dropped from 5: d = 1, max = 5: 80.
        PercentCase{"OneDeletion", "وصل الوزير إلى طرابلس أمس", "وصل الوزير إلى طرابلس", Lang::kAr, 80},
        PercentCase{"NothingShared", "وصل الوزير", "غادر الرئيس", Lang::kAr, 0},
        // Arabic-Indic digits fold to ASCII.
        PercentCase{"DigitsFold", "قتل ٣ أشخاص", "قتل 3 أشخاص", Lang::kAr, 100}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(TmSearch, GuessesLanguageFromScript) {
  EXPECT_EQ(GuessLang("قال بومبيو"), Lang::kAr);
  EXPECT_EQ(GuessLang("Pompeo said 3 things"), Lang::kEn);
  EXPECT_EQ(GuessLang("NATO (الناتو)"), Lang::kAr);
  EXPECT_EQ(GuessLang("2020"), Lang::kEn);
}

class TmSearchStore : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / (std::string("nazir_search_") + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = Store::Open((dir_ / "nazir.db").string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
    const std::vector<std::pair<const char*, const char*>> pairs = {
        {"وصل الوزير إلى طرابلس يوم الاثنين.", "The minister arrived in Tripoli on Monday."},
        {"وصل الوزير إلى بنغازي يوم الاثنين.", "The minister arrived in Benghazi on Monday."},
        {"غادر رئيس الوزراء بطرابلس مساء الخميس.", "The prime minister left Tripoli on Thursday evening."},
        {"قال المتحدث باسم الحكومة إن الاجتماع سيعقد في تونس.",
         "The government spokesman said the meeting would be held in Tunis."},
        {"التقى السراج والمبعوث الأممي في طرابلس.", "Sarraj and the UN envoy met in Tripoli."},
        {"أعلنت وزارة الصحة تسجيل ٣ إصابات جديدة.", "The health ministry reported 3 new cases."},
    };
    auto txn = store_->BeginTransaction();
    ASSERT_TRUE(txn.ok());
    for (const auto& [ar, en] : pairs) {
      ASSERT_TRUE(store_->AddTu(testing::MakeTu(ar, en), {}).ok());
    }
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(TmSearchStore, LookupFindsFuzzyMatchesBestFirstInEitherLanguage) {
  LookupOptions opt;
  opt.min_match = 70;
  auto ar = Lookup(*store_, "وصل الوزير إلى طرابلس يوم الأحد.", opt);
  ASSERT_TRUE(ar.ok()) << ar.status().ToString();
  // The Benghazi sentence differs in 2 of 6 words (66%): below the threshold.
  ASSERT_EQ(ar->size(), 1u);
  EXPECT_EQ((*ar)[0].target_text, "The minister arrived in Tripoli on Monday.");
  EXPECT_EQ((*ar)[0].score, 83);  // 1 of 6 words differs: floor(100 * 5 / 6)
  EXPECT_EQ((*ar)[0].lang, Lang::kAr);
  EXPECT_EQ((*ar)[0].target_lang, "en");

  auto en = Lookup(*store_, "The minister arrived in Tripoli on Monday.", opt);
  ASSERT_TRUE(en.ok());
  ASSERT_EQ(en->size(), 2u);
  EXPECT_EQ((*en)[0].score, 100);
  EXPECT_EQ((*en)[0].target_text, "وصل الوزير إلى طرابلس يوم الاثنين.");
  EXPECT_EQ((*en)[0].lang, Lang::kEn);
  EXPECT_EQ((*en)[1].score, 85);
}

TEST_F(TmSearchStore, LookupHonoursThresholdAndLimit) {
  LookupOptions strict;
  strict.min_match = 90;
  auto r = Lookup(*store_, "The minister arrived in Benghazi on Monday", strict);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].score, 99) << "same words, the full stop differs";
  LookupOptions one;
  one.min_match = 50;
  one.limit = 1;
  EXPECT_EQ(Lookup(*store_, "The minister arrived in Tripoli on Monday.", one)->size(), 1u);
  EXPECT_TRUE(Lookup(*store_, "Completely unrelated words here", one)->empty());
  LookupOptions bad;
  bad.min_match = 101;
  EXPECT_EQ(Lookup(*store_, "x", bad).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(TmSearchStore, ConcordanceFindsPhraseInsideCliticsAndMarksTheHit) {
  auto hits = Concordance(*store_, "طرابلس", {});
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  // In طرابلس (twice) and in بطرابلس, newest first.
  ASSERT_EQ(hits->size(), 3u);
  EXPECT_EQ((*hits)[0].text, "التقى السراج والمبعوث الأممي في طرابلس.");
  const auto& clitic = (*hits)[1];
  EXPECT_EQ(clitic.text.substr(clitic.hit_begin, clitic.hit_end - clitic.hit_begin), "بطرابلس");
  EXPECT_EQ(clitic.other_text, "The prime minister left Tripoli on Thursday evening.");
  for (const auto& h : *hits) EXPECT_EQ(h.lang, Lang::kAr);
}

TEST_F(TmSearchStore, ConcordanceMatchesMultiWordPhrasesInOrder) {
  auto hits = Concordance(*store_, "Prime Minister", {});
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  const auto& h = (*hits)[0];
  EXPECT_EQ(h.text.substr(h.hit_begin, h.hit_end - h.hit_begin), "prime minister");
  EXPECT_TRUE(Concordance(*store_, "minister prime", {})->empty());
  // The last word may begin a longer word; the Arabic proclitic و comes off the first word.
  EXPECT_EQ(Concordance(*store_, "health minis", {})->size(), 1u);
  auto envoy = Concordance(*store_, "المبعوث الأممي", {});
  ASSERT_EQ(envoy->size(), 1u);
  EXPECT_EQ(envoy->front().text.substr(envoy->front().hit_begin, envoy->front().hit_end - envoy->front().hit_begin),
            "والمبعوث الأممي");
}

TEST_F(TmSearchStore, ConcordanceHonoursLimitAndRejectsEmptyPhrase) {
  ConcordanceOptions one;
  one.limit = 1;
  EXPECT_EQ(Concordance(*store_, "Tripoli", one)->size(), 1u);
  EXPECT_EQ(Concordance(*store_, "  ،.  ", {}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(TmSearchStore, TheWordIndexIsProbedByItsKey) {
  auto plans = ExplainSearch(*store_);
  ASSERT_TRUE(plans.ok()) << plans.status().message();
  int block_probes = 0;
  for (const QueryPlan& plan : *plans) {
    if (plan.sql.find("FROM tu_index_block") == std::string::npos) continue;
    ++block_probes;
    ASSERT_EQ(plan.steps.size(), 1u) << plan.sql;
    EXPECT_EQ(plan.steps[0].rfind("SEARCH tu_index_block USING PRIMARY KEY (side=? AND seg=? AND first_term", 0), 0u)
        << plan.sql << ": " << plan.steps[0];
  }
  EXPECT_GE(block_probes, 2);
}

}  // namespace
}  // namespace nazir::store
