//go:build linux

package output

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// keeping publishes the site files (name → text) to dest with a Dir that
// keeps a spare, as a build with a cache does: the names in carry are
// linked from the site published, the others written.
func keeping(t *testing.T, dest string, files map[string]string, carry ...string) {
	t.Helper()
	d, err := NewDir(dest, filepath.Join(filepath.Dir(dest), "site"))
	if err != nil {
		t.Fatal(err)
	}
	d.KeepSpare()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if slices.Contains(carry, name) {
			from := filepath.Join(dest, filepath.FromSlash(name))
			fi, err := os.Lstat(from)
			if err != nil {
				t.Fatal(err)
			}
			err = d.Link(name, from, fi)
		} else {
			err = d.WriteFile(name, []byte(files[name]))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, dest); !maps.Equal(got, files) {
		t.Errorf("published %v; want %v", got, files)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public"+tempMarker+"[0-9]*")); len(left) > 0 {
		t.Errorf("left beside the destination: %v", left)
	}
}

// site is the example site of the spare's tests.
func site() map[string]string {
	return map[string]string{
		"index.html":              "home",
		"a/index.html":            "a",
		"a/b/index.html":          "b",
		"a/c/index.html":          "c",
		"d/index.html":            "d",
		"search/r/0.json":         "[0]",
		"search/r/1.json":         "[1]",
		"styles/site.3f2a.css":    "css",
		"conditions/x/index.html": "x",
	}
}

// withSpare publishes the example site to dest, in a folder root, twice,
// the second time as a cached build that carries every file over: the
// first build's site is then the spare.
func withSpare(t *testing.T) (root, dest string, files map[string]string) {
	t.Helper()
	root = t.TempDir()
	dest = filepath.Join(root, "public")
	files = site()
	keeping(t, dest, files)
	keeping(t, dest, files, slices.Collect(maps.Keys(files))...)
	return root, dest, files
}

// TestSpareIsKept checks that the site a build replaced is kept beside
// the destination, and that the next build publishes into it: a file it
// carries over that the spare has already is left as it is (the same
// inode since the first build), and what the spare had that the build
// does not make is not published.
func TestSpareIsKept(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	files := site()
	keeping(t, dest, files)
	first, err := os.Lstat(filepath.Join(dest, "a", "b", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	firstSite, err := os.Lstat(dest)
	if err != nil {
		t.Fatal(err)
	}
	firstFolder := folderID(t, filepath.Join(dest, "a", "b"))
	all := slices.Collect(maps.Keys(files))
	keeping(t, dest, files, all...)
	if _, err := os.Stat(filepath.Join(root, ".public.lumen-spare")); err != nil {
		t.Fatalf("no spare after the second build: %v", err)
	}
	// The third build publishes into the first's site.
	files["a/index.html"] = "a, edited"
	delete(files, "d/index.html")
	delete(files, "a/c/index.html")
	delete(files, "search/r/1.json")
	files["e/index.html"] = "e"
	keeping(t, dest, files, "index.html", "a/b/index.html", "search/r/0.json", "styles/site.3f2a.css", "conditions/x/index.html")
	third, err := os.Lstat(filepath.Join(dest, "a", "b", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(first, third) {
		t.Error("a file carried over twice is not the first build's file")
	}
	if thirdSite, err := os.Lstat(dest); err != nil || !os.SameFile(firstSite, thirdSite) {
		t.Error("the third build did not publish into the first build's folder")
	}
	if folderID(t, filepath.Join(dest, "a", "b")) != firstFolder {
		t.Error("the folder of a file carried over was changed, not left as it was")
	}
	// And on, each build into the site before the last.
	for i := range 4 {
		files["a/index.html"] = "a, edited again " + string(rune('0'+i))
		keeping(t, dest, files, "index.html", "a/b/index.html", "search/r/0.json", "e/index.html")
	}
}

// folderID returns the fileID of the folder dir.
func folderID(t *testing.T, dir string) fileID {
	t.Helper()
	fi, err := os.Lstat(dir)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := idOf(fi)
	return id
}

// TestSpareNeverPublishesWhatTheBuildDidNotMake changes the spare between
// builds, as a person or a program might, and checks that the next build
// still publishes exactly its own files, and writes nothing outside its
// folder.
func TestSpareNeverPublishesWhatTheBuildDidNotMake(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, spare, outside string)
	}{
		{"a file added to a folder", func(t *testing.T, spare, _ string) {
			os.WriteFile(filepath.Join(spare, "a", "b", "extra.html"), []byte("extra"), 0o644)
		}},
		{"a file added to the root", func(t *testing.T, spare, _ string) {
			os.WriteFile(filepath.Join(spare, "extra.html"), []byte("extra"), 0o644)
		}},
		{"a folder added", func(t *testing.T, spare, _ string) {
			os.MkdirAll(filepath.Join(spare, "a", "new"), 0o755)
			os.WriteFile(filepath.Join(spare, "a", "new", "index.html"), []byte("extra"), 0o644)
		}},
		{"a file replaced", func(t *testing.T, spare, _ string) {
			name := filepath.Join(spare, "a", "b", "index.html")
			os.Remove(name)
			os.WriteFile(name, []byte("not b"), 0o644)
		}},
		{"a root file replaced", func(t *testing.T, spare, _ string) {
			name := filepath.Join(spare, "index.html")
			os.Remove(name)
			os.WriteFile(name, []byte("not home"), 0o644)
		}},
		{"a folder replaced by a link out", func(t *testing.T, spare, outside string) {
			os.RemoveAll(filepath.Join(spare, "a"))
			os.Symlink(outside, filepath.Join(spare, "a"))
		}},
		{"a nested folder replaced by a link out", func(t *testing.T, spare, outside string) {
			os.RemoveAll(filepath.Join(spare, "search", "r"))
			os.Symlink(outside, filepath.Join(spare, "search", "r"))
		}},
		{"a folder replaced by a file", func(t *testing.T, spare, _ string) {
			os.RemoveAll(filepath.Join(spare, "d"))
			os.WriteFile(filepath.Join(spare, "d"), []byte("d"), 0o644)
		}},
		{"the manifest gone", func(t *testing.T, spare, _ string) {
			os.Remove(spare + manifestSuffix)
			os.WriteFile(filepath.Join(spare, "extra.html"), []byte("extra"), 0o644)
		}},
		{"the manifest damaged", func(t *testing.T, spare, _ string) {
			data, _ := os.ReadFile(spare + manifestSuffix)
			os.WriteFile(spare+manifestSuffix, data[:len(data)/2], 0o644)
		}},
		{"the manifest of another folder", func(t *testing.T, spare, _ string) {
			moved := spare + ".moved"
			os.Rename(spare, moved)
			os.CopyFS(spare, os.DirFS(moved))
			os.RemoveAll(moved)
			os.WriteFile(filepath.Join(spare, "a", "b", "extra.html"), []byte("extra"), 0o644)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, dest, files := withSpare(t)
			outside := filepath.Join(root, "outside")
			os.MkdirAll(filepath.Join(outside, "b"), 0o755)
			os.WriteFile(filepath.Join(outside, "index.html"), []byte("outside"), 0o644)
			before := readAll(t, outside)
			tc.change(t, filepath.Join(root, ".public.lumen-spare"), outside)
			// The build carries most files over, writes one anew and
			// makes a folder where a file was, and a file where a folder
			// was.
			files["a/index.html"] = "a, edited"
			delete(files, "d/index.html")
			files["d"] = "d is a file now"
			delete(files, "styles/site.3f2a.css")
			files["styles/site.3f2a.css/index.html"] = "a folder now"
			keeping(t, dest, files, "index.html", "a/b/index.html", "a/c/index.html", "search/r/0.json", "search/r/1.json", "conditions/x/index.html")
			if got := readAll(t, outside); !maps.Equal(got, before) {
				t.Errorf("the folder a link led to changed: %v", got)
			}
			keeping(t, dest, files, slices.Collect(maps.Keys(files))...)
		})
	}
}

// TestAbortedBuildReturnsTheSpare checks that a build that fails after
// taking the spare and writing into it puts it back, and that the next
// build publishes its own files only.
func TestAbortedBuildReturnsTheSpare(t *testing.T) {
	root, dest, files := withSpare(t)
	d, err := NewDir(dest, filepath.Join(root, "site"))
	if err != nil {
		t.Fatal(err)
	}
	d.KeepSpare()
	d.WriteFile("a/b/index.html", []byte("aborted"))
	d.WriteFile("f/index.html", []byte("aborted"))
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".public.lumen-spare")); err != nil {
		t.Errorf("the spare was not put back: %v", err)
	}
	if got := readAll(t, dest); !maps.Equal(got, files) {
		t.Errorf("an aborted build changed the site: %v", got)
	}
	keeping(t, dest, files, "index.html", "a/index.html", "d/index.html")
}

