package generator

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/themes"
)

// searchPages returns the number of languages of the site res built that
// have a search page, and so a search index.
func searchPages(res *Result) int {
	n := 0
	for _, ls := range res.Site.Languages() {
		if ls.Search != nil {
			n++
		}
	}
	return n
}

// TestKeptSearchIndex checks when a cached build links the search index
// from the site published before rather than make it: when no page's
// search records changed, and never when a file of the published index
// was changed, removed or replaced by a link since; and, in an index made
// again, which of its files of records it links: those whose records did
// not change and that are intact. Each build writes what a clean build
// writes.
func TestKeptSearchIndex(t *testing.T) {
	site, dest, opts := publishedWithCache(t)
	outside := filepath.Join(t.TempDir(), "outside.json")
	os.WriteFile(outside, []byte(`{"not":"the index"}`), 0o644)
	p := "content/conditions/lumbar-disc-herniation.md"
	for _, tc := range []struct {
		name   string
		change func(t *testing.T)
		kept   int // of the example site's two indexes
		// records is the number of files of records linked, given the
		// number in each index, en and es.
		records func(en, es int) int
	}{
		{"nothing changed", func(*testing.T) {}, 2, none},
		{"a template's comment", func(t *testing.T) {
			// A site's own partial, overriding the theme's: no page's
			// records change.
			if err := os.MkdirAll(filepath.Join(site, "themes/default/layouts/partials"), 0o755); err != nil {
				t.Fatal(err)
			}
			src, err := fs.ReadFile(themes.Default(), "layouts/partials/footer.html")
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(site, "themes/default/layouts/partials/footer.html"), append([]byte("{{/* kept */}}"), src...), 0o644)
		}, 2, none},
		{"a page's text", func(*testing.T) {
			// A page in English only: the Spanish index is kept. The
			// line starts its text, and so its record's snippet.
			change(site, "content/about.md", func(s string) string {
				return strings.Replace(s, "\n---\n\n", "\n---\n\nWe are glad you are here.\n\n", 1)
			})
		}, 1, func(en, _ int) int { return en - 1 }},
		{"a translated page's text", func(*testing.T) {
			// Its translation's key holds its text too: both are made.
			change(site, p, func(s string) string { return s + "\nOne more plain line for the index.\n" })
		}, 0, func(en, es int) int { return en - 1 + es - 1 }},
		{"a file of records changed", func(t *testing.T) {
			name := filepath.Join(dest, "search", "r", "0.json")
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(name, append(data, ' '), 0o644)
		}, 1, func(en, _ int) int { return en - 1 }},
		{"a file of the index changed", func(t *testing.T) {
			name := filepath.Join(dest, "search", "meta.json")
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(name, append(data, ' '), 0o644)
		}, 1, func(en, _ int) int { return en }},
		{"a file of the index gone", func(*testing.T) { os.Remove(filepath.Join(dest, "es", "search", "meta.json")) }, 1, func(_, es int) int { return es }},
		{"a file of the index a link", func(*testing.T) {
			name := filepath.Join(dest, "search", "meta.json")
			os.Remove(name)
			os.Symlink(outside, name)
		}, 1, func(en, _ int) int { return en }},
		{"a file of records a link", func(*testing.T) {
			name := filepath.Join(dest, "es", "search", "r", "0.json")
			os.Remove(name)
			os.Symlink(outside, name)
		}, 1, func(_, es int) int { return es - 1 }},
		{"nothing changed again", func(*testing.T) {}, 2, none},
		{"the published folder restored elsewhere", func(t *testing.T) {
			// As a CI job's cache restores it: every file a new inode
			// and time, the same bytes.
			moved := dest + ".before"
			if err := os.Rename(dest, moved); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(dest, os.DirFS(moved)); err != nil {
				t.Fatal(err)
			}
			os.RemoveAll(moved)
		}, 2, none},
	} {
		t.Run(tc.name, func(t *testing.T) {
			en, es := filesIn(t, filepath.Join(dest, "search", "r")), filesIn(t, filepath.Join(dest, "es", "search", "r"))
			tc.change(t)
			res, err := Publish(context.Background(), site, dest, opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Cache.IndexesKept; got != tc.kept {
				t.Errorf("kept %d search indexes; want %d", got, tc.kept)
			}
			if got, want := res.Cache.RecordsKept, tc.records(en, es); got != want {
				t.Errorf("kept %d files of records (of %d and %d); want %d", got, en, es, want)
			}
			sameAsClean(t, site, dest, opts)
			if data, _ := os.ReadFile(outside); string(data) != `{"not":"the index"}` {
				t.Errorf("the file a link in the published index led to was changed: %q", data)
			}
		})
	}
}

