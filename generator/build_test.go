package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// build builds the site in archive into memory with the default theme.
func build(t *testing.T, archive string, opts Options) fs.FS {
	t.Helper()
	src, _ := sitetest.Parse(archive)
	mem := output.NewMem()
	opts.Source, opts.Theme, opts.Out = src, themes.Default(), mem
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	return mem.FS()
}

const practice = `
A small practice with one page of each kind.
-- site.yaml --
title: Test Practice
base_url: https://example.com/
practice:
  phone: "(555) 010-0100"
  appointment_url: /contact/
-- content/_index.md --
---
title: Welcome
---
-- content/contact.md --
---
title: Contact
---
Call us.
-- content/conditions/sciatica.md --
---
title: Sciatica
summary: Leg pain from a pinched nerve.
red_flags: [Numbness between the legs]
procedures: [discectomy]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
tags: [back pain]
key_points: [Rest helps.]
---
Sciatica often gets better. See [discectomy](../procedures/discectomy.md),
[the guide](https://www.nhs.uk/conditions/sciatica/) and <script>alert(1)</script>.

` + "```go\nfunc main() {}\n```" + `
-- content/procedures/discectomy.md --
---
title: Discectomy
treats: [sciatica]
recovery: [{when: Day 1, what: Walk a little}]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
summary: Rest helps.
key_points: [Rest helps.]
aftercare_warnings: [A fever.]
---
Back to [sciatica](/conditions/sciatica/).
-- content/faqs/basics.md --
---
title: Basics
about: [sciatica]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
questions:
  - question: Will it come back?
    answer: It can. Read about [the operation](/procedures/discectomy/).
summary: Rest helps.
---
-- content/providers/dr-a.md --
---
title: Dr. A
locations: [main]
---
-- content/locations/main.md --
---
title: Main office
phone: "(555) 010-0100"
---
-- content/articles/scope/index.md --
---
title: Scope
date: 2025-03-01
author: dr-a
image: pic.svg
image_alt: A thin tube with a camera
---
![A thin tube with a camera](pic.svg)
-- content/articles/scope/pic.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/articles/draft.md --
---
title: Not yet
draft: true
---
-- content/files/leaflet.pdf --
%PDF
`

func TestBuildWritesEveryOutput(t *testing.T) {
	out := build(t, practice, Options{})
	for _, name := range []string{
		"index.html", "404.html", "sitemap.xml", "robots.txt", "articles/index.xml",
		"conditions/index.html", "conditions/sciatica/index.html", "procedures/discectomy/index.html",
		"faqs/basics/index.html", "providers/dr-a/index.html", "locations/main/index.html",
		"articles/scope/index.html", "articles/scope/pic.svg", "contact/index.html",
		"tags/index.html", "tags/back-pain/index.html", "files/leaflet.pdf", "css/main.css",
	} {
		if _, err := fs.Stat(out, name); err != nil {
			t.Errorf("missing %s", name)
		}
	}
	if _, err := fs.Stat(out, "articles/draft/index.html"); err == nil {
		t.Error("a draft was published")
	}
}

