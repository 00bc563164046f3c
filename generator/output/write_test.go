package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFileIsOSWriteFile writes as os.WriteFile does: a new file, a
// longer file emptied first, an empty file, and the same error for a
// folder that is not there.
func TestWriteFileIsOSWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.html")
	for _, data := range []string{"<p>first, the longer one</p>", "<p>short</p>", ""} {
		if err := writeFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil || string(got) != data {
			t.Errorf("wrote %q, read %q, %v", data, got, err)
		}
	}
	if fi, err := os.Stat(name); err != nil || fi.Mode().Perm()&^0o644 != 0 {
		t.Errorf("the file is %v, %v; want at most rw-r--r--", fi.Mode(), err)
	}
	missing := filepath.Join(dir, "none", "b.html")
	err := writeFile(missing, []byte("x"), 0o644)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Op != "open" || pe.Path != missing || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("writing into a missing folder: %v, want open %s: no such file", err, missing)
	}
	if want := os.WriteFile(missing, []byte("x"), 0o644); err == nil || err.Error() != want.Error() {
		t.Errorf("writeFile says %v, os.WriteFile %v", err, want)
	}
}
