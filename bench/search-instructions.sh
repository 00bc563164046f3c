#!/usr/bin/env bash
# What the search index adds to a build, counted in instructions rather
# than timed: free of this machine's drift, which is larger than the
# effect (see the README).
#
#   bench/search-instructions.sh [PAGES] [--seed S] [--work DIR] [--rev REV] [--runs N]
#
#   bench/search-instructions.sh 2000 --work /dev/shm/lumen-bench --runs 3
#
# Generates (or reuses) the synthetic site as compare.sh does, builds the
# generator package's test binary (of REV when given, in a worktree of
# its own, else of the work tree; REV must have BenchmarkBuildWithoutIndex,
# from d92ebd0 on), and runs two benchmarks under
# Valgrind's cachegrind, one build each, at the same time (cachegrind
# runs one thread at a time; GOMAXPROCS=1, GOGC=200 as lumen build runs):
# BenchmarkBuild, and BenchmarkBuildWithoutIndex, the same build without
# the index alone (the search page and the box in every header kept). It
# prints the instructions of each and what the index adds, in percent.
# A count differs from run to run by about 0.2%, at times by up to 2%, and
# the index's share with it by up to a point (the garbage collector runs
# at other moments): count more than once (--runs N counts N pairs, one
# after the other, and prints each and the median share). Instructions
# are not time (a cache miss costs more than an addition), so this is a
# second measure beside the timed ones, not a substitute. At 2,000 pages
# a count takes about a minute; at 10,000 about five. Needs go, python3
# and valgrind.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed 's/^# \{0,1\}//; /^set -euo/d'; exit "${1:-0}"; }

N=2000; SEED=1; REVISION=""; RUNS=1
WORK="${LUMEN_BENCH_DIR:-/tmp/lumen-bench}"
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) SEED="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --rev) REVISION="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    -h|--help) usage ;;
    [0-9]*) N="$1"; shift ;;
    *) echo "unknown argument $1" >&2; usage 2 >&2 ;;
  esac
done

REPO="$(cd "$(dirname "$0")/.." && pwd)"
. "$REPO/bench/lib.sh"
command -v valgrind >/dev/null || need_apt valgrind

dir="$(site "$N" plain)"
bin="$WORK/generator-$N.test"
src="$REPO"
if [ -n "$REVISION" ]; then
  src="$WORK/worktree-instructions"
  git -C "$REPO" worktree remove --force "$src" 2>/dev/null || rm -rf "$src"
  git -C "$REPO" worktree add -q --detach "$src" "$REVISION"
  trap 'git -C "$REPO" worktree remove --force "$src"' EXIT
fi
if ! grep -q '^func BenchmarkBuildWithoutIndex' "$src"/generator/*_test.go; then
  echo "${REVISION:-the work tree} has no BenchmarkBuildWithoutIndex (it came in d92ebd0)" >&2; exit 2
fi
log "building the test binary of ${REVISION:-the work tree}"
(cd "$src" && go test -c -o "$bin" ./generator)

# count BENCHMARK prints the instructions one build of BENCHMARK takes
# (with the test binary's start, the same for both).
count() {
  (cd "$src/generator" && GOMAXPROCS=1 GOGC=200 valgrind --tool=cachegrind --cache-sim=no \
    --cachegrind-out-file=/dev/null "$bin" -test.run '^$' -test.bench "^$1\$" \
    -test.benchtime 1x -bench.site "$dir" 2>&1) |
    awk '/I *refs:/ { gsub(",", "", $NF); print $NF }'
}
machine
# One build first, not counted, so that the site's pictures are in the
# image cache: a build that encodes a WebP compiles libwebp's WebAssembly
# (wazero) first: with the encoding, 1.8 billion instructions at 2,000 pages,
# which would count in both builds and make the index's share look smaller.
log "warming the image cache (one build, not counted)"
(cd "$src/generator" && GOMAXPROCS=1 GOGC=200 "$bin" -test.run '^$' -test.bench '^BenchmarkBuild$' \
  -test.benchtime 1x -bench.site "$dir" >/dev/null)
with="$WORK/instructions-with"; without="$WORK/instructions-without"; shares="$WORK/instructions-shares"
: > "$shares"
for run in $(seq 1 "$RUNS"); do
  log "counting, run $run of $RUNS (two builds under cachegrind, at once)"
  count BenchmarkBuild > "$with" &
  count BenchmarkBuildWithoutIndex > "$without" &
  wait
  awk -v a="$(cat "$with")" -v b="$(cat "$without")" -v n="$N" 'BEGIN {
    printf "%d pages: %.3f billion instructions with the index, %.3f without: the index adds %.2f%%\n", n, a/1e9, b/1e9, 100*(a/b-1)
  }'
  awk -v a="$(cat "$with")" -v b="$(cat "$without")" 'BEGIN { printf "%.4f\n", 100*(a/b-1) }' >> "$shares"
done
if [ "$RUNS" -gt 1 ]; then
  sort -n "$shares" | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    printf "median of %d runs: the index adds %.2f%% (%.2f–%.2f%%)\n", NR, m, v[1], v[NR]
  }'
fi