func TestBuildPages(t *testing.T) {
	out := build(t, practice, Options{})
	sitetest.Contains(t, out, "conditions/sciatica/index.html",
		`<html lang="en"`,
		`<link rel="canonical" href="https://example.com/conditions/sciatica/">`,
		`<meta name="description" content="Leg pain from a pinched nerve.">`,
		`<meta property="og:title" content="Sciatica">`,
		`href="/procedures/discectomy/">discectomy</a>`,
		`href="https://www.nhs.uk/conditions/sciatica/" rel="noopener"`,
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`Numbness between the legs`,
		`href="/faqs/basics/"`,
		`href="/providers/dr-a/"`,
		`<pre class="chroma"`,
		`href="tel:&#43;15550100100"`, // html/template writes + as &#43;
		`href="/contact/"`,
		`! <script>`, // no inline script: the JSON-LD data block and the search script's file only
		`<script src="/js/search.`,
		`! style="`,
	)
	if page, _ := fs.ReadFile(out, "conditions/sciatica/index.html"); strings.Count(string(page), "<script") != 2 {
		t.Errorf("a page has scripts besides its JSON-LD and the site's search:\n%s", page)
	}
	sitetest.Contains(t, out, "procedures/discectomy/index.html",
		`href="/conditions/sciatica/"`, `Day 1`, `Walk a little`)
	sitetest.Contains(t, out, "faqs/basics/index.html",
		`<details`, `Will it come back?`, `<a href="/procedures/discectomy/">the operation</a>`)
	sitetest.Contains(t, out, "providers/dr-a/index.html", `href="/conditions/sciatica/"`, `href="/locations/main/"`)
	sitetest.Contains(t, out, "locations/main/index.html", `href="/providers/dr-a/"`)
	sitetest.Contains(t, out, "articles/scope/index.html",
		`src="/articles/scope/pic.svg"`, `alt="A thin tube with a camera"`,
		`<meta property="og:image" content="https://example.com/articles/scope/pic.svg">`)
	sitetest.Contains(t, out, "sitemap.xml",
		"<loc>https://example.com/conditions/sciatica/</loc>\n    <lastmod>2026-02-01</lastmod>",
		"<loc>https://example.com/</loc>")
	sitetest.Contains(t, out, "articles/index.xml",
		`<id>https://example.com/articles/scope/</id>`, `<updated>2025-03-01T00:00:00Z</updated>`, `! Not yet`)
	sitetest.Contains(t, out, "robots.txt", "Sitemap: https://example.com/sitemap.xml")
	sitetest.Contains(t, out, "404.html", `href="/"`)
}

func TestBuildDraftsAndBaseURL(t *testing.T) {
	out := build(t, practice, Options{Drafts: true, BaseURL: "https://staging.example.org/sub"})
	if _, err := fs.Stat(out, "articles/draft/index.html"); err != nil {
		t.Error("--drafts did not publish the draft")
	}
	sitetest.Contains(t, out, "conditions/sciatica/index.html",
		`<link rel="canonical" href="https://staging.example.org/sub/conditions/sciatica/">`)
}

func TestThemeOverride(t *testing.T) {
	out := build(t, practice+`
-- themes/default/layouts/page.html --
{{define "main"}}<h1>{{.Page.Title}}</h1><p>Our own contact layout</p>{{end}}
-- themes/default/static/css/extra.css --
body { color: black }
`, Options{})
	sitetest.Contains(t, out, "contact/index.html", "Our own contact layout", `<html lang="en"`)
	sitetest.Contains(t, out, "css/extra.css", "color: black")
}

// TestFooterOverride is the two ways to change every page's footer: the
// site's own partials/site-footer.html, which the theme renders once per
// language for every page, and its own partials/footer.html, which is
// rendered for each page and may show the page.
func TestFooterOverride(t *testing.T) {
	out := build(t, practice+`
-- themes/default/layouts/partials/site-footer.html --
<footer class="site-footer"><p>{{.Site.Config.Title}}, our own footer</p></footer>
`, Options{})
	for _, page := range []string{"index.html", "contact/index.html", "conditions/sciatica/index.html"} {
		sitetest.Contains(t, out, page, "our own footer</p></footer>")
	}
	out = build(t, practice+`
-- themes/default/layouts/partials/footer.html --
<footer class="site-footer"><p>You are reading {{.Page.Title}}.</p></footer>
`, Options{})
	sitetest.Contains(t, out, "contact/index.html", "<p>You are reading Contact.</p>")
	sitetest.Contains(t, out, "conditions/sciatica/index.html", "<p>You are reading Sciatica.</p>")
}

