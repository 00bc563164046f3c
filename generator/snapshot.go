package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/feeds"
	"github.com/lumen-ssg/lumen/generator/headers"
	"github.com/lumen-ssg/lumen/generator/htmlcheck"
	"github.com/lumen-ssg/lumen/generator/i18n"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/readability"
	"github.com/lumen-ssg/lumen/generator/rebase"
	"github.com/lumen-ssg/lumen/generator/redirects"
	"github.com/lumen-ssg/lumen/generator/render"
	"github.com/lumen-ssg/lumen/generator/schema"
	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// Snapshot is one prepared build of a site: the site graph and the table
// of every file the site has, each with the one function that makes it
// (see made). Pages are rendered with the theme's templates and checked;
// the theme's static files and the content's other files are read from
// their sources; sitemap.xml, the feed, robots.txt and _headers are
// generated.
//
// Pass makes every file once, for lumen build and lumen check. A Snapshot
// of lumen serve is also a read-only fs.FS that makes each file when it is
// first read and keeps it. A Snapshot is safe for concurrent use.
type Snapshot struct {
	// Site is the site graph.
	Site *site.Site
	// Time is when the snapshot was made; files report it as their
	// modification time.
	Time time.Time

	render *render.Renderer
	opts   snapshotOptions
	files  map[string]*entry // by output name, such as "conditions/x/index.html"
	names  []string          // sorted
	// search are the search indexes, one for each language with a search
	// page, and searchOf the index of each language's Site.
	search   []*searchIndex
	searchOf map[*site.Site]*searchIndex
	// pictures are the site's pictures and their versions.
	pictures *pictures
}

// snapshotOptions are how a Snapshot makes and checks its files.
type snapshotOptions struct {
	// keep keeps every made file (lumen serve); otherwise a file is made
	// each time it is asked for, which Pass does once.
	keep bool
	// detail keeps hints and each page's report (scores, hardest
	// sentences, longest words) in a Pass.
	detail bool
	// maxWarnings, when not 0, keeps only the first maxWarnings warnings
	// of a Pass without detail (Options.MaxWarnings).
	maxWarnings int
	// scripts are the .js files of content/ the site publishes on
	// purpose (privacy.allowed_scripts), by their path from the site root.
	scripts map[string]bool
	checker *htmlcheck.Checker
	check   check.Options
	// synonyms are the groups of synonyms of the search index of each
	// language, by its code.
	synonyms map[string][][]string
	// strings are the theme's strings, which name the kinds of search
	// results in each language.
	strings *i18n.Catalog
	// pictures are the site's pictures, probed.
	pictures *pictures
	// cache, when not nil, is the build cache of lumen build, siteKey
	// the key of what every page is made from (see buildCache), and
	// graphKey the same but other pages' front matter and text, and
	// readsKey the site key but other pages' front matter and text
	// (see Snapshot.readsKey).
	cache                       *buildCache
	siteKey, graphKey, readsKey [32]byte
	// brand is the site's logo, share image and icons.
	brand *brand
	// static are the theme's static files, by site path, which links
	// may lead to (see resolver).
	static map[string]bool
	// noSearchIndex leaves the search index out (Options.noSearchIndex).
	noSearchIndex bool
	// noPageChecks leaves the checks of each page out
	// (Options.noPageChecks).
	noPageChecks bool
}

// checkOptions are the options of package check for a build: the
// default language's tools, and those of each other language, by code.
func checkOptions(today time.Time, a *readability.Analyzer, j *check.Jargon, g *content.Glossary, terms *markdown.Glossary, langs map[string]check.Language) check.Options {
	byLang := map[string]check.Language{}
	for code, l := range langs {
		byLang[config.Primary(code)] = l
	}
	return check.Options{Today: today, Analyzer: a, Jargon: j, Glossary: g, Terms: terms, Languages: byLang}
}

// entry is one output file.
type entry struct {
	name   string
	source string     // the file read, for files that are not pages
	page   *site.Page // nil for files that are not pages
	// redirect says where the redirect whose page this is was written.
	redirect string
	read     func() ([]byte, error) // for files that are not pages
	once     sync.Once              // with keep, makes kept once
	kept     *made
	// picture is the picture whose file this is: its version number
	// version, or, when version is -1, the file at the picture's own
	// path.
	picture *picture
	version int
	// uncached files are made each time they are asked for, even in a
	// Snapshot that keeps files: a picture's versions are read from the
	// cache of processed pictures, not kept in memory.
	uncached bool
}

