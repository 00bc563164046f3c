#!/usr/bin/env bash
# What the build cache of lumen build saves, on a synthetic site.
#
#   bench/cache.sh [PAGES] [--runs R] [--seed S] [--work DIR]
#
#   bench/cache.sh                 10,000 pages, 3 runs
#   bench/cache.sh 2000 --runs 5
#
# Generates (or reuses) the site as compare.sh does, copies it to
# WORK/cache-site (the edits below must not touch the shared copy), and
# then, R times, times with GNU time (wall, CPU = user + sys, peak RSS):
#
#   cold, no cache    lumen build --no-cache, into an empty folder
#   cold, writing     lumen build --clean: every page made, the cache written
#   nothing changed   lumen build again
#   one body          one article's text edited (a sentence added)
#   one body, again   and once more, as someone does who edits and builds
#                     (the build before the last is then the spare it
#                     publishes into: see README, "Publishing is atomic")
#   one title         one article's title edited: a title other pages list
#   a new article     an article added (removed again at the end of the run)
#   a template        the footer partial overridden in the site (a template
#                     comment added: no page's HTML changes)
#   a template's HTML the footer partial given a paragraph: every page changes
#
# and prints the medians, the pages each build reused (nothing they are
# made from changed), re-rendered (rendered the same as before, then
# carried over) and made, and whose Markdown it converted (reconverted;
# from lumen build -v), and each time as a share of the cold build's. The
# cache lives in WORK/xdg (XDG_CACHE_HOME). Needs go, python3 and GNU time.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed 's/^# \{0,1\}//; /^set -euo/d'; exit "${1:-0}"; }

N=10000; RUNS=3; SEED=1
WORK="${LUMEN_BENCH_DIR:-/tmp/lumen-bench}"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    -*) echo "unknown option $1" >&2; usage 2 ;;
    *) N="$1"; shift ;;
  esac
done

REPO="$(cd "$(dirname "$0")/.." && pwd -P)"
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
[ -x /usr/bin/time ] || { log "installing GNU time"; need_apt time; }
build_lumen
machine
echo "# lumen $REV built with $(go version | cut -d' ' -f3); $N pages, runs=$RUNS seed=$SEED work=$WORK"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"

src="$(site "$N" plain)"
site="$WORK/cache-site"
rm -rf "$site"; cp -r "$src" "$site"; rm -rf "$site/public"
export XDG_CACHE_HOME="$WORK/xdg"
article="$(cd "$site" && find content/articles -name '*.md' ! -name '_index.md' | sort | awk 'NR==1')"
footer="$site/themes/default/layouts/partials/footer.html"
added="content/articles/zz-added-by-bench-cache.md"
: > "$WORK/cache-results.txt"

# run LABEL ARGS...: one timed lumen build of the site into site/public.
run() {
  local label="$1"; shift
  if ! (cd "$site" && /usr/bin/time -f "%e %U %S %M" -o "$WORK/cache-time.txt" "$LUMEN" build -v "$@" \
        >"$LOGS/cache.$label.out" 2>"$LOGS/cache.$label.err"); then
    echo "$label failed:" >&2; tail -20 "$LOGS/cache.$label.err" >&2; exit 1
  fi
  local counts
  counts="$(grep -E '^  cache +[0-9]+ pages? reused' "$LOGS/cache.$label.out" | sed -E 's/^  cache +([0-9]+) pages? reused, ([0-9]+) re-rendered, ([0-9]+) made, ([0-9]+) reconverted.*/\1 \2 \3 \4/' || true)"
  echo "$label $(cat "$WORK/cache-time.txt") ${counts:-0 0 0 0}" >> "$WORK/cache-results.txt"
}

for i in $(seq 1 "$RUNS"); do
  log "run $i of $RUNS (load $(cut -d' ' -f1-3 /proc/loadavg))"
  rm -f "$footer"
  rm -rf "$site/public"; sync
  run cold-nocache --no-cache
  rm -rf "$site/public"; sync
  run cold-writing --clean
  run nothing
  printf '\nThis sentence was added by bench/cache.sh in run %s.\n' "$i" >> "$site/$article"
  run one-body
  printf '\nAnd this one in run %s, a second edit.\n' "$i" >> "$site/$article"
  run one-body-again
  sed -i -E "0,/^title: .*/s//title: A title edited by bench\/cache.sh in run $i/" "$site/$article"
  run one-title
  printf -- '---\ntitle: A note added by bench/cache.sh in run %s\ndate: 2026-11-30\nsummary: A short note for patients.\n---\n\nThe clinic has a new note.\n' "$i" > "$site/$added"
  run new-page
  mkdir -p "$(dirname "$footer")"
  # The comment first, with no newline after it: the pages' HTML stays the same.
  { printf '{{/* edited by bench/cache.sh in run %s */}}' "$i"; cat "$REPO/themes/default/layouts/partials/footer.html"; } > "$footer"
  run a-template
  { cat "$REPO/themes/default/layouts/partials/footer.html"; echo "<p>Edited by bench/cache.sh in run $i.</p>"; } > "$footer"
  run template-html
  rm -f "$site/$added"
done
rm -f "$footer"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$WORK/cache-results.txt" <<'EOF'
import sys, statistics
order = ["cold-nocache", "cold-writing", "nothing", "one-body", "one-body-again", "one-title", "new-page", "a-template", "template-html"]
names = {"cold-nocache": "cold, no cache", "cold-writing": "cold, writing the cache", "nothing": "nothing changed",
         "one-body": "one article's text", "one-body-again": "one article's text, again", "one-title": "one article's title", "new-page": "a new article",
         "a-template": "a template's comment",
         "template-html": "a template's HTML"}
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    rows.setdefault(f[0], []).append((float(f[1]), float(f[2]) + float(f[3]), float(f[4]) / 1024, int(f[5]), int(f[6]), int(f[7]), int(f[8])))
cold = statistics.median(r[0] for r in rows["cold-nocache"])
print("| build | runs | wall s | CPU s | peak memory | pages reused | re-rendered | made | reconverted | wall / cold |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for k in order:
    rs = rows.get(k, [])
    if not rs:
        continue
    wall = statistics.median(r[0] for r in rs)
    print(f"| {names[k]} | {len(rs)} | {wall:.2f} | {statistics.median(r[1] for r in rs):.2f} | "
          f"{statistics.median(r[2] for r in rs):.0f} MB | {rs[-1][3]:,} | {rs[-1][4]:,} | {rs[-1][5]:,} | {rs[-1][6]:,} | {wall / cold:.2f} |")
EOF
