package generator

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/htmlcheck"
	"github.com/lumen-ssg/lumen/generator/i18n"
	"github.com/lumen-ssg/lumen/generator/images"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/readability"
	"github.com/lumen-ssg/lumen/generator/render"
	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// Builder prepares a site into Snapshots. The Builder of lumen serve
// (NewBuilder) does it again and again, keeping between builds what did
// not change: parsed pages (by file size and modification time), converted
// Markdown (by page and by what links can point to), and the parsed theme;
// its Snapshots keep every file they make. The Builder of a one-shot build
// keeps nothing, so that a large site's memory stays flat. A Builder is
// not safe for concurrent Prepares; the Snapshots it returns are
// independent of each other, but for one thing: when the only change
// since the last build is to the Markdown below the front matter of pages
// (see Changed), the Builder of lumen serve keeps the last build's site
// graph and gives it new bodies (site.Site.Reconvert), which the last
// Snapshot then shows too.
type Builder struct {
	opts   Options
	md     *markdown.Renderer
	keep   bool
	pages  *content.Cache // parsed pages, when keep
	bodies *bodyCache     // converted Markdown, when keep
	probes *probeMemo     // probed pictures, when keep
	cache  images.Cache   // processed pictures

	mu    sync.Mutex
	theme *themeCache
	// changed are the paths Changed was told of since the last Prepare.
	changed []string
	// last is what the last build prepared, when it prepared the site
	// without error and the Builder keeps what it can, and lastSet the
	// content the last build that read content/ read.
	last    *prepared
	lastSet *content.Set
}

// themeCache is the parsed theme and what it was parsed for.
type themeCache struct {
	key     string
	fsys    fs.FS
	render  *render.Renderer
	catalog *i18n.Catalog
}

// NewBuilder returns the Builder of a dev server, which keeps what it can
// between builds (see Builder).
func NewBuilder(opts Options) *Builder { return newBuilder(opts, true) }

func newBuilder(opts Options, keep bool) *Builder {
	md := opts.Markdown
	if md == nil {
		md = markdown.New()
	}
	b := &Builder{opts: opts, md: md, keep: keep, cache: imageCache(opts)}
	if keep {
		b.pages = content.NewCache()
		b.bodies = newBodyCache()
		b.probes = newProbeMemo()
	}
	return b
}

// Changed tells the Builder that the files at paths (relative to the site
// root) changed: the next Prepare reads them again whatever their
// modification times say, and when they are all pages of the last build
// whose front matter is as it was, it keeps the last build's site graph
// and makes only their bodies again. A path under themes/ or i18n/ (the
// site's translations of the theme's strings) makes the next build parse
// the theme again.
func (b *Builder) Changed(paths ...string) {
	if !b.keep {
		return
	}
	b.mu.Lock()
	b.changed = append(b.changed, paths...)
	b.mu.Unlock()
	for _, p := range paths {
		if strings.HasPrefix(p, "themes/") || strings.HasPrefix(p, i18n.Dir+"/") {
			b.mu.Lock()
			b.theme = nil
			b.mu.Unlock()
		}
	}
}

// Prepare runs the stages before the pages — config, content, theme, site
// and files — and returns the Snapshot, ready to make every file. The
// Result has the timings and findings of the stages run so far.
func (b *Builder) Prepare(ctx context.Context) (*Snapshot, *Result, error) {
	start := time.Now()
	b.mu.Lock()
	changed := b.changed
	b.changed = nil
	b.mu.Unlock()
	if st := b.again(changed); st != nil {
		st.res.Timings = append(st.res.Timings, Timing{"content", time.Since(start)})
		err := runStages(ctx, st.res, []stage{{"files", diag.RuleURL, func(ctx context.Context) error {
			if err := st.listFiles(ctx); err != nil {
				return err
			}
			st.site.Reconvert(st.conv.convert, st.fresh)
			return nil
		}}})
		return b.finish(st, start, err)
	}
	if b.pages != nil && len(changed) > 0 {
		b.pages.Forget(changed...)
	}
	st := &prepared{b: b, res: &Result{}, changed: changed}
	err := runStages(ctx, st.res, []stage{
		{"config", diag.RuleConfig, st.loadConfig},
		{"content", diag.RuleFrontMatter, st.loadContent},
		{"theme", diag.RuleTheme, st.loadTheme},
		{"site", diag.RuleRelation, st.buildSite},
		{"files", diag.RuleURL, func(ctx context.Context) error {
			st.early = slices.Clone(st.res.Findings)
			return st.listFiles(ctx)
		}},
	})
	return b.finish(st, start, err)
}

