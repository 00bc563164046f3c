package site

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// ref is one slug written in a page's front matter.
type ref struct {
	from  *Page
	key   string // front matter path, such as "treats.1"
	slug  string
	kinds []content.Kind
}

// resolve returns the page ref points at, or adds an error to errs. A
// page of another language than the default one finds the page in its own
// language first, then the default language's.
func (s *Site) resolve(r ref, errs *diag.List) *Page {
	for _, site := range []*Site{s, s.root} {
		if site == nil {
			continue
		}
		for _, k := range r.kinds {
			if p := site.bySlug[k][r.slug]; p != nil {
				return p
			}
		}
	}
	var names []string
	folders := ""
	for i, k := range r.kinds {
		for slug := range s.bySlug[k] {
			names = append(names, slug)
		}
		if i > 0 {
			folders += " or "
		}
		folders += "content/" + folderOf(k) + "/"
	}
	e := diag.Errorf(r.from.SourcePath(), r.from.Source.Line(r.key), "%s: no %s page with the slug %q", r.key, kindNames(r.kinds), r.slug)
	sort.Strings(names)
	if other := s.kindOfSlug(r.slug); other != "" {
		e.Msg += fmt.Sprintf("; %q is a %s page", r.slug, other)
		e.WithHint("%s takes the slugs of %s pages, from %s", strings.SplitN(r.key, ".", 2)[0], kindNames(r.kinds), folders)
	} else if p := s.titled(r.slug, r.kinds); p != nil {
		// The writer gave the page's title, such as "Dr. Jane Doe".
		e.WithHint("did you mean %q (the page titled %q)? Give the slug, the file name without .md", p.Slug, p.Title())
	} else if c := diag.Closest(content.Slugify(r.slug), names); c != "" {
		e.WithHint("did you mean %q?", c)
	} else if len(names) > 0 {
		e.WithHint("use the file name, without .md, of a page in %s: %s", folders, list(names, 10))
	} else {
		e.WithHint("there is no page in %s yet; add one, or remove this", folders)
	}
	*errs = append(*errs, e)
	return nil
}

// titled returns the page of one of kinds whose title, or whose title made
// a slug, is text: what a writer who names a page by its title means.
func (s *Site) titled(text string, kinds []content.Kind) *Page {
	want := content.Slugify(text)
	for _, k := range kinds {
		slugs := make([]string, 0, len(s.bySlug[k]))
		for slug := range s.bySlug[k] {
			slugs = append(slugs, slug)
		}
		sort.Strings(slugs)
		for _, slug := range slugs {
			p := s.bySlug[k][slug]
			if strings.EqualFold(strings.TrimSpace(p.Title()), strings.TrimSpace(text)) || want != "" && want == p.Slug {
				return p
			}
		}
	}
	return nil
}

// list returns up to n names joined by commas, and how many more there are.
func list(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
}

// kindOfSlug returns the kind of a content page with the given slug, or "".
func (s *Site) kindOfSlug(slug string) content.Kind {
	for _, k := range content.ContentKinds() {
		if s.bySlug[k.Kind][slug] != nil {
			return k.Kind
		}
	}
	return ""
}

func folderOf(k content.Kind) string { return k.Info().Folder }

func kindNames(kinds []content.Kind) string {
	s := ""
	for i, k := range kinds {
		if i > 0 {
			s += " or "
		}
		s += string(k)
	}
	return s
}

