#include "phonetic.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace nazir::names::internal {
namespace {

// ---- Arabic letters -> symbols --------------------------------------------------------------------
// Letter values follow common romanization (ALA-LC/BGN) collapsed to one symbol each; Persian/Urdu
// letters used for foreign sounds (پ چ ژ ڤ گ) keep their sound. ة is read "a" (Fatima, Hamza).
struct ArabicLetter {
  char32_t cp;
  char sym;
};
constexpr ArabicLetter kArabicLetters[] = {
    {U'ا', 'a'}, {U'أ', 'a'}, {U'إ', 'i'}, {U'آ', 'a'}, {U'ٱ', 'a'}, {U'ى', 'a'}, {U'ة', 'a'},
    {U'ء', '\''}, {U'ؤ', '\''}, {U'ئ', '\''}, {U'ب', 'b'}, {U'ت', 't'}, {U'ث', 'T'}, {U'ج', 'j'},
    {U'ح', 'H'}, {U'خ', 'x'}, {U'د', 'd'}, {U'ذ', 'D'}, {U'ر', 'r'}, {U'ز', 'z'}, {U'س', 's'},
    {U'ش', 'S'}, {U'ص', 's'}, {U'ض', 'd'}, {U'ط', 't'}, {U'ظ', 'z'}, {U'ع', 'E'}, {U'غ', 'G'},
    {U'ف', 'f'}, {U'ق', 'q'}, {U'ك', 'k'}, {U'ل', 'l'}, {U'م', 'm'}, {U'ن', 'n'}, {U'ه', 'h'},
    {U'و', 'w'}, {U'ي', 'y'}, {U'پ', 'p'}, {U'چ', 'C'}, {U'ژ', 'Z'}, {U'ڤ', 'v'}, {U'ڨ', 'g'},
    {U'گ', 'g'}, {U'ک', 'k'}, {U'ی', 'y'}, {U'ھ', 'h'}, {U'ۀ', 'a'}, {U'ے', 'y'},
};

// kArabicLetters as a table over the Arabic block U+0600-U+06FF (every letter above is in it), built
// once: symbolizing is on the lookup's hot path.
constexpr UChar32 kArabicBlock = 0x0600;
constexpr size_t kArabicBlockSize = 0x100;

struct ArabicTable {
  char sym[kArabicBlockSize] = {};
  ArabicTable() {
    for (const ArabicLetter& l : kArabicLetters) sym[static_cast<UChar32>(l.cp) - kArabicBlock] = l.sym;
  }
};

char ArabicSymbol(UChar32 c) {
  static const ArabicTable table;
  const UChar32 i = c - kArabicBlock;
  return i >= 0 && i < static_cast<UChar32>(kArabicBlockSize) ? table.sym[i] : 0;
}

bool IsVowel(char s) { return s == 'a' || s == 'e' || s == 'i' || s == 'o' || s == 'u'; }

// Consonant class of a symbol (docs/ARABIC.md: B F T D S K L M N R), 0 for vowels and weak letters.
char ClassOf(char s) {
  switch (s) {
    case 'b': case 'p': return 'B';
    case 'f': case 'v': return 'F';
    case 't': case 'T': return 'T';
    case 'd': case 'D': return 'D';
    case 's': case 'z': case 'S': case 'Z': case 'C': return 'S';
    case 'k': case 'q': case 'g': case 'j': case 'G': case 'x': return 'K';
    case 'l': return 'L';
    case 'm': return 'M';
    case 'n': return 'N';
    case 'r': return 'R';
    default: return 0;
  }
}

void Collapse(std::string* s) {
  s->erase(std::unique(s->begin(), s->end()), s->end());
}

// ---- English letters -> symbols ------------------------------------------------------------------
// Latin-ASCII folds é ü ø ... for names written with diacritics. ICU transliterators are not
// thread-safe to use concurrently, so the one instance is guarded.
// Slavic, Turkish and Polish letters whose sound Latin-ASCII loses (č -> c would read k): written as
// the English digraph an Arabic transliteration follows (Vulić -> فوليتش). ç is read s (French,
// Portuguese). Everything else: Any-Latin then Latin-ASCII.
constexpr char16_t kNameAsciiRules[] = uR"(
::NFC;
[čćĉ] > ch; [ČĆĈ] > Ch;
[šśŝşș] > sh; [ŠŚŜŞȘ] > Sh;
[žźżẑ] > zh; [ŽŹŻ] > Zh;
ğ > gh; Ğ > Gh;
ç > s; Ç > S;
ł > l; Ł > L;
ñ > ny; Ñ > Ny;
::Any-Latin;
::Latin-ASCII;
)";

