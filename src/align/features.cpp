#include "nazir/align/features.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "nazir/align/word_forms.h"
#include "nazir/align/word_lists.h"
#include "nazir/names/gazetteer.h"
#include "nazir/names/matcher.h"
#include "nazir/text/normalize.h"
#include "nazir/text/tokenize.h"

namespace nazir::align {
namespace {

// Link strength of a lexicon hit by the number of clitics stripped to find it: the whole word is
// surest; each stripped piece is one more guess. Set by hand, not tuned.
constexpr float kLexiconStrength[] = {1.0f, 0.9f, 0.8f};
// Weight multipliers: a number is a rarer and surer anchor than a word of the same IDF; quotes and
// parentheses are weak hints. Set by hand, not tuned.
constexpr float kNumberWeightBoost = 2.0f;
constexpr float kPunctWeight = 0.5f;
// Name matcher scores below this are not links (nazir::names::NameMatcher's scale: 1 = same name;
// unrelated words of similar length score around 0.5). Tuned on dev.
constexpr double kNameMinScore = 0.75;
// Learned links: a pair must co-occur in this many confident pairs and reach this Model 1 probability.
// Tuned on dev.
constexpr int kLearnedMinCount = 2;
constexpr double kLearnedMinProb = 0.2;
// English sentences beyond the band's edges still searched for names (the DP reaches one bead further).
constexpr int kNameBandSlack = 3;

// Punctuation classes shared by both sides.
constexpr char kQuoteClass[] = "\"";
constexpr char kParenClass[] = "(";

std::string PunctClass(std::string_view p) {
  static const std::unordered_set<std::string_view> quotes = {"\"", "“", "”", "«", "»", "„", "‘", "’",
                                                              "'"};
  if (quotes.count(p)) return kQuoteClass;
  if (p == "(" || p == "[") return kParenClass;
  return "";
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Code points of valid UTF-8 `s` (a Normalizer key), spaces not counted.
double CountChars(std::string_view s) {
  double n = 0;
  int32_t i = 0;
  const int32_t len = static_cast<int32_t>(s.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(s.data(), i, len, c);
    if (c != ' ') n += 1;
  }
  return n;
}

bool HasAsciiAlnum(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLatin(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A maximal run of one kind of character inside a word token.
struct Run {
  enum Kind { kDigits, kLatin, kOther } kind;
  std::string_view text;
};

// Cuts a word key into digit runs (a '.' or ',' between digits stays inside: "2.4", "802.11"),
// ASCII letter runs and runs of anything else (Arabic letters, '-').
std::vector<Run> SplitRuns(std::string_view s) {
  std::vector<Run> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i + 1;
    Run::Kind k = IsDigit(s[i]) ? Run::kDigits : IsLatin(s[i]) ? Run::kLatin : Run::kOther;
    if (k == Run::kDigits) {
      while (j < s.size() && (IsDigit(s[j]) || ((s[j] == '.' || s[j] == ',') && j + 1 < s.size() && IsDigit(s[j + 1])))) ++j;
    } else if (k == Run::kLatin) {
      while (j < s.size() && IsLatin(s[j])) ++j;
    } else {
      while (j < s.size() && !IsDigit(s[j]) && !IsLatin(s[j])) ++j;
    }
    std::string_view text = s.substr(i, j - i);
    if (k == Run::kOther) {
      // Keep only runs with a letter in them (drop '-', '/', '+').
      bool letter = std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
      if (letter) out.push_back(Run{k, text});
    } else {
      out.push_back(Run{k, text});
    }
    i = j;
  }
  return out;
}

uint64_t PairKey(int a, int e) { return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(e); }

}  // namespace

PairFeatures::PairFeatures(const Document& ar, const Document& en, const Resources& resources,
                           const Signals& signals, const TranslationTable* learned)
    : signals_(signals) {
  lexicon_ = signals.lexicon ? resources.lexicon.get() : nullptr;
  Prepare(ar, /*arabic=*/true);
  Prepare(en, /*arabic=*/false);
  LinkVocabularies(learned);
  length_model_ = DocumentLengthModel();
  en_stamp_.assign(en_types_.size(), 0);
  en_best_.assign(en_types_.size(), 0.0f);
}

int PairFeatures::EnTypeOf(const std::string& key) const {
  auto it = en_index_.find(key);
  return it == en_index_.end() ? -1 : it->second;
}

void PairFeatures::Prepare(const Document& doc, bool arabic) {
  const Lang lang = arabic ? Lang::kAr : Lang::kEn;
  const auto& ar_stop = ArabicStopKeys();
  const auto& en_stop = EnglishStopWords();
  std::vector<Sent>& sents = arabic ? ar_ : en_;
  sents.resize(doc.sentences.size());
  auto intern = [&](const std::string& key) -> int {
    auto& index = arabic ? ar_index_ : en_index_;
    auto it = index.find(key);
    if (it != index.end()) return it->second;
    int id;
    if (arabic) {
      id = static_cast<int>(ar_types_.size());
      ArType t;
      t.key = key;
      ar_types_.push_back(std::move(t));
    } else {
      id = static_cast<int>(en_types_.size());
      en_types_.push_back(EnType{key, ""});
    }
    index.emplace(key, id);
    return id;
  };
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const std::string& t = doc.sentences[s].text;
    sents[s].length = CountChars(text::Normalizer::Get().Key(t, lang));
    std::vector<Tok>& toks = sents[s].toks;
    auto add_number = [&](const std::string& digits) {
      if (!signals_.numbers) return;
      Tok out;
      out.type = intern("#" + digits);
      out.is_number = true;
      toks.push_back(out);
    };
    // A Latin-script word on either side ("COVID", "ace" of ACE2) matched as its English stem.
    auto add_english = [&](std::string_view key, std::string_view orig, bool initial) {
      std::string lower = AsciiLower(key);
      if (lower.size() < 2 || en_stop.count(lower)) return;
      Tok out;
      if (arabic) {
        out.type = intern("L:" + EnglishStem(lower));
        toks.push_back(out);
        return;
      }
      std::string stem = EnglishStem(lower);
      out.type = intern(stem);
      bool cap = !orig.empty() && orig[0] >= 'A' && orig[0] <= 'Z';
      // A capital at the start of a sentence says nothing about a name unless the word is unknown.
      bool known = lexicon_ != nullptr && lexicon_->EnglishId(stem).has_value();
      if (cap && (!initial || !known) && en_types_[out.type].surface.empty()) {
        en_types_[out.type].surface = std::string(orig);
      }
      toks.push_back(out);
    };
    auto add_arabic = [&](std::string_view key) {
      if (key.empty() || ar_stop.count(std::string(key))) return;
      Tok out;
      out.type = intern(std::string(key));
      ar_types_[out.type].is_word = true;
      toks.push_back(out);
    };
    bool first_word = true;
    for (const text::Token& tok : text::Tokenize(t, lang)) {
      switch (tok.kind) {
        case text::TokenKind::kNumber:
          add_number(tok.key);
          break;
        case text::TokenKind::kPunct: {
          if (!signals_.punctuation) continue;
          std::string cls = PunctClass(tok.key);
          if (cls.empty()) continue;
          Tok out;
          out.type = intern(cls);
          out.weight = kPunctWeight;
          out.is_punct = true;
          toks.push_back(out);
          break;
        }
        case text::TokenKind::kWord: {
          const bool initial = first_word;
          first_word = false;
          std::string_view orig = std::string_view(t).substr(tok.begin, tok.end - tok.begin);
          if (!HasAsciiAlnum(tok.key)) {
            if (arabic) {
              add_arabic(tok.key);
            } else {
              add_english(tok.key, orig, initial);
            }
            break;
          }
          // Letters and digits in one token are cut into runs, the same way on both sides: the
          // English tokenizer keeps "2.4GHz" and "ACE2" whole, the Arabic one splits them.
          const bool same_length = orig.size() == tok.key.size();
          for (const Run& r : SplitRuns(tok.key)) {
            if (r.kind == Run::kDigits) {
              std::string digits;  // without thousands separators, as the tokenizer keys numbers
              for (char c : r.text) {
                if (c != ',') digits += c;
              }
              add_number(digits);
            } else if (r.kind == Run::kLatin) {
              // The original spelling (for the name matcher) when the key maps byte for byte.
              std::string_view o = same_length ? orig.substr(r.text.data() - tok.key.data(), r.text.size()) : r.text;
              add_english(r.text, o, initial);
            } else if (arabic) {
              add_arabic(r.text);
            }
          }
          break;
        }
      }
    }
  }
  // IDF weights over this document's sentences: log(1 + N / df).
  std::unordered_map<int, int> df;
  for (const Sent& s : sents) {
    std::unordered_set<int> seen;
    for (const Tok& t : s.toks) seen.insert(t.type);
    for (int x : seen) ++df[x];
  }
  const double n = static_cast<double>(sents.size());
  for (Sent& s : sents) {
    for (Tok& t : s.toks) {
      if (t.is_punct) continue;  // fixed weight
      double idf = std::log(1.0 + n / df[t.type]);
      t.weight = static_cast<float>(t.is_number ? idf * kNumberWeightBoost : idf);
    }
  }
}

void PairFeatures::AddLink(int a, int e, float strength, bool is_name) {
  if (e < 0 || strength <= 0) return;
  for (Link& l : ar_types_[a].links) {
    if (l.en_type == e) {
      if (strength > l.strength) {
        l.strength = strength;
        l.is_name = is_name;
      }
      return;
    }
  }
  ar_types_[a].links.push_back(Link{e, strength, is_name});
}

void PairFeatures::LinkVocabularies(const TranslationTable* learned) {
  const auto& calendar = CalendarWords();
  const auto& en_stop = EnglishStopWords();
  for (int a = 0; a < static_cast<int>(ar_types_.size()); ++a) {
    ArType& t = ar_types_[a];
    const std::string& key = t.key;
    if (key.rfind("L:", 0) == 0) {
      AddLink(a, EnTypeOf(key.substr(2)), 1.0f, false);
      continue;
    }
    if (!t.is_word) {  // numbers and punctuation classes link to themselves
      AddLink(a, EnTypeOf(key), 1.0f, false);
      continue;
    }
    std::vector<ArabicAnalysis> analyses = AnalyzeArabic(key);
    for (const ArabicAnalysis& an : analyses) {
      int cost = std::min(an.cost, static_cast<int>(std::size(kLexiconStrength)) - 1);
      if (lexicon_ != nullptr) {
        if (const auto* ids = lexicon_->Find(an.stem)) {
          if (an.cost == 0) t.lexicon_known = true;
          for (uint32_t id : *ids) AddLink(a, EnTypeOf(lexicon_->English(id)), kLexiconStrength[cost], false);
        }
      }
      if (signals_.calendar) {
        auto it = calendar.find(an.stem);
        if (it != calendar.end()) {
          for (const auto& e : it->second) AddLink(a, EnTypeOf(EnglishStem(e)), 1.0f, false);
        }
      }
    }
    if (signals_.names) {
      for (const std::string& name : names::Gazetteer::Get().EnglishFor(key)) {
        std::string word;
        auto flush = [&] {
          std::string lower = AsciiLower(word);
          if (lower.size() >= 2 && !en_stop.count(lower)) AddLink(a, EnTypeOf(EnglishStem(lower)), 1.0f, true);
          word.clear();
        };
        for (char c : name) {
          if (c == ' ' || c == '-') {
            flush();
          } else {
            word += c;
          }
        }
        flush();
      }
    }
    if (signals_.learned && learned != nullptr) {
      for (const LearnedLink& l : learned->Links(LightStem(key), kLearnedMinProb, kLearnedMinCount)) {
        AddLink(a, EnTypeOf(l.english), static_cast<float>(std::min(1.0, l.prob)), false);
      }
    }
  }
  // Name candidates per sentence, for AddNameLinks.
  ar_words_of_sentence_.assign(ar_.size(), {});
  en_caps_of_sentence_.assign(en_.size(), {});
  constexpr double kMinNameLetters = 3;
  for (size_t i = 0; i < ar_.size(); ++i) {
    std::unordered_set<int> seen;
    for (const Tok& tok : ar_[i].toks) {
      const ArType& t = ar_types_[tok.type];
      if (t.is_word && !t.lexicon_known && CountChars(t.key) >= kMinNameLetters && seen.insert(tok.type).second) {
        ar_words_of_sentence_[i].push_back(tok.type);
      }
    }
  }
  for (size_t j = 0; j < en_.size(); ++j) {
    std::unordered_set<int> seen;
    for (const Tok& tok : en_[j].toks) {
      if (!en_types_[tok.type].surface.empty() && seen.insert(tok.type).second) {
        en_caps_of_sentence_[j].push_back(tok.type);
      }
    }
  }
}

void PairFeatures::AddNameLinks(const Band& band) {
  if (!signals_.names) return;
  const auto& matcher = names::NameMatcher::Get();
  const int n = num_ar(), m = num_en();
  for (int i = 0; i < n; ++i) {
    if (ar_words_of_sentence_[i].empty()) continue;
    int lo = i < static_cast<int>(band.lo.size()) ? band.lo[i] : 0;
    int hi = i + 1 < static_cast<int>(band.hi.size()) ? band.hi[i + 1] : m;
    for (int j = std::max(0, lo - kNameBandSlack); j < std::min(m, hi + kNameBandSlack); ++j) {
      for (int a : ar_words_of_sentence_[i]) {
        for (int e : en_caps_of_sentence_[j]) {
          if (!names_tried_.emplace(PairKey(a, e), true).second) continue;
          double s = matcher.MatchWord(ar_types_[a].key, en_types_[e].surface).score;
          if (s >= kNameMinScore) AddLink(a, e, static_cast<float>(s), true);
        }
      }
    }
  }
}

BeadFeatures PairFeatures::Compute(const BeadSpan& span) {
  BeadFeatures f;
  f.shape = Shape{span.ar_len, span.en_len};
  ++stamp_;
  double ar_len = 0, en_len = 0;
  for (int j = span.en_begin; j < span.en_begin + span.en_len; ++j) {
    en_len += en_[j].length;
    for (const Tok& t : en_[j].toks) {
      en_stamp_[t.type] = stamp_;
      en_best_[t.type] = 0.0f;
    }
  }
  double ar_cov = 0, en_cov = 0;
  // Coverage of one sentence of a side with several: the weakest is the merge's weakest part.
  auto part = [&f](double cov, double weight) {
    f.min_part_coverage = std::min(f.min_part_coverage, weight > 0 ? cov / weight : 0.0);
  };
  f.min_part_coverage = 1.0;
  for (int i = span.ar_begin; i < span.ar_begin + span.ar_len; ++i) {
    ar_len += ar_[i].length;
    const double cov0 = ar_cov, weight0 = f.ar_weight;
    for (const Tok& t : ar_[i].toks) {
      float best = 0.0f;
      bool by_name = false;
      for (const Link& l : ar_types_[t.type].links) {
        if (en_stamp_[l.en_type] != stamp_) continue;
        if (l.strength > best) {
          best = l.strength;
          by_name = l.is_name;
        }
        en_best_[l.en_type] = std::max(en_best_[l.en_type], l.strength);
      }
      ar_cov += t.weight * best;
      f.ar_weight += t.weight;
      if (by_name) ++f.name_links;
      if (t.is_number) ++(best > 0 ? f.numbers_matched : f.numbers_unmatched);
    }
    if (span.ar_len > 1) part(ar_cov - cov0, f.ar_weight - weight0);
  }
  for (int j = span.en_begin; j < span.en_begin + span.en_len; ++j) {
    const double cov0 = en_cov, weight0 = f.en_weight;
    for (const Tok& t : en_[j].toks) {
      float best = span.ar_len > 0 ? en_best_[t.type] : 0.0f;
      en_cov += t.weight * best;
      f.en_weight += t.weight;
      if (t.is_number) ++(best > 0 ? f.numbers_matched : f.numbers_unmatched);
    }
    if (span.en_len > 1) part(en_cov - cov0, f.en_weight - weight0);
  }
  f.ar_coverage = f.ar_weight > 0 ? ar_cov / f.ar_weight : 0.0;
  f.en_coverage = f.en_weight > 0 ? en_cov / f.en_weight : 0.0;
  if (signals_.length && span.ar_len > 0 && span.en_len > 0) {
    double r = std::log((ar_len + kLengthSmoothing) / (en_len + kLengthSmoothing));
    f.length_z = (r - length_model_.mean) / length_model_.stddev;
  }
  return f;
}

double PairFeatures::LogLengthRatio(const BeadSpan& span) const {
  double a = 0, e = 0;
  for (int i = span.ar_begin; i < span.ar_begin + span.ar_len; ++i) a += ar_[i].length;
  for (int j = span.en_begin; j < span.en_begin + span.en_len; ++j) e += en_[j].length;
  return std::log((a + kLengthSmoothing) / (e + kLengthSmoothing));
}

LengthModel PairFeatures::DocumentLengthModel() const {
  double a = 0, e = 0;
  for (const Sent& s : ar_) a += s.length;
  for (const Sent& s : en_) e += s.length;
  LengthModel m;
  m.mean = std::log((a + kLengthSmoothing) / (e + kLengthSmoothing));
  m.stddev = kDefaultLengthStddev;
  return m;
}

std::vector<std::string> PairFeatures::ArabicKeys(int begin, int len) const {
  std::vector<std::string> out;
  for (int i = begin; i < begin + len; ++i) {
    for (const Tok& t : ar_[i].toks) {
      if (ar_types_[t.type].is_word) out.push_back(LightStem(ar_types_[t.type].key));
    }
  }
  return out;
}

std::vector<std::string> PairFeatures::EnglishKeys(int begin, int len) const {
  std::vector<std::string> out;
  for (int j = begin; j < begin + len; ++j) {
    for (const Tok& t : en_[j].toks) {
      if (!t.is_number && !t.is_punct) out.push_back(en_types_[t.type].key);
    }
  }
  return out;
}

}  // namespace nazir::align
