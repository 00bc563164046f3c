package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestNoBodyAndReadBody(t *testing.T) {
	fsys := fstest.MapFS{
		"content/about.md":  {Data: []byte("---\ntitle: About\n---\n# About us\n\nWe care.\n")},
		"content/crlf.md":   {Data: []byte("\xef\xbb\xbf---\r\ntitle: CRLF\r\n---\r\nLine one.\r\nLine two.\r\n")},
		"content/_index.md": {Data: []byte("Just text, no front matter.\n")},
	}
	full, errs := Load(fsys, Options{})
	if errs != nil {
		t.Fatal(errs)
	}
	lean, errs := Load(fsys, Options{NoBody: true})
	if errs != nil {
		t.Fatal(errs)
	}
	for i, p := range lean.Pages {
		if p.Body != nil {
			t.Errorf("%s: Body kept with NoBody", p.Source)
		}
		body, err := ReadBody(fsys, p)
		if err != nil {
			t.Fatalf("%s: %v", p.Source, err)
		}
		if want := full.Pages[i]; string(body) != string(want.Body) || p.BodyLine != want.BodyLine {
			t.Errorf("%s: ReadBody = %q (line %d), want %q (line %d)", p.Source, body, p.BodyLine, want.Body, want.BodyLine)
		}
	}

	// A file whose front matter grew since it was loaded cannot be read
	// at the old lines.
	about := lean.Pages[1]
	fsys["content/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\ndescription: More.\n---\n# About us\n")}
	if _, err := ReadBody(fsys, about); err == nil || !strings.Contains(err.Error(), "content/about.md:1: the file changed while the site was being built") {
		t.Errorf("changed file: %v", err)
	}
	delete(fsys, "content/about.md")
	if _, err := ReadBody(fsys, about); err == nil || !strings.Contains(err.Error(), "content/about.md: cannot read") {
		t.Errorf("deleted file: %v", err)
	}

	// Cached pages keep their bodies: NoBody is ignored with a Cache.
	cached, _ := Load(fsys, Options{NoBody: true, Cache: NewCache()})
	for _, p := range cached.Pages {
		if p.Body == nil && p.Source == "content/crlf.md" {
			t.Error("a cached page lost its body")
		}
	}
}
