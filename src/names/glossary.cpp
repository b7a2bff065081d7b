// Glossary mining from aligned pairs: English name spans -> Arabic spans -> links -> entries.
#include "nazir/names/glossary.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "nazir/base/lang.h"
#include "nazir/names/clitics.h"
#include "nazir/names/gazetteer.h"
#include "nazir/names/matcher.h"
#include "nazir/text/normalize.h"
#include "nazir/text/tokenize.h"
#include "nazir/text/utf8.h"
#include "phonetic.h"

namespace nazir::names {
namespace {

// ---- tuning constants ---------------------------------------------------------------------------
// Minimum name similarity of a transliteration link (English span ~ Arabic span). Set by hand on the
// sample corpus (examples/sample) and the seed names: real links score 0.8-1.0, a wrong span next to
// the right one 0.5-0.7.
constexpr double kDefaultLinkThreshold = 0.72;
// An Arabic token joins a candidate span only if it matches some word of the English name at least
// this well (prunes the 1-4 token spans before the span-level score).
constexpr double kMinTokenLink = 0.5;
// Longest Arabic span considered (tokens).
constexpr size_t kMaxArabicSpan = 4;
// Co-occurrence links (translations: NATO ~ حلف شمال الأطلسي): the pair of names must co-occur in at
// least kMinCooccurrence pairs with a Dice coefficient of at least kMinDice.
constexpr int kMinCooccurrence = 2;
constexpr double kMinDice = 0.5;
// Score given to gazetteer links (CLDR says so) and used to rank them against transliteration links.
constexpr double kGazetteerLinkScore = 0.95;
// Rounds of per-pair linking: the second gives a name whose span a better link took the tokens left.
constexpr int kLinkRounds = 2;

// ---- word lists (data, one place each) ------------------------------------------------------------
// Capitalized words that begin sentences without naming anything.
const std::unordered_set<std::string>& SentenceStarters() {
  static const auto* s = new std::unordered_set<std::string>{
      "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "as", "after",
      "before", "during", "since", "while", "when", "where", "what", "who", "which", "why", "how",
      "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this",
      "that", "these", "those", "there", "here", "but", "and", "or", "if", "also", "both", "all",
      "some", "many", "most", "other", "such", "according", "meanwhile", "however", "earlier",
      "later", "last", "next", "yesterday", "today", "tomorrow", "on", "under", "over", "about",
      "participants", "officials", "sources", "no", "not", "one", "two", "three"};
  return *s;
}

// Capitalized words that are never names on their own: days, months.
const std::unordered_set<std::string>& NeverNames() {
  static const auto* s = new std::unordered_set<std::string>{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "i"};
  return *s;
}

// Lower-case words allowed inside a name span between capitalized words: Arabic-name particles
// (al-, bin, abu, abd), Romance/Germanic particles (de, di, van, von), "of"/"the"/"for"/"and" in
// institution names (Government of National Accord, Horn of Africa).
const std::unordered_set<std::string>& Particles() {
  static const auto* s = new std::unordered_set<std::string>{
      "al", "el", "bin", "ben", "ibn", "bint", "abu", "abou", "abd", "de", "di", "da", "del",
      "della", "der", "den", "van", "von", "le", "la", "du", "dos", "das", "of", "the", "for"};
  return *s;
}

// Titles before a person's name (stripped from the span; evidence for PER).
const std::unordered_set<std::string>& EnglishTitles() {
  static const auto* s = new std::unordered_set<std::string>{
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "prime", "minister",
      "foreign", "interior", "defense", "defence", "secretary", "general", "gen", "gen.",
      "secretary-general", "ambassador", "envoy", "special", "king", "queen", "prince", "princess",
      "sheikh", "shaikh", "emir", "sultan", "crown", "senator", "sen.", "colonel", "col.", "marshal",
      "field", "lt.", "lieutenant", "commander", "chief", "deputy", "vice", "chairman", "spokesman",
      "spokeswoman", "governor", "mayor", "pope", "judge", "justice", "state", "of", "us", "u.s.",
      "chargé", "charge", "d'affaires", "under", "assistant", "adviser", "advisor", "national",
      "security", "representative", "speaker", "director", "head", "leader", "ceo", "counsellor"};
  return *s;
}

// Words that make an English span an organization (evidence for ORG, and titles are not stripped).
const std::unordered_set<std::string>& EnglishOrgWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "organization", "organisation", "ministry", "council", "party", "army", "alliance", "forces",
      "force", "agency", "union", "committee", "commission", "bank", "company", "corporation",
      "front", "movement", "brigade", "brigades", "coalition", "government", "university",
      "institute", "association", "league", "fund", "office", "department", "command",
      "parliament", "assembly", "court", "group", "authority", "nations", "guard", "house",
      "treasury", "congress", "senate", "declaration", "agreement", "summit", "conference"};
  return *s;
}

// Arabic words before a name that say it is a person (titles) or part of an organization's name.
const std::unordered_set<std::string>& ArabicPersonTitles() {
  static const auto* s = new std::unordered_set<std::string>{
      "السيد", "السيده", "الرئيس", "رئيس", "وزير", "الوزير", "الامين", "المبعوث", "السفير",
      "الجنرال", "المشير", "الملك", "الامير", "الشيخ", "العقيد", "اللواء", "الفريق", "النائب",
      "الدكتور", "د", "معالي", "سمو", "فخامه", "القائد", "المتحدث", "الناطق", "نظيره"};
  return *s;
}

const std::unordered_set<std::string>& ArabicOrgWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "وزاره", "مجلس", "حلف", "منظمه", "حزب", "تنظيم", "جيش", "قوات", "قوه", "لجنه", "هيئه",
      "اتحاد", "جامعه", "بنك", "شركه", "حكومه", "مؤسسه", "جبهه", "حركه", "الوكاله", "وكاله",
      "القياده", "قياده", "اداره", "مفوضيه", "المفوضيه", "التحالف", "تحالف", "الحرس", "حرس",
      "محكمه", "برلمان", "البرلمان"};
  return *s;
}

// Arabic function words that never begin or end a name span (prepositions, conjunctions,
// demonstratives, relative pronouns, common verbs of reporting).
const std::unordered_set<std::string>& ArabicStopWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "في", "من", "على", "الى", "عن", "ان", "أن", "التي", "الذي", "الذين", "مع", "بعد", "قبل",
      "هذا", "هذه", "ذلك", "تلك", "كان", "كانت", "قال", "وقال", "خلال", "حول", "عبر", "بين",
      "ضد", "منذ", "حتى", "لا", "لم", "لن", "ما", "او", "ثم", "قد", "و", "وفي", "كما", "وذلك",
      "اليوم", "امس", "الخميس", "الجمعه", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
      "لدى", "الي", "علي", "عند", "اي", "كل", "بعض", "غير", "هو", "هي", "انه", "انها", "الا",
      "اذ", "اذا", "بان", "لان", "حيث", "ايضا", "وكذلك", "بشان", "اجل", "ضمن", "نحو", "لقاء",
      "وزير", "رئيس", "الرئيس", "السيد", "السيده", "الوزير", "العام", "الخاص", "لكن", "ولكن",
      "لكنه", "لكنها", "لكنهم", "كذلك", "وهو", "وهي"};
  return *s;
}

std::string Lower(std::string_view s) {
  return text::Normalizer::Get().Key(s, Lang::kEn);
}

std::string ArKey(std::string_view s) { return text::Normalizer::Get().Key(s, Lang::kAr); }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Head nouns of names (institutions, buildings, landforms, events) with the Arabic heads that render
// them (normalized keys), where FreeDict (one sense per headword) lacks the sense: department ~ وزارة,
// corporation ~ مؤسسة, guard ~ حرس, ocean ~ محيط. A link through this table covers the word but is no
// evidence on its own (every ministry is a وزارة).
const std::unordered_map<std::string, std::vector<std::string>>& OrgHeadEquivalents() {
  static const auto* m = [] {
    const std::vector<std::pair<std::string, std::vector<std::string>>> raw = {
        {"ministry", {"وزارة"}}, {"department", {"وزارة", "إدارة", "دائرة", "قسم"}},
        {"office", {"مكتب", "دائرة"}}, {"administration", {"إدارة"}}, {"corporation", {"مؤسسة", "شركة"}},
        {"foundation", {"مؤسسة"}}, {"institution", {"مؤسسة"}}, {"company", {"شركة"}},
        {"guard", {"حرس"}}, {"force", {"قوة", "قوات"}}, {"forces", {"قوات", "قوة"}}, {"army", {"جيش"}},
        {"command", {"قيادة"}}, {"agency", {"وكالة"}}, {"council", {"مجلس"}},
        {"assembly", {"مجلس", "جمعية"}}, {"authority", {"هيئة", "سلطة"}},
        {"commission", {"مفوضية", "لجنة", "هيئة"}}, {"committee", {"لجنة"}},
        {"organization", {"منظمة", "تنظيم"}}, {"organisation", {"منظمة", "تنظيم"}}, {"party", {"حزب"}},
        {"front", {"جبهة"}}, {"movement", {"حركة"}}, {"union", {"اتحاد"}}, {"alliance", {"تحالف", "حلف"}},
        {"coalition", {"تحالف"}}, {"bank", {"بنك", "مصرف"}}, {"court", {"محكمة"}},
        {"government", {"حكومة"}}, {"league", {"جامعة", "رابطة"}}, {"university", {"جامعة"}},
        {"brigade", {"لواء", "كتيبة"}}, {"brigades", {"كتائب", "ألوية"}}, {"house", {"بيت", "دار", "مجلس"}},
        {"association", {"جمعية", "رابطة", "اتحاد"}}, {"society", {"جمعية"}}, {"federation", {"اتحاد"}},
        {"institute", {"معهد"}}, {"center", {"مركز"}}, {"centre", {"مركز"}}, {"hospital", {"مستشفى"}},
        {"university", {"جامعة"}}, {"college", {"كلية"}}, {"school", {"مدرسة"}}, {"church", {"كنيسة"}},
        {"museum", {"متحف"}}, {"airport", {"مطار"}}, {"police", {"شرطة"}}, {"embassy", {"سفارة"}},
        {"declaration", {"إعلان"}}, {"agreement", {"اتفاق", "اتفاقية"}}, {"accord", {"اتفاق", "اتفاقية"}},
        {"accords", {"اتفاقيات", "اتفاقات"}}, {"treaty", {"معاهدة"}}, {"conference", {"مؤتمر"}},
        {"summit", {"قمة"}}, {"war", {"حرب"}}, {"ocean", {"محيط"}}, {"sea", {"بحر"}}, {"river", {"نهر"}},
        {"lake", {"بحيرة"}}, {"gulf", {"خليج"}}, {"bay", {"خليج"}}, {"island", {"جزيرة"}},
        {"islands", {"جزر"}}, {"peninsula", {"جزيرة"}}, {"mountains", {"جبال"}}, {"mount", {"جبل"}},
        {"valley", {"وادي"}}, {"desert", {"صحراء"}}, {"strait", {"مضيق"}}, {"canal", {"قناة"}},
        {"coast", {"ساحل"}}, {"basin", {"حوض"}}};
    auto* out = new std::unordered_map<std::string, std::vector<std::string>>;
    for (const auto& [en, ars] : raw)
      for (const std::string& a : ars) (*out)[en].push_back(ArKey(a));
    return out;
  }();
  return *m;
}

