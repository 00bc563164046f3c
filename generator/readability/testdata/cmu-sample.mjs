// cmu-sample.mjs builds the syllable test data of package readability from the
// CMU Pronouncing Dictionary. It is NOT run by `go test` or CI; rerun it by hand
// when the sampling changes:
//
//	cd /tmp && npm pack cmu-pronouncing-dictionary && tar xzf cmu-pronouncing-dictionary-*.tgz
//	node cmu-sample.mjs /tmp/package/index.js /path/to/lumen/content > /dev/null
//
// It writes, next to itself:
//   - cmu-sample.tsv: 3,000 words taken by a fixed stride (every k-th word,
//     starting at the first) over the sorted letters-only headwords of the
//     dictionary: a held-out sample, never used to tune the counter.
//   - cmu-dev.tsv is NOT written here: pass DEV=1 to print a disjoint sample
//     (offset k/2) used while tuning the rules, to stdout.
//   - cmu-content.tsv: every distinct word of the project's own content/ that
//     the dictionary knows, with the number of times it occurs.
//
// Syllables = number of phonemes carrying a stress digit (0, 1 or 2). Other
// pronunciations, "word(2)" and so on, are listed in the third column.
// The CMU Pronouncing Dictionary is Copyright (C) 1993-2015 Carnegie Mellon
// University, BSD 2-clause licence; the npm package that ships it is ISC.
import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'

const [dictPath, contentDir] = process.argv.slice(2)
const { dictionary } = await import(url.pathToFileURL(dictPath))
const here = path.dirname(url.fileURLToPath(import.meta.url))

const syl = (pron) => pron.split(' ').filter((p) => /\d$/.test(p)).length
const alts = new Map()
for (const [k, v] of Object.entries(dictionary)) {
  const m = /^([a-z]+)(\(\d+\))?$/.exec(k)
  if (!m) continue
  if (!alts.has(m[1])) alts.set(m[1], { main: null, other: new Set() })
  const e = alts.get(m[1])
  if (m[2]) e.other.add(syl(v))
  else e.main = syl(v)
}
const line = (w) => {
  const e = alts.get(w)
  const other = [...e.other].filter((n) => n !== e.main).sort((a, b) => a - b)
  return `${w}\t${e.main}\t${other.join(',') || '-'}`
}
const words = [...alts.keys()].filter((w) => alts.get(w).main !== null).sort()
const N = 3000
const stride = Math.floor(words.length / N)
const header = [
  '# Syllable counts from the CMU Pronouncing Dictionary (BSD 2-clause licence,',
  '# Copyright (C) 1993-2015 Carnegie Mellon University), via the npm package',
  '# cmu-pronouncing-dictionary 3.0.0. Columns: word, syllables of the first',
  '# pronunciation, syllables of other pronunciations ("-" when none).',
]
const pick = (off) => {
  const out = []
  for (let i = off; i < words.length && out.length < N; i += stride) out.push(line(words[i]))
  return out
}
fs.writeFileSync(path.join(here, 'cmu-sample.tsv'),
  [...header, `# ${N} words: every ${stride}th of ${words.length} letters-only headwords, from the first.`, ...pick(0)].join('\n') + '\n')
if (process.env.DEV) console.log(pick(Math.floor(stride / 2)).join('\n'))

if (contentDir) {
  const freq = new Map()
  const walk = (d) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, f.name)
      if (f.isDirectory()) walk(p)
      else if (f.name.endsWith('.md')) {
        let t = fs.readFileSync(p, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')
        for (const w of t.toLowerCase().match(/[a-z]+/g) || []) freq.set(w, (freq.get(w) || 0) + 1)
      }
    }
  }
  walk(contentDir)
  const known = [...freq.keys()].filter((w) => alts.has(w) && alts.get(w).main !== null).sort()
  fs.writeFileSync(path.join(here, 'cmu-content.tsv'),
    [...header, '# Fourth column: occurrences in the Lumen demo site content/ (front matter left out).',
      ...known.map((w) => `${line(w)}\t${freq.get(w)}`)].join('\n') + '\n')
}
