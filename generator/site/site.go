// Package site turns the pages read by package content into the graph of
// a website: every page's URL, the sections and their list pages, the tag
// pages, the two-way relations between medical pages, providers and
// locations, breadcrumbs, previous and next links, and the menu.
//
// New does its work in this order, so that each step can rely on the one
// before it (as Zola's Site::load does):
//
//  1. URLs: every content page and file gets its URL (pretty URLs, slug
//     overrides, page bundles); two sources on one URL is an error naming
//     both.
//  2. Sections and the home page, made up when there is no _index.md.
//  3. Tags: one term page per tag, and the /tags/ index.
//  4. Relations: slugs in front matter (treats, procedures, about, author,
//     reviewed_by, locations) are resolved to pages; both ends of each
//     relation are filled in. An unknown slug is an error at its line.
//  5. Order: pages within a list, previous and next, breadcrumbs.
//  6. The menu's site paths are checked against the pages.
//
// Once built, a Site answers the questions templates and the Markdown
// renderer ask: the page at a URL, the pages of a kind, and where an
// internal link points (Resolve).
package site

import (
	"fmt"
	"sort"
	"sync/atomic"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/i18n"
)

// Site is the graph of a whole website.
type Site struct {
	// Config is the site's configuration.
	Config *config.Config
	// Home is the home page.
	Home *Page
	// Pages are all pages, content and generated, sorted by URL.
	Pages []*Page
	// Sections are the section list pages, sorted by URL.
	Sections []*Page
	// TagIndex is the /tags/ page, or nil when no page has tags.
	TagIndex *Page
	// Search is the search page, /search/, or nil for a site without
	// content pages.
	Search *Page
	// AZ is the A to Z page of conditions and treatments, /a-z/, or nil
	// for a site without conditions or procedures.
	AZ *Page
	// Files are the content files that are not pages, with their URLs.
	Files []File
	// NotFound is the page written as 404.html. It is not one of Pages.
	NotFound *Page
	// Redirects are the old addresses of the site, sorted: each page's
	// aliases and the redirects of site.yaml.
	Redirects []Redirect

	// Lang is the language of the site's pages: one of the languages of
	// Config (config.Config.Languages).
	Lang config.Language

	// root is the default language's Site, of which this one is a
	// translation, or nil for the default language's own; langs are, on
	// the root of a site in several languages, every language's Site, the
	// root first.
	root  *Site
	langs []*Site
	// folder is the folder of the language's content under content/, ""
	// for the default language, and prefix the site path its pages are
	// under: "/" or "/es/".
	folder, prefix string
	// strings are the theme's strings in the site's language, or nil.
	strings *i18n.Strings

	byURL    map[string]*Page
	bySource map[string]*Page
	fileURL  map[string]string // site-root path of a file → its URL
	urlFile  map[string]bool   // URLs of files
	bySlug   map[content.Kind]map[string]*Page
	byKind   map[content.Kind][]*Page
	bodies   atomic.Pointer[bodies]
}

// Options are how New builds a site beyond its configuration and content.
type Options struct {
	// Convert makes the Body of a content page when it is first asked
	// for; nil gives every page an empty Body.
	Convert Converter
	// KeepBodies keeps every Body made until the Site is dropped, for a
	// dev server that serves the same Site for many requests. Without it,
	// a Body is let go once no one holds its page (see Hold).
	KeepBodies bool
	// Strings are the theme's strings in each language, which title the
	// pages Lumen makes (sections without _index.md, tags, A to Z, search,
	// 404) in the language of their Site; without them, they are titled
	// in English.
	Strings *i18n.Catalog
}

// File is a content file published as it is.
type File struct {
	// Source is the path relative to the site root.
	Source string
	// URL is where it is published, such as "/images/spine.svg".
	URL string
}

// New builds the site graph from the configuration and the content read by
// content.Load. It returns every problem it finds; the Site is usable for
// reporting even when there are errors. Once New returns, nothing changes
// a Page of the Site: the converted Markdown of a page is a Body of its
// own (Site.Body), which only Reconvert makes anew.
//
// The Site returned is the default language's. A site in several
// languages has one Site per language, each with its own pages, sections,
// tags and lists, built from its folder of content (content/<code>/) and
// published under its prefix (/es/): Languages returns them all, and each
// page knows its translations (Page.Translations).
func New(cfg *config.Config, set *content.Set, opts Options) (*Site, diag.List) {
	langs := cfg.Languages()
	root, errs := newLanguage(cfg.For(langs[0].Code), langs[0], set, opts, nil)
	errs = append(errs, root.translatesNothing()...)
	if len(langs) > 1 {
		root.langs = []*Site{root}
		for _, l := range langs[1:] {
			s, lerrs := newLanguage(cfg.For(l.Code), l, set, opts, root)
			root.langs = append(root.langs, s)
			errs = append(errs, lerrs...)
		}
		errs = append(errs, root.linkTranslations()...)
	}
	errs.Sort()
	return root, errs
}

