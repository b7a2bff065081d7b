#include "nazir/store/tm_search.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "nazir/text/tokenize.h"
#include "posting_index.h"
#include "tu_keys.h"

namespace nazir::store {
namespace {

using internal::FtsTerm;
using internal::SplitKeys;
using internal::WordKeys;

// Postings read per lookup before retrieval stops widening (a bound on its time: scripts/bench_tm.sh). Queries made only of very common words hit it; their rarest
// words are still read first.
constexpr int64_t kPostingBudget = 200000;

// Concordance candidates few enough to check one by one rather than intersect further (each check is a
// row read and a word comparison, a few microseconds): below kMaxConcordanceChecks, so the hits do not
// change.
constexpr size_t kFewCandidates = 1000;

// Concordance candidates checked per query at most (each is a row read and a word comparison).
constexpr int kMaxConcordanceChecks = 20000;

// The per-language pieces of SQL.
struct Side {
  internal::IndexSide index;  // the word index side
  const char* words;   // tu column with the word keys
  const char* count;   // tu column with the word count
  const char* text;    // tu column with the text
  const char* other_text;
  const char* other_lang;
};

const Side& SideOf(Lang lang) {
  static const Side kAr{internal::IndexSide::kAr, "ar_words", "ar_n", "ar_text", "en_text", "en_lang"};
  static const Side kEn{internal::IndexSide::kEn, "en_words", "en_n", "en_text", "ar_text", "ar_lang"};
  return lang == Lang::kAr ? kAr : kEn;
}

// The SQL of the tu statements Lookup() and Concordance() run, per side (ExplainSearch() shows their
// plans, with the word index's own: internal::PostingReader::Sql()).
struct SearchSql {
  std::string max_id;      // the largest TU id (N for the idf)
  std::string words;       // a candidate's word keys (by rowid)
  std::string detail;      // a match's texts (by rowid)
  std::string phrase_row;  // a concordance candidate's words and texts (by rowid)
};

SearchSql SqlOf(const Side& side) {
  SearchSql q;
  q.max_id = "SELECT max(id) FROM tu";
  q.words = std::string("SELECT ") + side.words + ", " + side.count + ", count FROM tu WHERE id = ?1";
  q.detail = std::string("SELECT ") + side.text + ", " + side.other_text + ", " + side.other_lang +
             ", count, confidence FROM tu WHERE id = ?1";
  q.phrase_row = std::string("SELECT ") + side.words + ", " + side.text + ", " + side.other_text +
                 ", count FROM tu WHERE id = ?1";
  return q;
}

// All token keys of `text`, punctuation included: two segments with equal sequences are identical for
// a translator.
std::vector<std::string> AllKeys(std::string_view text, Lang lang) {
  std::vector<std::string> keys;
  for (text::Token& t : text::Tokenize(text, lang)) keys.push_back(std::move(t.key));
  return keys;
}

// floor(100 * (1 - d / max(n, m))) in integers.
int Percent(int distance, size_t n, size_t m) {
  const auto longest = static_cast<int>(std::max(n, m));
  if (longest == 0) return 100;
  return (100 * (longest - distance)) / longest;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// `word` begins with `p`, itself or once an Arabic proclitic is off.
bool BeginsWith(std::string_view word, std::string_view p, Lang lang) {
  if (StartsWith(word, p)) return true;
  for (const std::string& stem : internal::ProcliticStems(word, lang)) {
    if (StartsWith(stem, p)) return true;
  }
  return false;
}

bool EqualsForm(std::string_view word, std::string_view p, Lang lang) {
  if (word == p) return true;
  for (const std::string& stem : internal::ProcliticStems(word, lang)) {
    if (stem == p) return true;
  }
  return false;
}

// Index of the first word where `phrase` matches in `words` (concordance rule in tm_search.h), or -1.
int FindPhrase(const std::vector<std::string_view>& words, const std::vector<std::string>& phrase, Lang lang) {
  const size_t k = phrase.size();
  if (k == 0 || words.size() < k) return -1;
  for (size_t i = 0; i + k <= words.size(); ++i) {
    if (k == 1) {
      if (BeginsWith(words[i], phrase[0], lang)) return static_cast<int>(i);
      continue;
    }
    if (!EqualsForm(words[i], phrase[0], lang)) continue;
    bool ok = true;
    for (size_t j = 1; j + 1 < k && ok; ++j) ok = words[i + j] == phrase[j];
    if (ok && StartsWith(words[i + k - 1], phrase[k - 1])) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

Lang GuessLang(std::string_view text) {
  int32_t i = 0;
  const auto len = static_cast<int32_t>(text.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(text.data(), i, len, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) == USCRIPT_ARABIC && U_SUCCESS(status)) return Lang::kAr;
  }
  return Lang::kEn;
}

int MatchPercent(std::string_view a, std::string_view b, Lang lang) {
  const std::vector<std::string> ka = WordKeys(a, lang);
  const std::vector<std::string> kb = WordKeys(b, lang);
  const std::vector<std::string_view> va(ka.begin(), ka.end());
  const std::vector<std::string_view> vb(kb.begin(), kb.end());
  const int d = internal::TokenEditDistance(va, vb);
  const int score = Percent(d, va.size(), vb.size());
  if (score == 100 && AllKeys(a, lang) != AllKeys(b, lang)) return 99;
  return score;
}

StatusOr<std::vector<TmMatch>> Lookup(Store& store, std::string_view sentence, const LookupOptions& options) {
  if (options.min_match < 0 || options.min_match > 100) {
    return InvalidArgumentError("--min-match must be between 0 and 100");
  }
  if (options.limit < 1) return InvalidArgumentError("--limit must be at least 1");
  const Lang lang = options.lang.value_or(GuessLang(sentence));
  const Side& side = SideOf(lang);
  Database& db = store.db();
  ReadTransaction snapshot(db);  // the segment list and the blocks probed from one state of the index
  std::vector<TmMatch> out;

  const std::vector<std::string> query = WordKeys(sentence, lang);
  const size_t n = query.size();
  if (n == 0) return out;
  std::vector<std::string_view> qv(query.begin(), query.end());

  // Distinct terms with how many query positions each covers, and their document frequencies.
  struct Term {
    std::string fts;
    int positions = 0;
    int64_t df = 0;
  };
  std::vector<Term> terms;
  {
    std::unordered_map<std::string, size_t> at;
    for (const std::string& k : query) {
      std::string t = FtsTerm(k);
      auto [it, fresh] = at.emplace(t, terms.size());
      if (fresh) terms.push_back({std::move(t), 0, 0});
      ++terms[it->second].positions;
    }
  }
  const SearchSql sql = SqlOf(side);
  internal::PostingReader index(db);
  for (Term& t : terms) {
    StatusOr<int64_t> df = index.DocFreq(side.index, t.fts);
    if (!df.ok()) return df.status();
    t.df = *df;
  }
  std::stable_sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) { return a.df < b.df; });

  // A match >= t% leaves at most n - ceil(t n / 100) query positions unmatched, so it holds one of any
  // n - ceil(t n / 100) + 1 positions: take them from the rarest terms (all of them must be read).
  const auto nn = static_cast<int64_t>(n);
  const int64_t must_cover = std::min<int64_t>(nn, nn - (options.min_match * nn + 99) / 100 + 1);
  StatusOr<int64_t> max_id = db.QueryInt(sql.max_id);
  if (!max_id.ok()) return max_id.status();
  const double total = static_cast<double>(*max_id) + 1.0;

  std::unordered_map<int64_t, double> weight;
  std::vector<int64_t> ids;
  int64_t covered = 0;
  int64_t read = 0;
  for (const Term& t : terms) {
    if (t.df == 0) {
      covered += t.positions;
      continue;
    }
    const bool required = covered < must_cover;
    if (!required && read + t.df > kPostingBudget) break;
    covered += t.positions;
    // Inverse document frequency (BM25's form): rare words rank candidates most.
    const double idf = std::log((total - static_cast<double>(t.df) + 0.5) / (static_cast<double>(t.df) + 0.5) + 1.0);
    ids.clear();
    NAZIR_RETURN_IF_ERROR(index.Postings(side.index, t.fts, &ids));
    for (const int64_t id : ids) {
      ++read;
      if (required) {
        weight[id] += idf;
      } else {
        auto it = weight.find(id);
        if (it != weight.end()) it->second += idf;
      }
    }
    if (required && read > kPostingBudget && covered >= must_cover) break;
  }

  // The best-ranked candidates, scored exactly.
  std::vector<std::pair<double, int64_t>> ranked;
  ranked.reserve(weight.size());
  for (const auto& [id, w] : weight) ranked.emplace_back(w, id);
  const size_t keep = std::min(ranked.size(), static_cast<size_t>(std::max(1, options.max_candidates)));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second > b.second; });
  ranked.resize(keep);

