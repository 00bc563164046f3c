package sitefs

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadFileReadsWhatTheRootReads reads each kind of name in a site
// through ReadFile's one call to open (readFile) and through the os.Root:
// readFile reads only what the os.Root reads, the same bytes, and leaves
// every other name to it (a link out of the site, an absolute link even to
// a file inside, a folder, a FIFO, a missing file, a loop).
func TestReadFileReadsWhatTheRootReads(t *testing.T) {
	dir := linkedSite(t, func(dir string) map[string]string {
		return map[string]string{
			"content/absin.svg": filepath.Join(dir, "content", "img", "a.svg"),
			"content/folder":    "img",
			"content/proc":      "/proc/self/root/etc/hostname",
		}
	})
	os.WriteFile(filepath.Join(dir, "content", "empty.md"), nil, 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	if fsys.dirfd < 0 {
		t.Skip("the folder cannot be opened as a path")
	}
	names := []string{"content/img/a.svg", "content/empty.md", "content/fifo", "content/img", "content/missing",
		"content/inside.svg", "content/climb.svg", "content/out.txt", "content/abs.txt", "content/absin.svg",
		"content/gone.txt", "content/loop.txt", "content/folder", "content/proc"}
	for _, name := range names {
		fast, ok := readFile(fsys.dirfd, name)
		if name == "content/fifo" {
			if ok {
				t.Errorf("readFile read the FIFO %s", name)
			}
			continue // the os.Root would wait for a writer
		}
		slow, err := fs.ReadFile(fsys.rootFS, name)
		switch {
		case ok && err != nil:
			t.Errorf("readFile read %s (%q), which the os.Root does not: %v", name, fast, err)
		case ok && string(fast) != string(slow):
			t.Errorf("readFile read %q from %s, the os.Root %q", fast, name, slow)
		}
		got, gerr := fsys.ReadFile(name)
		if string(got) != string(slow) || (gerr == nil) != (err == nil) || gerr != nil && gerr.Error() != err.Error() {
			t.Errorf("ReadFile(%s) = %q, %v; the os.Root gives %q, %v", name, got, gerr, slow, err)
		}
	}
	// The files the os.Root reads are read with one call to open.
	for _, name := range []string{"content/img/a.svg", "content/empty.md", "content/inside.svg", "content/climb.svg"} {
		if _, ok := readFile(fsys.dirfd, name); !ok {
			t.Errorf("readFile did not read %s", name)
		}
	}
}