// made is one file as the pipeline made it, with what was found making it.
type made struct {
	data []byte
	// findings are everything found making the file: a page's Markdown,
	// HTML and editorial findings, a stylesheet's; not its template
	// error, nor the checks of its links to #fragments, which need every
	// page made.
	findings diag.List
	// template is the template error that kept a page from rendering.
	template *diag.Error
	// err is an error reading a file that is not a page; findings has it
	// too.
	err error
	// ids are the ids of a page's elements, and fragments its links to
	// #fragments of pages, for the link.anchor rule.
	ids       []string
	fragments []markdown.Link
	// targets are the links of a content page's Markdown but those to
	// other hosts, as the build cache keeps them (cachedPage.Targets).
	targets []markdown.Link
	// report is the editorial report of a content page.
	report *check.Page
	// dropped counts the warnings of a page carried over from the build
	// cache that it did not keep (cachedPage.Dropped).
	dropped int
	// carried says the file was carried over from the last build by the
	// build cache: it is in the output already, and in the new cache.
	carried bool
	// body is the buffers the build cache read and decoded a carried
	// page's record into, which its findings are: given back once the
	// Pass has copied the findings it keeps (Snapshot.one).
	body *carryBuffers
	// docs are what the search index knows of a content page: its
	// records, analyzed.
	docs []search.Doc
	// reads is the key of what a rendered page's HTML was made of
	// (Snapshot.readsKey), or zero, and deps the pages whose own files
	// it holds.
	reads [32]byte
	deps  pageDeps
}

// newSnapshot lists every file of the site and how to make it: the
// theme's static files, the content's other files, the pages and the files
// Lumen writes itself. A content file that would take the name of another
// file is an error naming both, rather than one of them silently lost.
func newSnapshot(s *site.Site, theme, source fs.FS, r *render.Renderer, opts snapshotOptions) (*Snapshot, diag.List) {
	snap := &Snapshot{Site: s, Time: time.Now(), render: r, opts: opts,
		files: map[string]*entry{}, pictures: opts.pictures}
	var errs diag.List
	add := func(name string, e *entry) {
		e.name = name
		if old := snap.files[name]; old != nil {
			errs = append(errs, collision(name, old, e))
			if e.page == nil && e.source != "" && strings.HasPrefix(e.source, content.Dir+"/") {
				return // the content file loses
			}
		}
		snap.files[name] = e
	}
	read := func(fsys fs.FS, name string) *entry {
		return &entry{source: name, read: func() ([]byte, error) { return fs.ReadFile(fsys, name) }}
	}
	var fingerprinted []string
	if static, err := render.StaticFiles(theme); err == nil {
		twins := r.Fingerprinted()
		for _, f := range static {
			add(f, read(theme, render.StaticDir+"/"+f))
			if twin, ok := twins[f]; ok {
				add(twin, read(theme, render.StaticDir+"/"+f))
				fingerprinted = append(fingerprinted, twin)
			}
		}
	}
	// The icons made of brand.icon take the place of the theme's.
	if opts.brand != nil {
		for name, mk := range opts.brand.icons {
			snap.files[name] = &entry{name: name, read: mk}
		}
	}
	generated := func(f func() ([]byte, error)) *entry { return &entry{read: f} }
	redirected := false
	for _, ls := range s.Languages() {
		for _, f := range ls.Files {
			if opts.pictures != nil && opts.pictures.byURL[f.URL] != nil {
				fingerprinted = append(fingerprinted, opts.pictures.addEntries(f, add)...)
				continue
			}
			add(site.FileOf(f.URL), read(source, f.Source))
		}
		for _, p := range append(append([]*site.Page(nil), ls.Pages...), ls.NotFound) {
			add(site.FileOf(p.URL), &entry{page: p})
		}
		add(feeds.AtomPathOf(ls), generated(func() ([]byte, error) { return feeds.Atom(ls) }))
		for _, r := range ls.Redirects {
			e := generated(func() ([]byte, error) { return redirects.Page(ls, r) })
			e.redirect = where(r.File, r.Line)
			add(site.FileOf(r.From), e)
			redirected = true
		}
	}
	add("sitemap.xml", generated(func() ([]byte, error) { return feeds.Sitemap(s) }))
	add("robots.txt", generated(func() ([]byte, error) { return feeds.Robots(s), nil }))
	add(headers.Path, generated(func() ([]byte, error) { return headers.File(s.Config, fingerprinted), nil }))
	if redirected {
		add(redirects.Path, generated(func() ([]byte, error) { return redirects.File(s), nil }))
	}
	snap.addSearchIndex(add)
	for name := range snap.files {
		snap.names = append(snap.names, name)
	}
	sort.Strings(snap.names)
	errs.Sort()
	return snap, errs
}

