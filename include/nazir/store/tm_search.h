// TM lookup (CAT-style fuzzy matches) and concordance over a Store.
//
// Match percentage, exactly:
//   1. Both segments are tokenized with nazir::text::Tokenize in their language (Arabic when the text
//      holds an Arabic letter, else English, unless the caller says); the word and number tokens' keys
//      (Normalizer keys: case, diacritics, alef/ya/ta-marbuta forms, digits folded) are the sequence.
//      Punctuation tokens are not part of the sequence.
//   2. d = Levenshtein distance between the two sequences, counting tokens (insert, delete, substitute:
//      cost 1 each).
//   3. match = floor(100 * (1 - d / max(n, m))) for sequences of n and m tokens.
//   4. 100 is kept for segments whose full key sequence, punctuation included, is identical; a segment
//      that differs only in punctuation gets 99 (the translator still has to look at it).
//   So "The minister arrived in Tripoli on Monday" against "The minister arrived in Benghazi on Monday"
//   is 1 substitution in 7 tokens: floor(100 * 6/7) = 85.
//
// Candidate retrieval never scans the TM: each side has an inverted index of its word keys (the store's
// own, src/store/posting_index.h: a term's TU ids, read with one key probe per index segment). Since a
// candidate with match >= t% must contain all but at most floor((1 - t/100) * n) of the query's n tokens,
// any such candidate contains at least one of the query's floor((1 - t/100) * n) + 1 rarest tokens
// (document frequency from the index): those postings are fetched first, a few more rare tokens rank
// them, and only the best-ranked `max_candidates` are scored exactly.
//
// Concordance finds a phrase inside segments, comparing word keys (punctuation ignored): a segment
// matches where its words hold the phrase's words in order and adjacent, the first phrase word being a
// whole word or what is left of one once an Arabic proclitic is off (طرابلس in بطرابلس, السراج in
// والسراج), the last phrase word possibly the beginning of a longer word (minister in ministers; a
// one-word phrase likewise). Retrieval is the same word index: the first word and the middle words as
// terms, the last as a prefix (proclitic stems are indexed as terms of their own); each candidate is
// then checked against the rule and the hit mapped back to byte offsets of whole tokens in the
// original text. Substrings inside a word ("ripol" in Tripoli) are not found: an FTS5 trigram index
// would find them, but measured when the word index was itself FTS5 (400k-TU synthetic store,
// scripts/bench_tm.sh, then bulk INSERT ... SELECT into each kind of index) it is 4x the size of the word
// index on English (54 MB vs 13 MB) and 2.3x on Arabic even against words + proclitic stems (55 MB vs
// 24 MB), takes 1.6x (English) and 2.7x (Arabic) the CPU time to build, and with detail=none cannot
// answer phrase queries at all (detail=full, which can, is bigger still).
//
//   nazir::store::LookupOptions opt;
//   opt.min_match = 70;
//   auto matches = nazir::store::Lookup(**store, "وصل الوزير إلى طرابلس يوم الاثنين", opt);
//   for (const auto& m : *matches) printf("%d%% %s\n", m.score, m.target_text.c_str());
#ifndef NAZIR_STORE_TM_SEARCH_H_
#define NAZIR_STORE_TM_SEARCH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nazir/base/lang.h"
#include "nazir/base/status.h"
#include "nazir/store/store.h"

namespace nazir::store {

// The language of a query: Arabic if `text` holds an Arabic-script letter, else English.
Lang GuessLang(std::string_view text);

// The match percentage (0..100) between two segments of the same language, as defined above.
int MatchPercent(std::string_view a, std::string_view b, Lang lang);

struct LookupOptions {
  int min_match = 70;   // percent; matches below are dropped (70-75 is what CAT tools use)
  int limit = 10;       // at most this many matches, best first
  std::optional<Lang> lang;  // the query's language; guessed from the script when unset
  // How many ranked candidates are scored exactly. 500 keeps p99 latency low on a 400k-TU store
  // (scripts/bench_tm.sh) while recall of >= 70% matches stayed complete on the benchmark queries.
  int max_candidates = 500;
};

// One fuzzy match.
struct TmMatch {
  int64_t tu_id = 0;
  int score = 0;                 // match percentage
  Lang lang = Lang::kAr;         // the query's language (source_text is in it)
  std::string source_text;       // the stored segment in the query's language
  std::string target_text;       // the other language's segment (the translation)
  std::string target_lang;       // its language tag as stored (en, en-US, ar...)
  int count = 0;                 // occurrences of the TU
  std::optional<double> confidence;
};

// Fuzzy matches of `sentence` against the side of the TM in its language, best first (score, then
// count, then newest). Empty when nothing reaches min_match.
StatusOr<std::vector<TmMatch>> Lookup(Store& store, std::string_view sentence, const LookupOptions& options);

struct ConcordanceOptions {
  int limit = 20;                // at most this many hits (newest TUs first)
  std::optional<Lang> lang;      // the phrase's language; guessed from the script when unset
};

// One segment containing the phrase.
struct ConcordanceHit {
  int64_t tu_id = 0;
  Lang lang = Lang::kAr;         // the language of `text` (the phrase's)
  std::string text;              // the segment holding the phrase (original text)
  size_t hit_begin = 0;          // byte offsets of the marked hit in `text` (whole tokens)
  size_t hit_end = 0;
  std::string other_text;        // the other language's segment
  int count = 0;
};

// Segments containing `phrase` (compared on keys: case, diacritics and letter variants folded; the rule
// above), newest first.
StatusOr<std::vector<ConcordanceHit>> Concordance(Store& store, std::string_view phrase,
                                                  const ConcordanceOptions& options);

// One statement that Lookup() or Concordance() runs, with SQLite's plan for it (EXPLAIN QUERY PLAN
// detail lines, e.g. "SEARCH tu USING INTEGER PRIMARY KEY (rowid=?)", "SEARCH tu_index_block USING
// PRIMARY KEY (side=? AND seg=? AND first_term<?)").
struct QueryPlan {
  std::string sql;
  std::vector<std::string> steps;
};

// The plans of every statement of lookup and concordance, both languages: what tests check to make sure
// retrieval never scans a table (only rowid and key probes, and a read of the word index's short list of
// segments).
StatusOr<std::vector<QueryPlan>> ExplainSearch(Store& store);

}  // namespace nazir::store

#endif  // NAZIR_STORE_TM_SEARCH_H_
