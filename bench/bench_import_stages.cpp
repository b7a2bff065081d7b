// bench_import_stages: the two expensive stages of `nazir tm import`, each alone on one thread, on
// synthetic TUs (bench_tm_synth.h) -- steadier than timing a whole import, whose three threads share the
// cores. scripts/bench_tm.sh runs it after the import.
//
//   BM_Prepare  Store::PrepareTu over N TUs with a cold memo (a fresh thread per iteration): tokenizing,
//               word keys, index terms, the duplicate key, the row encoding.
//   BM_Write    Store::AddPreparedTu for N prepared TUs into a new store, a commit every 20k TUs (rows,
//               duplicate folding, the word index segments and their merges).
//
// N is the benchmark's argument; the counter tus_per_s is the stage's rate.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <benchmark/benchmark.h>

#include "bench_tm_synth.h"
#include "nazir/store/store.h"

namespace {

namespace fs = std::filesystem;
using nazir::TranslationUnit;
using nazir::store::PreparedTu;
using nazir::store::Store;

const std::vector<TranslationUnit>& Tus(int64_t n) {
  static std::vector<TranslationUnit> tus;
  if (static_cast<int64_t>(tus.size()) < n) {
    nazir::bench::SynthOptions o;
    o.tus = n;
    nazir::bench::SynthTm synth(o);
    tus.clear();
    for (int64_t i = 0; i < n; ++i) tus.push_back(synth.Next());
  }
  return tus;
}

std::string TempStorePath() {
  return (fs::temp_directory_path() / ("nazir_bench_stages_" + std::to_string(::getpid()) + ".db")).string();
}

void RemoveStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

// A new store at `path`, or null after marking the benchmark failed.
std::unique_ptr<Store> NewStore(benchmark::State& state, const std::string& path) {
  RemoveStore(path);
  auto s = Store::Open(path, nazir::store::StoreOptions());
  if (!s.ok()) {
    state.SkipWithError("cannot create a store in the temp folder");
    return nullptr;
  }
  return std::move(*s);
}

void BM_Prepare(benchmark::State& state) {
  const int64_t n = state.range(0);
  const std::vector<TranslationUnit>& tus = Tus(n);
  const std::string path = TempStorePath();
  std::vector<PreparedTu> prepared(static_cast<size_t>(n));
  for (auto _ : state) {
    // A new store (an empty term dictionary) and a fresh thread (a cold memo), as at the start of an
    // import.
    state.PauseTiming();
    std::unique_ptr<Store> store = NewStore(state, path);
    if (!store) return;
    state.ResumeTiming();
    std::thread t([&] {
      for (int64_t i = 0; i < n; ++i) (void)store->PrepareTu(tus[static_cast<size_t>(i)], &prepared[static_cast<size_t>(i)]);
    });
    t.join();
    state.PauseTiming();
    store.reset();
    RemoveStore(path);
    state.ResumeTiming();
  }
  state.counters["tus_per_s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Write(benchmark::State& state) {
  const int64_t n = state.range(0);
  const std::vector<TranslationUnit>& tus = Tus(n);
  const std::string path = TempStorePath();
  constexpr int64_t kCommitEvery = 20000;
  for (auto _ : state) {
    state.PauseTiming();
    std::unique_ptr<Store> store = NewStore(state, path);
    if (!store) return;
    std::vector<PreparedTu> prepared(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) (void)store->PrepareTu(tus[static_cast<size_t>(i)], &prepared[static_cast<size_t>(i)]);
    state.ResumeTiming();
    nazir::store::TuProvenance from;
    for (int64_t i = 0; i < n;) {
      auto txn = store->BeginTransaction();
      if (!txn.ok()) {
        state.SkipWithError(txn.status().message().c_str());
        return;
      }
      for (const int64_t end = std::min(n, i + kCommitEvery); i < end; ++i) {
        (void)store->AddPreparedTu(prepared[static_cast<size_t>(i)], from);
      }
      if (!(*txn)->Commit().ok()) {
        state.SkipWithError("commit failed");
        return;
      }
    }
    state.PauseTiming();
    store.reset();
    RemoveStore(path);
    state.ResumeTiming();
  }
  state.counters["tus_per_s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

BENCHMARK(BM_Prepare)->Arg(200000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_Write)->Arg(200000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

BENCHMARK_MAIN();
