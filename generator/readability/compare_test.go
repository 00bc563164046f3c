package readability

import (
	"math"
	"os"
	"strings"
	"testing"
)

// passages reads testdata/passages.txt: "== name" lines, each followed by
// one paragraph.
func passages(t testing.TB) map[string]string {
	data, err := os.ReadFile("testdata/passages.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range strings.Split(string(data), "== ")[1:] {
		name, text, _ := strings.Cut(p, "\n")
		out[strings.TrimSpace(name)] = strings.TrimSpace(text)
	}
	return out
}

// six is the six scores in the order of the Scores fields.
type six struct{ fre, fk, smog, fog, cli, ari float64 }

func sixOf(s Scores) six {
	return six{s.FleschReadingEase, s.FleschKincaidGrade, s.SMOG, s.GunningFog, s.ColemanLiau, s.ARI}
}

// secondImplementation holds what testdata/compare.mjs printed for
// text-readability 1.1.1 (syllables by syllable 5.0.1): its raw counts,
// the six formulas computed from those counts (rounded to 0.01), and its
// own published scores.
var secondImplementation = []struct {
	name     string
	counts   Counts // Words, Sentences, Syllables, Polysyllables, ComplexWords (its hard words), Letters
	formulas six
	lib      six
}{
	{"content-disc", Counts{88, 7, 110, 5, 2, 344},
		six{88.33, 4.06, 7.96, 5.94, 4.83, 3.27}, six{84.07, 4.7, 8, 5.95, 4.51, 4}},
	{"content-outlook", Counts{69, 4, 89, 3, 3, 267},
		six{80.2, 6.36, 8.08, 8.64, 5.24, 5.42}, six{79.3, 6.5, 8.1, 8.66, 4.87, 6}},
	{"clinical", Counts{67, 3, 181, 33, 33, 504},
		six{-44.38, 25, 22.08, 28.63, 27.11, 25.17}, six{-44.23, 25, 22.1, 28.62, 26.63, 25.6}},
	{"grade2", Counts{33, 5, 33, 0, 0, 92},
		six{115.54, -1.22, 3.13, 2.64, -3.89, -5}, six{115.54, -1.3, 3.1, 2.64, -4.07, -4.4}},
	{"platypus", Counts{13, 1, 26, 4, 4, 68},
		six{24.44, 13.08, 14.55, 17.51, 12.68, 9.71}, six{24.44, 13.1, 0, 17.51, 12.17, 10.1}},
}

// TestSecondImplementation checks Score and Analyze against
// text-readability on the passages of testdata/passages.txt.
//
// Given the same counts, the formulas must agree to 0.01. On whole
// passages, word and sentence counts must agree exactly; the scores may
// differ because the syllable counters and the definitions of hard words
// differ: within 5 points of Flesch Reading Ease, 0.6 of a grade for
// Flesch–Kincaid, 1.5 for SMOG, 3.5 for Gunning Fog (text-readability
// counts capitalised words such as "Australian" as hard; Gunning did not),
// and 0.05 for Coleman–Liau and ARI, which count letters only.
func TestSecondImplementation(t *testing.T) {
	a := New(nil)
	texts := passages(t)
	tol := six{5, 0.6, 1.5, 3.5, 0.05, 0.05}
	for _, tt := range secondImplementation {
		if got := sixOf(Score(tt.counts)); !near(got, tt.formulas, six{0.01, 0.01, 0.01, 0.01, 0.01, 0.01}) {
			t.Errorf("%s: Score(their counts) = %+v, want %+v", tt.name, got, tt.formulas)
		}
		r := a.Analyze([]Block{{Text: texts[tt.name], Line: 1}})
		if r.Words != tt.counts.Words || r.Sentences != tt.counts.Sentences || r.Letters != tt.counts.Letters {
			t.Errorf("%s: words, sentences, letters = %d, %d, %d; text-readability %d, %d, %d",
				tt.name, r.Words, r.Sentences, r.Letters, tt.counts.Words, tt.counts.Sentences, tt.counts.Letters)
		}
		if got := sixOf(r.Scores); !near(got, tt.formulas, tol) {
			t.Errorf("%s: scores %+v, text-readability's counts give %+v (tolerance %+v)", tt.name, got, tt.formulas, tol)
		}
		t.Logf("%s: syllables %d (text-readability %d); FK %.2f (%.2f, library %.1f); SMOG %.2f (%.2f)",
			tt.name, r.Syllables, tt.counts.Syllables, r.FleschKincaidGrade, tt.formulas.fk, tt.lib.fk, r.SMOG, tt.formulas.smog)
	}
}

func near(a, b, tol six) bool {
	return math.Abs(a.fre-b.fre) <= tol.fre && math.Abs(a.fk-b.fk) <= tol.fk &&
		math.Abs(a.smog-b.smog) <= tol.smog && math.Abs(a.fog-b.fog) <= tol.fog &&
		math.Abs(a.cli-b.cli) <= tol.cli && math.Abs(a.ari-b.ari) <= tol.ari
}
