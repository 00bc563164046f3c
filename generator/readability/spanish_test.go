package readability

import (
	"math"
	"os"
	"strings"
	"testing"
)

// TestSpanishSyllables measures SpanishSyllables on a list of words
// parted into syllables by hand (testdata/es-syllables.txt) and names
// every word it miscounts; it fails below 98% agreement.
func TestSpanishSyllables(t *testing.T) {
	data, err := os.ReadFile("testdata/es-syllables.txt")
	if err != nil {
		t.Fatal(err)
	}
	right, all := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		word, parted, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(word, "#") {
			continue
		}
		all++
		want := strings.Count(parted, "-") + 1
		if got := SpanishSyllables(word); got == want {
			right++
		} else {
			t.Logf("%s: %d syllables, want %d (%s)", word, got, want, parted)
		}
	}
	share := float64(right) / float64(all)
	t.Logf("agreement: %d of %d words (%.1f%%)", right, all, 100*share)
	if all < 150 || share < 0.98 {
		t.Errorf("agreement %d of %d; want at least 150 words and 98%%", right, all)
	}
}

func TestSpanishSyllablesOfOddWords(t *testing.T) {
	for word, want := range map[string]int{
		"Y": 1, "km": 1, "CIÁTICA": 3, "pre-operatorio": 6, "12": numberSyllables("12"), "": 0,
	} {
		if got := SpanishSyllables(word); got != want {
			t.Errorf("SpanishSyllables(%q) = %d, want %d", word, got, want)
		}
	}
}

// TestScoreSpanish checks the two indexes on three short texts whose
// words, sentences and syllables were counted by hand, against the
// formulas worked out by hand.
func TestScoreSpanish(t *testing.T) {
	tests := []struct {
		text                        string
		words, sentences, syllables int
		fernandezHuerta, inflesz    float64
	}{
		// Me duele la espalda. (me 1, due-le 2, la 1, es-pal-da 3: 7
		// syllables, 4 words) Camino todos los días. (ca-mi-no 3, to-dos
		// 2, los 1, dí-as 2: 8, 4 words)
		{"Me duele la espalda. Camino todos los días.", 8, 2, 15,
			206.84 - 0.60*(15.0/8*100) - 1.02*(8.0/2), 206.835 - 62.3*(15.0/8) - 8.0/2},
		// La hernia de disco aprieta un nervio de la pierna.
		// la 1, her-nia 2, de 1, dis-co 2, a-prie-ta 3, un 1, ner-vio 2,
		// de 1, la 1, pier-na 2 = 16 syllables, 10 words, 1 sentence.
		{"La hernia de disco aprieta un nervio de la pierna.", 10, 1, 16,
			206.84 - 0.60*(16.0/10*100) - 1.02*10, 206.835 - 62.3*(16.0/10) - 10},
		// La radiofrecuencia interrumpe temporalmente la transmisión
		// nociceptiva. la 1, ra-dio-fre-cuen-cia 5, in-te-rrum-pe 4,
		// tem-po-ral-men-te 5, la 1, trans-mi-sión 3, no-ci-cep-ti-va 5 =
		// 24 syllables, 7 words, 1 sentence.
		{"La radiofrecuencia interrumpe temporalmente la transmisión nociceptiva.", 7, 1, 24,
			206.84 - 0.60*(24.0/7*100) - 1.02*7, 206.835 - 62.3*(24.0/7) - 7},
	}
	for _, tt := range tests {
		// The counts, with SpanishSyllables, agree with the hand counts.
		words := strings.FieldsFunc(tt.text, func(r rune) bool { return r == ' ' || r == '.' })
		syl := 0
		for _, w := range words {
			syl += SpanishSyllables(w)
		}
		if len(words) != tt.words || syl != tt.syllables {
			t.Errorf("%q: %d words, %d syllables; counted by hand %d and %d", tt.text, len(words), syl, tt.words, tt.syllables)
		}
		got := ScoreSpanish(Counts{Words: tt.words, Sentences: tt.sentences, Syllables: tt.syllables})
		if math.Abs(got.FernandezHuerta-tt.fernandezHuerta) > 1e-9 || math.Abs(got.INFLESZ-tt.inflesz) > 1e-9 {
			t.Errorf("%q: %+v, want Fernández-Huerta %.2f, INFLESZ %.2f", tt.text, got, tt.fernandezHuerta, tt.inflesz)
		}
		t.Logf("%q: Fernández-Huerta %.1f, INFLESZ %.1f (%s)", tt.text, got.FernandezHuerta, got.INFLESZ, INFLESZScale(got.INFLESZ))
	}
	if (ScoreSpanish(Counts{}) != SpanishScores{}) {
		t.Error("no words should score zero")
	}
}

func TestINFLESZScale(t *testing.T) {
	for score, want := range map[float64]string{20: "muy difícil", 40: "algo difícil", 55: "normal", 65: "bastante fácil", 80: "bastante fácil", 80.5: "muy fácil"} {
		if got := INFLESZScale(score); got != want {
			t.Errorf("INFLESZScale(%v) = %q, want %q", score, got, want)
		}
	}
}

// TestSpanishAnalyzer checks that the Spanish Analyzer counts a page's
// syllables by the Spanish rules, word by word, lexicon or not.
func TestSpanishAnalyzer(t *testing.T) {
	text := "La ciática duele. El reposo ayuda muy poco."
	rep := NewSpanish().Analyze([]Block{{Text: text, Line: 1}})
	want := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '.' }) {
		want += SpanishSyllables(w)
	}
	if rep.Words != 8 || rep.Sentences != 2 || rep.Syllables != want || want != 16 {
		t.Errorf("words %d, sentences %d, syllables %d (by word: %d); want 8, 2, 16 (la, ciá-ti-ca, due-le, el, re-po-so, a-yu-da, muy, po-co)", rep.Words, rep.Sentences, rep.Syllables, want)
	}
}
