#!/usr/bin/env bash
# Edit-to-visible latency of `lumen serve` and `hugo server`, side by side.
#
#   bench/serve-latency.sh [PAGES] [EDITS]        (defaults: 1000 pages, 25 edits)
#
# Generates the same synthetic practice site for both tools with
# ../shared/bench/gensite.py (--flavor plain for Lumen, --flavor hugo for
# Hugo), starts each server on loopback, and runs bench/latency against the
# first article: append a paragraph with a marker, fetch the page every 2 ms
# until the marker shows. It does the same on a copy of the example site.
# Prints one line per server: label edits p50_ms p95_ms min_ms max_ms.
# Hugo is Debian's package, installed if missing (as peers.sh does).
# Writes only under $WORK (default /tmp/lumen-latency).
set -euo pipefail
PAGES=${1:-1000}
EDITS=${2:-25}
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$repo/../shared/bench}
WORK=${WORK:-/tmp/lumen-latency}
mkdir -p "$WORK"
PIDS=()
trap 'for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done' EXIT

echo "# building lumen and the latency tool" >&2
(cd "$repo" && go build -o "$WORK/lumen" ./cmd/lumen && go build -o "$WORK/latency" ./bench/latency)

if ! command -v hugo >/dev/null; then
  echo "# installing hugo from Debian's packages" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null
  else sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; fi
fi

echo "# generating $PAGES pages for each tool" >&2
rm -rf "$WORK/plain" "$WORK/hugo" "$WORK/example"
python3 "$shared/gensite.py" --pages "$PAGES" --seed 1 --out "$WORK/plain" --flavor plain >&2
python3 "$shared/gensite.py" --pages "$PAGES" --seed 1 --out "$WORK/hugo" --flavor hugo >&2
(cd "$repo" && go run ./bench/fixup "$WORK/plain" "$WORK/hugo")
mkdir -p "$WORK/example" && cp -r "$repo/site.yaml" "$repo/content" "$WORK/example/"

# wait_for URL PID LOG: wait until URL is served (up to 120 s).
wait_for() {
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { echo "server died:" >&2; tail "$3" >&2; return 1; }
    sleep 0.1
  done
  echo "never served $1" >&2; return 1
}

# measure LABEL PORT PAGEPATH FILE -- COMMAND...: start a server, time edits, stop it.
measure() {
  local label=$1 port=$2 page=$3 file=$4; shift 5
  local log="$WORK/$label.log"
  "$@" >"$log" 2>&1 &
  local pid=$!; PIDS+=("$pid")
  wait_for "http://127.0.0.1:$port$page" "$pid" "$log"
  sleep 1
  "$WORK/latency" -label "$label" -url "http://127.0.0.1:$port$page" -file "$file" -edits "$EDITS"
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}

for f in "$WORK"/plain/content/articles/*.md; do first=${f##*/}; break; done
slug=${first%.md}
echo "label edits p50_ms p95_ms min_ms max_ms"
measure "lumen-example" 1414 /conditions/lumbar-disc-herniation/ "$WORK/example/content/conditions/lumbar-disc-herniation.md" -- \
  "$WORK/lumen" serve --source "$WORK/example" --port 1414
measure "lumen-$PAGES" 1415 "/articles/$slug/" "$WORK/plain/content/articles/$first" -- \
  "$WORK/lumen" serve --source "$WORK/plain" --port 1415
measure "hugo-server-$PAGES" 1416 "/articles/$slug/" "$WORK/hugo/content/articles/$first" -- \
  bash -c "cd '$WORK/hugo' && exec hugo server --port 1416 --bind 127.0.0.1"
echo "# $(hugo version 2>/dev/null | head -1)" 
echo "# lumen $(cd "$repo" && git rev-parse --short HEAD), $(nproc) cores, $(date -u +%F)"
