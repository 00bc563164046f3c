package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestReread reads a page again after an edit and reports whether only its
// body changed: what the site graph is made of (the front matter, its
// lines, its findings, the file's language and kind) must be as it was.
func TestReread(t *testing.T) {
	const page = "content/about.md"
	const original = "---\ntitle: Sciatica\nsummary: Leg pain.\n---\nRest helps.\n"
	for _, tc := range []struct {
		name  string
		edit  func(fstest.MapFS)
		opts  Options
		found bool // whether the page is read at all
		same  bool
	}{
		{"body", func(fs fstest.MapFS) {
			set(fs, page, "---\ntitle: Sciatica\nsummary: Leg pain.\n---\nRest helps. Walking helps too.\n")
		}, Options{}, true, true},
		{"saved unchanged", func(fs fstest.MapFS) { set(fs, page, original) }, Options{}, true, true},
		{"title", func(fs fstest.MapFS) {
			set(fs, page, "---\ntitle: Sciatica and leg pain\nsummary: Leg pain.\n---\nRest helps.\n")
		}, Options{}, true, false},
		{"front matter on other lines", func(fs fstest.MapFS) {
			set(fs, page, "---\n\ntitle: Sciatica\nsummary: Leg pain.\n---\nRest helps.\n")
		}, Options{}, true, false},
		{"a new finding", func(fs fstest.MapFS) {
			set(fs, page, "---\ntitle: Sciatica\nsummary: Leg pain.\ncolour: red\n---\nRest helps.\n")
		}, Options{}, false, false},
		{"no longer text", func(fs fstest.MapFS) { set(fs, page, original+"\xff\n") }, Options{}, false, false},
		{"deleted", func(fs fstest.MapFS) { delete(fs, page) }, Options{}, false, false},
		{"now too large", func(fs fstest.MapFS) { set(fs, page, original+string(make([]byte, 2048))) }, Options{MaxPageBytes: 1024}, false, false},
		{"a page translations record the version of", func(fs fstest.MapFS) { set(fs, page, original+"More.\n") }, Options{Languages: []string{"es"}}, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			set(fsys, page, original)
			c := NewCache()
			if _, errs := Load(fsys, Options{Cache: c, Languages: tc.opts.Languages}); errs.Err() != nil {
				t.Fatal(errs)
			}
			tc.edit(fsys)
			p, same := c.Reread(fsys, page, tc.opts)
			if same != tc.same || (p != nil) != tc.found {
				t.Fatalf("Reread = %v, %v; want a page %v, same %v", p, same, tc.found, tc.same)
			}
			if same && string(p.Body) != string(fsys[page].Data[len("---\ntitle: Sciatica\nsummary: Leg pain.\n---\n"):]) {
				t.Errorf("the page's body is %q", p.Body)
			}
			if p != nil && tc.opts.Languages != nil && p.Version != Version(fsys[page].Data) {
				t.Errorf("the page's version is %q, want that of its new bytes", p.Version)
			}
			// The new parse is kept: a load finds it without reading
			// the file again.
			if p != nil {
				loaded, _ := Load(fsys, Options{Cache: c, Languages: tc.opts.Languages})
				if len(loaded.Pages) != 1 || loaded.Pages[0] != p {
					t.Errorf("the next load parsed the file again")
				}
			}
		})
	}
	t.Run("never read", func(t *testing.T) {
		fsys := fstest.MapFS{}
		set(fsys, page, original)
		if _, same := NewCache().Reread(fsys, page, Options{}); same {
			t.Error("a page the cache never had is the same")
		}
	})
}

// set writes text to the file at name in fsys, saved a second after the
// last save.
func set(fsys fstest.MapFS, name, text string) {
	var last time.Time
	for _, f := range fsys {
		if f.ModTime.After(last) {
			last = f.ModTime
		}
	}
	if last.IsZero() {
		last = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	}
	fsys[name] = &fstest.MapFile{Data: []byte(text), ModTime: last.Add(time.Second)}
}