// TestSameIndexFiles checks which files of an index made again a cached
// build links from the site published before rather than write: those
// it made the same, byte for byte, and only while the published file is
// still the one the last build wrote. An edit to one page's text changes
// some files of postings, and leaves the others as they were.
func TestSameIndexFiles(t *testing.T) {
	site, dest, opts := publishedWithCache(t)
	before := indexFiles(t, dest)
	// A file of postings changed by hand is written anew, never linked,
	// whether or not the build makes it the same as the last.
	handEdited := "search/p/0.json"
	os.WriteFile(filepath.Join(dest, filepath.FromSlash(handEdited)), append(bytes.Clone(before[handEdited].data), ' '), 0o644)
	change(site, "content/about.md", func(s string) string { return s + "\nYou can call us with any question about your visit.\n" })
	res, err := Publish(context.Background(), site, dest, opts)
	if err != nil {
		t.Fatal(err)
	}
	sameAsClean(t, site, dest, opts)
	after := indexFiles(t, dest)
	same, changed := 0, 0
	for name, f := range after {
		was, ok := before[name]
		switch {
		case !ok:
		case name == handEdited:
			if f.ino == was.ino {
				t.Errorf("%s, changed by hand, was linked into the new site", name)
			}
		case bytes.Equal(f.data, was.data):
			same++
			if f.ino != was.ino {
				t.Errorf("%s is the same as before but was written again", name)
			}
		default:
			changed++
			if f.ino == was.ino {
				t.Errorf("%s changed but has the inode it had", name)
			}
		}
	}
	// The Spanish index is kept whole (about.md is in English only):
	// every file the same is a file of records kept for its records
	// (RecordsKept) or one made the same (IndexFilesSame).
	if c := res.Cache; same == 0 || changed == 0 || c.IndexesKept != 1 || c.IndexFilesSame == 0 || c.IndexFilesSame+c.RecordsKept != same {
		t.Errorf("%d files the same, %d changed; %d files of records kept, %d other files made the same; want some of each, every file the same counted once", same, changed, c.RecordsKept, c.IndexFilesSame)
	}
}

// indexedFile is a file of a published search index: its bytes and its
// inode.
type indexedFile struct {
	data []byte
	ino  uint64
}

// indexFiles returns the files of the English search index published in
// dest but its page, by name in the site.
func indexFiles(t *testing.T, dest string) map[string]indexedFile {
	t.Helper()
	names := []string{"search/meta.json"}
	for _, dir := range []string{"search/w", "search/p", "search/r"} {
		entries, err := os.ReadDir(filepath.Join(dest, filepath.FromSlash(dir)))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			names = append(names, dir+"/"+e.Name())
		}
	}
	files := map[string]indexedFile{}
	for _, name := range names {
		full := filepath.Join(dest, filepath.FromSlash(name))
		data, err := os.ReadFile(full)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Lstat(full)
		if err != nil {
			t.Fatal(err)
		}
		if inode(fi) == 0 {
			t.Skip("no inodes on this system to tell a linked file from a written one")
		}
		files[name] = indexedFile{data, inode(fi)}
	}
	return files
}

// none is a test's number of files of records linked when none are.
func none(_, _ int) int { return 0 }

// filesIn returns the number of files in the folder dir, which has two or
// more.
func filesIn(t *testing.T, dir string) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 2 {
		t.Fatalf("%s has %d files; the test wants two or more", dir, len(entries))
	}
	return len(entries)
}
