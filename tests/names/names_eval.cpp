// names_eval: measures the real C++ name matcher on the names-dev lists (not a unit test; it reads
// data outside the repo given on the command line). Driven by scripts/eval_names.sh.
//
//   names_eval rank WIKIDATA_TSV [--half train|test] [--queries N] [--pool N] [--errors K]
//     Transliteration ranking: each Arabic word against POOL English names including the right one.
//   names_eval variants VARIANTS_TSV [--half train|test] [--errors K] [--store FILE.db] [--exclude REVIEW_TSV]
//     (--store: import the glossary into a store and look up as `nazir glossary lookup` does;
//     --exclude: drop the spellings a review file lists (columns english, arabic_spelling, ...; lines
//     starting with # ignored), as queries and as the imported spelling: scripts/eval_data/variants_review.tsv)
//     Variant lookup (see RunVariants). Tuning aids: --sweep 1 (top-1 and false positives per threshold,
//     with --log-odds-zone Z --min-log-odds L: the pair-model rule of glossary_lookup.cpp, 0.0425 and 10;
//     with the index misses and rank misses), --dump FILE (every candidate's score parts).
//   names_eval learn WIKIDATA_TSV --variants VARIANTS_TSV   fitted edit costs (learned_costs.inc)
//   names_eval probe FILE   "query<TAB>arabic<TAB>english" lines -> the matcher's two scores
//   names_eval symbols FILE   lines -> their phonetic symbol strings (for scripts/fit_names_pair_model.py)
//
// Split: every row belongs to half "train" or "test" by FNV-1a hash of its lower-cased English name
// (all spellings of one name fall in the same half). Tuning used only the train half; report test.
#include <algorithm>
#include <memory>
#include <cstdint>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <tuple>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "nazir/corpus/glossary_db.h"
#include "nazir/store/store.h"
#include "nazir/names/glossary.h"
#include "nazir/names/matcher.h"
#include "nazir/names/translit.h"
#include "phonetic.h"  // src/names: the symbol strings and cost tables the learner fits

namespace {

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// FNV-1a's low bits are a parity of the input bytes (the multiplier is odd), so two splits drawn from
// the low bits of two FNV hashes are correlated; the splitmix64 finalizer decorrelates them.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

uint64_t Hash(const std::string& s) { return Mix(Fnv1a(s)); }

std::string HalfOf(const std::string& english) { return Hash(Lower(english)) % 2 == 0 ? "train" : "test"; }

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(1);
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    rows.push_back(cols);
  }
  return rows;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string x;
  while (std::getline(ss, x, sep))
    if (!x.empty()) out.push_back(x);
  return out;
}

struct Args {
  std::string mode, path, half = "test";
  std::string variants;  // learn: variants.tsv, whose train half gives the Arabic-Arabic pairs
  int queries = 2000, pool = 1000, errors = 20;
  bool sweep = false;
  double log_odds_zone = 0.0;  // sweep: a hit this far under the threshold is accepted on its log-odds
  double min_log_odds = 0.0;   // sweep: ... when LookupLogOdds is at least this
  std::string dump;  // variants: every candidate of every query with its score parts, to this file
  std::string store;  // variants: look up through a store (corpus::LookupGlossary, what the CLI does)
  std::string exclude;  // variants: review file of spellings that are not a spelling of the row's name
  uint32_t seed = 20240601;
};

Args Parse(int argc, char** argv) {
  Args a;
  if (argc < 3) {
    std::cerr << "usage: names_eval rank|variants FILE [--half train|test] [--queries N] [--pool N] "
                 "[--errors K] [--seed S]\n";
    std::exit(2);
  }
  a.mode = argv[1];
  a.path = argv[2];
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--half") a.half = v;
    else if (k == "--store") a.store = v;
    else if (k == "--exclude") a.exclude = v;
    else if (k == "--variants") a.variants = v;
    else if (k == "--queries") a.queries = std::atoi(v.c_str());
    else if (k == "--pool") a.pool = std::atoi(v.c_str());
    else if (k == "--errors") a.errors = std::atoi(v.c_str());
    else if (k == "--sweep") a.sweep = v == "1";
    else if (k == "--log-odds-zone") a.log_odds_zone = std::atof(v.c_str());
    else if (k == "--min-log-odds") a.min_log_odds = std::atof(v.c_str());
    else if (k == "--dump") a.dump = v;
    else if (k == "--seed") a.seed = static_cast<uint32_t>(std::atoi(v.c_str()));
  }
  return a;
}

