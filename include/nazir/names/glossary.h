// Glossary of names: mining entries from aligned sentence pairs, and looking entries up from any
// spelling.
//
// Mining: English candidate names (capitalized spans with their particles: al-, bin, de, Di, ...) are
// linked to Arabic spans of 1-4 tokens in the counterpart sentence by name similarity (NameMatcher),
// the CLDR gazetteer, word translation for names Arabic translates (MiningOptions::translator: a bag
// of content words covered on both sides, البيت الأبيض White House) and co-occurrence over all pairs;
// links are kept when mutual-best; Arabic spellings
// linked to the same English name are folded into one entry (never two spellings linked to different
// English names); headwords by frequency; PER/LOC/ORG where the evidence says so.
//
//   std::vector<nazir::names::AlignedPair> pairs = {{"قال ستولتنبرغ ...", "Stoltenberg said ...", "doc1", 0}};
//   std::vector<nazir::GlossaryEntry> g = nazir::names::MineGlossary(pairs);
//
// Lookup: a query in Arabic or English, any spelling, with or without clitics, scored against entries;
// each hit says how it matched. Unrelated names score under the threshold and return nothing. A store
// keeps EntryKeys() of every entry in an indexed table and probes it with QueryKeys() to fetch the few
// candidates, then ranks them with RankEntries(); GlossaryIndex does the same in memory.
//
//   nazir::names::GlossaryIndex index;
//   index.Add(g);
//   for (const auto& hit : index.Lookup("لستلولتنبرج", 5)) { ... hit.entry, hit.score, hit.how ... }
#ifndef NAZIR_NAMES_GLOSSARY_H_
#define NAZIR_NAMES_GLOSSARY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nazir/model/glossary.h"

namespace nazir::names {

// ---- mining ------------------------------------------------------------------------------------------

// One aligned sentence pair (a bead's two sides, sentences joined with a space).
struct AlignedPair {
  std::string arabic;
  std::string english;
  std::string doc_id;
  int sentence = 0;  // index of the pair in its document; sources read "doc_id:sentence"
};

// A bilingual lexicon seen word by word, for mining names Arabic translates word by word.
//
//   class MyLexicon : public nazir::names::WordTranslator { ... };  // EnglishKey, EnglishKeys
//   nazir::names::MiningOptions o;
//   o.translator = std::make_shared<MyLexicon>();
class WordTranslator {
 public:
  virtual ~WordTranslator() = default;
  // The key the lexicon files an English word (one word as written) under, e.g. its stem ("Ministries"
  // -> "ministri"); empty when the lexicon does not have it: a word of a name it does not know
  // (Kirchner, Pittsburgh) must be matched by transliteration or the gazetteer.
  virtual std::string EnglishKey(std::string_view english) const = 0;
  // The keys of the English words the lexicon translates `arabic` by: one word, conjunction and
  // preposition proclitics already split off by the miner, the article and suffixes possibly still on it.
  virtual std::vector<std::string> EnglishKeys(std::string_view arabic) const = 0;
};

// Knobs of MineGlossary; the defaults are what the tests and the CLI use.
struct MiningOptions {
  // Keep an entry only if its English name was linked at least this many times.
  int min_count = 1;
  // Minimum name-similarity score for a transliteration link (gazetteer and co-occurrence links
  // have their own evidence). 0 = the built-in default (kDefaultLinkThreshold in glossary.cpp).
  double min_link_score = 0.0;
  // Word-translation knowledge for names Arabic translates rather than transliterates (البيت الأبيض
  // White House, مجلس الأمن Security Council, القرن الأفريقي Horn of Africa). Null (the default): names
  // are linked by transliteration, the gazetteer and co-occurrence only. corpus::BuildGlossary supplies
  // one backed by the FreeDict lexicon the aligner loads.
  std::shared_ptr<const WordTranslator> translator;
};

// Mines glossary entries from aligned pairs. Entries come out most frequent first, ids 1..n.
std::vector<GlossaryEntry> MineGlossary(const std::vector<AlignedPair>& pairs,
                                        const MiningOptions& options = {});

// A capitalized English name span found in a sentence (exposed for tests and the aligner).
struct NameSpan {
  std::string text;   // "Jens Stoltenberg", "Fayez al-Sarraj"
  size_t begin = 0;   // byte offsets in the sentence
  size_t end = 0;
  std::string type;   // PER/LOC/ORG when a neighbouring title or keyword says so, else ""
};

// Capitalized spans of an English sentence, with inner particles (al-, bin, de, Di, van, of ...).
// The sentence-initial word counts only when it is not a common function word.
std::vector<NameSpan> EnglishNameSpans(std::string_view english);

// ---- lookup ------------------------------------------------------------------------------------------

// Default acceptance threshold of a lookup score (0..1). Tuned on the train half of names-dev
// variants (tests/names/names_eval.cpp) for a false-positive rate under 5%.
double DefaultLookupThreshold();

// How a hit matched: the spelling as stored, the same after normalization (hamza, ta marbuta,
// harakat, clitics, case), by transliteration similarity, or through the CLDR gazetteer (an exonym:
// الهند for India).
enum class MatchKind { kExact, kNormalized, kTransliteration, kGazetteer };

// "exact", "normalized", "transliteration", "gazetteer".
std::string_view MatchKindName(MatchKind kind);

// One entry matching a query.
struct LookupHit {
  size_t entry = 0;     // index into the candidates given (or into the GlossaryIndex)
  double score = 0.0;   // 0..1, 1 = the same spelling
  MatchKind how = MatchKind::kTransliteration;
  std::string matched;  // the entry's spelling that matched best
};

// An index key of an entry or a probe of a query. kind "norm": normalized spelling (Arabic without
// proclitics); kind "cons": a consonant-class key or a one-deletion neighbour of one (symmetric-delete
// index: a probe finds every entry whose key is within one edit); kind "vow": the phonetic symbols of a
// word with no consonant-class letter (آية, Aya), which has no consonant key.
struct LookupKey {
  std::string kind;
  std::string key;
  std::string variant;  // the spelling that produced it
  bool operator==(const LookupKey& o) const { return kind == o.kind && key == o.key; }
};

// The normalized spelling a "norm" key holds: Arabic -> text::Normalizer key with the proclitics of
// the first word stripped (every analysis gives one key); English -> case-folded.
std::vector<std::string> NormalizedForms(std::string_view name);

// Keys to store for an entry: every Arabic and English spelling, whole and word by word.
std::vector<LookupKey> EntryKeys(const GlossaryEntry& entry);

// Keys to probe for a query (any of them hitting an entry key makes the entry a candidate).
std::vector<LookupKey> QueryKeys(std::string_view query);

// A query analysed once for scoring many entries: its normalized forms, CLDR counterparts, clitic
// analyses, phonetic symbols and keys (of the whole query and of every run of its words). Scoring
// with it gives the same results as scoring with the query text. Cheap to copy; immutable, so it may
// be shared between threads.
//
//   const nazir::names::PreparedQuery q("لستلولتنبرج");
//   for (const GlossaryEntry* e : candidates) if (auto hit = ScoreEntry(q, *e)) ...
class PreparedQuery {
 public:
  explicit PreparedQuery(std::string_view query);

