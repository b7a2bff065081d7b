#!/usr/bin/env bash
# What learning across a corpus adds: aligns a whole align-dev suite as one corpus with
# `nazir align --batch --learn corpus` and with `--learn document`, scores both with the shared scorer,
# and prints strict/lax P/R/F1, wall time and peak memory of each run.
#
# usage: scripts/eval_corpus.sh NAZIR_BINARY SUITE_DIR SCORER [--threads N]
#   SUITE_DIR holds D.ar, D.en (one sentence a line) and D.gold (e.g. ../shared/data/align-dev/noisy).
set -euo pipefail
if [[ $# -lt 3 ]]; then
  sed -n '2,7p' "$0" >&2
  exit 2
fi
nazir=$(realpath "$1"); suite=$(realpath "$2"); scorer=$(realpath "$3"); shift 3
threads=0
if [[ ${1:-} == --threads ]]; then threads=$2; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for gold in "$suite"/*.gold; do
  d=${gold%.gold}
  printf '%s\t%s\t%s\n' "$d.ar" "$d.en" "$(basename "$d")"
done > "$work/pairs.tsv"
for learn in document corpus; do
  mkdir -p "$work/$learn"
  /usr/bin/time -f "%e %M" -o "$work/$learn.time" "$nazir" align --batch "$work/pairs.tsv" --presegmented \
    --db "$work/$learn.db" --beads-dir "$work/$learn" --learn "$learn" --threads "$threads" --no-glossary \
    2>/dev/null || true
  read -r secs kb < "$work/$learn.time"
  echo "== --learn $learn ($(basename "$suite"), $(wc -l < "$work/pairs.tsv") documents, ${secs} s, peak $((kb / 1024)) MB)"
  python3 "$scorer" "$suite" "$work/$learn" | grep -E 'strict|lax'
done
