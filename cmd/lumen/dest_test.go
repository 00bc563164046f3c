package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/internal/sitetest"
)

// TestBuildNeverReplacesTheSource builds a site whose destination is the
// site itself reached through a symbolic link, a folder inside its
// content, and a link to a folder: the first two are refused with both
// paths named and the site untouched; the third is published into the
// link's folder, keeping the link.
func TestBuildNeverReplacesTheSource(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	os.WriteFile(filepath.Join(site, "site.yaml"), []byte("title: T\nbase_url: https://example.com/\n"), 0o644)
	os.WriteFile(filepath.Join(site, "content", "about.md"), []byte("---\ntitle: About\n---\nHello.\n"), 0o644)
	// A site with an index.html at its root looks like a built site.
	os.WriteFile(filepath.Join(site, "index.html"), []byte("<p>home</p>"), 0o644)
	if err := os.Symlink(site, filepath.Join(root, "sitelink")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	before := sitetest.Snapshot(t, site)

	code, _, errs := lumen("build", "--source", filepath.Join(root, "sitelink"), "--dest", filepath.Join(root, "sitelink", "..", "site"))
	if code != exitError || !strings.Contains(errs, "contains the site itself") || !strings.Contains(errs, site) {
		t.Errorf("destination = the site through a link: exit %d, %q", code, errs)
	}
	code, _, errs = lumen("build", "--source", site, "--dest", filepath.Join(site, "content", "out"))
	if code != exitError || !strings.Contains(errs, "lies inside the site's content") {
		t.Errorf("destination inside content/: exit %d, %q", code, errs)
	}
	after := sitetest.Snapshot(t, site)
	if len(after) != len(before) {
		t.Errorf("the site changed: %v", after)
	}
	for name, text := range before {
		if after[name] != text {
			t.Errorf("%s changed", name)
		}
	}

	www := filepath.Join(root, "www")
	os.MkdirAll(www, 0o755)
	os.Symlink(www, filepath.Join(site, "public"))
	code, out, errs := lumen("build", "--source", site)
	if code != exitOK || !strings.Contains(out, "(a link to "+www+")") {
		t.Fatalf("destination a link: exit %d, %q %q", code, out, errs)
	}
	if info, err := os.Lstat(filepath.Join(site, "public")); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("public/ is no longer a link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(www, "about", "index.html")); err != nil {
		t.Errorf("not published into the link's folder: %v", err)
	}
}
