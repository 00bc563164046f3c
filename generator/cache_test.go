package generator

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/generator/buildcache"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/images"
	"github.com/lumen-ssg/lumen/themes"
)

// TestCachedBuildIsACleanBuild applies random sequences of edits to the
// example site and, after each, builds it twice — with the build cache of
// the builds before, and from nothing — and requires the same result:
// identical files, identical findings, or the same errors and the
// published site left as it was. LUMEN_CACHE_STEPS sets the number of
// steps (default 12; 5 with -short, 3 under the race detector, which
// looks for the pipeline's data races, not for edits it gets wrong) and
// LUMEN_CACHE_SEED the first seed.
func TestCachedBuildIsACleanBuild(t *testing.T) {
	steps, seed := 12, uint64(1)
	switch {
	case raceEnabled:
		steps = 3
	case testing.Short():
		steps = 5
	}
	if n, err := strconv.Atoi(os.Getenv("LUMEN_CACHE_STEPS")); err == nil {
		steps = n
	}
	if n, err := strconv.ParseUint(os.Getenv("LUMEN_CACHE_SEED"), 10, 64); err == nil {
		seed = n
	}
	t.Logf("seed %d, %d steps (LUMEN_CACHE_SEED, LUMEN_CACHE_STEPS)", seed, steps)
	rng := rand.New(rand.NewPCG(seed, 7))
	tmp := t.TempDir()
	site := filepath.Join(tmp, "site")
	copyExample(t, site)
	// Edits to one page's text are the most common, as they are for
	// authors; every kind comes up in a dozen steps or so.
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range cacheEdits {
			if !yield(k) {
				return
			}
		}
	})
	names = append(names, "body", "body", "body", "body")
	// As lumen build does, the builds keep only their first warnings
	// and count the others.
	opts := Options{Theme: themes.Default(), Today: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC),
		ImageCache: images.Dir(filepath.Join(tmp, "images")), MaxWarnings: 3}
	cached := opts
	cached.CacheDir, cached.CacheVersion = filepath.Join(tmp, "cache"), "test"
	dest := filepath.Join(tmp, "public")
	reused, lastOK := 0, false
	first := opts.Today
	// build builds the site after the edit what, with the cache and
	// without, and compares; it returns the cached build's statistics.
	build := func(step int, what string, undo func()) CacheStats {
		t.Helper()
		before := treeOf(t, dest)
		resC, errC := Publish(context.Background(), site, dest, cached)
		clean := filepath.Join(tmp, "clean")
		defer os.RemoveAll(clean)
		resF, errF := Publish(context.Background(), site, clean, opts)
		t.Logf("step %d: %s: cache %+v; %v", step, what, resC.Cache, errC)
		if (errC == nil) != (errF == nil) || findingsOf(resC) != findingsOf(resF) {
			t.Fatalf("step %d (%s): the cached build found\n%v\n%s\nthe clean build\n%v\n%s", step, what, errC, findingsOf(resC), errF, findingsOf(resF))
		}
		if errC != nil {
			if after := treeOf(t, dest); !equalTrees(t, before, after, "published before", "after a failed build") {
				t.Fatalf("step %d (%s): a failed cached build changed the published site", step, what)
			}
			undo()
			lastOK = false
			return resC.Cache
		}
		if !equalTrees(t, treeOf(t, dest), treeOf(t, clean), "cached build", "clean build") {
			t.Fatalf("step %d (%s): the cached build differs from a clean build", step, what)
		}
		reused += resC.Cache.Reused
		if resC.Cache.Unfollowed != 0 {
			t.Errorf("step %d (%s): the cache could not follow the templates of %d pages", step, what, resC.Cache.Unfollowed)
		}
		if strings.HasPrefix(what, "nothing:") && lastOK && resC.Cache.Made != 0 {
			t.Errorf("step %d: nothing changed since the last build, yet the cached build made %d pages", step, resC.Cache.Made)
		}
		if strings.HasPrefix(what, "nothing:") && lastOK && resC.Cache.IndexesKept != searchPages(resC) {
			t.Errorf("step %d: nothing changed since the last build, yet the cached build kept %d search indexes of %d", step, resC.Cache.IndexesKept, searchPages(resC))
		}
		lastOK = true
		return resC.Cache
	}
	build(0, "first build", func() {})
	for step := 1; step <= steps; step++ {
		name := names[rng.IntN(len(names))]
		if name == "day" {
			// Notices start and end, and reviews fall due, as days pass;
			// the day stays within 45 days of the first, since a site
			// whose reviews are long overdue no longer builds.
			opts.Today = first.AddDate(0, 0, rng.IntN(46))
			cached.Today = opts.Today
			build(step, "day: "+opts.Today.Format(time.DateOnly), func() {})
			continue
		}
		what, undo := cacheEdits[name](rng, site, step)
		build(step, name+": "+what, undo)
	}
	// The cached builds publish into the site before the last, kept
	// beside it (output.Dir.KeepSpare).
	if _, err := os.Stat(filepath.Join(tmp, ".public.lumen-spare")); err != nil {
		t.Errorf("no spare kept beside the cached builds' site: %v", err)
	}
	// Last, with the theme as it was, an edit to one page's text remakes
	// that page and its translation, and no other.
	os.RemoveAll(filepath.Join(site, "themes"))
	build(steps+1, "the theme as it was", func() {})
	p := "content/conditions/lumbar-disc-herniation.md"
	undo := change(site, p, func(s string) string { return s + "\nOne more plain line.\n" })
	edited := build(steps+2, "body: "+p, undo)
	if edited.Made != 2 || edited.Reused == 0 || edited.Reconverted != 1 {
		t.Errorf("an edit to the text of %s made %d pages, reused %d and converted %d; want 2 made (it and its translation), 1 converted", p, edited.Made, edited.Reused, edited.Reconverted)
	}
	// Nothing changed since: what that build wrote as it read it (the
	// records of the pages it carried over, the shards of files it did
	// not parse again) reads back whole, and with the file parsed anew.
	if c := build(steps+3, "nothing: after a body edit", func() {}); c.Made != 0 || c.Kept != edited.Kept+1 || c.Note != "" {
		t.Errorf("after an edit to one file, a build with nothing changed made %d pages and kept %d files' front matter, want 0 and %d (note %q)", c.Made, c.Kept, edited.Kept+1, c.Note)
	}
	// An edit to its title changes every page's key: the pages whose
	// templates read nothing of it (their reads key is the same) are
	// carried over without rendering; those that show it (its lists,
	// its neighbours, its translation) are made.
	undo = change(site, p, func(s string) string { return strings.Replace(s, "\ntitle: ", "\ntitle: Edited ", 1) })
	// Only its own Markdown is converted again: the others' converted
	// Markdown is in the cache.
	if c := build(steps+4, "title: "+p, undo); c.Reused == 0 || c.Made == 0 || c.Made >= c.Reused || c.Reconverted != 1 {
		t.Errorf("an edit to the title of %s reused %d pages, re-rendered %d, made %d and converted %d; want most reused, some made, 1 converted", p, c.Reused, c.Rerendered, c.Made, c.Reconverted)
	}
	// A condition's title is in the A to Z list, part of the site's
	// structure; an article's is not: the pages reused after an edit to
	// an article's title are known to read the same from their deps,
	// but for a few, without following their templates.
	// (The random edits before may have changed its title already, or
	// its tags: then this shows nothing.)
	a := "content/articles/getting-ready-for-your-first-visit.md"
	const title = "\ntitle: Getting ready for your first visit\n"
	data, _ := os.ReadFile(filepath.Join(site, a))
	original := strings.Contains(string(data), title) && strings.Contains(string(data), "\ntags:\n  - ")
	undo = change(site, a, func(s string) string {
		// Its place in lists sorted by title stays the same.
		return strings.Replace(s, title, "\ntitle: Getting ready for your first visit, step by step\n", 1)
	})
	c := build(steps+5, "title: "+a, undo)
	if original && (c.Reused == 0 || c.Made == 0 || c.Made >= c.Reused || 4*c.Followed >= c.Reused) {
		t.Errorf("an edit to the title of %s reused %d pages (following the templates of %d) and made %d; want most reused, most of them without following", a, c.Reused, c.Followed, c.Made)
	}
	// A new page changes every page's key, but not their own keys nor
	// the site's reads key: only the pages that list it or whose links
	// lead to it are made (it, its section, the page it follows, the
	// home page's latest articles), the others are carried over, and
	// only the new one is converted, as no other page's links lead
	// elsewhere.
	undo = change(site, "content/articles/added-last.md", func(string) string {
		return "---\ntitle: A note added last\ndate: 2026-11-30\nsummary: A short note for patients.\n---\n\nRead the [page on disc herniation](../conditions/lumbar-disc-herniation.md) first.\n"
	})
	if c := build(steps+6, "new page: content/articles/added-last.md", undo); c.Reconverted != 1 || c.Made > 8 || c.Reused < 60 {
		t.Errorf("adding a page reused %d pages, made %d and converted %d; want at most 8 made, the others reused, 1 converted", c.Reused, c.Made, c.Reconverted)
	}
	// A page that others link to by its file moves: their links lead to
	// its new address, so they are made again, though their files did
	// not change; the pages that neither link to it nor list it are
	// carried over.
	what, undo := editLinkTarget(rng, site, steps+7)
	if c := build(steps+7, "link target: "+what, undo); c.Reconverted < 2 || c.Reused == 0 {
		t.Errorf("moving a page linked to by its file reused %d pages and converted %d; want some reused, it and the pages that link to it converted", c.Reused, c.Reconverted)
	}
	// A page that the templates find by its address (the footer's link
	// to /credits/, .Site.PageAt) goes, then comes back: every page that
	// showed the link, or now shows it, is made again.
	credits := filepath.Join(site, "content", "credits.md")
	text, err := os.ReadFile("../content/credits.md") // a step may have deleted the site's
	if err != nil {
		t.Fatal(err)
	}
	put := func() { os.WriteFile(credits, text, 0o644) }
	put()
	build(steps+8, "credits: content/credits.md as it was", func() {})
	os.Remove(credits)
	if c := build(steps+9, "delete: content/credits.md", put); c.Made < 40 {
		t.Errorf("deleting the page every footer links to made %d pages; want every page that shows the footer", c.Made)
	}
	put()
	build(steps+10, "new page: content/credits.md", func() { os.Remove(credits) })
	if reused == 0 {
		t.Error("no step reused a page: the cache was never used")
	}
}

