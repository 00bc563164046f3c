package generator

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/feeds"
	"github.com/lumen-ssg/lumen/generator/headers"
	"github.com/lumen-ssg/lumen/generator/htmlcheck"
	"github.com/lumen-ssg/lumen/generator/readability"
	"github.com/lumen-ssg/lumen/generator/render"
	"github.com/lumen-ssg/lumen/generator/schema"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Snapshot is one build of a site, ready to render: a read-only fs.FS of
// every file the site has, each made when first read and then kept. Pages
// are rendered with the theme's templates, the theme's static files and
// the content's other files are read from their sources, and sitemap.xml,
// the feed and robots.txt are generated. A Snapshot is safe for concurrent
// use.
type Snapshot struct {
	// Site is the site graph.
	Site *site.Site
	// Time is when the snapshot was made; files report it as their
	// modification time.
	Time time.Time

	render   *render.Renderer
	glossary *content.Glossary
	analyzer *readability.Analyzer
	files    map[string]*entry // by output name, such as "conditions/x/index.html"
	names    []string          // sorted
}

// entry is one output file and the function that makes it.
type entry struct {
	page *site.Page // nil for files that are not pages
	make func() ([]byte, error)
	once sync.Once
	data []byte
	err  error
}

func (e *entry) get() ([]byte, error) {
	e.once.Do(func() { e.data, e.err = e.make() })
	return e.data, e.err
}

// newSnapshot lists every file of the site and how to make it. Later
// sources win over earlier ones: the content's files over the theme's
// static files, pages over both.
func newSnapshot(s *site.Site, theme, source fs.FS, r *render.Renderer) *Snapshot {
	snap := &Snapshot{Site: s, Time: time.Now(), render: r, files: map[string]*entry{}}
	read := func(fsys fs.FS, name string) func() ([]byte, error) {
		return func() ([]byte, error) { return fs.ReadFile(fsys, name) }
	}
	if static, err := render.StaticFiles(theme); err == nil {
		for _, f := range static {
			snap.files[f] = &entry{make: read(theme, render.StaticDir+"/"+f)}
		}
	}
	for _, f := range s.Files {
		snap.files[strings.TrimPrefix(f.URL, "/")] = &entry{make: read(source, f.Source)}
	}
	for _, p := range append(append([]*site.Page(nil), s.Pages...), notFoundPage(s)) {
		snap.files[pageFile(p.URL)] = &entry{page: p, make: snap.renderer(p)}
	}
	snap.files["sitemap.xml"] = &entry{make: func() ([]byte, error) { return feeds.Sitemap(s) }}
	snap.files[feeds.AtomPath] = &entry{make: func() ([]byte, error) { return feeds.Atom(s) }}
	snap.files["robots.txt"] = &entry{make: func() ([]byte, error) { return feeds.Robots(s), nil }}
	snap.files[headers.Path] = &entry{make: func() ([]byte, error) { return headers.File(s.Config), nil }}
	for name := range snap.files {
		snap.names = append(snap.names, name)
	}
	sort.Strings(snap.names)
	return snap
}

