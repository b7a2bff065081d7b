#include "nazir/text/normalize.h"

#include <cstdlib>
#include <memory>
#include <string>

#include <unicode/translit.h>
#include <unicode/utf8.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

namespace nazir::text {
namespace {

// The matching-key tables, as ICU transliteration rules (one place; sources in docs/ARABIC.md:
// Lucene ArabicNormalizer, CAMeL Tools normalize/dediac, Farasa ArabicUtils). A key is built as
//   NFKC, control deletions, [Arabic deletions and folds], digit folds, whitespace, case fold
// where the bracketed Arabic pass is used for Lang::kAr only.

// NFKC: presentation forms, ligatures, full-width forms.
constexpr char16_t kNfkc[] = u"::NFKC;\n";

// Zero-width and bidi controls: U+200B-200F ZWSP ZWNJ ZWJ LRM RLM, U+061C ALM, U+202A-202E
// embeddings, U+2066-2069 isolates, U+FEFF, and the soft hyphen U+00AD.
constexpr char16_t kDeleteControls[] =
    uR"([\u200B-\u200F \u061C \u202A-\u202E \u2066-\u2069 \uFEFF \u00AD] > ;)" u"\n";

// Arabic: harakat and other combining marks U+064B-065F, dagger alef U+0670, tatweel U+0640,
// Quranic annotation marks U+06D6-06ED are deleted; alef variants (madda U+0622, hamza above U+0623,
// hamza below U+0625, wasla U+0671) -> bare alef U+0627; alef maqsura U+0649 -> ya U+064A;
// ta marbuta U+0629 -> ha U+0647; hamza carriers waw U+0624 and ya U+0626 -> hamza U+0621 (Farasa);
// Persian ya U+06CC -> U+064A, Persian kaf U+06A9 -> U+0643. The deletions are a pass of their own
// so that a mark between two letters never blocks a fold.
constexpr char16_t kArabic[] = uR"(
[\u064B-\u065F \u0670 \u0640 \u06D6-\u06ED] > ;
::Null;
[\u0622 \u0623 \u0625 \u0671] > \u0627;
\u0649 > \u064A;
\u0629 > \u0647;
[\u0624 \u0626] > \u0621;
\u06CC > \u064A;
\u06A9 > \u0643;
)";

// Arabic-Indic U+0660-0669 and Persian U+06F0-06F9 digits -> ASCII; Arabic decimal separator
// U+066B -> '.', Arabic thousands separator U+066C -> ',', Arabic percent sign U+066A -> '%'.
constexpr char16_t kDigits[] = uR"(
::Null;
[\u0660 \u06F0] > 0; [\u0661 \u06F1] > 1; [\u0662 \u06F2] > 2; [\u0663 \u06F3] > 3;
[\u0664 \u06F4] > 4; [\u0665 \u06F5] > 5; [\u0666 \u06F6] > 6; [\u0667 \u06F7] > 7;
[\u0668 \u06F8] > 8; [\u0669 \u06F9] > 9;
\u066B > '.';
\u066C > ',';
\u066A > '%';
)";

// Whitespace runs -> one space (trimmed afterwards in C++). Case folding follows in C++ with
// UnicodeString::foldCase (ICU has no case-fold transliterator; Any-Lower would leave ß, ς unfolded).
constexpr char16_t kSpace[] = uR"(
::Null;
[:White_Space:]+ > ' ';
)";

// After the transliterator: trims the single spaces it may have left at either end.
std::string TrimSpaces(std::string s) {
  const size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return std::string();
  const size_t e = s.find_last_not_of(' ');
  return s.substr(b, e - b + 1);
}

// What the rules make of one code point of the characters most Arabic news is written in, when it is
// NFKC-inert and needs no context: the folded code point, 0 for a deletion, or -1 for "not one of them"
// (the rules decide). Letters U+0621-063A and U+0641-064A (inert unless a hamza or madda mark follows,
// and those are not here), tatweel, harakat U+064B-0652 and the dagger alef (deleted for Arabic), Arabic
// punctuation, Arabic-Indic and Persian digits and separators.
int32_t SimpleFold(UChar32 c, Lang lang) {
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  switch (c) {
    case 0x066B: return '.';
    case 0x066C: return ',';
    case 0x066A: return '%';
    case 0x060C: case 0x061B: case 0x061F: return c;  // Arabic comma, semicolon, question mark
    default: break;
  }
  const bool letter = (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A);
  if (lang != Lang::kAr) return letter || c == 0x0640 ? c : -1;
  if (c == 0x0640 || (c >= 0x064B && c <= 0x0652) || c == 0x0670) return 0;
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: return 0x0627;
    case 0x0649: return 0x064A;
    case 0x0629: return 0x0647;
    case 0x0624: case 0x0626: return 0x0621;
    default: return letter ? c : -1;
  }
}

