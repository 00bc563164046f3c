package watch

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// timeout bounds every wait on a real file system; tests never assert how
// long anything took.
const timeout = 5 * time.Second

// site makes a site folder with the given files (slash paths to contents).
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		write(t, filepath.Join(root, filepath.FromSlash(name)), body)
	}
	return root
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func start(t *testing.T, opts Options) *Watcher {
	t.Helper()
	w, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	go func() {
		for err := range w.Errors() {
			t.Errorf("Errors: %v", err)
		}
	}()
	return w
}

// collect reads batches until the latest op of every path in want is seen,
// then keeps reading for a short while to catch stray batches. It returns
// every batch read, and the last op seen for each path.
func collect(t *testing.T, w *Watcher, want ...string) ([]Batch, map[string]Op) {
	t.Helper()
	var batches []Batch
	last := make(map[string]Op)
	deadline := time.After(timeout)
	done := func() bool {
		for _, p := range want {
			if _, ok := last[p]; !ok {
				return false
			}
		}
		return true
	}
	for !done() {
		select {
		case b := <-w.Batches():
			batches = append(batches, b)
			for _, c := range b {
				last[c.Path] = c.Op
			}
		case <-deadline:
			t.Fatalf("no change for %v within %v; got %v", want, timeout, batches)
		}
	}
	for {
		select {
		case b := <-w.Batches():
			batches = append(batches, b)
			for _, c := range b {
				last[c.Path] = c.Op
			}
		case <-time.After(200 * time.Millisecond):
			return batches, last
		}
	}
}

// onlyPaths fails unless every change in batches is for one of paths.
func onlyPaths(t *testing.T, batches []Batch, paths ...string) {
	t.Helper()
	for _, b := range batches {
		for _, c := range b {
			if !slices.Contains(paths, c.Path) {
				t.Errorf("unexpected change %v (batches %v)", c, batches)
			}
		}
	}
}

func TestWriteIsReported(t *testing.T) {
	root := site(t, map[string]string{"site.yaml": "title: A\n", "content/x.md": "old\n"})
	w := start(t, Options{Root: root})
	write(t, filepath.Join(root, "content/x.md"), "new\n")
	batches, last := collect(t, w, "content/x.md")
	onlyPaths(t, batches, "content/x.md")
	if last["content/x.md"] != Write {
		t.Errorf("op %v, want write", last["content/x.md"])
	}
	if k := batches[0][0].Kind; k != KindContent {
		t.Errorf("kind %v, want content", k)
	}

	write(t, filepath.Join(root, "site.yaml"), "title: B\n")
	batches, _ = collect(t, w, "site.yaml")
	onlyPaths(t, batches, "site.yaml")
	if k := batches[0][0].Kind; k != KindConfig {
		t.Errorf("kind %v, want config", k)
	}
}

// TestVimSave replays what vim does on :w with its default options.
func TestVimSave(t *testing.T) {
	root := site(t, map[string]string{"content/x.md": "old\n"})
	dir := filepath.Join(root, "content")
	w := start(t, Options{Root: root})

	write(t, filepath.Join(dir, ".x.md.swp"), "swap")
	write(t, filepath.Join(dir, "4913"), "")
	must(t, os.Remove(filepath.Join(dir, "4913")))
	must(t, os.Rename(filepath.Join(dir, "x.md"), filepath.Join(dir, "x.md~")))
	write(t, filepath.Join(dir, "x.md"), "new\n")
	must(t, os.Remove(filepath.Join(dir, "x.md~")))
	must(t, os.Remove(filepath.Join(dir, ".x.md.swp")))

	batches, last := collect(t, w, "content/x.md")
	onlyPaths(t, batches, "content/x.md") // the debounce may split the save in two
	if op := last["content/x.md"]; op != Write && op != Create {
		t.Errorf("last op %v, want write or create: the page must not be left removed", op)
	}
}

// TestAtomicSave replays write-to-temporary-then-rename (VS Code, JetBrains,
// many tools).
func TestAtomicSave(t *testing.T) {
	root := site(t, map[string]string{"content/x.md": "old\n"})
	dir := filepath.Join(root, "content")
	w := start(t, Options{Root: root})
	for _, tmp := range []string{".x.md.tmp1234", "x.md___jb_tmp___"} {
		write(t, filepath.Join(dir, tmp), "new "+tmp+"\n")
		must(t, os.Rename(filepath.Join(dir, tmp), filepath.Join(dir, "x.md")))
		batches, last := collect(t, w, "content/x.md")
		onlyPaths(t, batches, "content/x.md")
		if op := last["content/x.md"]; op != Write && op != Create {
			t.Errorf("%s: last op %v, want write or create", tmp, op)
		}
	}
}

func TestNewFolderIsWatched(t *testing.T) {
	root := site(t, map[string]string{"content/_index.md": "home\n"})
	w := start(t, Options{Root: root})
	// The file is likely created before the watch on a/b exists.
	write(t, filepath.Join(root, "content/a/b/c.md"), "c\n")
	batches, last := collect(t, w, "content/a/b/c.md")
	onlyPaths(t, batches, "content/a", "content/a/b", "content/a/b/c.md")
	if op := last["content/a/b/c.md"]; op != Create && op != Write {
		t.Errorf("op %v, want create", op)
	}
	// And the new folder is watched.
	write(t, filepath.Join(root, "content/a/b/d.md"), "d\n")
	batches, _ = collect(t, w, "content/a/b/d.md")
	onlyPaths(t, batches, "content/a/b/d.md")
}

