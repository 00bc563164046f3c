package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/lumen-ssg/lumen/generator/site"
)

// partialCache holds partials rendered for one site by partialCached:
// lists of cards show the same page on many other pages (its section, its
// tags, pages related to it), and its card is the same on each.
type partialCache struct {
	site       *site.Site
	generation uint64   // the site's (site.Site.Generation)
	html       sync.Map // partialKey → template.HTML
	// reads are what the partials read (see reader.cached), and shared
	// what the nodes that read the site alone read (reader.sharedNode).
	reads  sync.Map // partialKey → SHA-256
	shared sync.Map // parse.Node → SHA-256
}

// partialKey names one rendered partial: which partial, for which page.
// Pages are made anew by every build, so a page is never mistaken for the
// same page of an earlier build.
type partialKey struct {
	name string
	page *site.Page
}

// partials returns the cache for the site being rendered, starting a new
// one when the site changed since the last page (a dev server's rebuild),
// or its pages' bodies did (a rebuild that kept the site graph: a theme's
// partial may show a page's words). Each language has a cache of its own,
// since each has a site of its own.
func (l *language) partials(s *site.Site) *partialCache {
	c := l.cache.Load()
	if gen := s.Generation(); c == nil || c.site != s || c.generation != gen {
		c = &partialCache{site: s, generation: gen}
		l.cache.Store(c)
	}
	return c
}

// partialCached renders the partial name (such as "partials/card.html")
// with page p as its dot, once per page and build: the partial must
// depend on the page alone, not on the page it is shown on. It is the
// template function partialCached, used as
//
//	{{partialCached "partials/card.html" .}}
//
// The partial is the one in the theme's partials folder, in the language
// of the page being rendered.
func (l *language) partialCached(name string, p *site.Page) (template.HTML, error) {
	if p == nil {
		return "", fmt.Errorf("partialCached %q: no page given", name)
	}
	c := l.cache.Load()
	key := partialKey{name, p}
	if c != nil {
		if html, ok := c.html.Load(key); ok {
			return html.(template.HTML), nil
		}
	}
	var buf bytes.Buffer
	if err := l.base.ExecuteTemplate(&buf, name, p); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	if c != nil {
		c.html.Store(key, html)
	}
	return html, nil
}
