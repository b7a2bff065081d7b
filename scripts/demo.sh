#!/usr/bin/env bash
# The main job on the bundled sample corpus (examples/sample: five Arabic news articles and English
# wire-style renderings of them). Leaves in out/ (or $NAZIR_OUT):
#   sample.db      the store: translation memory + glossary (SQLite)
#   sample.tmx     the aligned pairs as TMX 1.4b (import it into OmegaT, Trados, memoQ...)
#   glossary.tbx   the glossary of names as TBX-Basic; glossary.tsv as an OmegaT glossary
# then prints a few aligned pairs and glossary lookups.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
nazir=${NAZIR:-$here/build/nazir}
out=${NAZIR_OUT:-$here/out}
sample=$here/examples/sample
mkdir -p "$out"
rm -f "$out"/sample.db "$out"/sample.db-wal "$out"/sample.db-shm

echo "== aligning the sample corpus ($(wc -l < "$sample/pairs.tsv") document pairs)"
"$nazir" align --batch "$sample/pairs.tsv" --db "$out/sample.db" -o "$out/sample.tmx"
"$nazir" glossary build --db "$out/sample.db"
"$nazir" glossary export --format tbx -o "$out/glossary.tbx" --db "$out/sample.db"
"$nazir" glossary export --format tsv -o "$out/glossary.tsv" --db "$out/sample.db"
"$nazir" tmx validate "$out/sample.tmx"

echo
echo "== a few aligned pairs (Arabic | English | confidence), from the first article"
first=$(head -1 "$sample/pairs.tsv" | cut -f1,2)
"$nazir" align "$sample/${first%%$'\t'*}" "$sample/${first##*$'\t'}" --format tsv | head -4 |
  awk -F'\t' '{ printf "  AR: %s\n  EN: %s\n  confidence %s\n\n", $1, $2, $3 }'

echo "== glossary lookups (any spelling, either direction)"
for q in ستلولتنبرج لستولتنبرغ Stoltenberg ليبيا; do
  echo "\$ nazir glossary lookup $q"
  "$nazir" glossary lookup "$q" --db "$out/sample.db" --limit 2 | sed 's/^/  /'
done

echo
echo "== translation memory"
"$nazir" tm stats --db "$out/sample.db"
echo
echo "Outputs: $out/sample.tmx  $out/glossary.tbx  $out/glossary.tsv  $out/sample.db"
