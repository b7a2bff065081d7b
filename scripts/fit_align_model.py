#!/usr/bin/env python3
"""Fits the aligner's bead model (src/align/bead_model.cpp) on dev suites with gold alignments.

usage:
  fit_align_model.py fit [--no-anchors] SUITE_DIR DUMP.tsv [SUITE_DIR DUMP.tsv ...]
      DUMP.tsv: `build/bench/align_suite SUITE_DIR OUT --dump DUMP.tsv` (candidate beads of the final
      pass, labelled by gold). Fits the logistic weights by Newton's method (L2 penalty kL2) on every
      positive candidate and the negatives near the gold path (start corner within kNear cells of a
      gold corner), plus a weighted sample of the far ones. Prints the weights as --set arguments
      (--set1 with --no-anchors: the first pass's model, which has no previous pass to anchor on).
  fit_align_model.py perceptron [--no-anchors] [--even|--odd] SUITE_DIR DUMP.tsv [...]
      Averaged structured perceptron (Collins 2002) on the search itself: the best path over the cells
      near gold against the gold path. --even/--odd: half the documents (held-out estimates).
  fit_align_model.py platt CHOSEN.tsv [...]
      CHOSEN.tsv: `align_suite ... --chosen CHOSEN.tsv`. Fits confidence = sigmoid(a * log_odds + b) on
      the pairs the aligner output, labelled by gold.

Only measurement glue: the aligner itself is C++ and never runs this.
"""
import glob, math, os, random, re, sys, zlib

kNear = 2           # cells around the gold path whose negatives are all kept
kFarRate = 0.02     # sampling rate of the other negatives (weighted 1 / kFarRate)
kL2 = 1.0           # ridge penalty on the weights (not on the intercepts)
kMaxZ2, kMaxNumbers = 25.0, 4   # as in bead_model.h
# Intercept of the shapes the dev gold never has (2-2, 1-3, 3-1) in the logistic fit: the merge
# intercept minus this. Set by hand.
kUnseenShapePenalty = 3.0
kPerceptronEpochs = 8
kPerceptronRate = 0.1
# The perceptron starts from the hand-set weights the aligner had before any fitting.
kPerceptronInit = {"bias_11": -3.0, "bias_merge": -4.0, "bias_22": -5.5, "bias_13": -5.5, "ar_coverage": 6.0,
                   "en_coverage": 6.0, "min_coverage": 4.0, "length_z2": -0.5, "numbers_matched": 0.5,
                   "numbers_unmatched": -0.7}

# The model's weights in BeadModelWeights order. 2-2, 1-3 and 3-1 beads do not occur in the dev gold,
# so the logistic fit leaves them out (kUnseenShapePenalty); the perceptron learns them from its own
# mistakes.
NAMES = ["bias_11", "bias_merge", "bias_22", "bias_13", "ar_coverage", "en_coverage", "min_coverage",
         "length_z2", "numbers_matched", "numbers_unmatched", "log_min_weight", "weak_part", "anchor_one",
         "anchor_both"]
# Dump columns (bench/align_suite.cpp --dump).
DOC, AR_BEGIN, AR_LEN, EN_BEGIN, EN_LEN, AR_COV, EN_COV, AR_W, EN_W, Z, NUM_M, NUM_U, NAMES_COL, PART, \
    AFTER, BEFORE, LOG_ODDS, LABEL = range(18)
BEAD = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\](?::([0-9.]+))?")


def read_beads(path):
    out = []
    for line in open(path, encoding="utf-8"):
        m = BEAD.match(line.strip())
        if m:
            a = tuple(int(x) for x in m.group(1).split(",") if x.strip())
            e = tuple(int(x) for x in m.group(2).split(",") if x.strip())
            out.append((a, e, float(m.group(3)) if m.group(3) else None))
    return out


def gold_corners(suite):
    corners = {}
    for g in glob.glob(os.path.join(suite, "*.gold")):
        name = os.path.basename(g)[:-5]
        cs, i, j = set(), 0, 0
        for a, e, _ in read_beads(g):
            cs.add((i, j))
            i += len(a); j += len(e)
        cs.add((i, j))
        corners[name] = cs
    return corners


