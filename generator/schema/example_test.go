package schema

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/site"
)

// buildDir returns the site graph of the site in dir, with FAQ answers
// rendered as plain paragraphs.
func buildDir(t *testing.T, dir string) *site.Site {
	t.Helper()
	return buildFS(t, os.DirFS(dir))
}

// TestExampleSite builds JSON-LD for every page of the example site at the
// repository's root.
func TestExampleSite(t *testing.T) {
	s := buildDir(t, "../..")
	all := allIDs(t, s)
	var kinds []string
	seen := map[content.Kind]bool{}
	for _, p := range s.Pages {
		d := renderPage(t, s, p)
		if !seen[p.Kind] {
			seen[p.Kind] = true
			kinds = append(kinds, string(p.Kind))
		}
		if p.Kind != content.KindHome && len(d.ofType("BreadcrumbList")) != 1 {
			t.Errorf("%s: no BreadcrumbList", p.URL)
		}
		for _, id := range d.refs() {
			if !all[id] {
				t.Errorf("%s refers to %s, which no page describes", p.URL, id)
			}
		}
	}
	sort.Strings(kinds)
	eq(t, "kinds covered", strings.Join(kinds, " "), "article az condition faq home location page procedure provider search section term terms")
	// Every hours row of the example locations is readable.
	for _, p := range s.OfKind("location") {
		m := p.Meta.(*content.Location)
		c := renderPage(t, s, p).node(t, p.Permalink+"#clinic")
		if got := len(list(c, "openingHoursSpecification")); got != len(m.Hours) {
			t.Errorf("%s: %d of %d hours rows marked up", p.URL, got, len(m.Hours))
		}
	}
}