// finish ends a Prepare that began at start: it keeps st for the
// next build of a Builder that keeps what it can, when st is the site
// prepared without error.
func (b *Builder) finish(st *prepared, start time.Time, err error) (*Snapshot, *Result, error) {
	st.res.Duration = time.Since(start)
	b.last = nil
	if err != nil {
		return nil, st.res, err
	}
	if b.keep {
		b.last = st
	}
	return st.snap, st.res, nil
}

// again returns what a build prepares after changes to the files at
// changed, made of the last build's, when the changes are to pages' Markdown
// below their front matter only: the configuration, the theme, the site
// graph and the findings of the stages before the files stage are the
// last build's, and the converter reads the changed pages again (see
// content.Cache.Reread). It returns nil when the site has to be prepared
// from the start: no last build, a change to any other file, a page that
// is new, gone or a draft, or one whose front matter changed.
func (b *Builder) again(changed []string) *prepared {
	last := b.last
	if last == nil || len(changed) == 0 {
		return nil
	}
	opts := content.Options{MaxPageBytes: int64(last.cfg.Limits.PageKB) << 10, Languages: last.cfg.OtherLanguageCodes()}
	fresh := maps.Clone(last.fresh)
	if fresh == nil {
		fresh = map[string]*content.Page{}
	}
	for _, p := range changed {
		if !strings.HasPrefix(p, content.Dir+"/") || path.Ext(p) != ".md" || !last.has(p) {
			return nil
		}
		page, ok := b.pages.Reread(b.opts.Source, p, opts)
		if !ok {
			return nil
		}
		fresh[p] = page
	}
	st := new(prepared)
	*st = *last
	st.res = &Result{Site: last.site, Findings: slices.Clone(last.early)}
	st.conv, st.fresh = last.conv.again(), fresh
	return st
}

// has reports whether the content file at source is a page of the
// prepared site, in any of its languages.
func (st *prepared) has(source string) bool {
	for _, ls := range st.site.Languages() {
		if ls.PageFor(source) != nil {
			return true
		}
	}
	return false
}

// prepared holds what the stages of Prepare pass to each other.
type prepared struct {
	b        *Builder
	res      *Result
	cfg      *config.Config
	set      *content.Set
	analyzer *readability.Analyzer
	jargon   *check.Jargon
	// languages are the checks' tools for each language other than the
	// default one, by its code.
	languages map[string]check.Language
	synonyms  map[string][][]string // of the search index of each language
	conv      *converter
	site      *site.Site
	theme     fs.FS
	render    *render.Renderer
	// catalog is the theme's strings in each of the site's languages.
	catalog *i18n.Catalog
	// pictures are the site's pictures, probed by the files stage.
	pictures *pictures
	// brand is site.yaml's logo, share image and icons, made ready by the
	// files stage.
	brand *brand
	snap  *Snapshot
	// early are the findings of the stages before the files stage, which
	// a build that keeps the site graph (Builder.again) reports again.
	early diag.List
	// fresh are the parses of the pages whose files were read again, by
	// a build that kept the site graph (site.Site.Reconvert), since the
	// graph was made.
	fresh map[string]*content.Page
	// changed are the files changed since the last build (Changed).
	changed []string
}

func (st *prepared) loadConfig(context.Context) error {
	cfg, err := config.Load(st.b.opts.Source)
	if err != nil {
		return err
	}
	if st.b.opts.BaseURL != "" {
		if err := cfg.SetBaseURL(st.b.opts.BaseURL); err != nil {
			return err
		}
	}
	if o := st.b.opts.Origin; o != "" {
		if err := cfg.SetBaseURL(strings.TrimSuffix(o, "/") + cfg.BasePath()); err != nil {
			return err
		}
	}
	st.cfg = cfg
	return nil
}

