#include "nazir/text/segment.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "segment_data.h"

namespace nazir::text {
namespace {

constexpr UChar32 kFullStop = 0x2E;
constexpr UChar32 kEllipsis = 0x2026;

template <size_t N>
bool InList(std::string_view word, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Code point access over UTF-8 that was validated on input. A malformed byte (only possible when a
// caller skipped validation) comes back as a negative value and is treated as an ordinary character.
UChar32 CodePointAt(std::string_view s, size_t i, size_t* next) {
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), c);
  *next = static_cast<size_t>(j);
  return c;
}

UChar32 CodePointBefore(std::string_view s, size_t i, size_t* prev) {
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(s.data(), 0, j, c);
  *prev = static_cast<size_t>(j);
  return c;
}

int SentenceBreakClass(UChar32 c) { return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK); }

bool IsSpace(UChar32 c) { return c >= 0 && u_isUWhiteSpace(c); }

// Invisible characters that are trimmed off a sentence's edges with the whitespace (BOM, ZWSP,
// ZWJ/ZWNJ, bidi marks and controls).
bool IsTrimmable(UChar32 c) {
  return c >= 0 && (u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
                    u_charType(c) == U_CONTROL_CHAR);
}

// LF, CR and ICU's Sentence_Break=Sep (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR).
bool IsParagraphSeparator(UChar32 c) {
  if (c < 0) return false;
  const int sb = SentenceBreakClass(c);
  return sb == U_SB_SEP || sb == U_SB_LF || sb == U_SB_CR;
}

// Quotes and brackets: ICU's Sentence_Break=Close class (" ' « » “ ” ( ) [ ]).
bool IsClose(UChar32 c) { return c >= 0 && SentenceBreakClass(c) == U_SB_CLOSE; }

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool StartsWithDigit(std::string_view w) {
  size_t next;
  return !w.empty() && u_isdigit(CodePointAt(w, 0, &next));
}

bool StartsWithLowercase(std::string_view w) {
  size_t next;
  return !w.empty() && u_islower(CodePointAt(w, 0, &next));
}

// "J" (an initial) or a dotted acronym without its final dot: "U.S", "D.C", "a.m", "e.g".
bool IsInitialOrDottedAcronym(std::string_view w) {
  if (w.size() == 1) return w[0] >= 'A' && w[0] <= 'Z';
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i % 2 == 0 ? !IsAsciiLetter(w[i]) : w[i] != '.') return false;
  }
  return true;
}

// One letter of any script (an Arabic initial such as "ن." in "ن. وين هالي").
bool IsSingleLetter(std::string_view w) {
  size_t next;
  const UChar32 c = CodePointAt(w, 0, &next);
  return next == w.size() && u_isalpha(c);
}

// The word that ends right before `end` (skipping spaces), or "" at the start of the line.
std::string_view WordBefore(std::string_view text, size_t line_begin, size_t end) {
  while (end > line_begin) {
    size_t prev;
    if (!IsSpace(CodePointBefore(text, end, &prev))) break;
    end = prev;
  }
  size_t b = end;
  while (b > line_begin) {
    size_t prev;
    if (IsSpace(CodePointBefore(text, b, &prev))) break;
    b = prev;
  }
  return text.substr(b, end - b);
}

std::string_view WithoutFinalDot(std::string_view w) {
  return !w.empty() && w.back() == '.' ? w.substr(0, w.size() - 1) : std::string_view();
}

bool IsArabicInitial(std::string_view w) {
  return IsSingleLetter(w) || InList(w, internal::kArabicLetterNames);
}

// Arabic text: whether a full stop after `word` (which starts at `word_begin`) is an abbreviation or
// an initial rather than a sentence end: د. محمد, ن. وين هالي, جي. آر. آر. تولكين, دي. كي. أريا.
// Letter names also spell acronyms at the end of a sentence (بي سي آر. = PCR., البروتين إس.), so
// they count as initials only in a chain of dotted initials; a single letter counts on its own,
// except after a number, where it is a unit or era letter (2020 م.).
bool SuppressAfterArabicWord(std::string_view text, size_t line_begin, size_t word_begin,
                             std::string_view word, std::string_view next) {
  if (InList(word, internal::kArabicAbbreviations)) return true;
  const std::string_view before = WordBefore(text, line_begin, word_begin);
  if (IsSingleLetter(word)) return !StartsWithDigit(before);
  if (!InList(word, internal::kArabicLetterNames)) return false;
  const std::string_view next_initial = WithoutFinalDot(next);
  const std::string_view before_initial = WithoutFinalDot(before);
  return (!next_initial.empty() && IsArabicInitial(next_initial)) ||
         (!before_initial.empty() && IsArabicInitial(before_initial));
}

