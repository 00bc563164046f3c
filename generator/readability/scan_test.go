package readability

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzScanEightAtATime holds appendSentences and appendWords, which pass
// over most bytes eight at a time, to the byte-at-a-time loop the one was
// (appendSentencesSpec) and to the other's reference without fast paths
// (refSplitWords, reference_test.go).
func FuzzScanEightAtATime(f *testing.F) {
	for _, s := range []string{"", "Rest. Then walk!", "See www.example.com or a@b.org: ok", "Dr. Smith saw 3.5 cases… Then?", "東京。x", "tab\there\nnew line", "long words without any stop at all in them"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := appendSentences(nil, text), appendSentencesSpec(nil, text); !slices.Equal(got, want) {
			t.Errorf("appendSentences(%q) = %v, want %v", text, got, want)
		}
		if got, want := appendWords(nil, text), refSplitWords(text); !slices.Equal(got, want) {
			t.Errorf("appendWords(%q) = %v, want %v", text, got, want)
		}
	})
}

// TestScanEightAtATime puts each byte the quick passes stop at at every
// place of a run of plain text.
func TestScanEightAtATime(t *testing.T) {
	for c := range 256 {
		for at := range 24 {
			b := []byte(strings.Repeat("abcdefgh", 3) + " Next")
			b[at] = byte(c)
			text := string(b)
			if got, want := appendSentences(nil, text), appendSentencesSpec(nil, text); !slices.Equal(got, want) {
				t.Errorf("appendSentences(%q) = %v, want %v", text, got, want)
			}
			if got, want := appendWords(nil, text), refSplitWords(text); !slices.Equal(got, want) {
				t.Errorf("appendWords(%q) = %v, want %v", text, got, want)
			}
		}
	}
}

// appendSentencesSpec is appendSentences as it was, a byte at a time.
func appendSentencesSpec(out []span, text string) []span {
	start := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++ // most bytes: no need to decode
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '。' || r == '！' || r == '？' { // Chinese and Japanese: no space follows
			out = append(out, span{start, i + size})
			start = i + size
			i += size
			continue
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(".!?…\"'”’)]»", r2) {
				break
			}
			j += s2
		}
		if j < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r2) {
				i = j
				continue // "3.5", "e.g.," or "example.com"
			}
		}
		if r == '.' && !periodEnds(text, i, j) {
			i = j
			continue
		}
		out = append(out, span{start, j})
		start = j
		i = j
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, span{start, len(text)})
	}
	return out
}