// thirdParty matches references to other hosts that a browser would load
// by itself: src, srcset, stylesheet and script hrefs, CSS url() and
// @import.
var thirdParty = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\ssrc(set)?\s*=\s*["']?\s*(https?:)?//`),
	regexp.MustCompile(`(?i)<link[^>]+href\s*=\s*["']?\s*(https?:)?//[^>]*>`),
	regexp.MustCompile(`(?i)url\(\s*["']?\s*(https?:)?//`),
	regexp.MustCompile(`(?i)@import\s+["']?\s*(url\()?\s*["']?(https?:)?//`),
	regexp.MustCompile(`(?i)<(iframe|object|embed)\b`),
}

// TestExampleSiteLoadsNothingFromOtherHosts builds the example practice in
// this repository and checks every HTML and CSS file for resources that
// would be fetched from another host.
func TestExampleSiteLoadsNothingFromOtherHosts(t *testing.T) {
	out := buildExample(t)
	checked := 0
	fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".css") || strings.HasSuffix(p, ".svg")) {
			return err
		}
		data, _ := fs.ReadFile(out, p)
		for _, re := range thirdParty {
			for _, m := range re.FindAll(data, -1) {
				// A canonical link names this site's own host; it loads nothing.
				if strings.Contains(string(m), `rel="canonical"`) || strings.Contains(string(m), "rel=canonical") || strings.Contains(string(m), `rel="alternate"`) {
					continue
				}
				t.Errorf("%s loads from another host: %s", p, m)
			}
		}
		checked++
		return nil
	})
	if checked < 30 {
		t.Errorf("only %d files checked", checked)
	}
}

// buildExample builds the example site at the repository's root.
func buildExample(t *testing.T) fs.FS {
	t.Helper()
	mem := output.NewMem()
	_, err := Build(context.Background(), Options{Source: os.DirFS(".."), Theme: themes.Default(), Out: mem})
	if err != nil {
		t.Fatalf("the example site does not build:\n%v", err)
	}
	return mem.FS()
}

// TestGoldenPages compares whole pages of the example site with reviewed
// copies in testdata/golden. Run go test -update to rewrite them after a
// deliberate change, and review the diff.
func TestGoldenPages(t *testing.T) {
	out := buildExample(t)
	for page, golden := range map[string]string{
		"conditions/lumbar-disc-herniation/index.html": "condition.html",
		"faqs/back-pain-basics/index.html":             "faq.html",
	} {
		got, err := fs.ReadFile(out, page)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "golden", golden)
		if *update {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./generator -run TestGoldenPages -update)", err)
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from %s; if the change is deliberate, run go test ./generator -run TestGoldenPages -update and review the diff\n%s",
				page, path, firstDiff(string(want), string(got)))
		}
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return ""
}

// movedPage reports whether data is the page at an old address, which
// only sends the reader on (package redirects) and is kept out of search
// engines.
func movedPage(data []byte) bool {
	return bytes.Contains(data, []byte(`<meta name="robots" content="noindex">`)) && bytes.Contains(data, []byte(`http-equiv="refresh"`))
}

var jsonLDScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestEveryPageCarriesParsableJSONLD checks that the structured data of
// package schema reaches every page of the example site intact: one
// script element that parses as JSON-LD with a schema.org context and the
// page's own node.
func TestEveryPageCarriesParsableJSONLD(t *testing.T) {
	out := buildExample(t)
	pages := 0
	fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, _ := fs.ReadFile(out, p)
		if movedPage(data) {
			return nil
		}
		pages++
		m := jsonLDScript.FindAllSubmatch(data, -1)
		if len(m) != 1 {
			t.Errorf("%s has %d JSON-LD scripts", p, len(m))
			return nil
		}
		var doc struct {
			Context string           `json:"@context"`
			Graph   []map[string]any `json:"@graph"`
		}
		if err := json.Unmarshal(m[0][1], &doc); err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		if doc.Context != "https://schema.org" || len(doc.Graph) == 0 || !strings.HasSuffix(fmt.Sprint(doc.Graph[0]["@id"]), "#webpage") {
			t.Errorf("%s: unexpected JSON-LD %s", p, m[0][1][:min(200, len(m[0][1]))])
		}
		return nil
	})
	if pages < 30 {
		t.Errorf("only %d pages", pages)
	}
}

