#!/usr/bin/env python3
"""Fits the pair models of the name matcher (src/names/pair_model.inc) on the train half of names-dev.

usage:
  fit_names_pair_model.py DATA_DIR NAMES_EVAL > src/names/pair_model.inc
      DATA_DIR = ../shared/data/names-dev, NAMES_EVAL = BUILD/tests/names/names_eval (its `symbols` mode
      gives the symbol strings the C++ matcher compares, so the tables fit exactly what it sees).
      Run by `scripts/eval_names.sh DATA_DIR BUILD_DIR fit-pair`.

Two memoryless stochastic transducers (Ristad & Yianilos 1998, "Learning string edit distance"), fitted
by expectation-maximization (forward-backward over every alignment of each pair):
  Arabic-Arabic  two Arabic spellings of one name (ArabicVariantSymbols), symmetric: pairs of spellings of
                 one name in the train half of variants.tsv (at most kMaxSpellings per name), and pairs
                 of Arabic labels of wikidata_person_tokens.tsv whose English tokens are one name up to
                 case, diacritics and doubled letters (Zakaria/Zakariya), every token of the group in the
                 train half.
  Arabic-English an Arabic word (ArabicSymbols) and its English token (EnglishSymbols): the train half
                 of wikidata_person_tokens.tsv.
The tables hold log-odds in nats against a unigram background of each side's symbols: sub(a, b) =
log p(a, b) - log q(a) - log q(b), del(a) = log p(a, -) - log q(a), ins(b) = log p(-, b) - log q(b), so
the best alignment's sum is the log-likelihood ratio "one name" against "two unrelated strings" (the
stop probabilities, a constant per pair, are left out). The half split is names_eval's (FNV-1a of the
lower-cased English name, splitmix64 finalizer, even = train). Only measurement glue: the build never
runs this, it compiles the committed .inc.
"""
import collections, math, re, subprocess, sys, unicodedata

kMaxSpellings = 6        # spellings of one variants.tsv name paired (at most 15 pairs per name)
kArArIterations = 8      # EM iterations (the log-likelihood has settled to 1e-4 relative by then)
kArEnIterations = 6
kSmoothing = 0.1         # added to every expected count (Lidstone)
# Initial weights before normalization: identity, substitution, insertion/deletion, stop.
kInitMatch, kInitSub, kInitIndel = 10.0, 0.3, 0.5

M64 = (1 << 64) - 1


def fnv1a(s):
    h = 1469598103934665603
    for c in s.encode('utf-8'):
        h ^= c
        h = (h * 1099511628211) & M64
    return h


def mix(x):
    x ^= x >> 30
    x = (x * 0xbf58476d1ce4e5b9) & M64
    x ^= x >> 27
    x = (x * 0x94d049bb133111eb) & M64
    x ^= x >> 31
    return x


def lower_ascii(s):
    return ''.join(chr(ord(c) + 32) if 'A' <= c <= 'Z' else c for c in s)


def half(english):
    return 'train' if mix(fnv1a(lower_ascii(english))) % 2 == 0 else 'test'


def fold(s):
    s = unicodedata.normalize('NFKD', s.lower())
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r'[^a-z]', '', s)
    return re.sub(r'(.)\1+', r'\1', s)


def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        next(f)
        return [line.rstrip('\n').split('\t') for line in f]


class Symbolizer:
    """names_eval symbols: per line, ArabicVariantSymbols, key, ArabicSymbols, EnglishSymbols."""

    def __init__(self, names_eval):
        self.bin = names_eval
        self.cache = {}

    def columns(self, texts):
        todo = sorted(set(t for t in texts if t not in self.cache))
        if todo:
            path = '/tmp/fit_names_pair_model.%d.txt' % id(self)
            with open(path, 'w', encoding='utf-8') as f:
                f.write('\n'.join(todo) + '\n')
            out = subprocess.run([self.bin, 'symbols', path], capture_output=True, text=True,
                                 check=True).stdout.split('\n')
            for t, o in zip(todo, out):
                self.cache[t] = o.split('\t')
        return [self.cache[t] for t in texts]


class PairModel:
    def __init__(self, alphabet, symmetric):
        self.alphabet = sorted(alphabet)
        self.symmetric = symmetric
        self.p = {}
        for a in self.alphabet:
            for b in self.alphabet:
                self.p[(a, b)] = kInitMatch if a == b else kInitSub
            self.p[(a, '')] = kInitIndel
            self.p[('', a)] = kInitIndel
        self.p[('#', '#')] = kInitIndel * len(self.alphabet)
        self.normalize()

    def normalize(self):
        t = sum(self.p.values())
        for k in self.p:
            self.p[k] /= t

    def expect(self, x, y, counts):
        """Adds the posterior counts of the edit operations of (x, y); returns log p(x, y)."""
        p = self.p
        n, m = len(x), len(y)
        fw = [[0.0] * (m + 1) for _ in range(n + 1)]
        fw[0][0] = 1.0
        for i in range(n + 1):
            for j in range(m + 1):
                if i == 0 and j == 0:
                    continue
                v = 0.0
                if i > 0:
                    v += fw[i - 1][j] * p[(x[i - 1], '')]
                if j > 0:
                    v += fw[i][j - 1] * p[('', y[j - 1])]
                if i > 0 and j > 0:
                    v += fw[i - 1][j - 1] * p[(x[i - 1], y[j - 1])]
                fw[i][j] = v
        bw = [[0.0] * (m + 1) for _ in range(n + 1)]
        bw[n][m] = p[('#', '#')]
        for i in range(n, -1, -1):
            for j in range(m, -1, -1):
                if i == n and j == m:
                    continue
                v = 0.0
                if i < n:
                    v += bw[i + 1][j] * p[(x[i], '')]
                if j < m:
                    v += bw[i][j + 1] * p[('', y[j])]
                if i < n and j < m:
                    v += bw[i + 1][j + 1] * p[(x[i], y[j])]
                bw[i][j] = v
        z = fw[n][m] * p[('#', '#')]
        if z <= 0:
            return 0.0
        for i in range(n + 1):
            for j in range(m + 1):
                f = fw[i][j]
                if f == 0:
                    continue
                if i < n:
                    counts[(x[i], '')] += f * p[(x[i], '')] * bw[i + 1][j] / z
                if j < m:
                    counts[('', y[j])] += f * p[('', y[j])] * bw[i][j + 1] / z
                if i < n and j < m:
                    counts[(x[i], y[j])] += f * p[(x[i], y[j])] * bw[i + 1][j + 1] / z
        counts[('#', '#')] += 1
        return math.log(z)

    def fit(self, pairs, iterations):
        for it in range(iterations):
            counts = collections.defaultdict(float)
            ll = 0.0
            for x, y in pairs:
                ll += self.expect(x, y, counts)
                if self.symmetric:
                    self.expect(y, x, counts)
            for k in self.p:
                self.p[k] = counts.get(k, 0.0) + kSmoothing
            self.normalize()
            print('  iteration %d: log-likelihood %.1f' % (it, ll), file=sys.stderr)


