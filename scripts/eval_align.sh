#!/usr/bin/env bash
# Evaluates `nazir align` on a suite folder of document pairs with gold alignments.
#
# usage: scripts/eval_align.sh NAZIR_BINARY SUITE_DIR SCORER [--raw] [-- EXTRA_ALIGN_OPTIONS...]
#   SUITE_DIR holds D.ar, D.en (one sentence a line) and D.gold for every document D
#   (e.g. ../shared/data/align-dev/noisy); SCORER is score_alignment.py (GOLD_DIR PRED_DIR).
#   Default: `nazir align --presegmented --format beads` per document, then the scorer's strict/lax
#   P/R/F1. With --raw: aligns D.ar.txt/D.en.txt (nazir segments them itself) and reports how many gold
#   pairs come out text-exact (same Arabic and English text, whitespace-normalized).
#   Extra options after -- go to every `nazir align` call (e.g. -- --no-lexicon for the ablation).
# Prints the scorer's output and the wall time; predictions stay in $EVAL_ALIGN_OUT if set.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
nazir=$1; suite=$2; scorer=$3; shift 3
raw=0
if [[ ${1:-} == --raw ]]; then raw=1; shift; fi
if [[ ${1:-} == -- ]]; then shift; fi
extra=("$@")

out=${EVAL_ALIGN_OUT:-$(mktemp -d)}
mkdir -p "$out"
start=$(date +%s.%N)
failed=0
for gold in "$suite"/*.gold; do
  d=${gold%.gold}
  name=$(basename "$d")
  if [[ $raw == 1 ]]; then
    "$nazir" align "$d.ar.txt" "$d.en.txt" --format json "${extra[@]}" -o "$out/$name.json" || failed=$((failed + 1))
  else
    "$nazir" align "$d.ar" "$d.en" --presegmented --format beads "${extra[@]}" -o "$out/$name.beads" \
      || failed=$((failed + 1))
  fi
done
end=$(date +%s.%N)

if [[ $raw == 1 ]]; then
  python3 - "$suite" "$out" <<'PY'
import glob, json, os, re, sys
suite, out = sys.argv[1], sys.argv[2]
bead = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\]")
norm = lambda s: " ".join(s.split())
gold_pairs = found = predicted = 0
for g in sorted(glob.glob(os.path.join(suite, "*.gold"))):
    d = g[:-5]
    ar = open(d + ".ar", encoding="utf-8").read().split("\n")
    en = open(d + ".en", encoding="utf-8").read().split("\n")
    gold = set()
    for line in open(g, encoding="utf-8"):
        m = bead.match(line.strip())
        a = [int(x) for x in m.group(1).split(",") if x.strip()]
        e = [int(x) for x in m.group(2).split(",") if x.strip()]
        if a and e:
            gold.add((norm(" ".join(ar[i] for i in a)), norm(" ".join(en[j] for j in e))))
    gold_pairs += len(gold)
    p = os.path.join(out, os.path.basename(d) + ".json")
    if not os.path.exists(p):
        continue
    pred = set()
    for b in json.load(open(p, encoding="utf-8"))["beads"]:
        if b["ar"] and b["en"]:
            pred.add((norm(" ".join(x["text"] for x in b["ar"])), norm(" ".join(x["text"] for x in b["en"]))))
    predicted += len(pred)
    found += len(gold & pred)
print(f"raw: gold pairs={gold_pairs} predicted pairs={predicted} text-exact={found} "
      f"({found / max(gold_pairs, 1):.3f} of gold, precision {found / max(predicted, 1):.3f})")
PY
else
  python3 "$scorer" "$suite" "$out"
fi
printf 'wall time: %.1f s; failed documents: %d; predictions in %s\n' "$(echo "$end - $start" | bc)" "$failed" "$out"