def features(r):
    """BeadLogOdds's features of a dump row, in NAMES order."""
    ar_len, en_len = int(r[AR_LEN]), int(r[EN_LEN])
    ar_cov, en_cov, ar_w, en_w, z = (float(r[k]) for k in (AR_COV, EN_COV, AR_W, EN_W, Z))
    min_cov = min(ar_cov, en_cov)
    anchors = int(r[AFTER]) + int(r[BEFORE])
    shape = (ar_len, en_len)
    return [1.0 if shape == (1, 1) else 0.0, 1.0 if ar_len + en_len == 3 else 0.0,
            1.0 if shape == (2, 2) else 0.0, 1.0 if shape in ((1, 3), (3, 1)) else 0.0,
            ar_cov, en_cov, min_cov, min(z * z, kMaxZ2), min(int(r[NUM_M]), kMaxNumbers),
            min(int(r[NUM_U]), kMaxNumbers), math.log1p(min(ar_w, en_w)), 1.0 - float(r[PART]),
            min_cov if anchors == 1 else 0.0, min_cov if anchors == 2 else 0.0]


def near(corners, i, j):
    return any((i + di, j + dj) in corners for di in range(-kNear, kNear + 1) for dj in range(-kNear, kNear + 1))


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[k]] for k, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[k][n] / m[k][k] for k in range(n)]


