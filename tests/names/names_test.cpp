// Unit tests of the names module: clitic analysis, the name matcher, the CLDR gazetteer, English name
// spans, mining (folding spellings, never folding two names) and lookup (exact, normalized,
// transliteration, gazetteer, nothing for unrelated queries).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nazir/names/clitics.h"
#include "nazir/names/gazetteer.h"
#include "nazir/names/glossary.h"
#include "nazir/names/matcher.h"
#include "nazir/names/translit.h"
#include "support/glossary.h"

namespace nazir::names {
namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

// ---- clitics ---------------------------------------------------------------------------------------

TEST(ProcliticAnalyses, WholeTokenFirstThenEachStrippedReading) {
  const std::vector<CliticAnalysis> a = ProcliticAnalyses("والسراج");
  ASSERT_GE(a.size(), 3u);
  EXPECT_EQ(a[0].stem, "والسراج");
  EXPECT_EQ(a[0].clitics, 0);
  std::vector<std::string> stems;
  for (const auto& x : a) stems.push_back(x.stem);
  EXPECT_TRUE(Contains(stems, "السراج"));
  EXPECT_TRUE(Contains(stems, "سراج"));
}

TEST(ProcliticAnalyses, LamPlusArticleIsWrittenLamLam) {
  std::vector<std::string> stems;
  for (const auto& x : ProcliticAnalyses("لليبيا")) stems.push_back(x.stem);
  EXPECT_TRUE(Contains(stems, "يبيا"));  // ل + ال (written لل) + يبيا: an analysis, not a choice
  EXPECT_TRUE(Contains(stems, "ليبيا"));  // ل + ليبيا
}

TEST(ProcliticAnalyses, NeverLeavesAStemShorterThanThreeLetters) {
  for (const auto& x : ProcliticAnalyses("بري")) EXPECT_EQ(x.clitics, 0) << x.stem;
}

TEST(HasArticle, SeesTheArticleBehindOtherClitics) {
  struct Case {
    const char* token;
    bool article;
  };
  for (const Case& c : std::vector<Case>{{"العراق", true}, {"بالعراق", true}, {"للحرس", true},
                                         {"ليبيا", false}, {"واشنطن", false}}) {
    EXPECT_EQ(HasArticle(c.token), c.article) << c.token;
  }
}

// ---- matcher -----------------------------------------------------------------------------------------

TEST(NameMatcher, MatchesSpellingsOfTheSameName) {
  const NameMatcher& m = NameMatcher::Get();
  struct Case {
    const char* arabic;
    const char* english;
  };
  // The seed articles' spellings (../shared/seeds, examples/sample).
  for (const Case& c : std::vector<Case>{{"ستولتنبرغ", "Stoltenberg"}, {"ستلولتنبرج", "Stoltenberg"},
                                         {"ماكجورك", "McGurk"},
                                         {"وولدهاوسر", "Waldhauser"}, {"والدهاوسير", "Waldhauser"},
                                         {"وليامز", "Williams"}, {"ويليامز", "Williams"},
                                         {"بومبيو", "Pompeo"}, {"ماكرون", "Macron"}}) {
    EXPECT_GE(m.MatchWord(c.arabic, c.english).score, 0.8) << c.arabic << " " << c.english;
  }
}

TEST(NameMatcher, SeparatesNearNeighbours) {
  const NameMatcher& m = NameMatcher::Get();
  EXPECT_GT(m.MatchWord("ماكجورك", "McGurk").score, m.MatchWord("ماكجورك", "Macron").score);
  EXPECT_GT(m.MatchWord("ماكرون", "Macron").score, m.MatchWord("ماكرون", "McGurk").score);
  EXPECT_GT(m.MatchWord("ماكورغ", "McGurk").score, m.MatchWord("ماكورغ", "Macron").score);
  EXPECT_LT(m.MatchWord("ماكرون", "McGurk").score, 0.8);
}

TEST(NameMatcher, StripsProcliticsWhenThatMatchesBetter) {
  const NameMatcher& m = NameMatcher::Get();
  const WordMatch w = m.MatchWord("لستولتنبرغ", "Stoltenberg");
  EXPECT_EQ(w.stem, "ستولتنبرغ");
  EXPECT_EQ(w.clitic_bytes, 2);  // ل
  EXPECT_GE(w.score, 0.8);
  const WordMatch s = m.MatchWord("والسراج", "al-Sarraj");
  EXPECT_GE(s.score, 0.8);
  EXPECT_NE(s.stem, "والسراج");
}

TEST(NameMatcher, KeepsAnInitialWawThatBelongsToTheName) {
  const NameMatcher& m = NameMatcher::Get();
  struct Case {
    const char* arabic;
    const char* english;
  };
  for (const Case& c : std::vector<Case>{{"وليامز", "Williams"}, {"وولدهاوسر", "Waldhauser"}}) {
    const WordMatch r = m.MatchWord(c.arabic, c.english);
    EXPECT_EQ(r.stem, c.arabic);
    EXPECT_EQ(r.clitic_bytes, 0);
  }
}

TEST(NameMatcher, MultiWordNames) {
  const NameMatcher& m = NameMatcher::Get();
  EXPECT_GE(m.MatchName("ينس ستولتنبرغ", "Jens Stoltenberg"), 0.8);
  EXPECT_GE(m.MatchName("فايز السراج", "Fayez al-Sarraj"), 0.8);
  EXPECT_LT(m.MatchName("إيمانويل ماكرون", "Brett McGurk"), 0.6);
}

TEST(NameMatcher, ArabicVariantsOfOneName) {
  const NameMatcher& m = NameMatcher::Get();
  EXPECT_GE(m.MatchArabic("ستولتنبرغ", "ستلولتنبرج"), 0.8);
  EXPECT_GE(m.MatchArabic("وولدهاوسر", "والدهاوسير"), 0.8);
  EXPECT_GT(m.MatchArabic("ماكجورك", "ماكورغ"), m.MatchArabic("ماكجورك", "ماكرون"));
  // A stored stem is never read as a clitic + stem: لارشر is not ل + ارشر.
  EXPECT_GE(m.MatchArabicStem("ولارشر", "لارشر"), 0.9);
}

// Two Arabic spellings of one foreign name differ in how they write it, not in what they hear: a lookup
// of one finds an entry that stores the other.
TEST(NameMatcher, ArabicSpellingVariantsReachTheLookupThreshold) {
  const NameMatcher& m = NameMatcher::Get();
  struct Case {
    const char* query;
    const char* stored;
  };
  for (const Case& c : std::vector<Case>{
           {"ميركيل", "ميركل"},        // a long vowel written or not
           {"فيودور", "فويدور"},       // two long vowels swapped
           {"ريشتر", "ريختر"},         // German ch: ش or خ
           {"إيبرهارد", "إيبرهارت"},   // final devoicing: د or ت
           {"مونيه", "مونيت"},         // French final -et: silent (ه) or read (ت)
           {"هايدغر", "هايدجر"},       // g: غ or ج
           {"نيتشة", "نيتشه"},         // ة or ه
       }) {
    EXPECT_GE(m.MatchArabicStem(c.query, c.stored), DefaultLookupThreshold()) << c.query << " " << c.stored;
  }
}

TEST(NameMatcher, ArabicConsonantsEitherSpellingKeepsSeparateNames) {
  const NameMatcher& m = NameMatcher::Get();
  // ع and ح are letters both spellings of a name keep: الرياض (Riyadh) is not العريض (Laarayedh).
  EXPECT_LT(m.MatchArabicStem("الرياض", "العريض"), DefaultLookupThreshold() - 0.05);
  EXPECT_LT(m.MatchArabicStem("القطان", "القحطاني"), DefaultLookupThreshold());
  EXPECT_GT(m.MatchArabicStem("ميركيل", "ميركل"), m.MatchArabicStem("ميركيل", "ماركيز"));
}

TEST(NameMatcher, PreparedArabicScoresAsItsText) {
  const NameMatcher& m = NameMatcher::Get();
  const PreparedArabic q("والسراج");
  EXPECT_EQ(q.words().size(), 1u);
  for (const char* stem : {"السراج", "سراج", "ستولتنبرغ"}) {
    EXPECT_DOUBLE_EQ(m.MatchArabicStem(q, stem), m.MatchArabicStem("والسراج", stem)) << stem;
  }
  for (const char* english : {"al-Sarraj", "Fayez al-Sarraj", "Stoltenberg"}) {
    EXPECT_DOUBLE_EQ(m.MatchName(q, english), m.MatchName("والسراج", english)) << english;
  }
}

TEST(TranslitKeys, ArabicAndEnglishSkeletonsAgree) {
  EXPECT_EQ(ArabicKey("ستولتنبرغ"), EnglishKey("Stoltenberg"));
  EXPECT_EQ(ArabicKey("بومبيو"), EnglishKey("Pompeo"));  // Arabic has no p: ب and p share a class
  EXPECT_NE(ArabicKey("ماكرون"), EnglishKey("McGurk"));
}

// ---- gazetteer ----------------------------------------------------------------------------------------

TEST(Gazetteer, ExonymsNoTransliterationFinds) {
  const Gazetteer& g = Gazetteer::Get();
  struct Case {
    const char* arabic;
    const char* english;
  };
  for (const Case& c : std::vector<Case>{{"ليبيا", "Libya"}, {"لليبيا", "Libya"}, {"وليبيا", "Libya"},
                                         {"طرابلس", "Tripoli"}, {"العراق", "Iraq"}, {"بالعراق", "Iraq"},
                                         {"مصر", "Egypt"}}) {
    EXPECT_TRUE(Contains(g.EnglishFor(c.arabic), c.english)) << c.arabic;
  }
  EXPECT_TRUE(Contains(g.ArabicFor("Libya"), "ليبيا"));
  EXPECT_TRUE(Contains(g.ArabicFor("iraq"), "العراق"));
  EXPECT_TRUE(g.EnglishFor("ستولتنبرغ").empty());
}

// ---- English name spans -------------------------------------------------------------------------------

TEST(EnglishNameSpans, NamesWithParticlesAndTitlesStripped) {
  std::vector<std::string> spans;
  for (const NameSpan& s : EnglishNameSpans(
           "The meeting in Tripoli brought Fayez al-Sarraj together with NATO Secretary General Jens "
           "Stoltenberg and Luigi Di Maio."))
    spans.push_back(s.text);
  EXPECT_TRUE(Contains(spans, "Tripoli"));
  EXPECT_TRUE(Contains(spans, "Fayez al-Sarraj"));
  EXPECT_TRUE(Contains(spans, "NATO"));
  EXPECT_TRUE(Contains(spans, "Jens Stoltenberg"));
  EXPECT_TRUE(Contains(spans, "Luigi Di Maio"));
  EXPECT_FALSE(Contains(spans, "The"));
  EXPECT_FALSE(Contains(spans, "Secretary General"));
}

// ---- mining -------------------------------------------------------------------------------------------

using ::nazir::testing::FindEnglish;

std::vector<std::string> Spellings(const GlossaryEntry& e) {
  std::vector<std::string> out;
  for (const auto& v : e.arabic) out.push_back(v.text);
  return out;
}

TEST(MineGlossary, FoldsTwoSpellingsOfOneNameIntoOneEntry) {
  const std::vector<AlignedPair> pairs = {
      {"وقال الأمين العام لحلف الناتو ينس ستلولتنبرج إن الحلف مستعد.",
       "NATO Secretary General Jens Stoltenberg said the alliance was ready.", "d1", 0},
      {"وأكد ستولتنبرغ دعم الحلف لحكومة ليبيا.", "Stoltenberg affirmed the alliance's support for Libya's government.",
       "d1", 5},
  };
  const std::vector<GlossaryEntry> g = MineGlossary(pairs);
  const GlossaryEntry* e = FindEnglish(g, "Jens Stoltenberg");
  ASSERT_NE(e, nullptr);
  const std::vector<std::string> sp = Spellings(*e);
  bool short_form = false;
  for (const auto& s : sp) short_form = short_form || s.find("ستولتنبرغ") != std::string::npos;
  EXPECT_TRUE(short_form);
  bool long_form = false;
  for (const auto& s : sp) long_form = long_form || s.find("ستلولتنبرج") != std::string::npos;
  EXPECT_TRUE(long_form);
  EXPECT_EQ(FindEnglish(g, "Stoltenberg"), e);  // one entry, not two
  EXPECT_EQ(e->type, "PER");
  EXPECT_FALSE(e->arabic[0].source.empty());
}

TEST(MineGlossary, NeverFoldsSpellingsLinkedToDifferentNames) {
  const std::vector<AlignedPair> pairs = {
      {"التقى ماكرون بالسراج في باريس.", "Macron met Sarraj in Paris.", "d1", 0},
      {"وقال ماكجورك إن التحالف مستمر.", "McGurk said the coalition would go on.", "d2", 0},
  };
  const std::vector<GlossaryEntry> g = MineGlossary(pairs);
  const GlossaryEntry* macron = FindEnglish(g, "Macron");
  const GlossaryEntry* mcgurk = FindEnglish(g, "McGurk");
  ASSERT_NE(macron, nullptr);
  ASSERT_NE(mcgurk, nullptr);
  EXPECT_NE(macron, mcgurk);
  EXPECT_TRUE(Contains(Spellings(*macron), "ماكرون"));
  EXPECT_TRUE(Contains(Spellings(*mcgurk), "ماكجورك"));
  EXPECT_FALSE(Contains(Spellings(*macron), "ماكجورك"));
}

TEST(MineGlossary, PlacesComeFromTheGazetteerWithTheirClitics) {
  const std::vector<AlignedPair> pairs = {
      {"وصل الوفد إلى طرابلس قادما من بالعراق.", "The delegation arrived in Tripoli from Iraq.", "d1", 0},
  };
  const std::vector<GlossaryEntry> g = MineGlossary(pairs);
  const GlossaryEntry* tripoli = FindEnglish(g, "Tripoli");
  ASSERT_NE(tripoli, nullptr);
  EXPECT_TRUE(Contains(Spellings(*tripoli), "طرابلس"));
  EXPECT_EQ(tripoli->type, "LOC");
  const GlossaryEntry* iraq = FindEnglish(g, "Iraq");
  ASSERT_NE(iraq, nullptr);
  EXPECT_TRUE(Contains(Spellings(*iraq), "العراق"));  // the preposition ب stripped, the article kept
}

// The learned pair models weigh evidence: spellings of one long name agree on many letters, unrelated
// names on few, and a short name carries little evidence whatever its spellings.
TEST(NameMatcher, PairModelLogOddsWeighEvidence) {
  const NameMatcher& m = NameMatcher::Get();
  struct Case {
    const char* a;
    const char* b;
    double min, max;  // nats
  };
  for (const Case& c : std::vector<Case>{
           {"ستولتنبرغ", "ستلولتنبرج", 10, 100},   // one name, g written غ or ج, a letter doubled
           {"ماسكيروني", "ماتشيروني", 8, 100},     // Italian sch: سك or تش
           {"ستولتنبرغ", "ماكرون", -100, 0},        // two names
           {"كل", "كيل", -100, 5},                  // two letters in common are weak evidence
       }) {
    const double lo = m.ArabicLogOdds(PreparedArabic(c.a), c.b);
    EXPECT_GE(lo, c.min) << c.a << " " << c.b;
    EXPECT_LE(lo, c.max) << c.a << " " << c.b;
  }
  EXPECT_GT(m.ArabicEnglishLogOdds(PreparedArabic("ستولتنبرغ"), "Stoltenberg"), 10);
  EXPECT_LT(m.ArabicEnglishLogOdds(PreparedArabic("ستولتنبرغ"), "Macron"), 0);
  // An article both spellings carry is no evidence.
  EXPECT_DOUBLE_EQ(m.ArabicLogOdds(PreparedArabic("القطان"), "القحطاني"),
                   m.ArabicLogOdds(PreparedArabic("قطان"), "قحطاني"));
}

// ---- lookup -------------------------------------------------------------------------------------------

GlossaryEntry Entry(const std::string& english, const std::vector<std::string>& arabic, const std::string& type) {
  GlossaryEntry e;
  e.english = english;
  e.type = type;
  for (const auto& a : arabic) e.arabic.push_back({a, 1, "", ""});
  return e;
}

class Lookup : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.Add(Entry("Jens Stoltenberg", {"ينس ستولتنبرغ"}, "PER"));
    index_.Add(Entry("Brett McGurk", {"بريت ماكجورك"}, "PER"));
    index_.Add(Entry("Fayez al-Sarraj", {"فايز السراج"}, "PER"));
    index_.Add(Entry("NATO", {"حلف شمال الأطلسي"}, "ORG"));
    index_.Add(Entry("India", {}, "LOC"));
  }
  // The English headword of the first hit and how it matched; "" when nothing matched.
  std::pair<std::string, MatchKind> First(const std::string& q) const {
    const auto hits = index_.Lookup(q, 5);
    if (hits.empty()) return {"", MatchKind::kExact};
    return {index_.entry(hits[0].entry).english, hits[0].how};
  }
  GlossaryIndex index_;
};

