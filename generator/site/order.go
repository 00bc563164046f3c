package site

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/lumen-ssg/lumen/generator/content"
)

// order sorts the pages of every list, links neighbours within sections
// and sets breadcrumbs.
func (s *Site) order() {
	for _, sec := range s.Sections {
		sortSection(sec.Pages)
		for i, p := range sec.Pages {
			if i > 0 {
				p.Prev = sec.Pages[i-1]
			}
			if i+1 < len(sec.Pages) {
				p.Next = sec.Pages[i+1]
			}
		}
	}
	if s.TagIndex != nil {
		for _, t := range s.TagIndex.Pages {
			sortByTitle(t.Pages)
		}
	}
	for _, p := range s.Pages {
		if p == s.Home {
			continue
		}
		p.Breadcrumbs = []*Page{s.Home}
		if p.Section != nil {
			p.Breadcrumbs = append(p.Breadcrumbs, p.Section)
		}
	}
}

// sortSection orders a section's pages: articles newest first, everything
// else by weight and then title.
func sortSection(pages []*Page) {
	// Each page's keys are read once, not at every comparison: a section
	// of thousands of pages is compared some hundred thousand times.
	type keyed struct {
		p       *Page
		article bool
		date    time.Time
		weight  int
		title   string
	}
	ks := make([]keyed, len(pages))
	for i, p := range pages {
		c := p.Common()
		ks[i] = keyed{p, p.Kind == content.KindArticle, c.Date.Time, c.Weight, strings.ToLower(c.Title)}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if a.article && b.article && !a.date.Equal(b.date) {
			if a.date.After(b.date) {
				return -1
			}
			return 1
		}
		if a.weight != b.weight {
			return cmp.Compare(a.weight, b.weight)
		}
		return strings.Compare(a.title, b.title)
	})
	for i := range ks {
		pages[i] = ks[i].p
	}
}