def logistic(xs, ys, ws, iterations=40):
    d = len(xs[0])
    beta = [0.0] * d
    for it in range(iterations):
        g = [0.0] * d
        h = [[0.0] * d for _ in range(d)]
        ll = 0.0
        for x, y, w in zip(xs, ys, ws):
            z = sum(b * v for b, v in zip(beta, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            ll += w * (math.log(max(p, 1e-12)) if y else math.log(max(1 - p, 1e-12)))
            r = w * (y - p)
            q = w * p * (1 - p)
            nz = [(k, v) for k, v in enumerate(x) if v != 0.0]
            for k, v in nz:
                g[k] += r * v
                hk = h[k]
                qv = q * v
                for l, u in nz:
                    hk[l] += qv * u
        for k in range(2, d):  # ridge on everything but the shape intercepts
            g[k] -= kL2 * beta[k]
            h[k][k] += kL2
        step = solve(h, g)
        beta = [b + s for b, s in zip(beta, step)]
        print(f"  iteration {it}: log-likelihood {ll:.1f}, step {max(abs(s) for s in step):.4f}", file=sys.stderr)
        if max(abs(s) for s in step) < 1e-3:
            break
    return beta


def fit(args):
    anchors = True
    if args and args[0] == "--no-anchors":  # the first pass's model: no previous pass to anchor on
        anchors, args = False, args[1:]
    rng = random.Random(1)
    xs, ys, ws = [], [], []
    for suite, dump in zip(args[0::2], args[1::2]):
        corners = gold_corners(suite)
        npos = nneg = 0
        with open(dump, encoding="utf-8") as f:
            next(f)
            for line in f:
                r = line.rstrip("\n").split("\t")
                y = int(r[LABEL])
                if y:
                    w = 1.0
                    npos += 1
                elif near(corners[r[0]], int(r[1]), int(r[3])):
                    w = 1.0
                elif rng.random() < kFarRate:
                    w = 1.0 / kFarRate
                else:
                    continue
                if int(r[AR_LEN]) + int(r[EN_LEN]) > 3:
                    continue
                x = features(r)
                x = x[:2] + x[4:]
                if not anchors:
                    x = x[:-2]
                nneg += 1 - y
                xs.append(x); ys.append(y); ws.append(w)
        print(f"{suite}: {npos} positives, {nneg} negatives kept", file=sys.stderr)
    names = NAMES[:2] + NAMES[4:]
    beta = dict(zip(names if anchors else names[:-2], logistic(xs, ys, ws)))
    beta["bias_22"] = beta["bias_13"] = beta["bias_merge"] - kUnseenShapePenalty
    flag = "--set" if anchors else "--set1"
    print(" ".join(f"{flag} {n}={b:.3f}" for n, b in beta.items()))


def load_docs(suite, dump, anchors):
    """Per document: the gold beads, the cells near the gold path and the candidate beads in them."""
    corners = gold_corners(suite)
    docs = {}
    with open(dump, encoding="utf-8") as f:
        next(f)
        for line in f:
            r = line.rstrip("\n").split("\t")
            cs = corners[r[0]]
            i, a, j, e = int(r[1]), int(r[2]), int(r[3]), int(r[4])
            if not (near(cs, i, j) and near(cs, i + a, j + e)):
                continue
            x = features(r) if anchors else features(r)[:-2]
            d = docs.setdefault(r[0], {"cands": {}, "gold": []})
            d["cands"].setdefault((i + a, j + e), []).append((i, j, x))
            if int(r[LABEL]):
                d["gold"].append(x)
    for name, d in docs.items():
        cs = corners[name]
        d["cells"] = sorted({(i + di, j + dj) for i, j in cs for di in range(-kNear, kNear + 1)
                             for dj in range(-kNear, kNear + 1) if i + di >= 0 and j + dj >= 0})
        d["end"] = max(cs)
    return docs


def best_path(d, w):
    """Viterbi over the cells near gold: the summed features of the best path's pair beads."""
    best = {}
    for cell in d["cells"]:
        if cell == (0, 0):
            best[cell] = (0.0, None)
            continue
        top = None
        i, j = cell
        for prev in ((i - 1, j), (i, j - 1)):  # a sentence with no counterpart: score 0
            if prev in best and (top is None or best[prev][0] > top[0]):
                top = (best[prev][0], (prev, None))
        for pi, pj, x in d["cands"].get(cell, ()):
            if (pi, pj) in best:
                v = best[(pi, pj)][0] + sum(a * b for a, b in zip(w, x))
                if top is None or v > top[0]:
                    top = (v, ((pi, pj), x))
        if top is not None:
            best[cell] = top
    total = [0.0] * len(w)
    cell = d["end"]
    while cell in best and best[cell][1] is not None:
        prev, x = best[cell][1]
        if x is not None:
            total = [t + v for t, v in zip(total, x)]
        cell = prev
    return total




def perceptron(args):
    anchors = True
    if args and args[0] == "--no-anchors":
        anchors, args = False, args[1:]
    epochs = kPerceptronEpochs
    keep = lambda name: True
    if args and args[0] in ("--even", "--odd"):  # half the documents, for a held-out estimate
        parity, args = (0 if args[0] == "--even" else 1), args[1:]
        keep = lambda name: zlib.crc32(name.encode()) % 2 == parity
    docs = []
    for suite, dump in zip(args[0::2], args[1::2]):
        docs += [d for name, d in sorted(load_docs(suite, dump, anchors).items()) if keep(name)]
        print(f"{suite}: loaded", file=sys.stderr)
    names = NAMES if anchors else NAMES[:-2]
    w = [kPerceptronInit.get(n, 0.0) for n in names]
    total, count = [0.0] * len(w), 0
    rng = random.Random(1)
    for epoch in range(epochs):
        rng.shuffle(docs)
        errors = 0
        for d in docs:
            gold = [sum(col) for col in zip(*d["gold"])] if d["gold"] else [0.0] * len(w)
            pred = best_path(d, w)
            if any(abs(g - p) > 1e-9 for g, p in zip(gold, pred)):
                errors += 1
                w = [a + kPerceptronRate * (g - p) for a, g, p in zip(w, gold, pred)]
            total = [t + a for t, a in zip(total, w)]
            count += 1
        print(f"  epoch {epoch}: {errors} documents wrong", file=sys.stderr)
    avg = [t / count for t in total]
    flag = "--set" if anchors else "--set1"
    print(" ".join(f"{flag} {n}={v:.3f}" for n, v in zip(names, avg)) + f" {flag} search_offset=0")


def platt(args):
    xs, ys = [], []
    for chosen in args:
        for line in open(chosen, encoding="utf-8"):
            r = line.rstrip("\n").split("\t")
            xs.append([float(r[5]), 1.0]); ys.append(int(r[6]))
    global kL2
    kL2 = 0.0
    a, b = logistic(xs, ys, [1.0] * len(xs))
    print(f"--set platt_scale={a:.4f} --set platt_bias={b:.4f}")
    print(f"{len(xs)} chosen pairs, {sum(ys)} right", file=sys.stderr)


if __name__ == "__main__":
    commands = {"fit": fit, "perceptron": perceptron, "platt": platt}
    if len(sys.argv) < 3 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    commands[sys.argv[1]](sys.argv[2:])
