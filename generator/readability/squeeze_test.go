package readability

import (
	"strings"
	"testing"
)

// TestSqueeze compares squeeze with its definition, Join of Fields, on
// sentences as pages have them and on the edge cases.
func TestSqueeze(t *testing.T) {
	for _, s := range []string{
		"", " ", "\t\n", "one", "  two  words  ", "a\tsentence\nover\u00a0lines\u2003and\u3000more",
		"Ciática: el dolor que baja por la pierna.", "\xff\xfe  bad \xc3 bytes", "end ",
	} {
		if got, want := squeeze(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("squeeze(%q) = %q; want %q", s, got, want)
		}
	}
}

// FuzzSqueeze compares squeeze with its definition on any bytes.
func FuzzSqueeze(f *testing.F) {
	f.Add("  a  b\u00a0c\xff ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := squeeze(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("squeeze(%q) = %q; want %q", s, got, want)
		}
	})
}
