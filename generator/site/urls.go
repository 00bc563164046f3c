package site

import (
	"path"
	"strconv"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// URLFor returns the pretty URL of the content file at rel (relative to
// content/), with slug, when not empty, replacing its last segment:
//
//	conditions/sciatica.md          /conditions/sciatica/
//	articles/scope/index.md         /articles/scope/
//	conditions/_index.md            /conditions/
//	about.md                        /about/
//	_index.md                       /
//
// Every segment but the slug is made URL-safe with content.Slugify, so a
// file named "Back Pain.md" is published at /back-pain/.
func URLFor(rel, slug string) string {
	rel = strings.TrimSuffix(rel, ".md")
	dir, base := path.Split(rel)
	if base == "index" || base == "_index" {
		dir, base = path.Split(strings.TrimSuffix(dir, "/"))
		if slug == "" && base == "" {
			return "/"
		}
	}
	var segs []string
	for _, d := range strings.Split(strings.Trim(dir, "/"), "/") {
		if s := content.Slugify(d); s != "" {
			segs = append(segs, s)
		}
	}
	if slug == "" {
		slug = content.Slugify(base)
	}
	if slug != "" {
		segs = append(segs, slug)
	}
	if len(segs) == 0 {
		return "/"
	}
	return "/" + strings.Join(segs, "/") + "/"
}

// fileURL returns the URL of a content file that is not a page: its
// path under its language's folder of content/, under the language's
// prefix, or, for a file in a page bundle, its path inside the bundle under
// the page's URL.
func (s *Site) fileURLFor(f content.File, bundlePage *Page) string {
	if bundlePage != nil {
		inside := strings.TrimPrefix(f.Rel, path.Dir(f.Bundle)+"/")
		return bundlePage.URL + inside
	}
	return s.path(f.Rel)
}

// assignURLs wraps every content page of the site's language in a Page
// with its URL and every other file in a File, reporting two sources that
// share one URL.
func (s *Site) assignURLs(set *content.Set) diag.List {
	var errs diag.List
	for _, cp := range set.Pages {
		if cp.Lang != s.folder {
			continue
		}
		p := &Page{Source: cp, Kind: cp.Kind, Meta: cp.Meta}
		p.URL = s.inLanguage(URLFor(cp.Rel, cp.Common().Slug))
		if !s.claim(p, &errs) {
			continue
		}
		s.bySource[cp.Source] = p
	}
	for _, f := range set.Files {
		if f.Lang != s.folder {
			continue
		}
		var owner *Page
		if f.Bundle != "" {
			owner = s.bySource[s.sourceOf(f.Bundle)]
		}
		u := s.fileURLFor(f, owner)
		// A file that takes the name of a page, or of a file Lumen
		// writes, is reported when every file's name is known (package
		// generator).
		s.Files = append(s.Files, File{Source: f.Source, URL: u})
		s.fileURL[f.Source] = u
		s.urlFile[u] = true
	}
	return errs
}

// claim records p at its URL and adds it to the site, or reports the page
// that already has that URL and returns false.
func (s *Site) claim(p *Page, errs *diag.List) bool {
	if other, ok := s.byURL[p.URL]; ok {
		// Content pages claim their URLs first, so a generated page that
		// collides names the content file that took its place.
		first, second := other, p
		if p.Source == nil {
			first, second = p, other
		}
		e := &diag.Error{File: second.SourcePath(), Line: 1, Rule: diag.RuleURL,
			Msg: "two pages have the URL " + p.URL + ": " + describe(first) + " and " + describe(second)}
		if second.Source != nil && second.Common().Slug != "" {
			e.Line = second.Source.Line("slug")
		}
		e.WithHint("give one of them a different slug: in its front matter, or by renaming the file")
		for _, q := range []*Page{first, second} {
			if q.Source == nil && q.Kind == content.KindSection {
				// A folder whose list page lands on a URL Lumen uses
				// itself, such as content/tags/.
				e.File, e.Line = sectionFolder(q), 0
				e.Hint = "rename the folder: Lumen publishes its own pages at " + p.URL
			}
		}
		*errs = append(*errs, e)
		return false
	}
	s.byURL[p.URL] = p
	p.site = s
	p.Permalink = s.Permalink(p.URL)
	p.Slug = path.Base(strings.TrimSuffix(p.URL, "/"))
	if p.URL == s.prefix {
		p.Slug = ""
	}
	s.Pages = append(s.Pages, p)
	if p.Source != nil && !p.IsList() {
		bySlug := s.bySlug[p.Kind]
		if bySlug == nil {
			bySlug = map[string]*Page{}
			s.bySlug[p.Kind] = bySlug
		}
		bySlug[p.Slug] = p
		// The file's own name refers to the page too, when a slug renamed it.
		name := strings.TrimSuffix(path.Base(p.Source.Rel), ".md")
		if p.Source.Bundle {
			name = path.Base(path.Dir(p.Source.Rel))
		}
		if _, taken := bySlug[name]; !taken {
			bySlug[name] = p
		}
	}
	return true
}

// describe names where a page comes from, for error messages.
func describe(p *Page) string {
	switch {
	case p.Source != nil:
		return p.Source.Source
	case p.Kind == content.KindSection:
		return "the list page of the folder " + sectionFolder(p)
	case p.Kind == KindTerms:
		return "the page listing every tag"
	case p.Kind == KindTerm:
		return "the page of the tag " + strconv.Quote(p.Title())
	}
	return "the " + string(p.Kind) + " page Lumen makes"
}

// sectionFolder returns the content folder of a section page.
func sectionFolder(p *Page) string {
	return content.Dir + strings.TrimSuffix(p.URL, "/") + "/"
}

// sourceOf returns the path from the site root of rel, a path in the
// language's folder of content/.
func (s *Site) sourceOf(rel string) string {
	if s.folder == "" {
		return content.Dir + "/" + rel
	}
	return content.Dir + "/" + s.folder + "/" + rel
}

// FileOf returns the name of the file the site path url is written to and
// served from: "/a/b/" is "a/b/index.html", "/" is "index.html" and
// "/css/main.css" is "css/main.css". It is the one mapping from URLs to
// files, for the build's writer and the dev server alike.
func FileOf(url string) string {
	name := strings.TrimPrefix(url, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name
}

// URLOf returns the site path of the file name, as FileOf writes it:
// "a/b/index.html" is "/a/b/", "index.html" is "/".
func URLOf(name string) string {
	if name == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(name, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + name
}