// TestBuildWithoutSpareDropsIt checks that a build that keeps no spare
// (a build without a cache) removes the one a build before kept, and its
// manifests.
func TestBuildWithoutSpareDropsIt(t *testing.T) {
	root, dest, _ := withSpare(t)
	d, err := NewDir(dest, filepath.Join(root, "site"))
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("home"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("beside the destination: %v; want nothing", entries)
	}
}

// FuzzDecodeManifest checks that any bytes decode to a manifest or an
// error, and that a manifest decoded encodes to one equal to it.
func FuzzDecodeManifest(f *testing.F) {
	m := &manifest{root: fileID{dev: 1, ino: 2}, dirs: map[string]fileID{"a": {dev: 1, ino: 3, ctime: 4}}, files: map[string]uint64{"a/index.html": 5}}
	f.Add(m.encode())
	f.Add([]byte(manifestMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeManifest(data)
		if err != nil {
			return
		}
		again, err := decodeManifest(m.encode())
		if err != nil {
			t.Fatalf("a manifest decoded does not decode again: %v", err)
		}
		if again.root != m.root || !maps.Equal(again.dirs, m.dirs) || !maps.Equal(again.files, m.files) {
			t.Errorf("decoded %+v, then %+v", m, again)
		}
	})
}

// TestFileAndFolderOfOneName checks that a build that writes a file and a
// folder of the same name fails, with a spare as without one, and never
// deletes a file or folder it wrote to make room for the other.
func TestFileAndFolderOfOneName(t *testing.T) {
	for _, keep := range []bool{false, true} {
		root, dest, _ := withSpare(t)
		d, err := NewDir(dest, filepath.Join(root, "site"))
		if err != nil {
			t.Fatal(err)
		}
		if keep {
			d.KeepSpare()
		}
		if err := d.WriteFile("d/index.html", []byte("d")); err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile("d", []byte("a file")); err == nil {
			t.Errorf("keep %v: a file was written where the build made a folder", keep)
		}
		if err := d.WriteFile("q", []byte("q")); err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile("q/index.html", []byte("in a folder")); err == nil {
			t.Errorf("keep %v: a folder was made where the build wrote a file", keep)
		}
		if fi, err := d.Stat("d/index.html"); err != nil || fi.Size() != 1 {
			t.Errorf("keep %v: the build's own d/index.html is gone: %v", keep, err)
		}
		if fi, err := d.Stat("q"); err != nil || !fi.Mode().IsRegular() {
			t.Errorf("keep %v: the build's own file q is gone: %v", keep, err)
		}
		d.Abort()
	}
}
