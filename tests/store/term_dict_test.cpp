// The word index's term dictionary (src/store/term_dict.h): one number per distinct term, stable while
// threads intern at once, readable back; bounded (kNone once full); and the numbers the import's
// preparing threads give TUs index exactly what the text path indexes.
#include "term_dict.h"
#include "posting_index.h"
#include "tu_keys.h"

#include <set>
#include <string_view>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/store/store.h"
#include "support/temp_dir.h"
#include "support/tu_make.h"

namespace nazir::store::internal {
namespace {

TEST(TermDictionary, NumbersEachDistinctTermOnceAndReadsItBack) {
  TermDictionary dict;
  const uint32_t a = dict.Intern("libya");
  const uint32_t b = dict.Intern("طرابلس");
  EXPECT_EQ(a, 0u);
  EXPECT_EQ(b, 1u);
  EXPECT_EQ(dict.Intern("libya"), a);
  EXPECT_EQ(dict.Term(a), "libya");
  EXPECT_EQ(dict.Term(b), "طرابلس");
  std::vector<uint32_t> ids;
  dict.InternAll("libya talks طرابلس", &ids);
  EXPECT_EQ(ids, (std::vector<uint32_t>{a, 2, b}));
  EXPECT_EQ(dict.size(), 3u);
  EXPECT_NE(TermDictionary().serial(), dict.serial());
}

TEST(TermDictionary, LongTermsAndManyTermsKeepTheirText) {
  TermDictionary dict;
  const std::string huge(3 << 20, 'x');  // longer than a text block
  const uint32_t h = dict.Intern(huge);
  for (int i = 0; i < 200000; ++i) ASSERT_EQ(dict.Intern("w" + std::to_string(i)), static_cast<uint32_t>(i + 1));
  EXPECT_EQ(dict.Term(h), huge);
  EXPECT_EQ(dict.Term(123457), "w123456");
  EXPECT_EQ(dict.Intern("w199999"), 200000u);
}

TEST(TermDictionary, OnceFullItSaysSoForNewTermsOnly) {
  TermDictionary empty_term;
  EXPECT_EQ(empty_term.Intern(""), 0u) << "an empty term is a term";
  EXPECT_EQ(empty_term.Term(0), "");
  TermDictionary dict(2);
  EXPECT_EQ(dict.Intern("a"), 0u);
  EXPECT_EQ(dict.Intern("b"), 1u);
  EXPECT_EQ(dict.Intern("c"), TermDictionary::kNone);
  EXPECT_EQ(dict.Intern("a"), 0u);
  const uint32_t serial = dict.serial();
  dict.Clear();
  EXPECT_NE(dict.serial(), serial) << "numbers kept from before the Clear are not this dictionary's";
  EXPECT_EQ(dict.size(), 0u);
  EXPECT_EQ(dict.Intern("c"), 0u);
  EXPECT_EQ(dict.Term(0), "c");
}

TEST(TermDictionary, ThreadsInterningAtOnceAgreeOnEveryNumber) {
  TermDictionary dict;
  constexpr int kThreads = 4, kTerms = 20000;
  std::vector<std::vector<uint32_t>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kTerms; ++i) got[t].push_back(dict.Intern("t" + std::to_string((i * (t + 1)) % kTerms)));
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(dict.size(), static_cast<uint32_t>(kTerms));
  std::set<uint32_t> distinct;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kTerms; ++i) {
      const uint32_t id = got[t][i];
      ASSERT_EQ(dict.Term(id), "t" + std::to_string((i * (t + 1)) % kTerms));
      distinct.insert(id);
    }
  }
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kTerms));
}