int RunRank(const Args& args) {
  const auto rows = ReadTsv(args.path);
  std::vector<std::pair<std::string, std::string>> pairs;  // arabic, english
  std::unordered_map<std::string, std::set<std::string>> gold;  // arabic -> every English it pairs with
  std::set<std::string> english_set;
  for (const auto& r : rows) {
    if (r.size() < 2 || HalfOf(r[1]) != args.half) continue;
    pairs.push_back({r[0], r[1]});
    gold[r[0]].insert(Lower(r[1]));
    english_set.insert(r[1]);
  }
  const std::vector<std::string> english(english_set.begin(), english_set.end());
  std::mt19937 rng(args.seed);
  std::shuffle(pairs.begin(), pairs.end(), rng);
  const int nq = std::min<int>(args.queries, static_cast<int>(pairs.size()));
  const auto& m = nazir::names::NameMatcher::Get();
  int correct = 0, shown = 0;
  for (int q = 0; q < nq; ++q) {
    const auto& [ar, en] = pairs[q];
    const double right = m.MatchWord(ar, en).score;
    std::string best_wrong;
    double best_wrong_score = -1;
    int drawn = 0;
    std::uniform_int_distribution<size_t> pick(0, english.size() - 1);
    while (drawn < args.pool - 1) {
      const std::string& cand = english[pick(rng)];
      if (gold[ar].count(Lower(cand))) continue;  // another valid English form of this word
      ++drawn;
      const double s = m.MatchWord(ar, cand).score;
      if (s > best_wrong_score) {
        best_wrong_score = s;
        best_wrong = cand;
      }
    }
    if (right > best_wrong_score) {
      ++correct;
    } else if (shown < args.errors) {
      ++shown;
      std::printf("ERR\t%s\t%s\t%.3f\tbeaten by %s\t%.3f\tkeys %s %s %s\n", ar.c_str(), en.c_str(), right,
                  best_wrong.c_str(), best_wrong_score, nazir::names::ArabicKey(ar).c_str(),
                  nazir::names::EnglishKey(en).c_str(), nazir::names::EnglishKey(best_wrong).c_str());
    }
  }
  std::printf("rank half=%s queries=%d pool=%d top1=%.4f\n", args.half.c_str(), nq, args.pool,
              static_cast<double>(correct) / nq);
  return 0;
}

// Variant lookup. Names of the half are split again by hash into "in the glossary" (3 of 4) and
// "not in the glossary" (1 of 4). Each in-glossary name is imported as an entry with its English form
// and its FIRST Arabic spelling; its other spellings are looked up (top-1 = the entry ranks first).
// Every spelling of an out-of-glossary name is looked up too: any hit is a false positive.
// (lower-cased English name, Arabic spelling) pairs a review file rejects.
std::set<std::pair<std::string, std::string>> ReadExclusions(const std::string& path) {
  std::set<std::pair<std::string, std::string>> out;
  if (path.empty()) return out;
  for (const auto& r : ReadTsv(path)) {
    if (r.size() < 2 || r[0].empty() || r[0][0] == '#') continue;
    out.insert({Lower(r[0]), r[1]});
  }
  return out;
}

