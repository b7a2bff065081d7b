#!/usr/bin/env bash
# One command set-up for a fresh Debian bookworm machine (run as root, or a user with sudo).
#
#   scripts/setup.sh demo   install runtime+build packages, build nazir, run it on examples/sample
#   scripts/setup.sh test   install build+test packages (GoogleTest, OmegaT, translate-toolkit, xmllint),
#                           build everything and run the whole test suite with CTest
#   scripts/setup.sh build  install build packages and build only
#
# Environment: NAZIR_BUILD_DIR (default: build), NAZIR_JOBS (default: all cores),
#              NAZIR_SKIP_APT=1 to skip apt-get (packages already there).
set -euo pipefail
mode=${1:-demo}
here=$(cd "$(dirname "$0")/.." && pwd)
build=${NAZIR_BUILD_DIR:-$here/build}
jobs=${NAZIR_JOBS:-$(nproc)}

# Build dependencies. FreeDict's Arabic-English dictionaries seed the aligner's lexicon (read at run
# time from /usr/share/dictd).
build_pkgs=(cmake make g++ pkg-config libicu-dev libboost-locale-dev libxerces-c-dev libsqlite3-dev
  zlib1g-dev libxxhash-dev libcli11-dev nlohmann-json3-dev dict-freedict-ara-eng dict-freedict-eng-ara)
# Test dependencies: GoogleTest/Benchmark, and the real clients the TMX/TBX tests check against.
test_pkgs=(libgtest-dev libgmock-dev libbenchmark-dev python3 libxml2-utils omegat python3-translate unzip
  sqlite3)

install_pkgs() {
  [[ "${NAZIR_SKIP_APT:-0}" == 1 ]] && return 0
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "setup: installing Debian packages: $*" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

configure_and_build() {
  local tests=$1
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNAZIR_BUILD_TESTS="$tests" \
    -DNAZIR_BUILD_BENCHMARKS="$tests" >/dev/null
  cmake --build "$build" -j "$jobs"
}

case "$mode" in
  demo)
    install_pkgs "${build_pkgs[@]}"
    configure_and_build OFF
    NAZIR="$build/nazir" "$here/scripts/demo.sh"
    ;;
  test)
    install_pkgs "${build_pkgs[@]}" "${test_pkgs[@]}"
    configure_and_build ON
    cd "$build"
    ctest --output-on-failure -j "$jobs" --timeout 600
    ;;
  build)
    install_pkgs "${build_pkgs[@]}"
    configure_and_build OFF
    ;;
  *)
    echo "usage: scripts/setup.sh demo|test|build" >&2
    exit 2
    ;;
esac
