package readability

import (
	"reflect"
	"testing"
)

func wordTexts(s string) []string {
	var out []string
	for _, w := range splitWords(s) {
		out = append(out, s[w.start:w.end])
	}
	return out
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The cat sat.", []string{"The", "cat", "sat"}},
		{"well-being, x-ray and L4-L5", []string{"well-being", "x-ray", "and", "L4-L5"}},
		{"a - b -- c — d", []string{"a", "b", "c", "d"}},
		{"don't, patient's, it’s, 'quoted'", []string{"don't", "patient's", "it’s", "quoted"}},
		{"3.5 mg, $1,250, 6-12 weeks, 10%", []string{"3.5", "mg", "1,250", "6-12", "weeks", "10"}},
		{"e.g. the U.S. army, i.e., no", []string{"e.g", "the", "U.S", "army", "i.e", "no"}},
		{"J.Smith", []string{"J", "Smith"}},
		{"see https://lumen.example/a-b or www.nhs.uk, mail info@clinic.example.", []string{"see", "or", "mail"}},
		{"(sciatica) [1] *bold* _em_", []string{"sciatica", "1", "bold", "em"}},
		{"naïve café Zoë", []string{"naïve", "café", "Zoë"}},
		{"здоровье 東京 x²", []string{"здоровье", "東京", "x"}},
		{"end- -start a--b", []string{"end", "start", "a", "b"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := wordTexts(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestLetters(t *testing.T) {
	for w, want := range map[string]int{"well-being": 9, "L4-L5": 4, "don't": 4, "3.5": 2, "café": 4} {
		if got := letters(w); got != want {
			t.Errorf("letters(%q) = %d, want %d", w, got, want)
		}
	}
}
