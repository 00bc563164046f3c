#!/usr/bin/env bash
# Lumen's search against Pagefind's on the same synthetic site.
#
#   bench/search.sh [PAGES] [--runs R] [--seed S] [--work DIR] [--build-only] [QUERY...]
#
#   bench/search.sh                   10,000 pages, 3 runs, five queries
#   bench/search.sh --build-only --runs 10 --work /dev/shm/lumen-bench
#                                     what the index adds to a build, alone,
#                                     written to memory (no disk to vary)
#
# 1. Generates (or reuses) the site with ../shared/bench/gensite.py, as
#    compare.sh does, and a twin of it whose site.yaml turns search off
#    (search: {disabled: true}; the same content, hard-linked).
# 2. Times R clean builds of each with `lumen build`, alternating: the
#    difference of the medians is what the search index adds to a build.
#    With --build-only it stops here and prints what the index added.
# 3. Times R runs of Pagefind (npm `pagefind`, pinned in bench/search/)
#    indexing Lumen's built site, as its documentation has it run after
#    a build: `pagefind --site public`.
# 4. Prints the size of both indexes: files, bytes, and bytes gzipped.
# 5. Runs bench/search/query.mjs: each query, with each search, in a new
#    headless Chromium profile: time to ten results and bytes sent, on the
#    loopback and on an emulated slow 4G connection; prints the medians.
#
# Everything is written under WORK (default $LUMEN_BENCH_DIR, else
# /tmp/lumen-bench). Needs go, python3, node and npm, GNU time, and
# Chromium (CHROMIUM=/path, default /usr/bin/chromium) with the browser
# tools of tests/browser (installed with npm ci if missing).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed 's/^# \{0,1\}//; /^set -euo/d'; exit "${1:-0}"; }

N=10000; RUNS=3; SEED=1; QUERIES=(); BUILD_ONLY=0
WORK="${LUMEN_BENCH_DIR:-/tmp/lumen-bench}"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --build-only) BUILD_ONLY=1; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "unknown option $1" >&2; usage 2 ;;
    [0-9]*) N="$1"; shift ;;
    *) QUERIES+=("$1"); shift ;;
  esac