  struct Scored {
    int64_t id;
    int score;
    int distance;
    int count;
  };
  std::vector<Scored> scored;
  StatusOr<Statement*> words =
      db.Cached(sql.words);
  if (!words.ok()) return words.status();
  for (const auto& [w, id] : ranked) {
    (*words)->Bind(1, id);
    StatusOr<bool> row = (*words)->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      const auto m = static_cast<size_t>((*words)->ColumnInt(1));
      // |n - m| edits at least: skip the DP when even that misses the threshold.
      const int least = static_cast<int>(n > m ? n - m : m - n);
      if (Percent(least, n, m) >= options.min_match) {
        const std::vector<std::string_view> cv = SplitKeys((*words)->ColumnText(0));
        const int d = internal::TokenEditDistance(qv, cv);
        const int score = Percent(d, n, cv.size());
        if (score >= options.min_match) {
          scored.push_back({id, score, d, static_cast<int>((*words)->ColumnInt(2))});
        }
      }
    }
    (*words)->Reset();
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.count != b.count) return a.count > b.count;
    return a.id > b.id;
  });

  StatusOr<Statement*> detail = db.Cached(sql.detail);
  if (!detail.ok()) return detail.status();
  std::vector<std::string> query_all;
  for (const Scored& s : scored) {
    if (static_cast<int>(out.size()) >= options.limit) break;
    (*detail)->Bind(1, s.id);
    StatusOr<bool> row = (*detail)->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      TmMatch m;
      m.tu_id = s.id;
      m.score = s.score;
      m.lang = lang;
      m.source_text = std::string((*detail)->ColumnText(0));
      m.target_text = std::string((*detail)->ColumnText(1));
      m.target_lang = std::string((*detail)->ColumnText(2));
      m.count = static_cast<int>((*detail)->ColumnInt(3));
      m.confidence = (*detail)->ColumnOptionalDouble(4);
      if (s.distance == 0) {
        if (query_all.empty()) query_all = AllKeys(sentence, lang);
        if (AllKeys(m.source_text, lang) != query_all) m.score = 99;
      }
      out.push_back(std::move(m));
    }
    (*detail)->Reset();
  }
  // A 99 demoted from 100 may now sit above a real 100 with a higher count.
  std::stable_sort(out.begin(), out.end(), [](const TmMatch& a, const TmMatch& b) { return a.score > b.score; });
  return out;
}

