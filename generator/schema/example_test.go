package schema

import (
	"os"
	"reflect"
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

// TestReadsHoldsWhatPageShows edits the title and description of each page
// of the example site in turn, and checks that the structured data of
// every other page it changes is of a page Reads says reads it.
func TestReadsHoldsWhatPageShows(t *testing.T) {
	pages, data := exampleData(t)
	before := data()
	edits := 0
	for _, x := range pages {
		c := x.Common()
		title, desc := c.Title, c.Description
		c.Title, c.Description = title+" (edited)", desc+" Edited."
		after := data()
		c.Title, c.Description = title, desc
		for _, p := range pages {
			if p == x || after[p] == before[p] {
				continue
			}
			edits++
			reads := false
			if !Reads(p, func(q *site.Page) { reads = reads || q == x }, func(*site.Page, string) {}) {
				continue
			}
			if !reads {
				t.Errorf("an edit to %s changes the structured data of %s, but Reads(%s) does not give it", x.URL, p.URL, p.URL)
			}
		}
	}
	if edits < 20 {
		t.Errorf("the edits changed the structured data of other pages only %d times: the test shows nothing", edits)
	}
}

// TestReadsHoldsTheRelationsPageReads empties each relation of each page
// of the example site in turn, and checks that the structured data of
// every page it changes is of a page Reads says reads that relation.
func TestReadsHoldsTheRelationsPageReads(t *testing.T) {
	pages, data := exampleData(t)
	before := data()
	pageType, listType := reflect.TypeFor[*site.Page](), reflect.TypeFor[[]*site.Page]()
	edits := 0
	for _, x := range pages {
		v := reflect.ValueOf(x).Elem()
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Type != pageType && f.Type != listType || v.Field(i).IsZero() {
				continue
			}
			kept := reflect.ValueOf(v.Field(i).Interface())
			v.Field(i).SetZero()
			after := data()
			v.Field(i).Set(kept)
			for _, p := range pages {
				if after[p] == before[p] {
					continue
				}
				edits++
				reads := false
				if !Reads(p, func(*site.Page) {}, func(q *site.Page, field string) { reads = reads || q == x && field == f.Name }) {
					continue
				}
				if !reads {
					t.Errorf("emptying %s of %s changes the structured data of %s, but Reads(%s) does not give that relation", f.Name, x.URL, p.URL, p.URL)
				}
			}
		}
	}
	if edits < 20 {
		t.Errorf("emptying relations changed the structured data only %d times: the test shows nothing", edits)
	}
}

// exampleData returns the pages of every language of the example site,
// and a function that returns the structured data of each as it is now.
func exampleData(t *testing.T) ([]*site.Page, func() map[*site.Page]string) {
	s := buildDir(t, "../..")
	var pages []*site.Page
	for _, ls := range s.Languages() {
		pages = append(pages, ls.Pages...)
	}
	return pages, func() map[*site.Page]string {
		out := map[*site.Page]string{}
		for _, p := range pages {
			b, err := Page(p.Site(), p)
			if err != nil {
				t.Fatal(err)
			}
			out[p] = string(b)
		}
		return out
	}
}
