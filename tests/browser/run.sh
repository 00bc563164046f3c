#!/usr/bin/env bash
# run.sh: Lumen's browser checks, as CI runs them and as you can run them
# locally (see "Browser checks" in the README).
#
#   1. installs what is missing: Debian's chromium, a Java runtime, and the
#      npm tools from package-lock.json (npm ci; no browser download, no
#      install scripts);
#   2. builds the example site into a temporary directory;
#   3. axe.mjs: axe-core in headless Chromium on every page at 1280 px and
#      375 px, WCAG 2.0/2.1/2.2 A and AA rules, no page wider than 320 px,
#      and no third-party requests;
#   4. search.mjs: the patient queries of search-queries.txt on the search
#      page, each with the page it must find in the first three, axe on the
#      page with results, and no query words sent to the server; and
#      those of search-unseen.txt, which the search was not tuned on: at
#      least 85% of them in the first three;
#   5. vnu.sh: the Nu HTML Checker over every HTML and CSS file;
#   6. edit.mjs: lumen serve --edit on a copy of the example site: the
#      editor lists the collections, saves a change to a condition, the
#      page shows it, and nothing is asked of another host;
#   7. lighthouse.mjs: Lighthouse (mobile) on the home page, a page of each
#      kind, a section, search, A to Z and Spanish pages: Performance >= 95,
#      Accessibility, Best Practices and SEO 100, no layout shift; and
#      screenshots of them at 390 and 1280 px in LUMEN_SCREENSHOTS.
#
# Exits non-zero if anything fails. Env: CHROMIUM (default /usr/bin/chromium).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
log="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$log"' EXIT

# quiet runs a command, showing its output only if it fails.
quiet() {
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "browser checks: failed: $*" >&2
    exit 1
  fi
}

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  quiet $sudo apt-get update
  quiet $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  apt_install chromium
fi
if ! java -version >/dev/null 2>&1; then
  apt_install default-jre-headless
fi

# npm ci (exact versions from package-lock.json) unless node_modules already
# holds them. --ignore-scripts: vnu-jar's postinstall would download a JDK;
# the system Java is used instead.
if ! (cd "$here" && npm ls --all >/dev/null 2>&1 && [ -f node_modules/vnu-jar/build/dist/vnu.jar ]); then
  (cd "$here" && quiet npm ci --ignore-scripts --no-audit --no-fund)
fi

public="$work/public"
(cd "$repo" && quiet go run ./cmd/lumen build --dest "$public")
# The same site published under a path, as a GitHub Pages project site is:
# every page, stylesheet, image and old address must work under /clinic/.
# It is built as of a day when site.yaml's holiday notice shows, so that
# the notice is checked on every page too.
clinic="$work/public-clinic"
(cd "$repo" && quiet go run ./cmd/lumen build --dest "$clinic" --base-url https://www.example.com/clinic/ --today 2026-12-24)

# timed runs a check and says how long it took; a failed check sets status.
status=0
timed() {
  local start=$SECONDS
  "$@" || status=1
  local what="${2##*/}"
  [ "${3:-}" != --base ] || what="$what under $4"
  echo "   ($((SECONDS - start)) s: $what)"
}
timed node "$here/axe.mjs" "$public"
# Under /clinic/, every page at one width: what the base path can break
# (an address, a stylesheet, an image; the holiday notice) shows there.
timed node "$here/axe.mjs" --base /clinic/ --widths 1280 "$clinic"
# Every query of search-queries.txt, and a share of those the search was
# not tuned on (search-unseen.txt), in one browser.
timed node "$here/search.mjs" "$public" "$here/search-queries.txt" --at-least 85 "$here/search-unseen.txt"
timed node "$here/search.mjs" --base /clinic/ "$clinic"
timed bash "$here/vnu.sh" "$public"
# The browser editor (lumen serve --edit) on a copy of the example site.
(cd "$repo" && quiet go build -o "$work/lumen" ./cmd/lumen)
mkdir "$work/site" && cp -r "$repo/site.yaml" "$repo/content" "$work/site/"
timed node "$here/edit.mjs" "$work/lumen" "$work/site"
# Lighthouse, mobile, on a page of each kind, and screenshots of them at 390
# and 1280 px in LUMEN_SCREENSHOTS (default: lumen-screenshots in the
# temporary folder), kept after the run for anyone to look at.
timed node "$here/lighthouse.mjs" "$public" "${LUMEN_SCREENSHOTS:-${TMPDIR:-/tmp}/lumen-screenshots}"
exit $status
