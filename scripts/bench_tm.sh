#!/usr/bin/env bash
# TM store benchmarks (issue 6): import rate and store size for a synthetic TMX, then `tm lookup` and
# `tm concordance` latency p50/p99, in process (bench_tm, Google Benchmark) and through the CLI, then the
# import's prepare and write stages alone (bench_import_stages).
#
# usage: scripts/bench_tm.sh [BUILD_DIR] [TUS]
#   BUILD_DIR  a configured build folder (default: build); nazir, bench_tm_gen and bench_tm are built there
#   TUS        TUs in the synthetic TMX (default: 400000)
# Environment: BENCH_TM_DIR keeps the work files (TMX, store, queries) there instead of a temp folder;
# BENCH_TM_CLI_QUERIES CLI calls per list for the end-to-end latency (default 100); IMPORT_ARGS extra
# options for `nazir tm import` (e.g. "--batch 20000 --threads 1"); BENCH_TM_NO_BUILD=1 uses the binaries
# as they are.
# The synthetic data: Arabic and English sentences from a 60k-concept vocabulary with Zipf frequencies,
# Arabic proclitics, 3% exact and 8% near repeats (bench/bench_tm_synth.h); nothing large is committed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
tus=${2:-400000}
cli_queries=${BENCH_TM_CLI_QUERIES:-100}
work=${BENCH_TM_DIR:-$(mktemp -d)}
mkdir -p "$work"

if [[ -z ${BENCH_TM_NO_BUILD:-} ]]; then cmake --build "$build" --target nazir bench_tm_gen bench_tm bench_import_stages -j2 >/dev/null; fi
nazir=$build/nazir
gen=$build/bench/bench_tm_gen

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); work folder $work"
tmx=$work/synth$tus.tmx
if [[ ! -s $tmx ]]; then "$gen" tmx "$tus" "$tmx"; fi
echo "== synthetic TMX: $tus TUs, $(du -m "$tmx" | cut -f1) MB"

db=$work/tm.db
rm -f "$db" "$db-wal" "$db-shm"
# shellcheck disable=SC2086
/usr/bin/time -f "import: %e s wall, %U s user, %S s sys, %M KB max RSS" \
  "$nazir" tm import "$tmx" --db "$db" --json ${IMPORT_ARGS:-} >"$work/import.json"
python3 - "$work/import.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print(f"import: {j['tus_read']} TUs read, {j['inserted']} new, {j['folded']} folded, "
      f"{j['seconds']:.1f} s, {j['tus_per_second']:.0f} TU/s")
PY
"$nazir" tm stats --db "$db" --json >"$work/stats.json"
python3 - "$work/stats.json" "$db" <<'PY'
import json, os, sys
j = json.load(open(sys.argv[1]))
size = sum(os.path.getsize(p) for p in (sys.argv[2], sys.argv[2] + "-wal") if os.path.exists(p))
print(f"store: {j['tus']} TUs, {size / 2**20:.0f} MB ({size / max(j['tus'], 1):.0f} bytes/TU)")
PY

for kind in lookup concordance; do
  for lang in ar en; do "$gen" queries "$tus" "$kind" "$lang" "$work/$kind.$lang.txt"; done
done

echo "== in process (bench_tm: one query per iteration, 500 queries per list)"
NAZIR_BENCH_DB=$db NAZIR_BENCH_QUERIES=$work "$build/bench/bench_tm" --benchmark_counters_tabular=true

echo "== through the CLI (process start-up and store open included; $cli_queries queries per list)"
for kind in lookup concordance; do
  for lang in ar en; do
    # Blank lines (an Arabic phrase drawn from words without an Arabic form, like "the") are skipped, as
    # bench_tm does.
    grep -v -m "$cli_queries" '^$' "$work/$kind.$lang.txt" | while IFS= read -r q; do
      t0=$(date +%s%N)
      "$nazir" tm "$kind" "$q" --db "$db" >/dev/null 2>&1 || echo "tm $kind failed: $q" >&2
      echo $(( ($(date +%s%N) - t0) / 1000 ))
    done | sort -n | awk -v name="$kind $lang" '{ v[NR] = $1 } END {
      p50 = v[int(NR * 0.5) + 1]; p99 = v[int(NR * 0.99) + 1 > NR ? NR : int(NR * 0.99) + 1];
      printf "%-16s p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms\n", name, p50 / 1000, p99 / 1000, v[NR] / 1000 }'
  done
done

echo "== import stages alone, one thread each (bench_import_stages: 200k synthetic TUs, 3 runs)"
"$build/bench/bench_import_stages" --benchmark_counters_tabular=true