int RunVariants(const Args& args) {
  const auto rows = ReadTsv(args.path);
  const auto excluded = ReadExclusions(args.exclude);
  size_t dropped = 0;
  std::vector<nazir::GlossaryEntry> entries;
  std::vector<std::pair<std::string, size_t>> in_queries;  // spelling, entry index
  std::vector<std::pair<std::string, std::string>> out_queries;  // spelling, its english
  for (const auto& r : rows) {
    if (r.size() < 3 || HalfOf(r[0]) != args.half) continue;
    std::vector<std::string> sp;
    for (std::string& x : Split(r[2], '|')) {
      if (excluded.count({Lower(r[0]), x})) {
        ++dropped;
        continue;
      }
      sp.push_back(std::move(x));
    }
    if (sp.size() < 2) continue;
    const bool in = (Hash("glossary:" + Lower(r[0])) % 4) != 0;
    if (in) {
      nazir::GlossaryEntry e;
      e.id = static_cast<int64_t>(entries.size());
      e.english = r[0];
      e.arabic.push_back({sp[0], 1, "", ""});
      for (size_t i = 1; i < sp.size(); ++i) in_queries.push_back({sp[i], entries.size()});
      entries.push_back(e);
    } else {
      for (const auto& s : sp) out_queries.push_back({s, r[0]});
    }
  }
  // An out-of-glossary spelling that is, after normalization, also a spelling of an in-glossary name
  // (the silver list has China and People's Republic of China, Hennig and Henig) cannot be told apart
  // by any lookup: counted separately.
  std::set<std::string> in_spellings;
  for (const auto& e : entries)
    for (const auto& n : nazir::names::NormalizedForms(e.arabic[0].text)) in_spellings.insert(n);
  for (const auto& [q, want] : in_queries)
    for (const auto& n : nazir::names::NormalizedForms(q)) in_spellings.insert(n);
  std::vector<std::pair<std::string, std::string>> ambiguous;
  {
    std::vector<std::pair<std::string, std::string>> kept;
    for (const auto& oq : out_queries) {
      const auto forms = nazir::names::NormalizedForms(oq.first);
      (!forms.empty() && in_spellings.count(forms[0]) ? ambiguous : kept).push_back(oq);
    }
    out_queries = kept;
  }
  std::printf("out-of-glossary spellings also spelling an in-glossary name (excluded from FP): %zu\n",
              ambiguous.size());
  if (!args.exclude.empty()) std::printf("spellings dropped by the review file: %zu\n", dropped);
  nazir::names::GlossaryIndex index;
  index.Add(entries);
  if (!args.dump.empty()) {
    // One line per (query, candidate): in|out, query number, right entry (0/1), ScoreEntry score at
    // threshold 0, MatchArabicStem and MatchName of the whole query and spellings, MatchKind, query,
    // the entry's Arabic spelling and English name, the consonant keys of the query and the spelling,
    // ArabicLogOdds of the query and the spelling, ArabicEnglishLogOdds of the query and the English name.
    // For studying score combinations off line.
    const auto& m = nazir::names::NameMatcher::Get();
    FILE* f = std::fopen(args.dump.c_str(), "w");
    if (f == nullptr) {
      std::cerr << "cannot write " << args.dump << "\n";
      return 1;
    }
    int qid = 0;
    auto dump = [&](const std::string& q, long want, const char* kind) {
      const nazir::names::PreparedArabic pq(q);
      for (size_t i : index.Candidates(q)) {
        const auto h = nazir::names::ScoreEntry(q, entries[i], 0.0);
        std::fprintf(f, "%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%d\t%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\n", kind, qid, static_cast<long>(i) == want,
                     h ? h->score : 0.0, m.MatchArabicStem(q, entries[i].arabic[0].text), m.MatchName(q, entries[i].english),
                     h ? static_cast<int>(h->how) : -1, q.c_str(), entries[i].arabic[0].text.c_str(), entries[i].english.c_str(),
                     nazir::names::ArabicKey(q).c_str(), nazir::names::ArabicKey(entries[i].arabic[0].text).c_str(),
                     m.ArabicLogOdds(pq, entries[i].arabic[0].text), m.ArabicEnglishLogOdds(pq, entries[i].english));
      }
      ++qid;
    };
    for (const auto& [q, want] : in_queries) dump(q, static_cast<long>(want), "in");
    for (const auto& [q, en] : out_queries) dump(q, -1, "out");
    std::fclose(f);
    return 0;
  }
  if (args.sweep) {
    // Threshold sweep: every hit of every query at threshold 0 (score, right entry, LookupLogOdds), then
    // top-1 and FP rate per threshold t, the top hit taken among those scoring at least t, or at least
    // t - zone with log-odds at least L (--log-odds-zone, --min-log-odds: glossary_lookup.cpp's rule;
    // zone 0 = the threshold alone).
    struct Scored {
      double score;
      bool right;
      double log_odds;
    };
    auto scored = [&](const std::string& q, long want) {
      std::vector<Scored> out;
      const nazir::names::PreparedQuery pq(q);
      for (const auto& h : index.Lookup(q, 0, 0.0))
        out.push_back({h.score, static_cast<long>(h.entry) == want, nazir::names::LookupLogOdds(pq, entries[h.entry])});
      return out;
    };
    std::vector<std::vector<Scored>> in_hits, out_hits;
    int index_misses = 0;
    for (const auto& [q, want] : in_queries) {
      in_hits.push_back(scored(q, static_cast<long>(want)));
      const auto hits = index.Lookup(q, 1, 0.0);
      if (!hits.empty() && hits[0].entry == want)
        std::printf("INBEST\t%.3f\t%s\t%s/%s\n", hits[0].score, q.c_str(), entries[want].english.c_str(),
                    entries[want].arabic[0].text.c_str());
      if (!hits.empty() && hits[0].entry != want) {
        const auto direct = nazir::names::ScoreEntry(q, entries[want], 0.0);
        std::printf("RANKMISS\t%s\twant %s/%s %.3f\tgot %s/%s %.3f\n", q.c_str(), entries[want].english.c_str(),
                    entries[want].arabic[0].text.c_str(), direct ? direct->score : 0.0,
                    entries[hits[0].entry].english.c_str(), entries[hits[0].entry].arabic[0].text.c_str(),
                    hits[0].score);
      }
      const auto c = index.Candidates(q);
      if (std::find(c.begin(), c.end(), want) == c.end()) {
        ++index_misses;
        const auto direct = nazir::names::ScoreEntry(q, entries[want], 0.0);
        std::printf("IDXMISS\t%s\t%s/%s\tkeys %s %s %s\tdirect score %.3f\n", q.c_str(), entries[want].english.c_str(),
                    entries[want].arabic[0].text.c_str(), nazir::names::ArabicKey(q).c_str(),
                    nazir::names::ArabicKey(entries[want].arabic[0].text).c_str(),
                    nazir::names::EnglishKey(entries[want].english).c_str(), direct ? direct->score : 0.0);
      }
    }
    for (const auto& [q, en] : out_queries) {
      out_hits.push_back(scored(q, -1));
      const auto hits = index.Lookup(q, 1, 0.0);
      if (!hits.empty())
        std::printf("OUTBEST\t%.3f\t%s (%s)\tgot %s/%s\n", hits[0].score, q.c_str(), en.c_str(),
                    entries[hits[0].entry].english.c_str(), entries[hits[0].entry].arabic[0].text.c_str());
    }
    std::printf("index misses (right entry not among candidates): %d of %zu\n", index_misses, in_queries.size());
    // The top accepted hit at threshold t (nullptr: none).
    auto top = [&](const std::vector<Scored>& hits, double t) {
      const Scored* best = nullptr;
      for (const Scored& h : hits)
        if ((h.score >= t || (h.score >= t - args.log_odds_zone && h.log_odds >= args.min_log_odds)) &&
            (best == nullptr || h.score > best->score))
          best = &h;
      return best;
    };
    for (double t = 0.70; t < 0.96; t += 0.0025) {
      int ok = 0, fp = 0;
      for (const auto& hits : in_hits) {
        const Scored* b = top(hits, t);
        ok += b != nullptr && b->right;
      }
      for (const auto& hits : out_hits) fp += top(hits, t) != nullptr;
      std::printf("t=%.4f top1=%.4f fp=%.4f\n", t, static_cast<double>(ok) / in_hits.size(),
                  static_cast<double>(fp) / out_hits.size());
    }
    return 0;
  }
  // Top hit of a query as an entry index (-1: nothing), in memory or through the store.
  std::unique_ptr<nazir::store::Store> store;
  std::map<std::string, size_t> by_english;
  if (!args.store.empty()) {
    std::remove(args.store.c_str());
    auto st = nazir::store::Store::Open(args.store);
    if (!st.ok()) {
      std::cerr << st.status().message() << "\n";
      return 1;
    }
    store = std::move(*st);
    auto n = nazir::corpus::ImportGlossaryEntries(*store, entries);
    if (!n.ok()) {
      std::cerr << n.status().message() << "\n";
      return 1;
    }
    for (size_t i = 0; i < entries.size(); ++i) by_english[entries[i].english] = i;
  }
  struct Top {
    long entry = -1;
    double score = 0.0;
  };
  auto top = [&](const std::string& q) -> Top {
    if (!store) {
      const auto hits = index.Lookup(q, 5);
      if (hits.empty()) return {};
      return {static_cast<long>(hits[0].entry), hits[0].score};
    }
    auto hits = nazir::corpus::LookupGlossary(*store, q, 5);
    if (!hits.ok() || hits->empty()) return {};
    auto it = by_english.find((*hits)[0].entry.english);
    return {it == by_english.end() ? -2 : static_cast<long>(it->second), (*hits)[0].score};
  };
  int correct = 0, shown = 0;
  for (const auto& [q, want] : in_queries) {
    const Top t = top(q);
    if (t.entry == static_cast<long>(want)) {
      ++correct;
    } else if (shown < args.errors) {
      ++shown;
      std::printf("MISS\t%s\twant %s/%s\tgot %s\t%.3f\n", q.c_str(), entries[want].english.c_str(),
                  entries[want].arabic[0].text.c_str(),
                  t.entry < 0 ? "-" : (entries[t.entry].english + "/" + entries[t.entry].arabic[0].text).c_str(),
                  t.score);
    }
  }
  int fp = 0;
  shown = 0;
  for (const auto& [q, en] : out_queries) {
    const Top t = top(q);
    if (t.entry == -1) continue;
    ++fp;
    if (shown < args.errors && t.entry >= 0) {
      ++shown;
      std::printf("FP\t%s (%s)\tgot %s/%s\t%.3f\n", q.c_str(), en.c_str(), entries[t.entry].english.c_str(),
                  entries[t.entry].arabic[0].text.c_str(), t.score);
    }
  }
  std::printf("variants%s half=%s entries=%zu queries=%zu top1=%.4f out_queries=%zu fp_rate=%.4f\n",
              args.exclude.empty() ? "" : " (reviewed)", args.half.c_str(), entries.size(), in_queries.size(),
              static_cast<double>(correct) / std::max<size_t>(1, in_queries.size()), out_queries.size(),
              static_cast<double>(fp) / std::max<size_t>(1, out_queries.size()));
  return 0;
}

}  // namespace