done
[ ${#QUERIES[@]} -gt 0 ] || QUERIES=("arthralgia" "carpal tunnel release" "morning stiffness" "knee pain" "migraine treatment")
[ "$RUNS" -ge 1 ] || { echo "--runs must be at least 1" >&2; exit 2; }

REPO="$(cd "$(dirname "$0")/.." && pwd -P)"
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"

[ -x /usr/bin/time ] || { log "installing GNU time"; need_apt time; }
if [ "$BUILD_ONLY" = 0 ]; then
  [ -x "$REPO/bench/search/node_modules/.bin/pagefind" ] || { log "installing pagefind"; (cd "$REPO/bench/search" && npm ci --no-audit --no-fund >&2); }
  [ -d "$REPO/tests/browser/node_modules/playwright-core" ] || { log "installing the browser tools"; (cd "$REPO/tests/browser" && npm ci --no-audit --no-fund >&2); }
fi
PAGEFIND="$REPO/bench/search/node_modules/.bin/pagefind"

build_lumen

machine
if [ "$BUILD_ONLY" = 0 ]; then
  echo "# lumen $REV built with $(go version | cut -d' ' -f3); $("$PAGEFIND" --version); $(${CHROMIUM:-/usr/bin/chromium} --version 2>/dev/null | head -1)"
else
  echo "# lumen $REV built with $(go version | cut -d' ' -f3)"
fi
echo "# $N pages, runs=$RUNS seed=$SEED work=$WORK; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

on="$(site "$N" plain)"
off="$SITES/$N-s$SEED-plain-nosearch"
rm -rf "$off"; mkdir -p "$off"
cp -al "$on/content" "$off/content"
{ cat "$on/site.yaml"; echo "search: {disabled: true}"; } > "$off/site.yaml"

for label in search nosearch pagefind; do : > "$WORK/time.$label.$N.txt"; done
rm -rf "${TRASH:?}"/*; sync
untimed search "$N" "$on/public" "$on" "$LUMEN" build --no-cache
untimed nosearch "$N" "$off/public" "$off" "$LUMEN" build --no-cache
for i in $(seq 1 "$RUNS"); do
  if [ $((i % 2)) = 1 ]; then order=(search nosearch); else order=(nosearch search); fi
  for label in "${order[@]}"; do
    case "$label" in
      search) timed search "$N" "$on/public" "$on" "$LUMEN" build --no-cache ;;
      nosearch) timed nosearch "$N" "$off/public" "$off" "$LUMEN" build --no-cache ;;
    esac
  done
done
if [ "$BUILD_ONLY" = 1 ]; then
  python3 - "$WORK" "$N" <<'EOF'
import statistics, sys
work, n = sys.argv[1], sys.argv[2]
def runs(label):
    return [list(map(float, l.split())) for l in open(f"{work}/time.{label}.{n}.txt") if l.strip() and l[0].isdigit()]
on, off = runs("search"), runs("nosearch")
med = lambda rs, f: statistics.median(f(r) for r in rs)
w1, w0 = med(on, lambda r: r[0]), med(off, lambda r: r[0])
c1, c0 = med(on, lambda r: r[1] + r[2]), med(off, lambda r: r[1] + r[2])
print("with search: wall %.2f s, CPU %.2f s, peak %.0f MB (medians of %d)" % (w1, c1, med(on, lambda r: r[3]) / 1024, len(on)))
print("without:     wall %.2f s, CPU %.2f s, peak %.0f MB" % (w0, c0, med(off, lambda r: r[3]) / 1024))
print("the index adds: wall %+.1f%%, CPU %+.1f%% (medians of each)" % (100 * (w1 / w0 - 1), 100 * (c1 / c0 - 1)))
# Each pair ran back to back, so the ratio within a pair is less moved by
# a machine whose speed drifts over minutes than the ratio of medians.
rw = statistics.median(a[0] / b[0] for a, b in zip(on, off))
rc = statistics.median((a[1] + a[2]) / (b[1] + b[2]) for a, b in zip(on, off))
print("                wall %+.1f%%, CPU %+.1f%% (median of the pairs' ratios)" % (100 * (rw - 1), 100 * (rc - 1)))
print("pairs (wall with / without): " + ", ".join("%.2f/%.2f" % (a[0], b[0]) for a, b in zip(on, off)))
EOF
  rm -rf "${TRASH:?}"/* "$off/public"
  echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
for i in $(seq 1 "$RUNS"); do
  rm -rf "$on/public/pagefind"; sync
  timed pagefind "$N" "$on/public/pagefind" "$on" "$PAGEFIND" --site public
done
rm -rf "${TRASH:?}"/* "$off/public"

# size PATH: files, bytes and bytes gzipped (each file alone, level 6) of a
# folder or of one file.
size() {
  python3 - "$1" <<'EOF'
import gzip, os, sys
files = raw = gz = 0
top = sys.argv[1]
paths = [top] if os.path.isfile(top) else [os.path.join(d, n) for d, _, ns in os.walk(top) for n in ns]
for p in paths:
    data = open(p, "rb").read()
    files += 1; raw += len(data); gz += len(gzip.compress(data, 6))
print(files, raw, gz)
EOF
}
read -r lf lraw lgz < <(size "$on/public/search")
read -r pf praw pgz < <(size "$on/public/pagefind")
# Lumen's index also includes the search page's script.
read -r _ sraw sgz < <(size "$(find "$on/public/js" -name 'search.*.js' | head -1)")

log "queries in Chromium: ${QUERIES[*]}"
node "$REPO/bench/search/query.mjs" "$on/public" "${QUERIES[@]}" > "$WORK/queries.$N.jsonl"
node "$REPO/bench/search/query.mjs" --throttle "$on/public" "${QUERIES[@]}" >> "$WORK/queries.$N.jsonl"

python3 - "$WORK" "$N" "$lf $lraw $lgz $sraw $sgz" "$pf $praw $pgz" <<'EOF'
import json, statistics, sys
work, n = sys.argv[1], sys.argv[2]
lf, lraw, lgz, sraw, sgz = map(int, sys.argv[3].split())
pf, praw, pgz = map(int, sys.argv[4].split())
def times(label):
    runs = [list(map(float, l.split())) for l in open(f"{work}/time.{label}.{n}.txt") if l.strip() and l[0].isdigit()]
    return dict(wall=statistics.median(r[0] for r in runs), cpu=statistics.median(r[1] + r[2] for r in runs),
                rss=statistics.median(r[3] for r in runs) / 1024, walls=" ".join("%.2f" % r[0] for r in runs))
on, off, pf_t = times("search"), times("nosearch"), times("pagefind")
mb = lambda b: "%.1f MB" % (b / 1e6)
print()
print("| | Lumen | Pagefind |")
print("|---|---:|---:|")
print("| time to index (wall, median) | %.2f s (build %.2f s with search, %.2f s without: +%.1f%%) | %.2f s |" % (
    on["wall"] - off["wall"], on["wall"], off["wall"], 100 * (on["wall"] / off["wall"] - 1), pf_t["wall"]))
print("| CPU to index | %.2f s (%.2f s with, %.2f s without) | %.2f s |" % (on["cpu"] - off["cpu"], on["cpu"], off["cpu"], pf_t["cpu"]))
print("| peak memory | %.0f MB (build; %.0f MB without search) | %.0f MB |" % (on["rss"], off["rss"], pf_t["rss"]))
print("| index: files, size (gzipped) | %d, %s (%s) + script %.1f kB (%.1f kB) | %d, %s (%s) |" % (
    lf, mb(lraw), mb(lgz), sraw / 1e3, sgz / 1e3, pf, mb(praw), mb(pgz)))
rows = [json.loads(l) for l in open(f"{work}/queries.{n}.jsonl")]
for throttled, label in ((False, "loopback"), (True, "slow 4G")):
    for key, what in (("ms", "time to ten results from navigation, %s (median ms)" % label),
                      ("scriptMs", "… from the search script's request, %s (median ms)" % label)):
        vals = {e: statistics.median(r[key] for r in rows if r["engine"] == e and r["throttled"] == throttled) for e in ("lumen", "pagefind")}
        print("| %s | %.0f | %.0f |" % (what, vals["lumen"], vals["pagefind"]))
kb = {e: [r["kb"] for r in rows if r["engine"] == e and not r["throttled"]] for e in ("lumen", "pagefind")}
req = {e: [r["requests"] for r in rows if r["engine"] == e and not r["throttled"]] for e in ("lumen", "pagefind")}
page = statistics.median(r["pageKB"] for r in rows if r["engine"] == "lumen")
print("| bytes for a first query (median, min–max kB; requests) | %.1f (%.1f–%.1f; %d) + the search page %.1f | %.1f (%.1f–%.1f; %d) |" % (
    statistics.median(kb["lumen"]), min(kb["lumen"]), max(kb["lumen"]), statistics.median(req["lumen"]), page,
    statistics.median(kb["pagefind"]), min(kb["pagefind"]), max(kb["pagefind"]), statistics.median(req["pagefind"])))
print()
print("builds (wall s): with search %s; without %s; pagefind %s" % (on["walls"], off["walls"], pf_t["walls"]))
for r in rows:
    print("  %-8s %-24s %s %5d ms %5d ms from script %3d requests %7.1f kB, %d results" % (
        r["engine"], r["query"], "4G " if r["throttled"] else "lo ", r["ms"], r["scriptMs"], r["requests"], r["kb"], r["results"]))
EOF
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
