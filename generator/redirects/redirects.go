// Package redirects writes what keeps a site's old addresses working: the
// _redirects file that static hosts such as Netlify and Cloudflare Pages
// read, and, for hosts without one, a small page at each old address that
// sends the reader on (a meta refresh, with a canonical link and a link to
// follow, and noindex so that search engines keep only the new address).
//
// The old addresses are the aliases of pages' front matter and the
// redirects of site.yaml (site.Site.Redirects), each already followed to
// the end of any chain of redirects.
package redirects

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/lumen-ssg/lumen/generator/site"
)

// Path is where the redirects are published, in the format Netlify and
// Cloudflare Pages read: "from to status", one a line.
const Path = "_redirects"

// File returns the _redirects file of s: a permanent (301) redirect for
// each old address of every language, under the site's path.
func File(s *site.Site) []byte {
	var b bytes.Buffer
	b.WriteString("# Old addresses of the site, for static hosts that read this file (Netlify, Cloudflare Pages).\n")
	base := strings.TrimSuffix(s.Config.BasePath(), "/")
	for _, l := range s.Languages() {
		for _, r := range l.Redirects {
			to := r.To
			if strings.HasPrefix(to, "/") {
				to = base + to
			}
			fmt.Fprintf(&b, "%s %s 301\n", base+r.From, to)
		}
	}
	return b.Bytes()
}

// pageView is the page written at an old address.
var pageView = template.Must(template.New("redirect").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>This page has moved – {{.Site}}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{{.Canonical}}">
<meta http-equiv="refresh" content="0; url={{.To}}">
</head>
<body>
<main>
<h1>This page has moved</h1>
<p>It is now at <a href="{{.To}}">{{.Title}}</a>.</p>
</main>
</body>
</html>
`))

// Page returns the page written at r's old address: it sends the reader to
// the new one at once, and says where it is for a browser that does not.
// It leads to the path of a page of the site (so that a copy served
// elsewhere, such as by lumen serve, stays on its own host), and names the
// page's permalink as canonical.
func Page(s *site.Site, r site.Redirect) ([]byte, error) {
	to, canonical, title := r.To, r.To, r.To
	if strings.HasPrefix(to, "/") {
		to = strings.TrimSuffix(s.Config.BasePath(), "/") + to
		canonical = s.Permalink(r.To)
	}
	if r.Page != nil {
		title = r.Page.Title()
	}
	var b bytes.Buffer
	err := pageView.Execute(&b, struct{ Lang, Site, To, Canonical, Title string }{s.Config.Language, s.Config.Title, to, canonical, title})
	return b.Bytes(), err
}
