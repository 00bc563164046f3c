package site

import (
	"sort"
	"strings"

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
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if a.Kind == content.KindArticle && b.Kind == content.KindArticle {
			da, db := a.Common().Date, b.Common().Date
			if !da.Equal(db.Time) {
				return da.After(db.Time)
			}
		}
		wa, wb := a.Common().Weight, b.Common().Weight
		if wa != wb {
			return wa < wb
		}
		return strings.ToLower(a.Title()) < strings.ToLower(b.Title())
	})
}
