#!/usr/bin/env bash
# Benchmarks of the aligner: a whole dev suite, and synthetic long documents.
#
# usage: scripts/bench_align.sh BUILD_DIR [SUITE_DIR] [SOURCE_DIR]
#   BUILD_DIR: a build tree with the nazir binary and bench/align_suite.
#   SUITE_DIR (optional, e.g. ../shared/data/align-dev/noisy): wall time of `nazir align` per document
#     over the whole suite (one process per document, as scripts/eval_align.sh), and of align_suite (one
#     process, the lexicon loaded once).
#   SOURCE_DIR: pre-segmented pairs D.ar/D.en with D.gold to draw sentences from (default: SUITE_DIR if
#     given, else examples/sample/preseg with examples/sample/gold). Synthetic documents of 1k, 5k and 10k
#     sentences a side are made from the gold pairs of the source, in order, with every 20th Arabic
#     sentence dropped from the English side and an unrelated English sentence inserted every 25; each is
#     aligned once under /usr/bin/time -v (elapsed time, peak resident memory) and scored (strict F1
#     against the synthetic gold).
set -euo pipefail
if [[ $# -lt 1 ]]; then
  sed -n '2,15p' "$0" >&2
  exit 2
fi
build=$1
suite=${2:-}
here=$(cd "$(dirname "$0")/.." && pwd)
source_dir=${3:-${suite:-$here/examples/sample/preseg}}
gold_dir=$source_dir
[[ $source_dir == "$here/examples/sample/preseg" ]] && gold_dir=$here/examples/sample/gold
nazir=$build/nazir
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(uname -m); nazir: $nazir"
if [[ -n $suite ]]; then
  n=$(ls "$suite"/*.gold | wc -l)
  start=$(date +%s.%N)
  for gold in "$suite"/*.gold; do
    d=${gold%.gold}
    "$nazir" align "$d.ar" "$d.en" --presegmented -o "$work/$(basename "$d").beads"
  done
  end=$(date +%s.%N)
  printf 'suite %s: %d documents, nazir align per document: %.1f s wall\n' "$suite" "$n" "$(echo "$end - $start" | bc)"
  "$build/bench/align_suite" "$suite" "$work/suite" 2>&1 | sed 's/^/  align_suite (one process): /'
fi

printf '%-8s %10s %12s %8s\n' sentences "time (s)" "peak RSS MB" "F1"
for n in 1000 5000 10000; do
  python3 - "$source_dir" "$gold_dir" "$n" "$work/syn" <<'PY'
import glob, os, re, sys
src, gold_dir, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
bead = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\]")
pairs = []
for g in sorted(glob.glob(os.path.join(gold_dir, "*.gold"))):
    d = os.path.join(src, os.path.basename(g)[:-5])
    ar = open(d + ".ar", encoding="utf-8").read().split("\n")
    en = open(d + ".en", encoding="utf-8").read().split("\n")
    for line in open(g, encoding="utf-8"):
        m = bead.match(line.strip())
        a = [int(x) for x in m.group(1).split(",") if x.strip()]
        e = [int(x) for x in m.group(2).split(",") if x.strip()]
        if len(a) == 1 and len(e) == 1:
            pairs.append((ar[a[0]].strip(), en[e[0]].strip()))
fill = [e for _, e in pairs[len(pairs) // 2:]]  # unrelated English: from the other half of the source
ars, ens, gold = [], [], []
k = 0
while len(ars) < n:
    a, e = pairs[k % len(pairs)]
    k += 1
    i = len(ars)
    ars.append(a)
    if i % 20 == 19:
        gold.append(f"[{i}]:[]")
        continue
    if i % 25 == 24:
        gold.append(f"[]:[{len(ens)}]")
        ens.append(fill[i % len(fill)])
    gold.append(f"[{i}]:[{len(ens)}]")
    ens.append(e)
open(out + ".ar", "w", encoding="utf-8").write("\n".join(ars) + "\n")
open(out + ".en", "w", encoding="utf-8").write("\n".join(ens) + "\n")
open(out + ".gold", "w", encoding="utf-8").write("\n".join(gold) + "\n")
PY
  /usr/bin/time -v "$nazir" align "$work/syn.ar" "$work/syn.en" --presegmented -o "$work/syn.beads" 2> "$work/time.txt"
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
  f1=$(python3 - "$work/syn.gold" "$work/syn.beads" <<'PY'
import re, sys
bead = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\]")
def pairs(p):
    s = set()
    for line in open(p):
        m = bead.match(line.strip())
        if m and m.group(1) and m.group(2):
            s.add((m.group(1), m.group(2)))
    return s
g, p = pairs(sys.argv[1]), pairs(sys.argv[2])
tp = len(g & p)
print(f"{2 * tp / (len(g) + len(p)):.3f}")
PY
)
  printf '%-8s %10s %12s %8s\n' "$n" "$secs" "$rss" "$f1"
done