class AsciiFolder {
 public:
  static AsciiFolder& Get() {
    static AsciiFolder* f = new AsciiFolder();
    return *f;
  }
  std::string Fold(std::string_view s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (t_) t_->transliterate(u);
    }
    std::string out;
    u.toUTF8String(out);
    return out;
  }

 private:
  AsciiFolder() {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    t_.reset(icu::Transliterator::createFromRules(
        "nazir-name-ascii", icu::UnicodeString(kNameAsciiRules), UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status)) t_.reset();
  }
  std::mutex mu_;
  std::unique_ptr<icu::Transliterator> t_;
};

bool IsEnVowelLetter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// ---- costs ----------------------------------------------------------------------------------------
// Hand-set from what Arabic transliteration of foreign names does (docs/ARABIC.md) and tuned on the
// training half of names-dev (scripts/eval_names.py, tests/names/names_eval.cpp).
constexpr double kConsonantIndel = 1.0;  // a consonant with no counterpart
constexpr double kCrossClassSub = 1.0;   // two consonants of different classes
constexpr double kSameClassSub = 0.4;    // e.g. k/q, s/z/sh, b/p without a specific entry below
constexpr double kVowelConsonantSub = 1.0;
constexpr double kEnVowelInsert = 0.15;  // Arabic leaves short vowels unwritten: cheap
constexpr double kEnWeakInsert = 0.3;    // English h, w, y with nothing in Arabic
constexpr double kArLongVowelDelete = 0.4;  // ا و ي with nothing in English
constexpr double kArGlottalDelete = 0.2;    // ء ع
constexpr double kArHDelete = 0.4;          // ه ح

struct PairCost {
  char a, b;
  double cost;
};
// Symmetric substitutions cheaper than the class default. Sources: ARABIC.md (ج غ ق ك render g/k;
// و/ي are long u/i), the Editex letter groups (Zobel & Dart 1996) for vowels.
constexpr PairCost kPairCosts[] = {
    {'G', 'g', 0.1}, {'j', 'g', 0.15}, {'q', 'g', 0.25}, {'k', 'g', 0.3}, {'q', 'k', 0.1},
    {'x', 'k', 0.3}, {'x', 'h', 0.3}, {'x', 'H', 0.3}, {'G', 'k', 0.35}, {'j', 'y', 0.3},
    {'j', 'Z', 0.2}, {'j', 'C', 0.35}, {'T', 't', 0.15}, {'T', 's', 0.3}, {'D', 'd', 0.2},
    {'D', 'z', 0.3}, {'D', 'T', 0.2}, {'S', 'C', 0.15}, {'S', 's', 0.35}, {'S', 'Z', 0.3},
    {'C', 'k', 0.35}, {'s', 'z', 0.2}, {'z', 'Z', 0.3}, {'t', 'd', 0.5}, {'b', 'p', 0.1},
    {'f', 'v', 0.15}, {'b', 'v', 0.4}, {'w', 'v', 0.25}, {'f', 'p', 0.5}, {'h', 'H', 0.1},
    {'h', 'E', 0.4}, {'H', 'E', 0.4}, {'\'', 'E', 0.2}, {'w', 'u', 0.05}, {'w', 'o', 0.05},
    {'w', 'a', 0.5}, {'w', 'e', 0.5}, {'w', 'i', 0.5}, {'y', 'i', 0.05}, {'y', 'e', 0.1},
    {'y', 'a', 0.5}, {'y', 'o', 0.5}, {'y', 'u', 0.5}, {'a', 'e', 0.15}, {'a', 'o', 0.25},
    {'a', 'i', 0.35}, {'a', 'u', 0.35}, {'e', 'i', 0.15}, {'o', 'u', 0.1}, {'e', 'o', 0.3},
    {'i', 'u', 0.35}, {'e', 'u', 0.35}, {'i', 'o', 0.35}, {'m', 'n', 0.6}, {'l', 'r', 0.7},
    {'w', 'y', 0.6},
    // Arabic spellings of one foreign g: غ and ج (and ق in Maghrebi usage) are interchangeable
    // (ستولتنبرغ / ستلولتنبرج in one seed article; docs/ARABIC.md).
    {'G', 'j', 0.1}, {'G', 'q', 0.3},
};

