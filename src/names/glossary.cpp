// Glossary mining from aligned pairs: English name spans -> Arabic spans -> links -> entries.
#include "nazir/names/glossary.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
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
      "وزير", "رئيس", "الرئيس", "السيد", "السيده", "الوزير", "العام", "الخاص"};
  return *s;
}

std::string Lower(std::string_view s) {
  return text::Normalizer::Get().Key(s, Lang::kEn);
}

std::string ArKey(std::string_view s) { return text::Normalizer::Get().Key(s, Lang::kAr); }

// ---- English tokens ---------------------------------------------------------------------------------
struct EnToken {
  std::string text;
  size_t begin = 0, end = 0;
  bool joined = false;    // only spaces between this token and the previous one
  bool initial = false;   // first token of a sentence (or after : " “ ( )
  bool open_paren = false;  // directly preceded by "("
  bool close_paren = false;  // directly followed by ")"
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
};

struct EnSpanInfo {
  NameSpan span;
  std::vector<std::string> words;
  std::string norm;
  std::string acronym_of;  // "GNA" written right after "Government of National Accord (": the long form
};

// Type evidence from an Arabic span and the token before it.
void ArabicTypeEvidence(const std::vector<ArToken>& t, size_t i, size_t j, Mention* m) {
  auto bare = [](const std::string& key) {
    // Title words also appear with a conjunction or preposition: والأمين, للرئيس.
    std::vector<std::string> forms = {key};
    for (const CliticAnalysis& a : ProcliticAnalyses(key)) forms.push_back(a.stem);
    return forms;
  };
  if (i > 0) {
    for (const std::string& f : bare(t[i - 1].key)) {
      if (ArabicPersonTitles().count(f)) {
        ++m->per;
        break;
      }
    }
  }
  for (const std::string& f : bare(t[i].key)) {
    if (ArabicOrgWords().count(f)) {
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
      if (used[i]) continue;
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

// "Iraqi", "Libyan", "Moroccan", "Italian": an adjective of a place CLDR knows, not a name.
bool IsDemonym(const std::string& word) {
  const Gazetteer& g = Gazetteer::Get();
  if (word.find(' ') != std::string::npos || !g.ArabicFor(word).empty()) return false;
  static constexpr std::array<std::string_view, 7> kSuffixes = {"ian", "ese", "ish", "an", "i", "n", "ic"};
  static constexpr std::array<std::string_view, 6> kRestore = {"", "a", "o", "y", "e", "ia"};
  for (std::string_view suf : kSuffixes) {
    if (word.size() < suf.size() + 3 || word.compare(word.size() - suf.size(), suf.size(), suf) != 0) continue;
    const std::string base = word.substr(0, word.size() - suf.size());
    for (std::string_view r : kRestore)
      if (!g.ArabicFor(base + std::string(r)).empty()) return true;
  }
  return false;
}

}  // namespace

std::vector<NameSpan> EnglishNameSpans(std::string_view english) {
  std::vector<NameSpan> out;
  const std::vector<EnToken> t = EnglishTokens(english);
  const Gazetteer& g = Gazetteer::Get();
  auto lower = [&](size_t k) { return Lower(t[k].text); };
  auto is_title = [&](size_t k) { return EnglishTitles().count(lower(k)) > 0 && !EnglishOrgWords().count(lower(k)); };
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
    while (j < t.size() && t[j].joined) {
      if (IsCapitalized(t[j].text) || IsArticleName(t[j].text)) {
        ++j;
        continue;
      }
      size_t k = j;
      while (k < t.size() && t[k].joined && Particles().count(lower(k)) && k - j < 2) ++k;
      if (k > j && k < t.size() && t[k].joined && (IsCapitalized(t[k].text) || IsArticleName(t[k].text))) {
        j = k;
        continue;
      }
      break;
    }
    bool org = false;
    for (size_t k = i; k < j; ++k) org = org || EnglishOrgWords().count(lower(k)) > 0;
    if (org) {
      emit(i, j, "ORG");
      i = j;
      continue;
    }
    // Titles: the last title word splits "[prefix] [title run] name" ("NATO Secretary General Jens
    // Stoltenberg", "Iraqi Prime Minister Haider al-Abadi").
    size_t last = j;
    for (size_t k = i; k < j; ++k)
      if (is_title(k)) last = k;
    if (last == j) {
      emit(i, j, "");
    } else {
      size_t run = last;
      while (run > i && is_title(run - 1)) --run;
      if (run > i) emit(i, run, "");
      if (last + 1 < j) emit(last + 1, j, "PER");
    }
    i = j;
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
  };
  std::vector<Leftover> leftovers(pairs.size());
  std::unordered_map<std::string, std::string> acronym_long;  // acronym norm -> long form norm

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

    // Stage 1: each English span's best Arabic span by gazetteer or transliteration; greedy by score
    // (mutual best: an Arabic span taken by a better link is not available to a worse one).
    struct Proposal {
      size_t span;
      SpanCandidate cand;
      bool gazetteer;
    };
    std::vector<Proposal> proposals;
    for (size_t s = 0; s < spans.size(); ++s) {
      SpanCandidate g = GazetteerSpan(ar, spans[s].norm, used);
      SpanCandidate t = linker.BestSpan(ar, spans[s].words, used);
      if (g.score > 0 && g.score >= t.score) proposals.push_back({s, g, true});
      else if (t.score >= linker.threshold()) proposals.push_back({s, t, false});
    }
    std::sort(proposals.begin(), proposals.end(),
              [](const Proposal& a, const Proposal& b) { return a.cand.score > b.cand.score; });
    std::vector<bool> linked(spans.size(), false);
    for (const Proposal& pr : proposals) {
      bool free = true;
      for (size_t k = pr.cand.i; k < pr.cand.j; ++k) free = free && !used[k];
      if (!free || linked[pr.span]) continue;
      // Mutual best: no other English span of this pair scores higher on this Arabic span.
      if (!pr.gazetteer) {
        bool best = true;
        for (size_t o = 0; o < spans.size() && best; ++o) {
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
    for (size_t s = 0; s < spans.size(); ++s)
      if (!linked[s]) leftovers[p].english.push_back(spans[s]);
    leftovers[p].arabic = std::move(ar);
    leftovers[p].used = std::move(used);
  }

  // Stage 2: co-occurrence for English names no transliteration or gazetteer found (translations).
  {
    std::unordered_map<std::string, int> count_en, count_ar;
    std::unordered_map<std::string, std::unordered_map<std::string, int>> count_both;
    // Arabic n-grams of every pair (the Dice denominator counts all of them, linked or not).
    std::vector<std::vector<std::pair<std::string, std::pair<size_t, size_t>>>> grams(pairs.size());
    for (size_t p = 0; p < pairs.size(); ++p) {
      const auto& ar = leftovers[p].arabic;
      std::unordered_set<std::string> seen;
      for (size_t i = 0; i < ar.size(); ++i) {
        if (StopEdge(ar[i])) continue;
        for (size_t j = i + 1; j <= std::min(ar.size(), i + kMaxArabicSpan); ++j) {
          if (j - 1 > i && !ar[j - 1].joined) break;
          if (StopEdge(ar[j - 1])) continue;
          bool free = true;
          for (size_t k = i; k < j; ++k) free = free && !leftovers[p].used[k];
          for (const auto& [key, stem] : CoocKeys(ar, i, j)) {
            if (!seen.insert(key).second) continue;
            ++count_ar[key];
            if (free) grams[p].push_back({key, {i, j}});
          }
        }
      }
    }
    std::unordered_map<std::string, int> count_en_all;
    for (size_t p = 0; p < pairs.size(); ++p) {
      std::unordered_set<std::string> seen;
      for (const EnSpanInfo& s : leftovers[p].english) {
        if (!seen.insert(s.norm).second) continue;
        ++count_en[s.norm];
        std::unordered_set<std::string> seen_ar;
        for (const auto& g : grams[p])
          if (seen_ar.insert(g.first).second) ++count_both[s.norm][g.first];
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
        if (it == best_ar.end() || owner[it->second] != s.norm) continue;
        for (const auto& g : grams[p]) {
          if (g.first != it->second) continue;
          const auto [i, j] = g.second;
          bool free = true;
          for (size_t k = i; k < j; ++k) free = free && !lo.used[k];
          if (!free) continue;
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
    // Fold only when exactly one longer name ends with it, and Arabic spellings agree.
    if (longer.size() == 1) {
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
    for (const auto& [head, ens] : by_head) {
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
