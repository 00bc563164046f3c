package content

import (
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