TEST_F(Lookup, FindsEntriesAndSaysHow) {
  struct Case {
    const char* query;
    const char* english;
    MatchKind how;
  };
  for (const Case& c : std::vector<Case>{
           {"ينس ستولتنبرغ", "Jens Stoltenberg", MatchKind::kExact},
           {"Jens Stoltenberg", "Jens Stoltenberg", MatchKind::kExact},
           {"jens stoltenberg", "Jens Stoltenberg", MatchKind::kNormalized},
           {"حلف شمال الاطلسي", "NATO", MatchKind::kNormalized},   // hamza dropped
           {"لحلف شمال الأطلسي", "NATO", MatchKind::kNormalized},  // with a clitic
           {"والسراج", "Fayez al-Sarraj", MatchKind::kTransliteration},  // one word of the name
           {"ستلولتنبرج", "Jens Stoltenberg", MatchKind::kTransliteration},  // a spelling never stored
           {"ماكغورك", "Brett McGurk", MatchKind::kTransliteration},
           {"Stoltenberg", "Jens Stoltenberg", MatchKind::kTransliteration},
           {"الهند", "India", MatchKind::kGazetteer},
       }) {
    const auto [english, how] = First(c.query);
    EXPECT_EQ(english, c.english) << c.query;
    EXPECT_EQ(MatchKindName(how), MatchKindName(c.how)) << c.query;
  }
}

