package generator

import (
	"context"
	"maps"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// TestRecordStream hands the records of the small practice's pages to a
// recordStream in a random order, as a Pass's workers do: it writes each
// file of records once, as soon as its records are in, with the bytes
// search.Build writes for them; it lets go of their snippets after; and a
// page with a record missing stops it.
func TestRecordStream(t *testing.T) {
	src, _ := sitetest.Parse(practice)
	res, err := Build(context.Background(), Options{Source: src, Theme: themes.Default(), BaseURL: "https://example.com/clinic/"})
	if err != nil {
		t.Fatal(err)
	}
	ix := &searchIndex{site: res.Site, folder: "search"}
	const base = "/clinic/"
	// Records of each page, as many as its front matter gives, each with
	// a snippet of its own.
	records := func() (map[*site.Page][]search.Doc, []search.Doc) {
		byPage := map[*site.Page][]search.Doc{}
		var all []search.Doc
		for _, p := range ix.site.Pages {
			if !p.Searchable() {
				continue
			}
			docs := make([]search.Doc, search.Count(p))
			for j := range docs {
				docs[j] = search.Doc{URL: p.URL + "#" + strconv.Itoa(j), Title: p.Title(), Kind: "Page", Snippet: "Snippet of " + p.URL + " " + strconv.Itoa(j)}
			}
			byPage[p] = docs
			all = append(all, docs...)
		}
		return byPage, all
	}
	byPage, all := records()
	ix.layout = search.Layout{Records: len(all), Folder: ix.folder}
	want := map[string]string{}
	err = search.Build(search.NewAnalyzer(), "search", all, nil, base, func(name string, data []byte) error {
		if strings.HasPrefix(name, "search/r/") {
			want[name] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 2 {
		t.Fatalf("the practice's index has %d files of records; the test wants two or more", len(want))
	}

	for seed := range uint64(5) {
		byPage, _ := records()
		got := map[string]string{}
		s := newRecordStream(ix, base, nil, func(name string, _ [32]byte, data func() []byte) error {
			if _, twice := got[name]; twice {
				t.Errorf("%s written twice", name)
			}
			got[name] = string(data())
			return nil
		})
		pages := make([]*site.Page, 0, len(byPage))
		for p := range byPage {
			pages = append(pages, p)
		}
		rand.New(rand.NewPCG(seed, 1)).Shuffle(len(pages), func(i, j int) { pages[i], pages[j] = pages[j], pages[i] })
		for _, p := range pages {
			if err := s.add(p, byPage[p]); err != nil {
				t.Fatal(err)
			}
		}
		if !maps.Equal(got, want) {
			t.Errorf("seed %d: the stream wrote %d files, not those search.Build writes (%d)", seed, len(got), len(want))
		}
		for name := range want {
			if !s.wrote(name) {
				t.Errorf("seed %d: the stream says it did not write %s", seed, name)
			}
		}
		for p, docs := range byPage {
			for _, d := range docs {
				if d.Snippet != "" {
					t.Errorf("seed %d: %s still holds its snippet", seed, p.URL)
				}
			}
		}
	}

	// A page short of a record stops the stream: its file, and any
	// other not complete yet, are left to the index's own error.
	byPage, _ = records()
	written := 0
	s := newRecordStream(ix, base, nil, func(string, [32]byte, func() []byte) error { written++; return nil })
	first := true
	for _, p := range ix.site.Pages {
		docs, ok := byPage[p]
		if !ok {
			continue
		}
		if first {
			docs, first = docs[:len(docs)-1], false
		}
		if err := s.add(p, docs); err != nil {
			t.Fatal(err)
		}
	}
	if written != 0 {
		t.Errorf("a stream whose first page is short of a record wrote %d files", written)
	}
}
