#include "nazir/names/matcher.h"

#include <algorithm>
#include <array>
#include <vector>

#include "nazir/names/clitics.h"
#include "phonetic.h"

namespace nazir::names {
namespace {

// Weight of the consonant-key similarity against the character-level (symbol) similarity. Tuned on
// the training half of names-dev (tests/names/names_eval.cpp).
constexpr double kKeyWeight = 0.15;
// Subtracted per stripped Arabic proclitic and per stripped English article (al-, el-, ...), so the
// whole token wins a tie (docs/ARABIC.md: "keep the best with a small penalty per stripped clitic").
constexpr double kCliticPenalty = 0.03;

// English forms of the Arabic article written before a name, with a hyphen: al-Sarraj, el-Sisi,
// ash-Shara, ad-Din (sun-letter assimilation).
constexpr std::array<std::string_view, 14> kEnglishArticles = {
    "al", "el", "ul", "ad", "an", "ar", "as", "at", "az", "ash", "ath", "ud", "ed", "es"};

struct Analysis {
  std::string symbols;
  std::string key;
  int stripped = 0;
  size_t index = 0;  // into the caller's analysis list
};

std::vector<Analysis> EnglishAnalyses(std::string_view english) {
  std::vector<Analysis> out;
  std::string s = internal::EnglishSymbols(english);
  out.push_back({s, internal::KeyOfSymbols(s), 0, 0});
  const size_t hyphen = english.find_first_of("-\xE2");  // ASCII hyphen (or a UTF-8 dash lead byte)
  if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < english.size()) {
    std::string head;
    for (char c : english.substr(0, hyphen)) head += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (std::find(kEnglishArticles.begin(), kEnglishArticles.end(), head) != kEnglishArticles.end()) {
      size_t rest = hyphen + 1;
      while (rest < english.size() && static_cast<unsigned char>(english[rest]) >= 0x80 &&
             static_cast<unsigned char>(english[rest]) < 0xC0)
        ++rest;  // skip continuation bytes of a non-ASCII dash
      std::string t = internal::EnglishSymbols(english.substr(rest));
      if (!t.empty()) out.push_back({t, internal::KeyOfSymbols(t), 1, 1});
    }
  }
  return out;
}

bool IsArticle(std::string_view prefix) { return prefix == "ال"; }

double Combine(double key_sim, double sym_sim) {
  return kKeyWeight * key_sim + (1.0 - kKeyWeight) * sym_sim;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

const NameMatcher& NameMatcher::Get() {
  static const NameMatcher* m = new NameMatcher();
  return *m;
}

WordMatch NameMatcher::MatchWord(std::string_view arabic, std::string_view english) const {
  WordMatch best;
  const std::vector<Analysis> en = EnglishAnalyses(english);
  const std::vector<CliticAnalysis> ar = ProcliticAnalyses(arabic);
  double best_score = -1.0;
  for (const CliticAnalysis& a : ar) {
    const std::string sym = internal::ArabicSymbols(a.stem);
    if (sym.empty()) continue;
    const std::string key = internal::KeyOfSymbols(sym);
    for (const Analysis& e : en) {
      const double s = Combine(internal::KeySimilarity(key, e.key),
                               internal::ArEnSymbolSimilarity(sym, e.symbols)) -
                       kCliticPenalty * (a.clitics + e.stripped);
      if (s > best_score) {
        best_score = s;
        best.stem = a.stem;
        best.clitic_bytes = static_cast<int>(a.prefix.size());
      }
    }
  }
  best.score = std::max(0.0, best_score);
  return best;
}

double NameMatcher::MatchName(std::string_view arabic, std::string_view english) const {
  const std::vector<std::string_view> a = Words(arabic);
  const std::vector<std::string_view> e = Words(english);
  if (a.empty() || e.empty()) return 0.0;
  if (a.size() == 1 && e.size() == 1) return MatchWord(a[0], e[0]).score;
  // Mass of a word: its length in symbols; a matched pair contributes sim * (mass_a + mass_e).
  auto mass_ar = [](std::string_view w) { return static_cast<double>(internal::ArabicSymbols(w).size()); };
  auto mass_en = [](std::string_view w) { return static_cast<double>(internal::EnglishSymbols(w).size()); };
  std::vector<double> ma(a.size()), me(e.size());
  double total = 0;
  for (size_t i = 0; i < a.size(); ++i) total += ma[i] = mass_ar(a[i]);
  for (size_t j = 0; j < e.size(); ++j) total += me[j] = mass_en(e[j]);
  if (total <= 0) return 0.0;
  // Monotone word alignment: 1-1, 2-1 (عبد الله ~ Abdullah), 1-2 (Abdul Aziz ~ عبدالعزيز), skips.
  const size_t n = a.size(), m = e.size();
  std::vector<std::vector<double>> dp(n + 1, std::vector<double>(m + 1, 0.0));
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      double best = 0.0;
      if (i > 0) best = std::max(best, dp[i - 1][j]);
      if (j > 0) best = std::max(best, dp[i][j - 1]);
      if (i > 0 && j > 0)
        best = std::max(best, dp[i - 1][j - 1] + MatchWord(a[i - 1], e[j - 1]).score * (ma[i - 1] + me[j - 1]));
      if (i > 1 && j > 0) {
        const std::string joined = std::string(a[i - 2]) + std::string(a[i - 1]);
        best = std::max(best, dp[i - 2][j - 1] + MatchWord(joined, e[j - 1]).score *
                                                     (ma[i - 2] + ma[i - 1] + me[j - 1]));
      }
      if (i > 0 && j > 1) {
        const std::string joined = std::string(e[j - 2]) + std::string(e[j - 1]);
        best = std::max(best, dp[i - 1][j - 2] + MatchWord(a[i - 1], joined).score *
                                                     (ma[i - 1] + me[j - 2] + me[j - 1]));
      }
      dp[i][j] = best;
    }
  }
  return std::clamp(dp[n][m] / total, 0.0, 1.0);
}

