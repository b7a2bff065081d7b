// Glossary lookup: keys for an index, and scoring of candidate entries against a query.
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include "nazir/base/lang.h"
#include "nazir/names/clitics.h"
#include "nazir/names/gazetteer.h"
#include "nazir/names/glossary.h"
#include "nazir/names/matcher.h"
#include "nazir/text/normalize.h"
#include "phonetic.h"

namespace nazir::names {
namespace {

// Acceptance threshold of a transliteration match. Tuned on the train half of names-dev variants
// (tests/names/names_eval.cpp variants --half train): the lowest value with a false-positive rate
// under 5%.
constexpr double kLookupThreshold = 0.88;
// Score of a match equal after normalization, less kCliticPenalty per clitic stripped to get there.
constexpr double kNormalizedScore = 0.99;
constexpr double kCliticPenalty = 0.03;
// Score of a gazetteer match (CLDR says the query and an entry spelling name the same place: الهند /
// India). Below a normalized match: the gazetteer may list two places for one name (عمان).
constexpr double kGazetteerScore = 0.97;
// A query naming one word of a longer entry name ("Stoltenberg" for "Jens Stoltenberg") scores its
// word similarity times this: a full-name match of the same quality ranks first.
constexpr double kPartialNameFactor = 0.97;
// A query longer than the entry name ("جمهورية الكونغو" for "الكونغو") is weaker evidence: the extra
// words may name something else. Set on the train half of names-dev variants.
constexpr double kPartialQueryFactor = 0.92;
// Consonant keys shorter than this are not indexed; keys at least kMinKeyForDeletions long also index
// their one-deletion neighbours (a two-letter neighbour of a three-letter key still selects well
// enough: see bench/bench_names.cpp for the candidate counts at 100k entries).
constexpr size_t kMinIndexedKey = 1;
constexpr size_t kMinKeyForDeletions = 3;
// Words shorter than this (in symbols) are particles (al, bin, de) and get no word-level keys.
constexpr size_t kMinWordSymbols = 3;

bool IsArabicText(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0xFB50 && c <= 0xFDFF) ||
        (c >= 0xFE70 && c <= 0xFEFF))
      return true;
  }
  return false;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// English normalized form: case-folded, without spaces, hyphens, apostrophes and dots
// ("Al-Sarraj" = "al sarraj" = "alsarraj").
std::string EnglishNorm(std::string_view s) {
  const std::string k = text::Normalizer::Get().Key(s, Lang::kEn);
  std::string out;
  for (char c : k)
    if (c != ' ' && c != '-' && c != '\'' && c != '.') out += c;
  return out;
}

struct NormForm {
  std::string text;
  int clitics;
};

std::vector<NormForm> ArabicNormForms(std::string_view s) {
  std::vector<NormForm> out;
  const std::string k = text::Normalizer::Get().Key(s, Lang::kAr);
  if (k.empty()) return out;
  for (const CliticAnalysis& a : ProcliticAnalyses(k)) out.push_back({a.stem, a.clitics});
  return out;
}

std::string ConsKey(std::string_view word, bool arabic) {
  return arabic ? internal::KeyOfSymbols(internal::ArabicSymbols(word))
                : internal::KeyOfSymbols(internal::EnglishSymbols(word));
}

void AddConsKeys(const std::string& key, const std::string& variant, std::vector<LookupKey>* out) {
  if (key.size() < kMinIndexedKey) return;
  out->push_back({"cons", key, variant});
  if (key.size() < kMinKeyForDeletions) return;
  for (size_t i = 0; i < key.size(); ++i) {
    std::string d = key.substr(0, i) + key.substr(i + 1);
    out->push_back({"cons", d, variant});
  }
}

