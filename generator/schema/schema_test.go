package schema

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/site"
)

func TestEveryReferenceResolves(t *testing.T) {
	s := build(t, testSite)
	all := allIDs(t, s)
	for _, p := range s.Pages {
		d := renderPage(t, s, p)
		for _, id := range d.refs() {
			if !all[id] {
				t.Errorf("%s refers to %s, which no page describes", p.URL, id)
			}
		}
	}
}

func TestHome(t *testing.T) {
	s := build(t, testSite)
	d := render(t, s, "/")
	wp := d.pageNode(t, s, "/")
	eqList(t, "type", typesOf(wp), "WebPage")
	if wp["breadcrumb"] != nil || len(d.ofType("BreadcrumbList")) != 0 {
		t.Error("the home page shows no breadcrumb, so it has no BreadcrumbList")
	}
	site := d.node(t, "https://example.com/#website")
	eqList(t, "website type", typesOf(site), "WebSite")
	eq(t, "website name", site["name"], any("Test Spine"))
	eq(t, "website url", site["url"], any("https://example.com/"))
	o := d.node(t, "https://example.com/#organization")
	eqList(t, "organization type", typesOf(o), "MedicalOrganization")
	eq(t, "name", o["name"], any("Test Spine & Pain"))
	eq(t, "slogan", o["slogan"], any("Care for backs"))
	eq(t, "telephone", o["telephone"], any("(555) 010-0100"))
	eq(t, "email", o["email"], any("hello@example.com"))
	eqList(t, "location", ids(list(o, "location")),
		"https://example.com/locations/main/#clinic", "https://example.com/locations/north/#clinic")
	eqList(t, "about", ids(list(wp, "about")), "https://example.com/#organization")
}

func TestListAndPlainPages(t *testing.T) {
	s := build(t, testSite)
	tests := []struct{ url, typ, crumbs string }{
		{"/conditions/", "CollectionPage", "Home, Conditions we treat"},
		{"/tags/", "CollectionPage", "Home, Topics"},
		{"/tags/back-pain/", "CollectionPage", "Home, Topics, Back Pain"},
		{"/about/", "WebPage", "Home, About us"},
	}
	for _, tt := range tests {
		d := render(t, s, tt.url)
		wp := d.pageNode(t, s, tt.url)
		eqList(t, tt.url+" type", typesOf(wp), tt.typ)
		eq(t, tt.url+" breadcrumbs", strings.Join(d.breadcrumbs(t, s, tt.url), ", "), tt.crumbs)
		if len(d.graph) != 2 {
			t.Errorf("%s: graph has %d nodes, want the page and its breadcrumbs", tt.url, len(d.graph))
		}
	}
	// The 404 page, as package generator makes it.
	nf := &site.Page{Kind: "404", URL: "/404.html", Permalink: s.Permalink("/404.html"),
		Meta:        &content.Plain{Common: content.Common{Title: "Page not found"}},
		Breadcrumbs: []*site.Page{s.Home}}
	d := renderPage(t, s, nf)
	eqList(t, "404 type", typesOf(d.node(t, "https://example.com/404.html#webpage")), "WebPage")
}

func TestScriptSafe(t *testing.T) {
	s := build(t, strings.Replace(testSite, "title: About us", `title: "About </script><script>alert(1)</script> & more"`, 1))
	p := s.PageAt("/about/")
	raw, err := Page(s, p)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(bytes.ToLower(raw), []byte("</script")) || bytes.ContainsAny(raw, "<>&") {
		t.Errorf("output is not safe in a script element: %s", raw)
	}
	d := renderPage(t, s, p)
	eq(t, "title round trip", d.node(t, p.Permalink+"#webpage")["name"], any(p.Title()))
}

// TestTypesJSON holds the quick way @type is written to encoding/json's.
func TestTypesJSON(t *testing.T) {
	for _, tt := range []types{nil, {}, {"WebPage"}, {"MedicalWebPage", "FAQPage"}, {"A"}, {""}, {"Web Page"}, {"Ω"}, {"a<b"}, {"x", "y", "z"}, {"@"}, {"["}} {
		got, err := tt.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var want []byte
		if len(tt) == 1 {
			want, _ = json.Marshal(tt[0])
		} else {
			want, _ = json.Marshal([]string(tt))
		}
		if string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", []string(tt), got, want)
		}
	}
}