// Arabic institution heads (normalized, without the article): ArabicOrgWords and the table above.
bool IsArabicOrgHead(const std::string& bare_key) {
  static const auto* s = [] {
    auto* out = new std::unordered_set<std::string>;
    for (const std::string& w : ArabicOrgWords()) {
      std::string k = ArKey(w);
      if (StartsWith(k, "ال")) k = k.substr(std::string_view("ال").size());
      out->insert(k);
    }
    for (const auto& [en, ars] : OrgHeadEquivalents()) out->insert(ars.begin(), ars.end());
    return out;
  }();
  return s->count(bare_key) > 0;
}

// Institutions English names with one common noun (the Treasury, the Pentagon) and Arabic translates
// (وزارة الخزانة): the only one-word English names linked by translation, besides acronyms.
const std::unordered_set<std::string>& OneWordInstitutions() {
  static const auto* s = new std::unordered_set<std::string>{"treasury", "pentagon", "kremlin",
                                                             "senate",   "congress", "parliament"};
  return *s;
}

// English words that make a translated name a place (evidence for LOC): compass points, landforms.
const std::unordered_set<std::string>& PlaceHeadWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "lake", "basin",
      "horn", "gulf", "sea", "ocean", "river", "valley", "desert", "mountains", "peninsula", "strait",
      "bay", "coast", "island", "islands", "canal", "crescent"};
  return *s;
}

// Capitalized nouns that, followed by a number, label a document or a thing rather than belong to the
// name before them ("Security Council Resolution 2259", "Article 5").
const std::unordered_set<std::string>& LabelNouns() {
  static const auto* s = new std::unordered_set<std::string>{
      "resolution", "resolutions", "article", "articles", "decree", "law", "chapter", "section",
      "paragraph", "clause", "flight"};
  return *s;
}

// Head words that say what a translated name names beyond EnglishOrgWords and PlaceHeadWords:
// institutions, buildings, events, landforms (University of Leeds, Second World War, Mount Vinson).
const std::unordered_set<std::string>& TranslatedNameHeads() {
  static const auto* s = new std::unordered_set<std::string>{
      "hospital", "college", "school", "academy", "church", "cathedral", "mosque", "museum", "airport",
      "center", "centre", "laboratory", "airlines", "airways", "society", "police", "navy", "service",
      "embassy", "station", "port", "harbour", "harbor", "bridge", "war", "treaty", "accord", "accords",
      "games", "cup", "mount", "cape", "province", "region", "district", "county", "city",
      "kingdom", "republic", "empire", "state", "states", "nations", "ministries", "forces"};
  return *s;
}

bool IsNameHead(const std::string& lower) {
  return EnglishOrgWords().count(lower) || PlaceHeadWords().count(lower) || TranslatedNameHeads().count(lower);
}

// English adjective endings (national, presidential, military, Islamic, Libyan, Lebanese, eastern): a
// word an Arabic nisba adjective can render.
bool LooksAdjectiveLike(const std::string& lower) {
  for (std::string_view suf : {"al", "ic", "an", "ese", "ish", "ary", "ive", "ern", "ous"})
    if (lower.size() > suf.size() + 2 && EndsWith(lower, suf)) return true;
  return false;
}

// English adjective endings of peoples and creeds (Libyan, Islamic, Lebanese, Turkish; plural -s too):
// with an Arabic nisba adjective (الليبية, الإسلامية) they make an adjective pair, not a name.
bool LooksAdjectival(std::string word) {
  word = Lower(word);
  if (word.size() > 4 && word.back() == 's') word.pop_back();
  for (std::string_view suf : {"ic", "ian", "an", "ese", "ish"})
    if (word.size() > suf.size() + 2 && EndsWith(word, suf)) return true;
  return false;
}

// ---- English tokens ---------------------------------------------------------------------------------
struct EnToken {
  std::string text;
  size_t begin = 0, end = 0;
  bool joined = false;    // only spaces between this token and the previous one
  bool initial = false;   // first token of a sentence (or after : " “ ( )
  bool open_paren = false;  // directly preceded by "("
  bool close_paren = false;  // directly followed by ")"
  bool break_before = false;  // a name cannot run on into this token ("anti-ISIS")
  bool break_after = false;   // ... nor past it ("Libya's", "UN-backed")
};

bool IsWordChar(UChar32 c) { return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK; }

std::vector<EnToken> EnglishTokens(std::string_view s) {
  std::vector<EnToken> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  bool gap_only_spaces = true;
  bool sentence_start = true;
  bool after_paren = false;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (!IsWordChar(c)) {
      if (u_isWhitespace(c) || c == 0xA0) continue;
      gap_only_spaces = false;
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == 0x201C) sentence_start = true;
      after_paren = c == '(';
      if (c == ')' && !out.empty() && out.back().end == static_cast<size_t>(start)) out.back().close_paren = true;
      continue;
    }
    // A word: letters/digits, inner apostrophes and hyphens ("al-Sarraj", "d'affaires"), and dotted
    // abbreviations ("U.S.", "Mr.").
    int32_t j = start;
    int32_t end = start;
    while (j < n) {
      int32_t k = j;
      UChar32 d;
      U8_NEXT(p, k, n, d);
      if (d >= 0 && IsWordChar(d)) {
        j = k;
        end = k;
        continue;
      }
      if (d == '-' || d == '\'' || d == 0x2019 || d == '.') {
        int32_t m = k;
        UChar32 e = -1;
        if (m < n) U8_NEXT(p, m, n, e);
        if (e >= 0 && IsWordChar(e) && d != '.') {
          j = k;
          continue;
        }
        if (d == '.') {
          // "U.S." / "Mr.": keep the dot when the word so far is one letter (acronym) or a title.
          const std::string sofar(s.substr(start, end - start));
          const bool acronym_part = (end - start == 1) || sofar.find('.') != std::string::npos;
          if (acronym_part || EnglishTitles().count(Lower(sofar) + ".")) {
            j = k;
            end = k;
            if (e >= 0 && IsWordChar(e)) continue;
          }
        }
      }
      break;
    }
    EnToken t;
    t.begin = static_cast<size_t>(start);
    t.end = static_cast<size_t>(end);
    t.text = std::string(s.substr(t.begin, t.end - t.begin));
    t.joined = gap_only_spaces && !out.empty();
    t.initial = sentence_start;
    t.open_paren = after_paren;
    out.push_back(t);
    i = end;
    gap_only_spaces = true;
    sentence_start = false;
    after_paren = false;
    // A final abbreviation dot does not end a sentence; any other '.' is seen by the next iteration.
  }
  return out;
}

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return c;
}

bool IsCapitalized(std::string_view w) {
  const UChar32 c = FirstCodePoint(w);
  return c > 0 && (u_isupper(c) || u_istitle(c));
}

// "al-Sarraj", "el-Sisi": an article particle glued to a capitalized name.
bool IsArticleName(std::string_view w) {
  const size_t h = w.find('-');
  if (h == std::string_view::npos || h + 1 >= w.size()) return false;
  return Particles().count(Lower(w.substr(0, h))) && IsCapitalized(w.substr(h + 1));
}