TEST_F(Lookup, AGivenNameAloneRanksUnderASurname) {
  const auto surname = index_.Lookup("ستولتنبرغ", 1, 0.0);
  const auto given = index_.Lookup("ينس", 1, 0.0);
  ASSERT_FALSE(surname.empty());
  ASSERT_FALSE(given.empty());
  EXPECT_EQ(index_.entry(surname[0].entry).english, "Jens Stoltenberg");
  EXPECT_EQ(index_.entry(given[0].entry).english, "Jens Stoltenberg");
  EXPECT_LT(given[0].score, surname[0].score);
}

TEST_F(Lookup, PreparedQueryScoresEveryEntryAsTheQueryText) {
  for (const char* q : {"والسراج", "ستلولتنبرج", "الهند", "jens stoltenberg", "ماكرون"}) {
    const PreparedQuery prepared(q);
    for (size_t i = 0; i < index_.size(); ++i) {
      const auto a = ScoreEntry(prepared, index_.entry(i), 0.0);
      const auto b = ScoreEntry(q, index_.entry(i), 0.0);
      ASSERT_EQ(a.has_value(), b.has_value()) << q;
      if (!a) continue;
      EXPECT_DOUBLE_EQ(a->score, b->score) << q;
      EXPECT_EQ(a->how, b->how) << q;
      EXPECT_EQ(a->matched, b->matched) << q;
    }
  }
}

