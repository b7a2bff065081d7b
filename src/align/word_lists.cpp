#include "nazir/align/word_lists.h"

#include "nazir/base/lang.h"
#include "nazir/text/normalize.h"

namespace nazir::align {
namespace {

// Arabic function words. Selected from the Lucene Arabic stop list (apache/lucene
// analysis/common/.../ar/stopwords.txt, after Savoy) and CAMeL Tools' function-word tags, keeping
// only words that carry no content in news text. Written in ordinary spelling; normalized at load.
constexpr const char* kArabicStop[] = {
    "من", "إلى", "الى", "عن", "على", "علي", "في", "فى", "مع", "منذ", "حتى", "بين", "عند", "لدى", "لدي",
    "خلال", "حول", "دون", "ضد", "نحو", "عبر", "تحت", "فوق", "قبل", "بعد", "أمام", "وراء", "منها", "منه",
    "فيها", "فيه", "عليها", "عليه", "إليها", "إليه", "لها", "له", "لهم", "لهن", "بها", "به", "بهم", "عنها",
    "عنه", "عنهم", "معها", "معه", "و", "ف", "ثم", "أو", "أم", "بل", "لكن", "لكنه", "لكنها", "ولكن", "أن",
    "إن", "أنه", "أنها", "إنه", "إنها", "أنهم", "إنهم", "كان", "كانت", "كانوا", "يكون", "تكون", "يكن",
    "ليس", "ليست", "قد", "لقد", "ما", "ماذا", "لا", "لم", "لن", "هل", "إذا", "إذ", "لو", "كي", "لكي",
    "كما", "مثل", "أي", "أيضا", "أيضاً", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك", "هنا", "هناك",
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "هو", "هي", "هم", "هن", "هما",
    "أنا", "نحن", "أنت", "أنتم", "كل", "بعض", "غير", "سوى", "إلا", "حيث", "عندما", "بينما", "كيف",
    "أين", "متى", "لماذا", "وقد", "وكان", "وكانت", "وهو", "وهي", "وفي", "ومن", "وهذا", "وهذه", "فيما",
    "كذلك", "أكثر", "جدا", "جداً", "يا", "ذات", "ذو", "ذي", "لدى", "إلي", "سوف", "ال",
};

// English function words: the Snowball English stop list (snowball.tartarus.org, BSD licence),
// abridged to its core of articles, pronouns, auxiliaries, prepositions and conjunctions.
constexpr const char* kEnglishStop[] = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "into", "onto", "about", "as", "than", "then", "so", "if", "because", "while", "when",
    "where", "which", "who", "whom", "whose", "what", "that", "this", "these", "those", "there",
    "here", "it", "its", "it's", "he", "him", "his", "she", "her", "hers", "they", "them", "their",
    "theirs", "we", "us", "our", "you", "your", "i", "me", "my", "be", "is", "am", "are", "was",
    "were", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "yes", "also",
    "very", "too", "just", "only", "such", "some", "any", "all", "each", "both", "other", "own",
    "same", "more", "most", "much", "many", "up", "down", "out", "over", "under", "again", "further",
    "once", "between", "through", "during", "before", "after", "above", "below", "against", "off",
    "how", "why", "s", "t", "'s", "via", "per", "upon", "within", "without", "among", "since",
    "until", "though", "although", "whether", "either", "neither", "itself", "himself", "herself",
    "themselves", "yet", "still",
};

// Weekdays and months. Arabic: Modern Standard names (Gregorian month names as used in Egypt and the
// Maghreb/Gulf press, and the Syriac-derived names of the Levant and Iraq); CLDR "ar" calendar data
// lists both. Ambiguous Levantine words (كانون = Dec/Jan, تشرين = Oct/Nov) map to both months.
struct CalendarEntry {
  const char* arabic;
  const char* english;
};
constexpr CalendarEntry kCalendar[] = {
    {"السبت", "saturday"}, {"الأحد", "sunday"}, {"الاثنين", "monday"}, {"الإثنين", "monday"},
    {"الثلاثاء", "tuesday"}, {"الأربعاء", "wednesday"}, {"الخميس", "thursday"},
    {"الجمعة", "friday"},
    {"يناير", "january"}, {"فبراير", "february"}, {"مارس", "march"}, {"أبريل", "april"},
    {"إبريل", "april"}, {"مايو", "may"}, {"يونيو", "june"}, {"يوليو", "july"},
    {"يونيه", "june"}, {"يوليه", "july"}, {"أغسطس", "august"}, {"سبتمبر", "september"},
    {"أكتوبر", "october"}, {"نوفمبر", "november"}, {"ديسمبر", "december"},
    {"جانفي", "january"}, {"فيفري", "february"}, {"أفريل", "april"}, {"ماي", "may"},
    {"جوان", "june"}, {"جويلية", "july"}, {"أوت", "august"},
    {"كانون", "january"}, {"كانون", "december"}, {"شباط", "february"}, {"آذار", "march"},
    {"نيسان", "april"}, {"أيار", "may"}, {"حزيران", "june"}, {"تموز", "july"}, {"آب", "august"},
    {"أيلول", "september"}, {"تشرين", "october"}, {"تشرين", "november"},
};

std::string ArKey(std::string_view s) { return text::Normalizer::Get().Key(s, Lang::kAr); }

// Strips a leading ال from a normalized key (calendar words are looked up without the article).
std::string StripArticle(std::string key) {
  static const std::string kAl = ArKey("ال");
  if (key.size() > kAl.size() + 2 && key.compare(0, kAl.size(), kAl) == 0) return key.substr(kAl.size());
  return key;
}

}  // namespace

const std::unordered_set<std::string>& ArabicStopKeys() {
  static const auto* set = [] {
    auto* s = new std::unordered_set<std::string>;
    for (const char* w : kArabicStop) s->insert(ArKey(w));
    return s;
  }();
  return *set;
}

const std::unordered_set<std::string>& EnglishStopWords() {
  static const auto* set = new std::unordered_set<std::string>(std::begin(kEnglishStop),
                                                               std::end(kEnglishStop));
  return *set;
}

const ArabicClitics& ArabicCliticKeys() {
  static const auto* c = [] {
    auto* r = new ArabicClitics;
    // Larkey et al. light10 prefixes and suffixes (Lucene ArabicStemmer), split into their parts
    // (docs/ARABIC.md, "Clitics").
    for (const char* p : {"و", "ف"}) r->conjunctions.push_back(ArKey(p));
    for (const char* p : {"ب", "ك", "ل"}) r->prepositions.push_back(ArKey(p));
    r->article = ArKey("ال");
    for (const char* p : {"هما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي"}) {
      r->suffixes.push_back(ArKey(p));
    }
    for (const char* p : {"ات", "ون", "ين", "ان", "ية", "ي"}) r->plural_endings.push_back(ArKey(p));
    return r;
  }();
  return *c;
}

const std::unordered_map<std::string, std::vector<std::string>>& CalendarWords() {
  static const auto* m = [] {
    auto* r = new std::unordered_map<std::string, std::vector<std::string>>;
    for (const auto& e : kCalendar) (*r)[StripArticle(ArKey(e.arabic))].push_back(e.english);
    return r;
  }();
  return *m;
}

}  // namespace nazir::align