bool IsAcronym(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

std::string StripPossessive(std::string s) {
  for (std::string_view suf : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (s.size() > suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0) {
      return s.substr(0, s.size() - suf.size());
    }
  }
  return s;
}

// ---- Arabic tokens ------------------------------------------------------------------------------------
struct ArToken {
  std::string text;  // as written
  std::string key;   // normalized
  size_t begin = 0, end = 0;
  bool joined = false;  // only spaces between it and the previous word token
};

std::vector<ArToken> ArabicTokens(std::string_view s) {
  std::vector<ArToken> out;
  bool broken = true;
  for (const text::Token& t : text::Tokenize(s, Lang::kAr)) {
    if (t.kind != text::TokenKind::kWord) {
      broken = true;
      continue;
    }
    ArToken a;
    a.begin = t.begin;
    a.end = t.end;
    a.text = std::string(s.substr(t.begin, t.end - t.begin));
    a.key = t.key;
    a.joined = !broken && !out.empty();
    out.push_back(std::move(a));
    broken = false;
  }
  return out;
}

// The span text of tokens [i, j) with the first token's proclitics removed (the stem MatchWord chose,
// or `first_stem` when given).
std::string SpanText(const std::vector<ArToken>& t, size_t i, size_t j, const std::string& first_stem) {
  std::string s = first_stem.empty() ? t[i].text : first_stem;
  for (size_t k = i + 1; k < j; ++k) s += " " + t[k].text;
  return s;
}

// ---- mentions and links -----------------------------------------------------------------------------
struct Mention {
  std::string english;       // the English name as written (title stripped)
  std::string english_norm;  // Lower(english)
  std::string arabic;        // the Arabic span, proclitics stripped, as written
  size_t pair = 0;
  double score = 0.0;
  int per = 0, loc = 0, org = 0;  // type evidence
  bool translated = false;  // linked by word translation (White House ~ البيت الأبيض)
};

struct EnSpanInfo {
  NameSpan span;
  std::vector<std::string> words;
  std::string norm;
  std::string acronym_of;  // "GNA" written right after "Government of National Accord (": the long form
  bool phrase = false;     // a lower-case institution phrase (the Qatari foreign ministry): translation only
};

// Type evidence from an Arabic span and the token before it.
// A word list as normalized keys (the lists are written as Arabic is: هيئة, not the key هيءه).
std::unordered_set<std::string> Keys(const std::unordered_set<std::string>& words) {
  std::unordered_set<std::string> out;
  for (const std::string& w : words) out.insert(ArKey(w));
  return out;
}

void ArabicTypeEvidence(const std::vector<ArToken>& t, size_t i, size_t j, Mention* m) {
  static const auto* person_titles = new std::unordered_set<std::string>(Keys(ArabicPersonTitles()));
  static const auto* org_words = new std::unordered_set<std::string>(Keys(ArabicOrgWords()));
  auto bare = [](const std::string& key) {
    // Title words also appear with a conjunction or preposition: والأمين, للرئيس.
    std::vector<std::string> forms = {key};
    for (const CliticAnalysis& a : ProcliticAnalyses(key)) forms.push_back(a.stem);
    return forms;
  };
  if (i > 0) {
    for (const std::string& f : bare(t[i - 1].key)) {
      if (person_titles->count(ArKey(f))) {
        ++m->per;
        break;
      }
    }
  }
  for (const std::string& f : bare(t[i].key)) {
    if (org_words->count(ArKey(f))) {
      ++m->org;
      break;
    }
  }
  (void)j;
}

struct SpanCandidate {
  size_t i = 0, j = 0;  // Arabic tokens [i, j)
  double score = 0.0;
  std::string first_stem;
};

class PairLinker {
 public:
  PairLinker(const NameMatcher& m, double threshold) : m_(m), threshold_(threshold) {}

  double Word(const std::string& ar, const std::string& en, std::string* stem) {
    const std::string k = ar + '\t' + en;
    auto it = cache_.find(k);
    if (it == cache_.end()) {
      const WordMatch w = m_.MatchWord(ar, en);
      it = cache_.emplace(k, std::make_pair(w.score, w.stem)).first;
    }
    if (stem) *stem = it->second.second;
    return it->second.first;
  }

  // Best Arabic span for an English name in one pair's Arabic tokens, by transliteration.
  SpanCandidate BestSpan(const std::vector<ArToken>& ar, const std::vector<std::string>& en_words,
                         const std::vector<bool>& used) {
    SpanCandidate best;
    const size_t n = ar.size(), k = en_words.size();
    // W[i][w]: similarity of Arabic token i and English word w.
    std::vector<std::vector<double>> w(n, std::vector<double>(k, 0.0));
    std::vector<double> row_max(n, 0.0);
    std::vector<std::string> stems(n);
    for (size_t i = 0; i < n; ++i) {
      // Function words are never names (لكنها is no GNA).
      if (used[i] || ArabicStopWords().count(ar[i].key)) continue;
      for (size_t e = 0; e < k; ++e) {
        std::string stem;
        w[i][e] = Word(ar[i].text, en_words[e], &stem);
        if (w[i][e] > row_max[i]) {
          row_max[i] = w[i][e];
          stems[i] = stem;
        }
      }
    }
    std::vector<double> ma(n), me(k);
    for (size_t i = 0; i < n; ++i) ma[i] = static_cast<double>(internal::ArabicSymbols(ar[i].text).size());
    double en_mass = 0;
    for (size_t e = 0; e < k; ++e) en_mass += me[e] = static_cast<double>(internal::EnglishSymbols(en_words[e]).size());
    for (size_t i = 0; i < n; ++i) {
      if (used[i] || row_max[i] < kMinTokenLink) continue;
      for (size_t j = i + 1; j <= std::min(n, i + kMaxArabicSpan); ++j) {
        if (used[j - 1] || (j - 1 > i && !ar[j - 1].joined)) break;
        if (row_max[j - 1] < kMinTokenLink) continue;  // a span ends on a matching token
        // Monotone 1-1 alignment of tokens [i, j) with the English words, skips allowed.
        const size_t len = j - i;
        std::vector<std::vector<double>> dp(len + 1, std::vector<double>(k + 1, 0.0));
        double mass = en_mass;
        for (size_t a = 0; a < len; ++a) mass += ma[i + a];
        for (size_t a = 0; a <= len; ++a) {
          for (size_t e = 0; e <= k; ++e) {
            double v = 0;
            if (a > 0) v = std::max(v, dp[a - 1][e]);
            if (e > 0) v = std::max(v, dp[a][e - 1]);
            if (a > 0 && e > 0) v = std::max(v, dp[a - 1][e - 1] + w[i + a - 1][e - 1] * (ma[i + a - 1] + me[e - 1]));
            dp[a][e] = v;
          }
        }
        const double score = mass > 0 ? dp[len][k] / mass : 0.0;
        if (score > best.score) {
          best.score = score;
          best.i = i;
          best.j = j;
          best.first_stem = stems[i];
        }
      }
    }
    return best;
  }

  double threshold() const { return threshold_; }

 private:
  const NameMatcher& m_;
  double threshold_;
  std::unordered_map<std::string, std::pair<double, std::string>> cache_;
};

bool StartsWithArticle(const std::string& s) {
  for (const CliticAnalysis& a : ProcliticAnalyses(s))
    if (a.clitics == 1 && a.prefix == "ال") return true;
  return false;
}

// Gazetteer span: the longest span of 1-3 tokens starting at i that CLDR names `english`.
SpanCandidate GazetteerSpan(const std::vector<ArToken>& ar, const std::string& english_norm,
                            const std::vector<bool>& used) {
  SpanCandidate best;
  const Gazetteer& g = Gazetteer::Get();
  for (size_t i = 0; i < ar.size(); ++i) {
    if (used[i]) continue;
    std::string text;
    for (size_t j = i + 1; j <= std::min(ar.size(), i + 3); ++j) {
      if (used[j - 1] || (j - 1 > i && !ar[j - 1].joined)) break;
      text += (j - 1 > i ? " " : "") + ar[j - 1].text;
      for (const std::string& en : g.EnglishFor(text)) {
        if (Lower(en) != english_norm) continue;
        // The stem: strip و ف ب ل ك but keep the article (بالعراق -> العراق, والشام -> الشام,
        // لواشنطن -> واشنطن); an analysis only counts if CLDR still knows it.
        const std::string rest = text.substr(ar[i].text.size());
        std::string stem = ar[i].text;
        int best_clitics = -1;
        bool best_article = false;
        for (const CliticAnalysis& a : ProcliticAnalyses(ar[i].text)) {
          if (g.EnglishFor(a.stem + rest).empty()) continue;
          const bool art = StartsWithArticle(a.stem);
          if (best_clitics < 0 || (art && !best_article) || (art == best_article && a.clitics > best_clitics)) {
            stem = a.stem;
            best_clitics = a.clitics;
            best_article = art;
          }
        }
        if (j - i > best.j - best.i) {
          best.i = i;
          best.j = j;
          best.score = kGazetteerLinkScore;
          best.first_stem = stem;
        }
      }
    }
  }
  return best;
}

// English span words used for matching (particles kept: "bin" ~ بن).
std::vector<std::string> SpanWords(const std::string& span) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < span.size()) {
    size_t j = span.find(' ', i);
    if (j == std::string::npos) j = span.size();
    if (j > i) out.push_back(span.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Arabic n-gram keys of tokens [i, j) for co-occurrence counting: the normalized tokens, with every
// proclitic analysis of the first token (للناتو counts for ناتو and لناتو...).
std::vector<std::pair<std::string, std::string>> CoocKeys(const std::vector<ArToken>& ar, size_t i, size_t j) {
  std::vector<std::pair<std::string, std::string>> out;  // key, display stem of the first token
  std::string rest;
  for (size_t k = i + 1; k < j; ++k) rest += " " + ar[k].key;
  for (const CliticAnalysis& a : ProcliticAnalyses(ar[i].text)) {
    const std::string key = ArKey(a.stem) + rest;
    out.push_back({key, a.stem});
  }
  return out;
}

bool StopEdge(const ArToken& t) {
  if (ArabicStopWords().count(t.key)) return true;
  return t.key.size() <= 2;  // one Arabic letter (2 bytes): a detached و or ب
}

struct Entity {
  std::string head;  // English headword
  std::map<std::string, int> english_forms;
  std::map<std::string, int> arabic_forms;
  std::map<std::string, std::pair<std::string, std::string>> arabic_example;   // form -> sentence, source
  std::map<std::string, std::pair<std::string, std::string>> english_example;
  int per = 0, loc = 0, org = 0, count = 0;
};

// The places (English, as CLDR names them) a demonym is formed from: "Iraqi" -> Iraq, "Italian" ->
// Italy, "Libyans" -> Libya. Empty for a word that is no demonym, or is a place itself.
std::vector<std::string> DemonymPlaces(const std::string& word) {
  const Gazetteer& g = Gazetteer::Get();
  std::vector<std::string> out;
  if (word.find(' ') != std::string::npos || word.find('-') != std::string::npos || !g.ArabicFor(word).empty())
    return out;
  static constexpr std::array<std::string_view, 7> kSuffixes = {"ian", "ese", "ish", "an", "i", "n", "ic"};
  static constexpr std::array<std::string_view, 6> kRestore = {"", "a", "o", "y", "e", "ia"};
  // The word as it is, then without a plural s (Libyans, Iraqis).
  for (const std::string& w : {word, word.size() > 4 && word.back() == 's' ? word.substr(0, word.size() - 1) : ""}) {
    if (w.empty()) continue;
    for (std::string_view suf : kSuffixes) {
      if (w.size() < suf.size() + 3 || !EndsWith(w, suf)) continue;
      const std::string base = w.substr(0, w.size() - suf.size());
      for (std::string_view r : kRestore) {
        const std::string place = base + std::string(r);
        if (!g.ArabicFor(place).empty()) out.push_back(place);
      }
    }
    if (!out.empty()) break;
  }
  return out;
}

// Whether an English name (lower case) is written as an acronym in its mentions (UN, NATO).
bool IsAcronymNorm(const std::string& norm, const std::vector<Mention>& mentions) {
  for (const Mention& m : mentions)
    if (m.english_norm == norm) return IsAcronym(m.english);
  return false;
}

// "Iraqi", "Libyan", "Moroccan", "Italian", "Libyans": an adjective of a place CLDR knows, not a name.
bool IsDemonym(const std::string& word) { return !DemonymPlaces(word).empty(); }

// The places (English) an Arabic adjective of relation (nisba) is formed from, by CLDR: ليبي, الليبية,
// الليبيين -> Libya (ليبيا), العراقي -> Iraq (العراق), القطرية -> Qatar (قطر), الفرنسي -> France (فرنسا).
// Empty when the token is no such adjective, or is a place itself (مالي Mali).
std::vector<std::string> NisbaPlaces(std::string_view token) {
  const Gazetteer& g = Gazetteer::Get();
  if (!g.EnglishFor(token).empty()) return {};
  static const std::string kArticle = "ال", kYa = "ي", kTa = "ه";  // ة is ه in a normalized key
  for (const CliticAnalysis& a : ProcliticAnalyses(token)) {
    std::string s = ArKey(a.stem);
    if (StartsWith(s, kArticle)) s = s.substr(kArticle.size());
    // The masculine singular: without the feminine ة or the plural ين / ون.
    std::string adj;
    if (EndsWith(s, kYa + "ين") || EndsWith(s, kYa + "ون")) adj = s.substr(0, s.size() - std::string("ين").size());
    else if (EndsWith(s, kYa + kTa)) adj = s.substr(0, s.size() - kTa.size());
    else if (EndsWith(s, kYa)) adj = s;
    else continue;
    const std::string base = adj.substr(0, adj.size() - kYa.size());  // without the nisba ي
    if (text::CountCodePoints(base) < 2) continue;
    for (const std::string& place : {adj + "ا", base, base + "ا", kArticle + base}) {
      std::vector<std::string> en = g.EnglishFor(place);
      if (!en.empty()) return en;
    }
  }
  return {};
}

// Shaped like a definite nisba adjective (الأميركية, العسكرية, للتنمية is not): the article and a final
// ي / ية / يين / يون. Such a word may render an English modifier (US, Libyan) the linker left unlinked.
bool IsDefiniteNisbaShape(const ArToken& t) {
  if (!HasArticle(t.text)) return false;
  return EndsWith(t.key, "ي") || EndsWith(t.key, "يه") || EndsWith(t.key, "يين") || EndsWith(t.key, "يون");
}

// An adjective pair, not a name: one English word and one Arabic token that is the nisba of a place
// (Libya ~ الليبية, French ~ الفرنسي) or an adjective on both sides (Islamic ~ الإسلامية).
bool IsAdjectivePair(const std::string& english, const std::vector<ArToken>& ar, size_t i, size_t j) {
  if (j - i != 1 || english.find(' ') != std::string::npos) return false;
  if (!NisbaPlaces(ar[i].text).empty()) return true;
  return LooksAdjectival(english) && IsDefiniteNisbaShape(ar[i]);
}

// ---- translation linking ---------------------------------------------------------------------------
// Names Arabic translates word by word (البيت الأبيض White House, وزارة الداخلية Interior Ministry,
// القرن الأفريقي Horn of Africa), often in the reverse order (the adjective after its noun, idafa), are
// linked as a bag of content words covered on both sides. Each Arabic token of a candidate span links to
// an English content word by the lexicon (MiningOptions::translates), a demonym (القطرية Qatari), an
// institution head (وزارة Department), the gazetteer (إفريقيا Africa) or transliteration (باريس Paris);
// the other tokens are fillers the Arabic noun phrase needs (a definite adjective or idafa member, an
// institution head before it), no more of them than the English words left unlinked.

// Longest Arabic span of a translated name (tokens): "القيادة العسكرية الاميركية لافريقيا" has 4, the
// longest in the sample corpus; one more for a name the sample lacks.
constexpr size_t kMaxTranslatedSpan = 6;
// Word-level transliteration inside a translated name (Paris in إعلان باريس): as strict as a whole
// transliteration link.
constexpr double kTranslitWordLink = kDefaultLinkThreshold;

// How an Arabic token links to an English word, weakest first. kLexicon and kDemonym are evidence of a
// translation; the others only cover words.
enum class LinkKind { kNone, kTranslit, kGazetteer, kOrgHead, kDemonym, kLexicon };

bool IsAnchor(LinkKind k) { return k == LinkKind::kLexicon || k == LinkKind::kDemonym; }

// A content word of an English name (particles "of", "the", "for" dropped; hyphenated words split).
struct EnWord {
  std::string text;
  std::string lower;
  bool modifier = false;  // an acronym or demonym the Arabic may leave out (UN Security Council ~ مجلس الأمن)
  bool demonym = false;
  std::vector<std::string> places;  // the places a demonym or place name stands for (lower case)
};

std::vector<EnWord> ContentWords(const std::string& span) {
  const Gazetteer& g = Gazetteer::Get();
  std::vector<EnWord> out;
  for (const std::string& w : SpanWords(span)) {
    std::vector<std::string> parts;
    if (IsArticleName(w)) {
      parts.push_back(w);
    } else {
      size_t b = 0;
      while (b <= w.size()) {
        size_t e = w.find('-', b);
        if (e == std::string::npos) e = w.size();
        if (e > b) parts.push_back(w.substr(b, e - b));
        b = e + 1;
      }
    }
    for (std::string& p : parts) {
      p = StripPossessive(p);
      EnWord e;
      e.text = p;
      e.lower = Lower(p);
      if (p.empty() || (Particles().count(e.lower) && !IsCapitalized(p))) continue;
      for (const std::string& place : DemonymPlaces(p)) e.places.push_back(Lower(place));
      e.demonym = !e.places.empty();
      e.modifier = IsAcronym(p) || e.demonym;
      if (!g.ArabicFor(p).empty()) e.places.push_back(e.lower);
      out.push_back(std::move(e));
    }
  }
  if (out.size() == 1) out[0].modifier = false;
  return out;
}

struct TokenLink {
  int word = -1;  // index into the English content words; -1 = none
  LinkKind kind = LinkKind::kNone;
  std::string prefix;  // proclitics the link strips ("و" in ووزارة)
  std::string stem;    // the token without them
};

struct TranslationCandidate {
  size_t i = 0, j = 0;  // Arabic tokens [i, j)
  int linked = 0;       // English content words linked
  int distance = 0;     // fillers missing or in excess of the English words left unlinked
  int redundant = 0;    // tokens linked to a word another token already covers
  int leading = 0;      // fillers before the first linked token (Arabic names begin with their head)
  int indefinite = 0;   // fillers without the article
  double score = 0.0;   // coverage of the name: 2 x linked words / (words + tokens)
  bool gazetteer = false;  // a place name links inside it
  std::string first_stem;
  bool valid() const { return j > i; }
  // Better for one English name: more words linked, fillers as many as the English words left, no
  // word linked twice, fewer fillers before the head, fewer bare fillers, longer.
  bool BetterThan(const TranslationCandidate& o) const {
    if (!o.valid()) return valid();
    if (linked != o.linked) return linked > o.linked;
    if (distance != o.distance) return distance < o.distance;
    if (redundant != o.redundant) return redundant < o.redundant;
    if (leading != o.leading) return leading < o.leading;
    if (indefinite != o.indefinite) return indefinite < o.indefinite;
    return j - i > o.j - o.i;
  }
};

// ب ف ك ل و: letters that begin a word as a proclitic.
bool StartsWithProcliticLetter(std::string_view key) {
  for (std::string_view c : {"و", "ف", "ب", "ك", "ل"})
    if (StartsWith(key, c)) return true;
  return false;
}

// Proclitics a token inside a name (not its first) may carry: none, the article, or the ل of the
// genitive (المؤسسة الوطنية للنفط, القيادة ... لافريقيا); no conjunction (وشمال starts another name).
bool InnerPrefixOk(std::string_view prefix) {
  return prefix.empty() || prefix == "ال" || prefix == "ل" || prefix == "لل";
}

class TranslationLinker {
 public:
  TranslationLinker(const WordTranslator& lexicon, PairLinker& translit) : lexicon_(lexicon), translit_(translit) {}

  // Analyses what every name of one pair needs: per Arabic token its clitic readings, the places it is
  // or is an adjective of, and which words of the English sentence it translates.
  void Prepare(const std::vector<ArToken>& ar, std::string_view english) {
    const Gazetteer& gaz = Gazetteer::Get();
    sentence_.clear();
    for (const EnToken& t : EnglishTokens(english)) {
      const std::string w = StripPossessive(t.text);
      if (text::CountCodePoints(w) >= kMinSentenceWord) sentence_.push_back({w, t.begin, t.end});
    }
    tokens_.assign(ar.size(), {});
    for (size_t k = 0; k < ar.size(); ++k) {
      TokenInfo& info = tokens_[k];
      info.analyses = ProcliticAnalyses(ar[k].text);
      for (const std::string& p : NisbaPlaces(ar[k].text)) info.nisba.push_back(Lower(p));
      for (const std::string& p : gaz.EnglishFor(ar[k].text)) info.places.push_back(Lower(p));
      for (size_t w = 0; w < sentence_.size(); ++w) {
        for (const CliticAnalysis& an : info.analyses) {
          if (Translates(an.stem, sentence_[w].text)) {
            info.translates.push_back(w);
            break;
          }
        }
      }
    }
  }

  // The best Arabic span for an English name (its content words; the name at bytes [en_begin, en_end)
  // of the sentence given to Prepare) among the free tokens; invalid when there is none.
  // `demonym_required`: the name's demonym must link (the Qatari foreign ministry).
  TranslationCandidate Best(const std::vector<ArToken>& ar, const std::vector<EnWord>& words,
                            const std::vector<bool>& used, bool demonym_required, size_t en_begin, size_t en_end) {
    TranslationCandidate best;
    const size_t n = ar.size();
    if (words.empty()) return best;
    std::vector<TokenLink> first(n), inner(n);
    std::vector<bool> conflict(n, false);  // translates an English word outside the name
    std::unordered_set<std::string> inside;
    for (const EnWord& w : words) inside.insert(w.lower);
    for (size_t k = 0; k < n; ++k) {
      if (used[k] || IsStop(ar[k])) continue;
      first[k] = Link(k, ar[k], words, /*first=*/true);
      inner[k] = Link(k, ar[k], words, /*first=*/false);
      for (size_t w : tokens_[k].translates) {
        const SentenceWord& sw = sentence_[w];
        if ((sw.end <= en_begin || sw.begin >= en_end) && !inside.count(Lower(sw.text))) conflict[k] = true;
      }
    }
    std::vector<bool> known(words.size());
    for (size_t w = 0; w < words.size(); ++w) known[w] = Knows(words[w].text);
    for (size_t i = 0; i < n; ++i) {
      if (used[i] || IsStop(ar[i])) continue;
      for (size_t j = i + 1; j <= std::min(n, i + kMaxTranslatedSpan); ++j) {
        const size_t last = j - 1;
        if (used[last] || IsStop(ar[last]) || (last > i && !ar[last].joined)) break;
        TranslationCandidate c = Evaluate(ar, words, known, first, inner, conflict, i, j, demonym_required);
        if (c.BetterThan(best)) best = std::move(c);
      }
    }
    return best;
  }

  // Whether the lexicon pairs an Arabic word (proclitics split off) and an English word.
  bool Translates(const std::string& arabic, const std::string& english) {
    const std::string& key = EnglishKey(english);
    if (key.empty()) return false;
    auto it = arabic_keys_.find(arabic);
    if (it == arabic_keys_.end()) {
      std::vector<std::string> keys = lexicon_.EnglishKeys(arabic);
      it = arabic_keys_.emplace(arabic, std::unordered_set<std::string>(keys.begin(), keys.end())).first;
    }
    return it->second.count(key) > 0;
  }

 private:
  // Shorter English words are not looked up for conflicts (of, to, a).
  static constexpr int kMinSentenceWord = 3;

  struct SentenceWord {
    std::string text;
    size_t begin = 0, end = 0;
  };
  struct TokenInfo {
    std::vector<CliticAnalysis> analyses;
    std::vector<std::string> nisba;       // places the token is an adjective of (lower case)
    std::vector<std::string> places;      // places the token names (lower case)
    std::vector<size_t> translates;       // sentence words it translates
  };

  static bool IsStop(const ArToken& t) { return ArabicStopWords().count(t.key) || t.key.size() <= 2; }

  const std::string& EnglishKey(const std::string& english) {
    auto it = english_keys_.find(english);
    if (it == english_keys_.end()) it = english_keys_.emplace(english, lexicon_.EnglishKey(english)).first;
    return it->second;
  }

  bool Knows(const std::string& english) { return !EnglishKey(english).empty(); }

  // The strongest link of token k to any of the words. A token that is not the first of the span may
  // only carry the genitive ل.
  TokenLink Link(size_t k, const ArToken& a, const std::vector<EnWord>& words, bool first) {
    const TokenInfo& info = tokens_[k];
    TokenLink best;
    // The strongest link wins; between equals, a head word (المحيط is Ocean before Pacific).
    auto offer = [&](int w, LinkKind kind, const std::string& prefix, const std::string& stem) {
      if (!first && !InnerPrefixOk(prefix)) return;
      const bool better_head = kind == best.kind && IsNameHead(words[static_cast<size_t>(w)].lower) &&
                               !IsNameHead(words[static_cast<size_t>(best.word)].lower);
      if (kind > best.kind || better_head) best = TokenLink{w, kind, prefix, stem};
    };
    const Gazetteer& gaz = Gazetteer::Get();
    auto without = [&](const std::string& prefix) { return a.text.substr(prefix.size()); };
    // The proclitic letter a place or a nisba would carry (وسوريا: و + سوريا; واشنطن is no و + اشنطن).
    auto place_prefix = [&](bool nisba) -> std::string {
      if (!StartsWithProcliticLetter(a.key)) return "";
      for (const CliticAnalysis& an : info.analyses) {
        if (an.clitics == 0) continue;
        if (nisba ? !NisbaPlaces(an.stem).empty() : !gaz.EnglishFor(an.stem).empty()) return an.prefix;
      }
      return "";
    };
    for (size_t w = 0; w < words.size(); ++w) {
      const EnWord& e = words[w];
      const int wi = static_cast<int>(w);
      for (const CliticAnalysis& an : info.analyses) {
        if (Translates(an.stem, e.text)) {
          offer(wi, LinkKind::kLexicon, an.prefix, an.stem);
          break;
        }
      }
      for (const std::string& p : info.nisba) {
        if (std::find(e.places.begin(), e.places.end(), p) != e.places.end()) {
          const std::string prefix = place_prefix(true);
          offer(wi, LinkKind::kDemonym, prefix, without(prefix));
          break;
        }
      }
      if (auto it = OrgHeadEquivalents().find(e.lower); it != OrgHeadEquivalents().end()) {
        for (const CliticAnalysis& an : info.analyses) {
          std::string key = ArKey(an.stem);
          if (StartsWith(key, "ال")) key = key.substr(std::string_view("ال").size());
          if (std::find(it->second.begin(), it->second.end(), key) != it->second.end()) {
            offer(wi, LinkKind::kOrgHead, an.prefix, an.stem);
            break;
          }
        }
      }
      // The place itself, or the place of a demonym (جنوب أفريقيا for South African).
      for (const std::string& p : info.places) {
        if (p == e.lower || std::find(e.places.begin(), e.places.end(), p) != e.places.end()) {
          const std::string prefix = place_prefix(false);
          offer(wi, LinkKind::kGazetteer, prefix, without(prefix));
          break;
        }
      }
      // Transliteration for names inside the name (not acronyms: GNA is no كنها).
      if (IsCapitalized(e.text) && !IsAcronym(e.text) && best.kind < LinkKind::kTranslit) {
        std::string stem;
        if (translit_.Word(a.text, e.text, &stem) >= kTranslitWordLink) {
          const size_t cut = stem.size() <= a.text.size() ? a.text.size() - stem.size() : 0;
          offer(wi, LinkKind::kTranslit, a.text.substr(0, cut), stem);
        }
      }
    }
    return best;
  }

  TranslationCandidate Evaluate(const std::vector<ArToken>& ar, const std::vector<EnWord>& words,
                                const std::vector<bool>& known, const std::vector<TokenLink>& first,
                                const std::vector<TokenLink>& inner, const std::vector<bool>& conflict,
                                size_t i, size_t j, bool demonym_required) {
    TranslationCandidate c;
    std::vector<LinkKind> linked(words.size(), LinkKind::kNone);  // the strongest link of each word
    std::vector<size_t> last_token(words.size(), 0);              // the last token linked to each
    int redundant = 0, fillers = 0, indefinite = 0, leading = 0;
    std::vector<const ArToken*> nisba_fillers;
    bool anchor = false, gazetteer = false, seen_link = false, all_heads = true;
    std::string first_stem;
    for (size_t k = i; k < j; ++k) {
      const TokenLink& l = k == i ? first[k] : inner[k];
      const bool definite = StartsWith(ar[k].key, "ال") || StartsWith(ar[k].key, "لل") || (k == i && HasArticle(ar[k].text));
      bool head = false;  // an institution head noun (وزارة, مجلس)
      for (const CliticAnalysis& an : tokens_[k].analyses) {
        std::string key = ArKey(an.stem);
        if (StartsWith(key, "ال")) key = key.substr(std::string_view("ال").size());
        if (IsArabicOrgHead(key)) {
          head = true;
          if (k == i && l.word < 0) first_stem = an.stem;
          break;
        }
      }
      all_heads = all_heads && head;
      // The last token is linked or definite (an idafa chain ends on a definite noun or a name).
      if (k + 1 == j && k > i && l.word < 0 && !definite) return {};
      // A nationality adjective never begins a name (المكسيكي أرلي فلاسكويز is "the Mexican ...").
      if (k == i && !tokens_[k].nisba.empty()) return {};
      if (l.word >= 0) {
        // Another linked nisba adjective first (النفطية للمؤسسة ...) most likely belongs to the noun before.
        if (k == i && l.kind != LinkKind::kOrgHead && IsDefiniteNisbaShape(ar[k])) ++leading;
        const size_t w = static_cast<size_t>(l.word);
        // Two tokens for one word: fine side by side (الأمم المتحدة UN, علم الأوبئة Epidemiology), not apart.
        if (linked[w] != LinkKind::kNone && last_token[w] + 1 != k) ++redundant;
        linked[w] = std::max(linked[w], l.kind);
        last_token[w] = k;
        seen_link = true;
        anchor = anchor || IsAnchor(l.kind);
        gazetteer = gazetteer || l.kind == LinkKind::kGazetteer;
        if (k == i) first_stem = l.stem;
        continue;
      }
      // A filler: not the translation of another word of the sentence (الغذاء is Food, not Drug). First:
      // an institution head (هيئة الأركان, قوات الجيش) or a definite word that is no adjective. Inside: a
      // definite word (ال, لل), or a bare noun of an idafa chain (قوة مكافحة الإرهاب) that is not last.
      if (conflict[k]) return {};
      if (k == i) {
        // An adjective (a nisba: العسكرية) follows its noun: it never begins a name.
        if ((!head && !definite) || IsDefiniteNisbaShape(ar[k])) return {};
        if (!definite) ++indefinite;
      } else if (!definite) {
        if (StartsWithProcliticLetter(ar[k].key) || k + 1 == j) return {};
        ++indefinite;
      }
      ++fillers;
      if (!seen_link) ++leading;
      if (IsDefiniteNisbaShape(ar[k])) nisba_fillers.push_back(&ar[k]);
    }
    // A bare institution head names nothing (مجلس alone is no Senate).
    if (all_heads) return {};
    int nonmod = 0, linked_words = 0, linked_nonmod = 0, unlinked_mod = 0, unlinked_adj = 0;
    bool demonym_linked = false, has_head = false, head_linked = false, proper_part = false;
    for (size_t w = 0; w < words.size(); ++w) {
      const EnWord& e = words[w];
      const bool head = IsNameHead(e.lower);
      has_head = has_head || head;
      if (!e.modifier) ++nonmod;
      if (linked[w] == LinkKind::kNone) {
        if (e.modifier) ++unlinked_mod;
        else if (!known[w]) return {};  // a word of a name no link matched (Kirchner): not this span
        else if (LooksAdjectiveLike(e.lower)) ++unlinked_adj;
        continue;
      }
      ++linked_words;
      if (!e.modifier) ++linked_nonmod;
      head_linked = head_linked || head;
      demonym_linked = demonym_linked || e.demonym;
      proper_part = proper_part || linked[w] == LinkKind::kGazetteer || linked[w] == LinkKind::kTranslit ||
                    linked[w] == LinkKind::kDemonym;
    }
    if (!anchor || linked_words == 0) return {};
    if (demonym_required && !demonym_linked) return {};
    // A name Arabic translates has a head that says what it names (Ministry, House, Sea), and then the
    // Arabic renders it (الصحة العامة is no Center for Global Health), or a proper name in it (Africa,
    // Chad); Title Case phrases without either (Best Actor) are no names.
    const bool one_word = words.size() == 1;
    if (has_head ? !head_linked : (!proper_part && !one_word)) return {};
    // A transliterated name last is a person ("Vice-President Mike Pence", "President of Congress John
    // Hancock"), unless a head comes first (Mount Vinson, University of Leeds).
    if (linked.back() == LinkKind::kTranslit && !IsNameHead(words.front().lower)) return {};
    // A single English word (the Treasury, UN) is translated only whole: an acronym by a spelled-out
    // form of two words or more, every one linked (الأمم المتحدة UN).
    if (one_word && IsAcronym(words[0].text) && (j - i < 2 || fillers > 0)) return {};
    // Fillers render the English words left unlinked, one each. A nisba adjective renders a modifier
    // (US ~ الأميركية) or an adjective (National ~ الوطنية); when two words or more vouch for the span,
    // one more may be a nationality or kind English leaves implicit (الأميركية in State Department,
    // العسكرية in US Africa Command). Other fillers, and nisba-shaped nouns in -ية (الأدوية), render
    // any word; a masculine nisba (الأمريكي) renders no noun (Disease).
    int left_mod = unlinked_mod, left_adj = unlinked_adj, left = nonmod - linked_nonmod;
    int slack = linked_words >= 2 ? 1 : 0, plain = fillers - static_cast<int>(nisba_fillers.size());
    int absorbed_mod = 0;
    for (const ArToken* t : nisba_fillers) {
      if (left_mod > 0) {
        --left_mod;
        ++absorbed_mod;
      } else if (left_adj > 0) {
        --left_adj;
        --left;
      } else if (slack > 0) {
        --slack;
      } else if (EndsWith(t->key, "يه")) {
        ++plain;
      } else {
        return {};
      }
    }
    if (plain > left) return {};
    const int unlinked_nonmod = nonmod - linked_nonmod;
    const int regular = fillers - absorbed_mod;
    // Enough of the name is there: a third of its words linked, and with the fillers all but one.
    if (3 * linked_nonmod < nonmod || linked_nonmod + regular < nonmod - 1) return {};
    // Two English words or more are not one Arabic token (الشرق alone is not the Middle East).
    if (nonmod >= 2 && j - i < 2) return {};
    const int plain_fillers = fillers - static_cast<int>(nisba_fillers.size());
    c.i = i;
    c.j = j;
    c.linked = linked_words;
    // Missing fillers count, and plain fillers in excess of the English words left.
    c.distance = std::max(0, unlinked_nonmod - regular) + std::max(0, plain_fillers - unlinked_nonmod);
    c.redundant = redundant;
    c.leading = leading;
    c.indefinite = indefinite;
    c.score = 2.0 * linked_words / static_cast<double>(words.size() + (j - i));
    c.gazetteer = gazetteer;
    c.first_stem = first_stem;
    return c;
  }

  const WordTranslator& lexicon_;
  PairLinker& translit_;
  std::unordered_map<std::string, std::unordered_set<std::string>> arabic_keys_;  // Arabic word -> English keys
  std::unordered_map<std::string, std::string> english_keys_;                    // English word -> key
  std::vector<SentenceWord> sentence_;
  std::vector<TokenInfo> tokens_;
};

// The first token of a translated name as the entry shows it: conjunctions and prepositions dropped,
// the article kept (بالبيت -> البيت, للمؤسسة -> المؤسسة, ووزارة -> وزارة, وكالة stays whole).
std::string FirstTokenDisplay(const ArToken& a, const std::string& link_stem) {
  static const std::string kArticle = "ال";
  if (!link_stem.empty() && !StartsWith(a.text, "لل")) {
    // The article split off as a clitic comes back (الصينية, not صينية).
    for (const CliticAnalysis& an : ProcliticAnalyses(a.text))
      if (an.stem == link_stem && EndsWith(an.prefix, kArticle)) return kArticle + link_stem;
    return link_stem;
  }
  // A reading with the article, as much stripped before it as possible; the stem after the article a
  // real word (وكالة is no و + ك + الة).
  std::string with_article;
  int clitics = -1;
  for (const CliticAnalysis& an : ProcliticAnalyses(a.text)) {
    if (StartsWith(an.stem, kArticle) && text::CountCodePoints(an.stem.substr(kArticle.size())) >= kMinStemLetters &&
        an.clitics > clitics) {
      with_article = an.stem;
      clitics = an.clitics;
    }
  }
  if (!with_article.empty()) return with_article;
  for (const CliticAnalysis& an : ProcliticAnalyses(a.text))
    if (an.prefix == "لل") return kArticle + an.stem;
  return link_stem.empty() ? a.text : link_stem;
}

// "the Qatari foreign ministry": a demonym, up to two lower-case words and a state institution's head
// noun. English writes such names in lower case and Arabic translates them (وزارة الخارجية القطرية);
// they are linked by translation only, and only when the demonym links.
std::vector<NameSpan> DemonymInstitutionPhrases(std::string_view english) {
  constexpr size_t kMaxWords = 4;  // demonym + two modifiers + head
  // Heads of state institutions; "the Italian group", "European nations" name nothing.
  static const auto* heads = new std::unordered_set<std::string>{
      "ministry", "department", "government", "army", "navy", "forces", "agency", "council", "parliament",
      "police", "embassy"};
  std::vector<NameSpan> out;
  const std::vector<EnToken> t = EnglishTokens(english);
  for (size_t k = 0; k < t.size(); ++k) {
    if (!IsCapitalized(t[k].text) || !IsDemonym(t[k].text)) continue;
    for (size_t m = k + 1; m < t.size() && m < k + kMaxWords && t[m].joined && !IsCapitalized(t[m].text); ++m) {
      const std::string word = Lower(StripPossessive(t[m].text));
      if (SentenceStarters().count(word) || Particles().count(word)) break;  // "politicians and government"
      if (!heads->count(word)) {
        if (StripPossessive(t[m].text) != t[m].text) break;
        continue;
      }
      NameSpan span;
      for (size_t w = k; w <= m; ++w) span.text += (w > k ? " " : "") + (w == m ? StripPossessive(t[w].text) : t[w].text);
      span.begin = t[k].begin;
      span.end = t[m].end;
      span.type = "ORG";
      out.push_back(std::move(span));
      break;
    }
  }
  return out;
}

}  // namespace

std::vector<NameSpan> EnglishNameSpans(std::string_view english) {
  std::vector<NameSpan> out;
  std::vector<EnToken> t = EnglishTokens(english);
  for (EnToken& tok : t) {
    // A possessive ends a name: "Libya's Government of National Accord" is two.
    if (StripPossessive(tok.text) != tok.text) tok.break_after = true;
    // Hyphenated compounds with a lower-case part: only the capitalized part names something ("UN-led",
    // "NATO-backed" -> UN, NATO; "anti-ISIS" -> ISIS), and it does not run on into its neighbours.
    const size_t first = tok.text.find('-'), last = tok.text.rfind('-');
    if (first == std::string::npos || IsArticleName(tok.text) || last + 1 >= tok.text.size()) continue;
    const std::string head = tok.text.substr(0, first), tail = tok.text.substr(last + 1);
    if (IsCapitalized(head) && !IsCapitalized(tail)) {
      tok.text = head;
      tok.end = tok.begin + head.size();
      tok.break_after = true;
    } else if (!IsCapitalized(head) && IsCapitalized(tail) && !Particles().count(Lower(head))) {
      tok.text = tail;
      tok.begin = tok.end - tail.size();
      tok.break_before = true;
      tok.initial = false;
    }
  }
  const Gazetteer& g = Gazetteer::Get();
  auto lower = [&](size_t k) { return Lower(t[k].text); };
  auto is_title = [&](size_t k) { return EnglishTitles().count(lower(k)) > 0 && !EnglishOrgWords().count(lower(k)); };
  // A title word that can split a span: not a particle ("Horn of Africa" has no title in it).
  auto splits = [&](size_t k) { return is_title(k) && !Particles().count(lower(k)); };
  auto emit = [&](size_t b, size_t e, std::string type) {
    // Leading particles ("of", "the") never start a name.
    while (b < e && Particles().count(lower(b)) && !IsArticleName(t[b].text)) ++b;
    if (b >= e) return;
    std::string text;
    for (size_t k = b; k < e; ++k) {
      if (!text.empty()) text += ' ';
      text += (k + 1 == e) ? StripPossessive(t[k].text) : t[k].text;
    }
    const std::string lt = Lower(text);
    if (text.empty() || NeverNames().count(lt)) return;
    if (e - b == 1 && t[b].initial && SentenceStarters().count(lt)) return;
    if (e - b == 1 && type.empty() && IsDemonym(text)) return;
    if (type.empty()) {
      if (!g.ArabicFor(text).empty()) type = "LOC";
      else if (e - b == 1 && IsAcronym(text)) type = "ORG";
    }
    NameSpan span;
    span.text = text;
    span.begin = t[b].begin;
    span.end = t[e - 1].end;
    span.type = type;
    out.push_back(std::move(span));
  };
  size_t i = 0;
  while (i < t.size()) {
    const bool cap = IsCapitalized(t[i].text) || IsArticleName(t[i].text);
    if (!cap || (t[i].initial && SentenceStarters().count(lower(i)) && !IsCapitalized(t.size() > i + 1 ? t[i + 1].text : ""))) {
      ++i;
      continue;
    }
    if (t[i].initial && SentenceStarters().count(lower(i))) {
      ++i;  // "The Hague" is rare; "The US-led coalition" is common
      continue;
    }
    // Extend over capitalized words, and up to two particles followed by a capitalized word.
    size_t j = i + 1;
    while (j < t.size() && t[j].joined && !t[j - 1].break_after && !t[j].break_before) {
      if (IsCapitalized(t[j].text) || IsArticleName(t[j].text)) {
        ++j;
        continue;
      }
      size_t k = j;
      while (k < t.size() && t[k].joined && !t[k].break_before && !t[k].break_after &&
             Particles().count(lower(k)) && k - j < 2)
        ++k;
      if (k > j && k < t.size() && t[k].joined && !t[k].break_before &&
          (IsCapitalized(t[k].text) || IsArticleName(t[k].text))) {
        j = k;
        continue;
      }
      break;
    }
    // "Security Council Resolution 2259": the label before a number is not part of the name.
    size_t next = j;
    if (j - i >= 2 && j < t.size() && t[j].joined && !t[j].text.empty() && t[j].text[0] >= '0' &&
        t[j].text[0] <= '9' && LabelNouns().count(lower(j - 1))) {
      --j;
    }
    bool org = false;
    for (size_t k = i; k < j; ++k) org = org || EnglishOrgWords().count(lower(k)) > 0;
    if (org) {
      emit(i, j, "ORG");
      i = next;
      continue;
    }
    // Titles: the last title word splits "[prefix] [title run] name" ("NATO Secretary General Jens
    // Stoltenberg", "Iraqi Prime Minister Haider al-Abadi").
    size_t last = j;
    for (size_t k = i; k < j; ++k)
      if (splits(k)) last = k;
    if (last == j) {
      emit(i, j, "");
    } else {
      size_t run = last;
      while (run > i && is_title(run - 1)) --run;
      if (run > i) emit(i, run, "");
      if (last + 1 < j) emit(last + 1, j, "PER");
    }
    i = next;
  }
  return out;
}

std::vector<GlossaryEntry> MineGlossary(const std::vector<AlignedPair>& pairs, const MiningOptions& options) {
  const NameMatcher& matcher = NameMatcher::Get();
  PairLinker linker(matcher, options.min_link_score > 0 ? options.min_link_score : kDefaultLinkThreshold);
  const Gazetteer& gaz = Gazetteer::Get();

  std::vector<Mention> mentions;
  // Per pair, what stage 1 left unlinked, for the co-occurrence stage.
  struct Leftover {
    std::vector<EnSpanInfo> english;
    std::vector<ArToken> arabic;
    std::vector<bool> used;
    std::vector<std::string> names;  // every English name of the pair, linked or not (co-occurrence)
  };
  std::vector<Leftover> leftovers(pairs.size());
  std::unordered_map<std::string, std::string> acronym_long;  // acronym norm -> long form norm

  std::optional<TranslationLinker> translator;
  if (options.translator) translator.emplace(*options.translator, linker);
  std::set<std::string> translated;  // English names linked by translation

  for (size_t p = 0; p < pairs.size(); ++p) {
    const AlignedPair& pair = pairs[p];
    std::vector<EnSpanInfo> spans;
    for (const NameSpan& s : EnglishNameSpans(pair.english)) {
      EnSpanInfo info;
      info.span = s;
      info.words = SpanWords(s.text);
      info.norm = Lower(s.text);
      spans.push_back(std::move(info));
    }
    const size_t num_names = spans.size();  // the institution phrases come after the names
    if (translator) {
      for (const NameSpan& s : DemonymInstitutionPhrases(pair.english)) {
        EnSpanInfo info;
        info.span = s;
        info.words = SpanWords(s.text);
        info.norm = Lower(s.text);
        info.phrase = true;
        spans.push_back(std::move(info));
      }
    }
    // Content words for translation; which names translation may link: two words or more that are not
    // modifiers (an acronym, a demonym), a one-word institution (the Treasury), an acronym (UN), and
    // the institution phrases.
    std::vector<std::vector<EnWord>> content(spans.size());
    std::vector<bool> translatable(spans.size(), false);
    if (translator) {
      for (size_t s = 0; s < spans.size(); ++s) {
        content[s] = ContentWords(spans[s].span.text);
        int nonmod = 0;
        std::string only;
        for (const EnWord& w : content[s]) {
          if (w.modifier) continue;
          ++nonmod;
          only = w.lower;
        }
        translatable[s] = spans[s].phrase || nonmod >= 2 || (nonmod == 1 && OneWordInstitutions().count(only)) ||
                          (content[s].size() == 1 && IsAcronym(content[s][0].text));
      }
    }
    // "Government of National Accord (GNA)": the acronym names the same entity.
    for (size_t s = 0; s + 1 < spans.size(); ++s) {
      const std::string& next = spans[s + 1].span.text;
      const std::string between = pair.english.substr(spans[s].span.end, spans[s + 1].span.begin - spans[s].span.end);
      if (IsAcronym(next) && between.find('(') != std::string::npos && between.size() <= 3) {
        acronym_long[spans[s + 1].norm] = spans[s].norm;
      }
    }
    std::vector<ArToken> ar = ArabicTokens(pair.arabic);
    std::vector<bool> used(ar.size(), false);
    if (translator) translator->Prepare(ar, pair.english);

    // Stage 1: each English span's best Arabic span by gazetteer or transliteration; greedy by score
    // (mutual best: an Arabic span taken by a better link is not available to a worse one).
    struct Proposal {
      size_t span;
      SpanCandidate cand;
      bool gazetteer;
    };
    // English words a transliteration candidate matches (Paris of "Paris Declaration" in إعلان باريس).
    auto translit_words = [&](const SpanCandidate& c, const std::vector<std::string>& words) {
      if (c.score < linker.threshold()) return 0;
      int n = 0;
      for (const std::string& w : words) {
        double best = 0;
        for (size_t k = c.i; k < c.j; ++k) best = std::max(best, linker.Word(ar[k].text, w, nullptr));
        if (best >= kMinTokenLink) ++n;
      }
      return n;
    };
    std::vector<bool> deferred(spans.size(), false);  // left to translation, which covers more of it
    std::vector<bool> linked(spans.size(), false);
    std::vector<std::pair<size_t, size_t>> linked_at(spans.size());  // the Arabic tokens of each link
    // Two rounds: a name whose Arabic a better link took tries again on the tokens left (a name written
    // twice: "northern Iraq ... in Iraq and the Levant").
    for (int round = 0; round < kLinkRounds; ++round) {
      std::vector<Proposal> proposals;
      for (size_t s = 0; s < num_names; ++s) {
        if (linked[s] || deferred[s]) continue;
        SpanCandidate g = GazetteerSpan(ar, spans[s].norm, used);
        SpanCandidate t = linker.BestSpan(ar, spans[s].words, used);
        if (round == 0 && g.score == 0 && translatable[s]) {
          const TranslationCandidate x =
            translator->Best(ar, content[s], used, false, spans[s].span.begin, spans[s].span.end);
          if (x.valid() && x.linked > translit_words(t, spans[s].words)) {
            deferred[s] = true;
            continue;
          }
        }
        if (g.score > 0 && g.score >= t.score) proposals.push_back({s, g, true});
        else if (t.score >= linker.threshold() && !IsAdjectivePair(spans[s].span.text, ar, t.i, t.j))
          proposals.push_back({s, t, false});
      }
      std::sort(proposals.begin(), proposals.end(),
                [](const Proposal& a, const Proposal& b) { return a.cand.score > b.cand.score; });
      for (const Proposal& pr : proposals) {
        bool free = true;
        for (size_t k = pr.cand.i; k < pr.cand.j; ++k) free = free && !used[k];
        if (!free || linked[pr.span]) continue;
        // Mutual best: no other English span of this pair scores higher on this Arabic span.
        if (!pr.gazetteer) {
          bool best = true;
          for (size_t o = 0; o < num_names && best; ++o) {
            if (o == pr.span) continue;
            const SpanCandidate other = linker.BestSpan(
                std::vector<ArToken>(ar.begin() + static_cast<long>(pr.cand.i), ar.begin() + static_cast<long>(pr.cand.j)),
                spans[o].words, std::vector<bool>(pr.cand.j - pr.cand.i, false));
            if (other.score > pr.cand.score && other.j - other.i == pr.cand.j - pr.cand.i) best = false;
          }
          if (!best) continue;
        }
        for (size_t k = pr.cand.i; k < pr.cand.j; ++k) used[k] = true;
        linked[pr.span] = true;
        linked_at[pr.span] = {pr.cand.i, pr.cand.j};
        Mention m;
        m.english = spans[pr.span].span.text;
        m.english_norm = spans[pr.span].norm;
        m.arabic = SpanText(ar, pr.cand.i, pr.cand.j, pr.cand.first_stem);
        m.pair = p;
        m.score = pr.cand.score;
        const std::string& ty = spans[pr.span].span.type;
        if (ty == "PER") ++m.per;
        if (ty == "ORG") ++m.org;
        if (ty == "LOC" || pr.gazetteer) ++m.loc;
        ArabicTypeEvidence(ar, pr.cand.i, pr.cand.j, &m);
        mentions.push_back(std::move(m));
      }
    }
    // Stage 1b: translation, greedy by coverage over the names left (each choice re-made on the tokens
    // still free).
    if (translator) {
      std::vector<size_t> queue;
      for (size_t s = 0; s < spans.size(); ++s)
        if (!linked[s] && translatable[s]) queue.push_back(s);
      while (!queue.empty()) {
        size_t best_q = queue.size();
        TranslationCandidate best;
        for (size_t q = 0; q < queue.size(); ++q) {
          const size_t s = queue[q];
          TranslationCandidate x =
              translator->Best(ar, content[s], used, spans[s].phrase, spans[s].span.begin, spans[s].span.end);
          if (x.valid() && (best_q == queue.size() || x.score > best.score)) {
            best = std::move(x);
            best_q = q;
          }
        }
        if (best_q == queue.size()) break;
        const size_t s = queue[best_q];
        queue.erase(queue.begin() + static_cast<long>(best_q));
        for (size_t k = best.i; k < best.j; ++k) used[k] = true;
        linked[s] = true;
        linked_at[s] = {best.i, best.j};
        Mention m;
        m.english = spans[s].span.text;
        m.english_norm = spans[s].norm;
        m.arabic = SpanText(ar, best.i, best.j, FirstTokenDisplay(ar[best.i], best.first_stem));
        m.pair = p;
        m.score = best.score;
        m.translated = true;
        const std::string& ty = spans[s].span.type;
        if (ty == "ORG") ++m.org;
        else if (ty == "LOC") ++m.loc;
        else if (ty.empty()) {
          bool place = best.gazetteer;
          for (const EnWord& w : content[s]) place = place || PlaceHeadWords().count(w.lower) > 0;
          if (place) ++m.loc;
        }
        ArabicTypeEvidence(ar, best.i, best.j, &m);
        translated.insert(m.english_norm);
        mentions.push_back(std::move(m));
      }
    }
    // Stage 1d: coordination. A name English coordinates right after a linked one ("Iraq and the
    // Levant") is the Arabic conjunct right after that one's span (العراق والشام): و and the words up to
    // the next punctuation, conjunct or function word, as many as the name has content words.
    for (size_t s = 0; s < num_names; ++s) {
      if (linked[s]) continue;
      // The name is the whole conjunct: no capitalized word runs on after it ("NATO Deputy Secretary ...").
      const size_t after = pair.english.find_first_not_of(' ', spans[s].span.end);
      if (after != std::string::npos && IsCapitalized(pair.english.substr(after, 4))) continue;
      // The name coordinated before it: a span ending right before "and (the)".
      size_t before = num_names;
      for (size_t a = 0; a < num_names; ++a) {
        if (spans[a].span.end > spans[s].span.begin) continue;
        std::vector<std::string> between;
        for (const std::string& w : SpanWords(pair.english.substr(spans[a].span.end, spans[s].span.begin - spans[a].span.end)))
          between.push_back(Lower(w));
        if (between == std::vector<std::string>{"and"} || between == std::vector<std::string>{"and", "the"}) before = a;
      }
      if (before == num_names) continue;
      // Its Arabic: any link of that name in this pair (a name written twice may have swapped links).
      for (size_t a = 0; a < num_names; ++a) {
        if (!linked[a] || spans[a].norm != spans[before].norm) continue;
        size_t i = linked_at[a].second;
        std::string stem;
        if (i < ar.size() && ar[i].joined && ar[i].key == "و") {  // و الصحراء
          ++i;
          if (i < ar.size()) stem = ar[i].text;
        } else if (i < ar.size()) {  // والشام
          for (const CliticAnalysis& an : ProcliticAnalyses(ar[i].text))
            if (an.prefix == "و") stem = an.stem;
        }
        if (stem.empty() || used[i] || !ar[i].joined || ArabicStopWords().count(ArKey(stem))) continue;
        size_t content = 0;
        for (const std::string& w : spans[s].words)
          if (!Particles().count(w) || IsCapitalized(w)) ++content;
        size_t j = i + 1;
        while (j < ar.size() && j - i < content && !used[j] && ar[j].joined && !StopEdge(ar[j]) &&
               !StartsWith(ar[j].key, "و"))
          ++j;
        if (j - i + 1 < content || IsAdjectivePair(spans[s].span.text, ar, i, j)) continue;
        // One capitalized word the lexicon translates there is a common noun ("Best Actor and Actress").
        if (translator && j - i == 1 && spans[s].words.size() == 1 &&
            !OneWordInstitutions().count(Lower(spans[s].words[0])) && translator->Translates(stem, spans[s].words[0]))
          continue;
        for (size_t k = i; k < j; ++k) used[k] = true;
        linked[s] = true;
        linked_at[s] = {i, j};
        Mention m;
        m.english = spans[s].span.text;
        m.english_norm = spans[s].norm;
        m.arabic = SpanText(ar, i, j, stem);
        m.pair = p;
        m.score = 1.0;
        if (spans[s].span.type == "ORG") ++m.org;
        if (spans[s].span.type == "LOC") ++m.loc;
        ArabicTypeEvidence(ar, i, j, &m);
        mentions.push_back(std::move(m));
        break;
      }
    }
    for (size_t s = 0; s < num_names; ++s) {
      if (!linked[s]) leftovers[p].english.push_back(spans[s]);
      leftovers[p].names.push_back(spans[s].norm);
    }
    leftovers[p].arabic = std::move(ar);
    leftovers[p].used = std::move(used);
  }

  // Stage 1c: an acronym the corpus spells out ("Government of National Accord (GNA)") is linked where
  // the Arabic repeats a linked spelling of its long form, whole or its first two words or more
  // (حكومة الوفاق الوطني, بحكومة الوفاق), not by co-occurrence.
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> long_spellings;  // acronym -> token keys
  for (const auto& [acr, longform] : acronym_long) {
    std::set<std::string> seen;
    for (const Mention& m : mentions) {
      if (m.english_norm != longform || !seen.insert(ArKey(m.arabic)).second) continue;
      std::vector<std::string> keys;
      for (const ArToken& t : ArabicTokens(m.arabic)) keys.push_back(t.key);
      if (!keys.empty()) long_spellings[acr].push_back(std::move(keys));
    }
  }
  for (size_t p = 0; p < pairs.size(); ++p) {
    auto& lo = leftovers[p];
    std::vector<EnSpanInfo> rest;
    for (const EnSpanInfo& s : lo.english) {
      auto it = long_spellings.find(s.norm);
      size_t bi = 0, bj = 0;
      std::string bstem;
      for (size_t i = 0; it != long_spellings.end() && i < lo.arabic.size(); ++i) {
        if (lo.used[i]) continue;
        for (const std::vector<std::string>& f : it->second) {
          std::string stem;
          for (const CliticAnalysis& a : ProcliticAnalyses(lo.arabic[i].text))
            if (ArKey(a.stem) == f[0] && stem.empty()) stem = a.stem;
          if (stem.empty()) continue;
          size_t j = i + 1;
          while (j < lo.arabic.size() && j - i < f.size() && !lo.used[j] && lo.arabic[j].joined &&
                 lo.arabic[j].key == f[j - i])
            ++j;
          if ((j - i == f.size() || j - i >= 2) && j - i > bj - bi) {
            bi = i;
            bj = j;
            bstem = stem;
          }
        }
      }
      if (bj == bi) {
        rest.push_back(s);
        continue;
      }
      for (size_t k = bi; k < bj; ++k) lo.used[k] = true;
      Mention m;
      m.english = s.span.text;
      m.english_norm = s.norm;
      m.arabic = SpanText(lo.arabic, bi, bj, bstem);
      m.pair = p;
      m.score = 1.0;
      if (s.span.type == "ORG") ++m.org;
      ArabicTypeEvidence(lo.arabic, bi, bj, &m);
      mentions.push_back(std::move(m));
    }
    lo.english = std::move(rest);
  }

  // Stage 2: co-occurrence for English names no transliteration or gazetteer found (translations).
  // Not for places CLDR names (their spellings come from it) nor acronyms spelled out in the corpus.
  auto cooccurrence_name = [&](const EnSpanInfo& s) {
    return gaz.ArabicFor(s.span.text).empty() && !long_spellings.count(s.norm);
  };
  // Counts cover every name and n-gram, linked or not, so that an n-gram a linked name co-occurs with
  // best is its, and goes to no other name (نجوم الأخرى is not the Sun's once Solar System is linked).
  {
    std::unordered_map<std::string, int> count_en, count_ar;
    std::unordered_map<std::string, std::unordered_map<std::string, int>> count_both;
    // Arabic n-grams of every pair; those on free tokens can still be linked.
    std::vector<std::vector<std::pair<std::string, std::pair<size_t, size_t>>>> grams(pairs.size());
    std::vector<std::unordered_set<std::string>> all_grams(pairs.size());
    for (size_t p = 0; p < pairs.size(); ++p) {
      const auto& ar = leftovers[p].arabic;
      for (size_t i = 0; i < ar.size(); ++i) {
        if (StopEdge(ar[i])) continue;
        for (size_t j = i + 1; j <= std::min(ar.size(), i + kMaxArabicSpan); ++j) {
          if (j - 1 > i && !ar[j - 1].joined) break;
          if (StopEdge(ar[j - 1])) continue;
          bool free = true;
          for (size_t k = i; k < j; ++k) free = free && !leftovers[p].used[k];
          for (const auto& [key, stem] : CoocKeys(ar, i, j)) {
            if (all_grams[p].insert(key).second) ++count_ar[key];
            if (free) grams[p].push_back({key, {i, j}});
          }
        }
      }
    }
    for (size_t p = 0; p < pairs.size(); ++p) {
      std::unordered_set<std::string> seen;
      for (const std::string& name : leftovers[p].names) {
        if (!seen.insert(name).second) continue;
        ++count_en[name];
        for (const std::string& g : all_grams[p]) ++count_both[name][g];
      }
    }
    // Best Arabic n-gram per English name by Dice; ties to the longer n-gram.
    std::unordered_map<std::string, std::string> best_ar;
    std::unordered_map<std::string, double> best_dice;
    for (const auto& [en, row] : count_both) {
      double bd = 0;
      std::string ba;
      size_t bwords = 0;
      for (const auto& [a, c] : row) {
        if (c < kMinCooccurrence) continue;
        const double dice = 2.0 * c / (count_en[en] + count_ar[a]);
        const size_t words = static_cast<size_t>(std::count(a.begin(), a.end(), ' ')) + 1;
        if (dice > bd + 1e-9 || (dice > bd - 1e-9 && words > bwords)) {
          bd = dice;
          ba = a;
          bwords = words;
        }
      }
      if (bd >= kMinDice) {
        best_ar[en] = ba;
        best_dice[en] = bd;
      }
    }
    // Mutual best: an Arabic n-gram goes to the English name with the highest Dice for it.
    std::unordered_map<std::string, std::string> owner;
    for (const auto& [en, a] : best_ar) {
      auto it = owner.find(a);
      if (it == owner.end() || best_dice[en] > best_dice[it->second]) owner[a] = en;
    }
    for (size_t p = 0; p < pairs.size(); ++p) {
      auto& lo = leftovers[p];
      for (const EnSpanInfo& s : lo.english) {
        auto it = best_ar.find(s.norm);
        if (!cooccurrence_name(s) || it == best_ar.end() || owner[it->second] != s.norm) continue;
        for (const auto& g : grams[p]) {
          if (g.first != it->second) continue;
          const auto [i, j] = g.second;
          bool free = true;
          for (size_t k = i; k < j; ++k) free = free && !lo.used[k];
          if (!free || IsAdjectivePair(s.span.text, lo.arabic, i, j)) continue;
          std::string stem;
          for (const auto& [key, st] : CoocKeys(lo.arabic, i, j))
            if (key == it->second) stem = st;
          for (size_t k = i; k < j; ++k) lo.used[k] = true;
          Mention m;
          m.english = s.span.text;
          m.english_norm = s.norm;
          m.arabic = SpanText(lo.arabic, i, j, stem);
          m.pair = p;
          m.score = best_dice[s.norm];
          if (s.span.type == "PER") ++m.per;
          if (s.span.type == "ORG") ++m.org;
          if (s.span.type == "LOC") ++m.loc;
          ArabicTypeEvidence(lo.arabic, i, j, &m);
          mentions.push_back(std::move(m));
          break;
        }
      }
    }
  }

  // Stage 3: entities. English names are clusters; a short name folds into the one longer name that
  // ends with it ("Stoltenberg" -> "Jens Stoltenberg"), an acronym into its spelled-out form, and
  // English names sharing their Arabic headword into one another unless CLDR lists them as two places.
  std::map<std::string, std::string> parent;  // english_norm -> cluster root
  std::map<std::string, std::map<std::string, int>> arabic_of;  // english_norm -> Arabic form counts
  std::set<std::string> names;
  for (const Mention& m : mentions) {
    names.insert(m.english_norm);
    ++arabic_of[m.english_norm][ArKey(m.arabic)];
  }
  std::function<std::string(const std::string&)> find = [&](const std::string& x) -> std::string {
    auto it = parent.find(x);
    if (it == parent.end() || it->second == x) return x;
    return it->second = find(it->second);
  };
  auto unite = [&](const std::string& a, const std::string& b) {
    const std::string ra = find(a), rb = find(b);
    if (ra != rb) parent[ra] = rb;
  };
  for (const std::string& n : names) parent[n] = n;
  for (const std::string& s : names) {
    std::vector<std::string> longer;
    for (const std::string& l : names) {
      // Word boundary: a space, or the hyphen of an article ("Sarraj" ends "Fayez al-Sarraj").
      if (l.size() > s.size() + 1 && l.compare(l.size() - s.size(), s.size(), s) == 0 &&
          (l[l.size() - s.size() - 1] == ' ' || l[l.size() - s.size() - 1] == '-'))
        longer.push_back(l);
    }
    // Fold only when exactly one longer name ends with it, and Arabic spellings agree; and only names
    // of people: a place or a translated name is not a short form of a longer name around it (Africa
    // of North Africa, Paris of Paris Declaration).
    const bool person_like = longer.size() == 1 && !translated.count(s) && !translated.count(longer[0]) &&
                             gaz.ArabicFor(s).empty();
    if (person_like) {
      bool agree = false;
      for (const auto& [a, c1] : arabic_of[s]) {
        for (const auto& [b, c2] : arabic_of[longer[0]]) {
          if (b.size() >= a.size() && b.compare(b.size() - a.size(), a.size(), a) == 0) agree = true;
          if (matcher.MatchArabic(a, b) >= kDefaultLinkThreshold) agree = true;
          for (const std::string& w : SpanWords(b))
            if (matcher.MatchArabic(a, w) >= kDefaultLinkThreshold) agree = true;
        }
      }
      if (agree) unite(s, longer[0]);
    }
  }
  for (const auto& [acr, longform] : acronym_long)
    if (names.count(acr) && names.count(longform)) unite(acr, longform);
  {
    // Arabic headword per English name.
    std::map<std::string, std::vector<std::string>> by_head;
    for (const std::string& n : names) {
      const auto& forms = arabic_of[n];
      auto best = std::max_element(forms.begin(), forms.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
      if (best != forms.end()) by_head[best->first].push_back(n);
    }
    std::map<std::string, int> mentions_of;
    for (const Mention& m : mentions) ++mentions_of[m.english_norm];
    for (auto& [head, ens] : by_head) {
      // Into a spelled-out name rather than an acronym ("UN" into "United Nations", both الأمم المتحدة),
      // then the most frequent, then the longest.
      std::stable_sort(ens.begin(), ens.end(), [&](const std::string& a, const std::string& b) {
        const bool aa = a.find(' ') == std::string::npos && IsAcronymNorm(a, mentions),
                   ba = b.find(' ') == std::string::npos && IsAcronymNorm(b, mentions);
        if (aa != ba) return !aa;
        if (mentions_of[a] != mentions_of[b]) return mentions_of[a] > mentions_of[b];
        return a.size() > b.size();
      });
      for (size_t k = 1; k < ens.size(); ++k) {
        const bool both_places = !gaz.ArabicFor(ens[0]).empty() && !gaz.ArabicFor(ens[k]).empty();
        if (!both_places) unite(ens[k], ens[0]);
      }
    }
  }

  std::map<std::string, Entity> entities;  // root -> entity
  for (const Mention& m : mentions) {
    Entity& e = entities[find(m.english_norm)];
    ++e.english_forms[m.english];
    ++e.arabic_forms[m.arabic];
    const AlignedPair& pr = pairs[m.pair];
    const std::string source = pr.doc_id + ":" + std::to_string(pr.sentence);
    e.arabic_example.emplace(m.arabic, std::make_pair(pr.arabic, source));
    e.english_example.emplace(m.english, std::make_pair(pr.english, source));
    e.per += m.per;
    e.loc += m.loc;
    e.org += m.org;
    ++e.count;
  }

  std::vector<GlossaryEntry> out;
  for (auto& [root, e] : entities) {
    GlossaryEntry g;
    g.count = e.count;
    if (g.count < options.min_count) continue;
    // Headword: the longest English form among the most frequent root forms (the full name).
    std::vector<std::pair<std::string, int>> en(e.english_forms.begin(), e.english_forms.end());
    std::stable_sort(en.begin(), en.end(), [&](const auto& a, const auto& b) {
      const bool ra = Lower(a.first) == root, rb = Lower(b.first) == root;
      if (ra != rb) return ra;
      if (a.second != b.second) return a.second > b.second;
      return a.first.size() > b.first.size();
    });
    g.english = en[0].first;
    for (const auto& [form, c] : en) {
      TermVariant v;
      v.text = form;
      v.count = c;
      v.example = e.english_example[form].first;
      v.source = e.english_example[form].second;
      g.english_variants.push_back(std::move(v));
    }
    std::vector<std::pair<std::string, int>> ar(e.arabic_forms.begin(), e.arabic_forms.end());
    std::stable_sort(ar.begin(), ar.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [form, c] : ar) {
      TermVariant v;
      v.text = form;
      v.count = c;
      v.example = e.arabic_example[form].first;
      v.source = e.arabic_example[form].second;
      g.arabic.push_back(std::move(v));
    }
    const int top = std::max({e.per, e.loc, e.org});
    if (top > 0) {
      // Ties: a gazetteer place wins over a title guess, an organization word over both.
      if (e.org == top) g.type = "ORG";
      else if (e.loc == top) g.type = "LOC";
      else g.type = "PER";
    }
    out.push_back(std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](const GlossaryEntry& a, const GlossaryEntry& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.english < b.english;
  });
  for (size_t i = 0; i < out.size(); ++i) out[i].id = static_cast<int64_t>(i + 1);
  return out;
}

}  // namespace nazir::names
