# lib.sh: what the benchmark scripts share: installing what is missing,
# generating (or reusing) a synthetic site, and timing one clean build.
#
# Sourced by compare.sh and search.sh once they have set REPO (the
# repository), WORK (the work folder) and SEED. It finds gensite.py (in
# SHARED_BENCH, default ../shared/bench) and makes the folders under WORK:
# SITES (where sites are kept), TRASH (where old output goes before it is
# deleted) and LOGS.

SHARED="${SHARED_BENCH:-$REPO/../shared/bench}"
GENSITE="$SHARED/gensite.py"
[ -f "$GENSITE" ] || { echo "cannot find $GENSITE (set SHARED_BENCH)" >&2; exit 2; }
WORK="$(realpath -m "$WORK")"
case "$WORK/" in "$REPO"/*) echo "work dir $WORK is inside the repository; pick another (--work)" >&2; exit 2 ;; esac
SITES="$WORK/sites"; TRASH="$WORK/trash"; LOGS="$WORK/logs"
mkdir -p "$SITES" "$TRASH" "$LOGS"
export PYTHONDONTWRITEBYTECODE=1

log() { echo "# $*" >&2; }

need_apt() {
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}
# build_lumen builds Lumen from the repository into LUMEN, and sets REV to
# its commit ("+changes" when the work tree differs).
build_lumen() {
  log "building lumen"
  LUMEN="$WORK/lumen"
  (cd "$REPO" && go build -o "$LUMEN" ./cmd/lumen)
  REV="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if ! git -C "$REPO" diff --quiet HEAD 2>/dev/null; then REV="$REV+changes"; fi
}

# machine prints a line on when and where the benchmark runs.
machine() {
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM"
}

# ---------------------------------------------------------------- sites
# site N FLAVOR: generate (or reuse) the site and print its folder.
site() {
  local n="$1" flavor="$2" dir="$SITES/$1-s$SEED-$2" stamp want
  want="$(sha256sum "$GENSITE" | cut -c1-16) pages=$n seed=$SEED flavor=$flavor fixup=2"
  stamp="$dir/.compare-stamp"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "generating $n pages ($flavor)"
    rm -rf "$dir"
    python3 "$GENSITE" --pages "$n" --seed "$SEED" --out "$dir" --flavor "$flavor" --force >&2
    fixup "$dir"
    echo "$want" > "$stamp"
  fi
  echo "$dir"
}

# fixup SITE: ready a generated site for Lumen (go run ./bench/fixup; see
# internal/benchsite): vague link texts get a few words more, medical pages
# the summary, key points and aftercare warnings Lumen requires.
fixup() {
  (cd "$REPO" && go run ./bench/fixup "$1")
}

# ---------------------------------------------------------------- timing
# timed LABEL N OUTDIR DIR CMD...: one clean build, appended to WORK/time.LABEL.N.txt
timed() {
  local label="$1" n="$2" outdir="$3" dir="$4"; shift 4
  [ -e "$outdir" ] && mv "$outdir" "$TRASH/$label.$n.$$.$RANDOM$RANDOM"
  sync
  if ! (cd "$dir" && /usr/bin/time -f "%e %U %S %M" -a -o "$WORK/time.$label.$n.txt" "$@" \
          >"$LOGS/$label.$n.out" 2>"$LOGS/$label.$n.err"); then
    echo "$label failed on $n pages:" >&2; tail -20 "$LOGS/$label.$n.err" >&2; grep -v '^warning:' "$LOGS/$label.$n.out" | tail -5 >&2
    exit 1
  fi
}

# untimed LABEL N OUTDIR DIR CMD...: a warm-up build, output kept in WORK/logs
untimed() {
  local label="$1" n="$2" outdir="$3" dir="$4"; shift 4
  [ -e "$outdir" ] && mv "$outdir" "$TRASH/$label.$n.$$.$RANDOM$RANDOM"
  if ! (cd "$dir" && "$@" >"$LOGS/$label.$n.warmup.out" 2>"$LOGS/$label.$n.warmup.err"); then
    echo "$label failed on $n pages:" >&2; tail -20 "$LOGS/$label.$n.warmup.err" >&2; tail -5 "$LOGS/$label.$n.warmup.out" >&2
    exit 1
  fi
}