// where names a place in a file, "file:line", for a message.
func where(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

// collision reports that two files of the site would be written as name:
// a content file (one of a and b) and a theme file, another content file,
// a page or a file Lumen writes. Only content files can collide: theme
// files, pages and Lumen's own files have names of their own.
func collision(name string, a, b *entry) *diag.Error {
	if b.redirect != "" || a.redirect != "" {
		r, other := b, a
		if a.redirect != "" {
			r, other = a, b
		}
		what := "the file " + other.source
		if other.source == "" {
			what = "the " + name + " that Lumen writes"
		}
		return &diag.Error{File: r.redirect, Rule: diag.RuleRedirect,
			Msg:  fmt.Sprintf("the old address /%s would replace %s", strings.TrimSuffix(name, "index.html"), what),
			Hint: "remove the alias or redirect, or rename the file"}
	}
	file, other := a, b
	if !strings.HasPrefix(a.source, content.Dir+"/") {
		file, other = b, a
	}
	e := &diag.Error{File: file.source, Rule: diag.RuleURL}
	switch {
	case other.page != nil && other.page.Source != nil:
		e.Msg = fmt.Sprintf("this file would replace the page %s made from %s", other.page.URL, other.page.SourcePath())
		e.Hint = "rename the file"
	case other.page != nil:
		e.Msg = fmt.Sprintf("this file would replace the page %s that Lumen makes", other.page.URL)
		switch other.page.Kind {
		case content.KindHome:
			e.Hint = "write the home page in content/_index.md, and remove this file"
		case content.KindNotFound:
			e.Hint = "to change the page shown for a missing address, put your copy of the theme's layout at themes/<theme>/layouts/404.html, and remove this file"
		default:
			e.Hint = "rename the file, or its folder"
		}
	case other.source == "":
		e.Msg = fmt.Sprintf("this file would replace the %s that Lumen writes", name)
		e.Hint = "rename the file: Lumen makes " + name + " itself"
	default:
		e.Msg = fmt.Sprintf("this file would replace the theme's %s", name)
		e.Hint = fmt.Sprintf("to change the theme's file, put your copy at themes/<theme>/static/%s; otherwise rename this one", name)
	}
	return e
}

// get returns the file e made: made now into buf, or, in a Snapshot that
// keeps files, made once and kept. The data of a file made into buf is
// valid until buf is used again.
func (snap *Snapshot) get(e *entry, buf *bytes.Buffer) *made {
	if !snap.opts.keep || e.uncached {
		return snap.make(e, buf)
	}
	e.once.Do(func() {
		var own bytes.Buffer
		e.kept = snap.make(e, &own)
	})
	return e.kept
}

// make makes the file of e. A page is rendered into buf with its Body
// held, so that its template, its structured data and its checks share
// one conversion of its Markdown; then it is checked by package
// htmlcheck and, for a content page, reviewed by package check, unless
// the build cache carries it over, rendered as before (rerendered).
func (snap *Snapshot) make(e *entry, buf *bytes.Buffer) *made {
	if e.picture != nil {
		return snap.makePicture(e)
	}
	m := &made{}
	p := e.page
	if p == nil {
		m.data, m.err = e.read()
		switch {
		case m.err != nil:
			// A file that was there when the site was read and is not
			// now, or a generated file that could not be made.
			file := e.source
			if file == "" {
				file = e.name
			}
			m.findings = diag.List{{File: file, Rule: diag.RuleFile, Msg: "cannot read: " + sitefs.Reason(m.err),
				Hint: "build again once you have saved all your changes"}}
		case path.Ext(e.name) == ".css":
			m.data = rebase.CSS(m.data, snap.Site.Config.BasePath())
			m.findings = snap.opts.checker.Stylesheet(e.name, m.data)
		case strings.HasPrefix(e.source, content.Dir+"/"):
			m.findings = snap.checkRaw(e.source, m.data)
		}
		return m
	}
	start := time.Now()
	ps := p.Site()
	body := ps.Hold(p)
	defer ps.Release(p)
	converted := time.Now()
	buf.Reset()
	data, err := snap.renderPage(buf, p)
	rendered := time.Now()
	if err == nil {
		m.data = buf.Bytes()
		if base := snap.Site.Config.BasePath(); base != "/" {
			m.data = rebase.HTML(m.data, base)
		}
		m.reads, m.deps = snap.readsKey(p, data)
		if c := snap.opts.cache; c != nil && m.reads == ([32]byte{}) {
			c.unfollowed.Add(1)
		}
		if c := snap.rerendered(e, m.data, m.reads, m.deps); c != nil {
			return c
		}
	}
	m.findings = append(m.findings, body.Errs...)
	if ix := snap.searchOf[ps]; ix != nil {
		m.docs = snap.searchDocs(ix, p, body)
	}
	if err != nil {
		var d *diag.Error
		if !errors.As(err, &d) {
			d = &diag.Error{Msg: err.Error()}
		}
		c := *d
		c.Rule = diag.RuleTemplate
		m.template = &c
		return m
	}
	file := p.SourcePath()
	if file == "" {
		file = e.name
	}
	if snap.opts.noPageChecks {
		return m
	}
	htmlErrs, ids := snap.opts.checker.Inspect(file, p.URL, m.data)
	m.findings = append(m.findings, consequences(htmlErrs, body.Errs)...)
	m.ids = ids
	if p.Source != nil {
		r := check.PageReport(ps, p, body, snap.opts.check)
		m.findings = append(m.findings, r.Findings...)
		m.findings = append(m.findings, snap.pictureFindings(p, body)...)
		m.report = &r
		m.fragments = check.FragmentLinks(body.Links)
		m.targets = linkTargets(body.Links)
	}
	if slow := time.Duration(snap.Site.Config.Limits.SlowPageMS) * time.Millisecond; slow > 0 {
		if took := time.Since(start); took > slow {
			m.findings = append(m.findings, slowPage(file, took, converted.Sub(start), rendered.Sub(converted), time.Since(rendered)))
		}
	}
	m.findings.Sort()
	return m
}

// slowPage warns that making the page in file took took: converting its
// Markdown, rendering its templates and checking it.
func slowPage(file string, took, convert, render, checks time.Duration) *diag.Error {
	ms := func(d time.Duration) string { return d.Round(time.Millisecond).String() }
	e := &diag.Error{File: file, Rule: diag.RuleSlow, Severity: diag.SeverityWarning,
		Msg: fmt.Sprintf("making this page took %s: its Markdown %s, its templates %s, its checks %s", ms(took), ms(convert), ms(render), ms(checks))}
	switch {
	case convert >= render && convert >= checks:
		e.Hint = "the Markdown took the time: split a very long page, or flatten deep lists"
	case render >= checks:
		e.Hint = "the templates took the time: look at what the page's layout lists"
	default:
		e.Hint = "the checks took the time: a very long page, or many links to parts of other pages"
	}
	return e
}

// checkRaw checks a content file published as it is: an HTML or SVG file
// for script and other hosts (htmlcheck.Raw), a JavaScript file against
// the site's privacy.allowed_scripts.
func (snap *Snapshot) checkRaw(source string, data []byte) diag.List {
	switch strings.ToLower(path.Ext(source)) {
	case ".html", ".htm", ".xhtml", ".svg", ".xml":
		return snap.opts.checker.Raw(source, data)
	case ".js", ".mjs":
		if !snap.opts.scripts[source] {
			rel := strings.TrimPrefix(source, content.Dir+"/")
			return diag.List{{File: source, Rule: diag.RuleScript,
				Msg:  "a JavaScript file published as it is: any page of the site could run it",
				Hint: fmt.Sprintf("remove it, or publish it on purpose in site.yaml: privacy: {allowed_scripts: [%s]}", rel)}}
		}
	}
	return nil
}

// consequences returns the findings of the rendered page's HTML that are
// not the consequence of a mistake already found in its Markdown: a level-1
// heading written in the body is reported at its line, and the page's two
// h1 elements are not reported again. A finding of the HTML is dropped
// when the Markdown has one of the same rule.
func consequences(html, markdown diag.List) diag.List {
	if len(markdown) == 0 {
		return html
	}
	found := map[string]bool{}
	for _, e := range markdown {
		found[e.Rule] = true
	}
	var out diag.List
	for _, e := range html {
		if !found[e.Rule] {
			out = append(out, e)
		}
	}
	return out
}

// renderPage renders page p, with its JSON-LD, into buf; on error buf is
// left as it was. It returns the Data it rendered.
func (snap *Snapshot) renderPage(buf *bytes.Buffer, p *site.Page) (render.Data, error) {
	d, err := snap.pageData(p)
	if err != nil {
		return d, err
	}
	return d, snap.render.Render(buf, d)
}

// pageData returns what the templates of page p see.
func (snap *Snapshot) pageData(p *site.Page) (render.Data, error) {
	ps := p.Site()
	ld, err := schema.Page(ps, p)
	if err != nil {
		return render.Data{}, err
	}
	return render.Data{Site: ps, Page: p, JSONLD: template.JS(ld),
		Notices: ps.Config.NoticesOn(snap.opts.check.Today), Images: snap.pictures, Brand: snap.opts.brand.templateData()}, nil
}

// Names returns the names of every file of the site, sorted.
func (snap *Snapshot) Names() []string { return snap.names }

// PageAt returns the page written to the file name, or nil.
func (snap *Snapshot) PageAt(name string) *site.Page {
	if e := snap.files[name]; e != nil {
		return e.page
	}
	return nil
}

// ReadFile returns the content of the file name, making it on first use.
func (snap *Snapshot) ReadFile(name string) ([]byte, error) {
	e := snap.files[name]
	if e == nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	m := snap.get(e, new(bytes.Buffer))
	switch {
	case m.template != nil:
		return nil, m.template
	case m.err != nil:
		return nil, m.err
	}
	return m.data, nil
}

// Errors returns the errors found making the file name: its Markdown's,
// its template's, its HTML's and its editorial checks', and, on a content
// page, those of its links to #fragments of other pages. It is what the
// dev server shows in place of a page before a whole Pass is done.
func (snap *Snapshot) Errors(name string) diag.List {
	e := snap.files[name]
	if e == nil {
		return nil
	}
	m := snap.get(e, new(bytes.Buffer))
	var out diag.List
	if m.template != nil {
		out = append(out, m.template)
	}
	out = append(out, m.findings.Errors()...)
	if m.report != nil {
		out = append(out, check.Anchors(e.page, m.fragments, snap.ids)...)
	}
	out.Sort()
	return out
}

// PageReport returns the editorial report of the content page written to
// the file name, with every finding in its file, or nil for other files.
func (snap *Snapshot) PageReport(name string) *check.Page {
	e := snap.files[name]
	if e == nil || e.page == nil || e.page.Source == nil {
		return nil
	}
	m := snap.get(e, new(bytes.Buffer))
	if m.report == nil {
		return nil
	}
	r := *m.report
	r.Findings = append(diag.List{}, m.findings...)
	r.AddFindings(check.Anchors(e.page, m.fragments, snap.ids)...)
	return &r
}

// ids returns the ids of the page at the site path url, or nil when there
// is no such page or it does not render.
func (snap *Snapshot) ids(url string) map[string]bool {
	e := snap.files[site.FileOf(url)]
	if e == nil || e.page == nil {
		return nil
	}
	m := snap.get(e, new(bytes.Buffer))
	if m.template != nil {
		return nil
	}
	return idSet(m.ids)
}

// idSet returns ids as a set.
func idSet(ids []string) map[string]bool {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set
}
