#include "nazir/text/tokenize.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "nazir/text/normalize.h"

namespace nazir::text {
namespace {

// ICU's word break iterator (UAX #29): keeps "7.1", "1,000", "don't" and "U.S" whole, splits punctuation
// off one character at a time. One prototype per language, built once; each thread uses its own clone.
struct WordBreakers {
  std::unique_ptr<icu::BreakIterator> ar;
  std::unique_ptr<icu::BreakIterator> en;
};

const WordBreakers& Prototypes() {
  static const WordBreakers* const kBreakers = [] {
    auto* b = new WordBreakers;
    UErrorCode status = U_ZERO_ERROR;
    b->ar.reset(icu::BreakIterator::createWordInstance(icu::Locale("ar"), status));
    b->en.reset(icu::BreakIterator::createWordInstance(icu::Locale("en"), status));
    // Built from ICU's own data: failing is a broken installation, not bad input.
    if (U_FAILURE(status)) std::abort();
    return b;
  }();
  return *kBreakers;
}

icu::BreakIterator& WordBreakerForThisThread(Lang lang) {
  thread_local std::unique_ptr<icu::BreakIterator> ar(Prototypes().ar->clone());
  thread_local std::unique_ptr<icu::BreakIterator> en(Prototypes().en->clone());
  return lang == Lang::kAr ? *ar : *en;
}

bool IsDigitKeyChar(char c) { return c >= '0' && c <= '9'; }

// A number's key: ASCII digits with at most one '.' for the decimal point. Separators between digits
// are read the way news text writes them: with both ',' and '.', the last one is the decimal point
// (1,000.5 and 1.000,5); a separator used more than once groups thousands (1,000,000); a single ','
// before exactly three digits groups thousands (1,000), any other single ',' or '.' is a decimal
// point (7.1, 7,1).
std::string NumberKey(const std::string& folded) {
  const size_t last_comma = folded.rfind(',');
  const size_t last_dot = folded.rfind('.');
  const bool has_comma = last_comma != std::string::npos;
  const bool has_dot = last_dot != std::string::npos;
  size_t decimal = std::string::npos;  // position of the decimal separator, if any
  if (has_comma && has_dot) {
    decimal = std::max(last_comma, last_dot);
  } else if (has_comma || has_dot) {
    const size_t pos = has_comma ? last_comma : last_dot;
    const char sep = folded[pos];
    const bool repeated = folded.find(sep) != pos;
    size_t digits_after = 0;
    while (pos + 1 + digits_after < folded.size() && IsDigitKeyChar(folded[pos + 1 + digits_after])) {
      ++digits_after;
    }
    const bool thousands = repeated || (sep == ',' && digits_after == 3);
    if (!thousands) decimal = pos;
  }
  std::string out;
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (i == decimal) {
      out += '.';
    } else if (c != ',' && c != '.') {
      out += c;  // digits, and a sign or other character ICU kept inside the number
    }
  }
  return out;
}

bool AllDigitsOrSeparators(const std::string& key) {
  bool digit = false;
  for (char c : key) {
    if (IsDigitKeyChar(c)) {
      digit = true;
    } else if (c != '.' && c != ',') {
      return false;
    }
  }
  return digit;
}

// True for a code point that is a decimal digit in any script (ASCII, Arabic-Indic, Persian...).
bool IsDigit(UChar32 c) { return u_charType(c) == U_DECIMAL_DIGIT_NUMBER; }

void Emit(std::string_view text, size_t b, size_t e, TokenKind kind, Lang lang, std::vector<Token>* out) {
  Token t;
  t.begin = b;
  t.end = e;
  t.kind = kind;
  t.key = Normalizer::Get().Key(text.substr(b, e - b), lang);
  if (kind == TokenKind::kNumber) t.key = NumberKey(t.key);
  out->push_back(std::move(t));
}

// A word or number token from ICU may mix letters and digits ("2020م", "و7", "F16"). In Arabic the digits are almost
// always a separate number glued to a letter (no space before a unit or era letter), so the token is
// split into digit and non-digit runs; in English such tokens ("G7", "1990s") are kept as words.
bool IsNumberSeparator(UChar32 c) { return c == '.' || c == ',' || c == 0x066B || c == 0x066C; }

// A word or number token from ICU may mix letters and digits ("2020م", "و7", "F16"). In Arabic the digits are almost
// always a separate number glued to a letter (no space before a unit or era letter), so the token is
// split into number and non-number runs; in English such tokens ("G7", "1990s") are kept as words.
// A separator between two digits ("5.0", "153,822", "٦٫٩") belongs to the number.
void EmitWord(std::string_view text, size_t b, size_t e, Lang lang, std::vector<Token>* out) {
  struct Cp {
    size_t at;
    bool digit;
  };
  std::vector<Cp> cps;
  std::vector<UChar32> chars;
  {
    int32_t i = static_cast<int32_t>(b);
    while (i < static_cast<int32_t>(e)) {
      const size_t at = static_cast<size_t>(i);
      UChar32 c;
      U8_NEXT(text.data(), i, static_cast<int32_t>(e), c);
      cps.push_back({at, IsDigit(c)});
      chars.push_back(c);
    }
  }
  for (size_t k = 1; k + 1 < cps.size(); ++k) {
    if (IsNumberSeparator(chars[k]) && IsDigit(chars[k - 1]) && IsDigit(chars[k + 1])) cps[k].digit = true;
  }
  bool has_digit = false;
  bool has_other = false;
  for (const Cp& cp : cps) (cp.digit ? has_digit : has_other) = true;
  if (!has_digit) {
    Emit(text, b, e, TokenKind::kWord, lang, out);
    return;
  }
  if (!has_other) {
    Emit(text, b, e, TokenKind::kNumber, lang, out);
    return;
  }
  if (lang != Lang::kAr) {
    Emit(text, b, e, TokenKind::kWord, lang, out);
    return;
  }
  size_t run_begin = b;
  bool run_digit = cps[0].digit;
  for (size_t k = 1; k < cps.size(); ++k) {
    if (cps[k].digit != run_digit) {
      Emit(text, run_begin, cps[k].at, run_digit ? TokenKind::kNumber : TokenKind::kWord, lang, out);
      run_begin = cps[k].at;
      run_digit = cps[k].digit;
    }
  }
  Emit(text, run_begin, e, run_digit ? TokenKind::kNumber : TokenKind::kWord, lang, out);
}

// What the shortcut (SimpleTokenize) knows of a character.
enum class Simple { kOther, kLetter, kMark, kPunct };

// Letters (UAX #29 ALetter: ASCII, the basic Arabic letters), the harakat that follow them (Extend), and
// punctuation that is a token of its own wherever it stands at the edge of a word.
Simple SimpleClass(UChar32 c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Simple::kLetter;
  if ((c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A)) return Simple::kLetter;
  if (c >= 0x064B && c <= 0x0652) return Simple::kMark;
  switch (c) {
    case '.': case ',': case ':': case ';': case '!': case '?': case '"': case '(': case ')': case '[':
    case ']': case '-': case 0x00AB: case 0x00BB: case 0x060C: case 0x061B: case 0x061F:
      return Simple::kPunct;
    default:
      return Simple::kOther;
  }
}

// Tokenize for text whose every space-separated piece is punctuation, then letters (each maybe followed
// by harakat), then punctuation: ICU's word breaks make one word of the letters and one token of each
// punctuation mark (a mark between letters, "U.S" or "a:b", is not this shape, and goes to ICU), so the
// tokens are cut here without the iterator. False (out untouched) for any other text.
bool SimpleTokenize(std::string_view text, Lang lang, std::vector<Token>* out) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  struct Cut {
    size_t b, e;
    TokenKind kind;
  };
  thread_local std::vector<Cut> cuts;
  cuts.clear();
  const auto len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < len) {
    if (is_space(text[static_cast<size_t>(i)])) {
      ++i;
      continue;
    }
    // One piece: punctuation, letters, punctuation.
    int stage = 0;  // 0: leading punctuation, 1: in the letters, 2: trailing punctuation
    size_t word_begin = 0;
    while (i < len) {
      if (is_space(text[static_cast<size_t>(i)])) break;
      const auto at = static_cast<size_t>(i);
      UChar32 u;
      U8_NEXT(text.data(), i, len, u);
      const Simple k = u < 0 ? Simple::kOther : SimpleClass(u);
      if (k == Simple::kOther) return false;
      if (k == Simple::kLetter) {
        if (stage == 2) return false;  // letters after punctuation after letters
        if (stage == 0) word_begin = at;
        stage = 1;
      } else if (k == Simple::kMark) {
        if (stage != 1) return false;  // a mark on punctuation or on nothing
      } else {
        if (stage == 1) {
          cuts.push_back({word_begin, at, TokenKind::kWord});
          stage = 2;
        }
        cuts.push_back({at, static_cast<size_t>(i), TokenKind::kPunct});
      }
    }
    if (stage == 1) cuts.push_back({word_begin, static_cast<size_t>(i), TokenKind::kWord});
  }
  for (const Cut& c : cuts) Emit(text, c.b, c.e, c.kind, lang, out);
  return true;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, Lang lang) {
  std::vector<Token> out;
  if (SimpleTokenize(text, lang, &out)) return out;
  return TokenizeWithIcu(text, lang);
}