// Two Arabic spellings of one foreign name (names-dev variants.tsv, tuned on its train half: names_eval
// variants --half train, the best top-1 at a false-positive rate under 4.5%) differ in how they write it,
// not in what they hear: the long-vowel letters ا و ي (and a final ه read as a vowel) come and go and
// swap places (إيدسون / إديسون, فيورباخ / فويرباخ), while ع and ح, real consonants, are kept by both.
constexpr double kArArVowelIndel = 0.3;
constexpr double kArArVowelTranspose = 0.5;
constexpr double kArArGutturalIndel = 1.0;
// Swapping two symbols costs at least this much unless a table says otherwise (as two edits).
constexpr double kNoTranspose = 2.0;
constexpr char kVowelLetters[] = {'a', 'w', 'y', 'i', 'e', 'o', 'u'};
// Substitutions between two Arabic spellings that differ from the Arabic-English table: the source
// languages' letters that Arabic renders two ways. German ch (رايشنباخ / ريخنباخ), Spanish ll read y
// (مانكويلو / مانكوييو), French final -et read or silent (بونيت / بونيه), final devoicing (إرهارد /
// إيرهارت), Italian/French gn (سيسيغنون / سيسينيون), غ/ج for g (ستولتنبرغ / ستلولتنبرج); ه and ح are two
// letters to an Arabic writer (the Arabic-English table makes them near-equal: both are h in English).
constexpr PairCost kArArPairCosts[] = {
    {'x', 'S', 0.4}, {'l', 'y', 0.4}, {'e', 't', 0.3}, {'t', 'd', 0.3},
    {'G', 'n', 0.5}, {'G', 'j', 0.05}, {'h', 'H', 0.4},
};

// The hand-set substitution table (symmetric).
double HandSub(char ca, char cb) {
  if (ca == cb) return 0;
  for (const PairCost& p : kPairCosts)
    if ((p.a == ca && p.b == cb) || (p.a == cb && p.b == ca)) return p.cost;
  if (ClassOf(ca) && ClassOf(cb)) return ClassOf(ca) == ClassOf(cb) ? kSameClassSub : kCrossClassSub;
  if (IsVowel(ca) && IsVowel(cb)) return kSameClassSub;
  if ((ca == 'E' || ca == '\'') && IsVowel(cb)) return 0.25;
  if ((cb == 'E' || cb == '\'') && IsVowel(ca)) return 0.25;
  if ((ca == 'h' && IsVowel(cb)) || (cb == 'h' && IsVowel(ca))) return 0.3;  // final ه/ة read as a vowel
  return kVowelConsonantSub;
}

// Cost of an Arabic symbol left without an English counterpart.
double ArDelete(char s) {
  if (IsVowel(s) || s == 'w' || s == 'y') return kArLongVowelDelete;
  if (s == '\'' || s == 'E') return kArGlottalDelete;
  if (s == 'h' || s == 'H') return kArHDelete;
  return kConsonantIndel;
}

// Cost of an English symbol left without an Arabic counterpart.
double EnInsert(char s) {
  if (IsVowel(s)) return kEnVowelInsert;
  if (s == 'h' || s == 'w' || s == 'y') return kEnWeakInsert;
  return kConsonantIndel;
}

// Costs learned from names-dev training pairs (names_eval learn; see learned_costs.inc).
struct LearnedCost {
  char a, b;  // '_' = nothing (deletion of a / insertion of b)
  double cost;
};
#include "learned_costs.inc"

size_t Idx(char c) { return static_cast<unsigned char>(c) & 0x7F; }

