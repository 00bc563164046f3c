#!/usr/bin/env bash
# seaweedfs.sh: a real S3-compatible server on loopback for the deploy
# tests: SeaweedFS's S3 gateway, at a pinned version from the Go module
# proxy (checked against the checksum database like any module).
#
#   eval "$(bash .ci/seaweedfs.sh start)"   # builds weed once, starts it, prints the LUMEN_S3_* exports
#   bash .ci/seaweedfs.sh stop              # stops it and removes its data
#
# The weed binary is built once per version into ~/.cache/lumen/ (about
# five minutes on 2 cores, downloads included) and reused after that.
# SeaweedFS's go.mod has replace directives, so `go install pkg@version`
# refuses it: the module is downloaded and built in a copy instead.
set -euo pipefail

version="v0.0.0-20261109003541-7506e5f91cd6" # SeaweedFS 4.53 (weed version)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/lumen/seaweedfs-$version"
weed="$cache/weed"
s3_port="${LUMEN_S3_PORT:-18333}"

build() {
  [ -x "$weed" ] && return
  echo "seaweedfs: building weed $version (once; cached in $cache)" >&2
  mkdir -p "$cache"
  local dir src
  dir="$(cd "$(mktemp -d)" && GOFLAGS= go mod download -json "github.com/seaweedfs/seaweedfs@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -n "$dir" ] || { echo "seaweedfs: go mod download gave no folder" >&2; exit 1; }
  src="$(mktemp -d)"
  cp -r "$dir"/. "$src"
  chmod -R u+w "$src"
  (cd "$src" && GOFLAGS= go build -o "$weed.tmp" ./weed) >&2
  mv "$weed.tmp" "$weed"
  rm -rf "$src"
}

# listening reports whether something answers on 127.0.0.1:$1.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  build
  local master=$((s3_port + 1000)) volume=$((s3_port + 2000)) filer=$((s3_port + 3000))
  for p in "$s3_port" "$master" "$volume" "$filer"; do
    if listening "$p"; then
      echo "seaweedfs: port $p is taken; set LUMEN_S3_PORT to another port" >&2
      exit 1
    fi
  done
  local data key secret
  data="$(mktemp -d)"
  key="lumen-ci"
  secret="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  cat >"$data/s3.json" <<JSON
{"identities": [{"name": "lumen", "credentials": [{"accessKey": "$key", "secretKey": "$secret"}],
  "actions": ["Admin", "Read", "List", "Tagging", "Write"]}]}
JSON
  mkdir "$data/store"
  "$weed" server -dir="$data/store" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    -master.port="$master" -volume.port="$volume" -filer.port="$filer" \
    -s3 -s3.port="$s3_port" -s3.config="$data/s3.json" >"$data/log" 2>&1 &
  echo $! >"$data/pid"
  for _ in $(seq 1 240); do
    if listening "$s3_port"; then
      echo "export LUMEN_S3_ENDPOINT=http://127.0.0.1:$s3_port LUMEN_S3_ACCESS_KEY=$key LUMEN_S3_SECRET_KEY=$secret LUMEN_S3_DATA=$data"
      echo "seaweedfs: weed $version answering on 127.0.0.1:$s3_port" >&2
      return
    fi
    sleep 0.25
  done
  echo "seaweedfs: weed did not start; its log:" >&2
  tail -20 "$data/log" >&2
  exit 1
}

# alive reports whether process $1 runs (a process that ended but was not
# yet waited for, a zombie, does not).
alive() {
  local state
  read -r _ _ state _ <"/proc/$1/stat" 2>/dev/null || return 1
  [ "$state" != Z ]
}

stop() {
  local data="${LUMEN_S3_DATA:-}"
  [ -n "$data" ] && [ -f "$data/pid" ] || return 0
  local pid
  pid="$(cat "$data/pid")"
  # Its data is thrown away: two seconds to stop, then it is killed.
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 8); do
    alive "$pid" || break
    sleep 0.25
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -rf "$data"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  build) build ;;
  *) echo "usage: seaweedfs.sh start|stop|build" >&2; exit 2 ;;
esac
