// Package render turns site pages into HTML with the theme's templates.
//
// A theme is a file system with two folders:
//
//	layouts/baseof.html        the document; it calls {{block "main" .}}
//	layouts/partials/*.html    partials, named "partials/<file>"
//	layouts/<kind>.html        one per kind of the table of kinds
//	                           (content.Kinds: home, section, article,
//	                           condition, procedure, faq, provider,
//	                           location, page, terms, term, 404), each
//	                           defining "main" and optionally "head"
//	static/...                 files copied to the site's root
//
// A page whose front matter sets layout: X uses layouts/X.html instead of
// its kind's file. A site overrides any theme file by placing its own copy
// at the same path under <site>/themes/<theme>/; Overlay joins the two.
//
// Templates are parsed once by New; executing them is safe from many
// goroutines. Each template sees a Data value: .Site, .Page and .Notices. The
// functions available to templates are listed in funcs.
//
// # Languages
//
// Every string a theme shows comes from its translation files (package
// i18n), through the template function t:
//
//	<h2>{{t "when_to_get_help"}}</h2>
//	{{t "reviewed_by_on" "reviewer" (link .URL .Title) "date" (timeTag .LastReviewed)}}
//
// A page is rendered in the language of its site, .Site.Config.Language.
// New parses the templates once and then clones the parsed set for each
// language of the catalog, binding t, date, clock and the other functions
// that depend on the language to that language's strings: a template
// names a key, never a language, and the same templates render every
// language. (html/template binds functions to a set, and a set can only be
// cloned before it first executes; cloning at New, before any page, keeps
// both rules.)
//
// New checks every t whose key is written in the template: a key that a
// language of the catalog lacks, or whose string there uses a placeholder
// the call does not give, is an error naming the template file and line,
// the key and the language, before any page is rendered. A key made while
// rendering (t (print "kind_" .Page.Kind)) is checked when it is used,
// with the same error.
//
// Template errors, at parse or execution time, are diag.Errors that name
// the template file (as a path from the site root when the site overrides
// it, else from the theme) and its line.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/i18n"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Data is what a template sees as its dot.
type Data struct {
	// Site is the whole site.
	Site *site.Site
	// Page is the page being rendered.
	Page *site.Page
	// JSONLD is the page's schema.org structured data, for a
	// <script type="application/ld+json"> element.
	JSONLD template.JS
	// Notices are the notices of site.yaml that show on the day the site
	// is built (config.Config.NoticesOn).
	Notices []config.Notice
	// Images are the processed versions of the site's pictures:
	// {{with $.Images.Of .Page.ImageURL}}…{{.Src}}…{{end}}. Render makes
	// a nil Images one that knows no picture.
	Images Images
	// Brand is the practice's logo and share image, ready to show
	// (site.yaml's brand).
	Brand Brand
}

// Brand is the practice's logo and share image as templates show them.
type Brand struct {
	// Logo is the header's logo, or nil when site.yaml sets none.
	Logo *Logo
	// Share is the og:image of pages without an image of their own, or
	// nil when site.yaml sets none.
	Share *ShareImage
	// Icon is true when site.yaml sets an icon: /favicon-32x32.png and
	// /apple-touch-icon.png are made of it, and the theme's favicon.svg
	// is not linked.
	Icon bool
}

// Logo is a logo, as an img element shows it.
type Logo struct {
	// Src is the URL of its file: the SVG, or the widest version of a
	// picture in its own format; Srcset and WebPSrcset are a picture's
	// versions ("" for an SVG).
	Src, Srcset, WebPSrcset string
	// Width and Height are its size as shown in the header, in CSS
	// pixels, for the img's width and height (no layout shift).
	Width, Height int
}

// ShareImage is a picture for og:image.
type ShareImage struct {
	// URL is the site path of its version 1200 pixels wide (or its
	// widest, when it is narrower), in its own format, JPEG or PNG.
	URL string
	// Width and Height are that version's size in pixels.
	Width, Height int
}

// Images gives templates the processed versions of the site's pictures.
type Images interface {
	// Of returns the versions of the picture at the site path url, or nil
	// when it is not a JPEG, PNG, GIF or WebP file of the site's content.
	Of(url string) *markdown.Picture
}

// noImages is the Images of a render that has none.
type noImages struct{}

func (noImages) Of(string) *markdown.Picture { return nil }