  // The query as given.
  const std::string& text() const;
  // True when the query is Arabic (scored against Arabic spellings by Arabic-Arabic similarity and
  // against English ones by transliteration), false for English.
  bool arabic() const;

  struct Impl;  // defined in glossary_lookup.cpp
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

// Scores one entry against a query; nullopt when under `threshold` (but a transliteration match of an
// Arabic query a little under it is kept when LookupLogOdds is high).
std::optional<LookupHit> ScoreEntry(std::string_view query, const GlossaryEntry& entry,
                                    double threshold = DefaultLookupThreshold());
std::optional<LookupHit> ScoreEntry(const PreparedQuery& query, const GlossaryEntry& entry,
                                    double threshold = DefaultLookupThreshold());

// Evidence, in nats, that an Arabic query names the entry: the learned pair models' log-likelihood ratio of
// the query against the entry's best Arabic spelling plus that against its best English name (matcher.h
// ArabicLogOdds, ArabicEnglishLogOdds). ScoreEntry accepts a transliteration match a little under the
// threshold when this is high. 0 for an English query.
double LookupLogOdds(const PreparedQuery& query, const GlossaryEntry& entry);

// ScoreEntry by transliteration alone, without the exact, normalized and gazetteer checks: for a
// candidate that an index reached through consonant keys only, which therefore shares no normalized
// form with the query (every normalized form of an entry is one of its "norm" keys).
std::optional<LookupHit> ScoreTransliteration(const PreparedQuery& query, const GlossaryEntry& entry,
                                              double threshold = DefaultLookupThreshold());

// Scores `candidates` against a query, best first, at most `limit` hits (limit <= 0: all); hit.entry
// indexes `candidates`.
std::vector<LookupHit> RankEntries(std::string_view query,
                                   const std::vector<const GlossaryEntry*>& candidates, int limit,
                                   double threshold = DefaultLookupThreshold());
std::vector<LookupHit> RankEntries(const PreparedQuery& query,
                                   const std::vector<const GlossaryEntry*>& candidates, int limit,
                                   double threshold = DefaultLookupThreshold());

// An in-memory glossary with a key index (what a store does with an SQL index).
class GlossaryIndex {
 public:
  // Adds entries (copied); their positions continue from size().
  void Add(const std::vector<GlossaryEntry>& entries);
  void Add(GlossaryEntry entry);

  size_t size() const { return entries_.size(); }
  const GlossaryEntry& entry(size_t i) const { return entries_[i]; }

  // The entries matching `query`, best first (hit.entry indexes this index). Empty when nothing is
  // close enough.
  std::vector<LookupHit> Lookup(std::string_view query, int limit,
                                double threshold = DefaultLookupThreshold()) const;

  // Candidates a query's keys reach (before scoring); exposed for the benchmark.
  std::vector<size_t> Candidates(std::string_view query) const;

 private:
  std::vector<GlossaryEntry> entries_;
  std::unordered_map<std::string, std::vector<uint32_t>> keys_;  // kind + '\t' + key -> entries
};

}  // namespace nazir::names

#endif  // NAZIR_NAMES_GLOSSARY_H_