var (
	titleTag  = regexp.MustCompile(`<title>([^<]*)</title>`)
	metaDesc  = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)
	canonical = regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)
	ogTag     = regexp.MustCompile(`<meta property="og:(title|description|url|type|site_name)" content="([^"]*)">`)
)

// TestSearchEngineBasics checks every page of the example site for what
// search engines read: a unique title and meta description, a canonical
// URL that is the page's own, Open Graph tags, and a sitemap entry whose
// lastmod is the page's last review (or publication) date.
func TestSearchEngineBasics(t *testing.T) {
	out := buildExample(t)
	sitemap, _ := fs.ReadFile(out, "sitemap.xml")
	titles, descs := map[string]string{}, map[string]string{}
	fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, "index.html") {
			return err
		}
		data, _ := fs.ReadFile(out, p)
		if movedPage(data) {
			return nil
		}
		url := "https://www.example.com/" + strings.TrimSuffix(p, "index.html")
		title := titleTag.FindSubmatch(data)
		desc := metaDesc.FindSubmatch(data)
		canon := canonical.FindSubmatch(data)
		if title == nil || desc == nil || len(desc[1]) == 0 {
			t.Errorf("%s: title %q, description %q", p, title, desc)
			return nil
		}
		if other, dup := titles[string(title[1])]; dup {
			t.Errorf("%s and %s share the title %q", p, other, title[1])
		}
		if other, dup := descs[string(desc[1])]; dup {
			t.Errorf("%s and %s share the description %q", p, other, desc[1])
		}
		titles[string(title[1])], descs[string(desc[1])] = p, p
		if canon == nil || string(canon[1]) != url {
			t.Errorf("%s: canonical %q, want %q", p, canon, url)
		}
		og := map[string]string{}
		for _, m := range ogTag.FindAllSubmatch(data, -1) {
			og[string(m[1])] = string(m[2])
		}
		if og["url"] != url || og["title"] == "" || og["description"] == "" || og["type"] == "" || og["site_name"] == "" {
			t.Errorf("%s: Open Graph tags %v", p, og)
		}
		if !strings.Contains(string(sitemap), "<loc>"+url+"</loc>") {
			t.Errorf("%s is not in sitemap.xml", url)
		}
		return nil
	})
	if len(titles) < 35 {
		t.Errorf("only %d pages checked", len(titles))
	}
	// The condition's lastmod is its last review.
	if !strings.Contains(string(sitemap), "<loc>https://www.example.com/conditions/lumbar-disc-herniation/</loc>\n    <lastmod>2026-04-14</lastmod>") {
		t.Error("sitemap lastmod is not the last review date")
	}
}

func TestSecurityHeadersFile(t *testing.T) {
	out := build(t, practice, Options{})
	sitetest.Contains(t, out, "_headers", "/*\n",
		"  Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'none'; form-action 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'\n",
		"  Referrer-Policy: strict-origin-when-cross-origin\n", "  X-Content-Type-Options: nosniff\n", "  Permissions-Policy: camera=()")
	allowed := strings.Replace(practice, "base_url: https://example.com/\n", "base_url: https://example.com/\nprivacy: {allowed_hosts: [booking.example.net]}\n", 1)
	out = build(t, allowed, Options{})
	sitetest.Contains(t, out, "_headers", "script-src 'self' https://booking.example.net;", "frame-src https://booking.example.net;", "form-action 'self' https://booking.example.net;")
}

