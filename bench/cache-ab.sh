#!/usr/bin/env bash
# cache-ab.sh: two builds of Lumen side by side on the build cache's
# commonest and costliest cases, in alternating runs on the same machine,
# each with its own copy of the synthetic site and its own cache folder
# (both under WORK: in memory with /dev/shm, on the disk elsewhere, where
# what a build writes costs far more):
#
#   cold-writing   a build with no cache, writing it (lumen build --clean)
#   nothing        then a build with nothing changed
#   body           then a sentence added to one article's text
#   title          then that article's title edited (every page's key changes)
#   template-html  then a site override of the footer that adds a paragraph
#                  to every page (every page made)
#
# Usage: bench/cache-ab.sh [--runs N] [--work DIR] OLD-REV NEW-REV [PAGES]
#
# OLD-REV and NEW-REV are commits of this repository (or "work" for the
# work tree); PAGES is the synthetic site's size (default 10000). Prints
# one line per build (name, wall s, user s, system s), then the medians.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed 's/^# \{0,1\}//; /^set -euo/d'; exit "${1:-0}"; }

RUNS=3; SEED=1; N=10000
WORK="${LUMEN_BENCH_DIR:-/tmp/lumen-bench}"
revs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    -*) echo "unknown option $1" >&2; usage 2 ;;
    *) revs+=("$1"); shift ;;
  esac
done
[ ${#revs[@]} -ge 2 ] || usage 2
[ ${#revs[@]} -ge 3 ] && N="${revs[2]}"

REPO="$(cd "$(dirname "$0")/.." && pwd -P)"
. "$REPO/bench/lib.sh"
[ -x /usr/bin/time ] || { log "installing GNU time"; need_apt time; }
src="$(site "$N" plain)"

# Each side's binary, site and cache.
for side in old new; do
  rev="${revs[0]}"; [ "$side" = new ] && rev="${revs[1]}"
  bin="$WORK/ab-$side/lumen"
  mkdir -p "$WORK/ab-$side"
  if [ "$rev" = work ]; then
    (cd "$REPO" && go build -o "$bin" ./cmd/lumen)
  else
    tree="$WORK/ab-$side/tree"
    rm -rf "$tree"; git -C "$REPO" worktree add -q --detach "$tree" "$rev"
    (cd "$tree" && go build -o "$bin" ./cmd/lumen)
    git -C "$REPO" worktree remove --force "$tree"
  fi
  # The footer partial as this side's theme has it, which the template
  # case overrides.
  if [ "$rev" = work ]; then
    cp "$REPO/themes/default/layouts/partials/footer.html" "$WORK/ab-$side/footer.html"
  else
    git -C "$REPO" show "$rev:themes/default/layouts/partials/footer.html" > "$WORK/ab-$side/footer.html"
  fi
  rm -rf "$WORK/ab-$side/site" "$WORK/ab-$side/xdg"
  cp -r "$src" "$WORK/ab-$side/site"; rm -rf "$WORK/ab-$side/site/public"
done

results="$WORK/ab-results.txt"; : > "$results"
footer=themes/default/layouts/partials/footer.html
for i in $(seq 1 "$RUNS"); do
  for side in old new; do
    d="$WORK/ab-$side"; export XDG_CACHE_HOME="$d/xdg"
    log "run $i, $side (load $(cut -d' ' -f1-3 /proc/loadavg))"
    (
      cd "$d/site"
      /usr/bin/time -f "$side cold-writing %e %U %S" -a -o "$results" "$d/lumen" build --clean >/dev/null 2>&1
      /usr/bin/time -f "$side nothing %e %U %S" -a -o "$results" "$d/lumen" build >/dev/null 2>&1
      article="$(find content/articles -name '*.md' ! -name '_index.md' | sort | awk 'NR==1')"
      printf '\nThis sentence was added by cache-ab.sh in run %s.\n' "$i" >> "$article"
      /usr/bin/time -f "$side body %e %U %S" -a -o "$results" "$d/lumen" build >/dev/null 2>&1
      sed -i -E "0,/^title: /s//title: Run $i, /" "$article"
      /usr/bin/time -f "$side title %e %U %S" -a -o "$results" "$d/lumen" build >/dev/null 2>&1
      mkdir -p "$(dirname "$footer")"
      { cat "$d/footer.html"; echo "<p>Edited by cache-ab.sh in run $i.</p>"; } > "$footer"
      /usr/bin/time -f "$side template-html %e %U %S" -a -o "$results" "$d/lumen" build >/dev/null 2>&1
      rm -f "$footer"
    )
  done
done
cat "$results"
python3 - "$results" <<'EOF'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    side, case, wall, user, sys_ = line.split()
    rows.setdefault((case, side), []).append((float(wall), float(user) + float(sys_)))
print("| build | old wall s | new wall s | new / old | old CPU s | new CPU s | new / old |")
print("|---|---:|---:|---:|---:|---:|---:|")
for case in ["cold-writing", "nothing", "body", "title", "template-html"]:
    o, n = rows[(case, "old")], rows[(case, "new")]
    ow, nw = statistics.median(r[0] for r in o), statistics.median(r[0] for r in n)
    oc, nc = statistics.median(r[1] for r in o), statistics.median(r[1] for r in n)
    print(f"| {case} | {ow:.2f} | {nw:.2f} | {nw/ow:.2f} | {oc:.2f} | {nc:.2f} | {nc/oc:.2f} |")
EOF
