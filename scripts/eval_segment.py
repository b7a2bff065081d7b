#!/usr/bin/env python3
"""Measure `nazir segment` against gold sentence lines.

For every document D in DIR that has D.<lang>.txt (raw paragraphs) and D.<lang> (gold, one sentence a
line), runs `nazir segment --lang <lang> D.<lang>.txt` and compares sentence boundaries. A boundary is
the number of non-whitespace characters before it, so the comparison ignores spacing and line ends; the
end of a document is not counted. Paragraph ends are boundaries for both sides and are reported apart
("within paragraphs") because they are free.

A predicted boundary that gold lacks is "joined in gold" when the text right before it ends with sentence
punctuation (. ! ? ؟ … and closing quotes): the gold line then holds two sentences (a translator, or the
merged suite, joined them).

  scripts/eval_segment.py ../shared/data/align-dev/clean [--nazir build/nazir] [--show 10]
"""
import argparse
import os
import subprocess
import sys

TERMINATORS = set(".!?\u061f\u2026\u06d4")
CLOSERS = set("\"'\u00bb\u00ab\u201c\u201d\u2019)]")


def nonspace_offsets(lines):
    """Boundary positions (non-space chars before the end of each line but the last) and the text."""
    cuts, total, chars = [], 0, []
    lines = [l for l in lines if l.strip()]
    for i, line in enumerate(lines):
        s = "".join(line.split())
        chars.append(s)
        total += len(s)
        if i + 1 < len(lines):
            cuts.append(total)
    return cuts, "".join(chars)


def paragraph_cuts(raw):
    paras = [p for p in raw.replace("\r\n", "\n").split("\n") if p.strip()]
    cuts, _ = nonspace_offsets(paras)
    return set(cuts)


def ends_with_terminator(stream, pos):
    i = pos - 1
    while i >= 0 and stream[i] in CLOSERS:
        i -= 1
    return i >= 0 and stream[i] in TERMINATORS


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--nazir", default=os.path.join(os.path.dirname(__file__), "..", "build", "nazir"))
    ap.add_argument("--langs", default="en,ar")
    ap.add_argument("--show", type=int, default=0, help="print this many errors per language")
    args = ap.parse_args()

    docs = sorted(f[: -len(".ar.txt")] for f in os.listdir(args.dir) if f.endswith(".ar.txt"))
    # (doc, gold line) -> number of predicted boundaries inside that gold line, per language
    split_lines = {}
    for lang in args.langs.split(","):
        split_lines[lang] = {}
        tp = fp = fn = 0
        tp_in = fp_in = fn_in = 0
        fp_joined = 0
        skipped = 0
        shown = 0
        for d in docs:
            raw_path = os.path.join(args.dir, f"{d}.{lang}.txt")
            gold_path = os.path.join(args.dir, f"{d}.{lang}")
            if not (os.path.exists(raw_path) and os.path.exists(gold_path)):
                continue
            raw = open(raw_path, encoding="utf-8").read()
            gold_lines = open(gold_path, encoding="utf-8").read().splitlines()
            run = subprocess.run([args.nazir, "segment", "--lang", lang, raw_path],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{raw_path}: nazir failed: {run.stderr.strip()}", file=sys.stderr)
                skipped += 1
                continue
            pred_cuts, pred_text = nonspace_offsets(run.stdout.splitlines())
            gold_cuts, gold_text = nonspace_offsets(gold_lines)
            if pred_text != gold_text:
                print(f"{d}.{lang}: gold text differs from the raw text; skipped", file=sys.stderr)
                skipped += 1
                continue
            pred, gold, paras = set(pred_cuts), set(gold_cuts), paragraph_cuts(raw)
            tp += len(pred & gold)
            fp += len(pred - gold)
            fn += len(gold - pred)
            tp_in += len((pred & gold) - paras)
            fp_in += len(pred - gold - paras)
            fn_in += len(gold - pred - paras)
            line_ends = gold_cuts + [len(gold_text)]
            for c in sorted(pred - gold):
                if ends_with_terminator(gold_text, c):
                    fp_joined += 1
                line = next(i for i, e in enumerate(line_ends) if c < e)
                split_lines[lang][(d, line)] = split_lines[lang].get((d, line), 0) + 1
            if shown < args.show:
                raw_at = [i for i, ch in enumerate(raw) if not ch.isspace()]
                for kind, cuts in (("extra", pred - gold), ("missed", gold - pred)):
                    for c in sorted(cuts):
                        if shown < args.show:
                            r = raw_at[c]
                            left = " ".join(raw[max(0, r - 60):r].split())
                            right = " ".join(raw[r:r + 40].split())
                            print(f"  {lang} {kind} {d}: ...{left} | {right}...")
                            shown += 1

        def prf(t, p, n):
            pr = t / (t + p) if t + p else 1.0
            rc = t / (t + n) if t + n else 1.0
            f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
            return pr, rc, f

        pr, rc, f = prf(tp, fp, fn)
        pri, rci, fi = prf(tp_in, fp_in, fn_in)
        pra, rca, fa = prf(tp + fp_joined, fp - fp_joined, fn)
        print(f"{lang}: boundaries P={pr:.4f} R={rc:.4f} F1={f:.4f} (tp={tp} fp={fp} fn={fn}); "
              f"within paragraphs P={pri:.4f} R={rci:.4f} F1={fi:.4f} (tp={tp_in} fp={fp_in} fn={fn_in}); "
              f"{fp_joined} of the {fp} extra boundaries follow sentence punctuation inside one gold line "
              f"(F1 counting those as right: {fa:.4f}); skipped {skipped}")


    # In a 1-1 suite (clean) gold line i of D.ar is the translation of line i of D.en: an Arabic line
    # split by nazir whose English line is split too held two sentences in the source already.
    if "ar" in split_lines and "en" in split_lines:
        one_to_one = set()
        for d in docs:
            gold_path = os.path.join(args.dir, f"{d}.gold")
            if os.path.exists(gold_path):
                beads = open(gold_path).read().split()
                if all(b == f"[{i}]:[{i}]" for i, b in enumerate(beads)):
                    one_to_one.add(d)
        ar_split = [k for k in split_lines["ar"] if k[0] in one_to_one]
        both = [k for k in ar_split if k in split_lines["en"]]
        en_only = [k for k in split_lines["en"] if k[0] in one_to_one and k not in split_lines["ar"]]
        print(f"1-1 documents: {len(ar_split)} Arabic gold lines split by nazir, {len(both)} of them "
              f"with the English line split too (two sentences in the source), "
              f"{len(ar_split) - len(both)} Arabic only (the translator made two sentences); "
              f"{len(en_only)} English lines split whose Arabic line is not")


if __name__ == "__main__":
    main()