// TestLoadAgain loads a site, changes it, and loads it again told what
// changed (Options.Last): files that were there and are still regular
// files are looked at again without a walk of content/ (a file added and
// not named is not seen, which shows it), and anything else walks, so
// that what Load returns is what a first Load would.
func TestLoadAgain(t *testing.T) {
	const a, b = "content/a.md", "content/b.md"
	for _, tc := range []struct {
		name    string
		edit    func(fstest.MapFS) []string
		walked  bool
		changed Options // options that differ from the first load's
	}{
		{"a title", func(fs fstest.MapFS) []string { set(fs, a, "---\ntitle: A, again\n---\nText.\n"); return []string{a} }, false, Options{}},
		{"the glossary", func(fs fstest.MapFS) []string {
			set(fs, "content/glossary.yaml", "terms:\n  - term: sciatica\n    definition: pain that runs down one leg\n")
			return []string{"content/glossary.yaml"}
		}, false, Options{}},
		{"a picture", func(fs fstest.MapFS) []string {
			set(fs, "content/images/x.png", "PNG2")
			return []string{"content/images/x.png"}
		}, false, Options{}},
		{"a new page", func(fs fstest.MapFS) []string {
			set(fs, "content/c.md", "---\ntitle: C\n---\n")
			return []string{"content/c.md"}
		}, true, Options{}},
		{"a page deleted", func(fs fstest.MapFS) []string { delete(fs, b); return []string{b} }, true, Options{}},
		{"a page that is now a folder", func(fs fstest.MapFS) []string {
			delete(fs, b)
			set(fs, b+"/index.md", "---\ntitle: B\n---\n")
			return []string{b}
		}, true, Options{}},
		{"site.yaml", func(fs fstest.MapFS) []string { return []string{"site.yaml"} }, true, Options{}},
		{"nothing named", func(fs fstest.MapFS) []string { return nil }, true, Options{}},
		{"another language", func(fs fstest.MapFS) []string { set(fs, a, "---\ntitle: A\n---\nMore.\n"); return []string{a} }, true, Options{Languages: []string{"es"}}},
		{"a smaller size limit", func(fs fstest.MapFS) []string { set(fs, a, "---\ntitle: A\n---\nMore.\n"); return []string{a} }, true, Options{MaxPageBytes: 10}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			set(fsys, a, "---\ntitle: A\n---\nText.\n")
			set(fsys, b, "---\ntitle: B\n---\nText.\n")
			set(fsys, "content/images/x.png", "PNG")
			c := NewCache()
			first, errs := Load(fsys, Options{Cache: c})
			if errs.Err() != nil {
				t.Fatal(errs)
			}
			changed := tc.edit(fsys)
			// Added behind Load's back: only a walk finds it.
			set(fsys, "content/unnamed.md", "---\ntitle: Unnamed\n---\n")
			opts := tc.changed
			opts.Cache, opts.Last, opts.Changed = c, first, changed
			got, gotErrs := Load(fsys, opts)
			opts.Last, opts.Changed = nil, nil
			want, wantErrs := Load(fsys, opts)
			titles := func(s *Set) (out []string) {
				for _, p := range s.Pages {
					out = append(out, p.Source+" "+p.Common().Title)
				}
				for _, f := range s.Files {
					out = append(out, f.Source)
				}
				return out
			}
			if tc.walked {
				if g, w := titles(got), titles(want); !slices.Equal(g, w) || gotErrs.Error() != wantErrs.Error() {
					t.Errorf("loaded %v (%v), want %v (%v)", g, gotErrs, w, wantErrs)
				}
				return
			}
			var wantTitles []string
			for _, s := range titles(want) {
				if !strings.HasPrefix(s, "content/unnamed.md") {
					wantTitles = append(wantTitles, s)
				}
			}
			if g := titles(got); !slices.Equal(g, wantTitles) {
				t.Errorf("loaded %v, want %v without the unnamed page", g, wantTitles)
			}
			if terms := func(s *Set) int {
				if s.Glossary == nil {
					return 0
				}
				return len(s.Glossary.Terms)
			}; terms(got) != terms(want) || gotErrs.Error() != wantErrs.Error() {
				t.Errorf("glossary of %d terms (%v), want %d (%v)", terms(got), gotErrs, terms(want), wantErrs)
			}
		})
	}
}
