#!/usr/bin/env bash
# Build speed and memory of Lumen against Hugo on the same synthetic site.
#
#   bench/compare.sh [PAGES...] [--runs R] [--warmup W] [--seed S]
#                    [--lumen-only] [--work DIR]
#
#   bench/compare.sh                          1,000 and 10,000 pages, both tools
#   bench/compare.sh --lumen-only --runs 1 30000 100000     scale runs
#
# For each page count N it generates the site with ../shared/bench/gensite.py
# (the same content/ tree: --flavor plain for Lumen, --flavor hugo for Hugo;
# kept in WORK/sites and reused while N, the seed and gensite.py are the
# same), then times clean builds: W untimed warm-ups (default 1) and R timed
# runs (default 3) of each tool, alternating Lumen and Hugo run by run,
# because the disk speed of a shared machine drifts. Before every build the
# previous output is moved aside (deleted after the last run) and the disk
# is synced, so each build writes into an empty folder. Builds are measured
# with GNU time: wall time, CPU time (user + sys) and peak RSS.
#
# Prints, per N and tool, the medians and pages per second; the ratios
# Lumen / Hugo; and Lumen's wall seconds per 1,000 pages, whose flatness
# across N shows whether its cost grows linearly. Lumen's stage times are
# those of its last timed build (`lumen build -v`).
#
# Content fix-up: gensite.py draws link text from random words and, about
# once per 10,000 pages, makes a link whose whole text is vague ("learn
# more", "here"). Lumen refuses those (WCAG 2.4.4); Hugo does not check. The
# script appends " about this topic" to such link texts in both trees, so
# both tools still build byte-identical content.
#
# Lumen is built from this repository with `go build`; Hugo is the `hugo` on
# PATH (Debian's package is installed if missing, as peers.sh does).
# Everything is written under WORK (default $LUMEN_BENCH_DIR, else
# /tmp/lumen-bench). Needs go, python3 and GNU time (/usr/bin/time).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed 's/^# \{0,1\}//; /^set -euo/d'; exit "${1:-0}"; }

PAGES=(); RUNS=3; WARMUP=1; SEED=1; LUMEN_ONLY=0
WORK="${LUMEN_BENCH_DIR:-/tmp/lumen-bench}"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --lumen-only) LUMEN_ONLY=1; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "unknown option $1" >&2; usage 2 ;;
    *) PAGES+=("$1"); shift ;;
  esac
