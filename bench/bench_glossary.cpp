// Glossary benchmark: import of 100k entries into a store, and lookup latency (p50/p99) against it.
//
// The entries are synthetic transliterated names: English and Arabic syllables drawn in step from one
// table (Ka+lor+ven ~ كا+لور+فين), one or two words, 100k distinct names. Lookups go through the store's
// key index and names::RankEntries (corpus::LookupGlossary, what `nazir glossary lookup` does), with a
// mix of queries: a stored spelling, an unseen variant of one (a letter changed or with a clitic), and a
// name that is not in the glossary.
//
//   build-x/bench/bench_glossary [--benchmark_filter=Lookup]     (scripts/bench_glossary.sh)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "nazir/corpus/glossary_db.h"
#include "nazir/store/store.h"

namespace {

namespace fs = std::filesystem;

constexpr int kEntries = 100000;   // the acceptance size
constexpr int kQueries = 900;      // lookups timed for the percentiles (300 of each kind)
constexpr uint32_t kSeed = 20240601;

struct Syllable {
  const char* en;
  const char* ar;
};
// Syllables of foreign names and their usual Arabic rendering.
constexpr Syllable kSyllables[] = {
    {"ka", "كا"},   {"lor", "لور"}, {"ven", "فين"}, {"ri", "ري"},   {"man", "مان"}, {"ber", "بير"},
    {"to", "تو"},   {"sen", "سين"}, {"di", "دي"},   {"mo", "مو"},   {"na", "نا"},   {"gor", "غور"},
    {"sha", "شا"},  {"el", "إل"},   {"ton", "تون"}, {"ra", "را"},   {"bi", "بي"},   {"lu", "لو"},
    {"mar", "مار"}, {"tin", "تين"}, {"fe", "في"},   {"dor", "دور"}, {"ha", "ها"},   {"kin", "كين"},
    {"zu", "زو"},   {"pol", "بول"}, {"sta", "ستا"}, {"wer", "وير"}, {"jo", "جو"},   {"nik", "نيك"},
};
constexpr int kNumSyllables = sizeof(kSyllables) / sizeof(kSyllables[0]);

struct Name {
  std::string en, ar;
};

Name RandomName(std::mt19937& rng) {
  std::uniform_int_distribution<int> syl(0, kNumSyllables - 1), len(2, 4), words(1, 2);
  Name n;
  const int w = words(rng);
  for (int k = 0; k < w; ++k) {
    if (k > 0) {
      n.en += ' ';
      n.ar += ' ';
    }
    const int l = len(rng);
    for (int i = 0; i < l; ++i) {
      const Syllable& s = kSyllables[syl(rng)];
      n.en += s.en;
      n.ar += s.ar;
    }
  }
  // Capitalize each word.
  bool start = true;
  for (char& c : n.en) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = c == ' ';
  }
  return n;
}

std::vector<nazir::GlossaryEntry> SyntheticEntries(int n, std::vector<Name>* names) {
  std::mt19937 rng(kSeed);
  std::unordered_set<std::string> seen;
  std::vector<nazir::GlossaryEntry> out;
  while (static_cast<int>(out.size()) < n) {
    Name name = RandomName(rng);
    if (!seen.insert(name.en).second) continue;
    nazir::GlossaryEntry e;
    e.english = name.en;
    e.type = "PER";
    e.arabic.push_back({name.ar, 1, "", ""});
    e.count = 1;
    out.push_back(std::move(e));
    names->push_back(std::move(name));
  }
  return out;
}

// The store with kEntries imported, built once (by BM_Import100k, or on first use).
struct Shared {
  fs::path dir;
  std::unique_ptr<nazir::store::Store> store;
  std::vector<Name> names;
  double import_seconds = 0.0;
  ~Shared() {
    store.reset();
    if (!dir.empty()) fs::remove_all(dir);
  }
};