StatusOr<std::vector<ConcordanceHit>> Concordance(Store& store, std::string_view phrase,
                                                  const ConcordanceOptions& options) {
  if (options.limit < 1) return InvalidArgumentError("--limit must be at least 1");
  const Lang lang = options.lang.value_or(GuessLang(phrase));
  const Side& side = SideOf(lang);
  const std::vector<std::string> p = WordKeys(phrase, lang);
  if (p.empty()) return InvalidArgumentError("the phrase has no words to look for");
  Database& db = store.db();
  ReadTransaction snapshot(db);  // the segment list and the blocks probed from one state of the index

  // Retrieval: the TUs holding the first word as a term (a whole word, or a stem after a proclitic),
  // the middle words exactly and the last word as a prefix (a one-word phrase is a prefix); checked
  // newest first. Whole words are intersected rarest first, and once few candidates are left the other
  // words (the frequent ones, and the prefix, which can span many terms) are left to the check of each
  // candidate: the hits are the same, without decoding long posting lists.
  internal::PostingReader index(db);
  std::vector<std::pair<int64_t, size_t>> whole;  // (document frequency, word), all but the last word
  for (size_t i = 0; i + 1 < p.size(); ++i) {
    StatusOr<int64_t> df = index.DocFreq(side.index, FtsTerm(p[i]));
    if (!df.ok()) return df.status();
    if (*df == 0) return std::vector<ConcordanceHit>{};
    whole.emplace_back(*df, i);
  }
  std::sort(whole.begin(), whole.end());
  std::vector<int64_t> candidates, ids;
  bool any = false;
  auto narrow = [&](std::vector<int64_t>& next) {
    if (!any) {
      candidates.swap(next);
      any = true;
      return;
    }
    std::vector<int64_t> both;
    std::set_intersection(candidates.begin(), candidates.end(), next.begin(), next.end(), std::back_inserter(both));
    candidates.swap(both);
  };
  for (const auto& [df, i] : whole) {
    if (any && candidates.size() <= kFewCandidates) break;
    ids.clear();
    NAZIR_RETURN_IF_ERROR(index.Postings(side.index, FtsTerm(p[i]), &ids));
    narrow(ids);
  }
  if (!any || candidates.size() > kFewCandidates) {
    // The prefix's terms give runs of ascending ids, often millions in all: a bitmap over TU ids takes
    // their union (and its meet with the candidates) in one pass, where sorting them dominated.
    ids.clear();
    NAZIR_RETURN_IF_ERROR(index.PrefixPostings(side.index, FtsTerm(p.back()), &ids));
    int64_t top = 0;
    for (int64_t id : ids) top = std::max(top, id);
    std::vector<uint64_t> hit(static_cast<size_t>(top / 64 + 1), 0);
    auto bit = [](std::vector<uint64_t>& b, int64_t id) -> uint64_t& { return b[static_cast<size_t>(id / 64)]; };
    if (any) {
      std::vector<uint64_t> allowed(hit.size(), 0);
      for (int64_t id : candidates) {
        if (id <= top) bit(allowed, id) |= uint64_t{1} << (id % 64);
      }
      for (int64_t id : ids) bit(hit, id) |= bit(allowed, id) & (uint64_t{1} << (id % 64));
    } else {
      for (int64_t id : ids) bit(hit, id) |= uint64_t{1} << (id % 64);
    }
    candidates.clear();
    for (size_t w = 0; w < hit.size(); ++w) {
      for (uint64_t bits = hit[w]; bits != 0; bits &= bits - 1) {
        candidates.push_back(static_cast<int64_t>(w * 64) + __builtin_ctzll(bits));
      }
    }
    any = true;
  }
  const SearchSql sql = SqlOf(side);
  StatusOr<Statement*> row_of = db.Cached(sql.phrase_row);
  if (!row_of.ok()) return row_of.status();

  std::vector<ConcordanceHit> out;
  int checked = 0;
  for (auto it = candidates.rbegin();
       it != candidates.rend() && checked < kMaxConcordanceChecks && static_cast<int>(out.size()) < options.limit;
       ++it, ++checked) {
    const int64_t id = *it;
    Statement& r = **row_of;
    r.Bind(1, id);
    StatusOr<bool> row = r.Step();
    if (!row.ok()) return row.status();
    if (*row) {
      const std::vector<std::string_view> words = SplitKeys(r.ColumnText(0));
      const int at = FindPhrase(words, p, lang);
      if (at >= 0) {
        ConcordanceHit h;
        h.tu_id = id;
        h.lang = lang;
        h.text = std::string(r.ColumnText(1));
        h.other_text = std::string(r.ColumnText(2));
        h.count = static_cast<int>(r.ColumnInt(3));
        // Back to bytes: the word tokens of the text line up with the stored word keys.
        std::vector<text::Token> toks = text::Tokenize(h.text, lang);
        toks.erase(std::remove_if(toks.begin(), toks.end(),
                                  [](const text::Token& t) { return t.kind == text::TokenKind::kPunct || t.key.empty(); }),
                   toks.end());
        const size_t last = static_cast<size_t>(at) + p.size() - 1;
        if (toks.size() == words.size() && last < toks.size()) {
          h.hit_begin = toks[static_cast<size_t>(at)].begin;
          h.hit_end = toks[last].end;
        }
        out.push_back(std::move(h));
      }
    }
    r.Reset();
  }
  return out;
}

StatusOr<std::vector<QueryPlan>> ExplainSearch(Store& store) {
  std::vector<QueryPlan> out;
  for (Lang lang : {Lang::kAr, Lang::kEn}) {
    const SearchSql q = SqlOf(SideOf(lang));
    std::vector<std::string> all = {q.max_id, q.words, q.detail, q.phrase_row};
    if (lang == Lang::kAr) {  // the word index's statements serve both sides
      for (const std::string& sql : internal::PostingReader::Sql()) all.push_back(sql);
    }
    for (const std::string* sql = all.data(); sql != all.data() + all.size(); ++sql) {
      StatusOr<Statement> st = store.db().Prepare("EXPLAIN QUERY PLAN " + *sql);
      if (!st.ok()) return st.status();
      QueryPlan plan;
      plan.sql = *sql;
      for (;;) {
        StatusOr<bool> row = st->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        plan.steps.emplace_back(st->ColumnText(3));  // columns: id, parent, notused, detail
      }
      out.push_back(std::move(plan));
    }
  }
  return out;
}

}  // namespace nazir::store
