package site

import (
	"html/template"
	"strings"
	"sync"

	"github.com/lumen-ssg/lumen/generator/content"
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
	// readability checks and the search index.
	Prose []markdown.Prose
	// AnswerProse says where each answer's running text is in Prose: the
	// blocks of answer i start at AnswerProse[i] and end where the next
	// answer's start, or at the end of Prose. The body's own come first.
	AnswerProse []int
	// Links are the links and images of the body and the answers,
	// resolved.
	Links []markdown.Link
	// Defined are the glossary terms defined on the page.
	Defined []string
	// Errs are the problems converting it, such as broken links, at their
	// lines in the page's file.
	Errs diag.List
}

// OwnProse returns the running text of the body alone, without the
// answers'.
func (b *Body) OwnProse() []markdown.Prose {
	if len(b.AnswerProse) == 0 {
		return b.Prose
	}
	return b.Prose[:min(max(b.AnswerProse[0], 0), len(b.Prose))]
}

// AnswerText returns the running text of answer i: none when the body
// has no such answer.
func (b *Body) AnswerText(i int) []markdown.Prose {
	if i < 0 || i >= len(b.AnswerProse) {
		return nil
	}
	end := len(b.Prose)
	if i+1 < len(b.AnswerProse) {
		end = b.AnswerProse[i+1]
	}
	start := min(max(b.AnswerProse[i], 0), len(b.Prose))
	return b.Prose[start:max(start, min(end, len(b.Prose)))]
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
// that a build's memory does not grow with the site. Reconvert replaces a
// Site's bodies with new ones.
type bodies struct {
	convert Converter
	keep    bool
	// generation counts the Site's bodies: 0 for those of New, one more
	// for each Reconvert.
	generation uint64
	// files are the parses that Reconvert gave for pages' files, by
	// source path.
	files map[string]*content.Page

	mu   sync.Mutex
	held map[*Page]*heldBody
}

func newBodies(convert Converter, keep bool, files map[string]*content.Page) *bodies {
	return &bodies{convert: convert, keep: keep, files: files, held: map[*Page]*heldBody{}}
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
func (s *Site) Body(p *Page) *Body { return s.bodies.Load().body(s, p) }

func (b *bodies) body(s *Site, p *Page) *Body {
	if p.Source == nil || b.convert == nil {
		return &Body{}
	}
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
	b := s.bodies.Load()
	b.mu.Lock()
	h := b.held[p]
	if h == nil {
		h = &heldBody{}
		b.held[p] = h
	}
	h.holds++
	b.mu.Unlock()
	return b.body(s, p)
}

// Release lets the Body of page p go once nobody holds it, unless the site
// keeps bodies.
func (s *Site) Release(p *Page) {
	if p.Source == nil {
		return
	}
	s.bodies.Load().release(p)
}

func (b *bodies) release(p *Page) {
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

// Reconvert gives s, and the Site of each of its other languages, a new
// Converter and new parses of some pages' files (files, by source path:
// see Page.File), and forgets every Body made: each page's Body is made
// again by convert when it is next asked for. It is the one change a Site
// allows after New, for a dev server whose pages' Markdown changed while
// nothing the graph is made of did (their front matter, the other files,
// the configuration): the graph is kept, with its Pages, and only the
// pages' bodies and versions are new. A page held while Reconvert runs
// keeps the Body it holds; what reads the Site afterwards, from any
// goroutine, sees the new bodies.
func (s *Site) Reconvert(convert Converter, files map[string]*content.Page) {
	for _, ls := range s.Languages() {
		old := ls.bodies.Load()
		b := newBodies(convert, old.keep, files)
		b.generation = old.generation + 1
		ls.bodies.Store(b)
	}
}

// Generation returns a number that Reconvert changes: what was made of the
// Site's pages while it had one number, such as a rendered partial, may
// show bodies the Site no longer has once it has another.
func (s *Site) Generation() uint64 { return s.bodies.Load().generation }

// File returns the parse of the page's content file that its Body is made
// of and its Version read from: its Source, or the parse Reconvert gave
// for the file since; nil for a page Lumen made up. Its front matter is
// always the Source's.
func (p *Page) File() *content.Page {
	if f := p.site.bodies.Load().files[p.SourcePath()]; f != nil {
		return f
	}
	return p.Source
}
