package sitefs

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenNeverReadsOutside reads a site whose links lead inside and
// outside it: only the links that stay inside can be read, and Link names
// every other one with its target.
func TestOpenNeverReadsOutside(t *testing.T) {
	fsys, err := Open(linkedSite(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	tests := []struct {
		name string
		want string // "" when the file reads
	}{
		{"content/inside.svg", ""},
		{"content/climb.svg", ""},
		{"content/out.txt", "a symbolic link to ../../secret, which is outside the site"},
		{"content/abs.txt", "an absolute path: Lumen follows only links that stay inside the site"},
		{"content/gone.txt", "a symbolic link that leads to no file: no such file or directory"},
		{"content/loop.txt", "a symbolic link that leads to no file: too many levels of symbolic links"},
	}
	for _, tt := range tests {
		data, err := fs.ReadFile(fsys, tt.name)
		if tt.want == "" {
			if err != nil || string(data) != "<svg/>" {
				t.Errorf("%s: %q, %v", tt.name, data, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s was read: %q", tt.name, data)
			continue
		}
		e := Link(fsys, tt.name, err)
		if e.File != tt.name || !strings.Contains(e.Msg, tt.want) || e.Hint == "" {
			t.Errorf("%s: %v, want a message containing %q", tt.name, e, tt.want)
		}
	}
}

// linkedSite makes the folder of a site, inside a folder that also holds
// a file "secret" that is not the site's, with the file content/img/a.svg
// and symbolic links in content/ that lead inside and outside the site,
// and more, whose names extra gives by the site's folder; it returns the
// site's folder, and skips the test where links cannot be made.
func linkedSite(t *testing.T, extra func(dir string) map[string]string) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	os.MkdirAll(filepath.Join(dir, "content", "img"), 0o755)
	os.WriteFile(filepath.Join(root, "secret"), []byte("secret"), 0o600)
	os.WriteFile(filepath.Join(dir, "content", "img", "a.svg"), []byte("<svg/>"), 0o644)
	links := map[string]string{
		"content/inside.svg": "img/a.svg",
		"content/climb.svg":  "img/../../content/img/a.svg",
		"content/out.txt":    "../../secret",
		"content/abs.txt":    filepath.Join(root, "secret"),
		"content/gone.txt":   "nowhere.txt",
		"content/loop.txt":   "loop.txt",
	}
	if extra != nil {
		maps.Copy(links, extra(dir))
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	return dir
}