// TestUntrustedCache gives a build a truncated cache, a damaged one, one
// of another version and one whose published files were changed: each is
// ignored or not trusted, with a note where the file itself is bad, and
// the site is the same as a clean build's.
func TestUntrustedCache(t *testing.T) {
	site, dest, opts := publishedWithCache(t)
	want := treeOf(t, dest)
	file := filepath.Join(opts.CacheDir, buildcache.File)
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		damage  func()
		version string
		note    string
	}{
		{"truncated", func() { os.WriteFile(file, good[:len(good)/2], 0o644) }, "v1", "damaged"},
		{"a byte changed", func() {
			bad := bytes.Clone(good)
			bad[len(bad)/2] ^= 1
			os.WriteFile(file, bad, 0o644)
		}, "v1", "damaged"},
		{"not a cache", func() { os.WriteFile(file, []byte("hello"), 0o644) }, "v1", "truncated or not a cache"},
		{"another version", func() { os.WriteFile(file, good, 0o644) }, "v2", "another version"},
		{"a published page edited", func() {
			os.WriteFile(file, good, 0o644)
			os.WriteFile(filepath.Join(dest, "about", "index.html"), []byte("edited by hand"), 0o644)
		}, "v1", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.damage()
			o := opts
			o.CacheVersion = tc.version
			res, err := Publish(context.Background(), site, dest, o)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(res.Cache.Note, tc.note) || (tc.note == "") != (res.Cache.Note == "") {
				t.Errorf("note %q, want one saying %q", res.Cache.Note, tc.note)
			}
			if tc.note != "" && res.Cache.Reused != 0 {
				t.Errorf("%d pages reused from an untrusted cache", res.Cache.Reused)
			}
			if !equalTrees(t, treeOf(t, dest), want, "built", "clean build") {
				t.Error("the site differs from a clean build")
			}
		})
	}
}

