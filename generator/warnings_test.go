package generator

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// TestMaxWarningsKeepsTheFirst builds a site whose pages have many
// warnings with and without MaxWarnings: the warnings kept are the first
// of the whole list, in its order, on every run (the pages are made in
// parallel), and the report counts all of them.
func TestMaxWarningsKeepsTheFirst(t *testing.T) {
	var archive strings.Builder
	archive.WriteString("-- site.yaml --\ntitle: T\nbase_url: https://example.com/\n")
	for i := range 12 {
		// Words with plainer ones, two on one line, so that warnings
		// share a place and keep their order within it.
		fmt.Fprintf(&archive, "-- content/page-%02d.md --\n---\ntitle: Page %d\n---\nWe utilize care. We facilitate visits and commence treatment.\n\nPrior to a visit, terminate eating.\n", i, i)
	}
	src, _ := sitetest.Parse(archive.String())
	build := func(max int) *diag.List {
		res, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), Out: output.NewMem(), MaxWarnings: max})
		if err != nil {
			t.Fatal(err)
		}
		w := res.Findings.Warnings()
		if res.Report.Warnings != len(w)+res.Report.MoreWarnings {
			t.Errorf("MaxWarnings %d: the report counts %d warnings, lists %d and counts %d more", max, res.Report.Warnings, len(w), res.Report.MoreWarnings)
		}
		return &w
	}
	all := *build(0)
	if len(all) < 40 {
		t.Fatalf("only %d warnings; the site should have more", len(all))
	}
	for run := range 5 {
		first := *build(7)
		if len(first) != 7 {
			t.Fatalf("run %d: %d warnings kept, want 7", run, len(first))
		}
		for i := range first {
			if first[i].Error() != all[i].Error() {
				t.Errorf("run %d: warning %d is\n%s\nwant\n%s", run, i, first[i], all[i])
			}
		}
	}
}