// link resolves every slug in front matter and fills in both ends of each
// relation: procedure treats ↔ condition procedures, FAQ about ↔ the pages'
// FAQs, author and reviewer ↔ the provider's pages, provider locations ↔
// the location's providers. A page of another language may point at a
// page of the default language that is not translated (a Spanish page
// reviewed by a provider whose page is in English only); the far end of
// such a relation is not filled in, so that no page lists pages of
// another language. It also sets each medical page's NextReview.
func (s *Site) link() diag.List {
	var errs diag.List
	conditions := []content.Kind{content.KindCondition}
	procedures := []content.Kind{content.KindProcedure}
	providers := []content.Kind{content.KindProvider}
	for _, p := range s.Pages {
		if p.Source == nil {
			continue
		}
		if m := p.Medical(); m != nil {
			if m.Author != "" {
				if a := s.resolve(ref{p, "author", m.Author, providers}, &errs); a != nil {
					p.Author = a
					if a.site == s {
						a.Authored = appendOnce(a.Authored, p)
					}
				}
			}
			if m.ReviewedBy != "" {
				if r := s.resolve(ref{p, "reviewed_by", m.ReviewedBy, providers}, &errs); r != nil {
					p.Reviewer = r
					if r.site == s {
						r.Reviewed = appendOnce(r.Reviewed, p)
					}
				}
			}
			p.NextReview = m.NextReview
			if p.NextReview.IsZero() && !m.LastReviewed.IsZero() {
				p.NextReview = m.LastReviewed.AddMonths(s.Config.Review.IntervalMonths)
			}
		}
		image, key := p.Common().Image, "image"
		if pr, ok := p.Meta.(*content.Provider); ok && pr.Photo != "" {
			image, key = pr.Photo, "photo"
		}
		if image != "" {
			p.ImageURL = s.imageURL(p, key, image, &errs)
		}
		switch m := p.Meta.(type) {
		case *content.Condition:
			for i, slug := range m.Procedures {
				if q := s.resolve(ref{p, fmt.Sprintf("procedures.%d", i), slug, procedures}, &errs); q != nil {
					p.Procedures = appendOnce(p.Procedures, q)
					if q.site == s {
						q.Conditions = appendOnce(q.Conditions, p)
					}
				}
			}
		case *content.Procedure:
			for i, slug := range m.Treats {
				if c := s.resolve(ref{p, fmt.Sprintf("treats.%d", i), slug, conditions}, &errs); c != nil {
					p.Conditions = appendOnce(p.Conditions, c)
					if c.site == s {
						c.Procedures = appendOnce(c.Procedures, p)
					}
				}
			}
		case *content.FAQ:
			for i, slug := range m.About {
				if t := s.resolve(ref{p, fmt.Sprintf("about.%d", i), slug, []content.Kind{content.KindCondition, content.KindProcedure}}, &errs); t != nil {
					p.About = appendOnce(p.About, t)
					if t.site == s {
						t.FAQs = appendOnce(t.FAQs, p)
					}
				}
			}
		case *content.Provider:
			for i, slug := range m.Locations {
				if l := s.resolve(ref{p, fmt.Sprintf("locations.%d", i), slug, []content.Kind{content.KindLocation}}, &errs); l != nil {
					p.Locations = appendOnce(p.Locations, l)
					if l.site == s {
						l.Providers = appendOnce(l.Providers, p)
					}
				}
			}
		}
	}
	for _, p := range s.Pages {
		for _, list := range [][]*Page{p.Procedures, p.Conditions, p.About, p.FAQs, p.Authored, p.Reviewed, p.Locations, p.Providers} {
			sortByTitle(list)
		}
	}
	return errs
}

func appendOnce(list []*Page, p *Page) []*Page {
	for _, q := range list {
		if q == p {
			return list
		}
	}
	return append(list, p)
}

func sortByTitle(list []*Page) {
	if len(list) < 2 {
		return
	}
	type keyed struct {
		p     *Page
		title string
	}
	ks := make([]keyed, len(list))
	for i, p := range list {
		ks[i] = keyed{p, p.Title()}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.title, b.title) })
	for i := range ks {
		list[i] = ks[i].p
	}
}

// imageURL resolves the image written under key in p's front matter.
func (s *Site) imageURL(p *Page, key, image string, errs *diag.List) string {
	if strings.HasPrefix(image, "https://") || strings.HasPrefix(image, "http://") {
		return image
	}
	u, err := s.Resolve(p.SourcePath(), image)
	if err != nil {
		*errs = append(*errs, diag.Errorf(p.SourcePath(), p.Source.Line(key), "%s %q: %v", key, image, err).
			WithHint("write the path of an image next to the page (photo.jpg) or a site path (/images/photo.jpg)").WithRule(diag.RuleLinkBroken))
		return ""
	}
	return u
}

// Linked calls yield with every page p's relations name, field by field:
// its section, the pages it lists, its tags, breadcrumbs and neighbours,
// the pages it treats, is treated by, is about, is asked about in, its
// author and reviewer, what they wrote and reviewed, where they work, who
// works there, and its translations. A page may come more than once.
// Whatever reads of other pages only what p's relations name reads no
// more than Linked gives (structured data, say); the test
// TestLinkedNamesEveryRelation fails when Page gains a relation Linked
// does not give.
func (p *Page) Linked(yield func(*Page)) {
	for _, q := range []*Page{p.Section, p.Prev, p.Next, p.Author, p.Reviewer} {
		if q != nil {
			yield(q)
		}
	}
	for _, list := range [][]*Page{p.Pages, p.Tags, p.Breadcrumbs, p.Procedures, p.Conditions, p.About, p.FAQs,
		p.Authored, p.Reviewed, p.Locations, p.Providers, p.Translations} {
		for _, q := range list {
			yield(q)
		}
	}
}