TEST_F(Lookup, TransliterationAloneIgnoresNormalizedMatches) {
  const GlossaryEntry nato = Entry("NATO", {"حلف شمال الأطلسي"}, "ORG");
  const PreparedQuery q("حلف شمال الاطلسي");
  const auto full = ScoreEntry(q, nato);
  const auto translit = ScoreTransliteration(q, nato);
  ASSERT_TRUE(full && translit);
  EXPECT_EQ(full->how, MatchKind::kNormalized);
  EXPECT_EQ(translit->how, MatchKind::kTransliteration);
}

// A store scores the spellings its key rows name before fetching an entry: every spelling that produces a
// key keeps its own row, even when another spelling of the entry produces the same key.
TEST(EntryKeys, EverySpellingKeepsItsRowOfASharedKey) {
  const GlossaryEntry e = Entry("Stoltenberg", {"ستولتنبرغ", "ستولتنبرج"}, "PER");
  const std::string key = ArabicKey("ستولتنبرغ");
  ASSERT_EQ(key, EnglishKey("Stoltenberg"));
  std::vector<std::string> variants;
  for (const LookupKey& k : EntryKeys(e))
    if (k.kind == "cons" && k.key == key) variants.push_back(k.variant);
  EXPECT_TRUE(Contains(variants, "Stoltenberg"));
  EXPECT_TRUE(Contains(variants, "ستولتنبرغ"));
  EXPECT_TRUE(Contains(variants, "ستولتنبرج"));
}

