// bench_tm_gen: writes the synthetic TMX and query lists the TM benchmarks run on (scripts/bench_tm.sh).
//
//   bench_tm_gen tmx N OUT.tmx [SEED]            N synthetic Arabic-English TUs (bench_tm_synth.h)
//   bench_tm_gen queries N KIND LANG OUT [SEED]  after generating the same N TUs, one query a line:
//                                                KIND lookup (near repeats of stored sentences) or
//                                                concordance (1-3 word phrases); LANG ar or en
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "bench_tm_synth.h"

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: bench_tm_gen tmx N OUT.tmx [SEED]\n"
               "       bench_tm_gen queries N lookup|concordance ar|en OUT [SEED]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return Usage();
  const std::string mode = argv[1];
  nazir::bench::SynthOptions o;
  o.tus = std::atoll(argv[2]);
  if (mode == "tmx") {
    if (argc > 4) o.seed = std::strtoull(argv[4], nullptr, 10);
    nazir::Status s = nazir::bench::WriteSynthTmx(argv[3], o);
    if (!s.ok()) {
      std::fprintf(stderr, "bench_tm_gen: %s\n", s.message().c_str());
      return 1;
    }
    return 0;
  }
  if (mode != "queries" || argc < 6) return Usage();
  const std::string kind = argv[3], lang = argv[4];
  if (argc > 6) o.seed = std::strtoull(argv[6], nullptr, 10);
  // Queries per list: enough for a stable p99 (5 samples above it).
  constexpr int kQueries = 500;
  nazir::bench::SynthTm tm(o);
  for (int64_t i = 0; i < o.tus; ++i) tm.Next();
  std::ofstream out(argv[5]);
  for (int i = 0; i < kQueries; ++i) {
    out << (kind == "lookup" ? tm.NearQuery(lang) : tm.Phrase(lang)) << "\n";
  }
  return out ? 0 : 1;
}