// Renderer executes a theme's templates.
type Renderer struct {
	cfg    *config.Config
	theme  fs.FS
	label  func(name string) string
	assets map[string]string // static path → fingerprinted path
	// langs are the templates of each language, by code.
	langs map[string]*language
	// link is the template of the function link; links are the links it
	// made and kept, and nlinks counts them (see linkHTML).
	link   *template.Template
	links  sync.Map // linkKey → template.HTML
	nlinks atomic.Int64
	// sources are the theme's template files, by name, as New read them;
	// partials and layouts are the names of the partials and of the
	// layouts but baseof, in order (readTheme).
	sources           map[string]string
	partials, layouts []string
	// parsedLayouts and parsedBase are the layouts, by name, and baseof
	// as parsed, which no page executes, made by parsed once.
	parsedOnce    sync.Once
	parsedLayouts map[string]*template.Template
	parsedBase    *template.Template
	parsedErr     error
	// members are the fields and methods the reader of WriteReads
	// looked up, by memberKey.
	members atomic.Pointer[map[memberKey]memberOf]
	// prunes are the templates as the reader of WriteReads follows
	// them, by prunedKey (see pruned).
	prunes sync.Map
	// readBufs are the buffers of readers done (*[]byte).
	readBufs sync.Pool
	// foreign says that a template may show the converted Markdown of
	// pages other than the one it renders (see ReadsOtherBodies).
	foreign bool
	// contents are the layouts, by name, whose templates call contents
	// (callsContents): only their pages get a list of their sections.
	contents map[string]bool
}

// ReadsOtherBodies reports whether the theme's templates may show the
// converted Markdown of a page other than the one they render — the
// Content, TOC, Answers or WordCount of a page in a list, for example —
// so that a page's HTML may change when another page's text does. The
// default theme shows only each page's own. It errs on the side of yes.
func (r *Renderer) ReadsOtherBodies() bool { return r.foreign }

// New parses the theme's layouts for the site configured by cfg, in each
// language of cat. label maps a theme file name such as
// "layouts/condition.html" to the path errors should show, such as
// "themes/default/layouts/condition.html"; nil leaves names as they are.
func New(theme fs.FS, cfg *config.Config, cat *i18n.Catalog, label func(name string) string) (*Renderer, error) {
	if label == nil {
		label = func(name string) string { return name }
	}
	r := &Renderer{cfg: cfg, theme: theme, label: label, langs: map[string]*language{},
		link: template.Must(template.New("link").Parse(`<a href="{{.URL}}">{{.Text}}</a>`))}
	var err error
	if r.assets, err = fingerprints(theme, label); err != nil {
		return nil, err
	}
	// The templates are parsed with the functions of no language, then
	// cloned for each language with its own.
	if err := r.readTheme(); err != nil {
		return nil, err
	}
	base, layouts, err := r.parseTheme()
	if err != nil {
		return nil, err
	}
	for _, info := range content.Kinds() {
		if k := string(info.Kind); layouts[k] == nil {
			return nil, &diag.Error{File: label("layouts/" + k + ".html"), Msg: "the theme has no layout for " + k + " pages",
				Hint: "add the file, or copy it from Lumen's default theme"}
		}
	}
	r.contents = map[string]bool{}
	for name, t := range layouts {
		r.contents[name] = callsContents(t)
	}
	r.foreign = readsOtherBodies(base)
	for _, t := range layouts {
		r.foreign = r.foreign || readsOtherBodies(t)
	}
	if errs := r.checkKeys(cat, base, layouts); errs != nil {
		return nil, errs
	}
	// The last language takes the parsed templates themselves rather
	// than clones: a site of one language holds one copy of them, not
	// two. WriteReads parses its own, when it is first called (parsed).
	for i, code := range cat.Langs() {
		l, err := r.prepare(cat.Lang(code), base, layouts, i == len(cat.Langs())-1)
		if err != nil {
			return nil, err
		}
		r.langs[code] = l
	}
	return r, nil
}

// readTheme reads the theme's templates into sources: baseof, the
// partials and the layouts, whose names it keeps in partials and layouts,
// in order. What parses them reads nothing more from the theme.
func (r *Renderer) readTheme() error {
	partials, err := fs.Glob(r.theme, "layouts/partials/*.html")
	if err != nil {
		return err
	}
	layouts, err := fs.Glob(r.theme, "layouts/*.html")
	if err != nil {
		return err
	}
	const baseof = "layouts/baseof.html"
	r.partials = partials
	r.layouts = slices.DeleteFunc(layouts, func(name string) bool { return name == baseof })
	r.sources = map[string]string{}
	for _, name := range slices.Concat([]string{baseof}, r.partials, r.layouts) {
		src, err := fs.ReadFile(r.theme, name)
		if err != nil {
			return &diag.Error{File: r.label(name), Msg: "cannot read the template: " + err.Error()}
		}
		r.sources[name] = string(src)
	}
	return nil
}

// parseTheme parses baseof and the partials into one template, and each
// layout into a clone of it with baseof and the partials, by name, with
// the functions of no language, from the files readTheme read: what New
// parses and parsed parses again are the same.
func (r *Renderer) parseTheme() (*template.Template, map[string]*template.Template, error) {
	base := template.New("baseof").Funcs(r.funcs(&language{})).Option("missingkey=error")
	if err := r.parseFile(base, "layouts/baseof.html", "baseof"); err != nil {
		return nil, nil, err
	}
	for _, p := range r.partials {
		if err := r.parseFile(base, p, "partials/"+path.Base(p)); err != nil {
			return nil, nil, err
		}
	}
	layouts := map[string]*template.Template{}
	for _, l := range r.layouts {
		name := strings.TrimSuffix(path.Base(l), ".html")
		t, err := base.Clone()
		if err != nil {
			return nil, nil, err
		}
		if err := r.parseFile(t, l, name+".html"); err != nil {
			return nil, nil, err
		}
		layouts[name] = t
	}
	return base, layouts, nil
}