// TestCacheAfterCheckout builds the site, then gives every file of the
// site and of the published folder a new inode and time, as a fresh
// checkout and a CI job's restored cache do: the next build still makes
// no page, and writes what a clean build writes.
func TestCacheAfterCheckout(t *testing.T) {
	site, dest, opts := publishedWithCache(t)
	want := treeOf(t, dest)
	later := time.Now().Add(time.Hour)
	for _, dir := range []string{site, dest} {
		copied := dir + ".copy"
		if err := os.CopyFS(copied, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		filepath.WalkDir(copied, func(name string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				os.Chtimes(name, later, later)
			}
			return nil
		})
		os.RemoveAll(dir)
		if err := os.Rename(copied, dir); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Publish(context.Background(), site, dest, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Cache.Made != 0 || res.Cache.Note != "" {
		t.Errorf("after a checkout the build made %d pages (note %q), want none", res.Cache.Made, res.Cache.Note)
	}
	if !equalTrees(t, treeOf(t, dest), want, "rebuilt", "first build") {
		t.Error("the site differs from the first build")
	}
}

// TestCachedStructure checks the site's structure a cached build writes
// when the site key is the last build's, which it copies from the last
// cache file rather than computing: after an edit to one page's text it
// is what a build that computes it writes, part for part.
func TestCachedStructure(t *testing.T) {
	site, dest, opts := publishedWithCache(t)
	change(site, "content/conditions/lumbar-disc-herniation.md", func(s string) string { return s + "\nOne more plain line.\n" })
	if _, err := Publish(context.Background(), site, dest, opts); err != nil {
		t.Fatal(err)
	}
	copied := structureRecord(t, opts.CacheDir, opts.CacheVersion)
	fresh := opts
	fresh.CacheDir = filepath.Join(t.TempDir(), "cache")
	if _, err := Publish(context.Background(), site, filepath.Join(t.TempDir(), "public"), fresh); err != nil {
		t.Fatal(err)
	}
	computed := structureRecord(t, fresh.CacheDir, fresh.CacheVersion)
	if len(computed) == 0 || !bytes.Equal(copied, computed) {
		t.Errorf("the cached build wrote a structure of %d bytes, a build that computed it %d bytes, not the same", len(copied), len(computed))
	}
}

// structureRecord returns the site's structure in the cache file in dir.
func structureRecord(t *testing.T, dir, version string) []byte {
	t.Helper()
	r, note := buildcache.Open(dir, version)
	if r == nil {
		t.Fatalf("the cache in %s cannot be read: %s", dir, note)
	}
	for {
		rec, err := r.Next()
		if err != nil {
			t.Fatalf("the cache in %s has no structure: %v", dir, err)
		}
		if len(rec) > 0 && rec[0] == recordStructure {
			return rec[1:]
		}
	}
}

// publishedWithCache copies the example site to a temporary folder and
// publishes it with a build cache (version "v1"), returning the site's
// folder, the published folder and the options of the build.
func publishedWithCache(t *testing.T) (site, dest string, opts Options) {
	t.Helper()
	site, dest, opts = exampleWithCache(t)
	if _, err := Publish(context.Background(), site, dest, opts); err != nil {
		t.Fatal(err)
	}
	return site, dest, opts
}

// exampleWithCache copies the example site to a temporary folder and
// returns it, where to publish it, and the options of a build with a
// cache (and an image cache) of its own, on 2026-12-02. Under the race
// detector it skips the test: the cache's tests build one build after
// another, with nothing concurrent to race, and
// TestCachedBuildIsACleanBuild runs under it.
func exampleWithCache(t *testing.T) (site, dest string, opts Options) {
	t.Helper()
	if raceEnabled {
		t.Skip("one build after another, nothing concurrent to race: TestCachedBuildIsACleanBuild runs under the race detector")
	}
	tmp := t.TempDir()
	site, dest = filepath.Join(tmp, "site"), filepath.Join(tmp, "public")
	copyExample(t, site)
	opts = Options{Theme: themes.Default(), Today: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC),
		ImageCache: images.Dir(filepath.Join(tmp, "images")), CacheDir: filepath.Join(tmp, "cache"), CacheVersion: "v1"}
	return site, dest, opts
}

// sameAsClean fails t unless dest holds what a build of site without a
// cache, with opts otherwise, publishes.
func sameAsClean(t *testing.T, site, dest string, opts Options) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "clean")
	opts.CacheDir = ""
	if _, err := Publish(context.Background(), site, clean, opts); err != nil {
		t.Fatal(err)
	}
	if !equalTrees(t, treeOf(t, dest), treeOf(t, clean), "built", "clean build") {
		t.Error("the site differs from a clean build")
	}
}

