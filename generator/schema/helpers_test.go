package schema

import (
	"bytes"
	"encoding/json"
	"html"
	"html/template"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/internal/sitetest"
)

// testSite has a page of every kind, with the front matter that feeds
// JSON-LD.
const testSite = `
-- site.yaml --
title: Test Spine
description: Back care in Testville.
base_url: https://example.com/
language: en-US
practice:
  name: Test Spine & Pain
  tagline: Care for backs
  phone: "(555) 010-0100"
  email: hello@example.com
-- content/conditions/sciatica.md --
---
title: Sciatica
description: Leg pain from a pinched nerve.
summary: A pinched nerve in the low back causes pain down one leg.
also_known_as: [Pinched nerve, Radiculopathy]
symptoms: [Leg pain, Numbness in the foot]
causes: [A slipped disc]
risk_factors: [Smoking]
complications: [Weakness in the leg that lasts]
prevention: [Keep active, Lift with your knees bent]
self_care: {do: [Keep moving], dont: [Stay in bed]}
diagnosis: [Talk about your symptoms, MRI scan]
treatments:
  - Physical therapy. Exercises to move better.
  - Rest for a day or two
procedures: [discectomy]
icd10: [M54.16, M51.26]
anatomy: Lumbar spine
author: jordan-lee
reviewed_by: dr-ortiz
date: 2025-01-10
last_reviewed: 2026-01-31
references:
  - {title: NICE NG59, url: "https://www.nice.org.uk/guidance/ng59"}
  - {title: Deyo 2016, doi: 10.1056/NEJMcp1512658}
  - {title: A trial, pmid: "12345678"}
key_points: [Rest helps.]
---
-- content/procedures/discectomy.md --
---
title: Discectomy
summary: The doctor removes the piece of disc.
procedure_type: surgical
treats: [sciatica]
not_for: [People whose pain is mostly in the back]
outcomes:
  - text: About 8 in 10 people have less leg pain a year later.
    source: {title: SPORT, doi: 10.1001/jama.296.20.2441}
before: [Stop eating 6 hours before, Arrange a ride home.]
during: [You lie on your stomach, The doctor removes the piece of disc]
after: [You rest for an hour]
recovery:
  - {when: Same day, what: You go home.}
  - {when: 6 weeks, what: Back to work.}
author: dr-ortiz
reviewed_by: dr-ortiz
last_reviewed: 2026-01-01
key_points: [Rest helps.]
aftercare_warnings: [A fever.]
---
-- content/procedures/esi.md --
---
title: Epidural steroid injection
procedure_type: injection
treats: [sciatica]
author: dr-ortiz
reviewed_by: dr-ortiz
last_reviewed: 2026-01-01
summary: Rest helps.
key_points: [Rest helps.]
aftercare_warnings: [A fever.]
---
-- content/procedures/scan.md --
---
title: Nerve test
procedure_type: diagnostic
author: dr-ortiz
reviewed_by: dr-ortiz
last_reviewed: 2026-01-01
summary: Rest helps.
key_points: [Rest helps.]
aftercare_warnings: [A fever.]
---
-- content/faqs/basics.md --
---
title: Back pain basics
about: [sciatica, esi]
author: dr-ortiz
reviewed_by: dr-ortiz
last_reviewed: 2026-02-01
questions:
  - {question: "Should I rest?", answer: "No. Keep **moving**."}
  - {question: "Is a <slipped> disc & a pinched nerve the same?", answer: "Not [always](/conditions/sciatica/)."}
summary: Rest helps.
---
-- content/providers/dr-ortiz.md --
---
title: Dr. Maya Ortiz
credentials: [M.D., Board certified in Pain Medicine]
role: Pain physician
specialties: [Pain medicine, Spinal injections]
languages: [English, Spanish]
accepting_new_patients: false
npi: "1048729135"
photo: ortiz.jpg
photo_alt: Dr. Ortiz
locations: [main]
---
-- content/providers/jordan-lee.md --
---
title: Jordan Lee, NP
credentials: [NP]
role: Nurse practitioner
specialties: [Pain medicine]
languages: [English]
accepting_new_patients: true
npi: "1726395043"
locations: [main, north]
---
-- content/providers/ortiz.jpg --
jpeg
-- content/locations/main.md --
---
title: Main Clinic
summary: Our main clinic.
address: {street: 1 Main St, city: Testville, region: OR, postal_code: "97000", country: US}
phone: "(555) 010-0101"
email: main@example.com
directions_url: https://www.openstreetmap.org/search?query=1%20Main%20St
geo: {lat: 44.05, lng: -123.08}
hours:
  - {days: Monday–Friday, opens: "08:00", closes: "17:00"}
  - {days: Saturday, opens: "09:00", closes: "12:00"}
  - {days: Public holidays by arrangement, opens: "10:00", closes: "11:00"}
---
-- content/locations/north.md --
---
title: North Clinic
---
-- content/articles/scope/index.md --
---
title: Why scopes help
summary: Small cuts, quick recovery.
date: 2026-02-16
image: scope.svg
image_alt: An endoscope
author: dr-ortiz
reviewed_by: jordan-lee
last_reviewed: 2026-03-01
tags: [Back Pain]
---
-- content/articles/scope/scope.svg --
<svg/>
-- content/articles/news.md --
---
title: We moved
date: 2025-05-01
---
-- content/about.md --
---
title: About us
---
`

