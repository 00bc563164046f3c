// Package feeds writes the files of a site that crawlers and feed readers
// read: sitemap.xml (the Sitemaps 0.9 protocol), an Atom feed of articles
// (RFC 4287) and robots.txt. Each function returns the file's bytes;
// package generator writes them. The _headers file is package headers'.
package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Sitemap returns sitemap.xml listing every page of every language with
// its permalink and, where known, its lastmod: the last medical review or
// publication date. A page with translations lists them all, itself
// included, as xhtml:link alternates with their hreflang (Google's
// "Tell Google about localized versions of your page").
func Sitemap(s *site.Site) ([]byte, error) {
	type alternate struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type url struct {
		Loc        string      `xml:"loc"`
		Lastmod    string      `xml:"lastmod,omitempty"`
		Alternates []alternate `xml:"xhtml:link"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		XHTML   string   `xml:"xmlns:xhtml,attr,omitempty"`
		URLs    []url    `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	if len(s.Languages()) > 1 {
		set.XHTML = "http://www.w3.org/1999/xhtml"
	}
	for _, p := range s.AllPages() {
		u := url{Loc: p.Permalink, Lastmod: p.Lastmod().String()}
		for _, a := range p.Alternates() {
			u.Alternates = append(u.Alternates, alternate{Rel: "alternate", Hreflang: a.Hreflang, Href: a.Page.Permalink})
		}
		set.URLs = append(set.URLs, u)
	}
	return marshal(set)
}

// AtomPath is where the Atom feed of articles is published: in the
// default language's part of the site; each other language has its own
// under its prefix (AtomPathOf).
const AtomPath = "articles/index.xml"

// AtomPathOf returns the file name of the Atom feed of the language of s:
// "articles/index.xml", or "es/articles/index.xml".
func AtomPathOf(s *site.Site) string {
	return s.Prefix()[1:] + AtomPath
}

// MaxFeedEntries is how many of the newest articles the feed holds.
const MaxFeedEntries = 20

// Atom returns an Atom feed of the newest articles.
func Atom(s *site.Site) ([]byte, error) {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type person struct {
		Name string `xml:"name"`
		URI  string `xml:"uri,omitempty"`
	}
	type entry struct {
		Title   string  `xml:"title"`
		ID      string  `xml:"id"`
		Link    link    `xml:"link"`
		Updated string  `xml:"updated"`
		Author  *person `xml:"author,omitempty"`
		Summary string  `xml:"summary,omitempty"`
	}
	type feed struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Links   []link   `xml:"link"`
		Updated string   `xml:"updated"`
		Author  person   `xml:"author"`
		Entries []entry  `xml:"entry"`
	}
	f := feed{
		NS:    "http://www.w3.org/2005/Atom",
		Title: s.Config.Title + ": articles",
		ID:    s.Permalink("/" + AtomPathOf(s)),
		Links: []link{
			{Href: s.Permalink("/" + AtomPathOf(s)), Rel: "self"},
			{Href: s.Permalink(s.Prefix() + "articles/"), Rel: "alternate"},
		},
		Author: person{Name: s.Config.Practice.Name, URI: s.Permalink(s.Prefix())},
	}
	var newest time.Time
	for _, p := range s.Latest(string(content.KindArticle), MaxFeedEntries) {
		updated := p.Lastmod().Time
		if updated.IsZero() {
			continue // an article without a date cannot be placed in a feed
		}
		if updated.After(newest) {
			newest = updated
		}
		e := entry{
			Title: p.Title(), ID: p.Permalink, Link: link{Href: p.Permalink},
			Updated: updated.UTC().Format(time.RFC3339), Summary: p.Description(),
		}
		if p.Author != nil {
			e.Author = &person{Name: p.Author.Title(), URI: p.Author.Permalink}
		}
		f.Entries = append(f.Entries, e)
	}
	if newest.IsZero() {
		newest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = newest.UTC().Format(time.RFC3339)
	return marshal(f)
}

// Robots returns robots.txt: everything may be crawled, and the sitemap is
// named.
func Robots(s *site.Site) []byte {
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %s\n", s.Permalink("/sitemap.xml"))
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