// newLanguage builds the Site of the language l from the pages and files
// of set in its folder; root is the default language's Site, or nil when
// l is the default language.
func newLanguage(cfg *config.Config, l config.Language, set *content.Set, opts Options, root *Site) (*Site, diag.List) {
	// The maps of pages are sized for every content page, the most a
	// language can have, rather than grown a dozen times to 10,000.
	s := &Site{
		Config:   cfg,
		Lang:     l,
		strings:  opts.Strings.Lang(l.Code),
		root:     root,
		prefix:   "/",
		byURL:    make(map[string]*Page, len(set.Pages)),
		bySource: make(map[string]*Page, len(set.Pages)),
		fileURL:  map[string]string{},
		urlFile:  map[string]bool{},
		bySlug:   map[content.Kind]map[string]*Page{},
	}
	s.bodies.Store(newBodies(opts.Convert, opts.KeepBodies, nil))
	if root != nil {
		s.folder, s.prefix = l.Code, "/"+l.Code+"/"
	}
	var errs diag.List
	errs = append(errs, s.assignURLs(set)...)
	errs = append(errs, s.buildSections()...)
	errs = append(errs, s.buildTags()...)
	errs = append(errs, s.buildSearch()...)
	errs = append(errs, s.link()...)
	s.order()
	errs = append(errs, s.checkConfigLinks()...)
	errs = append(errs, s.checkBooking()...)
	errs = append(errs, s.buildRedirects(cfg)...)
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].URL < s.Pages[j].URL })
	s.indexKinds()
	s.NotFound = &Page{site: s, Kind: content.KindNotFound, URL: s.path("404.html"), Permalink: s.Permalink(s.path("404.html")),
		Meta: &content.Plain{Common: content.Common{Title: s.text("not_found_page_title", "Page not found"),
			Description: s.text("not_found_description", "This page could not be found.")}},
		Breadcrumbs: []*Page{s.Home}}
	return s, errs
}

// PageAt returns the page at the site path url, or nil.
func (s *Site) PageAt(url string) *Page { return s.byURL[url] }

// PageFor returns the page made from the content file at source (a path
// relative to the site root), or nil.
func (s *Site) PageFor(source string) *Page { return s.bySource[source] }

// OfKind returns the content pages of kind k in their section's order.
//
// Templates call it on every page, so New computes the lists once; the
// returned slice must not be changed.
func (s *Site) OfKind(k string) []*Page { return s.byKind[content.Kind(k)] }

// indexKinds fills byKind: pages of each kind in their section's order,
// then those outside sections in URL order.
func (s *Site) indexKinds() {
	s.byKind = map[content.Kind][]*Page{}
	seen := map[*Page]bool{}
	for _, sec := range s.Sections {
		for _, p := range sec.Pages {
			s.byKind[p.Kind] = append(s.byKind[p.Kind], p)
			seen[p] = true
		}
	}
	for _, p := range s.Pages {
		if !seen[p] {
			s.byKind[p.Kind] = append(s.byKind[p.Kind], p)
		}
	}
}

// Latest returns up to n pages of kind k, newest first by date.
func (s *Site) Latest(k string, n int) []*Page {
	pages := append([]*Page(nil), s.OfKind(k)...)
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].Common().Date.After(pages[j].Common().Date.Time) })
	if len(pages) > n {
		pages = pages[:n]
	}
	return pages
}

// Permalink returns the absolute URL of the site path url.
func (s *Site) Permalink(url string) string { return s.Config.Permalink(url) }

// Counts returns how many pages of each kind the site has, in every
// language, in a stable order, for the build summary: "12 conditions, 3
// faqs".
func (s *Site) Counts() []KindCount {
	n := map[content.Kind]int{}
	for _, p := range s.AllPages() {
		n[p.Kind]++
	}
	var out []KindCount
	for _, k := range content.Kinds() {
		if n[k.Kind] > 0 {
			out = append(out, KindCount{Kind: k.Kind, N: n[k.Kind]})
		}
	}
	return out
}

// KindCount is the number of pages of one kind.
type KindCount struct {
	Kind content.Kind
	N    int
}

// String returns the count as "3 conditions" or "1 tag index", with the
// kind's names from the table of kinds.
func (c KindCount) String() string {
	info := c.Kind.Info()
	if c.N != 1 {
		return fmt.Sprintf("%d %s", c.N, info.Plural)
	}
	return fmt.Sprintf("1 %s", info.Singular())
}
