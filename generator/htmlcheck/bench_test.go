package htmlcheck

import (
	"bytes"
	"slices"
	"testing"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// BenchmarkInspect checks the example site's pages, and a list page of
// 200 KB made by repeating the cards of its /conditions/ page.
func BenchmarkInspect(b *testing.B) {
	benchmarkInspect(b, (*Checker).Inspect)
}

// BenchmarkInspectTokenizer is BenchmarkInspect with the reference walk,
// which reads pages with x/net/html's Tokenizer: the cost before the
// scanner.
func BenchmarkInspectTokenizer(b *testing.B) {
	benchmarkInspect(b, (*Checker).refInspect)
}

func benchmarkInspect(b *testing.B, inspect func(c *Checker, file, where string, page []byte) (diag.List, []string)) {
	pages := examplePages(b)
	pages["large"] = largePage(b, pages["conditions"], 200<<10)
	names := make([]string, 0, len(pages))
	for name := range pages {
		names = append(names, name)
	}
	slices.Sort(names)
	c := New([]string{"booking.example.net"})
	for _, name := range names {
		page := pages[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				inspect(c, "content/x.md", "/x/", page)
			}
		})
	}
}

// largePage repeats the cards of a list page until the page has at least
// size bytes.
func largePage(tb testing.TB, list []byte, size int) []byte {
	tb.Helper()
	head, rest, ok := bytes.Cut(list, []byte(`<ul class="cards">`))
	cards, tail, ok2 := bytes.Cut(rest, []byte("</ul>"))
	if !ok || !ok2 {
		tb.Fatal("the list page has no cards")
	}
	page := append(slices.Clip(head), `<ul class="cards">`...)
	for len(page)+len(tail) < size {
		page = append(page, cards...)
	}
	page = append(page, "</ul>"...)
	return append(page, tail...)
}
