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
