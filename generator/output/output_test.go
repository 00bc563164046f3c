package output

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return out
}

func TestDirCommitReplacesTheOldSite(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	os.MkdirAll(filepath.Join(dest, "old"), 0o755)
	os.WriteFile(filepath.Join(dest, "index.html"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(dest, "old", "index.html"), []byte("gone"), 0o644)

	d, err := NewDir(dest, root+"/site")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/b/index.html", []byte("deep")); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, dest); got["index.html"] != "old" {
		t.Fatalf("dest changed before Commit: %v", got)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, dest)
	if len(got) != 2 || got["index.html"] != "new" || got["a/b/index.html"] != "deep" {
		t.Errorf("after Commit: %v", got)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("left beside dest: %v", entries)
	}
}

// TestSwapThenRemovePrevious checks Commit's two steps apart, as Publish
// takes them: after Swap the new site is published and the previous one
// still beside it, no write goes into either, and RemovePrevious deletes
// the previous one.
func TestSwapThenRemovePrevious(t *testing.T) {
	root, dest, d := oldSiteAndNewDir(t)
	if err := d.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := d.Swap(); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, dest); len(got) != 1 || got["index.html"] != "new" {
		t.Errorf("after Swap: %v", got)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 2 {
		t.Errorf("after Swap, beside dest: %v; want the previous site", entries)
	}
	if err := d.WriteFile("late.html", []byte("late")); err == nil {
		t.Error("a write after Swap was taken")
	}
	if err := d.RemovePrevious(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("after RemovePrevious, beside dest: %v", entries)
	}
	if got := readAll(t, dest); len(got) != 1 || got["index.html"] != "new" {
		t.Errorf("after RemovePrevious: %v", got)
	}
}

// oldSiteAndNewDir returns a folder root holding a published site, dest,
// whose index.html says "old", and a Dir to publish a new one there.
func oldSiteAndNewDir(t *testing.T) (root, dest string, d *Dir) {
	t.Helper()
	root = t.TempDir()
	dest = filepath.Join(root, "public")
	os.MkdirAll(dest, 0o755)
	os.WriteFile(filepath.Join(dest, "index.html"), []byte("old"), 0o644)
	d, err := NewDir(dest, root+"/site")
	if err != nil {
		t.Fatal(err)
	}
	return root, dest, d
}

func TestDirAbortLeavesDestAlone(t *testing.T) {
	root, dest, d := oldSiteAndNewDir(t)
	d.WriteFile("index.html", []byte("new"))
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, dest); got["index.html"] != "old" || len(got) != 1 {
		t.Errorf("after Abort: %v", got)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("temporary folder left: %v", entries)
	}
}

func TestDirFirstBuildCreatesDest(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "out", "public")
	d, err := NewDir(dest, root)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("x"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, dest); got["index.html"] != "x" {
		t.Errorf("got %v", got)
	}
}

func TestNewDirRemovesStaleTempFolders(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	// A process id that cannot exist (above the kernel's pid_max).
	stale := filepath.Join(root, ".public"+tempMarker+strconv.Itoa(1<<30)+"-abc")
	os.MkdirAll(filepath.Join(stale, "x"), 0o755)
	os.WriteFile(stale+manifestSuffix, []byte("x"), 0o644)
	other := filepath.Join(root, ".unrelated")
	os.MkdirAll(other, 0o755)
	spare, spareManifest, liveManifest := sparePaths(dest)
	os.MkdirAll(spare, 0o755)
	for _, name := range []string{spareManifest, liveManifest} {
		os.WriteFile(name, []byte("x"), 0o644)
	}
	d, err := NewDir(dest, root+"/site")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a dead build's temporary folder was not removed")
	}
	if _, err := os.Stat(stale + manifestSuffix); !os.IsNotExist(err) {
		t.Error("a dead build's manifest was not removed")
	}
	for _, kept := range []string{other, spare, spareManifest, liveManifest} {
		if _, err := os.Stat(kept); err != nil {
			t.Errorf("%s was removed", filepath.Base(kept))
		}
	}
}

func TestNewDirRefusesDangerousDestinations(t *testing.T) {
	root := t.TempDir()
	docs := filepath.Join(root, "documents")
	os.MkdirAll(docs, 0o755)
	os.WriteFile(filepath.Join(docs, "taxes.pdf"), []byte("precious"), 0o644)
	site := filepath.Join(root, "site")
	for _, dir := range []string{"content/articles", "themes/default"} {
		os.MkdirAll(filepath.Join(site, dir), 0o755)
	}
	os.WriteFile(filepath.Join(site, "site.yaml"), []byte("title: x\n"), 0o644)
	os.WriteFile(filepath.Join(site, "index.html"), []byte("a page of the site"), 0o644)
	os.Symlink(site, filepath.Join(root, "sitelink"))
	os.Symlink(filepath.Join(site, "content"), filepath.Join(root, "contentlink"))
	os.Symlink(filepath.Join(root, "nowhere"), filepath.Join(root, "dangling"))
	tests := []struct{ dest, source, want string }{
		{root, root, "contains the site itself"},
		{root, site, "contains the site itself"},
		{docs, site, "does not look like a built site"},
		// The site reached through a link, from either side: the
		// destination is the site itself.
		{site, filepath.Join(root, "sitelink"), "contains the site itself"},
		{filepath.Join(root, "sitelink"), site, "contains the site itself"},
		{filepath.Join(root, "sitelink", "content", ".."), site, "contains the site itself"},
		// Inside what a build reads, directly, through a link or not
		// yet existing.
		{filepath.Join(site, "content", "out"), site, "lies inside the site's content"},
		{filepath.Join(site, "content", "articles"), site, "lies inside the site's content"},
		{filepath.Join(root, "contentlink", "out"), site, "lies inside the site's content"},
		{filepath.Join(root, "sitelink", "themes", "default", "static"), site, "lies inside the site's themes"},
		{filepath.Join(site, "site.yaml"), site, "lies inside the site's site.yaml"},
		{filepath.Join(root, "dangling"), site, "a symbolic link that leads to no folder"},
	}
	for _, tt := range tests {
		_, err := NewDir(tt.dest, tt.source)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewDir(%s, %s) = %v, want an error containing %q", tt.dest, tt.source, err, tt.want)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(docs, "taxes.pdf")); string(data) != "precious" {
		t.Error("a refused destination was touched")
	}
	if data, _ := os.ReadFile(filepath.Join(site, "site.yaml")); string(data) != "title: x\n" {
		t.Error("the site was touched")
	}
	if entries, _ := os.ReadDir(filepath.Join(site, "content")); len(entries) != 1 {
		t.Errorf("content/ changed: %v", entries)
	}
}

