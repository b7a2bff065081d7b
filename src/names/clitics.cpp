#include "nazir/names/clitics.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace nazir::names {
namespace {

// Proclitic slots in the order they attach (Larkey's light10 prefixes, plus ف ب ك ل as Farasa splits
// them; docs/ARABIC.md): conjunction, preposition, article. ل + ال is written لل.
constexpr char32_t kConjunctions[] = {U'و', U'ف'};
constexpr char32_t kPrepositions[] = {U'ب', U'ك', U'ل'};
constexpr char32_t kAlef = U'ا';
constexpr char32_t kLam = U'ل';

// Marks that are not letters: harakat and Quranic marks, dagger alef, tatweel.
bool IsMark(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
         (c >= 0x06D6 && c <= 0x06ED);
}

struct Letter {
  UChar32 cp;
  size_t begin;  // byte offset in the token
};

std::vector<Letter> Letters(std::string_view s) {
  std::vector<Letter> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || IsMark(c)) continue;
    out.push_back({c, static_cast<size_t>(start)});
  }
  return out;
}

// A proclitic sequence as written (at most four letters: وبال) and how many morphemes it is.
struct Proclitic {
  char32_t written[4];
  size_t length;
  int count;
};

// Every combination conj? prep? art? (at least one), fewest morphemes first: built once.
const std::vector<Proclitic>& Proclitics() {
  static const std::vector<Proclitic>* table = [] {
    auto* out = new std::vector<Proclitic>();
    for (int want = 1; want <= 3; ++want) {
      for (int conj = -1; conj < 2; ++conj) {
        for (int prep = -1; prep < 3; ++prep) {
          for (int art = 0; art < 2; ++art) {
            Proclitic p{{}, 0, 0};
            if (conj >= 0) {
              p.written[p.length++] = kConjunctions[conj];
              ++p.count;
            }
            if (prep >= 0) {
              p.written[p.length++] = kPrepositions[prep];
              ++p.count;
            }
            if (art) {
              // ل + ال drops the alef: لل.
              if (prep >= 0 && kPrepositions[prep] == kLam) {
                p.written[p.length++] = kLam;
              } else {
                p.written[p.length++] = kAlef;
                p.written[p.length++] = kLam;
              }
              ++p.count;
            }
            if (p.count == want) out->push_back(p);
          }
        }
      }
    }
    return out;
  }();
  return *table;
}

}  // namespace

std::vector<CliticAnalysis> ProcliticAnalyses(std::string_view token) {
  std::vector<CliticAnalysis> out;
  out.push_back({std::string(token), "", 0});
  const std::vector<Letter> letters = Letters(token);
  if (letters.size() <= static_cast<size_t>(kMinStemLetters)) return out;
  for (const Proclitic& c : Proclitics()) {
    const size_t k = c.length;
    if (letters.size() < k + kMinStemLetters) continue;
    bool match = true;
    for (size_t i = 0; i < k && match; ++i) match = letters[i].cp == static_cast<UChar32>(c.written[i]);
    if (!match) continue;
    const size_t cut = letters[k].begin;
    out.push_back({std::string(token.substr(cut)), std::string(token.substr(0, cut)), c.count});
  }
  return out;
}

bool HasArticle(std::string_view token) {
  for (const CliticAnalysis& a : ProcliticAnalyses(token)) {
    // An analysis whose last stripped morpheme is the article ends in ال or لل.
    if (a.clitics == 0) continue;
    const std::vector<Letter> p = Letters(a.prefix);
    if (p.size() >= 2 && p.back().cp == kLam && (p[p.size() - 2].cp == kAlef || p[p.size() - 2].cp == kLam))
      return true;
  }
  return false;
}

}  // namespace nazir::names
