package markdown

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// firstTermReference is the matcher the trie replaced: for each pending
// term, search the text; keep the earliest whole-word use, the longest at
// one place. It costs the number of terms times the text for every use
// found; the trie must find the same uses.
func firstTermReference(terms []Term, value string, pending map[int]bool) (int, int) {
	lower := strings.ToLower(value)
	best, bestAt := -1, len(lower)
	for i := range pending {
		term := strings.ToLower(terms[i].Term)
		from := 0
		for {
			j := strings.Index(lower[from:], term)
			if j < 0 {
				break
			}
			at := from + j
			if boundaryReference(lower, at, at+len(term)) {
				if at < bestAt || at == bestAt && best >= 0 && len(term) > len(terms[best].Term) {
					best, bestAt = i, at
				}
				break
			}
			from = at + 1
		}
	}
	return best, bestAt
}

func boundaryReference(s string, start, end int) bool {
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// TestGlossaryMatchesTheReference finds, in random texts, the same first
// uses of the same terms as the matcher it replaced.
func TestGlossaryMatchesTheReference(t *testing.T) {
	terms := []Term{{Term: "disc"}, {Term: "disc herniation"}, {Term: "Sciatica"}, {Term: "nerve root"},
		{Term: "root"}, {Term: "MRI"}, {Term: "x-ray"}, {Term: "ray"}, {Term: "ESI"}, {Term: "Café"}}
	g := NewGlossary(terms)
	words := []string{"disc", "Disc", "discs", "herniation", "sciatica", "SCIATICA", "nerve", "root", "roots",
		"mri", "x-ray", "X-RAY", "ray", "esi", "café", "CAFÉ", "the", "a", "(", ")", ",", ".", "-", "disc-herniation", "2"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for i := rng.IntN(30); i >= 0; i-- {
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		value := b.String()
		pending := map[int]bool{}
		done := map[int]bool{}
		for i := range terms {
			pending[i] = true
		}
		folded := fold([]byte(value))
		var got, want []match
		for from := 0; ; {
			m, ok := g.next(folded, from, func(t int) bool { return done[t] })
			if !ok {
				break
			}
			done[m.term] = true
			got = append(got, m)
			from = m.end
		}
		for rest, offset := value, 0; len(pending) > 0; {
			i, at := firstTermReference(terms, rest, pending)
			if i < 0 {
				break
			}
			delete(pending, i)
			end := at + len(terms[i].Term)
			want = append(want, match{term: i, at: offset + at, end: offset + end})
			rest, offset = rest[end:], offset+end
		}
		if len(got) != len(want) {
			t.Fatalf("%q: got %v, want %v", value, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: got %v, want %v", value, got, want)
			}
		}
	}
}