// TestDirPublishesThroughALink publishes to a destination that is a
// symbolic link to a folder: the link stays, and the folder it points to
// holds the new site.
func TestDirPublishesThroughALink(t *testing.T) {
	root := t.TempDir()
	www := filepath.Join(root, "srv", "www")
	os.MkdirAll(www, 0o755)
	os.WriteFile(filepath.Join(www, "index.html"), []byte("old"), 0o644)
	link := filepath.Join(root, "site", "public")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(www, link); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(link, filepath.Join(root, "site"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Path() != link || d.Target() != www {
		t.Errorf("Path, Target = %s, %s; want %s, %s", d.Path(), d.Target(), link, www)
	}
	d.WriteFile("index.html", []byte("new"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info, err)
	}
	if got := readAll(t, www); got["index.html"] != "new" || len(got) != 1 {
		t.Errorf("the link's folder holds %v", got)
	}
	if entries, _ := os.ReadDir(filepath.Join(root, "srv")); len(entries) != 1 {
		t.Errorf("left beside the target: %v", entries)
	}
}

func TestWritersRefuseEscapingNames(t *testing.T) {
	root := t.TempDir()
	d, err := NewDir(filepath.Join(root, "public"), root+"/site")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, w := range []Writer{d, NewMem()} {
		for _, name := range []string{"../x", "/etc/passwd", "a/../../x", ".", "", "a//b"} {
			if err := w.WriteFile(name, []byte("x")); err == nil {
				t.Errorf("%T wrote %q", w, name)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(root, "x")); err == nil {
		t.Error("a file was written outside the destination")
	}
}

func TestMem(t *testing.T) {
	m := NewMem()
	data := []byte("hello")
	m.WriteFile("a/index.html", data)
	data[0] = 'j'
	fsys := m.FS()
	m.WriteFile("b.html", []byte("later"))
	got, err := fs.ReadFile(fsys, "a/index.html")
	if err != nil || string(got) != "hello" {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := fs.Stat(fsys, "b.html"); err == nil {
		t.Error("a snapshot saw a later write")
	}
	if m.Len() != 2 {
		t.Errorf("Len = %d", m.Len())
	}
}

// TestAbortWaitsForWritesAndRefusesLaterOnes writes from many goroutines
// while the Dir is aborted: nothing is left beside the destination, and
// writes after Abort are refused.
func TestAbortWaitsForWritesAndRefusesLaterOnes(t *testing.T) {
	root := t.TempDir()
	d, err := NewDir(filepath.Join(root, "public"), root+"/site")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := 0; ; j++ {
				if d.WriteFile(fmt.Sprintf("g%d/p%d/index.html", i, j), []byte("x")) != nil {
					return
				}
			}
		})
	}
	d.WriteFile("index.html", []byte("x"))
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if err := d.WriteFile("late.html", []byte("x")); err == nil {
		t.Error("a write after Abort was accepted")
	}
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Errorf("left beside the destination: %v", entries)
	}
	if err := d.Commit(); err == nil {
		t.Error("an aborted Dir was committed")
	}
}

// TestLink carries a file of the published site into the next one without
// copying it, and refuses once the build is aborted.
func TestLink(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	os.MkdirAll(src, 0o755)
	old := filepath.Join(root, "old.html")
	os.WriteFile(old, []byte("<p>kept</p>"), 0o644)
	d, err := NewDir(filepath.Join(root, "public"), src)
	if err != nil {
		t.Fatal(err)
	}
	oldInfo, err := os.Lstat(old)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Link("index.html", old, oldInfo); err != nil {
		t.Fatal(err)
	}
	fi, err := d.Stat("index.html")
	if err != nil {
		t.Fatal(err)
	}
	if orig, _ := os.Stat(old); !os.SameFile(fi, orig) {
		t.Error("the file was copied, not linked")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "public", "index.html")); string(data) != "<p>kept</p>" {
		t.Errorf("published %q", data)
	}
	d2, err := NewDir(filepath.Join(root, "public"), src)
	if err != nil {
		t.Fatal(err)
	}
	d2.Abort()
	if err := d2.Link("b.html", old, oldInfo); err == nil {
		t.Error("an aborted Dir linked a file")
	}
}