std::vector<Token> TokenizeWithIcu(std::string_view text, Lang lang) {
  std::vector<Token> out;
  if (text.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return out;
  icu::BreakIterator& bi = WordBreakerForThisThread(lang);
  bi.setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return out;
  }
  // Over a UTF-8 UText, break positions are byte offsets into `text`.
  int32_t b = bi.first();
  for (int32_t e = bi.next(); e != icu::BreakIterator::DONE; b = e, e = bi.next()) {
    const int32_t rule = bi.getRuleStatus();
    const size_t bb = static_cast<size_t>(b);
    const size_t ee = static_cast<size_t>(e);
    if (rule >= UBRK_WORD_NUMBER) {  // numbers, letters, kana, ideographs
      EmitWord(text, bb, ee, lang, &out);
    } else {
      // UBRK_WORD_NONE: spaces and punctuation. Keep each non-space character as its own token.
      int32_t i = b;
      while (i < e) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(text.data(), i, e, c);
        if (c < 0 || u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
          continue;
        }
        if (u_charType(c) == U_CONTROL_CHAR) continue;
        Emit(text, static_cast<size_t>(at), static_cast<size_t>(i), TokenKind::kPunct, lang, &out);
      }
    }
  }
  // Leave the thread's iterator pointing at nothing: `ut` is closed below.
  bi.setText(icu::UnicodeString());
  utext_close(ut);
  for (Token& t : out) {
    if (t.kind == TokenKind::kWord && AllDigitsOrSeparators(t.key)) t.kind = TokenKind::kNumber;
  }
  return out;
}

}  // namespace nazir::text