// TestBuildNeverPublishesEditorFiles builds a site littered with editors'
// temporary, swap and backup files, in content/ and among the theme's
// static files: none is published (the one list is sitefs.Ignored).
func TestBuildNeverPublishesEditorFiles(t *testing.T) {
	temps := []string{"about.md.save", "about.md.save.1", "about.md___jb_old___", "about.md___jb_tmp___",
		"about.md~", "#about.md#", ".#about.md", ".about.md.swp", "about.md.swo", "4913", "5036",
		"about.md.tmp", "about.md.crswap", "about.md.kate-swp", "sedK3xZ9q", ".DS_Store", "_notes.md"}
	archive := "-- site.yaml --\ntitle: T\nbase_url: https://example.com/\n-- content/about.md --\n---\ntitle: About\n---\nHello.\n"
	for _, name := range temps {
		archive += "-- content/" + name + " --\nleft by an editor\n"
		archive += "-- themes/default/static/css/" + name + " --\nleft by an editor\n"
	}
	out := build(t, archive, Options{})
	fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			for _, name := range temps {
				if path.Base(p) == name {
					t.Errorf("published %s", p)
				}
			}
		}
		return nil
	})
	sitetest.Contains(t, out, "about/index.html", "Hello.")
}

// TestStrayThemeFoldersWarn builds a site whose theme overrides sit in
// folders Lumen does not read: the build succeeds and warns of each,
// suggesting the folder meant.
func TestStrayThemeFoldersWarn(t *testing.T) {
	src, _ := sitetest.Parse(`
-- site.yaml --
title: T
base_url: https://example.com/
-- content/about.md --
---
title: About
---
-- themes/default/layout/page.html --
{{define "main"}}<h1>Mine</h1>{{end}}
-- themes/default/layouts/partial/card.html --
<p>card</p>
-- themes/default/static/css/extra.css --
p { margin: 0 }
`)
	res, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), Out: output.NewMem()})
	if err != nil {
		t.Fatal(err)
	}
	got := diagText(res.Findings.Warnings())
	for _, want := range []string{
		"themes/default/layout/: warning: Lumen does not read this folder of the theme, so its files change nothing [theme]\n    hint: put templates in themes/default/layouts/ (partials in layouts/partials/) and files to publish in themes/default/static/; did you mean layouts/?",
		"themes/default/layouts/partial/: warning: Lumen does not read this folder of the theme",
		"did you mean layouts/partials/?",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "static") && strings.Contains(got, "themes/default/static/:") {
		t.Errorf("a folder Lumen reads was warned of:\n%s", got)
	}
	// lumen check, which prints the Report, sees them too.
	if report := diagText(res.Report.All().Warnings()); report != got {
		t.Errorf("the report's warnings:\n%s\nthe build's:\n%s", report, got)
	}
}

// TestRawFilesThatAreSafePublish builds a site with files published as
// they are that run no script and load nothing from elsewhere, and a
// JavaScript file allowed on purpose: all are published.
func TestRawFilesThatAreSafePublish(t *testing.T) {
	out := build(t, `
-- site.yaml --
title: T
base_url: https://example.com/
privacy:
  allowed_scripts: [widgets/booking.js]
-- content/about.md --
---
title: About
---
Hello.
-- content/old/leaflet.html --
<!doctype html><html lang="en"><head><title>Leaflet</title><link rel="stylesheet" href="/css/main.css"></head>
<body><h1>Leaflet</h1><img src="/images/a.png" alt="A spine"><a href="https://www.nhs.uk/">NHS</a></body></html>
-- content/images/spine.svg --
<svg xmlns="http://www.w3.org/2000/svg"><title>A spine</title><rect width="10" height="10"/></svg>
-- content/widgets/booking.js --
console.log("booking")
`, Options{})
	for _, name := range []string{"old/leaflet.html", "images/spine.svg", "widgets/booking.js"} {
		if _, err := fs.Stat(out, name); err != nil {
			t.Errorf("%s was not published: %v", name, err)
		}
	}
}