// Consonant keys of a name: the whole name, and each word of a multi-word name. Arabic words also
// give the keys of their clitic analyses (a query may carry و/ب/ل, an entry may carry ال).
void NameKeys(std::string_view name, std::vector<LookupKey>* out) {
  const bool arabic = IsArabicText(name);
  const std::string variant(name);
  const std::vector<std::string_view> words = Words(name);
  auto word_keys = [&](std::string_view w) {
    if (!arabic) {
      AddConsKeys(ConsKey(w, false), variant, out);
      return;
    }
    for (const CliticAnalysis& a : ProcliticAnalyses(w)) AddConsKeys(ConsKey(a.stem, true), variant, out);
  };
  if (words.size() > 1) {
    std::string joined;
    for (std::string_view w : words) joined += w;
    word_keys(joined);
    for (std::string_view w : words) {
      const size_t n = arabic ? internal::ArabicSymbols(w).size() : internal::EnglishSymbols(w).size();
      if (n >= kMinWordSymbols) word_keys(w);
    }
  } else if (!words.empty()) {
    word_keys(words[0]);
  }
}

void Dedupe(std::vector<LookupKey>* keys) {
  std::unordered_set<std::string> seen;
  std::vector<LookupKey> out;
  for (auto& k : *keys)
    if (seen.insert(k.kind + '\t' + k.key).second) out.push_back(std::move(k));
  *keys = std::move(out);
}

std::string Join(const std::vector<std::string_view>& w, size_t from, size_t n) {
  std::string s;
  for (size_t i = from; i < from + n; ++i) {
    if (!s.empty()) s += ' ';
    s += w[i];
  }
  return s;
}

// Calls fn(query_part, name_part, factor) for the whole query against the whole name, and, when one
// has more words than the other, for the shorter against every window of as many words in the
// longer ("Stoltenberg" in "Jens Stoltenberg"; "الولايات المتحدة" in "الولايات المتحدة الأمريكية").
template <typename Fn>
void ForEachAlignment(std::string_view query, std::string_view name, Fn fn) {
  fn(std::string(query), std::string(name), 1.0);
  const std::vector<std::string_view> qw = Words(query), nw = Words(name);
  if (qw.empty() || nw.empty() || qw.size() == nw.size()) return;
  if (qw.size() < nw.size()) {
    const std::string q(query);
    for (size_t i = 0; i + qw.size() <= nw.size(); ++i) fn(q, Join(nw, i, qw.size()), kPartialNameFactor);
    // First and last name without the middle ones ("محمد سيالة" for "محمد الطاهر سيالة").
    if (qw.size() == 2 && nw.size() > 2) fn(q, std::string(nw.front()) + " " + std::string(nw.back()), kPartialNameFactor);
  } else {
    const std::string n(name);
    for (size_t i = 0; i + nw.size() <= qw.size(); ++i) fn(Join(qw, i, nw.size()), n, kPartialQueryFactor);
  }
}

// The score a match is accepted on: a query naming one word of a longer name is ranked under a full-name
// match (kPartialNameFactor) but accepted on its similarity (an unseen spelling of a surname is the
// common lookup); a query longer than the name is weaker evidence and is also accepted on the lowered
// score.
double AcceptScore(double sim, double factor) { return factor == kPartialNameFactor ? sim : factor * sim; }

// Best transliteration similarity of an Arabic query to an entry (ranking score; *accept: the score to
// compare with the threshold).
double ArabicQueryScore(std::string_view q, const GlossaryEntry& e, std::string* matched, double* accept) {
  const NameMatcher& m = NameMatcher::Get();
  double best = 0.0;
  auto consider = [&](double sim, double factor, const std::string& what) {
    const double s = factor * sim;
    if (s > best) {
      best = s;
      *accept = AcceptScore(sim, factor);
      *matched = what;
    }
  };
  for (const TermVariant& v : e.arabic) {
    ForEachAlignment(q, v.text, [&](const std::string& a, const std::string& b, double factor) {
      consider(m.MatchArabicStem(a, b), factor, v.text);
    });
  }
  auto english = [&](const std::string& en) {
    ForEachAlignment(q, en, [&](const std::string& a, const std::string& b, double factor) {
      consider(m.MatchName(a, b), factor, en);
    });
  };
  if (!e.english.empty()) english(e.english);
  for (const TermVariant& v : e.english_variants) english(v.text);
  return best;
}