def background(strings, alphabet):
    c = collections.Counter()
    for s in strings:
        c.update(s)
    total = sum(c.values())
    return {a: math.log((c.get(a, 0) + 1) / (total + len(alphabet))) for a in alphabet}


def log_odds_table(model, qa, qb):
    rows = []
    for (a, b), p in sorted(model.p.items()):
        if a == '#':
            continue
        lo = math.log(p) - (qa[a] if a else 0.0) - (qb[b] if b else 0.0)
        rows.append((a or '_', b or '_', lo))
    return rows


def char_lit(c):
    return "'\\''" if c == "'" else "'%s'" % c


def print_table(name, rows):
    print('constexpr PairLogOdds %s[] = {' % name)
    line = '   '
    for i, (a, b, lo) in enumerate(rows):
        item = ' {%s, %s, %.3f},' % (char_lit(a), char_lit(b), lo)
        if len(line) + len(item) > 110:
            print(line)
            line = '   '
        line += item
    print(line)
    print('};')


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    data, names_eval = sys.argv[1], sys.argv[2]
    sym = Symbolizer(names_eval)
    wikidata = [r for r in read_tsv(data + '/wikidata_person_tokens.tsv') if len(r) >= 2]
    # Arabic-Arabic pairs.
    text_pairs = []
    for r in read_tsv(data + '/variants.tsv'):
        if len(r) < 3 or half(r[0]) != 'train':
            continue
        sp = sorted(set(x for x in r[2].split('|') if x))[:kMaxSpellings]
        text_pairs += [(sp[i], sp[j]) for i in range(len(sp)) for j in range(i + 1, len(sp))]
    n_variants = len(text_pairs)
    groups = collections.defaultdict(list)
    for r in wikidata:
        groups[fold(r[1])].append((r[0], r[1]))
    for g in groups.values():
        if len(g) < 2 or any(half(en) != 'train' for _, en in g):
            continue
        ar = sorted(set(a for a, _ in g))
        text_pairs += [(ar[i], ar[j]) for i in range(len(ar)) for j in range(i + 1, len(ar))]
    cols = sym.columns([t for p in text_pairs for t in p])
    arar = [(cols[2 * i][0], cols[2 * i + 1][0]) for i in range(len(text_pairs))]
    arar = [(a, b) for a, b in arar if a and b]
    print('Arabic-Arabic: %d pairs (%d from variants.tsv)' % (len(arar), n_variants), file=sys.stderr)
    alpha = set(c for p in arar for s in p for c in s)
    m_arar = PairModel(alpha, symmetric=True)
    m_arar.fit(arar, kArArIterations)
    q = background([s for p in arar for s in p], m_arar.alphabet)
    arar_rows = log_odds_table(m_arar, q, q)
    # Arabic-English pairs.
    train = [r for r in wikidata if half(r[1]) == 'train']
    ca = sym.columns([r[0] for r in train])
    ce = sym.columns([r[1] for r in train])
    aren = [(a[2], e[3]) for a, e in zip(ca, ce) if a[2] and e[3]]
    print('Arabic-English: %d pairs' % len(aren), file=sys.stderr)
    alpha = set(c for p in aren for s in p for c in s)
    m_aren = PairModel(alpha, symmetric=False)
    m_aren.fit(aren, kArEnIterations)
    qa = background([a for a, _ in aren], m_aren.alphabet)
    qe = background([e for _, e in aren], m_aren.alphabet)
    aren_rows = log_odds_table(m_aren, qa, qe)
    print('// Generated by scripts/fit_names_pair_model.py (scripts/eval_names.sh DATA BUILD fit-pair) from the train')
    print('// half of ../shared/data/names-dev: Arabic-Arabic from %d pairs of spellings of one name (%d from' %
          (len(arar), n_variants))
    print('// variants.tsv, the rest Wikidata labels of one English name up to case, diacritics and doubled')
    print('// letters), Arabic-English from %d word pairs of wikidata_person_tokens.tsv (Wikidata, CC0).' % len(aren))
    print('// Memoryless stochastic edit transducers fitted by EM (%d and %d iterations); {a, b, log-odds in nats}' %
          (kArArIterations, kArEnIterations))
    print("// against a unigram background, '_' = nothing. Do not edit by hand.")
    print_table('kArArPairModel', arar_rows)
    print_table('kArEnPairModel', aren_rows)


if __name__ == '__main__':
    main()
