package generator

import (
	"crypto/sha256"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/site"
)

// converter converts the Markdown of a site's pages for one build: it is
// the site's site.Converter. With a Builder that keeps conversions, a page
// whose file and whose possible link targets did not change since the
// last build gets its last Body again.
type converter struct {
	b *Builder
	// glossaries are the glossary of each language's folder of content,
	// by its code ("" for content/ itself).
	glossaries map[string]*glossary

	once   sync.Once
	deps   uint64   // fingerprint of the site's URLs, glossary and phones
	phones []string // the site's phone numbers, linked where the text gives them
	// base is the key of what every page's conversion depends on but
	// the addresses of the site's pages and files (see bodyLog), for a
	// build with a build cache.
	base [32]byte

	// static are the theme's static files, by site path ("/favicon.svg"),
	// which a link may point to too; set by the theme stage, before any
	// page is converted.
	static map[string]bool
	// pictures are the site's pictures, which the Markdown shows in their
	// processed versions; set by the files stage, before any page is
	// converted.
	pictures *pictures
}

// again returns the converter of the next build of the same site graph
// (Builder.again). The files stage sets its pictures.
func (c *converter) again() *converter {
	return &converter{b: c.b, glossaries: c.glossaries, static: c.static}
}

// phonesOf returns the site's phone numbers as it writes them: the
// practice's, its after-hours number and each location's, each once.
func phonesOf(s *site.Site) []string {
	var out []string
	add := func(p string) {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	add(s.Config.Practice.Phone)
	add(s.Config.Practice.AfterHoursPhone)
	for _, p := range s.OfKind(string(content.KindLocation)) {
		if l, ok := p.Meta.(*content.Location); ok {
			add(l.Phone)
		}
	}
	return out
}

// resolver resolves the links of a page: to the site's pages and files
// (site.Site.Resolve), or to a static file of the theme.
type resolver struct {
	s      *site.Site
	static map[string]bool
}

// Resolve implements markdown.Resolver.
func (r resolver) Resolve(source, dest string) (string, error) {
	u, err := r.s.Resolve(source, dest)
	if err != nil && r.static[dest] {
		return dest, nil
	}
	return u, err
}

// glossary is the glossary of one language: its terms, and the terms
// prepared for matching, once a build.
type glossary struct {
	terms   []markdown.Term
	matcher *markdown.Glossary
}

// converter returns the converter of a build of the content set, whose
// pages of each language are defined the terms of their language's
// glossary.
func (b *Builder) converter(set *content.Set) *converter {
	c := &converter{b: b, glossaries: map[string]*glossary{}}
	add := func(lang string, g *content.Glossary) {
		terms := glossaryTerms(g)
		c.glossaries[lang] = &glossary{terms: terms, matcher: markdown.NewGlossary(terms)}
	}
	add("", set.Glossary)
	for lang, d := range set.Languages {
		add(lang, d.Glossary)
	}
	return c
}

// glossaryOf returns the glossary of the pages of the language folder
// lang ("" for the default language).
func (c *converter) glossaryOf(lang string) *glossary {
	if g := c.glossaries[lang]; g != nil {
		return g
	}
	return c.glossaries[""]
}

// bodyCache keeps the Bodies a dev server's builds made, by content file.
type bodyCache struct {
	mu     sync.Mutex
	bodies map[string]cachedBody
}

// cachedBody is one page's Body with what it was made from.
type cachedBody struct {
	page *content.Page // the parse it was made from
	deps uint64
	body *site.Body
}

func newBodyCache() *bodyCache { return &bodyCache{bodies: map[string]cachedBody{}} }

// prune drops the Bodies of files that are no longer pages of s, in any
// of its languages.
func (c *bodyCache) prune(s *site.Site) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for source := range c.bodies {
		found := false
		for _, ls := range s.Languages() {
			found = found || ls.PageFor(source) != nil
		}
		if !found {
			delete(c.bodies, source)
		}
	}
}

// convert makes the Body of page p of s: its Markdown body and, on an FAQ
// page, each answer, rendered to HTML with links resolved against s. The
// Markdown is read again from the source when the content stage let it
// go.
func (c *converter) convert(s *site.Site, p *site.Page) *site.Body {
	c.once.Do(func() {
		c.phones = phonesOf(s.Root())
		c.deps = fingerprint(s.Root(), c.glossaries, c.static, c.phones, c.pictures)
		if c.b.opts.cache != nil {
			h := sha256.New()
			writeString(h, c.b.opts.CacheVersion)
			writeString(h, s.Root().Config.Fingerprint())
			writeConversionBase(h, c.glossaries, c.static, c.phones, c.pictures)
			h.Sum(c.base[:0])
		}
	})
	src := p.File()
	cache := c.b.bodies
	if cache != nil {
		cache.mu.Lock()
		cached, ok := cache.bodies[src.Source]
		cache.mu.Unlock()
		if ok && cached.page == src && cached.deps == c.deps {
			return cached.body
		}
	}
	// A build with a build cache takes the Body from it when the page's
	// file and what links can point to are as they were (see bodyLog).
	bc := c.b.opts.cache
	logged := bc != nil && bc.bodies.ready.Load() && c.b.opts.Markdown == nil
	var key [32]byte
	if logged {
		key = bodyKey(c.base, p)
		if body := bc.body(p, key, resolver{s, c.static}); body != nil {
			return body
		}
	}
	body := c.make(s, p)
	if bc != nil {
		bc.bodies.converted.Add(1)
	}
	if logged {
		bc.keepBody(p, key, body)
	}
	if cache != nil {
		cache.mu.Lock()
		cache.bodies[src.Source] = cachedBody{page: src, deps: c.deps, body: body}
		cache.mu.Unlock()
	}
	return body
}