// TestLinksToThemeFiles links from a page to files of the theme, which
// are published at the site's root like the content's files.
func TestLinksToThemeFiles(t *testing.T) {
	out := build(t, `
-- site.yaml --
title: T
base_url: https://example.com/
-- content/about.md --
---
title: About
---
Our [stylesheet](/css/main.css) and [icon](/favicon.svg) are the theme's.
`, Options{})
	sitetest.Contains(t, out, "about/index.html", `href="/css/main.css"`, `href="/favicon.svg"`)
}

// TestSlowPageWarns builds a long page with limits.slow_page_ms set so
// low that making it takes longer: the build succeeds and warns of the
// page, saying how long each part took.
func TestSlowPageWarns(t *testing.T) {
	archive := "-- site.yaml --\ntitle: T\nbase_url: https://example.com/\nlimits: {slow_page_ms: 1}\n" +
		"-- content/long.md --\n---\ntitle: Long\n---\n" +
		strings.Repeat("We see people with back pain. Most get better in a few weeks. Rest a little and keep moving.\n\n", 3000)
	src, _ := sitetest.Parse(archive)
	res, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), Out: output.NewMem()})
	if err != nil {
		t.Fatal(err)
	}
	got := diagText(res.Findings.Warnings())
	if !regexp.MustCompile(`content/long.md: warning: making this page took [0-9.]+m?s: its Markdown [0-9.µm]+s, its templates [0-9.µm]+s, its checks [0-9.µm]+s \[slow\]`).MatchString(got) {
		t.Errorf("no warning of the slow page:\n%s", got)
	}
}

// TestAliasesAndRedirects builds a site whose pages have old addresses
// and whose site.yaml redirects others, one through an alias: _redirects
// lists each, under the site's path, at the end of its chain, and a page
// at each old address sends the reader on.
func TestAliasesAndRedirects(t *testing.T) {
	out := build(t, `
-- site.yaml --
title: T
base_url: https://example.org/clinic/
redirects:
  - {from: /leg-pain-guide/, to: /leg-pain/}
  - {from: /nhs/, to: "https://www.nhs.uk/conditions/sciatica/"}
-- content/conditions/sciatica.md --
---
title: Sciatica
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-02-01
aliases: [/leg-pain/, /conditions/sciatic-pain]
summary: Rest helps.
key_points: [Rest helps.]
---
Leg pain from a pinched nerve.
-- content/providers/dr-a.md --
---
title: Dr. A
---
`, Options{})
	sitetest.Contains(t, out, "_redirects",
		"/clinic/conditions/sciatic-pain/ /clinic/conditions/sciatica/ 301\n",
		"/clinic/leg-pain-guide/ /clinic/conditions/sciatica/ 301\n", // through the alias /leg-pain/
		"/clinic/leg-pain/ /clinic/conditions/sciatica/ 301\n",
		"/clinic/nhs/ https://www.nhs.uk/conditions/sciatica/ 301\n")
	sitetest.Contains(t, out, "leg-pain/index.html",
		`<meta name="robots" content="noindex">`,
		`<link rel="canonical" href="https://example.org/clinic/conditions/sciatica/">`,
		`<meta http-equiv="refresh" content="0; url=/clinic/conditions/sciatica/">`,
		`<a href="/clinic/conditions/sciatica/">Sciatica</a>`)
	sitetest.Contains(t, out, "nhs/index.html", `content="0; url=https://www.nhs.uk/conditions/sciatica/"`)
}