// build returns the site graph of archive, with every FAQ answer rendered
// as the Markdown renderer would: a paragraph of escaped text.
func build(t *testing.T, archive string) *site.Site {
	t.Helper()
	fsys, _ := sitetest.Parse(archive)
	return buildFS(t, fsys)
}

// buildFS returns the site graph of the site in fsys, answers rendered as
// build does.
func buildFS(t *testing.T, fsys fs.FS) *site.Site {
	t.Helper()
	return buildWith(t, fsys, renderAnswers)
}

// buildWith returns the site graph of the site in fsys, its pages'
// Markdown converted by conv.
func buildWith(t *testing.T, fsys fs.FS, conv site.Converter) *site.Site {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	set, errs := content.Load(fsys, content.Options{Languages: cfg.OtherLanguageCodes()})
	if errs != nil {
		t.Fatal(errs)
	}
	s, errs := site.New(cfg, set, site.Options{Convert: conv})
	if errs != nil {
		t.Fatal(errs)
	}
	return s
}

// renderAnswers stands in for the Markdown renderer on FAQ pages.
func renderAnswers(_ *site.Site, p *site.Page) *site.Body {
	b := &site.Body{}
	if m, ok := p.Meta.(*content.FAQ); ok {
		for _, q := range m.Questions {
			b.Answers = append(b.Answers, template.HTML("<p>"+html.EscapeString(q.Answer)+"</p>\n"))
		}
	}
	return b
}

// obj is a decoded JSON object.
type obj = map[string]any

// doc is a decoded JSON-LD document with its graph indexed by @id.
type doc struct {
	raw   []byte
	graph []obj
	byID  map[string]obj
}

// render returns the JSON-LD of the page at url, decoded, after checking
// what every document must be.
func render(t *testing.T, s *site.Site, url string) *doc {
	t.Helper()
	p := s.PageAt(url)
	if p == nil {
		t.Fatalf("no page at %s", url)
	}
	return renderPage(t, s, p)
}

func renderPage(t *testing.T, s *site.Site, p *site.Page) *doc {
	t.Helper()
	raw, err := Page(s, p)
	if err != nil {
		t.Fatalf("%s: %v", p.URL, err)
	}
	var top obj
	if err := json.Unmarshal(raw, &top); err != nil {
		t.Fatalf("%s: invalid JSON: %v\n%s", p.URL, err, raw)
	}
	if top["@context"] != Context {
		t.Errorf("%s: @context = %v", p.URL, top["@context"])
	}
	nodes, ok := top["@graph"].([]any)
	if !ok || len(nodes) == 0 {
		t.Fatalf("%s: no @graph", p.URL)
	}
	d := &doc{raw: raw, byID: map[string]obj{}}
	for _, n := range nodes {
		o, ok := n.(obj)
		if !ok {
			t.Fatalf("%s: graph node %v is not an object", p.URL, n)
		}
		id, _ := o["@id"].(string)
		if id == "" || len(typesOf(o)) == 0 {
			t.Errorf("%s: graph node without @id or @type: %v", p.URL, o)
		}
		if d.byID[id] != nil {
			t.Errorf("%s: two nodes with @id %s", p.URL, id)
		}
		d.byID[id] = o
		d.graph = append(d.graph, o)
	}
	checkEverywhere(t, p.URL, top)
	if again, _ := Page(s, p); !bytes.Equal(raw, again) {
		t.Errorf("%s: output differs between two calls", p.URL)
	}
	if bytes.ContainsAny(raw, "<>\n") {
		t.Errorf("%s: output has a raw <, > or newline: %s", p.URL, raw)
	}
	return d
}

var isoDatePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkEverywhere walks the whole document: no aggregateRating or review,
// dates in ISO 8601, URLs and @ids absolute.
func checkEverywhere(t *testing.T, page string, v any) {
	t.Helper()
	walk(v, func(key string, val any) {
		switch key {
		case "aggregateRating", "review", "reviews":
			t.Errorf("%s: has %s", page, key)
		case "datePublished", "dateModified", "lastReviewed":
			if s, _ := val.(string); !isoDatePattern.MatchString(s) {
				t.Errorf("%s: %s %v is not an ISO 8601 date", page, key, val)
			}
		case "@id", "url", "item", "image", "hasMap", "mainEntityOfPage":
			if s, ok := val.(string); ok && !isAbsolute(s) {
				t.Errorf("%s: %s %q is not an absolute URL", page, key, s)
			}
		}
	})
}