// renderer returns the function that renders page p.
func (snap *Snapshot) renderer(p *site.Page) func() ([]byte, error) {
	return func() ([]byte, error) {
		var buf bytes.Buffer
		if err := snap.renderPage(&buf, p); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
}

// renderPage renders page p, with its JSON-LD, into buf; on error buf is
// left as it was.
func (snap *Snapshot) renderPage(buf *bytes.Buffer, p *site.Page) error {
	ld, err := schema.Page(snap.Site, p)
	if err != nil {
		return err
	}
	return snap.render.Render(buf, render.Data{Site: snap.Site, Page: p, JSONLD: template.JS(ld)})
}

// notFoundPage is the page written as 404.html.
func notFoundPage(s *site.Site) *site.Page {
	return &site.Page{
		Kind:        "404",
		URL:         "/404.html",
		Permalink:   s.Permalink("/404.html"),
		Meta:        &content.Plain{Common: content.Common{Title: "Page not found", Description: "This page could not be found."}},
		Breadcrumbs: []*site.Page{s.Home},
	}
}

// pageFile returns the file a page URL is written to: "/a/b/" is
// "a/b/index.html".
func pageFile(url string) string {
	if strings.HasSuffix(url, "/") {
		return strings.TrimPrefix(url, "/") + "index.html"
	}
	return strings.TrimPrefix(url, "/")
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
	return e.get()
}

// RenderAll renders every page now, on all cores, and reports each
// distinct template error once.
func (snap *Snapshot) RenderAll(ctx context.Context) error {
	var pages []*entry
	for _, name := range snap.names {
		if e := snap.files[name]; e.page != nil {
			pages = append(pages, e)
		}
	}
	parallel(ctx, len(pages), func(i int) { pages[i].get() })
	return renderErrors(pages)
}

// renderErrors reports the pages that did not render, each distinct
// template error once.
func renderErrors(pages []*entry) error {
	var all diag.List
	first := map[string]*diag.Error{}
	count := map[string]int{}
	for _, e := range pages {
		if e.err == nil {
			continue
		}
		var d *diag.Error
		if !errors.As(e.err, &d) {
			d = &diag.Error{Msg: e.err.Error()}
		}
		key := d.Error()
		if count[key]++; first[key] == nil {
			c := *d
			where := e.page.SourcePath()
			if where == "" {
				where = e.page.URL
			}
			c.Msg += " (while rendering " + where
			first[key] = &c
			all = append(all, &c)
		}
	}
	for key, d := range first {
		if n := count[key]; n > 1 {
			d.Msg += " and " + itoa(n-1) + " other pages"
		}
		d.Msg += ")"
	}
	return all.Err()
}

// Check checks every rendered page and stylesheet for the accessibility
// and privacy failures of package htmlcheck. Call it after RenderAll.
func (snap *Snapshot) Check(ctx context.Context) error {
	c := htmlcheck.New(snap.Site.Config.Privacy.AllowedHosts)
	lists := make([]diag.List, len(snap.names))
	parallel(ctx, len(snap.names), func(i int) {
		if data, err := snap.files[snap.names[i]].get(); err == nil {
			lists[i] = snap.checkFile(c, snap.names[i], data)
		}
	})
	return joinLists(lists)
}

// checkFile checks one made file, a page or a stylesheet.
func (snap *Snapshot) checkFile(c *htmlcheck.Checker, name string, data []byte) diag.List {
	e := snap.files[name]
	switch {
	case e.page != nil:
		file := e.page.SourcePath()
		if file == "" {
			file = name
		}
		return c.Page(file, e.page.URL, data)
	case path.Ext(name) == ".css":
		return c.Stylesheet(name, data)
	}
	return nil
}

func joinLists(lists []diag.List) error {
	var all diag.List
	for _, l := range lists {
		all = append(all, l...)
	}
	all.Sort()
	return all.Err()
}

// Quality runs the editorial checks of package check on every page, as of
// today. Anchors are checked against the rendered pages.
func (snap *Snapshot) Quality(today time.Time) *check.Report {
	return check.Run(snap.Site, snap.checkOptions(today))
}

// PageQuality runs the editorial checks on the content page written to
// the file name, or returns nil for other files.
func (snap *Snapshot) PageQuality(name string, today time.Time) *check.Page {
	p := snap.PageAt(name)
	if p == nil || p.Source == nil {
		return nil
	}
	r := check.PageReport(snap.Site, p, snap.checkOptions(today))
	return &r
}

func (snap *Snapshot) checkOptions(today time.Time) check.Options {
	return check.Options{Today: today, Analyzer: snap.analyzer, Glossary: snap.glossary, IDs: snap.ids}
}

// ids returns the ids of the page at the site path url, or nil when there
// is no such page or it does not render. They are read by package
// htmlcheck, as a one-shot build reads them.
func (snap *Snapshot) ids(url string) map[string]bool {
	data, err := snap.ReadFile(pageFile(url))
	if err != nil {
		return nil
	}
	_, ids := htmlcheck.New(nil).Inspect(url, url, data)
	return idSet(ids)
}

// idSet returns ids as a set.
func idSet(ids []string) map[string]bool {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set
}

// Open opens the file or folder name, as fs.FS requires.
func (snap *Snapshot) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if e := snap.files[name]; e != nil {
		data, err := e.get()
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return &file{info: info{name: path.Base(name), size: int64(len(data)), time: snap.Time}, r: bytes.NewReader(data)}, nil
	}
	children := snap.children(name)
	if children == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &dir{info: info{name: path.Base(name), dir: true, time: snap.Time}, snap: snap, path: name, children: children}, nil
}

// children returns the names directly inside the folder name, or nil when
// there is no such folder.
func (snap *Snapshot) children(name string) []string {
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	i := sort.SearchStrings(snap.names, prefix)
	seen := map[string]bool{}
	var out []string
	for ; i < len(snap.names) && strings.HasPrefix(snap.names[i], prefix); i++ {
		child, _, _ := strings.Cut(snap.names[i][len(prefix):], "/")
		if !seen[child] {
			seen[child] = true
			out = append(out, child)
		}
	}
	return out
}

// info describes a file or folder of a Snapshot.
type info struct {
	name string
	size int64
	dir  bool
	time time.Time
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) ModTime() time.Time { return i.time }
func (i info) IsDir() bool        { return i.dir }
func (i info) Sys() any           { return nil }
func (i info) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i info) Type() fs.FileMode          { return i.Mode().Type() }
func (i info) Info() (fs.FileInfo, error) { return i, nil }

type file struct {
	info info
	r    *bytes.Reader
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *file) Seek(off int64, whence int) (int64, error) {
	return f.r.Seek(off, whence)
}
func (f *file) Close() error { return nil }

type dir struct {
	info     info
	snap     *Snapshot
	path     string
	children []string
	read     int
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.path, Err: errors.New("is a directory")}
}
func (d *dir) Close() error { return nil }

// ReadDir lists the folder, as fs.ReadDirFile requires.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.children[d.read:]
	if n > 0 && len(rest) > n {
		rest = rest[:n]
	}
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	out := make([]fs.DirEntry, len(rest))
	for i, c := range rest {
		full := path.Join(d.path, c)
		if e := d.snap.files[full]; e != nil {
			out[i] = info{name: c, time: d.snap.Time}
		} else {
			out[i] = info{name: c, dir: true, time: d.snap.Time}
		}
	}
	d.read += len(rest)
	return out, nil
}