// Just under the threshold, the pair models decide: a long spelling sharing most letters with the stored
// one is found, a near neighbour that is another name is not.
TEST(ScoreEntry, JustUnderTheThresholdThePairModelsDecide) {
  struct Case {
    const char* query;
    GlossaryEntry entry;
    bool found;
  };
  for (const Case& c : std::vector<Case>{
           {"بونياتوفسكا", Entry("Poniatowska", {"بونياتوسكا"}, "PER"), true},
           {"حسني", Entry("Husain", {"حسين"}, "PER"), false},
           {"القطان", Entry("Qahtani", {"القحطاني"}, "PER"), false},
       }) {
    const auto any = ScoreEntry(c.query, c.entry, 0.0);
    ASSERT_TRUE(any.has_value()) << c.query;
    // Near the threshold, under it: the similarity alone would not decide.
    EXPECT_LT(any->score, DefaultLookupThreshold()) << c.query;
    EXPECT_GT(any->score, DefaultLookupThreshold() - 0.05) << c.query;
    EXPECT_EQ(ScoreEntry(c.query, c.entry).has_value(), c.found) << c.query;
  }
}

// English ch is k in German, Italian and Greek names: an English spelling with ch is also keyed as the
// Arabic spelling with ك or خ is, so either finds the other.
TEST(EntryKeys, EnglishChIsAlsoKeyedAsK) {
  struct Case {
    const char* english;
    const char* arabic;
  };
  for (const Case& c : std::vector<Case>{{"Bach", "باخ"}, {"Koch", "كوخ"}, {"Chios", "خيوس"}}) {
    std::vector<std::string> keys;
    for (const LookupKey& k : EntryKeys(Entry(c.english, {}, "PER"))) keys.push_back(k.key);
    EXPECT_NE(EnglishKey(c.english), ArabicKey(c.arabic)) << c.english;  // the class-S key alone misses
    EXPECT_TRUE(Contains(keys, ArabicKey(c.arabic))) << c.english;
  }
}

