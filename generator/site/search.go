package site

import (
	"sort"
	"strings"
	"unicode"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// buildSearch makes the search page, /search/ (/es/search/ for a
// language other than the default one, with an index of its own), for a
// site with content pages (unless site.yaml turns search off), and the A to Z page of conditions and treatments, /a-z/, for a
// site with conditions or procedures; the search page shows the A to Z
// list too, so that it is useful without its script.
func (s *Site) buildSearch() diag.List {
	var errs diag.List
	indexed := false
	for _, p := range s.Pages {
		if p.Searchable() {
			indexed = true
			break
		}
	}
	if len(s.azPages()) > 0 {
		s.AZ = generated(content.KindAZ, s.path("a-z/"), s.text("az_title", "Conditions and treatments from A to Z"))
		s.AZ.fallbackDescription = s.text("az_description", "Every condition {practice} treats and every treatment it offers, from A to Z, with the other names people use for them.", "practice", s.Config.Practice.Name)
		if !s.claim(s.AZ, &errs) {
			s.AZ = nil
		}
	}
	if indexed && !s.Config.Search.Disabled {
		s.Search = generated(content.KindSearch, s.path("search/"), s.text("search_title", "Search"))
		s.Search.fallbackDescription = s.text("search_description", "Search {practice}'s pages, in the words you use.", "practice", s.Config.Practice.Name)
		if !s.claim(s.Search, &errs) {
			s.Search = nil
		}
	}
	return errs
}

// Searchable reports whether the search finds page p: content pages are
// found; the home page, section and tag lists and the 404 page, which list
// other pages, are not.
func (p *Page) Searchable() bool { return p.Source != nil && !p.IsList() }

// azPages returns the pages the A to Z page lists.
func (s *Site) azPages() []*Page {
	var out []*Page
	for _, p := range s.Pages {
		if p.Source != nil && (p.Kind == content.KindCondition || p.Kind == content.KindProcedure) {
			out = append(out, p)
		}
	}
	return out
}

// AZEntry is one line of the A to Z list: a page by its title, or by one
// of its other names ("Slipped disc", see "Lumbar disc herniation").
type AZEntry struct {
	Name string
	Page *Page
	// See is true for another name of the page.
	See bool
}

// AZGroup is the entries of one letter.
type AZGroup struct {
	Letter  string
	Entries []AZEntry
}

// AZList returns the conditions and procedures of the site, and the other
// names of the conditions, grouped by their first letter, in alphabetical
// order.
func (s *Site) AZList() []AZGroup {
	var entries []AZEntry
	for _, p := range s.azPages() {
		entries = append(entries, AZEntry{Name: p.Title(), Page: p})
		if c, ok := p.Meta.(*content.Condition); ok {
			for _, n := range c.AlsoKnownAs {
				if n = strings.TrimSpace(n); n != "" && !strings.EqualFold(n, p.Title()) {
					entries = append(entries, AZEntry{Name: upperFirst(n), Page: p, See: true})
				}
			}
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := strings.ToLower(entries[i].Name), strings.ToLower(entries[j].Name)
		if a != b {
			return a < b
		}
		return !entries[i].See && entries[j].See
	})
	var groups []AZGroup
	for _, e := range entries {
		letter := "#"
		if r := []rune(e.Name); len(r) > 0 && unicode.IsLetter(r[0]) {
			letter = string(unicode.ToUpper(r[0]))
		}
		if n := len(groups); n == 0 || groups[n-1].Letter != letter {
			groups = append(groups, AZGroup{Letter: letter})
		}
		groups[len(groups)-1].Entries = append(groups[len(groups)-1].Entries, e)
	}
	return groups
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
