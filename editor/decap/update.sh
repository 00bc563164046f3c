#!/usr/bin/env bash
# update.sh: takes the Decap CMS bundle that lumen serve --edit serves at
# /admin/ from the npm tarball pinned in package-lock.json, after checking
# the tarball against the lock's sha512 integrity.
#
#   bash editor/decap/update.sh           # the version the lock pins
#   bash editor/decap/update.sh 3.17.0    # move the pin to another version first
#
# It writes, next to itself:
#   dist/*.gz      decap-cms.js, its lazy chunks (N.decap-cms.js), its two
#                  .wasm files and decap-cms.js.LICENSE.txt (the licences of
#                  what the bundle includes), each gzipped (gzip -n -9, so
#                  the same tarball always gives the same bytes); the Go
#                  package embeds them and serves them gzipped;
#   SHA256SUMS     the sha256 of each file before gzip, which the Go test
#                  checks the embedded files against;
#   VERSION        the version.
# Only registry.npmjs.org is contacted (npm pack), and no package script
# runs. Review the diff, run go test ./editor/decap/, and commit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

if [ $# -gt 0 ]; then
  npm install --package-lock-only --ignore-scripts --no-audit --no-fund --save-exact "decap-cms@$1" >/dev/null
fi

read -r version integrity < <(node -e '
  const p = require("./package-lock.json").packages["node_modules/decap-cms"];
  if (!p || !p.integrity.startsWith("sha512-")) { console.error("package-lock.json pins no decap-cms with a sha512 integrity"); process.exit(1); }
  console.log(p.version, p.integrity.slice("sha512-".length));')

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent --ignore-scripts "decap-cms@$version" >/dev/null)
tgz="$work/decap-cms-$version.tgz"
got="$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [ "$got" != "$integrity" ]; then
  echo "update.sh: decap-cms-$version.tgz has sha512 $got; package-lock.json says $integrity: not used" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$work"

rm -rf dist && mkdir dist
: > "$work/sums"
for f in "$work"/package/dist/decap-cms.js "$work"/package/dist/[0-9]*.decap-cms.js \
         "$work"/package/dist/*.wasm "$work"/package/dist/decap-cms.js.LICENSE.txt; do
  name="$(basename "$f")"
  gzip -n -9 -c "$f" > "dist/$name.gz"
  (cd "$(dirname "$f")" && sha256sum "$name") >> "$work/sums"
done
LC_ALL=C sort -k2 "$work/sums" > SHA256SUMS
echo "$version" > VERSION
raw=$(cat "$work"/package/dist/decap-cms.js "$work"/package/dist/[0-9]*.decap-cms.js "$work"/package/dist/*.wasm | wc -c)
gz=$(cat dist/*.gz | wc -c)
echo "decap-cms $version: $(ls dist | wc -l) files, $raw bytes ($gz gzipped) in $here/dist"