func isAbsolute(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// walk calls fn for every key and value of every object in v.
func walk(v any, fn func(key string, val any)) {
	switch x := v.(type) {
	case obj:
		for k, val := range x {
			fn(k, val)
			walk(val, fn)
		}
	case []any:
		for _, val := range x {
			walk(val, fn)
		}
	}
}

// refs returns every @id referred to in the document: objects with an
// @id that are not graph nodes.
func (d *doc) refs() []string {
	var out []string
	for _, n := range d.graph {
		for k, v := range n {
			if k == "@id" {
				continue
			}
			walk(obj{"": v}, func(_ string, val any) {
				if o, ok := val.(obj); ok {
					if id, ok := o["@id"].(string); ok {
						out = append(out, id)
					}
				}
			})
		}
	}
	return out
}

// typesOf returns the @type of o as a list.
func typesOf(o obj) []string {
	switch t := o["@type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

func hasType(o obj, want string) bool {
	for _, t := range typesOf(o) {
		if t == want {
			return true
		}
	}
	return false
}

// ofType returns the graph nodes of type want.
func (d *doc) ofType(want string) []obj {
	var out []obj
	for _, n := range d.graph {
		if hasType(n, want) {
			out = append(out, n)
		}
	}
	return out
}

// node returns the graph node with @id id, failing the test without one.
func (d *doc) node(t *testing.T, id string) obj {
	t.Helper()
	n := d.byID[id]
	if n == nil {
		t.Fatalf("no node %s in %s", id, d.raw)
	}
	return n
}

// list returns o[key] as a list of objects; a single object is a list of
// one.
func list(o obj, key string) []obj {
	switch v := o[key].(type) {
	case obj:
		return []obj{v}
	case []any:
		var out []obj
		for _, x := range v {
			if m, ok := x.(obj); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// strs returns o[key] as a list of strings.
func strs(o obj, key string) []string {
	switch v := o[key].(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

// ids returns the @ids of objs.
func ids(objs []obj) []string {
	var out []string
	for _, o := range objs {
		id, _ := o["@id"].(string)
		out = append(out, id)
	}
	return out
}

func names(objs []obj) []string {
	var out []string
	for _, o := range objs {
		n, _ := o["name"].(string)
		out = append(out, n)
	}
	return out
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func eqList(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

// pageNode returns the page's own node, checking the properties every
// page node has.
func (d *doc) pageNode(t *testing.T, s *site.Site, url string) obj {
	t.Helper()
	p := s.PageAt(url)
	wp := d.node(t, p.Permalink+"#webpage")
	eq(t, url+" url", wp["url"], any(p.Permalink))
	eq(t, url+" name", wp["name"], any(p.Title()))
	eq(t, url+" inLanguage", wp["inLanguage"], any("en-US"))
	part := list(wp, "isPartOf")
	if len(part) != 1 || part[0]["@id"] != "https://example.com/#website" || !hasType(part[0], "WebSite") && url != "/" {
		t.Errorf("%s: isPartOf = %v", url, wp["isPartOf"])
	}
	return wp
}

// breadcrumbs checks the page's BreadcrumbList and returns its names.
func (d *doc) breadcrumbs(t *testing.T, s *site.Site, url string) []string {
	t.Helper()
	p := s.PageAt(url)
	wp := d.node(t, p.Permalink+"#webpage")
	bc := list(wp, "breadcrumb")
	if len(bc) != 1 {
		t.Fatalf("%s: breadcrumb = %v", url, wp["breadcrumb"])
	}
	bl := d.node(t, bc[0]["@id"].(string))
	if !hasType(bl, "BreadcrumbList") {
		t.Errorf("%s: breadcrumb node is %v", url, typesOf(bl))
	}
	var out []string
	items := list(bl, "itemListElement")
	for i, it := range items {
		eq(t, url+" crumb type", hasType(it, "ListItem"), true)
		eq(t, url+" crumb position", it["position"], any(float64(i+1)))
		out = append(out, it["name"].(string))
	}
	if n := len(items); n == 0 || items[n-1]["item"] != p.Permalink || items[n-1]["name"] != p.Title() {
		t.Errorf("%s: the last crumb is not the page: %v", url, items)
	}
	return out
}

// allIDs returns the graph @ids of every page of s.
func allIDs(t *testing.T, s *site.Site) map[string]bool {
	all := map[string]bool{}
	for _, p := range s.Pages {
		for id := range renderPage(t, s, p).byID {
			all[id] = true
		}
	}
	return all
}
