// bench_tm: latency of TM lookup and concordance on a built store, in process (no process start-up).
// scripts/bench_tm.sh builds the store and the query lists, then runs:
//
//   NAZIR_BENCH_DB=tm.db NAZIR_BENCH_QUERIES=dir bench_tm
//
// dir holds lookup.ar.txt, lookup.en.txt, concordance.ar.txt, concordance.en.txt (bench_tm_gen queries).
// Each iteration runs one query (cycling through the list); the counters p50_ms / p99_ms / max_ms are the
// percentiles of the per-query times, hits the mean number of results.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "nazir/store/store.h"
#include "nazir/store/tm_search.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

nazir::store::Store* SharedStore() {
  static std::unique_ptr<nazir::store::Store> store = [] {
    nazir::store::StoreOptions o;
    o.read_only = true;
    auto s = nazir::store::Store::Open(Env("NAZIR_BENCH_DB", "nazir.db"), o);
    return s.ok() ? std::move(*s) : nullptr;
  }();
  return store.get();
}

void Report(benchmark::State& state, std::vector<double>& ms, double hits) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * static_cast<double>(ms.size())))]; };
  state.counters["p50_ms"] = at(0.50);
  state.counters["p99_ms"] = at(0.99);
  state.counters["max_ms"] = ms.back();
  state.counters["hits"] = hits / static_cast<double>(ms.size());
}

template <typename Run>
void RunQueries(benchmark::State& state, const std::string& list, Run run) {
  nazir::store::Store* store = SharedStore();
  const std::vector<std::string> queries = ReadLines(Env("NAZIR_BENCH_QUERIES", ".") + "/" + list);
  if (store == nullptr || queries.empty()) {
    state.SkipWithError("set NAZIR_BENCH_DB to a store and NAZIR_BENCH_QUERIES to the query folder");
    return;
  }
  std::vector<double> ms;
  double hits = 0;
  size_t i = 0;
  for (auto _ : state) {
    const Clock::time_point t0 = Clock::now();
    const size_t n = run(*store, queries[i++ % queries.size()]);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    hits += static_cast<double>(n);
  }
  Report(state, ms, hits);
}

void BM_Lookup(benchmark::State& state, const char* list) {
  RunQueries(state, list, [](nazir::store::Store& s, const std::string& q) {
    nazir::store::LookupOptions o;  // defaults of `nazir tm lookup`: 70%, 10 matches
    auto m = nazir::store::Lookup(s, q, o);
    return m.ok() ? m->size() : 0;
  });
}

void BM_Concordance(benchmark::State& state, const char* list) {
  RunQueries(state, list, [](nazir::store::Store& s, const std::string& q) {
    nazir::store::ConcordanceOptions o;  // defaults of `nazir tm concordance`: 20 segments
    auto h = nazir::store::Concordance(s, q, o);
    return h.ok() ? h->size() : 0;
  });
}

// Every query of a 500-query list once.
constexpr int kIterations = 500;

BENCHMARK_CAPTURE(BM_Lookup, ar, "lookup.ar.txt")->Iterations(kIterations)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Lookup, en, "lookup.en.txt")->Iterations(kIterations)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Concordance, ar, "concordance.ar.txt")->Iterations(kIterations)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Concordance, en, "concordance.en.txt")->Iterations(kIterations)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