func (st *prepared) loadContent(ctx context.Context) error {
	// A one-shot build lets each page's Markdown go once its front matter
	// is read; the pages stage reads it again when it converts the page.
	opts := content.Options{Context: ctx, Drafts: st.b.opts.Drafts, Cache: st.b.pages, NoBody: !st.b.keep,
		MaxPageBytes: int64(st.cfg.Limits.PageKB) << 10, Languages: st.cfg.OtherLanguageCodes()}
	if c := st.b.opts.cache; c != nil && !st.b.keep {
		opts.Known = c
	}
	if st.b.keep {
		// The files of the last build, with the changed ones looked at
		// again, rather than a walk of content/.
		opts.Last, opts.Changed = st.b.lastSet, st.changed
	}
	set, errs := content.Load(st.b.opts.Source, opts)
	st.set = set
	if st.b.keep && ctx.Err() == nil {
		st.b.lastSet = set
	}
	st.conv = st.b.converter(set)
	var lex readability.Lexicon
	if set.Lexicon != nil {
		l, err := readability.ParseLexicon(content.LexiconFile, string(set.Lexicon))
		var lexErrs diag.List
		lexErrs.Add(err)
		errs = append(errs, lexErrs.SetRule(diag.RuleLexicon)...)
		lex = l
	}
	st.analyzer = readability.New(lex)
	// Each language's search synonyms and words with plainer ones, from
	// its folder's data files (content/, content/es/) and its glossary.
	st.synonyms = map[string][][]string{}
	st.languages = map[string]check.Language{}
	for i, l := range st.cfg.Languages() {
		folder, lang := content.Dir, ""
		if i > 0 {
			folder, lang = content.Dir+"/"+l.Code, l.Code
		}
		data := set.DataOf(lang)
		var own [][]string
		if data.Synonyms != nil {
			var synErrs diag.List
			own, synErrs = search.ParseSynonyms(folder+"/synonyms.txt", data.Synonyms)
			errs = append(errs, synErrs...)
		}
		st.synonyms[l.Code] = search.Synonyms(l.Code, data.Glossary, own)
		var extra map[string]string
		if data.Jargon != nil {
			var jargonErrs diag.List
			extra, jargonErrs = check.ParseJargon(folder+"/jargon.txt", string(data.Jargon))
			errs = append(errs, jargonErrs...)
		}
		jargon := check.NewJargonFor(l.Code, extra, data.Glossary)
		primary := config.Primary(l.Code)
		if primary == "en" {
			if st.jargon == nil {
				st.jargon = jargon
			}
			continue
		}
		tools := check.Language{Jargon: jargon, Glossary: data.Glossary, Terms: st.conv.glossaryOf(lang).matcher}
		if primary == "es" {
			tools.Analyzer = readability.NewSpanish()
		}
		st.languages[l.Code] = tools
	}
	if st.jargon == nil { // a site without English pages
		st.jargon = check.NewJargon(nil, nil)
	}
	return errs.Err()
}

func (st *prepared) buildSite(context.Context) error {
	s, errs := site.New(st.cfg, st.set, site.Options{Convert: st.conv.convert, KeepBodies: st.b.keep, Strings: st.catalog})
	st.site, st.res.Site = s, s
	if st.b.bodies != nil {
		st.b.bodies.prune(s)
	}
	return errs.Err()
}

// loadTheme joins the site's theme overrides with the built-in theme and
// parses the layouts, or reuses the last parse when neither the theme's
// files (see Changed) nor the configuration changed.
func (st *prepared) loadTheme(context.Context) error {
	cfg := st.cfg
	dir := "themes/" + cfg.Theme
	if local, err := fs.Sub(st.b.opts.Source, dir); err == nil {
		st.res.Findings = append(st.res.Findings, strayFolders(local, dir)...)
	}
	key := cfg.Fingerprint()
	st.b.mu.Lock()
	cached := st.b.theme
	st.b.mu.Unlock()
	if cached != nil && cached.key == key {
		st.theme, st.render, st.catalog = cached.fsys, cached.render, cached.catalog
		st.setStatic()
		return nil
	}
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
	var langs []string
	for _, l := range cfg.Languages() {
		langs = append(langs, l.Code)
	}
	cat, found := i18n.Load(theme, st.b.opts.Source, langs, label)
	st.res.Findings = append(st.res.Findings, found.SetRule(diag.RuleTheme).Warnings()...)
	if errs := found.Errors(); len(errs) > 0 {
		return errs
	}
	r, err := render.New(theme, cfg, cat, label)
	if err != nil {
		return err
	}
	st.theme, st.render, st.catalog = theme, r, cat
	st.setStatic()
	if st.b.keep {
		st.b.mu.Lock()
		st.b.theme = &themeCache{key: key, fsys: theme, render: r, catalog: cat}
		st.b.mu.Unlock()
	}
	return nil
}