EditCosts MakeDefault(CostModel model) {
  EditCosts c;
  for (int a = 0; a < 128; ++a) {
    for (int b = 0; b < 128; ++b) c.sub[a][b] = HandSub(static_cast<char>(a), static_cast<char>(b));
    const char ch = static_cast<char>(a);
    c.del[a] = model == CostModel::kEnEn ? EnInsert(ch) : ArDelete(ch);
    c.ins[a] = model == CostModel::kArAr ? ArDelete(ch) : EnInsert(ch);
  }
  for (int a = 0; a < 128; ++a) c.transpose[a] = kNoTranspose;
  if (model == CostModel::kArAr) {
    for (const char v : kVowelLetters) {
      c.del[Idx(v)] = c.ins[Idx(v)] = kArArVowelIndel;
      c.transpose[Idx(v)] = kArArVowelTranspose;
    }
    for (const char g : {'E', 'H'}) c.del[Idx(g)] = c.ins[Idx(g)] = kArArGutturalIndel;
    for (const PairCost& p : kArArPairCosts) c.sub[Idx(p.a)][Idx(p.b)] = c.sub[Idx(p.b)][Idx(p.a)] = p.cost;
  }
  auto apply = [&](const LearnedCost* table, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      const LearnedCost& l = table[i];
      if (l.a == '_') c.ins[Idx(l.b)] = l.cost;
      else if (l.b == '_') c.del[Idx(l.a)] = l.cost;
      else c.sub[Idx(l.a)][Idx(l.b)] = l.cost;
    }
  };
  if (model == CostModel::kArEn) apply(kLearnedArEn, sizeof(kLearnedArEn) / sizeof(kLearnedArEn[0]));
  if (model == CostModel::kArAr) apply(kLearnedArAr, sizeof(kLearnedArAr) / sizeof(kLearnedArAr[0]));
  return c;
}

// Rows of the edit-distance table live on the stack for names up to this many symbols (longer strings
// fall back to the heap): the lookup scores tens of candidates per query.
constexpr size_t kStackRow = 64;

// A row buffer of n doubles: on the stack when small.
class Row {
 public:
  explicit Row(size_t n) {
    if (n > kStackRow) heap_.resize(n);
    p_ = n > kStackRow ? heap_.data() : stack_;
  }
  double& operator[](size_t i) { return p_[i]; }
  double* data() { return p_; }

 private:
  double stack_[kStackRow];
  std::vector<double> heap_;
  double* p_;
};

double WeightedDistance(std::string_view a, std::string_view b, const EditCosts& c) {
  const size_t n = a.size(), m = b.size();
  Row r0(m + 1), r1(m + 1), r2(m + 1);
  double* prev2 = r0.data();
  double* prev = r1.data();
  double* cur = r2.data();
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + c.ins[Idx(b[j - 1])];
  for (size_t i = 1; i <= n; ++i) {
    const size_t ai = Idx(a[i - 1]);
    cur[0] = prev[0] + c.del[ai];
    for (size_t j = 1; j <= m; ++j) {
      const size_t bj = Idx(b[j - 1]);
      double best = prev[j - 1] + c.sub[ai][bj];
      best = std::min(best, prev[j] + c.del[ai]);
      best = std::min(best, cur[j - 1] + c.ins[bj]);
      // Two adjacent symbols swapped (يد / دي).
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != a[i - 2])
        best = std::min(best, prev2[j - 2] + std::min(c.transpose[ai], c.transpose[Idx(a[i - 2])]));
      cur[j] = best;
    }
    double* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

double Similarity(std::string_view a, std::string_view b, const EditCosts& c) {
  if (a.empty() || b.empty()) return 0.0;
  const double d = WeightedDistance(a, b, c);
  double wa = 0, wb = 0;
  for (char x : a) wa += c.del[Idx(x)];
  for (char y : b) wb += c.ins[Idx(y)];
  const double norm = std::max(wa, wb);
  if (norm <= 0) return 0.0;
  return std::clamp(1.0 - d / norm, 0.0, 1.0);
}

}  // namespace