Shared& GetShared() {
  static Shared* s = [] {
    auto* sh = new Shared();
    sh->dir = fs::temp_directory_path() / "nazir_bench_glossary";
    fs::remove_all(sh->dir);
    fs::create_directories(sh->dir);
    auto store = nazir::store::Store::Open((sh->dir / "bench.db").string());
    if (!store.ok()) {
      std::fprintf(stderr, "bench_glossary: %s\n", store.status().ToString().c_str());
      std::exit(1);
    }
    sh->store = std::move(*store);
    std::vector<nazir::GlossaryEntry> entries = SyntheticEntries(kEntries, &sh->names);
    const auto t0 = std::chrono::steady_clock::now();
    auto n = nazir::corpus::ImportGlossaryEntries(*sh->store, std::move(entries));
    sh->import_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!n.ok()) {
      std::fprintf(stderr, "bench_glossary: import: %s\n", n.status().ToString().c_str());
      std::exit(1);
    }
    return sh;
  }();
  return *s;
}

// Import of kEntries synthetic entries into an empty store (one run: the store is then reused).
void BM_Import100k(benchmark::State& state) {
  for (auto _ : state) {
    Shared& s = GetShared();
    state.SetIterationTime(s.import_seconds);
    state.counters["entries"] = kEntries;
    state.counters["entries_per_s"] = kEntries / s.import_seconds;
  }
}
BENCHMARK(BM_Import100k)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

// A query of kind k (0: a stored spelling, 1: an unseen variant with a clitic, 2: not in the glossary).
std::string Query(const Shared& s, int k, std::mt19937& rng) {
  std::uniform_int_distribution<size_t> pick(0, s.names.size() - 1);
  const Name& n = s.names[pick(rng)];
  if (k == 0) return n.ar;
  if (k == 1) {
    std::string v = "و" + n.ar;  // a conjunction attached
    const size_t p = v.find("ي");
    if (p != std::string::npos) v.erase(p, std::string("ي").size());  // a long vowel left out
    return v;
  }
  // Not in the glossary: a name from syllables outside the table's combinations.
  return "كزيتشوبلاف";
}

// The p-th percentile (0..100) of sorted values.
double Percentile(const std::vector<double>& sorted, int p) {
  if (sorted.empty()) return 0.0;
  return sorted[std::min(sorted.size() - 1, sorted.size() * static_cast<size_t>(p) / 100)];
}

constexpr int kQueryKinds = 3;
constexpr const char* kKindNames[kQueryKinds] = {"known", "variant", "absent"};

void BM_Lookup(benchmark::State& state) {
  Shared& s = GetShared();
  std::mt19937 rng(kSeed + 1);
  std::vector<std::string> queries;
  for (int i = 0; i < kQueries; ++i) queries.push_back(Query(s, i % kQueryKinds, rng));
  // One untimed lookup first: the process-wide tables (CLDR gazetteer, normalizer, cost tables) are
  // built on first use; the percentiles are those of a warm process.
  if (!nazir::corpus::LookupGlossary(*s.store, queries[0], 5).ok()) {
    state.SkipWithError("warm-up lookup failed");
    return;
  }
  std::vector<double> micros, by_kind[kQueryKinds];
  size_t qi = 0, hits = 0, kind_hits[kQueryKinds] = {};
  for (auto _ : state) {
    const size_t i = qi++ % queries.size();
    const std::string& q = queries[i];
    const auto t0 = std::chrono::steady_clock::now();
    auto r = nazir::corpus::LookupGlossary(*s.store, q, 5);
    const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    micros.push_back(us);
    by_kind[i % kQueryKinds].push_back(us);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      break;
    }
    hits += !r->empty();
    kind_hits[i % kQueryKinds] += !r->empty();
    benchmark::DoNotOptimize(r);
  }
  std::sort(micros.begin(), micros.end());
  if (!micros.empty()) {
    state.counters["p50_us"] = Percentile(micros, 50);
    state.counters["p99_us"] = Percentile(micros, 99);
    state.counters["hit_rate"] = static_cast<double>(hits) / static_cast<double>(micros.size());
  }
  for (int k = 0; k < kQueryKinds; ++k) {
    std::vector<double>& v = by_kind[k];
    if (v.empty()) continue;
    std::sort(v.begin(), v.end());
    state.counters[std::string(kKindNames[k]) + "_p50_us"] = Percentile(v, 50);
    state.counters[std::string(kKindNames[k]) + "_p99_us"] = Percentile(v, 99);
    state.counters[std::string(kKindNames[k]) + "_hits"] = static_cast<double>(kind_hits[k]) / static_cast<double>(v.size());
  }
}
BENCHMARK(BM_Lookup)->Iterations(kQueries)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
