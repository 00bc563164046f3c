#!/usr/bin/env bash
# vnu.sh: the Nu HTML Checker (npm vnu-jar, on the machine's Java) over a
# built Lumen site.
#
# Usage: bash tests/browser/vnu.sh <public-dir>
#
# Checks every .html file (errors only) and every .css file with --css.
# The CSS checker lags behind modern CSS (it rejects container-type, for one);
# the default theme's CSS passes today, so CSS is checked. If a valid modern
# property is ever reported, drop the CSS pass rather than the property, and
# say so here.
# Prints the errors, then "vnu: N files, E errors"; exits 1 on any error.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/node_modules/vnu-jar/build/dist/vnu.jar"
dir="${1:?usage: vnu.sh <public-dir>}"
[ -d "$dir" ] || { echo "vnu: $dir is not a directory" >&2; exit 2; }
[ -f "$jar" ] || { echo "vnu: $jar missing; run npm ci in $here" >&2; exit 2; }

mapfile -d '' html < <(find "$dir" -type f -name '*.html' -print0 | sort -z)
mapfile -d '' css < <(find "$dir" -type f -name '*.css' -print0 | sort -z)
if [ "${#html[@]}" -eq 0 ]; then
  echo "vnu: no .html files in $dir" >&2
  exit 1
fi

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
# vnu exits 1 when it reports errors; count them from its output instead.
java -jar "$jar" --errors-only --format gnu "${html[@]}" >"$out" 2>&1 || true
if [ "${#css[@]}" -gt 0 ]; then
  java -jar "$jar" --errors-only --format gnu --css "${css[@]}" >>"$out" 2>&1 || true
fi

errors=$(grep -c ': error' "$out" || true)
other=$(grep -vc ': error' "$out" || true)
cat "$out"
files=$(( ${#html[@]} + ${#css[@]} ))
echo "vnu: $files files, $errors errors"
# Anything else vnu printed (a crash, a fatal message) is a failure too.
if [ "$errors" -gt 0 ] || [ "$other" -gt 0 ]; then
  exit 1
fi
