package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestClip gives clip what it is given in a build, sentences with runs of
// spaces, and the edge cases, and compares it with the plain definition:
// the words one space apart, cut to n-1 characters and "…" when longer
// than n. Bytes that are not UTF-8 are kept as they are.
func TestClip(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", "  two  words  ", "a\tsentence\nover\u00a0lines",
		"Ciática: el dolor que baja por la pierna, de la espalda al pie.",
		"exactly ten", "exactly te", "exactly ten!",
		strings.Repeat("long words go on ", 20),
	} {
		for _, n := range []int{1, 2, 5, 10, 11, 12, 60, 90} {
			if got, want := clip(s, n), clipSpec(s, n); got != want {
				t.Errorf("clip(%q, %d) = %q; want %q", s, n, got, want)
			}
		}
	}
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"\xff\xfe  bad \xc3", 60, "\xff\xfe bad \xc3"},
		{"\xff\xfe  bad \xc3", 4, "\xff\xfe …"},
	} {
		if got := clip(tc.s, tc.n); got != tc.want {
			t.Errorf("clip(%q, %d) = %q; want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

// clipSpec is what clip returns, for UTF-8 text: the words one space
// apart, cut to n-1 characters and "…" when longer than n.
func clipSpec(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// FuzzClip holds clip to clipSpec on any UTF-8 text and length.
func FuzzClip(f *testing.F) {
	f.Add("  two  words  ", 5)
	f.Add("a\tsentence\nover\u00a0lines", 12)
	f.Add("Ciática: el dolor", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if !utf8.ValidString(s) || n < 1 || n > 200 {
			return
		}
		if got, want := clip(s, n), clipSpec(s, n); got != want {
			t.Errorf("clip(%q, %d) = %q; want %q", s, n, got, want)
		}
	})
}
