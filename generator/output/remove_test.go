package output

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestRemoveTree removes a previous site whose files are partly the names
// given, partly others, with a symbolic link where a named folder was: the
// whole folder goes, and nothing the link leads to.
func TestRemoveTree(t *testing.T) {
	tmp := t.TempDir()
	outside := filepath.Join(tmp, "outside")
	os.MkdirAll(filepath.Join(outside, "x"), 0o755)
	os.WriteFile(filepath.Join(outside, "x", "index.html"), []byte("keep me"), 0o644)
	os.WriteFile(filepath.Join(outside, "index.html"), []byte("keep me too"), 0o644)

	old := filepath.Join(tmp, "old")
	for _, f := range []string{"index.html", "articles/a/index.html", "articles/b/index.html", "articles/b/photo.jpg",
		"conditions/c/index.html", "only-old/page/index.html", "search/p/0.json"} {
		os.MkdirAll(filepath.Join(old, filepath.Dir(f)), 0o755)
		os.WriteFile(filepath.Join(old, f), []byte(f), 0o644)
	}
	// A link in place of a folder the new site names.
	os.Symlink(outside, filepath.Join(old, "providers"))
	names := []string{"index.html", "articles/a/index.html", "articles/b/index.html", "articles/new/index.html",
		"conditions/c/index.html", "providers/x/index.html", "providers/index.html", "search/p/0.json", "search/p/1.json"}
	if err := removeTree(old, names); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(old); !os.IsNotExist(err) {
		t.Errorf("the previous site is still there (%v)", err)
	}
	for _, f := range []string{"x/index.html", "index.html"} {
		if data, err := os.ReadFile(filepath.Join(outside, f)); err != nil || len(data) == 0 {
			t.Errorf("%s, outside the site, was removed or emptied (%v)", f, err)
		}
	}
}

// TestTreeOf groups names by folder.
func TestTreeOf(t *testing.T) {
	tr := treeOf([]string{"index.html", "a/index.html", "a/b/index.html", "a/b/pic.jpg", "c/d/e/f.txt"})
	if len(tr.files) != 1 || len(tr.folders) != 2 || len(tr.folders["a"].files) != 1 ||
		len(tr.folders["a"].folders["b"].files) != 2 || len(tr.folders["c"].folders["d"].folders["e"].files) != 1 {
		t.Errorf("tree %+v", tr)
	}
}

// TestRemoveTreeLargeSection removes a section of hundreds of pages, whose
// folders are removed on all cores, some with files the names do not
// give.
func TestRemoveTreeLargeSection(t *testing.T) {
	old := filepath.Join(t.TempDir(), "old")
	var names []string
	for i := range 300 {
		name := "articles/page-" + strconv.Itoa(i) + "/index.html"
		os.MkdirAll(filepath.Join(old, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(old, name), nil, 0o644)
		if i%7 == 0 {
			os.WriteFile(filepath.Join(old, filepath.Dir(name), "extra.png"), nil, 0o644)
		}
		if i%5 != 0 {
			names = append(names, name)
		}
	}
	if err := removeTree(old, names); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(old); !os.IsNotExist(err) {
		t.Errorf("the previous site is still there (%v)", err)
	}
}
