package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildErrorsShowTheOffendingLine(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":              "title: T\nbase_url: https://example.com/\n",
		"content/about.md":       "---\ntitle: Back pain: what helps\n---\n",
		"content/contact.md":     "---\ntitle: Contact\ncolour: blue\n---\n",
		"content/locations/a.md": "---\ntitle: A\naddress:\n\tcity: Riverton\n---\n",
	}
	for name, text := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	code, _, errs := lumen("build", "--source", dir)
	if code != exitError {
		t.Fatalf("exit %d", code)
	}
	want := `content/about.md:2:17: invalid YAML: mapping values are not allowed in this context [frontmatter]
    2 | title: Back pain: what helps
      |                 ^
    hint: a value that contains ": " must be quoted, for example title: "Back pain: what helps"
content/contact.md:3:1: unknown key "colour" [frontmatter]
    3 | colour: blue
      | ^
    hint: known keys here are: title, description, slug, date, draft, tags, summary, weight, image, image_alt, image_credit, aliases, translation_of, original_version, layout
content/locations/a.md:4:1: invalid YAML: found character that cannot start any token [frontmatter]
    4 | 	city: Riverton
      | ^
    hint: YAML does not allow tabs for indentation; indent with spaces

lumen build: the content stage found 3 errors;`
	if !strings.HasPrefix(errs, want) {
		t.Errorf("stderr:\n%s\nwant it to start with:\n%s", errs, want)
	}
}