// A name with no consonant-class letter (آية) has no consonant key; its symbols key it instead.
TEST(EntryKeys, ANameWithoutConsonantsIsKeyedByItsVowels) {
  GlossaryIndex index;
  index.Add(Entry("Aya", {"آية"}, "PER"));
  index.Add(Entry("Jens Stoltenberg", {"ينس ستولتنبرغ"}, "PER"));
  for (const char* q : {"أيا", "آيا"}) {
    const auto hits = index.Lookup(q, 5);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(index.entry(hits[0].entry).english, "Aya") << q;
  }
}

TEST_F(Lookup, NothingForUnrelatedNames) {
  for (const char* q : {"ماكرون", "Macron", "بومبيو", "Pompeo", "طرابلس", "ويليامز", "الولايات المتحدة"}) {
    EXPECT_TRUE(index_.Lookup(q, 5).empty()) << q << " found " << First(q).first;
  }
}

TEST_F(Lookup, ScoresAreOrderedAndBounded) {
  const auto hits = index_.Lookup("ستلولتنبرج", 0, 0.0);
  ASSERT_FALSE(hits.empty());
  for (size_t i = 0; i < hits.size(); ++i) {
    EXPECT_GE(hits[i].score, 0.0);
    EXPECT_LE(hits[i].score, 1.0);
    if (i > 0) {
      EXPECT_GE(hits[i - 1].score, hits[i].score);
    }
  }
}

}  // namespace
}  // namespace nazir::names
