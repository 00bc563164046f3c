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
// functions available to templates are listed in Funcs.
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
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
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
}

// Renderer executes a theme's templates.
type Renderer struct {
	cfg     *config.Config
	theme   fs.FS
	label   func(name string) string
	layouts map[string]*template.Template
	assets  map[string]string // static path → fingerprinted path
	// base is baseof and the partials, from which each layout was cloned;
	// partialCached executes its partials.
	base  *template.Template
	cache atomic.Pointer[partialCache]
}

// New parses the theme's layouts for the site configured by cfg. label maps a theme file name such as
// "layouts/condition.html" to the path errors should show, such as
// "themes/default/layouts/condition.html"; nil leaves names as they are.
func New(theme fs.FS, cfg *config.Config, label func(name string) string) (*Renderer, error) {
	if label == nil {
		label = func(name string) string { return name }
	}
	r := &Renderer{cfg: cfg, theme: theme, label: label, layouts: map[string]*template.Template{}}
	var err error
	if r.assets, err = fingerprints(theme, label); err != nil {
		return nil, err
	}
	base := template.New("baseof").Funcs(r.funcs()).Option("missingkey=error")
	if err := r.parseFile(base, "layouts/baseof.html", "baseof"); err != nil {
		return nil, err
	}
	partials, err := fs.Glob(theme, "layouts/partials/*.html")
	if err != nil {
		return nil, err
	}
	for _, p := range partials {
		if err := r.parseFile(base, p, "partials/"+path.Base(p)); err != nil {
			return nil, err
		}
	}
	layouts, err := fs.Glob(theme, "layouts/*.html")
	if err != nil {
		return nil, err
	}
	for _, l := range layouts {
		name := strings.TrimSuffix(path.Base(l), ".html")
		if name == "baseof" {
			continue
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if err := r.parseFile(t, l, name+".html"); err != nil {
			return nil, err
		}
		r.layouts[name] = t
	}
	r.base = base
	for _, info := range content.Kinds() {
		if k := string(info.Kind); r.layouts[k] == nil {
			return nil, &diag.Error{File: label("layouts/" + k + ".html"), Msg: "the theme has no layout for " + k + " pages",
				Hint: "add the file, or copy it from Lumen's default theme"}
		}
	}
	return r, nil
}

// parseFile parses the theme file name into t as the template tname.
func (r *Renderer) parseFile(t *template.Template, name, tname string) error {
	src, err := fs.ReadFile(r.theme, name)
	if err != nil {
		return &diag.Error{File: r.label(name), Msg: "cannot read the template: " + err.Error()}
	}
	if t.Name() != tname {
		t = t.New(tname)
	}
	if _, err := t.Parse(string(src)); err != nil {
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

// Render writes the HTML of d.Page to w.
func (r *Renderer) Render(w io.Writer, d Data) error {
	r.partials(d.Site)
	name := r.Layout(d.Page)
	t := r.layouts[name]
	if t == nil {
		e := &diag.Error{File: d.Page.SourcePath(), Msg: fmt.Sprintf("no layout %q in the theme", name)}
		if d.Page.Source != nil {
			e.Line = d.Page.Source.Line("layout")
		}
		var names []string
		for n := range r.layouts {
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
		if page := buf.Bytes()[n:]; bytes.Contains(page, []byte(contentsMarker)) {
			filled := fillContents(page)
			buf.Truncate(n)
			buf.Write(filled)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "baseof", d); err != nil {
		return r.templateError(err, "")
	}
	_, err := w.Write(fillContents(buf.Bytes()))
	return err
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
	if strings.Contains(m[4], "nil pointer") || strings.Contains(m[4], "nil data") {
		e.Hint = "a value used here is missing on this page; guard it with {{with ...}} or {{if ...}}"
	}
	return e
}
