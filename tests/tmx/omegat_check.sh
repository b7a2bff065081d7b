#!/bin/bash
# usage: omegat_check.sh FILE.tmx [SRC_LANG TGT_LANG]
# A real-client check (adapted from the project's shared tooling): OmegaT (Debian package `omegat`) opens
# a throwaway project whose tm/auto/ holds FILE.tmx and whose source document is made of the TMX's own
# source segments, one per paragraph, and translates it in console mode. Every TU whose source segment
# OmegaT accepts comes out as its target text. Prints "omegat leveraged N of M segments"; exit 1 unless
# N == M (M counts distinct source segments), 77 when OmegaT or python3 is missing (CTest: skipped).
#
# OmegaT exits 0 even when it rejects a TMX (docs/TMX.md): what counts is what it leveraged.
# Only XML whitespace (space, tab, CR, LF) is collapsed when building the source document: a no-break
# space is part of the segment (collapsing every Unicode space made 5 of the sample's 41 TUs look
# unmatched although OmegaT matches them).
set -euo pipefail
tmx=$(readlink -f "$1"); src=${2:-AR}; tgt=${3:-EN}
command -v omegat >/dev/null || { echo "SKIP: omegat is not installed (scripts/setup.sh test)"; exit 77; }
py=$(command -v /usr/bin/python3 || command -v python3) || { echo "SKIP: python3 is not installed"; exit 77; }
p=$(mktemp -d /tmp/nazir_omegat_XXXXXX)
trap 'rm -rf "$p"' EXIT
mkdir -p "$p"/{source,target,tm/auto,glossary,dictionary,omegat}
cat > "$p/omegat.project" <<X
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat><project version="1.0">
<source_dir>source</source_dir><target_dir>target</target_dir><tm_dir>tm</tm_dir>
<glossary_dir>glossary</glossary_dir><glossary_file>glossary/glossary.txt</glossary_file>
<dictionary_dir>dictionary</dictionary_dir>
<source_lang>$src</source_lang><target_lang>$tgt</target_lang>
<source_tok>org.omegat.tokenizer.LuceneArabicTokenizer</source_tok>
<target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
<sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations>
<remove_tags>false</remove_tags>
</project></omegat>
X
cp "$tmx" "$p/tm/auto/check.tmx"
"$py" - "$tmx" "$p/source/doc.txt" "$p/expected.txt" "${src,,}" "${tgt,,}" <<'PY'
import sys, re, xml.etree.ElementTree as ET
XL = "{http://www.w3.org/XML/1998/namespace}lang"
tmx, doc, exp, sl, tl = sys.argv[1:6]
pairs = {}
for tu in ET.parse(tmx).getroot().iter("tu"):
    segs = {}
    for tuv in tu.iter("tuv"):
        lang = (tuv.get(XL) or tuv.get("lang") or "").lower().split("-")[0]
        seg = tuv.find("seg")
        segs[lang] = re.sub(r"[ \t\r\n]+", " ", "".join(seg.itertext())).strip() if seg is not None else ""
    if segs.get(sl) and segs.get(tl):
        pairs.setdefault(segs[sl], segs[tl])
open(doc, "w", encoding="utf-8").write("\n\n".join(pairs) + "\n")
open(exp, "w", encoding="utf-8").write("\n".join(pairs.values()) + "\n")
PY
timeout 300 omegat "$p" --mode=console-translate >"$p/omegat.log" 2>&1 || {
  echo "omegat failed: $(tail -3 "$p/omegat.log")"; exit 1; }
"$py" - "$p/target/doc.txt" "$p/expected.txt" "$p/source/doc.txt" <<'PY'
import sys
out = [l.strip() for l in open(sys.argv[1], encoding="utf-8").read().split("\n\n") if l.strip()]
exp = [l.strip() for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
src = [l.strip() for l in open(sys.argv[3], encoding="utf-8").read().split("\n\n") if l.strip()]
n = sum(1 for o, e in zip(out, exp) if o == e)
print(f"omegat leveraged {n} of {len(exp)} segments")
for s, o, e in zip(src, out, exp):
    if o != e:
        print(f"  not leveraged: {s[:80]!r}")
sys.exit(0 if n == len(exp) and len(exp) > 0 else 1)
PY