namespace {

// A word-final ه after at least two letters (a word of this many symbols) is read as a vowel.
constexpr size_t kMinSymbolsForFinalHaVowel = 3;

// Symbols of Arabic text. `per_word`: spaces end words, a word-final ه is read as the vowel e (a final
// ه marks a final vowel in a foreign name: بونيه, روسه) and تش is merged only inside a word.
std::string Symbolize(std::string_view arabic, bool per_word) {
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(arabic.data());
  const int32_t n = static_cast<int32_t>(arabic.size());
  int32_t i = 0;
  size_t word_start = 0;
  auto end_word = [&] {
    if (out.size() >= word_start + kMinSymbolsForFinalHaVowel && out.back() == 'h') out.back() = 'e';
    word_start = out.size();
  };
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (per_word && c == ' ') {
      end_word();
      continue;
    }
    if (const char s = ArabicSymbol(c)) {
      // تش spells English ch / Slavic č as one sound (بوتشه Büche, فوليتش Vulić).
      if (s == 'S' && out.size() > word_start && out.back() == 't') {
        out.back() = 'C';
        continue;
      }
      out += s;
    }
  }
  if (per_word) end_word();
  Collapse(&out);
  return out;
}

}  // namespace

std::string ArabicSymbols(std::string_view arabic) { return Symbolize(arabic, /*per_word=*/false); }

std::string ArabicVariantSymbols(std::string_view arabic) { return Symbolize(arabic, /*per_word=*/true); }

std::string EnglishSymbols(std::string_view english) {
  std::string folded;
  bool ascii = true;
  for (char c : english) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  const std::string src = ascii ? std::string(english) : AsciiFolder::Get().Fold(english);
  std::string w;
  for (char c : src) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') w += c;
  }
  std::string out;
  const size_t n = w.size();
  auto at = [&](size_t k) { return k < n ? w[k] : '\0'; };
  for (size_t i = 0; i < n;) {
    const char c = w[i], c1 = at(i + 1), c2 = at(i + 2);
    if (c == 's' && c1 == 'c' && c2 == 'h') { out += 'S'; i += 3; continue; }
    if (c == 't' && c1 == 'c' && c2 == 'h') { out += 'C'; i += 3; continue; }
    if (c1 == 'h') {
      char s = 0;
      switch (c) {
        case 's': s = 'S'; break;
        case 'c': s = 'C'; break;
        case 't': s = 'T'; break;
        case 'd': s = 'D'; break;
        case 'p': s = 'f'; break;
        case 'g': s = 'G'; break;
        case 'k': s = 'x'; break;
        case 'z': s = 'Z'; break;
        default: break;
      }
      if (s) { out += s; i += 2; continue; }
    }
    if (c == 'c' && c1 == 'z') { out += 'C'; i += 2; continue; }  // Polish cz (Czolgosz)
    if (c == 'c' && c1 == 'k') { out += 'k'; i += 2; continue; }
    if (c == 'd' && c1 == 'j') { out += 'j'; i += 2; continue; }
    if (c == 'q' && c1 == 'u') { out += "kw"; i += 2; continue; }
    if (c == 'e' && c1 == 'e') { out += 'i'; i += 2; continue; }
    if (c == 'o' && (c1 == 'o' || c1 == 'u')) { out += 'u'; i += 2; continue; }
    if (c == 'c') { out += (c1 == 'e' || c1 == 'i' || c1 == 'y') ? 's' : 'k'; ++i; continue; }
    if (c == 'x') { out += "ks"; ++i; continue; }
    if (c == 'y') { out += (i == 0 || IsEnVowelLetter(c1)) ? 'y' : 'i'; ++i; continue; }
    out += c;
    ++i;
  }
  Collapse(&out);
  return out;
}

std::string KeyOfSymbols(std::string_view symbols) {
  std::string key;
  for (char s : symbols)
    if (char k = ClassOf(s)) key += k;
  Collapse(&key);
  return key;
}

const EditCosts& DefaultCosts(CostModel model) {
  static const EditCosts* tables[3] = {new EditCosts(MakeDefault(CostModel::kArEn)),
                                       new EditCosts(MakeDefault(CostModel::kArAr)),
                                       new EditCosts(MakeDefault(CostModel::kEnEn))};
  return *tables[static_cast<int>(model)];
}

double SymbolSimilarity(std::string_view a, std::string_view b, const EditCosts& costs) {
  return Similarity(a, b, costs);
}