// ---- learning edit costs ------------------------------------------------------------------------------
// Hard EM over the training half: align every pair with the current costs, count the edit operations,
// turn counts into costs, repeat. cost(x -> y) = log(P(best | x) / P(y | x)) / log(1 / kRareRate),
// capped at 1 (the hand cost of an unrelated consonant): the most frequent rendering of a symbol is free,
// one seen once in kRareRate times costs 1.
constexpr double kRareRate = 1e-3;
constexpr double kSmoothing = 0.5;       // added to every count (Lidstone)
constexpr double kMinSymbolCount = 50;   // symbols seen less often keep their hand-set costs
constexpr int kEmIterations = 3;
constexpr size_t kMaxSpellingsPerName = 6;  // pairs of spellings of one name: at most 6*5/2

using Counts = std::map<std::pair<char, char>, double>;  // (a or 0, b or 0) -> count

nazir::names::internal::EditCosts CostsFromCounts(const Counts& counts, const nazir::names::internal::EditCosts& base,
                                                  bool symmetric, std::vector<std::tuple<char, char, double>>* out) {
  using nazir::names::internal::EditCosts;
  Counts n = counts;
  if (symmetric) {
    Counts sym;
    for (const auto& [k, c] : counts) {
      sym[k] += c;
      sym[{k.second, k.first}] += c;
    }
    n = sym;
  }
  std::map<char, double> total_a, total_b, max_a, max_b;
  std::set<char> alpha_a, alpha_b;
  for (const auto& [k, c] : n) {
    if (k.first) total_a[k.first] += c, alpha_a.insert(k.first);
    if (k.second) total_b[k.second] += c, alpha_b.insert(k.second);
  }
  for (const auto& [k, c] : n) {
    if (k.first) max_a[k.first] = std::max(max_a[k.first], c);
    if (k.second) max_b[k.second] = std::max(max_b[k.second], c);
  }
  EditCosts costs = base;
  const double scale = std::log(1.0 / kRareRate);
  auto cost_of = [&](double c, double mx) {
    return std::min(1.0, std::log((mx + kSmoothing) / (c + kSmoothing)) / scale);
  };
  auto get = [&](char a, char b) {
    auto it = n.find({a, b});
    return it == n.end() ? 0.0 : it->second;
  };
  out->clear();
  for (char a : alpha_a) {
    if (total_a[a] < kMinSymbolCount) continue;
    for (char b : alpha_b) {
      if (total_b[b] < kMinSymbolCount) continue;
      const double c = cost_of(get(a, b), max_a[a]);
      costs.sub[static_cast<int>(a)][static_cast<int>(b)] = c;
      out->push_back({a, b, c});
    }
    const double d = cost_of(get(a, 0), max_a[a]);
    costs.del[static_cast<int>(a)] = d;
    out->push_back({a, '_', d});
  }
  for (char b : alpha_b) {
    if (total_b[b] < kMinSymbolCount) continue;
    const double c = cost_of(get(0, b), max_b[b]);
    costs.ins[static_cast<int>(b)] = c;
    out->push_back({'_', b, c});
  }
  return costs;
}

