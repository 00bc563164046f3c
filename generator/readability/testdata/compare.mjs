// compare.mjs scores the passages of passages.txt with a second
// implementation, the npm package text-readability 1.1.1 (a port of Python's
// textstat; syllables by the npm package syllable 5.0.1), and prints the
// figures that TestSecondImplementation in compare_test.go holds.
//
// It is NOT run by `go test` or CI. To rerun it:
//
//	mkdir -p /tmp/tr && cd /tmp/tr && npm init -y && npm install text-readability@1.1.1 syllable@5.0.1
//	cp /path/to/lumen/generator/readability/testdata/{compare.mjs,passages.txt,cmu-*.tsv} /tmp/tr/
//	node /tmp/tr/compare.mjs
//
// (Node resolves the import from the node_modules folder beside the script.)
//
// For each passage it prints text-readability's raw counts (words,
// sentences, syllables, polysyllables, letters), the six formulas computed
// from those counts without rounding (the Go formulas must agree to 0.01
// given the same counts) and the library's own published scores (which
// round intermediate averages, use 0.058 for Coleman–Liau, count
// punctuation as characters in ARI, return SMOG 0 under 3 sentences, and
// count Gunning Fog's hard words against an easy-word list).
import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'
import rs from 'text-readability'

const here = path.dirname(url.fileURLToPath(import.meta.url))
const passages = fs.readFileSync(path.join(here, 'passages.txt'), 'utf8')
  .split(/^== /m).filter((p) => p.trim())
  .map((p) => { const i = p.indexOf('\n'); return { name: p.slice(0, i).trim(), text: p.slice(i + 1).trim() } })

const r2 = (x) => Math.round(x * 100) / 100
for (const { name, text } of passages) {
  const W = rs.lexiconCount(text)
  const S = rs.sentenceCount(text)
  const Y = rs.syllableCount(text)
  const P = rs.polySyllableCount(text)
  const L = rs.letterCount(text)
  const C = rs.difficultWords(text, 3)
  const formulas = {
    fre: 206.835 - 1.015 * (W / S) - 84.6 * (Y / W),
    fk: 0.39 * (W / S) + 11.8 * (Y / W) - 15.59,
    smog: 1.043 * Math.sqrt(P * 30 / S) + 3.1291,
    fog: 0.4 * (W / S + 100 * C / W),
    cli: 0.0588 * (L / W * 100) - 0.296 * (S / W * 100) - 15.8,
    ari: 4.71 * (L / W) + 0.5 * (W / S) - 21.43,
  }
  const lib = {
    fre: rs.fleschReadingEase(text),
    fk: rs.fleschKincaidGrade(text),
    smog: rs.smogIndex(text),
    fog: rs.gunningFog(text),
    cli: rs.colemanLiauIndex(text),
    ari: rs.automatedReadabilityIndex(text),
  }
  console.log(JSON.stringify({
    name,
    counts: { W, S, Y, P, C, L },
    formulas: Object.fromEntries(Object.entries(formulas).map(([k, v]) => [k, r2(v)])),
    lib,
  }))
}

// Reference point for the syllable counter: the accuracy of the npm package
// syllable on the same CMU samples as TestCMUAccuracy (first pronunciation).
const { syllable } = await import('syllable')
for (const f of ['cmu-sample.tsv', 'cmu-content.tsv']) {
  let n = 0, ok = 0
  const p = path.join(here, f)
  if (!fs.existsSync(p)) continue
  for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue
    const [w, s] = line.split('\t')
    n++
    if (syllable(w) === +s) ok++
  }
  console.log(`syllable@5 on ${f}: ${(100 * ok / n).toFixed(2)}%`)
}