class IcuSegmenter final : public Segmenter {
 public:
  IcuSegmenter(Lang lang, std::unique_ptr<icu::BreakIterator> breaker)
      : lang_(lang), breaker_(std::move(breaker)) {}
  ~IcuSegmenter() override { utext_close(utext_); }

  std::vector<Sentence> Segment(std::string_view text) const override;

 private:
  // Whether the ICU boundary at `at` (just after the spaces that follow a terminator) is an
  // abbreviation, initial, acronym or quoted question inside a sentence rather than its end.
  bool SuppressBoundary(std::string_view text, size_t line_begin, size_t at) const;

  // Boundaries ICU's rules do not propose inside [b, e): after an ellipsis "…" (not a terminator
  // for ICU), and after a full stop followed by a number (ICU's rule SB8 joins ". 34 percent" because
  // a lower-case word follows later). Each is still checked with SuppressBoundary.
  void AddExtraCandidates(std::string_view text, size_t b, size_t e, std::vector<size_t>* out) const;

  Lang lang_;
  std::unique_ptr<icu::BreakIterator> breaker_;  // reset on every Segment(): not thread-safe
  mutable UText* utext_ = nullptr;               // reused UTF-8 UText over the current input
};

// Appends the trimmed [b, e) of `text` if it holds anything but whitespace.
void EmitTrimmed(std::string_view text, size_t b, size_t e, int paragraph, std::vector<Sentence>* out) {
  while (b < e) {
    size_t next;
    if (!IsTrimmable(CodePointAt(text, b, &next))) break;
    b = next;
  }
  while (e > b) {
    size_t prev;
    if (!IsTrimmable(CodePointBefore(text, e, &prev))) break;
    e = prev;
  }
  if (b == e) return;
  Sentence s;
  s.text.assign(text.substr(b, e - b));
  s.begin = b;
  s.end = e;
  s.paragraph = paragraph;
  out->push_back(std::move(s));
}

// The word after position `at`, skipping spaces and opening quotes/brackets; ends at a space or at
// closing punctuation.
std::string_view NextWord(std::string_view text, size_t at, size_t limit) {
  size_t i = at;
  while (i < limit) {
    size_t next;
    const UChar32 c = CodePointAt(text, i, &next);
    if (!IsSpace(c) && !IsClose(c)) break;
    if (IsParagraphSeparator(c)) return {};
    i = next;
  }
  size_t j = i;
  while (j < limit) {
    size_t next;
    const UChar32 c = CodePointAt(text, j, &next);
    if (IsSpace(c) || (IsClose(c) && j > i)) break;
    j = next;
  }
  return text.substr(i, j - i);
}

bool IcuSegmenter::SuppressBoundary(std::string_view text, size_t line_begin, size_t at) const {
  // ICU breaks after: terminator, closing quotes/brackets, spaces. Walk back over them.
  size_t after_closes = at;
  while (after_closes > line_begin) {
    size_t prev;
    if (!IsSpace(CodePointBefore(text, after_closes, &prev))) break;
    after_closes = prev;
  }
  size_t after_terminator = after_closes;
  while (after_terminator > line_begin) {
    size_t prev;
    if (!IsClose(CodePointBefore(text, after_terminator, &prev))) break;
    after_terminator = prev;
  }
  if (after_terminator == line_begin) return false;
  size_t term_begin;
  const UChar32 terminator = CodePointBefore(text, after_terminator, &term_begin);
  const std::string_view next = NextWord(text, at, text.size());
  if (next.empty()) return false;

  // A terminator glued to the next word and standing after a space or an opening quote is part of
  // a name ("!StopKorona"), not the end of a sentence.
  if (after_closes == at && term_begin > line_begin) {
    size_t q;
    const UChar32 before = CodePointBefore(text, term_begin, &q);
    if (IsSpace(before) || IsClose(before)) return true;
  }
  if (terminator != kFullStop) {
    // English: a quoted question or exclamation inside a sentence: "Why?" he asked.
    return lang_ == Lang::kEn && StartsWithLowercase(next);
  }
  // A quote or bracket after the full stop (... said." Then) closes the sentence: abbreviations
  // are only looked for right before the spaces.
  if (after_terminator != after_closes) return false;
  // The word the full stop ends, without opening quotes or brackets.
  size_t wb = term_begin;
  while (wb > line_begin) {
    size_t prev;
    const UChar32 w = CodePointBefore(text, wb, &prev);
    if (IsSpace(w)) break;
    wb = prev;
  }
  while (wb < term_begin) {
    size_t next_i;
    if (!IsClose(CodePointAt(text, wb, &next_i))) break;
    wb = next_i;
  }
  const std::string_view word = text.substr(wb, term_begin - wb);
  if (word.empty()) return false;

  if (InList(word, internal::kTitleAbbreviations)) return true;
  if (InList(word, internal::kNumberAbbreviations) && StartsWithDigit(next)) return true;
  if (IsInitialOrDottedAcronym(word) || InList(word, internal::kWeakAbbreviations)) {
    return !InList(next, internal::kSentenceOpeners);
  }
  if (lang_ == Lang::kAr) return SuppressAfterArabicWord(text, line_begin, wb, word, next);
  return false;
}