// make converts page p's Markdown.
func (c *converter) make(s *site.Site, p *site.Page) *site.Body {
	src := p.File()
	md, err := content.ReadBody(c.b.opts.Source, src)
	if err != nil {
		var errs diag.List
		errs.Add(err)
		return &site.Body{Errs: errs.SetRule(diag.RuleFile)}
	}
	lim := s.Config.Limits
	opts := markdown.Options{Resolver: resolver{s, c.static}, Glossary: c.glossaryOf(src.Lang).matcher, Limits: markdown.Limits{Nesting: lim.Nesting, References: lim.References}, Phones: c.phones,
		// A page with a front-matter image shows it first.
		LazyAll: p.ImageURL != ""}
	if c.pictures != nil {
		opts.Pictures = c.pictures
	}
	doc, errs := c.b.md.RenderWith(src.Source, md, src.BodyLine, opts)
	body := &site.Body{HTML: template.HTML(doc.HTML), TOC: doc.TOC, Errs: errs,
		Prose: doc.Prose, Links: doc.Links, Defined: doc.Defined}
	if faq, ok := p.Meta.(*content.FAQ); ok {
		body.Answers = make([]template.HTML, len(faq.Questions))
		body.AnswerProse = make([]int, len(faq.Questions))
		// A term is defined once on a page: at its first use in the body
		// or in the first answer that uses it.
		opts.Defined = append([]string(nil), doc.Defined...)
		opts.LazyAll = true // answers are folded until opened
		for j, q := range faq.Questions {
			// An answer written on its key's line starts there; one
			// written as a block (answer: |) starts on the next line.
			line := src.Line(fmt.Sprintf("questions.%d.answer", j))
			if strings.Contains(q.Answer, "\n") {
				line++
			}
			doc, errs := c.b.md.RenderWith(src.Source, []byte(q.Answer), line-1, opts)
			body.Answers[j] = template.HTML(doc.HTML)
			body.AnswerProse[j] = len(body.Prose)
			opts.Defined = append(opts.Defined, doc.Defined...)
			body.Prose = append(body.Prose, doc.Prose...)
			body.Links = append(body.Links, doc.Links...)
			body.Defined = append(body.Defined, doc.Defined...)
			body.Errs = append(body.Errs, errs...)
		}
	}
	return body
}

// glossaryTerms returns the glossary's terms for the Markdown renderer.
func glossaryTerms(g *content.Glossary) []markdown.Term {
	if g == nil {
		return nil
	}
	out := make([]markdown.Term, 0, len(g.Terms))
	for i, t := range g.Terms {
		for _, form := range t.Forms() {
			out = append(out, markdown.Term{Term: form, Definition: t.Definition, Entry: i})
		}
	}
	return out
}

// fingerprint hashes what a conversion depends on beyond the page itself:
// every page's source and URL, every file's and the theme's static files
// (what a link can resolve to), the glossary and the pictures' keys, so
// that conversions are redone when a page is added, removed or moved, the
// glossary changes or a picture does.
func fingerprint(s *site.Site, glossaries map[string]*glossary, static map[string]bool, phones []string, pics *pictures) uint64 {
	h := fnv.New64a()
	writeConversionBase(h, glossaries, static, phones, pics)
	for _, ls := range s.Languages() {
		for _, p := range ls.Pages {
			h.Write([]byte(p.SourcePath()))
			h.Write([]byte{0})
			h.Write([]byte(p.URL))
			h.Write([]byte{0})
		}
		for _, f := range ls.Files {
			h.Write([]byte(f.Source))
			h.Write([]byte{0})
			h.Write([]byte(f.URL))
			h.Write([]byte{0})
		}
	}
	return h.Sum64()
}

// writeConversionBase writes to h what a conversion depends on beyond
// the page itself and the addresses of the site's pages and files: the
// pictures' keys (and why any cannot be processed), the drawings' sizes,
// the phone numbers, the glossary, and the names of the theme's static
// files.
func writeConversionBase(h io.Writer, glossaries map[string]*glossary, static map[string]bool, phones []string, pics *pictures) {
	if pics != nil {
		for _, p := range pics.list {
			h.Write([]byte(p.url + "\x00" + p.key + "\x00"))
			if p.err != nil {
				h.Write([]byte(p.err.Error() + "\x00"))
			}
		}
		// A drawing is shown at the size its file gives.
		for _, u := range slices.Sorted(maps.Keys(pics.drawings)) {
			d := pics.drawings[u]
			fmt.Fprintf(h, "%s\x00%d×%d\x00", u, d.Width, d.Height)
		}
	}
	for _, p := range phones {
		h.Write([]byte(p + "\x00"))
	}
	for _, lang := range slices.Sorted(maps.Keys(glossaries)) {
		h.Write([]byte(lang + "\x00"))
		for _, t := range glossaries[lang].terms {
			h.Write([]byte(t.Term + "\x00" + t.Definition + "\x00" + strconv.Itoa(t.Entry) + "\x00"))
		}
	}
	for _, f := range slices.Sorted(maps.Keys(static)) {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
}