// TestNoticesShowBetweenTheirDates builds a site with a notice whose dates
// include the build day and one whose dates do not: the first is on every
// page, the second on none; and the build day's next change is when the
// second starts.
func TestNoticesShowBetweenTheirDates(t *testing.T) {
	archive := `
-- site.yaml --
title: T
base_url: https://example.com/
notices:
  - {text: "We are closed on December 24 and 25.", link: /contact/, starts: 2026-12-20, ends: 2026-12-25}
  - {text: "Our Riverton clinic opens on Saturdays from January.", starts: 2027-01-02}
-- content/contact.md --
---
title: Contact
---
Call us.
-- content/conditions/sciatica.md --
---
title: Sciatica
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-06-01
summary: Rest helps.
key_points: [Rest helps.]
---
Leg pain.
-- content/providers/dr-a.md --
---
title: Dr. A
---
`
	today := time.Date(2026, 12, 22, 9, 0, 0, 0, time.UTC)
	out := build(t, archive, Options{Today: today})
	pages := 0
	fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		sitetest.Contains(t, out, p,
			`<section class="site-notice" aria-label="Notice from the practice">`,
			`We are closed on December 24 and 25. <a href="/contact/">Read more about this notice</a>`,
			"! Riverton clinic opens")
		return nil
	})
	if pages < 5 {
		t.Errorf("only %d pages", pages)
	}
	after := build(t, archive, Options{Today: today.AddDate(0, 0, 4)}) // December 26
	sitetest.Contains(t, after, "index.html", "! We are closed", "! site-notice")

	src, _ := sitetest.Parse(archive)
	res, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	day, what, ok := res.Site.Config.NextNoticeChange(today)
	if !ok || day.Format("2006-01-02") != "2026-12-26" || !strings.Contains(what, "take down") {
		t.Errorf("next change %v %q %v, want 2026-12-26, to take down the first notice", day, what, ok)
	}
}

// TestInsuranceIsShownWhereItIsStated lists the practice's insurance
// plans on its location pages and its appointments page, and in the
// location's structured data, and nowhere else.
func TestInsuranceIsShownWhereItIsStated(t *testing.T) {
	out := build(t, `
-- site.yaml --
title: T
base_url: https://example.com/
practice:
  appointment_url: /appointments/
  insurance: [Medicare, Blue Cross PPO]
-- content/appointments.md --
---
title: Make an appointment
---
Call us.
-- content/about.md --
---
title: About
---
Hello.
-- content/locations/main.md --
---
title: Main office
phone: "(555) 010-0100"
---
`, Options{})
	for _, p := range []string{"appointments/index.html", "locations/main/index.html"} {
		sitetest.Contains(t, out, p, `<h2 id="insurance">Insurance we accept</h2>`, "<li>Medicare</li>", "<li>Blue Cross PPO</li>")
	}
	sitetest.Contains(t, out, "about/index.html", "! Insurance we accept")
	sitetest.Contains(t, out, "locations/main/index.html", `"healthPlanNetworkId":["Medicare","Blue Cross PPO"]`)
}

// TestBrandStylesheet checks that a site sets its colours and fonts in one
// small file of its own, css/brand.css in its theme folder, which every
// page links after the theme's stylesheet, fingerprinted; a site without
// one links none.
func TestBrandStylesheet(t *testing.T) {
	site := "-- site.yaml --\ntitle: T\nbase_url: https://example.com/\n-- content/about.md --\n---\ntitle: About\n---\nHello.\n"
	with := build(t, site+"-- themes/default/static/css/brand.css --\n:root { --accent: #5b2a86; --font: Georgia, serif; }\n", Options{})
	page, err := fs.ReadFile(with, "about/index.html")
	if err != nil {
		t.Fatal(err)
	}
	link := regexp.MustCompile(`<link rel="stylesheet" href="/css/brand\.[0-9a-f]{8}\.css">`)
	main := strings.Index(string(page), `href="/css/main.`)
	if at := link.FindIndex(page); at == nil || main < 0 || at[0] < main {
		t.Errorf("the page does not link css/brand.css after the theme's stylesheet:\n%s", page)
	}
	without := build(t, site, Options{})
	page, _ = fs.ReadFile(without, "about/index.html")
	if strings.Contains(string(page), "brand.") {
		t.Error("a site without css/brand.css links one")
	}
}
