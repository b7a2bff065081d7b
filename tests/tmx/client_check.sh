#!/bin/bash
# The CAT-client checks of nazir's TMX and TBX, run by CTest (tests/tmx/CMakeLists.txt):
#   client_check.sh setup NAZIR SOURCE_DIR OUT   aligns the bundled sample corpus into OUT/sample.tmx,
#                                                exports its glossary as OUT/glossary.tbx, and merges the
#                                                other tools' fixtures into OUT/merged.tmx (inline markup,
#                                                notes, props, srclang *all*)
#   client_check.sh xmllint SOURCE_DIR OUT       xmllint: nazir's DTD, OmegaT's TMX 1.4 DTD and XSD, TBX XSD
#   client_check.sh translate-toolkit OUT        translate-toolkit reads every TU back byte-identical
#   client_check.sh omegat OUT                   OmegaT leverages every TU of sample.tmx (one run)
# Exit 0 pass, 1 fail, 77 skipped (a tool is not installed: scripts/setup.sh test installs them).
# OmegaT's grammars are taken from its jar at test time (docs/TMX.md), never committed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
skip() { echo "SKIP: $*"; exit 77; }

omegat_schemas() {  # extracts OmegaT's grammars into $1/schemas; false when OmegaT/unzip are missing
  local jar=/usr/share/omegat/OmegaT.jar
  [[ -f $jar ]] && command -v unzip >/dev/null || return 1
  mkdir -p "$1/schemas"
  unzip -o -q -j "$jar" schemas/tmx14.dtd schemas/tmx14.xsd schemas/tbx.xsd schemas/xml.xsd -d "$1/schemas"
}

python_with_translate() {
  local py
  for py in /usr/bin/python3 python3; do
    if command -v "$py" >/dev/null && "$py" -c "import translate.storage.tmx" 2>/dev/null; then
      command -v "$py"; return 0
    fi
  done
  return 1
}

case "${1:-}" in
setup)
  nazir=$2; src=$3; out=$4
  rm -rf "$out"; mkdir -p "$out"
  "$nazir" align --batch "$src/examples/sample/pairs.tsv" -o "$out/sample.tmx" --db "$out/sample.db" \
    > "$out/align.log" 2>&1 || { cat "$out/align.log"; exit 1; }
  "$nazir" glossary export --db "$out/sample.db" -o "$out/glossary.tbx" 2>&1
  d="$src/tests/data/tmx"
  "$nazir" tmx merge "$d/omegat_project_save.tmx" "$d/omegat_level2.tmx" "$d/trados_utf16.tmx" \
    "$d/okapi_rainbow.tmx" -o "$out/merged.tmx" 2>&1
  ls -l "$out"
  ;;
xmllint)
  src=$2; out=$3
  command -v xmllint >/dev/null || skip "xmllint is not installed (libxml2-utils)"
  dtd_check() {  # dtd_check DTD FILE LABEL: the DOCTYPE's tmx14.dtd is not fetched (--nonet)
    local log
    if ! log=$(xmllint --noout --nonet --dtdvalid "$1" "$2" 2>&1); then
      echo "$log" | grep -v "failed to load external entity" | head -20
      echo "FAIL: $(basename "$2") is not valid against $3"; exit 1
    fi
    echo "$(basename "$2"): valid against $3 (xmllint)"
  }
  for f in sample merged; do dtd_check "$src/tmx/dtd/tmx14.dtd" "$out/$f.tmx" "nazir's tmx/dtd/tmx14.dtd"; done
  if omegat_schemas "$out"; then
    for f in sample merged; do
      dtd_check "$out/schemas/tmx14.dtd" "$out/$f.tmx" "OmegaT's tmx14.dtd"
      xmllint --noout --nonet --stream --schema "$out/schemas/tmx14.xsd" "$out/$f.tmx"
    done
    xmllint --noout --nonet --schema "$out/schemas/tbx.xsd" "$out/glossary.tbx"
  else
    echo "note: OmegaT's schemas not available: TMX XSD and TBX XSD checks not run"
  fi
  ;;
translate-toolkit)
  out=$2
  py=$(python_with_translate) || skip "python3-translate (translate-toolkit) is not installed"
  "$py" - "$out/sample.tmx" "$out/merged.tmx" "$out/glossary.tbx" <<'PY'
import sys, xml.etree.ElementTree as ET
from translate.storage import tmx, tbx
XL = "{http://www.w3.org/XML/1998/namespace}lang"
sample, merged, glossary = sys.argv[1:4]

def units(store):
    return [u for u in store.units if not u.isheader()]

# sample.tmx: every TU, source (the first tuv: translate-toolkit ignores xml:lang) and target, byte for
# byte the text expat reads from the same <seg> (plain-text segments: no inline markup).
root = ET.parse(sample).getroot()
want = []
for tu in root.iter("tu"):
    tuvs = tu.findall("tuv")
    want.append((tuvs[0].get(XL), tuvs[0].find("seg").text or "", tuvs[1].find("seg").text or ""))
got = units(tmx.tmxfile.parsefile(sample))
bad = 0
if len(got) != len(want):
    print(f"sample.tmx: translate-toolkit read {len(got)} TUs, the file has {len(want)}"); sys.exit(1)
for i, (u, (lang, ar, en)) in enumerate(zip(got, want)):
    if lang != "ar" or u.source != ar or u.target != en:
        bad += 1
        print(f"TU {i}: {lang!r} {u.source[:60]!r} / {u.target[:60]!r}")
print(f"sample.tmx: translate-toolkit read {len(got)} TUs, {len(got) - bad} with Arabic first and both texts identical")
if bad or not got: sys.exit(1)

m = units(tmx.tmxfile.parsefile(merged))
n = sum(1 for _ in ET.parse(merged).getroot().iter("tu"))
print(f"merged.tmx: translate-toolkit read {len(m)} of {n} TUs")
if len(m) != n or any(not u.source or not u.target for u in m): sys.exit(1)

g = units(tbx.tbxfile.parsefile(glossary))
entries = sum(1 for _ in ET.parse(glossary).getroot().iter("termEntry"))
print(f"glossary.tbx: translate-toolkit read {len(g)} of {entries} term entries")
if len(g) != entries or entries == 0: sys.exit(1)
PY
  ;;
omegat)
  out=$2
  exec bash "$here/omegat_check.sh" "$out/sample.tmx" AR EN
  ;;
*)
  echo "usage: $0 setup NAZIR SOURCE_DIR OUT | xmllint SOURCE_DIR OUT | translate-toolkit OUT | omegat OUT" >&2
  exit 2
  ;;
esac
