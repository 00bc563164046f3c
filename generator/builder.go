package generator

import (
	"context"
	"fmt"
	"hash/fnv"
	"html/template"
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/readability"
	"github.com/lumen-ssg/lumen/generator/render"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Builder builds a site into Snapshots, again and again, keeping between
// builds what did not change: parsed pages (by file size and modification
// time), converted Markdown (by page and by the set of URLs links can
// point to), and the parsed theme. A Builder is not safe for concurrent
// Builds; the Snapshots it returns are independent of each other.
type Builder struct {
	opts  Options
	md    *markdown.Renderer
	pages *content.Cache

	mu        sync.Mutex
	converted map[string]converted // by content file
	theme     *themeCache
}

// converted is the Markdown of one page, with what it depended on.
type converted struct {
	page    *content.Page // the parse it was made from
	deps    uint64        // fingerprint of the site's URLs and glossary at the time
	html    template.HTML
	toc     []markdown.Heading
	answers []template.HTML
	prose   []markdown.Prose
	links   []markdown.Link
	defined []string
	errs    diag.List
}

// themeCache is the parsed theme and what it was parsed for.
type themeCache struct {
	key    string
	fsys   fs.FS
	render *render.Renderer
}

// NewBuilder returns a Builder for the site and options in opts.
func NewBuilder(opts Options) *Builder {
	md := opts.Markdown
	if md == nil {
		md = markdown.New()
	}
	return &Builder{opts: opts, md: md, pages: content.NewCache(), converted: map[string]converted{}}
}

// Changed tells the Builder that the files at paths (relative to the site
// root) changed, for file systems whose modification times cannot be
// trusted. A path under themes/ makes the next build parse the theme
// again.
func (b *Builder) Changed(paths ...string) {
	b.pages.Forget(paths...)
	for _, p := range paths {
		if strings.HasPrefix(p, "themes/") {
			b.mu.Lock()
			b.theme = nil
			b.mu.Unlock()
		}
	}
}

// Build runs the stages up to Markdown and returns the Snapshot, ready to
// render. Result.Timings has the stages run so far.
func (b *Builder) Build(ctx context.Context) (*Snapshot, *Result, error) {
	start := time.Now()
	st, err := b.prepare(ctx, false)
	if err == nil {
		err = runStages(ctx, st.res, []stage{{"markdown", st.convertMarkdown}})
	}
	st.res.Duration = time.Since(start)
	if err != nil {
		return nil, st.res, err
	}
	return st.snapshot(), st.res, nil
}

// prepare runs the stages that come before the Markdown: config, content,
// site and theme. With noBody the pages' Markdown is not kept in memory
// (see content.Options.NoBody).
func (b *Builder) prepare(ctx context.Context, noBody bool) (*buildState, error) {
	st := &buildState{b: b, res: &Result{}, noBody: noBody}
	err := runStages(ctx, st.res, []stage{
		{"config", st.loadConfig},
		{"content", st.loadContent},
		{"site", st.buildSite},
		{"theme", st.loadTheme},
	})
	return st, err
}

// snapshot returns the Snapshot of the prepared site.
func (st *buildState) snapshot() *Snapshot {
	snap := newSnapshot(st.site, st.theme, st.b.opts.Source, st.render)
	snap.glossary, snap.analyzer = st.set.Glossary, st.analyzer
	return snap
}

// buildState holds what one build's stages pass to each other.
type buildState struct {
	b        *Builder
	res      *Result
	noBody   bool
	cfg      *config.Config
	set      *content.Set
	analyzer *readability.Analyzer
	site     *site.Site
	theme    fs.FS
	render   *render.Renderer
}

func (st *buildState) loadConfig(context.Context) error {
	cfg, err := config.Load(st.b.opts.Source)
	if err != nil {
		return err
	}
	if st.b.opts.BaseURL != "" {
		if err := cfg.SetBaseURL(st.b.opts.BaseURL); err != nil {
			return err
		}
	}
	st.cfg = cfg
	return nil
}

func (st *buildState) loadContent(context.Context) error {
	opts := content.Options{Drafts: st.b.opts.Drafts, Cache: st.b.pages, NoBody: st.noBody}
	if st.noBody {
		opts.Cache = nil // a one-shot build keeps nothing for later
	}
	set, errs := content.Load(st.b.opts.Source, opts)
	st.set = set
	var lex readability.Lexicon
	if set.Lexicon != nil {
		l, err := readability.ParseLexicon(content.LexiconFile, string(set.Lexicon))
		errs.Add(err)
		lex = l
	}
	st.analyzer = readability.New(lex)
	return errs.Err()
}

func (st *buildState) buildSite(context.Context) error {
	s, errs := site.New(st.cfg, st.set)
	st.site, st.res.Site = s, s
	return errs.Err()
}

// loadTheme joins the site's theme overrides with the built-in theme and
// parses the layouts, or reuses the last parse.
func (st *buildState) loadTheme(context.Context) error {
	cfg := st.cfg
	key := strings.Join([]string{cfg.Theme, cfg.BaseURL, cfg.Title}, "\x00")
	st.b.mu.Lock()
	cached := st.b.theme
	st.b.mu.Unlock()
	if cached != nil && cached.key == key {
		st.theme, st.render = cached.fsys, cached.render
		return nil
	}
	dir := "themes/" + cfg.Theme
	local, err := fs.Sub(st.b.opts.Source, dir)
	if err != nil {
		return err
	}
	if cfg.Theme != config.DefaultTheme {
		if _, err := fs.Stat(st.b.opts.Source, dir+"/layouts/baseof.html"); err != nil {
			return &diag.Error{File: config.File, Line: cfg.Pos.Line("theme"),
				Msg:  fmt.Sprintf("theme %q not found: there is no %s/layouts/baseof.html", cfg.Theme, dir),
				Hint: "remove theme: to use the default theme, or create the theme's folder"}
		}
	}
	theme := render.Overlay(local, st.b.opts.Theme)
	label := func(name string) string {
		if render.Origin(theme, name) == "top" {
			return dir + "/" + name
		}
		return "themes/default/" + name
	}
	r, err := render.New(theme, cfg, label)
	if err != nil {
		return err
	}
	st.theme, st.render = theme, r
	st.b.mu.Lock()
	st.b.theme = &themeCache{key: key, fsys: theme, render: r}
	st.b.mu.Unlock()
	return nil
}

// convertMarkdown converts every page body, and every FAQ answer, to HTML,
// reusing the last conversion of pages whose file and whose possible link
// targets did not change.
func (st *buildState) convertMarkdown(ctx context.Context) error {
	b, s := st.b, st.site
	glossary := glossaryTerms(st.set.Glossary)
	deps := fingerprint(s, glossary)
	errLists := make([]diag.List, len(s.Pages))
	parallel(ctx, len(s.Pages), func(i int) {
		p := s.Pages[i]
		if p.Source == nil {
			return
		}
		b.mu.Lock()
		c, ok := b.converted[p.Source.Source]
		b.mu.Unlock()
		if !ok || c.page != p.Source || c.deps != deps {
			c = b.convert(p, p.Source.Body, s, glossary)
			c.deps = deps
			b.mu.Lock()
			b.converted[p.Source.Source] = c
			b.mu.Unlock()
		}
		c.apply(p)
		errLists[i] = c.errs
	})
	b.mu.Lock()
	for source := range b.converted {
		if s.PageFor(source) == nil {
			delete(b.converted, source)
		}
	}
	b.mu.Unlock()
	var all diag.List
	for _, l := range errLists {
		all = append(all, l...)
	}
	all.Sort()
	return all.Err()
}

// convert renders body, the Markdown of page p, and its FAQ answers.
func (b *Builder) convert(p *site.Page, body []byte, s *site.Site, glossary []markdown.Term) converted {
	src := p.Source
	opts := markdown.Options{Resolver: s, Glossary: glossary}
	doc, errs := b.md.RenderWith(src.Source, body, src.BodyLine, opts)
	c := converted{page: src, html: template.HTML(doc.HTML), toc: doc.TOC, errs: errs,
		prose: doc.Prose, links: doc.Links, defined: doc.Defined}
	if faq, ok := p.Meta.(*content.FAQ); ok {
		c.answers = make([]template.HTML, len(faq.Questions))
		// A term is defined once on a page: at its first use in the body
		// or in the first answer that uses it.
		opts.Glossary = without(opts.Glossary, doc.Defined)
		for j, q := range faq.Questions {
			// An answer written on its key's line starts there; one
			// written as a block (answer: |) starts on the next line.
			line := src.Line(fmt.Sprintf("questions.%d.answer", j))
			if strings.Contains(q.Answer, "\n") {
				line++
			}
			doc, errs := b.md.RenderWith(src.Source, []byte(q.Answer), line-1, opts)
			c.answers[j] = template.HTML(doc.HTML)
			opts.Glossary = without(opts.Glossary, doc.Defined)
			c.prose = append(c.prose, doc.Prose...)
			c.links = append(c.links, doc.Links...)
			c.defined = append(c.defined, doc.Defined...)
			c.errs = append(c.errs, errs...)
		}
	}
	return c
}

// apply gives page p the conversion's results.
func (c *converted) apply(p *site.Page) {
	p.Content, p.TOC, p.Answers = c.html, c.toc, c.answers
	p.Prose, p.Links, p.Defined = c.prose, c.links, c.defined
}

// without returns the terms not in defined.
func without(terms []markdown.Term, defined []string) []markdown.Term {
	if len(defined) == 0 {
		return terms
	}
	done := map[string]bool{}
	for _, d := range defined {
		done[strings.ToLower(d)] = true
	}
	var out []markdown.Term
	for _, t := range terms {
		if !done[strings.ToLower(t.Term)] {
			out = append(out, t)
		}
	}
	return out
}

// glossaryTerms returns the glossary's terms for the Markdown renderer.
func glossaryTerms(g *content.Glossary) []markdown.Term {
	if g == nil {
		return nil
	}
	out := make([]markdown.Term, 0, len(g.Terms))
	for _, t := range g.Terms {
		for _, form := range t.Forms() {
			out = append(out, markdown.Term{Term: form, Definition: t.Definition})
		}
	}
	return out
}

// fingerprint hashes what a conversion depends on beyond the page itself:
// every page's source and URL and every file's (what a link can resolve
// to) and the glossary, so that conversions are redone when a page is
// added, removed or moved, or the glossary changes.
func fingerprint(s *site.Site, glossary []markdown.Term) uint64 {
	h := fnv.New64a()
	for _, t := range glossary {
		h.Write([]byte(t.Term + "\x00" + t.Definition + "\x00"))
	}
	for _, p := range s.Pages {
		h.Write([]byte(p.SourcePath()))
		h.Write([]byte{0})
		h.Write([]byte(p.URL))
		h.Write([]byte{0})
	}
	for _, f := range s.Files {
		h.Write([]byte(f.Source))
		h.Write([]byte{0})
		h.Write([]byte(f.URL))
		h.Write([]byte{0})
	}
	return h.Sum64()
}