std::vector<std::pair<char, char>> AlignSymbols(std::string_view a, std::string_view b, const EditCosts& c) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<double>> d(n + 1, std::vector<double>(m + 1, 0.0));
  for (size_t j = 1; j <= m; ++j) d[0][j] = d[0][j - 1] + c.ins[Idx(b[j - 1])];
  for (size_t i = 1; i <= n; ++i) {
    d[i][0] = d[i - 1][0] + c.del[Idx(a[i - 1])];
    for (size_t j = 1; j <= m; ++j)
      d[i][j] = std::min({d[i - 1][j - 1] + c.sub[Idx(a[i - 1])][Idx(b[j - 1])], d[i - 1][j] + c.del[Idx(a[i - 1])],
                          d[i][j - 1] + c.ins[Idx(b[j - 1])]});
  }
  std::vector<std::pair<char, char>> ops;
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + c.sub[Idx(a[i - 1])][Idx(b[j - 1])]) {
      ops.push_back({a[i - 1], b[j - 1]});
      --i;
      --j;
    } else if (i > 0 && d[i][j] == d[i - 1][j] + c.del[Idx(a[i - 1])]) {
      ops.push_back({a[i - 1], 0});
      --i;
    } else {
      ops.push_back({0, b[j - 1]});
      --j;
    }
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

double ArEnSymbolSimilarity(std::string_view ar, std::string_view en) {
  return Similarity(ar, en, DefaultCosts(CostModel::kArEn));
}

double ArArSymbolSimilarity(std::string_view a, std::string_view b) {
  return Similarity(a, b, DefaultCosts(CostModel::kArAr));
}

double EnEnSymbolSimilarity(std::string_view a, std::string_view b) {
  return Similarity(a, b, DefaultCosts(CostModel::kEnEn));
}

namespace {

// Log-odds tables of pair_model.inc (generated, see its header).
struct PairLogOdds {
  char a, b;  // '_' = nothing (deletion of a / insertion of b)
  double log_odds;
};
#include "pair_model.inc"

struct PairTable {
  double sub[128][128] = {};
  double del[128] = {};
  double ins[128] = {};
  bool known_a[128] = {};  // symbols the model saw on each side; others are skipped
  bool known_b[128] = {};

  template <size_t N>
  explicit PairTable(const PairLogOdds (&rows)[N]) {
    for (const PairLogOdds& r : rows) {
      if (r.a == '_') {
        ins[Idx(r.b)] = r.log_odds;
        known_b[Idx(r.b)] = true;
      } else if (r.b == '_') {
        del[Idx(r.a)] = r.log_odds;
        known_a[Idx(r.a)] = true;
      } else {
        sub[Idx(r.a)][Idx(r.b)] = r.log_odds;
      }
    }
  }
};

const PairTable& PairTableOf(PairModelKind model) {
  static const PairTable* tables[2] = {new PairTable(kArArPairModel), new PairTable(kArEnPairModel)};
  return *tables[static_cast<int>(model)];
}

}  // namespace

double PairLogOdds(std::string_view a_in, std::string_view b_in, PairModelKind model) {
  const PairTable& t = PairTableOf(model);
  std::string a, b;
  for (char c : a_in)
    if (t.known_a[Idx(c)]) a += c;
  for (char c : b_in)
    if (t.known_b[Idx(c)]) b += c;
  if (a.empty() || b.empty()) return 0.0;
  const size_t n = a.size(), m = b.size();
  Row r0(m + 1), r1(m + 1);
  double* prev = r0.data();
  double* cur = r1.data();
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + t.ins[Idx(b[j - 1])];
  for (size_t i = 1; i <= n; ++i) {
    const size_t ai = Idx(a[i - 1]);
    cur[0] = prev[0] + t.del[ai];
    for (size_t j = 1; j <= m; ++j) {
      const size_t bj = Idx(b[j - 1]);
      cur[j] = std::max({prev[j - 1] + t.sub[ai][bj], prev[j] + t.del[ai], cur[j - 1] + t.ins[bj]});
    }
    std::swap(prev, cur);
  }
  return prev[m];
}

double KeySimilarity(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const size_t n = a.size(), m = b.size();
  Row r0(m + 1), r1(m + 1);
  double* prev = r0.data();
  double* cur = r1.data();
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<double>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<double>(i);
    for (size_t j = 1; j <= m; ++j)
      cur[j] = std::min({prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1});
    std::swap(prev, cur);
  }
  return 1.0 - prev[m] / static_cast<double>(std::max(n, m));
}

}  // namespace nazir::names::internal
