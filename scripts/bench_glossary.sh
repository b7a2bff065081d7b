#!/bin/sh
# Glossary benchmark: import of 100k synthetic entries into a store, then lookup latency p50/p99
# (bench/bench_glossary.cpp). Usage: scripts/bench_glossary.sh [BUILD_DIR] [benchmark flags...]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
[ $# -gt 0 ] && shift
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target bench_glossary -j2 >/dev/null
exec "$build/bench/bench_glossary" "$@"
