#!/bin/sh
# Measures the name matcher and glossary lookup on names-dev (not part of the build or the tests).
#   scripts/eval_names.sh DATA_DIR [BUILD_DIR]      DATA_DIR = ../shared/data/names-dev
# Prints, for the train and test halves (names split by a hash of the English name; tune on train,
# report test):
#   rank      each Arabic word of wikidata_person_tokens.tsv against 1,000 English names incl. the right one
#   variants  one spelling of each name of variants.tsv imported, the others looked up (top-1), and
#             every spelling of held-out names looked up (false-positive rate); "raw" on the silver list
#             as it is, "reviewed" without the spellings scripts/eval_data/variants_review.tsv rejects
#             (a blind hand review: other names, common words, partial names, translations)
#   scripts/eval_names.sh DATA_DIR BUILD_DIR learn  prints learned_costs.inc from the train half
#   scripts/eval_names.sh DATA_DIR BUILD_DIR fit-pair  prints pair_model.inc (scripts/fit_names_pair_model.py)
#                                                      from the train half
set -eu
data=${1:?usage: scripts/eval_names.sh DATA_DIR [BUILD_DIR] [learn|fit-pair]}
here=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$here/build}
review="$here/scripts/eval_data/variants_review.tsv"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target names_eval -j2 >/dev/null
eval_bin="$build/tests/names/names_eval"
if [ "${3:-}" = learn ]; then
  exec "$eval_bin" learn "$data/wikidata_person_tokens.tsv" --variants "$data/variants.tsv"
fi
if [ "${3:-}" = fit-pair ]; then
  exec python3 "$here/scripts/fit_names_pair_model.py" "$data" "$eval_bin"
fi
for half in train test; do
  "$eval_bin" rank "$data/wikidata_person_tokens.tsv" --half $half --queries 2000 --errors 0
  printf 'raw      '
  "$eval_bin" variants "$data/variants.tsv" --half $half --errors 0 | tail -1
  if [ -f "$review" ]; then
    printf 'reviewed '
    "$eval_bin" variants "$data/variants.tsv" --half $half --errors 0 --exclude "$review" | tail -1
  fi
done
