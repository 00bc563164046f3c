package watch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestDiff(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	old := snapshot{
		"content":      {dir: true, mtime: t0},
		"content/a.md": {size: 1, mtime: t0},
		"content/b.md": {size: 1, mtime: t0},
		"content/c.md": {size: 1, mtime: t0},
		"content/d":    {size: 1, mtime: t0},
	}
	next := snapshot{
		"content":      {dir: true, mtime: t0.Add(time.Second)}, // a folder's time changes with its entries: ignored
		"content/a.md": {size: 1, mtime: t0},                    // unchanged
		"content/b.md": {size: 2, mtime: t0},                    // size
		"content/c.md": {size: 1, mtime: t0.Add(time.Millisecond)},
		"content/d":    {dir: true, mtime: t0}, // a file replaced by a folder
		"content/e.md": {size: 1, mtime: t0},
	}
	old["content/gone.md"] = entry{size: 1, mtime: t0}

	var got []string
	for _, ev := range diff(old, next) {
		got = append(got, ev.Op.String()+" "+ev.Path)
	}
	slices.Sort(got)
	want := []string{
		"create content/e.md",
		"remove content/gone.md",
		"write content/b.md",
		"write content/c.md",
		"write content/d",
	}
	if !slices.Equal(got, want) {
		t.Errorf("diff:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPoll(t *testing.T) {
	root := site(t, map[string]string{"content/x.md": "x\n", "public/index.html": ""})
	w := start(t, Options{Root: root, Poll: 5 * time.Millisecond, Paths: []string{"."}})

	write(t, filepath.Join(root, "content/new/y.md"), "y\n")
	write(t, filepath.Join(root, "content/.y.md.swp"), "swap\n")
	write(t, filepath.Join(root, "public/index.html"), "built\n")
	batches, last := collect(t, w, "content/new/y.md")
	onlyPaths(t, batches, "content/new", "content/new/y.md")
	if op := last["content/new/y.md"]; op != Create {
		t.Errorf("op %v, want create", op)
	}

	write(t, filepath.Join(root, "content/x.md"), "longer x\n")
	batches, last = collect(t, w, "content/x.md")
	onlyPaths(t, batches, "content/x.md")
	if op := last["content/x.md"]; op != Write {
		t.Errorf("op %v, want write", op)
	}

	must(t, os.Remove(filepath.Join(root, "content/x.md")))
	batches, last = collect(t, w, "content/x.md")
	onlyPaths(t, batches, "content/x.md")
	if op := last["content/x.md"]; op != Remove {
		t.Errorf("op %v, want remove", op)
	}
}
