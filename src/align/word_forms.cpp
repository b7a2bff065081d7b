#include "nazir/align/word_forms.h"

#include <algorithm>

#include "nazir/align/word_lists.h"
#include "nazir/text/utf8.h"

namespace nazir::align {
namespace {

// Shortest stem (in letters) an analysis may leave: one-letter "stems" only produce false matches.
constexpr int kMinStemLetters = 2;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

void Push(std::vector<ArabicAnalysis>& out, std::string stem, int cost) {
  if (text::CountCodePoints(stem) < kMinStemLetters) return;
  for (const auto& a : out) {
    if (a.stem == stem) return;
  }
  out.push_back({std::move(stem), cost});
}

// Adds the readings of `s` with one suffix (pronoun or plural ending) stripped.
void AddSuffixReadings(std::vector<ArabicAnalysis>& out, std::string_view s, int cost) {
  const ArabicClitics& c = ArabicCliticKeys();
  // A ta marbuta becomes ta before a suffix (حكومة -> حكومته); normalization folds ة to ه.
  static const std::string kTa = "ت";
  static const std::string kHa = "ه";
  for (const auto& suf : c.suffixes) {
    if (!EndsWith(s, suf)) continue;
    std::string_view stem = s.substr(0, s.size() - suf.size());
    if (text::CountCodePoints(stem) < kMinStemLetters) continue;
    Push(out, std::string(stem), cost + 1);
    if (EndsWith(stem, kTa)) {
      Push(out, std::string(stem.substr(0, stem.size() - kTa.size())) + kHa, cost + 1);
    }
  }
  for (const auto& end : c.plural_endings) {
    if (!EndsWith(s, end)) continue;
    std::string_view stem = s.substr(0, s.size() - end.size());
    if (text::CountCodePoints(stem) < kMinStemLetters) continue;
    Push(out, std::string(stem), cost + 1);
    Push(out, std::string(stem) + kHa, cost + 1);
  }
}

}  // namespace

std::string StripArabicArticle(std::string_view key) {
  const ArabicClitics& c = ArabicCliticKeys();
  static const std::string kLil = c.prepositions[2] + c.prepositions[2];  // لل
  for (std::string_view art : {std::string_view(c.article), std::string_view(kLil)}) {
    if (StartsWith(key, art) && text::CountCodePoints(key.substr(art.size())) >= kMinStemLetters) {
      return std::string(key.substr(art.size()));
    }
  }
  return std::string(key);
}

std::vector<ArabicAnalysis> AnalyzeArabic(std::string_view key) {
  const ArabicClitics& c = ArabicCliticKeys();
  const std::string& lam = c.prepositions[2];  // ل
  std::vector<ArabicAnalysis> prefixed;
  Push(prefixed, std::string(key), 0);
  // Conjunction, then preposition, then article; each is optional.
  std::vector<std::string_view> conj_rests = {key};
  for (const auto& conj : c.conjunctions) {
    if (StartsWith(key, conj)) conj_rests.push_back(key.substr(conj.size()));
  }
  for (size_t ci = 0; ci < conj_rests.size(); ++ci) {
    std::string_view r1 = conj_rests[ci];
    int cost1 = ci == 0 ? 0 : 1;
    std::vector<std::pair<std::string_view, int>> prep_rests = {{r1, cost1}};
    for (const auto& prep : c.prepositions) {
      if (StartsWith(r1, prep)) prep_rests.push_back({r1.substr(prep.size()), cost1 + 1});
    }
    // لل = ل + ال with the alef of the article dropped.
    if (StartsWith(r1, lam + lam)) {
      std::string_view r = r1.substr(2 * lam.size());
      if (text::CountCodePoints(r) >= kMinStemLetters) Push(prefixed, std::string(r), cost1 + 2);
    }
    for (const auto& [r2, cost2] : prep_rests) {
      if (cost2 > 0) Push(prefixed, std::string(r2), cost2);
      if (StartsWith(r2, c.article)) Push(prefixed, std::string(r2.substr(c.article.size())), cost2 + 1);
    }
  }
  std::vector<ArabicAnalysis> out = prefixed;
  for (const auto& a : prefixed) AddSuffixReadings(out, a.stem, a.cost);
  std::stable_sort(out.begin(), out.end(),
                   [](const ArabicAnalysis& a, const ArabicAnalysis& b) { return a.cost < b.cost; });
  return out;
}

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool HasVowel(std::string_view s) { return std::any_of(s.begin(), s.end(), IsVowel); }

// "stopp" -> "stop" (but keep "ll", "ss", "zz": "call", "pass", "buzz").
void UndoDoubling(std::string& s) {
  size_t n = s.size();
  if (n >= 3 && s[n - 1] == s[n - 2] && !IsVowel(s[n - 1]) && s[n - 1] != 'l' && s[n - 1] != 's' &&
      s[n - 1] != 'z') {
    s.pop_back();
  }
}

}  // namespace

std::string EnglishStem(std::string_view word) {
  std::string w(word);
  for (char ch : w) {
    if (!((ch >= 'a' && ch <= 'z') || ch == '\'')) return w;
  }
  if (EndsWith(w, "'s")) w.resize(w.size() - 2);
  if (EndsWith(w, "'")) w.pop_back();
  if (w.size() <= 3) return w;
  // Plurals (Porter step 1a).
  if (EndsWith(w, "sses")) {
    w.resize(w.size() - 2);
  } else if (EndsWith(w, "ies") && w.size() > 4) {
    w.resize(w.size() - 3);
    w += 'y';
  } else if (EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is")) {
    // class, virus, crisis: not plurals
  } else if (EndsWith(w, "xes") || EndsWith(w, "ches") || EndsWith(w, "shes") || EndsWith(w, "zes")) {
    w.resize(w.size() - 2);
  } else if (EndsWith(w, "s")) {
    w.pop_back();
  }
  // Past and progressive (Porter step 1b, simplified).
  if (EndsWith(w, "ied") && w.size() > 4) {
    w.resize(w.size() - 3);
    w += 'y';
  } else if (EndsWith(w, "eed")) {
    // agreed, freed: keep
  } else if (EndsWith(w, "ed") && w.size() >= 5 && HasVowel(std::string_view(w).substr(0, w.size() - 2))) {
    w.resize(w.size() - 2);
    UndoDoubling(w);
  } else if (EndsWith(w, "ing") && w.size() >= 6 &&
             HasVowel(std::string_view(w).substr(0, w.size() - 3))) {
    w.resize(w.size() - 3);
    UndoDoubling(w);
  }
  // Final e and y, so that make/making/makes and city/cities meet.
  if (w.size() > 3 && EndsWith(w, "e")) w.pop_back();
  if (w.size() > 2 && EndsWith(w, "y")) w.back() = 'i';
  return w;
}

}  // namespace nazir::align
