// Clitic analysis of Arabic name tokens: every way to read a token as proclitics + stem.
//
// Stripping clitics blindly ruins foreign names (والدهاوسير, لليبيا, ويليامز begin with clitic letters),
// so name matchers generate every analysis (the whole token first, then each proclitic sequence that
// leaves a stem of at least kMinStemLetters letters), score each, and keep the best with a small penalty
// per stripped clitic (docs/ARABIC.md, "Clitics").
//
//   auto a = nazir::names::ProcliticAnalyses("والسراج");
//   // a[0] = {"والسراج", "", 0}, then {"السراج", "و", 1}, {"سراج", "وال", 2}
#ifndef NAZIR_NAMES_CLITICS_H_
#define NAZIR_NAMES_CLITICS_H_

#include <string>
#include <string_view>
#include <vector>

namespace nazir::names {

// A stem never shorter than this many Arabic letters is left by stripping (ب + ري would be a guess,
// not an analysis). Light10 keeps stems of 2+ letters for common words; names need more evidence.
inline constexpr int kMinStemLetters = 3;

struct CliticAnalysis {
  std::string stem;    // the token without its proclitics (original bytes, harakat kept)
  std::string prefix;  // the stripped proclitics as written ("" for the whole token)
  int clitics = 0;     // how many clitic morphemes were stripped (وال = و + ال = 2)
};

// All analyses of one Arabic token, the whole token first, then by increasing number of clitics.
// Proclitics: conjunctions و ف, prepositions ب ل ك, the article ال and their combinations
// (وال فال بال كال لل ولل فلل وب ول فب فل ...). Never empty for a non-empty token.
std::vector<CliticAnalysis> ProcliticAnalyses(std::string_view token);

// True when `token` starts with the definite article ال (after optional و ف ب ك ل).
bool HasArticle(std::string_view token);

}  // namespace nazir::names

#endif  // NAZIR_NAMES_CLITICS_H_
