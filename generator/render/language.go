package render

import (
	"fmt"
	"html"
	"html/template"
	"sync/atomic"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/i18n"
	"github.com/lumen-ssg/lumen/generator/site"
)

// language is the theme's templates prepared for one language: clones of
// the parsed templates whose functions t, date, clock, timeTag, messages
// and partialCached use the language's strings.
type language struct {
	strings *i18n.Strings
	// base is baseof and the partials, which partialCached executes;
	// layouts are the layouts by name, each with baseof and the partials.
	base    *template.Template
	layouts map[string]*template.Template
	// contents is the label of a page's list of sections, "On this page"
	// (the string on_this_page).
	contents string
	cache    atomic.Pointer[partialCache]
	// funcs are the template functions, bound to the language.
	funcs template.FuncMap
}

// prepare clones the parsed templates, base and layouts, for the language
// of strs, or, with own, takes them as they are.
func (r *Renderer) prepare(strs *i18n.Strings, base *template.Template, layouts map[string]*template.Template, own bool) (*language, error) {
	l := &language{strings: strs, layouts: make(map[string]*template.Template, len(layouts))}
	label, err := strs.T("on_this_page")
	if err != nil {
		return nil, &diag.Error{File: r.label("i18n/" + strs.Code() + ".yaml"),
			Msg:  fmt.Sprintf("no string %q in language %q: Lumen titles the list of a page's sections with it", "on_this_page", strs.Code()),
			Hint: "add on_this_page: with the title, such as on_this_page: On this page"}
	}
	// The label is HTML like every string; the list puts it in an
	// attribute and in text, so it is made plain text, then escaped.
	l.contents = escapeText(html.UnescapeString(label))
	funcs := r.funcs(l)
	l.funcs = funcs
	clone := func(t *template.Template) (*template.Template, error) {
		if own {
			return t, nil
		}
		return t.Clone()
	}
	if l.base, err = clone(base); err != nil {
		return nil, err
	}
	l.base.Funcs(funcs)
	for name, t := range layouts {
		c, err := clone(t)
		if err != nil {
			return nil, err
		}
		l.layouts[name] = c.Funcs(funcs)
	}
	return l, nil
}

// language returns the templates of the language of s: its
// configuration's language, or the site's when s is nil or has none.
func (r *Renderer) language(s *site.Site) (*language, error) {
	code := r.cfg.Language
	if s != nil && s.Config != nil && s.Config.Language != "" {
		code = s.Config.Language
	}
	if code == "" {
		code = i18n.Reference
	}
	if l := r.langs[code]; l != nil {
		return l, nil
	}
	return nil, &diag.Error{File: config.File, Msg: fmt.Sprintf("the theme was not prepared for language %q", code),
		Hint: "list the language in site.yaml (language, or languages), so that its strings are loaded"}
}
