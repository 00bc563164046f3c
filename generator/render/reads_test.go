package render

import (
	"bytes"
	"crypto/sha256"
	"hash"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/themes"
)

// readsSite is a small site whose articles are neighbours (Prev, Next),
// listed by their section and, the latest, by the home page.
var readsSite = map[string]string{
	"site.yaml":                  "title: Clinic\nbase_url: https://example.com/\n",
	"content/articles/a.md":      "---\ntitle: Article A\ndate: 2026-01-01\ntags: [back]\n---\nText of A.\n",
	"content/articles/b.md":      "---\ntitle: Article B\ndate: 2026-01-02\n---\nText of B.\n",
	"content/articles/c.md":      "---\ntitle: Article C\ndate: 2026-01-03\n---\nText of C.\n",
	"content/articles/d.md":      "---\ntitle: Article D\ndate: 2026-01-04\n---\nText of D.\n",
	"content/articles/e.md":      "---\ntitle: Article E\ndate: 2026-01-05\n---\nText of E.\n",
	"content/services/x.md":      "---\ntitle: Service X\nsummary: A service.\n---\nText of X.\n",
	"content/services/y.md":      "---\ntitle: Service Y\nsummary: A service.\n---\nText of Y.\n",
	"content/about.md":           "---\ntitle: About us\n---\nWho we are.\n",
	"content/articles/_index.md": "---\ntitle: Articles\n---\n",
}

// readsOf returns the SHA-256 of what WriteReads writes of each page of
// the site in files, by URL.
func readsOf(t *testing.T, files map[string]string) map[string][32]byte {
	sums, _, _ := readsAndDeps(t, files)
	return sums
}

// readsAndDeps returns what readsOf does, the Deps of each page, by URL,
// as the names of their pages and parts (partName; nil when they are not
// sure), and the SHA-256 of each part of the site's structure
// (WriteStructure), by name.
func readsAndDeps(t *testing.T, files map[string]string) (sums map[string][32]byte, deps map[string][]string, structure map[string][32]byte) {
	t.Helper()
	s, r := siteOf(t, mapFS(files))
	sums, deps = map[string][32]byte{}, map[string][]string{}
	for _, p := range s.Pages {
		h := sha256.New()
		d, err := r.WriteReads(h, Data{Site: s, Page: p})
		if err != nil {
			t.Fatalf("%s: %v", p.URL, err)
		}
		sums[p.URL] = [32]byte(h.Sum(nil))
		if d.Sure {
			deps[p.URL] = []string{}
			for _, q := range d.Pages {
				deps[p.URL] = append(deps[p.URL], partName(StructurePart{Page: q, Summary: true}))
			}
			for _, part := range d.Structure {
				deps[p.URL] = append(deps[p.URL], partName(part))
			}
		}
	}
	structure = map[string][32]byte{}
	var name string
	var h hash.Hash
	done := func() {
		if h != nil {
			structure[name] = [32]byte(h.Sum(nil))
		}
	}
	err := r.WriteStructure(s, 1, func(_ int, part StructurePart) io.Writer {
		done()
		name, h = partName(part), sha256.New()
		if _, dup := structure[name]; dup {
			t.Errorf("two parts named %s", name)
		}
		return h
	})
	if err != nil {
		t.Fatal(err)
	}
	done()
	return sums, deps, structure
}

// partName names a part of the structure; a page's Summary part names
// the page's summary too, which a content page's file holds.
func partName(part StructurePart) string {
	switch {
	case part.Page != nil && part.Summary:
		return "summary " + part.Page.URL
	case part.Truth:
		part.Truth = false
		return "whether there is " + partName(part)
	case part.Page != nil:
		return "page " + part.Page.URL + " " + part.Member + " " + part.Arg
	}
	return "site " + part.Site.Lang.Code + " " + part.Member + " " + part.Arg
}