double EnglishQueryScore(std::string_view q, const GlossaryEntry& e, std::string* matched, double* accept) {
  const NameMatcher& m = NameMatcher::Get();
  double best = 0.0;
  auto consider = [&](double sim, double factor, const std::string& what) {
    const double s = factor * sim;
    if (s > best) {
      best = s;
      *accept = AcceptScore(sim, factor);
      *matched = what;
    }
  };
  auto english = [&](const std::string& en) {
    ForEachAlignment(q, en, [&](const std::string& a, const std::string& b, double factor) {
      consider(m.MatchEnglish(a, b), factor, en);
    });
  };
  if (!e.english.empty()) english(e.english);
  for (const TermVariant& v : e.english_variants) english(v.text);
  for (const TermVariant& v : e.arabic) {
    ForEachAlignment(q, v.text, [&](const std::string& a, const std::string& b, double factor) {
      consider(m.MatchName(b, a), factor, v.text);
    });
  }
  return best;
}

}  // namespace

double DefaultLookupThreshold() { return kLookupThreshold; }

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact: return "exact";
    case MatchKind::kNormalized: return "normalized";
    case MatchKind::kTransliteration: return "transliteration";
    case MatchKind::kGazetteer: return "gazetteer";
  }
  return "transliteration";
}

std::vector<std::string> NormalizedForms(std::string_view name) {
  std::vector<std::string> out;
  if (IsArabicText(name)) {
    for (const NormForm& f : ArabicNormForms(name)) out.push_back(f.text);
  } else {
    const std::string n = EnglishNorm(name);
    if (!n.empty()) out.push_back(n);
  }
  return out;
}

std::vector<LookupKey> EntryKeys(const GlossaryEntry& entry) {
  std::vector<LookupKey> keys;
  auto add = [&](const std::string& name) {
    if (name.empty()) return;
    for (const std::string& n : NormalizedForms(name)) keys.push_back({"norm", n, name});
    NameKeys(name, &keys);
  };
  add(entry.english);
  for (const TermVariant& v : entry.english_variants) add(v.text);
  for (const TermVariant& v : entry.arabic) add(v.text);
  Dedupe(&keys);
  return keys;
}

std::vector<LookupKey> QueryKeys(std::string_view query) {
  std::vector<LookupKey> keys;
  for (const std::string& n : NormalizedForms(query)) keys.push_back({"norm", n, std::string(query)});
  // CLDR counterparts (الهند -> India): an entry may hold only the other language's spelling.
  const Gazetteer& g = Gazetteer::Get();
  for (const std::string& x : IsArabicText(query) ? g.EnglishFor(query) : g.ArabicFor(query))
    for (const std::string& n : NormalizedForms(x)) keys.push_back({"norm", n, x});
  NameKeys(query, &keys);
  Dedupe(&keys);
  return keys;
}