void IcuSegmenter::AddExtraCandidates(std::string_view text, size_t b, size_t e,
                                      std::vector<size_t>* out) const {
  size_t i = b;
  while (i < e) {
    size_t next;
    const UChar32 c = CodePointAt(text, i, &next);
    i = next;
    if (c != kEllipsis && c != kFullStop) continue;
    // The candidate: after the terminator, its closing quotes/brackets and at least one space.
    size_t j = i;
    while (j < e) {
      size_t n;
      if (!IsClose(CodePointAt(text, j, &n))) break;
      j = n;
    }
    size_t k = j;
    while (k < e) {
      size_t n;
      if (!IsSpace(CodePointAt(text, k, &n))) break;
      k = n;
    }
    if (k == j || k >= e) continue;
    size_t n;
    const UChar32 first = CodePointAt(text, k, &n);
    if (c == kFullStop && !u_isdigit(first)) continue;  // ICU already decided the other cases
    out->push_back(k);
    i = k;
  }
}

std::vector<Sentence> IcuSegmenter::Segment(std::string_view text) const {
  std::vector<Sentence> out;
  if (text.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  utext_ = utext_openUTF8(utext_, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return out;
  breaker_->setText(utext_, status);
  if (U_FAILURE(status)) return out;

  int paragraph = 0;
  bool paragraph_has_text = false;
  size_t sentence_begin = 0;  // where the sentence being built starts
  size_t line_begin = 0;      // where the current line starts
  size_t piece_begin = 0;     // the previous ICU boundary
  std::vector<size_t> candidates;
  // Over a UTF-8 UText, ICU's boundaries are byte offsets into `text`.
  for (int32_t b = breaker_->next(); b != icu::BreakIterator::DONE; b = breaker_->next()) {
    const size_t at = static_cast<size_t>(b);
    size_t prev;
    // ICU always breaks after a paragraph separator (LF, CR, CRLF, NEL, U+2028/9): rule SB4.
    const bool line_end = at == text.size() || IsParagraphSeparator(CodePointBefore(text, at, &prev));
    candidates.clear();
    AddExtraCandidates(text, piece_begin, at, &candidates);
    piece_begin = at;
    for (size_t c : candidates) {
      if (SuppressBoundary(text, line_begin, c)) continue;
      const size_t before = out.size();
      EmitTrimmed(text, sentence_begin, c, paragraph, &out);
      paragraph_has_text = paragraph_has_text || out.size() > before;
      sentence_begin = c;
    }
    if (!line_end && SuppressBoundary(text, line_begin, at)) continue;
    const size_t before = out.size();
    EmitTrimmed(text, sentence_begin, at, paragraph, &out);
    paragraph_has_text = paragraph_has_text || out.size() > before;
    sentence_begin = at;
    if (line_end) {
      line_begin = at;
      if (paragraph_has_text) ++paragraph;
      paragraph_has_text = false;
    }
  }
  return out;
}

}  // namespace

StatusOr<std::unique_ptr<Segmenter>> Segmenter::Create(Lang lang) {
  UErrorCode status = U_ZERO_ERROR;
  // Plain ICU rules for the language, without ICU's own abbreviation suppressions (ss=standard):
  // nazir applies its own lists (segment_data.h) so that both languages behave the same way.
  std::unique_ptr<icu::BreakIterator> breaker(
      icu::BreakIterator::createSentenceInstance(icu::Locale(lang == Lang::kAr ? "ar" : "en"), status));
  if (U_FAILURE(status) || breaker == nullptr) {
    return InternalError(std::string("cannot create the ICU sentence break iterator (") +
                         u_errorName(status) + "); is the ICU data library installed?");
  }
  return std::unique_ptr<Segmenter>(new IcuSegmenter(lang, std::move(breaker)));
}

std::vector<Sentence> SplitLines(std::string_view text) {
  std::vector<Sentence> out;
  size_t begin = 0;
  int line = 0;
  while (begin < text.size()) {
    size_t end = text.find_first_of("\r\n", begin);
    const size_t content_end = end == std::string_view::npos ? text.size() : end;
    size_t next = content_end;
    if (next < text.size()) next += (text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') ? 2 : 1;
    const size_t before = out.size();
    EmitTrimmed(text, begin, content_end, line, &out);
    if (out.size() == before) {  // an empty line keeps its place
      Sentence s;
      s.begin = s.end = begin;
      s.paragraph = line;
      out.push_back(std::move(s));
    }
    ++line;
    begin = next;
  }
  return out;
}

}  // namespace nazir::text