// copyExample copies the example site (site.yaml and content/) to dir.
func copyExample(t *testing.T, dir string) {
	t.Helper()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../content")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// A page that takes long to make on a busy machine is warned of; the
	// warning would take a place among the first warnings of one build
	// and not of the other.
	write(t, filepath.Join(dir, "site.yaml"), string(data)+"limits: {slow_page_ms: 600000}\n")
}

// findingsOf returns a build's findings as text, but for the time pages
// took, which no two builds share.
func findingsOf(res *Result) string {
	if res == nil {
		return "no result"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "and %d more warnings\n", res.Report.MoreWarnings)
	for _, list := range []diag.List{res.Findings, res.Report.All()} {
		for _, f := range list {
			if f.Rule != diag.RuleSlow {
				fmt.Fprintln(&b, f)
			}
		}
	}
	return b.String()
}

// treeOf returns every file under dir by its path.
func treeOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			out[name] = string(data)
		}
		return nil
	})
	return out
}

// equalTrees reports whether a and b hold the same files, logging the
// first differences.
func equalTrees(t *testing.T, a, b map[string]string, aName, bName string) bool {
	t.Helper()
	same, shown := true, 0
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range a {
			yield(k)
		}
		for k := range b {
			if _, ok := a[k]; !ok {
				yield(k)
			}
		}
	}) {
		x, inA := a[name]
		y, inB := b[name]
		if inA && inB && x == y {
			continue
		}
		same = false
		if shown++; shown > 5 {
			continue
		}
		switch {
		case !inA:
			t.Logf("%s: only in the %s", name, bName)
		case !inB:
			t.Logf("%s: only in the %s", name, aName)
		default:
			i := 0
			for i < len(x) && i < len(y) && x[i] == y[i] {
				i++
			}
			from := max(0, i-80)
			t.Logf("%s differs at byte %d:\n%s: %q\n%s: %q", name, i, aName, x[from:min(len(x), i+120)], bName, y[from:min(len(y), i+120)])
		}
	}
	return same
}

// TestCachedDrawingSize changes the size a drawing says it is: the cached
// build remakes the pages that show it with the new width and height, as
// a clean build would (the drawing's size is part of every page's key).
func TestCachedDrawingSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site three times")
	}
	site, dest, opts := exampleWithCache(t)
	if _, err := Publish(context.Background(), site, dest, opts); err != nil {
		t.Fatal(err)
	}
	change(site, "content/conditions/lumbar-disc-herniation.svg", func(s string) string {
		return strings.Replace(s, `width="480" height="440"`, `width="400" height="300"`, 1)
	})
	res, err := Publish(context.Background(), site, dest, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Cache.Made == 0 {
		t.Errorf("cache %+v: no page was made again", res.Cache)
	}
	page, err := os.ReadFile(filepath.Join(dest, "conditions/lumbar-disc-herniation/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`src="/conditions/lumbar-disc-herniation.svg" alt="Drawing of a spinal disc seen from above.`)) ||
		!bytes.Contains(page, []byte(`width="400" height="300" loading="lazy"`)) {
		t.Error("the cached build kept the drawing's old size")
	}
}
