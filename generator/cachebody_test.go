package generator

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/lumen-ssg/lumen/themes"
)

// The build cache's log (cachebody.go): what a build does with a log
// that is damaged, gone, mostly garbage, or in a folder it cannot write.

// TestDamagedBodyLog damages the log of converted Markdown and of the
// pages' records in ways a disk, a CI cache or two builds at once could,
// then edits a template's comment, so that every page is rendered again
// with the Markdown the log has: each Body the log no longer has whole is
// converted again, and each page whose record it no longer has whole is
// made in full, with a note (none when the log is gone: a cache folder
// restored without it), and the site is the same as a clean build's.
func TestDamagedBodyLog(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(log string)
		note   bool
	}{
		{"a byte changed", func(log string) {
			data, _ := os.ReadFile(log)
			data[len(data)/2] ^= 1
			os.WriteFile(log, data, 0o644)
		}, true},
		{"cut short", func(log string) {
			data, _ := os.ReadFile(log)
			os.WriteFile(log, data[:len(data)/2], 0o644)
		}, true},
		{"gone", func(log string) { os.Remove(log) }, false},
		{"replaced by a folder", func(log string) { os.Remove(log); os.Mkdir(log, 0o755) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site, dest, opts := publishedWithCache(t)
			logs, _ := filepath.Glob(filepath.Join(opts.CacheDir, "blobs-*"))
			if len(logs) != 1 {
				t.Fatalf("the cache has logs %v; want one", logs)
			}
			tc.damage(logs[0])
			// A comment in a template renders every page again, each
			// with its converted Markdown.
			src, err := fs.ReadFile(themes.Default(), "layouts/partials/footer.html")
			if err != nil {
				t.Fatal(err)
			}
			undo := change(site, "themes/default/layouts/partials/footer.html", func(string) string { return "{{/* edited */}}" + string(src) })
			res, err := Publish(context.Background(), site, dest, opts)
			if err != nil {
				t.Fatal(err)
			}
			c := res.Cache
			if c.Reconverted+c.Made == 0 || (c.Note != "") != tc.note {
				t.Errorf("converted %d pages, made %d, note %q; want pages converted or made again, and a note: %v", c.Reconverted, c.Made, c.Note, tc.note)
			}
			sameAsClean(t, site, dest, opts)
			// The next build keeps what it converted again.
			undo()
			res, err = Publish(context.Background(), site, dest, opts)
			if err != nil {
				t.Fatal(err)
			}
			if c := res.Cache; c.Reconverted != 0 || c.Rerendered == 0 || c.Note != "" {
				t.Errorf("the build after converted %d pages and re-rendered %d (note %q); want 0 converted", c.Reconverted, c.Rerendered, c.Note)
			}
		})
	}
}

// TestLogStartedAfresh makes the log of the build cache mostly garbage
// (as many builds that each changed pages leave it): the next build
// starts a new log, copies into it the records of the pages it carries
// over, and removes the old one, and the build after carries every page
// over from the new log.
func TestLogStartedAfresh(t *testing.T) {
	site, dest, opts := publishedWithCache(t)
	want := treeOf(t, dest)
	logs, _ := filepath.Glob(filepath.Join(opts.CacheDir, "blobs-*"))
	if len(logs) != 1 {
		t.Fatalf("the cache has logs %v; want one", logs)
	}
	f, err := os.OpenFile(logs[0], os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(make([]byte, 40<<20)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var names []string
	for range 2 {
		res, err := Publish(context.Background(), site, dest, opts)
		if err != nil {
			t.Fatal(err)
		}
		if c := res.Cache; c.Made != 0 || c.Rerendered != 0 || c.Reused == 0 || c.Note != "" {
			t.Errorf("made %d pages, re-rendered %d, reused %d (note %q); want all reused", c.Made, c.Rerendered, c.Reused, c.Note)
		}
		if !equalTrees(t, treeOf(t, dest), want, "built", "clean build") {
			t.Error("the site differs from a clean build")
		}
		now, _ := filepath.Glob(filepath.Join(opts.CacheDir, "blobs-*"))
		if len(now) != 1 || now[0] == logs[0] {
			t.Fatalf("after the build, the cache has logs %v; want one other than %s", now, logs[0])
		}
		names = append(names, now[0])
	}
	if names[0] != names[1] {
		t.Errorf("the build after started another log: %s, then %s", names[0], names[1])
	}
}

// TestUnwritableCacheIsRead opens the cache of a published site as a
// build does whose new cache file cannot be made (a cache folder it may
// read but not write): it still has the last build's pages, and reads
// their bodies from the log, so that it carries them over; it keeps
// nothing, and closes the log.
func TestUnwritableCacheIsRead(t *testing.T) {
	_, _, opts := publishedWithCache(t)
	c := openCache(opts.CacheDir, opts.CacheVersion, nil)
	c.wait()
	if c.w == nil {
		t.Fatalf("the cache cannot be written here: %s", c.note)
	}
	c.w.Abort()
	c.w = nil
	c.openBodies()
	pages, some := 0, ""
	for name, old := range c.old {
		if old.body.Len == 0 {
			continue // a file of the search index: a head alone
		}
		some = name
		body, _, ok := c.pageBody(name, old)
		if !ok {
			t.Errorf("%s: its body was not read from the log", name)
			continue
		}
		if _, err := decodePage(old.head, body); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		pages++
	}
	if pages == 0 {
		t.Fatal("the cache has no page")
	}
	if _, ok := c.keepPageBody([32]byte{1}, []byte("a body")); ok {
		t.Error("a cache that cannot be written kept a page's body")
	}
	if err := c.commit(); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := c.pageBody(some, c.old[some]); ok {
		t.Error("the log was read after the build was done with it")
	}
}