// TestWriteReads is what a page's HTML reads of other pages: an edit to
// one page's title changes what its neighbours, its lists and its tag
// read, and nothing else.
//
// It checks Deps too: a page whose reads an edit changes either had the
// edited page among its Deps, or a part of the structure that changed,
// or Deps that were not sure; sameStructure says the edit changes no part
// of the structure.
func TestWriteReads(t *testing.T) {
	before, deps, structure := readsAndDeps(t, readsSite)
	if len(deps) < len(before)-1 {
		// The home page's templates read no more than the others'.
		t.Errorf("%d of %d pages have Deps that are sure", len(deps), len(before))
	}
	tests := []struct {
		name, file, from, to string
		changed              []string
		sameStructure        bool
	}{
		{"an article's title", "content/articles/a.md", "title: Article A", "title: Article A, edited",
			// itself, its neighbour, its section and its tag's pages
			[]string{"/articles/", "/articles/a/", "/articles/b/", "/tags/back/"}, true},
		{"the newest article's title", "content/articles/e.md", "title: Article E", "title: Article E, edited",
			// the home page lists the latest articles
			[]string{"/", "/articles/", "/articles/d/", "/articles/e/"}, true},
		{"an article's date", "content/articles/c.md", "date: 2026-01-03", "date: 2026-02-03",
			// C becomes the newest: the order of the articles changes
			[]string{"/", "/articles/", "/articles/b/", "/articles/c/", "/articles/d/", "/articles/e/"}, false},
		{"a page's summary", "content/services/y.md", "summary: A service.", "summary: Another service.",
			// its section's card of it shows it
			[]string{"/services/", "/services/y/"}, true},
		{"the about page's title", "content/about.md", "title: About us", "title: About the clinic",
			// the footer of every page links to it
			slices.Sorted(maps.Keys(before)), true},
		{"a page's text", "content/articles/b.md", "Text of B.", "Other text of B.", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := maps.Clone(readsSite)
			if !strings.Contains(files[tc.file], tc.from) {
				t.Fatalf("%s has no %q", tc.file, tc.from)
			}
			files[tc.file] = strings.Replace(files[tc.file], tc.from, tc.to, 1)
			after, _, afterStructure := readsAndDeps(t, files)
			if same := maps.Equal(afterStructure, structure); same != tc.sameStructure {
				t.Errorf("the structure is the same: %v, want %v", same, tc.sameStructure)
			}
			edited := "/" + strings.TrimSuffix(strings.TrimPrefix(tc.file, "content/"), ".md") + "/"
			// What changed: the edited page's summary, and parts of the
			// structure.
			changedParts := map[string]bool{"summary " + edited: true}
			for name, sum := range afterStructure {
				if old, ok := structure[name]; !ok || old != sum {
					changedParts[name] = true
				}
				if _, ok := structure[name]; !ok {
					changedParts["whether there is "+name] = true
				}
			}
			for name := range structure {
				if _, ok := afterStructure[name]; !ok {
					changedParts[name] = true
					changedParts["whether there is "+name] = true
				}
			}
			var changed []string
			for url, sum := range after {
				if before[url] != sum {
					changed = append(changed, url)
					if d, sure := deps[url]; url != edited && sure && !slices.ContainsFunc(d, func(n string) bool { return changedParts[n] }) {
						t.Errorf("%s reads otherwise, but none of its Deps %q changed (%q did)", url, d, slices.Sorted(maps.Keys(changedParts)))
					}
				}
			}
			slices.Sort(changed)
			if !slices.Equal(changed, tc.changed) {
				t.Errorf("changed the reads of\n%q, want\n%q", changed, tc.changed)
			}
		})
	}
}

// TestWriteReadsStructuredData is the page's JSON-LD, which package
// schema makes of other pages too, read as a whole.
func TestWriteReadsStructuredData(t *testing.T) {
	s, r := siteOf(t, mapFS(readsSite))
	p := s.PageAt("/services/x/")
	sum := func(ld string) [32]byte {
		h := sha256.New()
		if _, err := r.WriteReads(h, Data{Site: s, Page: p, JSONLD: template.JS(ld)}); err != nil {
			t.Fatal(err)
		}
		return [32]byte(h.Sum(nil))
	}
	if sum(`{"name":"X"}`) == sum(`{"name":"Y"}`) {
		t.Error("two pages with other structured data read the same")
	}
}

