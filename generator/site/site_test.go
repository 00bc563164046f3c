package site

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/internal/sitetest"
)

func TestURLFor(t *testing.T) {
	tests := []struct{ rel, slug, want string }{
		{"conditions/sciatica.md", "", "/conditions/sciatica/"},
		{"conditions/sciatica.md", "leg-pain", "/conditions/leg-pain/"},
		{"articles/scope/index.md", "", "/articles/scope/"},
		{"articles/scope/index.md", "endoscopy", "/articles/endoscopy/"},
		{"articles/2024/news.md", "", "/articles/2024/news/"},
		{"conditions/_index.md", "", "/conditions/"},
		{"about.md", "", "/about/"},
		{"About Us.md", "", "/about-us/"},
		{"_index.md", "", "/"},
		{"index.md", "", "/"},
		{"Guías/Dolor de Espalda.md", "", "/guias/dolor-de-espalda/"},
	}
	for _, tt := range tests {
		if got := URLFor(tt.rel, tt.slug); got != tt.want {
			t.Errorf("URLFor(%q, %q) = %q, want %q", tt.rel, tt.slug, got, tt.want)
		}
	}
}

const graphSite = `
-- site.yaml --
title: Test
base_url: https://example.com/
-- content/conditions/sciatica.md --
---
title: Sciatica
procedures: [discectomy]
author: dr-b
reviewed_by: dr-a
last_reviewed: 2026-01-31
summary: Rest helps.
key_points: [Rest helps.]
---
-- content/conditions/stenosis.md --
---
title: Stenosis
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-01-01
next_review: 2026-06-01
tags: [Back Pain]
summary: Rest helps.
key_points: [Rest helps.]
---
-- content/procedures/discectomy.md --
---
title: Discectomy
treats: [stenosis]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-01-01
summary: Rest helps.
key_points: [Rest helps.]
aftercare_warnings: [A fever.]
---
-- content/procedures/rfa.md --
---
title: RFA
slug: radiofrequency-ablation
treats: [sciatica]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-01-01
tags: [back pain, nerves]
summary: Rest helps.
key_points: [Rest helps.]
aftercare_warnings: [A fever.]
---
-- content/faqs/questions.md --
---
title: Questions
about: [sciatica, rfa]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-01-01
questions: [{question: q, answer: a}]
summary: Rest helps.
---
-- content/providers/dr-a.md --
---
title: Dr. A
locations: [main]
---
-- content/providers/dr-b.md --
---
title: Dr. B
locations: [main]
---
-- content/locations/main.md --
---
title: Main office
---
-- content/articles/scope/index.md --
---
title: Scope
date: 2025-03-01
---
-- content/articles/scope/pic.svg --
<svg/>
-- content/articles/old.md --
---
title: Old news
date: 2020-01-01
---
-- content/images/logo.svg --
<svg/>
-- content/about.md --
---
title: About
---
`

func buildGraph(t *testing.T) *Site {
	t.Helper()
	fsys, _ := sitetest.Parse(graphSite)
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	set, errs := content.Load(fsys, content.Options{})
	if errs != nil {
		t.Fatal(errs)
	}
	s, errs := New(cfg, set, Options{})
	if errs != nil {
		t.Fatal(errs)
	}
	return s
}

func titles(pages []*Page) string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Title())
	}
	return strings.Join(out, ", ")
}