double NameMatcher::MatchArabic(std::string_view a, std::string_view b) const {
  return ArabicSimilarity(a, b, /*strip_b=*/true);
}

double NameMatcher::MatchArabicStem(std::string_view token, std::string_view stem) const {
  return ArabicSimilarity(token, stem, /*strip_b=*/false);
}

double NameMatcher::ArabicSimilarity(std::string_view a, std::string_view b, bool strip_b) const {
  const std::vector<std::string_view> wa = Words(a);
  const std::vector<std::string_view> wb = Words(b);
  if (wa.empty() || wb.empty()) return 0.0;
  auto joined_rest = [](const std::vector<std::string_view>& w) {
    std::string s;
    for (size_t i = 1; i < w.size(); ++i) s += w[i];
    return s;
  };
  const std::string rest_a = joined_rest(wa), rest_b = joined_rest(wb);
  double best = 0.0;
  for (const CliticAnalysis& x : ProcliticAnalyses(wa[0])) {
    const std::string sx = internal::ArabicSymbols(x.stem + rest_a);
    const std::string kx = internal::KeyOfSymbols(sx);
    for (const CliticAnalysis& y : ProcliticAnalyses(wb[0])) {
      if (!strip_b && y.clitics > 0 && !(y.clitics == 1 && IsArticle(y.prefix))) continue;
      const std::string sy = internal::ArabicSymbols(y.stem + rest_b);
      const double s = Combine(internal::KeySimilarity(kx, internal::KeyOfSymbols(sy)),
                               internal::ArArSymbolSimilarity(sx, sy)) -
                       kCliticPenalty * (x.clitics + y.clitics);
      best = std::max(best, s);
    }
  }
  return best;
}

double NameMatcher::MatchEnglish(std::string_view a, std::string_view b) const {
  const std::vector<Analysis> xa = EnglishAnalyses(a);
  const std::vector<Analysis> xb = EnglishAnalyses(b);
  double best = 0.0;
  for (const Analysis& x : xa) {
    for (const Analysis& y : xb) {
      const double s = Combine(internal::KeySimilarity(x.key, y.key),
                               internal::EnEnSymbolSimilarity(x.symbols, y.symbols)) -
                       kCliticPenalty * (x.stripped + y.stripped);
      best = std::max(best, s);
    }
  }
  return best;
}

}  // namespace nazir::names