done
[ ${#PAGES[@]} -gt 0 ] || PAGES=(1000 10000)
[ "$RUNS" -ge 1 ] || { echo "--runs must be at least 1" >&2; exit 2; }

REPO="$(cd "$(dirname "$0")/.." && pwd -P)"
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
export HUGO_CACHEDIR="$WORK/hugo-cache"
HUGO="${HUGO:-hugo}"

[ -x /usr/bin/time ] || { log "installing GNU time"; need_apt time; }
command -v python3 >/dev/null || { log "installing python3"; need_apt python3; }
if [ "$LUMEN_ONLY" = 0 ] && ! command -v "$HUGO" >/dev/null; then log "installing hugo (Debian)"; need_apt hugo; fi

build_lumen

# ---------------------------------------------------------------- header
machine
echo "# lumen $REV built with $(go version | cut -d' ' -f3)"
[ "$LUMEN_ONLY" = 1 ] || echo "# $("$HUGO" version | cut -d' ' -f1-2)"
echo "# runs=$RUNS warmup=$WARMUP seed=$SEED work=$WORK"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"

RESULTS="$WORK/results.txt"; : > "$RESULTS"
for n in "${PAGES[@]}"; do
  psite="$(site "$n" plain)"
  # --no-cache: every build is cold (the build cache is timed by bench/cache.sh).
  lumen_cmd=("$LUMEN" build -v --no-cache -source "$psite" -dest "$psite/public")
  tools=(lumen)
  if [ "$LUMEN_ONLY" = 0 ]; then
    hsite="$(site "$n" hugo)"
    hugo_cmd=("$HUGO" --quiet -d "$hsite/public")
    tools=(lumen hugo)
    cmp -s <(cd "$psite/content" && find . -type f -print0 | sort -z | xargs -0 sha256sum) \
           <(cd "$hsite/content" && find . -type f -print0 | sort -z | xargs -0 sha256sum) ||
      { echo "the content of $psite and $hsite differ" >&2; exit 1; }
  fi
  for t in "${tools[@]}"; do : > "$WORK/time.$t.$n.txt"; done
  rm -rf "${TRASH:?}"/*; sync; sleep 2
  log "$n pages: $WARMUP warm-up and $RUNS timed builds of ${tools[*]}, alternating (load $(cut -d' ' -f1-3 /proc/loadavg))"
  for i in $(seq 1 "$WARMUP"); do
    untimed lumen "$n" "$psite/public" "$psite" "${lumen_cmd[@]}"
    [ "$LUMEN_ONLY" = 1 ] || untimed hugo "$n" "$hsite/public" "$hsite" "${hugo_cmd[@]}"
  done
  for i in $(seq 1 "$RUNS"); do
    # alternate which tool goes first, so neither always follows the other
    if [ $((i % 2)) = 1 ] || [ "$LUMEN_ONLY" = 1 ]; then order=("${tools[@]}"); else order=(hugo lumen); fi
    for t in "${order[@]}"; do
      case "$t" in
        lumen) timed lumen "$n" "$psite/public" "$psite" "${lumen_cmd[@]}" ;;
        hugo) timed hugo "$n" "$hsite/public" "$hsite" "${hugo_cmd[@]}" ;;
      esac
    done
  done
  files_l=$(find "$psite/public" -type f | wc -l)
  echo "# $n pages: lumen wrote $files_l files$( [ "$LUMEN_ONLY" = 1 ] || echo ", hugo $(find "$hsite/public" -type f | wc -l)"); lumen printed $(grep -c '^warning:' "$LOGS/lumen.$n.err" || true) warning lines; load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# lumen stages (last build, ms): $(grep -E '^  [a-z+]+ +[0-9]+ ms' "$LOGS/lumen.$n.out" | awk '{printf "%s %s, ", $1, $2}' | sed 's/, $//')"
  for t in "${tools[@]}"; do echo "$n $t $WORK/time.$t.$n.txt" >> "$RESULTS"; done
  rm -rf "${TRASH:?}"/*
done

python3 - "$RESULTS" <<'EOF'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    n, tool, tf = line.split()
    runs = [list(map(float, l.split())) for l in open(tf) if l.strip() and l[0].isdigit()]
    rows[(int(n), tool)] = dict(
        runs=len(runs),
        wall=statistics.median(r[0] for r in runs),
        cpu=statistics.median(r[1] + r[2] for r in runs),
        rss=statistics.median(r[3] for r in runs) / 1024,
        walls=" ".join("%.2f" % r[0] for r in runs))
print()
print("| pages | tool | runs | wall s | CPU s | peak RSS MB | pages/s | wall s per 1,000 pages | wall of each run |")
print("|---:|---|---:|---:|---:|---:|---:|---:|---|")
ns = sorted({n for n, _ in rows})
for n in ns:
    for tool in ("lumen", "hugo"):
        r = rows.get((n, tool))
        if r:
            print("| %d | %s | %d | %.2f | %.2f | %.0f | %.0f | %.3f | %s |" % (
                n, tool, r["runs"], r["wall"], r["cpu"], r["rss"], n / r["wall"], r["wall"] / n * 1000, r["walls"]))
    l, h = rows.get((n, "lumen")), rows.get((n, "hugo"))
    if l and h:
        print("| %d | **Lumen / Hugo** | | **%.2f** | **%.2f** | **%.2f** | | | |" % (
            n, l["wall"] / h["wall"], l["cpu"] / h["cpu"], l["rss"] / h["rss"]))
lumen = [(n, rows[(n, "lumen")]) for n in ns if (n, "lumen") in rows]
if len(lumen) > 1:
    base_n, base = lumen[0]
    print()
    print("Lumen scale (relative to %d pages): " % base_n + "; ".join(
        "%d: %.3f s and %.1f CPU s per 1,000 pages (x%.2f wall), %.0f MB" % (
            n, r["wall"] / n * 1000, r["cpu"] / n * 1000, (r["wall"] / n) / (base["wall"] / base_n), r["rss"])
        for n, r in lumen))
EOF
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