func TestRelationsAreTwoWay(t *testing.T) {
	s := buildGraph(t)
	sciatica := s.PageAt("/conditions/sciatica/")
	stenosis := s.PageAt("/conditions/stenosis/")
	discectomy := s.PageAt("/procedures/discectomy/")
	rfa := s.PageAt("/procedures/radiofrequency-ablation/")
	drA, drB := s.PageAt("/providers/dr-a/"), s.PageAt("/providers/dr-b/")
	main := s.PageAt("/locations/main/")
	faq := s.PageAt("/faqs/questions/")
	checks := []struct{ name, got, want string }{
		{"sciatica procedures", titles(sciatica.Procedures), "Discectomy, RFA"},
		{"stenosis procedures", titles(stenosis.Procedures), "Discectomy"},
		{"discectomy conditions", titles(discectomy.Conditions), "Sciatica, Stenosis"},
		{"rfa conditions", titles(rfa.Conditions), "Sciatica"},
		{"faq about (by file name despite slug)", titles(faq.About), "RFA, Sciatica"},
		{"sciatica faqs", titles(sciatica.FAQs), "Questions"},
		{"rfa faqs", titles(rfa.FAQs), "Questions"},
		{"dr-a reviewed", titles(drA.Reviewed), "Discectomy, Questions, RFA, Sciatica, Stenosis"},
		{"dr-b authored", titles(drB.Authored), "Sciatica"},
		{"main providers", titles(main.Providers), "Dr. A, Dr. B"},
		{"dr-a locations", titles(drA.Locations), "Main office"},
		{"sciatica author", sciatica.Author.Title(), "Dr. B"},
		{"sciatica next review: last + 12 months, clamped", sciatica.NextReview.String(), "2027-01-31"},
		{"stenosis next review as written", stenosis.NextReview.String(), "2026-06-01"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestSectionsTagsAndOrder(t *testing.T) {
	s := buildGraph(t)
	articles := s.PageAt("/articles/")
	if articles == nil || articles.Source != nil || articles.Title() != "Articles" {
		t.Fatalf("made-up articles section: %+v", articles)
	}
	if got := titles(articles.Pages); got != "Scope, Old news" {
		t.Errorf("articles, newest first = %q", got)
	}
	scope, old := s.PageAt("/articles/scope/"), s.PageAt("/articles/old/")
	if scope.Next != old || old.Prev != scope || scope.Prev != nil {
		t.Error("prev/next within the section are wrong")
	}
	if got := titles(old.Breadcrumbs); got != "Test, Articles" {
		t.Errorf("breadcrumbs = %q", got)
	}
	about := s.PageAt("/about/")
	if about.Section != nil || titles(about.Breadcrumbs) != "Test" {
		t.Errorf("a top-level page has section %v and breadcrumbs %q", about.Section, titles(about.Breadcrumbs))
	}
	tag := s.PageAt("/tags/back-pain/")
	if tag == nil || tag.Title() != "Back Pain" || titles(tag.Pages) != "RFA, Stenosis" {
		t.Fatalf("tag page: %+v", tag)
	}
	if got := titles(s.TagIndex.Pages); got != "Back Pain, Nerves" {
		t.Errorf("tag index = %q", got)
	}
	if got := titles(s.OfKind("condition")); got != "Sciatica, Stenosis" {
		t.Errorf("OfKind(condition) = %q", got)
	}
	if got := titles(s.Latest("article", 1)); got != "Scope" {
		t.Errorf("Latest = %q", got)
	}
}

func TestResolve(t *testing.T) {
	s := buildGraph(t)
	tests := []struct{ source, dest, want, err string }{
		{"content/conditions/sciatica.md", "stenosis.md", "/conditions/stenosis/", ""},
		{"content/conditions/sciatica.md", "../procedures/rfa.md", "/procedures/radiofrequency-ablation/", ""},
		{"content/about.md", "conditions/sciatica.md", "/conditions/sciatica/", ""},
		{"content/about.md", "/conditions/sciatica/", "/conditions/sciatica/", ""},
		{"content/about.md", "/conditions/sciatica", "/conditions/sciatica/", ""},
		{"content/about.md", "/conditions/sciatica.md", "/conditions/sciatica/", ""},
		{"content/about.md", "/", "/", ""},
		{"content/about.md", "/images/logo.svg", "/images/logo.svg", ""},
		{"content/articles/scope/index.md", "pic.svg", "/articles/scope/pic.svg", ""},
		{"content/articles/scope/index.md", "../old.md", "/articles/old/", ""},
		{"content/articles/old.md", "../scope/", "/articles/scope/", ""},
		{"content/about.md", "conditions/sciatca.md", "", `no page "content/conditions/sciatca.md" (did you mean content/conditions/sciatica.md?)`},
		{"content/about.md", "/conditions/sciatca/", "", "no page at /conditions/sciatca/ (did you mean /conditions/sciatica/?)"},
		{"content/about.md", "/nothing/here/at/all/", "", "no page at /nothing/here/at/all/"},
		{"content/about.md", "missing.png", "", `no page or file "content/missing.png"`},
	}
	for _, tt := range tests {
		got, err := s.Resolve(tt.source, tt.dest)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Resolve(%q, %q) error = %v, want %q", tt.source, tt.dest, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q", tt.source, tt.dest, got, err, tt.want)
		}
	}
}

func TestCounts(t *testing.T) {
	s := buildGraph(t)
	var got []string
	for _, c := range s.Counts() {
		got = append(got, c.String())
	}
	want := "1 home, 6 sections, 2 articles, 2 conditions, 2 procedures, 1 faq, 2 providers, 1 location, 1 page, 1 tag index, 2 tags, 1 search page, 1 A to Z page"
	if strings.Join(got, ", ") != want {
		t.Errorf("counts:\n got %s\nwant %s", strings.Join(got, ", "), want)
	}
}

// TestLinkedNamesEveryRelation gives every field of a Page that names
// other pages a page of its own, and checks that Linked gives each.
func TestLinkedNamesEveryRelation(t *testing.T) {
	pageType, listType := reflect.TypeFor[*Page](), reflect.TypeFor[[]*Page]()
	var p Page
	v := reflect.ValueOf(&p).Elem()
	want := map[*Page]string{}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		q := &Page{URL: "/" + f.Name + "/"}
		switch f.Type {
		case pageType:
			v.Field(i).Set(reflect.ValueOf(q))
		case listType:
			v.Field(i).Set(reflect.ValueOf([]*Page{q}))
		default:
			continue
		}
		want[q] = f.Name
	}
	if len(want) < 10 {
		t.Fatalf("found only %d relations", len(want))
	}
	p.Linked(func(q *Page) { delete(want, q) })
	for _, name := range want {
		t.Errorf("Linked does not give the page of %s", name)
	}
}
