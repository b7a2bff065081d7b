// Mining names Arabic translates rather than transliterates (البيت الأبيض White House, وزارة الداخلية
// Interior Ministry): word-translation linking through names::WordTranslator, with a small lexicon
// written here so that every link a test expects is visible in it, and the FreeDict adapter
// (corpus::LexiconTranslator) on a lexicon built by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "nazir/align/lexicon.h"
#include "nazir/corpus/glossary_db.h"
#include "nazir/names/glossary.h"
#include "nazir/text/normalize.h"
#include "support/glossary.h"

namespace nazir::names {
namespace {

// A lexicon of whole words: Arabic (the article on or off) -> English words, lower case; `known`: more
// English words it has (translated by words the tests do not use).
class TinyLexicon : public WordTranslator {
 public:
  TinyLexicon(const std::multimap<std::string, std::string>& pairs, const std::set<std::string>& known)
      : english_(known) {
    for (const auto& [ar, en] : pairs) {
      keys_[Key(ar)].insert(en);
      english_.insert(en);
    }
  }
  std::string EnglishKey(std::string_view english) const override {
    std::string w(english);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return english_.count(w) ? w : "";
  }
  std::vector<std::string> EnglishKeys(std::string_view arabic) const override {
    auto it = keys_.find(Key(arabic));
    if (it == keys_.end()) return {};
    return {it->second.begin(), it->second.end()};
  }