std::string CharLit(char c) {
  if (c == '\'') return "'\\''";
  return std::string("'") + c + "'";
}

// learn WIKIDATA_TSV --variants VARIANTS_TSV: fits the Arabic-English and Arabic-Arabic costs on the train half and prints
// learned_costs.inc.
int RunLearn(const Args& args) {
  namespace in = nazir::names::internal;
  const auto rows = ReadTsv(args.path);
  std::vector<std::pair<std::string, std::string>> ar_en, ar_ar;
  std::map<std::string, std::set<std::string>> spellings;
  for (const auto& r : rows) {
    if (r.size() < 2 || HalfOf(r[1]) != "train") continue;
    const std::string a = in::ArabicSymbols(r[0]), e = in::EnglishSymbols(r[1]);
    if (a.empty() || e.empty()) continue;
    ar_en.push_back({a, e});
  }
  // Wikidata gives one Arabic label per English token: spellings of one name come from the train half
  // of variants.tsv.
  if (!args.variants.empty()) {
    for (const auto& r : ReadTsv(args.variants)) {
      if (r.size() < 3 || HalfOf(r[0]) != "train") continue;
      for (const std::string& sp : Split(r[2], '|'))
        if (sp.find(' ') == std::string::npos) spellings[Lower(r[0])].insert(in::ArabicSymbols(sp));
    }
  }
  for (const auto& [en, sp] : spellings) {
    std::vector<std::string> v(sp.begin(), sp.end());
    if (v.size() > kMaxSpellingsPerName) v.resize(kMaxSpellingsPerName);
    for (size_t i = 0; i < v.size(); ++i)
      for (size_t j = i + 1; j < v.size(); ++j) ar_ar.push_back({v[i], v[j]});
  }
  std::fprintf(stderr, "learn: %zu Arabic-English pairs, %zu Arabic-Arabic pairs (train half)\n", ar_en.size(),
               ar_ar.size());
  auto fit = [&](const std::vector<std::pair<std::string, std::string>>& pairs, in::CostModel model, bool symmetric,
                 std::vector<std::tuple<char, char, double>>* table) {
    in::EditCosts costs = in::DefaultCosts(model);
    for (int it = 0; it < kEmIterations; ++it) {
      Counts counts;
      for (const auto& [a, b] : pairs)
        for (const auto& op : in::AlignSymbols(a, b, costs)) counts[op] += 1;
      costs = CostsFromCounts(counts, in::DefaultCosts(model), symmetric, table);
    }
  };
  std::vector<std::tuple<char, char, double>> ar_en_table, ar_ar_table;
  fit(ar_en, in::CostModel::kArEn, false, &ar_en_table);
  fit(ar_ar, in::CostModel::kArAr, true, &ar_ar_table);
  std::printf("// Generated by `names_eval learn wikidata_person_tokens.tsv` (scripts/eval_names.sh learn) from the\n"
              "// train half of ../shared/data/names-dev/wikidata_person_tokens.tsv (Wikidata labels, CC0):\n"
              "// %zu Arabic-English word pairs; and from the train half of variants.tsv (silver: Wikidata, Google\n"
              "// ar2en, CLDR, city lists) %zu pairs of one-word Arabic spellings of one English name.\n"
              "// {a, b, cost}: a -> b, '_' = nothing. Do not edit by hand.\n", ar_en.size(), ar_ar.size());
  auto print = [](const char* name, const std::vector<std::tuple<char, char, double>>& t) {
    std::printf("constexpr LearnedCost %s[] = {\n", name);
    for (const auto& [a, b, c] : t) std::printf("    {%s, %s, %.3f},\n", CharLit(a).c_str(), CharLit(b).c_str(), c);
    std::printf("};\n");
  };
  print("kLearnedArEn", ar_en_table);
  print("kLearnedArAr", ar_ar_table);
  return 0;
}

