package readability

import (
	"math"
	"testing"
)

func TestScoreHandComputed(t *testing.T) {
	// W=100, S=5, Y=150, P=10, C=8, L=450:
	//   FRE  = 206.835 − 1.015·20 − 84.6·1.5          = 59.635
	//   FK   = 0.39·20 + 11.8·1.5 − 15.59             = 9.91
	//   SMOG = 1.0430·√(10·30/5) + 3.1291 = 1.043·√60 + 3.1291 = 11.2081
	//   Fog  = 0.4·(20 + 100·8/100)                    = 11.2
	//   CLI  = 0.0588·450 − 0.296·5 − 15.8             = 9.18
	//   ARI  = 4.71·4.5 + 0.5·20 − 21.43               = 9.765
	//   Consensus = (9.91 + 11.2081 + 11.2 + 9.18 + 9.765)/5 = 10.25 → 10.3
	got := Score(Counts{Words: 100, Sentences: 5, Syllables: 150, Polysyllables: 10, ComplexWords: 8, Letters: 450})
	want := Scores{59.635, 9.91, 11.2081, 11.2, 9.18, 9.765, 10.3}
	if !nearScores(got, want, 0.0001) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestScorePublishedExample uses the sentence often quoted for
// Flesch–Kincaid: "The Australian platypus is seemingly a hybrid of a
// mammal and reptilian creature." 13 words, 26 syllables, one sentence:
// FK = 0.39·13 + 11.8·2 − 15.59 = 13.08 (published as 13.1), FRE =
// 206.835 − 13.195 − 169.2 = 24.44 (published as 24.4).
func TestScorePublishedExample(t *testing.T) {
	r := New(nil).Analyze([]Block{{Text: "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.", Line: 1}})
	if r.Words != 13 || r.Sentences != 1 || r.Syllables != 26 {
		t.Fatalf("counts = %+v, want 13 words, 1 sentence, 26 syllables", r.Counts)
	}
	if math.Abs(r.FleschKincaidGrade-13.08) > 0.001 || math.Abs(r.FleschReadingEase-24.44) > 0.001 {
		t.Errorf("FK %.3f, FRE %.3f; want 13.08, 24.44", r.FleschKincaidGrade, r.FleschReadingEase)
	}
}

func TestScoreEmptyAndDegenerate(t *testing.T) {
	for _, c := range []Counts{{}, {Sentences: 3}, {Words: 5}, {Words: -1, Sentences: -1}} {
		if got := Score(c); got != (Scores{}) {
			t.Errorf("Score(%+v) = %+v, want zero", c, got)
		}
	}
	r := New(nil).Analyze(nil)
	if r.Counts != (Counts{}) || r.Scores != (Scores{}) || len(r.Hardest) != 0 || len(r.Longest) != 0 {
		t.Errorf("Analyze(nil) = %+v, want zero", r)
	}
	r = New(nil).Analyze([]Block{{Text: "  ... — !? ", Line: 4}, {Text: "https://example.com", Line: 5}})
	if r.Counts != (Counts{}) || r.Scores != (Scores{}) {
		t.Errorf("no words: %+v", r)
	}
}

func TestCountsAdd(t *testing.T) {
	a := Counts{1, 2, 3, 4, 5, 6}
	if got := a.Add(a); got != (Counts{2, 4, 6, 8, 10, 12}) {
		t.Errorf("Add = %+v", got)
	}
}

func nearScores(a, b Scores, tol float64) bool {
	return math.Abs(a.FleschReadingEase-b.FleschReadingEase) <= tol &&
		math.Abs(a.FleschKincaidGrade-b.FleschKincaidGrade) <= tol &&
		math.Abs(a.SMOG-b.SMOG) <= tol && math.Abs(a.GunningFog-b.GunningFog) <= tol &&
		math.Abs(a.ColemanLiau-b.ColemanLiau) <= tol && math.Abs(a.ARI-b.ARI) <= tol &&
		a.Consensus == b.Consensus
}
