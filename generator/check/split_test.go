package check

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzWordsSplit holds words.split, which reads a text once, to its
// definition: nextWordSpec's words, each lower-cased by lowerSpec.
func FuzzWordsSplit(f *testing.F) {
	for _, s := range []string{"", "Slipped disc", "don't re-injure it -", "Ciática DOLOR ñ", "x'", "a\xffb", "İstanbul ΣΊΣΥΦΟΣ", "'quoted' -dash-", "9 to 5",
		// Eight bytes at a time: marks and the text's end at and around
		// the eighth byte, long words, letters after a longer one.
		"abcdefg'", "abcdefgh'", "abcdefgh-i", "ABCDEFGHIJKLMNOP-", "seven--'eight's-nine-",
		"@[`{ ZAza 09 ~~~~~~~~Word", "long-lasting, well-known co-author's", "ciática-lumbar's dolor'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var w words
		w.split("left over from the last text")
		w.split(text)
		var spans [][2]int
		var lower []byte
		var ends []int
		for start, end := nextWordSpec(text, 0); start >= 0; start, end = nextWordSpec(text, end) {
			spans = append(spans, [2]int{start, end})
			lower = append(lower, lowerSpec(text[start:end])...)
			ends = append(ends, len(lower))
		}
		if !slices.Equal(w.spans, spans) || string(w.lower) != string(lower) || !slices.Equal(w.ends, ends) {
			t.Errorf("split(%q) = %v %q %v, want %v %q %v", text, w.spans, w.lower, w.ends, spans, lower, ends)
		}
	})
}

// TestWordsSplit gives examples of a text's words.
func TestWordsSplit(t *testing.T) {
	var w words
	w.split("Don't re-injure your BACK -- ask Dr. Pérez's team.")
	var got []string
	for i := range w.len() {
		got = append(got, w.text[w.spans[i][0]:w.spans[i][1]]+"="+w.low(i))
	}
	want := []string{"Don't=don't", "re-injure=re-injure", "your=your", "BACK=back", "ask=ask", "Dr=dr", "Pérez's=pérez's", "team=team"}
	if !slices.Equal(got, want) {
		t.Errorf("words = %q, want %q", got, want)
	}
}

// nextWordSpec returns the start and end offsets of the first word of
// text at or after offset from, or -1 and -1: a run of letters with inner
// apostrophes or hyphens (one at the end of a word counts, but not at the
// end of the text). It is the definition split is held to.
func nextWordSpec(text string, from int) (start, end int) {
	start = -1
	for i := from; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		inWord := unicode.IsLetter(r) || start >= 0 && (r == '\'' || r == '-') && i+1 < len(text)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			return start, i
		}
		i += size
	}
	if start >= 0 {
		return start, len(text)
	}
	return -1, -1
}

// lowerSpec is a word lower-cased, as split lowers it.
func lowerSpec(s string) string { return strings.ToLower(s) }