// BenchmarkWriteReads measures WriteReads on each page of a small site,
// against rendering it.
func BenchmarkWriteReads(b *testing.B) {
	t := &testing.T{}
	s, r := siteOf(t, mapFS(readsSite))
	h := sha256.New()
	b.Run("reads", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range s.Pages {
				h.Reset()
				if _, err := r.WriteReads(h, Data{Site: s, Page: p}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("render", func(b *testing.B) {
		b.ReportAllocs()
		var buf bytes.Buffer
		for b.Loop() {
			for _, p := range s.Pages {
				buf.Reset()
				if err := r.Render(&buf, Data{Site: s, Page: p}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// TestWriteReadsAgain is a page read a second time: it still writes which
// page it is, so that a relation that moves from one page read before to
// another (an author who is also in a list above) writes something else.
func TestWriteReadsAgain(t *testing.T) {
	s, r := siteOf(t, mapFS(readsSite))
	a, b := s.PageAt("/articles/a/"), s.PageAt("/articles/b/")
	reads := func(pages ...*site.Page) string {
		rd := &reader{r: r, seen: map[*site.Page]bool{}}
		for _, p := range pages {
			rd.writePage(p, false)
		}
		return string(rd.out)
	}
	if reads(a, b, a) == reads(a, b, b) {
		t.Error("reading A, B, A writes what reading A, B, B does")
	}
}

// TestWriteStructureShares writes the structure in one share and in three
// at once: the same parts, each the same.
func TestWriteStructureShares(t *testing.T) {
	s, r := siteOf(t, mapFS(readsSite))
	written := func(shares int) map[string]string {
		var mu sync.Mutex
		out := map[string]string{}
		bufs := make([]*strings.Builder, shares)
		names := make([]string, shares)
		flush := func(k int) {
			if bufs[k] != nil {
				mu.Lock()
				out[names[k]] = bufs[k].String()
				mu.Unlock()
			}
		}
		err := r.WriteStructure(s, shares, func(k int, part StructurePart) io.Writer {
			flush(k)
			bufs[k], names[k] = &strings.Builder{}, partName(part)
			return bufs[k]
		})
		if err != nil {
			t.Fatal(err)
		}
		for k := range shares {
			flush(k)
		}
		return out
	}
	one, three := written(1), written(3)
	if len(one) < 20 || !maps.Equal(one, three) {
		t.Errorf("in one share %d parts, in three %d, or not the same", len(one), len(three))
	}
}

// TestWriteReadsFollowsTheTemplatesAsParsed: the templates a site of one
// language renders its pages with are the ones New parsed (escaped as
// they first run, from any goroutine), and WriteReads follows templates
// of its own, parsed from the theme's files as New read them. What it
// writes of each page is the same whether the pages are rendered
// meanwhile, on other goroutines (under -race: without a race), or the
// theme's files have changed since.
func TestWriteReadsFollowsTheTemplatesAsParsed(t *testing.T) {
	want := readsOf(t, readsSite)
	theme := fstest.MapFS{}
	if err := fs.WalkDir(themes.Default(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(themes.Default(), name)
		theme[name] = &fstest.MapFile{Data: data}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	s, _ := siteOf(t, mapFS(readsSite))
	r, err := New(theme, s.Config, themeStrings(t, themes.Default(), mapFS(readsSite)), nil)
	if err != nil {
		t.Fatal(err)
	}
	reads := func() {
		for _, p := range s.Pages {
			h := sha256.New()
			if _, err := r.WriteReads(h, Data{Site: s, Page: p}); err != nil {
				t.Errorf("%s: %v", p.URL, err)
			} else if got := [32]byte(h.Sum(nil)); got != want[p.URL] {
				t.Errorf("%s: WriteReads writes other reads than those of a Renderer that rendered nothing", p.URL)
			}
		}
	}
	var wg sync.WaitGroup
	for k := range 2 {
		wg.Go(func() {
			for i := range s.Pages {
				p := s.Pages[(i+k*len(s.Pages)/2)%len(s.Pages)]
				if err := r.Render(io.Discard, Data{Site: s, Page: p}); err != nil {
					t.Errorf("%s: %v", p.URL, err)
				}
			}
		})
	}
	wg.Go(reads)
	wg.Wait()
	// A footer that lists every page: followed, it would read them all.
	theme["layouts/partials/site-footer.html"] = &fstest.MapFile{Data: []byte(`{{range .Site.Pages}}{{.Title}}{{end}}`)}
	reads()
}
