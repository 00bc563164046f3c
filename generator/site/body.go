package site

import (
	"html/template"
	"strings"
	"sync"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
)

// Body is the converted Markdown of one content page: its body and, on an
// FAQ page, its answers. A Body is made by the site's Converter when the
// page is first asked for it (Site.Body) and never changes; the Page it
// belongs to is never written to.
type Body struct {
	// HTML is the rendered Markdown body.
	HTML template.HTML
	// TOC is the body's table of contents.
	TOC []markdown.Heading
	// Answers are the rendered answers of an FAQ page, one per question.
	Answers []template.HTML
	// Prose is the running text of the body and the answers, for the
	// readability checks.
	Prose []markdown.Prose
	// Links are the links and images of the body and the answers,
	// resolved.
	Links []markdown.Link
	// Defined are the glossary terms defined on the page.
	Defined []string
	// Errs are the problems converting it, such as broken links, at their
	// lines in the page's file.
	Errs diag.List
}

// Words returns the number of words of the body's prose.
func (b *Body) Words() int {
	n := 0
	for _, p := range b.Prose {
		n += len(strings.Fields(p.Text))
	}
	return n
}

// A Converter makes the Body of a content page of s. It is called at most
// once per page while the page is held (Site.Hold), and again for a page
// read while nobody holds it, so it must give the same Body for the same
// page every time. It must be safe for concurrent use.
type Converter func(s *Site, p *Page) *Body

// bodies converts the pages' Markdown on first use. Pages being worked on
// are held, so that their Body is made once however often it is read;
// with keep, every Body made is kept until the Site is dropped (lumen
// serve), and without it a Body is let go once nobody holds its page, so
// that a build's memory does not grow with the site.
type bodies struct {
	convert Converter
	keep    bool

	mu   sync.Mutex
	held map[*Page]*heldBody
}

// heldBody is the Body of one page and how many hold it.
type heldBody struct {
	once  sync.Once
	body  *Body
	holds int
}

// Body returns the converted Markdown of page p: made once while p is
// held or the site keeps bodies, and made again otherwise. A page without
// Markdown has an empty Body.
func (s *Site) Body(p *Page) *Body {
	if p.Source == nil || s.bodies.convert == nil {
		return &Body{}
	}
	b := &s.bodies
	b.mu.Lock()
	h := b.held[p]
	if h == nil && b.keep {
		h = &heldBody{}
		b.held[p] = h
	}
	b.mu.Unlock()
	if h == nil {
		return b.convert(s, p)
	}
	h.once.Do(func() { h.body = b.convert(s, p) })
	return h.body
}

// Hold returns the Body of page p and keeps it until Release, so that every
// template, check and structured-data document that reads p meanwhile
// shares the one conversion.
func (s *Site) Hold(p *Page) *Body {
	if p.Source == nil {
		return &Body{}
	}
	b := &s.bodies
	b.mu.Lock()
	h := b.held[p]
	if h == nil {
		h = &heldBody{}
		b.held[p] = h
	}
	h.holds++
	b.mu.Unlock()
	return s.Body(p)
}

// Release lets the Body of page p go once nobody holds it, unless the site
// keeps bodies.
func (s *Site) Release(p *Page) {
	if p.Source == nil {
		return
	}
	b := &s.bodies
	b.mu.Lock()
	defer b.mu.Unlock()
	h := b.held[p]
	if h == nil {
		return
	}
	if h.holds--; h.holds <= 0 && !b.keep {
		delete(b.held, p)
	}
}