// A thread's memo keeps each chunk's term numbers for the dictionary it last served; for another (a
// second store) it numbers them again, and once a dictionary is full the terms it lacks come as text.
TEST(TermDictionary, SegmentKeysNumberTermsForWhicheverDictionaryAndFallBackToText) {
  const std::string text = "وصل الوزير إلى طرابلس وبالعراق، والوزير";
  SegmentKeys plain;
  ComputeSegmentKeys(text, Lang::kAr, nullptr, &plain);
  const std::vector<std::string_view> expected_terms = SplitKeys(plain.terms);
  const std::set<std::string> expected(expected_terms.begin(), expected_terms.end());
  ASSERT_GT(expected.size(), 5u);
  auto terms_of = [](const SegmentKeys& k, const TermDictionary& d) {
    std::vector<std::string> all;
    for (uint32_t id : k.term_ids) all.emplace_back(d.Term(id));
    for (std::string_view t : SplitKeys(k.terms)) all.emplace_back(t);
    return all;
  };
  TermDictionary a, b, full(3);
  for (TermDictionary* d : {&a, &b, &a, &full, &b}) {
    SegmentKeys k;
    ComputeSegmentKeys(text, Lang::kAr, d, &k);
    EXPECT_EQ(k.words, plain.words);
    const std::vector<std::string> got = terms_of(k, *d);
    EXPECT_EQ(std::set<std::string>(got.begin(), got.end()), expected);
    EXPECT_EQ(got.size(), expected.size()) << "each term once";
    if (d == &full) {
      EXPECT_EQ(k.term_ids.size(), 3u);
      EXPECT_FALSE(k.terms.empty());
    } else {
      EXPECT_TRUE(k.terms.empty());
    }
  }
}

// Each term of a segment is numbered once however often it occurs, in a long segment (hundreds of distinct
// terms) as in the short ones after it (the set of numbers taken is reused from segment to segment).
TEST(TermDictionary, SegmentKeysNumberEachTermOnceInSegmentsOfAnyLength) {
  std::string long_text;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 700; ++i) long_text += "w" + std::to_string((i * 7 + round) % 700) + " ";
  }
  TermDictionary dict;
  for (const std::string& text : {long_text, std::string("w1 w2 w1 w3"), long_text, std::string("w3 w3")}) {
    SegmentKeys plain, numbered;
    ComputeSegmentKeys(text, Lang::kEn, nullptr, &plain);
    ComputeSegmentKeys(text, Lang::kEn, &dict, &numbered);
    const std::vector<std::string_view> want = SplitKeys(plain.terms);
    std::set<std::string> got;
    for (uint32_t id : numbered.term_ids) got.emplace(dict.Term(id));
    EXPECT_EQ(numbered.term_ids.size(), want.size());
    EXPECT_EQ(got, std::set<std::string>(want.begin(), want.end()));
  }
}

// Store::PrepareTu (numbered terms, as the import's threads prepare TUs) and PrepareTu (terms as text)
// put the same pairs in the word index.
TEST(TermDictionary, NumberedAndTextPreparationIndexTheSame) {
  testing::TempDir dir;
  auto a = Store::Open(dir.File("a.db"));
  auto b = Store::Open(dir.File("b.db"));
  ASSERT_TRUE(a.ok() && b.ok());
  const std::vector<TranslationUnit> tus = {
      ::nazir::testing::MakeTu("وصل الوزير إلى طرابلس وبالعراق", "The minister arrived in Tripoli"),
      ::nazir::testing::MakeTu("غادر الرئيس طرابلس، والوزير", "The president left Tripoli, the minister too"),
      ::nazir::testing::MakeTu("وصل الوزير إلى طرابلس وبالعراق", "The minister arrived in Tripoli")};
  PreparedTu p;
  for (const TranslationUnit& tu : tus) {
    ASSERT_TRUE((*a)->PrepareTu(tu, &p).ok());
    EXPECT_NE(p.terms_serial, 0u);
    EXPECT_TRUE(p.ar_terms.empty() && p.en_terms.empty()) << "all numbered";
    ASSERT_TRUE((*a)->AddPreparedTu(p, {}).ok());
    ASSERT_TRUE(PrepareTu(tu, &p).ok());
    EXPECT_EQ(p.terms_serial, 0u);
    ASSERT_TRUE((*b)->AddPreparedTu(p, {}).ok());
  }
  auto da = DigestIndex((*a)->db());
  auto db = DigestIndex((*b)->db());
  ASSERT_TRUE(da.ok() && db.ok());
  EXPECT_EQ(*da, *db);
  EXPECT_GT(da->pairs, 20);
  EXPECT_TRUE((*a)->CheckIndexes().ok());
  // A TU prepared for one store is refused by another (its numbers mean nothing there).
  ASSERT_TRUE((*a)->PrepareTu(tus[0], &p).ok());
  EXPECT_FALSE((*b)->AddPreparedTu(p, {}).ok());
}

}  // namespace
}  // namespace nazir::store::internal