// Symbols: reads lines from FILE and prints, tab-separated, each line's Arabic-Arabic symbol string
// (ArabicVariantSymbols), its consonant key, its Arabic-English symbol string (ArabicSymbols) and its English
// symbol string (EnglishSymbols). For scripts/fit_names_pair_model.py.
int RunSymbols(const Args& args) {
  std::ifstream in(args.path);
  std::string line;
  while (std::getline(in, line)) {
    namespace in = nazir::names::internal;
    const std::string s = in::ArabicVariantSymbols(line);
    std::printf("%s\t%s\t%s\t%s\n", s.c_str(), in::KeyOfSymbols(s).c_str(), in::ArabicSymbols(line).c_str(),
                in::EnglishSymbols(line).c_str());
  }
  return 0;
}

// Probe: reads "query<TAB>arabic<TAB>english" lines from FILE and prints the matcher's scores.
int RunProbe(const Args& args) {
  const auto& m = nazir::names::NameMatcher::Get();
  std::ifstream in(args.path);
  std::string line;
  while (std::getline(in, line)) {
    const std::vector<std::string> c = Split(line, '\t');
    if (c.size() < 3) continue;
    std::printf("%s\t%s\t%s\tarar=%.3f aren=%.3f\n", c[0].c_str(), c[1].c_str(), c[2].c_str(),
                m.MatchArabicStem(c[0], c[1]), m.MatchName(c[0], c[2]));
  }
  return 0;
}

int main(int argc, char** argv) {
  const Args args = Parse(argc, argv);
  if (args.mode == "probe") return RunProbe(args);
  if (args.mode == "symbols") return RunSymbols(args);
  if (args.mode == "learn") return RunLearn(args);
  if (args.mode == "rank") return RunRank(args);
  if (args.mode == "variants") return RunVariants(args);
  std::cerr << "unknown mode " << args.mode << "\n";
  return 2;
}