// listFiles makes the table of the site's files, the Snapshot, and
// reports files that would take each other's names.
func (st *prepared) listFiles(ctx context.Context) error {
	// The pictures are probed first: their versions are files, and the
	// Markdown, converted from here on, shows them.
	st.pictures = newPictures(ctx, st.site, st.b.opts.Source, st.b.cache, st.b.probes)
	st.conv.pictures = st.pictures
	var brandErrs, errs diag.List
	st.brand, brandErrs = newBrand(st.cfg, st.pictures)
	st.snap, errs = st.snapshot()
	return append(brandErrs, errs...).Err()
}

// setStatic lets the pages' links point to the theme's static files.
func (st *prepared) setStatic() {
	files, _ := render.StaticFiles(st.theme)
	st.conv.static = make(map[string]bool, len(files))
	for _, f := range files {
		st.conv.static["/"+f] = true
	}
}

// strayFolders warns of the folders of a site's theme overrides, local
// (the folder dir of the site), that Lumen does not read, so that a file
// put in themes/default/layout/ instead of layouts/ is not ignored
// without a word.
func strayFolders(local fs.FS, dir string) diag.List {
	var out diag.List
	warn := func(name, want string) {
		out = append(out, &diag.Error{File: dir + "/" + name + "/", Rule: diag.RuleTheme, Severity: diag.SeverityWarning,
			Msg:  "Lumen does not read this folder of the theme, so its files change nothing",
			Hint: "put templates in " + dir + "/layouts/ (partials in layouts/partials/) and files to publish in " + dir + "/static/" + want})
	}
	for _, folder := range []struct {
		path  string
		known []string
	}{{".", []string{"layouts", "static", i18n.Dir}}, {"layouts", []string{"partials"}}} {
		entries, _ := fs.ReadDir(local, folder.path)
		for _, e := range entries {
			if !e.IsDir() || sitefs.Ignored(e.Name()) || slices.Contains(folder.known, e.Name()) {
				continue
			}
			name := path.Join(folder.path, e.Name())
			want := ""
			if c := diag.Closest(e.Name(), folder.known); c != "" {
				want = "; did you mean " + path.Join(folder.path, c) + "/?"
			}
			warn(name, want)
		}
	}
	return out
}

// allowedScripts returns the allowed scripts, paths in content/, as a set
// of paths from the site root.
func allowedScripts(paths []string) map[string]bool {
	set := make(map[string]bool, len(paths))
	for _, p := range paths {
		set[content.Dir+"/"+p] = true
	}
	return set
}

// today is the day the site is built as of (Options.Today).
func (st *prepared) today() time.Time {
	if t := st.b.opts.Today; !t.IsZero() {
		return t
	}
	return time.Now()
}

// snapshot returns the Snapshot of the prepared site.
func (st *prepared) snapshot() (*Snapshot, diag.List) {
	today := st.today()
	var key, graph, reads [32]byte
	cache := st.b.opts.cache
	if cache != nil {
		key, graph, reads = st.cacheKeys()
		cache.site(key, graph, reads, st.structure)
	}
	return newSnapshot(st.site, st.theme, st.b.opts.Source, st.render, snapshotOptions{
		keep:        st.b.keep,
		detail:      st.b.keep || st.b.opts.Detail,
		maxWarnings: st.b.opts.MaxWarnings,
		scripts:     allowedScripts(st.cfg.Privacy.AllowedScripts),
		checker:     htmlcheck.New(st.cfg.Privacy.AllowedHosts),
		check:       checkOptions(today, st.analyzer, st.jargon, st.set.Glossary, st.conv.glossaryOf("").matcher, st.languages),
		synonyms:    st.synonyms,
		strings:     st.catalog,
		pictures:    st.pictures,
		cache:       cache,
		siteKey:     key,
		graphKey:    graph,
		readsKey:    reads,
		brand:       st.brand,
		static:      st.conv.static,

		noSearchIndex: st.b.opts.noSearchIndex,
		noPageChecks:  st.b.opts.noPageChecks,
	})
}
