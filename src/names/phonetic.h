// Internal: the phonetic symbol strings both sides of a name are compared in, and their costs.
//
// One ASCII character per symbol, shared by Arabic and English:
//   consonants  b p f v t d s z k q g j l m n r h w y
//               T = th (ث), D = dh (ذ), S = sh (ش), C = ch (چ, English ch), Z = zh, G = gh (غ),
//               x = kh (خ), H = ħ (ح), E = ʕ (ع), ' = hamza (ء ؤ ئ)
//   vowels      a e i o u  (Arabic writes only long ones: ا -> a, إ -> i; و and ي are the symbols w, y,
//               which substitute cheaply for u/o and i/e)
// Consonant classes (the matching key): docs/ARABIC.md, "Transliteration keys".
#ifndef NAZIR_SRC_NAMES_PHONETIC_H_
#define NAZIR_SRC_NAMES_PHONETIC_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nazir::names::internal {

// Symbols of one Arabic word (any letters; harakat, tatweel and unknown characters dropped).
std::string ArabicSymbols(std::string_view arabic);

// Symbols of Arabic text (one or more words) for comparing two Arabic spellings of a name: as
// ArabicSymbols, but a word-final ه after two or more letters is the vowel e (بونيه, روسه).
std::string ArabicVariantSymbols(std::string_view arabic);

// Symbols of one English word (case, diacritics, hyphens and apostrophes ignored; multigraphs such as
// sh, ch, th, ph, gh, kh, ck, qu, x and soft c resolved).
std::string EnglishSymbols(std::string_view english);

// The consonant-class key of a symbol string: B F T D S K L M N R, vowels and weak letters dropped,
// repeats collapsed.
std::string KeyOfSymbols(std::string_view symbols);

// Similarity 0..1 of an Arabic and an English symbol string: weighted edit distance, normalized by the
// weight of the heavier side.
double ArEnSymbolSimilarity(std::string_view ar, std::string_view en);

// Similarity 0..1 of two Arabic symbol strings (symmetric).
double ArArSymbolSimilarity(std::string_view a, std::string_view b);

// Similarity 0..1 of two English symbol strings (symmetric).
double EnEnSymbolSimilarity(std::string_view a, std::string_view b);

// Which two symbol strings a cost table compares: Arabic against English (a = Arabic), two Arabic
// spellings, two English spellings.
enum class CostModel { kArEn = 0, kArAr = 1, kEnEn = 2 };

// A weighted edit-distance cost table over the ASCII symbols: sub[a][b] turns a (first string) into b
// (second string), del[a] leaves a of the first string unmatched, ins[b] leaves b of the second unmatched.
struct EditCosts {
  double sub[128][128];
  double del[128];
  double ins[128];
  // Swapping two adjacent different symbols (يد / دي) costs min(transpose[x], transpose[y]) (two edits
  // when that is cheaper).
  double transpose[128];
};

// The costs the similarities below use: the hand-set table (docs/ARABIC.md, Editex letter groups)
// overridden by the costs learned from names-dev training pairs (learned_costs.inc).
const EditCosts& DefaultCosts(CostModel model);

// Similarity 0..1 under `costs`: 1 - distance / the heavier side's deletion weight.
double SymbolSimilarity(std::string_view a, std::string_view b, const EditCosts& costs);

// The cheapest alignment of a and b under `costs`, as (a symbol or 0, b symbol or 0) pairs in order.
std::vector<std::pair<char, char>> AlignSymbols(std::string_view a, std::string_view b, const EditCosts& costs);

// The learned pair models of pair_model.inc (scripts/fit_names_pair_model.py): two Arabic spellings of one
// name (ArabicVariantSymbols both sides), an Arabic word and its English form (ArabicSymbols, EnglishSymbols).
enum class PairModelKind { kArAr = 0, kArEn = 1 };

// Log-likelihood ratio, in nats, of "a and b write one name" against "a and b are unrelated strings" under
// a learned memoryless edit transducer: the summed log-odds of the best alignment (Viterbi). Unlike the
// similarities above it is not normalized: a long pair agreeing on many letters is more evidence than a
// short one with the same edits. Symbols the model never saw are skipped; empty input gives 0.
double PairLogOdds(std::string_view a, std::string_view b, PairModelKind model);

// Plain Levenshtein similarity 0..1 of two keys: 1 - distance / longer length.
double KeySimilarity(std::string_view a, std::string_view b);

}  // namespace nazir::names::internal

#endif  // NAZIR_SRC_NAMES_PHONETIC_H_