// The key of `s` when it is made of ASCII and the code points SimpleFold knows (the bulk of news text),
// without the transliterator: the same key the rules give (normalize_test compares the two). On ASCII
// both rule sets are the identity but for case and white space (NFKC and the Arabic folds leave it be):
// lower case, white space runs -> one space, trimmed. False, with *out unspecified, when `s` holds
// anything else.
bool SimpleKey(std::string_view s, Lang lang, std::string* out) {
  out->clear();
  out->reserve(s.size());
  bool space = false;
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    const auto b = static_cast<unsigned char>(s[i]);
    int32_t c;
    if (b < 0x80) {
      ++i;
      if (b == ' ' || (b >= '\t' && b <= '\r')) {  // ASCII White_Space: TAB LF VT FF CR SPACE
        space = true;
        continue;
      }
      c = (b >= 'A' && b <= 'Z') ? b - 'A' + 'a' : b;
    } else {
      UChar32 u;
      U8_NEXT(s.data(), i, len, u);
      if (u < 0) return false;
      c = SimpleFold(u, lang);
      if (c < 0) return false;
      if (c == 0) continue;  // deleted: a space before it still counts, as in the rules
    }
    if (space && !out->empty()) *out += ' ';
    space = false;
    if (c < 0x80) {
      *out += static_cast<char>(c);
    } else {  // U+0080-07FF: two bytes
      *out += static_cast<char>(0xC0 | (c >> 6));
      *out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return true;
}

}  // namespace

struct Normalizer::Impl {
  // Prototypes built once; each thread transliterates with its own clone (ICU does not promise that
  // transliterate() on one shared instance is safe from several threads).
  std::unique_ptr<icu::Transliterator> arabic;
  std::unique_ptr<icu::Transliterator> english;
  const icu::Transliterator& ForThisThread(Lang lang) const;
};

namespace {

std::unique_ptr<icu::Transliterator> Build(const char* id, const std::u16string& rules) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
      icu::UnicodeString(id), icu::UnicodeString(rules.data(), static_cast<int32_t>(rules.size())),
      UTRANS_FORWARD, parse_error, status));
  // The rules are compiled into the program: a failure here is a bug (or a broken ICU data
  // library), never bad user input, and Get() has no Status to return it through.
  if (U_FAILURE(status) || t == nullptr) {
    std::abort();
  }
  return t;
}

}  // namespace

const icu::Transliterator& Normalizer::Impl::ForThisThread(Lang lang) const {
  // The Normalizer is a process-wide singleton that is never destroyed before the threads using it,
  // so per-thread clones of its two transliterators are safe to cache here.
  thread_local std::unique_ptr<icu::Transliterator> ar(arabic->clone());
  thread_local std::unique_ptr<icu::Transliterator> en(english->clone());
  return lang == Lang::kAr ? *ar : *en;
}

Normalizer::Normalizer() : impl_(std::make_unique<Impl>()) {
  const std::u16string head = std::u16string(kNfkc) + kDeleteControls;
  const std::u16string tail = std::u16string(kDigits) + kSpace;
  impl_->english = Build("nazir-key-en", head + tail);
  impl_->arabic = Build("nazir-key-ar", head + kArabic + tail);
}

Normalizer::~Normalizer() = default;

const Normalizer& Normalizer::Get() {
  // Intentionally leaked: thread-local clones outlive static destruction order otherwise.
  static const Normalizer* const instance = new Normalizer();
  return *instance;
}

std::string Normalizer::Key(std::string_view text, Lang lang) const {
  std::string out;
  if (SimpleKey(text, lang, &out)) return out;
  return RuleKey(text, lang);
}

std::string Normalizer::RuleKey(std::string_view text, Lang lang) const {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  impl_->ForThisThread(lang).transliterate(u);
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return TrimSpaces(std::move(out));
}

}  // namespace nazir::text