func TestContentFolderCreatedLater(t *testing.T) {
	root := site(t, nil)
	w := start(t, Options{Root: root})
	write(t, filepath.Join(root, "content/x.md"), "x\n")
	batches, _ := collect(t, w, "content/x.md")
	onlyPaths(t, batches, "content", "content/x.md")
	write(t, filepath.Join(root, "README.md"), "not watched\n")
	write(t, filepath.Join(root, "site.yaml"), "title: A\n")
	batches, _ = collect(t, w, "site.yaml")
	onlyPaths(t, batches, "site.yaml")
}

func TestRemoveIsReported(t *testing.T) {
	root := site(t, map[string]string{"content/x.md": "x\n", "content/y.md": "y\n"})
	w := start(t, Options{Root: root})
	must(t, os.Remove(filepath.Join(root, "content/x.md")))
	batches, last := collect(t, w, "content/x.md")
	onlyPaths(t, batches, "content/x.md")
	if op := last["content/x.md"]; op != Remove {
		t.Errorf("op %v, want remove", op)
	}
}

// TestRenamedFolder checks that files in the subfolders of a renamed folder
// are reported under their new names, not stale old ones.
func TestRenamedFolder(t *testing.T) {
	root := site(t, map[string]string{"content/old/sub/f.md": "f\n"})
	w := start(t, Options{Root: root})
	must(t, os.Rename(filepath.Join(root, "content/old"), filepath.Join(root, "content/new")))
	_, last := collect(t, w, "content/old", "content/new/sub/f.md")
	if op := last["content/old"]; op != Rename {
		t.Errorf("content/old: op %v, want rename", op)
	}
	write(t, filepath.Join(root, "content/new/sub/f.md"), "changed\n")
	batches, _ := collect(t, w, "content/new/sub/f.md")
	onlyPaths(t, batches, "content/new/sub/f.md")
}

func TestPublicAndHiddenAreNotWatched(t *testing.T) {
	root := site(t, map[string]string{"public/index.html": "", ".git/HEAD": "", "content/x.md": ""})
	w := start(t, Options{Root: root, Paths: []string{"."}})
	write(t, filepath.Join(root, "public/index.html"), "built\n")
	write(t, filepath.Join(root, ".git/HEAD"), "ref\n")
	write(t, filepath.Join(root, "content/x.md"), "x\n")
	batches, _ := collect(t, w, "content/x.md")
	onlyPaths(t, batches, "content/x.md")
}

func TestExtraFolder(t *testing.T) {
	root := site(t, map[string]string{"content/x.md": ""})
	theme := site(t, map[string]string{"layouts/page.html": "old"})
	w := start(t, Options{Root: root, Extra: map[string]string{theme: "themes/default"}})
	write(t, filepath.Join(theme, "layouts/page.html"), "new")
	batches, _ := collect(t, w, "themes/default/layouts/page.html")
	onlyPaths(t, batches, "themes/default/layouts/page.html")
	if k := batches[0][0].Kind; k != KindTheme {
		t.Errorf("kind %v, want theme", k)
	}
}

func TestOptionsErrors(t *testing.T) {
	root := t.TempDir()
	for _, opts := range []Options{
		{},
		{Root: root, Paths: []string{"../elsewhere"}},
		{Root: root, Paths: []string{"/etc"}},
		{Root: root, Extra: map[string]string{"relative/theme": "themes/x"}},
		{Root: root, Extra: map[string]string{filepath.Join(root, "missing"): "themes/x"}},
	} {
		if w, err := New(opts); err == nil {
			w.Close()
			t.Errorf("New(%+v) succeeded, want an error", opts)
		}
	}
}

func TestCloseEndsEverything(t *testing.T) {
	for _, poll := range []time.Duration{0, 5 * time.Millisecond} {
		before := runtime.NumGoroutine()
		root := site(t, map[string]string{"content/x.md": "x\n"})
		w, err := New(Options{Root: root, Poll: poll})
		must(t, err)
		write(t, filepath.Join(root, "content/x.md"), "changed\n")
		select {
		case <-w.Batches():
		case <-time.After(timeout):
			t.Fatal("no batch")
		}
		must(t, w.Close())
		must(t, w.Close()) // twice is fine
		if _, ok := <-w.Batches(); ok {
			t.Error("Batches not closed")
		}
		if _, ok := <-w.Errors(); ok {
			t.Error("Errors not closed")
		}
		var after int
		for range 200 {
			if after = runtime.NumGoroutine(); after <= before {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		if after > before {
			buf := make([]byte, 1<<16)
			t.Errorf("poll %v: %d goroutines after Close, %d before:\n%s",
				poll, after, before, buf[:runtime.Stack(buf, true)])
		}
	}
}

func TestRelOf(t *testing.T) {
	root := t.TempDir()
	theme := filepath.Join(root, "repo", "themes", "default")
	trees, err := makeTrees(Options{Root: root, Paths: []string{"content", "site.yaml"}})
	must(t, err)
	trees = append(trees, tree{abs: theme, rel: "themes/default"})
	w := &Watcher{trees: trees}
	tests := []struct {
		abs, want string
	}{
		{filepath.Join(root, "content", "a", "x.md"), "content/a/x.md"},
		{filepath.Join(root, "content"), "content"},
		{filepath.Join(root, "site.yaml"), "site.yaml"},
		{filepath.Join(root, "site.yaml.bak"), ""},
		{filepath.Join(root, "contents", "x.md"), ""},
		{filepath.Join(root, "README.md"), ""},
		{filepath.Join(root, "content", ".x.md.swp"), ""},
		{filepath.Join(theme, "layouts", "page.html"), "themes/default/layouts/page.html"},
	}
	for _, tt := range tests {
		got, ok := w.relOf(tt.abs)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("relOf(%s) = %q, %v; want %q", strings.TrimPrefix(tt.abs, root), got, ok, tt.want)
		}
	}
}
