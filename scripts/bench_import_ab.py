#!/usr/bin/env python3
"""Interleaved A/B of `nazir tm import` between builds (or settings) on one TMX.

The machine's speed drifts by +-15% from minute to minute, so two builds are compared in alternating
rounds rather than one after the other; the summary gives each one's range and median of the import's
own TU/s and of /usr/bin/time's CPU seconds (user + sys) and peak RSS.

usage: scripts/bench_import_ab.py ROUNDS TMX LABEL=BINARY[:ENV=VALUE,...] ...
  e.g. scripts/bench_import_ab.py 6 synth400000.tmx old=/tmp/old/nazir new=build/nazir
(the TMX from `build/bench/bench_tm_gen tmx 400000 synth400000.tmx`; stores go to a temp folder).
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    rounds, tmx = int(sys.argv[1]), sys.argv[2]
    variants = []
    for arg in sys.argv[3:]:
        label, spec = arg.split("=", 1)
        binary, _, envs = spec.partition(":")
        env = dict(os.environ)
        for kv in filter(None, envs.split(",")):
            k, v = kv.split("=", 1)
            env[k] = v
        variants.append((label, binary, env))
    results = {label: [] for label, _, _ in variants}
    work = tempfile.mkdtemp(prefix="nazir_ab_")
    db = os.path.join(work, "ab.db")
    for _ in range(rounds):
        for label, binary, env in variants:
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            p = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M", binary, "tm", "import", tmx, "--db", db],
                               env=env, capture_output=True, text=True)
            t = re.search(r"TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", p.stderr)
            rate = re.search(r"\((\d+) TU/s\)", p.stderr)
            if p.returncode != 0 or not t or not rate:
                sys.exit(f"{label}: import failed:\n{p.stderr}")
            row = (int(rate[1]), float(t[2]) + float(t[3]), int(t[4]) // 1000)
            results[label].append(row)
            print(f"{label:10s} {row[0]} TU/s, CPU {row[1]:.2f} s, {row[2]} MB", file=sys.stderr, flush=True)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    os.rmdir(work)
    for label, rows in results.items():
        rates = [r[0] for r in rows]
        cpu = [r[1] for r in rows]
        print(f"{label:10s} TU/s {min(rates)}-{max(rates)} median {statistics.median(rates):.0f}; "
              f"CPU {min(cpu):.1f}-{max(cpu):.1f} s median {statistics.median(cpu):.1f}; "
              f"peak RSS {max(r[2] for r in rows)} MB")


if __name__ == "__main__":
    main()