std::optional<LookupHit> ScoreEntry(std::string_view query, const GlossaryEntry& entry, double threshold) {
  LookupHit hit;
  const bool arabic = IsArabicText(query);
  // Exact and normalized matches first.
  auto all_spellings = [&](auto fn) {
    if (!entry.english.empty()) fn(entry.english);
    for (const TermVariant& v : entry.english_variants) fn(v.text);
    for (const TermVariant& v : entry.arabic) fn(v.text);
  };
  bool exact = false;
  all_spellings([&](const std::string& s) {
    if (!exact && s == query) {
      exact = true;
      hit.matched = s;
    }
  });
  if (exact) {
    hit.score = 1.0;
    hit.how = MatchKind::kExact;
    return hit;
  }
  double norm_score = -1.0;
  if (arabic) {
    const std::vector<NormForm> qf = ArabicNormForms(query);
    for (const TermVariant& v : entry.arabic) {
      const std::vector<NormForm> vf = ArabicNormForms(v.text);
      for (const NormForm& a : qf)
        for (const NormForm& b : vf)
          if (a.text == b.text) {
            const double s = kNormalizedScore - kCliticPenalty * (a.clitics + b.clitics);
            if (s > norm_score) {
              norm_score = s;
              hit.matched = v.text;
            }
          }
    }
  } else {
    const std::string qn = EnglishNorm(query);
    auto check = [&](const std::string& en) {
      if (!en.empty() && EnglishNorm(en) == qn && kNormalizedScore > norm_score) {
        norm_score = kNormalizedScore;
        hit.matched = en;
      }
    };
    check(entry.english);
    for (const TermVariant& v : entry.english_variants) check(v.text);
  }
  // The gazetteer: the query's CLDR counterpart is one of the entry's spellings.
  if (kGazetteerScore > norm_score) {
    const Gazetteer& g = Gazetteer::Get();
    if (arabic) {
      std::vector<std::string> en = g.EnglishFor(query);
      for (const std::string& x : en) {
        const std::string xn = EnglishNorm(x);
        auto check = [&](const std::string& s) {
          if (!s.empty() && EnglishNorm(s) == xn) {
            norm_score = kGazetteerScore;
            hit.matched = s;
            hit.how = MatchKind::kGazetteer;
          }
        };
        check(entry.english);
        for (const TermVariant& v : entry.english_variants) check(v.text);
      }
    } else {
      for (const std::string& x : g.ArabicFor(query)) {
        const std::string xn = text::Normalizer::Get().Key(x, Lang::kAr);
        for (const TermVariant& v : entry.arabic) {
          for (const NormForm& f : ArabicNormForms(v.text)) {
            if (f.text == xn) {
              norm_score = kGazetteerScore;
              hit.matched = v.text;
              hit.how = MatchKind::kGazetteer;
            }
          }
        }
      }
    }
  }
  // Equal after normalization (or through CLDR) is the stronger claim: it is what the hit reports even
  // when the transliteration score of the same spellings comes out higher (a case-folded English query
  // scores 1.0 by transliteration).
  if (norm_score >= threshold) {
    hit.score = norm_score;
    if (hit.how != MatchKind::kGazetteer) hit.how = MatchKind::kNormalized;
    return hit;
  }
  std::string matched;
  double accept = 0.0;
  const double translit = arabic ? ArabicQueryScore(query, entry, &matched, &accept)
                                 : EnglishQueryScore(query, entry, &matched, &accept);
  if (accept < threshold) return std::nullopt;
  hit.score = translit;
  hit.how = MatchKind::kTransliteration;
  hit.matched = matched;
  return hit;
}

std::vector<LookupHit> RankEntries(std::string_view query, const std::vector<const GlossaryEntry*>& candidates,
                                   int limit, double threshold) {
  std::vector<LookupHit> hits;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (auto h = ScoreEntry(query, *candidates[i], threshold)) {
      h->entry = i;
      hits.push_back(std::move(*h));
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const LookupHit& a, const LookupHit& b) {
    return a.score > b.score;
  });
  if (limit > 0 && hits.size() > static_cast<size_t>(limit)) hits.resize(static_cast<size_t>(limit));
  return hits;
}

void GlossaryIndex::Add(const std::vector<GlossaryEntry>& entries) {
  for (const GlossaryEntry& e : entries) Add(e);
}

void GlossaryIndex::Add(GlossaryEntry entry) {
  const uint32_t i = static_cast<uint32_t>(entries_.size());
  for (const LookupKey& k : EntryKeys(entry)) keys_[k.kind + '\t' + k.key].push_back(i);
  entries_.push_back(std::move(entry));
}

std::vector<size_t> GlossaryIndex::Candidates(std::string_view query) const {
  std::vector<size_t> out;
  for (const LookupKey& k : QueryKeys(query)) {
    auto it = keys_.find(k.kind + '\t' + k.key);
    if (it == keys_.end()) continue;
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<LookupHit> GlossaryIndex::Lookup(std::string_view query, int limit, double threshold) const {
  const std::vector<size_t> cand = Candidates(query);
  std::vector<const GlossaryEntry*> ptrs;
  ptrs.reserve(cand.size());
  for (size_t i : cand) ptrs.push_back(&entries_[i]);
  std::vector<LookupHit> hits = RankEntries(query, ptrs, limit, threshold);
  for (LookupHit& h : hits) h.entry = cand[h.entry];
  return hits;
}

}  // namespace nazir::names
