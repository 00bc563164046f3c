#!/usr/bin/env bash
# Build time of the hostile pages of the hardening review, with the lumen
# built from this repository (or LUMEN=/path/to/lumen):
#
#   bench/hostile.sh            # each page at its size and at twice it
#
# Each site is one page: a glossary of N terms used in a text of M words
# whose words hold the terms inside them; N identical headings; N links to
# the headings of the same page; N link reference definitions; lists nested N deep. Prints
# "name size seconds exit". A page past a limit of site.yaml (limits:)
# fails at once with exit 1, which is the point. NAMES="a b" runs only those.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/lumen-hostile}
mkdir -p "$WORK"
LUMEN=${LUMEN:-}
if [ -z "$LUMEN" ]; then
  (cd "$repo" && go build -o "$WORK/lumen" ./cmd/lumen)
  LUMEN=$WORK/lumen
fi
python3 - "$WORK" <<'PY'
import os, sys, random, itertools
work = sys.argv[1]
random.seed(3)
def site(name, body, glossary=None):
    d = os.path.join(work, name)
    os.makedirs(d + '/content', exist_ok=True)
    open(d + '/site.yaml', 'w').write('title: T\nbase_url: https://example.com/\n')
    open(d + '/content/page.md', 'w').write('---\ntitle: Page\n---\n' + body)
    if glossary:
        open(d + '/content/glossary.yaml', 'w').write(glossary)
def glossary(nterms, nwords, name):
    letters = 'abcdefghij'
    terms = [''.join(p) for p in itertools.product(letters, repeat=4)][:nterms]
    g = 'terms:\n' + ''.join(f'  - term: {t}\n    definition: meaning {i}\n' for i, t in enumerate(terms))
    words = [''.join(random.choice(letters) for _ in range(8)) for _ in range(nwords)]
    for i, t in enumerate(terms[:nwords // 3]):
        words[(i * 3) % nwords] = t
    site(name, ' '.join(words) + '\n', g)
for k in (1, 2):
    glossary(300 * k, 3000 * k, f'glossary-{300*k}x{3000*k}')
    glossary(2000, 1000 * k, f'glossary-2000x{1000*k}')
    site(f'headings-{10000*k}', '## Same heading\n\ntext\n\n' * (10000 * k))
    site(f'anchors-{20000*k}', ''.join(f'## Part {i}\n\ntext\n\n' for i in range(5000 * k)) +
         ''.join(f'[to part {i % (5000 * k)}](#part-{i % (5000 * k)})\n\n' for i in range(20000 * k)))
    site(f'references-{100000*k}', ''.join(f'[r{i}]: /page{i}\n' for i in range(100000 * k)) + '\ntext\n')
    site(f'nested-{2000*k}', ''.join(' ' * (2 * i) + '- item\n' for i in range(2000 * k)))
PY
names=${NAMES:-"glossary-300x3000 glossary-600x6000 glossary-2000x1000 glossary-2000x2000
  headings-10000 headings-20000 anchors-20000 anchors-40000
  references-100000 references-200000 nested-2000 nested-4000"}
for name in $names; do
  start=$(date +%s.%N)
  set +e
  timeout 600 "$LUMEN" build --no-cache --source "$WORK/$name" --dest "$WORK/out-$name" >/dev/null 2>&1
  code=$?
  set -e
  end=$(date +%s.%N)
  printf '%s %.2f s exit %d\n' "$name" "$(echo "$end - $start" | bc)" "$code"
done
