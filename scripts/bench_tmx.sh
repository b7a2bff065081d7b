#!/bin/bash
# usage: scripts/bench_tmx.sh [BUILD_DIR] [TUS]       (defaults: build, 400000)
# Streaming TMX throughput and peak memory (issue 4 "Benchmarks"):
#   - write TUS synthetic Arabic/English news pairs with TmxWriter (props, pretty-printed, atomic + fsync),
#   - read them back with ReadTmx, next to `xmllint --stream --noout` on the same file in the same run,
#   - validate (bundled DTD + checks) and stats,
#   - flat memory: the same read on a file a quarter the size, and on the whole memory written on ONE line.
# Each phase runs in its own process (bench/bench_tmx.cpp), so each peak RSS is that phase's.
# Wall-clock MB/s depends on what else the machine runs; MB per CPU-second is steadier on a shared box.
set -euo pipefail
build=${1:-build}
tus=${2:-400000}
root=$(cd "$(dirname "$0")/.." && pwd)
cmake --build "$build" --target bench_tmx -j2 >/dev/null
bench="$build/bench/bench_tmx"
dir=$(mktemp -d /tmp/nazir_bench_tmx_XXXXXX)
trap 'rm -rf "$dir"' EXIT
results="$dir/results.jsonl"

run() { "$bench" "$@" | tee -a "$results"; }

echo "== $tus TUs in $dir (machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
run write "$dir/big.tmx" "$tus"
run read "$dir/big.tmx"
if command -v xmllint >/dev/null; then
  # Same JSON shape for xmllint (GNU time: wall seconds, user+sys seconds, max RSS in KB).
  /usr/bin/time -f "%e %U %S %M" -o "$dir/xmllint.time" xmllint --stream --noout "$dir/big.tmx"
  read -r wall user sys rss < "$dir/xmllint.time"
  bytes=$(stat -c %s "$dir/big.tmx")
  awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" -v t="$tus" 'BEGIN {
    cpu = u + s; if (cpu <= 0) cpu = 0.001; if (w <= 0) w = 0.001;
    printf "{\"phase\": \"xmllint --stream\", \"tus\": %d, \"bytes\": %d, \"seconds\": %.3f, \"cpu_seconds\": %.3f, \"tus_per_s\": %.0f, \"mb_per_s\": %.1f, \"mb_per_cpu_s\": %.1f, \"peak_rss_mb\": %.1f}\n",
      t, b, w, cpu, t / w, b / 1048576 / w, b / 1048576 / cpu, r / 1024 }' | tee -a "$results"
fi
run validate "$dir/big.tmx"
run stats "$dir/big.tmx"
rm -f "$dir/big.tmx"
quarter=$((tus / 4))
"$bench" write "$dir/quarter.tmx" "$quarter" | sed 's/"phase": "write"/"phase": "write (quarter size)"/' >> "$results"
"$bench" read "$dir/quarter.tmx" | sed 's/"phase": "read"/"phase": "read (quarter size)"/' | tee -a "$results"
rm -f "$dir/quarter.tmx"
run write "$dir/oneline.tmx" "$tus" --compact
echo "   (oneline.tmx: $(wc -l < "$dir/oneline.tmx") newline(s) in $(stat -c %s "$dir/oneline.tmx") bytes)"
"$bench" read "$dir/oneline.tmx" | sed 's/"phase": "read"/"phase": "read (one line)"/' | tee -a "$results"

echo
python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
print(f"{'phase':22} {'MB':>7} {'TUs':>8} {'s':>7} {'MB/s':>7} {'MB/cpu-s':>9} {'TU/s':>9} {'peak RSS MB':>12}")
for r in rows:
    print(f"{r['phase']:22} {r['bytes']/1048576:7.1f} {r['tus']:8d} {r['seconds']:7.2f} {r['mb_per_s']:7.1f} "
          f"{r['mb_per_cpu_s']:9.1f} {r['tus_per_s']:9.0f} {r['peak_rss_mb']:12.1f}")
by = {r["phase"]: r for r in rows}
if "read" in by and "xmllint --stream" in by:
    x, r = by["xmllint --stream"], by["read"]
    print(f"\nread / xmllint --stream: {r['mb_per_s'] / x['mb_per_s']:.2f}x wall, "
          f"{r['mb_per_cpu_s'] / x['mb_per_cpu_s']:.2f}x per CPU-second (target >= 0.5x)")
if "read" in by and "read (quarter size)" in by:
    print(f"peak RSS, read: {by['read (quarter size)']['peak_rss_mb']:.1f} MB at 1/4 size, "
          f"{by['read']['peak_rss_mb']:.1f} MB full size, {by.get('read (one line)', {}).get('peak_rss_mb', 0):.1f} MB "
          "for the same memory on one line (target < 64 MB whatever the size)")
PY
