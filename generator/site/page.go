package site

import (
	"html/template"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/markdown"
)

// Kinds of generated list pages, beside the content kinds.
const (
	// KindTerms is the page listing every tag, /tags/.
	KindTerms = content.KindTerms
	// KindTerm is the page listing the pages of one tag, /tags/<tag>/.
	KindTerm = content.KindTerm
)

// Page is one page of the built site: a content page, a section or the home
// page (with or without an _index.md), or a tag page.
type Page struct {
	// Source is the content file, or nil for a page Lumen made up (a
	// section without _index.md, a tag page).
	Source *content.Page
	// Kind is the page's kind.
	Kind content.Kind
	// Meta is the typed front matter; generated pages have a
	// *content.Plain with only a title.
	Meta content.Meta

	// URL is the page's site path, such as "/conditions/sciatica/".
	URL string
	// Permalink is the absolute URL: the base URL joined with URL.
	Permalink string
	// Slug is the last segment of URL ("" for the home page).
	Slug string

	// Section is the section list page the page belongs to, or nil.
	Section *Page
	// Pages are the pages a list page lists, in order.
	Pages []*Page
	// Tags are the term pages of the page's tags.
	Tags []*Page
	// Breadcrumbs are the pages above this one, from the home page down,
	// not including this page.
	Breadcrumbs []*Page
	// Prev and Next are the neighbours within the section, or nil.
	Prev, Next *Page

	// Procedures are, on a condition page, the procedures that treat it.
	Procedures []*Page
	// Conditions are, on a procedure page, the conditions it treats, and
	// on a FAQ page, the conditions it is about.
	Conditions []*Page
	// About are, on a FAQ page, the pages the questions are about.
	About []*Page
	// FAQs are the FAQ pages about this page.
	FAQs []*Page
	// Author and Reviewer are the provider pages named by author and
	// reviewed_by, or nil.
	Author, Reviewer *Page
	// Authored and Reviewed are, on a provider page, the pages the
	// provider wrote and reviewed.
	Authored, Reviewed []*Page
	// Locations are, on a provider page, where the provider works.
	Locations []*Page
	// Providers are, on a location page, who works there.
	Providers []*Page
	// NextReview is when the next medical review is due: next_review, or
	// last_reviewed plus the site's review interval.
	NextReview content.Date
	// Translations are the same page in the site's other languages, in
	// the order of site.yaml: a content page's translations and original
	// (Site.Languages), or a page Lumen makes at the same place in each
	// language (the home page, /es/ and /).
	Translations []*Page
	// ImageURL is the site URL of the front matter's image (or, on a
	// provider page, photo), resolved like a link in the body, or "".
	ImageURL string

	// site is the Site the page belongs to, for its Body.
	site *Site
	// fallbackDescription is the description used when the front matter
	// has none and no summary: the site's, for the home page.
	fallbackDescription string
}

// Body returns the page's converted Markdown (see Site.Body).
func (p *Page) Body() *Body {
	if p.site == nil {
		return &Body{}
	}
	return p.site.Body(p)
}

// Content returns the page's rendered Markdown body. Any template may read
// any page's Content; it is the same in build, check and serve.
func (p *Page) Content() template.HTML { return p.Body().HTML }

// TOC returns the table of contents of the page's body.
func (p *Page) TOC() []markdown.Heading { return p.Body().TOC }

// Answers returns the rendered answers of an FAQ page, one per question.
func (p *Page) Answers() []template.HTML { return p.Body().Answers }

// WordCount returns the number of words of the page's body and answers.
func (p *Page) WordCount() int { return p.Body().Words() }

// Title returns the page's title.
func (p *Page) Title() string { return content.CommonOf(p.Meta).Title }

// Common returns the front-matter keys every kind has.
func (p *Page) Common() *content.Common { return content.CommonOf(p.Meta) }

// Medical returns the medical governance keys, or nil for other kinds.
func (p *Page) Medical() *content.Medical {
	if p.Source == nil {
		return nil
	}
	return p.Source.Medical()
}

// IsList reports whether the page lists other pages.
func (p *Page) IsList() bool {
	switch p.Kind {
	case content.KindHome, content.KindSection, KindTerms, KindTerm:
		return true
	}
	return false
}

// Lastmod is when the page last changed in substance: its last medical
// review, or else its date. It is zero when neither was given.
func (p *Page) Lastmod() content.Date {
	if m := p.Medical(); m != nil && !m.LastReviewed.IsZero() {
		if m.LastReviewed.After(p.Common().Date.Time) {
			return m.LastReviewed
		}
	}
	return p.Common().Date
}

// SourcePath returns the content file's path, or "" for a generated page.
func (p *Page) SourcePath() string {
	if p.Source == nil {
		return ""
	}
	return p.Source.Source
}

// Description returns the page's meta description: its description, or
// else its summary, or else, on the home page, the site's description.
func (p *Page) Description() string {
	c := p.Common()
	switch {
	case c.Description != "":
		return c.Description
	case c.Summary != "":
		return c.Summary
	}
	return p.fallbackDescription
}

// Name returns how the page names its subject where a person is named: a
// provider's title followed by the credentials written as letters ("Maya
// Ortiz, MD"; content.Provider.FullName), any other page's title.
func (p *Page) Name() string {
	if m, ok := p.Meta.(*content.Provider); ok {
		return m.FullName(p.Title())
	}
	return p.Title()
}