// parsed returns the layouts and baseof as parsed, which no page
// executes (html/template escapes a template where it first executes),
// for WriteReads to follow: parsed again, from the theme's files as New
// read them, the first time it is called.
func (r *Renderer) parsed() (map[string]*template.Template, *template.Template, error) {
	r.parsedOnce.Do(func() {
		r.parsedBase, r.parsedLayouts, r.parsedErr = r.parseTheme()
	})
	return r.parsedLayouts, r.parsedBase, r.parsedErr
}

// parseFile parses the theme file name, as readTheme read it, into t as
// the template tname.
func (r *Renderer) parseFile(t *template.Template, name, tname string) error {
	src := r.sources[name]
	if t.Name() != tname {
		t = t.New(tname)
	}
	if _, err := t.Parse(src); err != nil {
		return r.templateError(err, name)
	}
	return nil
}

// Layout returns the name of the layout page p uses.
func (r *Renderer) Layout(p *site.Page) string {
	if pl, ok := p.Meta.(*content.Plain); ok && pl.Layout != "" {
		return pl.Layout
	}
	return string(p.Kind)
}

// Render writes the HTML of d.Page to w, in the language of d.Site.
func (r *Renderer) Render(w io.Writer, d Data) error {
	d, lang, err := r.dataIn(d)
	if err != nil {
		return err
	}
	lang.partials(d.Site)
	name := r.Layout(d.Page)
	t := lang.layouts[name]
	if t == nil {
		e := &diag.Error{File: d.Page.SourcePath(), Msg: fmt.Sprintf("no layout %q in the theme", name)}
		if d.Page.Source != nil {
			e.Line = d.Page.Source.Line("layout")
		}
		var names []string
		for n := range lang.layouts {
			names = append(names, n)
		}
		if c := diag.Closest(name, names); c != "" {
			e.WithHint("did you mean %q?", c)
		} else {
			e.WithHint("add layouts/%s.html to the theme, or remove layout: from the front matter", name)
		}
		return e
	}
	// A page that fails to render must leave nothing behind: into a
	// bytes.Buffer it is rendered directly and cut off on error, into any
	// other writer through a buffer of its own.
	// The list of the page's sections (contents) is filled in once the
	// page is rendered.
	if buf, ok := w.(*bytes.Buffer); ok {
		n := buf.Len()
		if err := t.ExecuteTemplate(buf, "baseof", d); err != nil {
			buf.Truncate(n)
			return r.templateError(err, "")
		}
		if r.contents[name] {
			if filled, ok := fillContents(buf.Bytes()[n:], lang.contents); ok {
				buf.Truncate(n)
				buf.Write(filled)
			}
		}
		return nil
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "baseof", d); err != nil {
		return r.templateError(err, "")
	}
	page := buf.Bytes()
	if r.contents[name] {
		page, _ = fillContents(page, lang.contents)
	}
	_, err = w.Write(page)
	return err
}

// dataIn returns d ready for the templates (a nil Images knows no
// picture) and the templates of its site's language.
func (r *Renderer) dataIn(d Data) (Data, *language, error) {
	if d.Images == nil {
		d.Images = noImages{}
	}
	lang, err := r.language(d.Site)
	return d, lang, err
}

// templatePos matches the position html/template puts in its errors:
// "template: condition.html:12:5: executing ..." or "template: x.html:3: ...".
var templatePos = regexp.MustCompile(`template: ([^:]+):(\d+)(?::(\d+))?: (.*)`)

// templateError turns an html/template error into a diag.Error naming the
// template file and line.
func (r *Renderer) templateError(err error, file string) *diag.Error {
	msg := err.Error()
	m := templatePos.FindStringSubmatch(msg)
	if m == nil {
		return &diag.Error{File: r.label(file), Msg: "template error: " + msg}
	}
	file = "layouts/" + m[1] // "partials/x.html" and "condition.html" alike
	if m[1] == "baseof" {
		file = "layouts/baseof.html"
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	e := &diag.Error{File: r.label(file), Line: line, Col: col, Msg: "template error: " + m[4]}
	switch {
	case strings.Contains(m[4], "nil pointer") || strings.Contains(m[4], "nil data"):
		e.Hint = "a value used here is missing on this page; guard it with {{with ...}} or {{if ...}}"
	case strings.Contains(m[4], "error calling t: no string "):
		_, fix, _ := strings.Cut(m[4], `": add it`)
		e.Hint = "add it" + fix
		e.Msg = strings.TrimSuffix(e.Msg, `: add it`+fix)
	}
	return e
}
