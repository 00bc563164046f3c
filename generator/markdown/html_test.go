package markdown

import (
	"strings"
	"testing"
)

// TestTableRegionIsNamedByItsHeading checks that a table's scrolling
// region is named by the heading it comes under, and is "Table" when none
// comes before it.
func TestTableRegionIsNamedByItsHeading(t *testing.T) {
	src := "| A | B |\n|---|---|\n| 1 | 2 |\n\n## Treatment step by step\n\nText.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
	doc, errs := New().RenderWith("content/a.md", []byte(src), 1, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	html := string(doc.HTML)
	for _, want := range []string{
		`<div class="table-wrap" role="region" tabindex="0" aria-label="Table">`,
		`<h2 id="treatment-step-by-step">`,
		`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="treatment-step-by-step">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in\n%s", want, html)
		}
	}
}

// TestImageWithTitleIsAFigure checks that an image alone in its paragraph
// and written with a title becomes a figure captioned by the title, and
// that other images stay as they are.
func TestImageWithTitleIsAFigure(t *testing.T) {
	tests := []struct{ src, want string }{
		{`![A drawing of the spine](spine.svg "The discs sit between the bones.")`,
			`<figure class="figure"><img src="spine.svg" alt="A drawing of the spine" loading="lazy"><figcaption>The discs sit between the bones.</figcaption></figure>`},
		{`![A drawing](spine.svg)`, `<p><img src="spine.svg" alt="A drawing" loading="lazy"></p>`},
		{`See ![a drawing](spine.svg "Title") here.`, `<p>See <img src="spine.svg" alt="a drawing" title="Title" loading="lazy"> here.</p>`},
		{`![A <b>drawing</b>](spine.svg "Caption & more")`,
			`<figure class="figure"><img src="spine.svg" alt="A drawing" loading="lazy"><figcaption>Caption &amp; more</figcaption></figure>`},
	}
	for _, tt := range tests {
		doc, errs := New().RenderWith("content/a.md", []byte(tt.src), 1, Options{})
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tt.src, errs)
		}
		if got := strings.TrimSpace(string(doc.HTML)); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.src, got, tt.want)
		}
	}
}