 private:
  // The normalized key without the article (the lexicon files words bare).
  static std::string Key(std::string_view ar) {
    std::string k = text::Normalizer::Get().Key(ar, Lang::kAr);
    if (k.rfind("ال", 0) == 0) k = k.substr(std::string_view("ال").size());
    return k;
  }
  std::map<std::string, std::set<std::string>> keys_;
  std::set<std::string> english_;
};

std::shared_ptr<const WordTranslator> Lexicon() {
  static const auto* lex = new std::shared_ptr<const WordTranslator>(std::make_shared<TinyLexicon>(
      std::multimap<std::string, std::string>{
          {"أبيض", "white"},     {"بيت", "home"},  // FreeDict's sense; House comes from the head table
          {"داخلية", "interior"}, {"وزارة", "ministry"}, {"شمال", "north"},   {"إعلان", "declaration"},
          {"أمن", "security"},    {"مجلس", "council"},   {"قرن", "horn"},     {"غذاء", "food"},
          {"إدارة", "administration"}, {"أفضل", "best"}, {"ممثل", "actor"}, {"حكومة", "government"}},
      std::set<std::string>{"house", "foreign", "drug", "middle", "east", "national", "accord"}));
  return *lex;
}

MiningOptions WithLexicon() {
  MiningOptions o;
  o.translator = Lexicon();
  return o;
}

using ::nazir::testing::FindEnglish;

std::set<std::string> Spellings(const GlossaryEntry& e) {
  std::set<std::string> out;
  for (const auto& v : e.arabic) out.insert(v.text);
  return out;
}

// ---- translated names --------------------------------------------------------------------------------

struct TranslatedCase {
  const char* name;
  const char* arabic;
  const char* english;
  const char* expect_english;  // the entry's English name
  const char* expect_arabic;   // its spelling: proclitics other than the article dropped
  const char* expect_type;
};

void PrintTo(const TranslatedCase& c, std::ostream* os) { *os << c.name; }

class TranslatedNames : public ::testing::TestWithParam<TranslatedCase> {};

TEST_P(TranslatedNames, AreLinkedAsABagOfWords) {
  const TranslatedCase& c = GetParam();
  const std::vector<GlossaryEntry> g = MineGlossary({{c.arabic, c.english, "d1", 0}}, WithLexicon());
  const GlossaryEntry* e = FindEnglish(g, c.expect_english);
  ASSERT_NE(e, nullptr) << c.expect_english;
  EXPECT_EQ(Spellings(*e), std::set<std::string>{c.expect_arabic});
  EXPECT_EQ(e->type, c.expect_type);
}

INSTANTIATE_TEST_SUITE_P(
    Mining, TranslatedNames,
    ::testing::Values(
        // The head noun first in Arabic, the adjective after it; the preposition ب dropped, the article kept.
        TranslatedCase{"WhiteHouse", "وقال مسؤول بالبيت الأبيض إن المحادثات مستمرة.",
                       "An official at the White House said the talks were continuing.", "White House",
                       "البيت الأبيض", "ORG"},
        // Idafa: وزارة الداخلية is "ministry (of) the interior", whichever order English uses.
        TranslatedCase{"InteriorMinistry", "وأعلنت وزارة الداخلية اعتقال المشتبه به.",
                       "The Interior Ministry announced the arrest of the suspect.", "Interior Ministry",
                       "وزارة الداخلية", "ORG"},
        TranslatedCase{"MinistryOfInterior", "وأعلنت وزارة الداخلية اعتقال المشتبه به.",
                       "The Ministry of Interior announced the arrest of the suspect.", "Ministry of Interior",
                       "وزارة الداخلية", "ORG"},
        // A word transliterated or from the gazetteer beside a translated one.
        TranslatedCase{"NorthAfricaWithConjunction", "تحدث عن الأمن في الشرق وشمال إفريقيا اليوم.",
                       "He spoke about security in North Africa today.", "North Africa", "شمال إفريقيا", "LOC"},
        TranslatedCase{"ParisDeclaration", "ودعا إلى تنفيذ إعلان باريس بسرعة.",
                       "He called for the Paris Declaration to be implemented quickly.", "Paris Declaration",
                       "إعلان باريس", "ORG"},
        // A nisba adjective renders a place (الأفريقي ~ Africa).
        TranslatedCase{"HornOfAfrica", "ونشط التنظيم في القرن الأفريقي منذ سنوات.",
                       "The group has been active in the Horn of Africa for years.", "Horn of Africa",
                       "القرن الأفريقي", "LOC"},
        // An acronym the Arabic leaves out, a label before a number.
        TranslatedCase{"SecurityCouncilWithoutUN", "بما ينسجم مع قرار مجلس الأمن رقم 2259 .",
                       "in line with UN Security Council Resolution 2259.", "UN Security Council", "مجلس الأمن",
                       "ORG"},
        // A lower-case institution phrase led by a demonym (the demonym must link: القطرية ~ Qatari).
        TranslatedCase{"DemonymInstitutionPhrase", "وقالت وزارة الخارجية القطرية في بيان إن اللقاء كان مثمرا.",
                       "The Qatari foreign ministry said in a statement that the meeting was fruitful.",
                       "Qatari foreign ministry", "وزارة الخارجية القطرية", "ORG"}),
    [](const ::testing::TestParamInfo<TranslatedCase>& info) { return std::string(info.param.name); });

TEST(MineGlossary, TwoWordOrdersOfOneNameAreOneEntry) {
  const std::vector<GlossaryEntry> g = MineGlossary(
      {{"وأعلنت وزارة الداخلية اعتقال المشتبه به.", "The Interior Ministry announced the arrest.", "d1", 0},
       {"وقالت وزارة الداخلية إن التحقيق مستمر.", "The Ministry of Interior said the inquiry went on.", "d1", 1}},
      WithLexicon());
  const GlossaryEntry* a = FindEnglish(g, "Interior Ministry");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(FindEnglish(g, "Ministry of Interior"), a);
}

// A longer name is its own entry, and the shorter name inside it keeps only its own spellings.
TEST(MineGlossary, AWholeNameIsNotFoldedIntoANameInsideIt) {
  const std::vector<GlossaryEntry> g = MineGlossary(
      {{"ودعا إلى تنفيذ إعلان باريس بسرعة.", "He called for the Paris Declaration to be implemented.", "d1", 0},
       {"وزار السراج باريس الأسبوع الماضي.", "Sarraj visited Paris last week.", "d1", 1},
       {"تحدث عن الأمن في الشرق وشمال إفريقيا اليوم.", "He spoke about security in North Africa today.", "d2", 0},
       {"ونشط التنظيم في إفريقيا منذ سنوات.", "The group has been active in Africa for years.", "d2", 1}},
      WithLexicon());
  const GlossaryEntry* paris = FindEnglish(g, "Paris");
  const GlossaryEntry* declaration = FindEnglish(g, "Paris Declaration");
  ASSERT_NE(paris, nullptr);
  ASSERT_NE(declaration, nullptr);
  EXPECT_NE(paris, declaration);
  EXPECT_EQ(Spellings(*paris), std::set<std::string>{"باريس"});
  const GlossaryEntry* africa = FindEnglish(g, "Africa");
  const GlossaryEntry* north = FindEnglish(g, "North Africa");
  ASSERT_NE(africa, nullptr);
  ASSERT_NE(north, nullptr);
  EXPECT_NE(africa, north);
  EXPECT_EQ(Spellings(*africa), std::set<std::string>{"إفريقيا"});
}

struct NotANameCase {
  const char* name;
  const char* arabic;
  const char* english;
  const char* english_name;  // no entry has it
};

void PrintTo(const NotANameCase& c, std::ostream* os) { *os << c.name; }

class NotTranslatedNames : public ::testing::TestWithParam<NotANameCase> {};

TEST_P(NotTranslatedNames, GiveNoEntry) {
  const NotANameCase& c = GetParam();
  const std::vector<GlossaryEntry> g = MineGlossary({{c.arabic, c.english, "d1", 0}}, WithLexicon());
  const GlossaryEntry* e = FindEnglish(g, c.english_name);
  EXPECT_EQ(e, nullptr) << c.english_name << " found, spelled " << (e ? e->arabic[0].text : "");
}

INSTANTIATE_TEST_SUITE_P(
    Mining, NotTranslatedNames,
    ::testing::Values(
        // Title Case without a head word or a proper name in it: an award category, not a name.
        NotANameCase{"TitleCasePhrase", "وفاز بجائزة أفضل ممثل هذا العام.", "He won Best Actor this year.",
                     "Best Actor"},
        // The only filler on offer translates another word of the sentence (الغذاء is Food).
        NotANameCase{"FillerFromElsewhereInTheSentence", "وافقت إدارة الغذاء والدواء على اللقاح.",
                     "The Food and Drug Administration approved the vaccine.", "Drug Administration"},
        // One word of a two-word name is no Arabic name (الشرق alone is not the Middle East).
        NotANameCase{"OneTokenForTwoWords", "وتحدث عن الأمن في الشرق اليوم.",
                     "He spoke about security in the Middle East today.", "Middle East"},
        // The adjective of a place is not a spelling of it (الليبية is "Libyan").
        NotANameCase{"NisbaAdjective", "طالب بإعادة بناء مؤسسات الدفاع الليبية.",
                     "He urged them to rebuild Libya's defense institutions.", "Libya"},
        NotANameCase{"PluralDemonym", "يمس حياة الملايين من الليبيين.", "It affects the lives of millions of Libyans.",
                     "Libyans"}),
    [](const ::testing::TestParamInfo<NotANameCase>& info) { return std::string(info.param.name); });

// Without a lexicon nothing is translated: the same pair gives no White House.
TEST(MineGlossary, TranslationNeedsALexicon) {
  const std::vector<GlossaryEntry> g =
      MineGlossary({{"وقال مسؤول بالبيت الأبيض إن المحادثات مستمرة.",
                     "An official at the White House said the talks were continuing.", "d1", 0}});
  EXPECT_EQ(FindEnglish(g, "White House"), nullptr);
}

// ---- structure beyond single words -------------------------------------------------------------------

// "Iraq and the Levant" ~ "العراق والشام": a name coordinated after a linked one is the conjunct there.
TEST(MineGlossary, CoordinatedNameIsTheArabicConjunct) {
  const std::vector<GlossaryEntry> g =
      MineGlossary({{"بعد هزيمة التنظيم في العراق والشام و انحسار المناطق.",
                     "after the defeat of the group in Iraq and the Levant.", "d1", 0}},
                   WithLexicon());
  const GlossaryEntry* levant = FindEnglish(g, "Levant");
  ASSERT_NE(levant, nullptr);
  EXPECT_EQ(Spellings(*levant), std::set<std::string>{"الشام"});
}

// An acronym spelled out once ("Government of National Accord (GNA)") takes the long form's Arabic
// where it is written alone, shortened or with a clitic.
TEST(MineGlossary, AcronymTakesItsSpelledOutFormsArabic) {
  const std::vector<GlossaryEntry> g = MineGlossary(
      {{"شارك وزير خارجية حكومة الوفاق الوطني في الاجتماع.",
        "The foreign minister of the Government of National Accord (GNA) attended the meeting.", "d1", 0},
       {"ودعا إلى دعم حكومة الوفاق في طرابلس.", "He called for support for the GNA in Tripoli.", "d1", 1},
       {"والتقى الوفد بحكومة الوفاق الوطني أمس.", "The delegation met the GNA yesterday.", "d1", 2}},
      WithLexicon());
  const GlossaryEntry* gna = FindEnglish(g, "GNA");
  ASSERT_NE(gna, nullptr);
  EXPECT_EQ(FindEnglish(g, "Government of National Accord"), gna);
  const std::set<std::string> sp = Spellings(*gna);
  EXPECT_TRUE(sp.count("حكومة الوفاق")) << sp.size();
}

// ---- English name spans --------------------------------------------------------------------------------

struct SpanCase {
  const char* name;
  const char* english;
  std::vector<std::string> spans;  // every span, in order
};

void PrintTo(const SpanCase& c, std::ostream* os) { *os << c.name; }

class EnglishSpans : public ::testing::TestWithParam<SpanCase> {};

TEST_P(EnglishSpans, SplitWhereNamesEnd) {
  std::vector<std::string> got;
  for (const NameSpan& s : EnglishNameSpans(GetParam().english)) got.push_back(s.text);
  EXPECT_EQ(got, GetParam().spans);
}

INSTANTIATE_TEST_SUITE_P(
    Mining, EnglishSpans,
    ::testing::Values(
        SpanCase{"PossessiveEndsAName", "He met Libya's Government of National Accord.",
                 {"Libya", "Government of National Accord"}},
        SpanCase{"HyphenatedCompoundKeepsTheName", "They backed the UN-led process and the anti-ISIS coalition.",
                 {"UN", "ISIS"}},
        SpanCase{"LabelBeforeANumberIsNoPartOfTheName", "in line with UN Security Council Resolution 2259.",
                 {"UN Security Council"}},
        SpanCase{"OfIsNoTitle", "They fight in the Horn of Africa and the Joint Chiefs of Staff agree.",
                 {"Horn of Africa", "Joint Chiefs of Staff"}},
        SpanCase{"PluralDemonymIsNoName", "Many Libyans voted.", {}}),
    [](const ::testing::TestParamInfo<SpanCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace nazir::names

// ---- the FreeDict adapter ------------------------------------------------------------------------------

namespace nazir::corpus {
namespace {

TEST(LexiconTranslator, PairsWordsThroughTheArticleButNeverThroughProclitics) {
  auto lexicon = std::make_shared<align::Lexicon>();
  lexicon->AddEntry("وزارة", "ministry");
  lexicon->AddEntry("أبيض", "white");
  const std::shared_ptr<const names::WordTranslator> t = LexiconTranslator(lexicon);
  const std::string white = t->EnglishKey("White");
  ASSERT_FALSE(white.empty());
  EXPECT_EQ(t->EnglishKey("Ministries"), t->EnglishKey("ministry"));  // stems
  EXPECT_TRUE(t->EnglishKey("Kirchner").empty());                     // a name the lexicon lacks
  auto has = [&](std::string_view arabic, const std::string& key) {
    const std::vector<std::string> keys = t->EnglishKeys(arabic);
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  };
  EXPECT_TRUE(has("الأبيض", white));                         // the article
  EXPECT_TRUE(has("وزارة", t->EnglishKey("Ministry")));      // و that belongs to the word
  EXPECT_FALSE(has("ووزارة", t->EnglishKey("Ministry")));    // the miner splits the conjunction
}

}  // namespace
}  // namespace nazir::corpus
