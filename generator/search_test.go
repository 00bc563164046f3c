package generator

import (
	"context"
	"encoding/json"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// TestSearchIndexesEveryPage builds the small practice and reads its
// search index: a record for each content page and each question of its
// FAQ pages, under the site's path; the search page with its box and the
// A to Z list; the A to Z page with the other names of conditions; and a
// search box in every page's header.
func TestSearchIndexesEveryPage(t *testing.T) {
	for _, base := range []string{"https://example.com/", "https://example.com/clinic/"} {
		out := build(t, practice, Options{BaseURL: base})
		prefix := strings.TrimPrefix(base, "https://example.com")
		src, _ := sitetest.Parse(practice)
		res, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), BaseURL: base})
		if err != nil {
			t.Fatal(err)
		}
		var want []string // the records' addresses, in order
		for _, p := range res.Site.Pages {
			if !p.Searchable() {
				continue
			}
			want = append(want, prefix+strings.TrimPrefix(p.URL, "/"))
		}
		var meta struct{ Records, PerFile int }
		data, err := fs.ReadFile(out, "search/meta.json")
		if err != nil || json.Unmarshal(data, &meta) != nil {
			t.Fatalf("search/meta.json: %v %s", err, data)
		}
		var got []string
		for i := 0; i*meta.PerFile < meta.Records; i++ {
			var recs []struct{ U, T string }
			data, err := fs.ReadFile(out, "search/r/"+strconv.Itoa(i)+".json")
			if err != nil || json.Unmarshal(data, &recs) != nil {
				t.Fatalf("search/r/%d.json: %v", i, err)
			}
			for _, r := range recs {
				got = append(got, r.U)
			}
		}
		if len(got) != meta.Records {
			t.Errorf("%d records in the files, meta.json says %d", len(got), meta.Records)
		}
		pages := 0
		for _, u := range got {
			if strings.Contains(u, "#question-") {
				if !strings.HasPrefix(u, prefix+"faqs/") {
					t.Errorf("question record %s is not on an FAQ page", u)
				}
				continue
			}
			if pages >= len(want) || u != want[pages] {
				t.Errorf("record %d is %s, want the pages in order: %v", pages, u, want)
				break
			}
			pages++
		}
		if pages != len(want) || len(got) == len(want) {
			t.Errorf("%d page records of %d, %d records in all: the FAQ's questions are records too", pages, len(want), len(got))
		}
		sitetest.Contains(t, out, "search/index.html",
			`<form class="search-form" role="search" action="`+prefix+`search/" method="get" data-lumen-search`,
			`<input id="search-q" type="search"`, `! name="q"`,
			`id="search-results"`, `aria-live="polite"`,
			`<h2 id="search-az">Conditions and treatments from A to Z</h2>`)
		sitetest.Contains(t, out, "conditions/sciatica/index.html",
			`<input id="site-search" type="search"`, `action="`+prefix+`search/"`,
			`<script src="`+prefix+`js/search.`)
		sitetest.Contains(t, out, "conditions/index.html", `<a href="`+prefix+`a-z/">All conditions and treatments from A to Z</a>`)
	}
}

// TestSearchCanBeTurnedOff builds the practice with search: {disabled:
// true}: no search page, index, script or header box; the A to Z page
// stays, without its link to the search.
func TestSearchCanBeTurnedOff(t *testing.T) {
	out := build(t, strings.Replace(practice, "-- site.yaml --\n", "-- site.yaml --\nsearch: {disabled: true}\n", 1), Options{})
	if matches, _ := fs.Glob(out, "search/*"); len(matches) > 0 {
		t.Errorf("search files with search disabled: %v", matches)
	}
	sitetest.Contains(t, out, "conditions/sciatica/index.html", `! type="search"`, `! js/search.`)
	sitetest.Contains(t, out, "a-z/index.html", `Conditions and treatments from A to Z`, `! search the site`)
}

// TestSearchFindsAnEditInServe reads the index lumen serve serves from a
// Snapshot, edits a page's title, and finds the new title in the next
// Snapshot's index.
func TestSearchFindsAnEditInServe(t *testing.T) {
	src, _ := sitetest.Parse(practice)
	b := NewBuilder(Options{Source: src, Theme: themes.Default()})
	title := func() string {
		snap, _, err := b.Prepare(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, name := range snap.Names() {
			if strings.HasPrefix(name, "search/r/") {
				data, err := snap.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				all.Write(data)
			}
		}
		return all.String()
	}
	if !strings.Contains(title(), `"t":"Sciatica"`) {
		t.Fatal("the index lacks the page's title")
	}
	file := src["content/conditions/sciatica.md"]
	file.Data = []byte(strings.Replace(string(file.Data), "title: Sciatica", "title: Sciatica and leg pain", 1))
	b.Changed("content/conditions/sciatica.md")
	if !strings.Contains(title(), `"t":"Sciatica and leg pain"`) {
		t.Error("the edited title is not in the index of the next snapshot")
	}
}
