package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkHostile renders the bodies that took minutes before the
// glossary trie, the heading-id counter and the limits, each at a size and
// at twice that size: time per op should double, not quadruple.
//
//	go test ./generator/markdown -run '^$' -bench Hostile
func BenchmarkHostile(b *testing.B) {
	lim := Limits{Nesting: 100, References: 10000}
	terms := make([]Term, 2000)
	for i := range terms {
		terms[i] = Term{Term: fmt.Sprintf("t%03dx", i), Definition: "a meaning"}
	}
	g := NewGlossary(terms)
	cases := []struct {
		name string
		body func(n int) string
		opts Options
		n    int
	}{
		{"glossary", func(n int) string {
			var s strings.Builder
			for i := range n {
				// Each word holds terms inside it; every third is one.
				if i%3 == 0 {
					fmt.Fprintf(&s, "t%03dx ", i/3%2000)
				} else {
					fmt.Fprintf(&s, "at%03dxt%03dx ", i%2000, (i+7)%2000)
				}
			}
			return s.String()
		}, Options{Glossary: g, Limits: lim}, 3000},
		{"same-headings", func(n int) string {
			return strings.Repeat("## Same heading\n\ntext\n\n", n)
		}, Options{Limits: lim}, 5000},
		{"references", func(n int) string {
			var s strings.Builder
			for i := range n {
				fmt.Fprintf(&s, "[r%d]: /page%d\n", i, i)
			}
			return s.String() + "\ntext\n"
		}, Options{Limits: lim}, 2500},
		{"nested-lists", func(n int) string {
			var s strings.Builder
			for i := range n {
				s.WriteString(strings.Repeat("  ", i) + "- item\n")
			}
			return s.String()
		}, Options{Limits: lim}, 50},
	}
	r := New()
	for _, c := range cases {
		for _, n := range []int{c.n, 2 * c.n} {
			src := []byte(c.body(n))
			b.Run(fmt.Sprintf("%s/n=%d", c.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, errs := r.RenderWith("x.md", src, 0, c.opts); errs.Err() != nil {
						b.Fatal(errs)
					}
				}
			})
		}
	}
}
