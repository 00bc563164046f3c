package generator

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/themes"
)

// TestUnfollowedTemplates is a theme whose templates the cache cannot
// follow to know what they read of other pages (a function it does not
// know, slice): lumen build -v counts those pages, and an edit to
// another page's title renders them again rather than keep them.
func TestUnfollowedTemplates(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site three times")
	}
	site, dest, opts := exampleWithCache(t)
	src, err := fs.ReadFile(themes.Default(), "layouts/partials/tags.html")
	if err != nil {
		t.Fatal(err)
	}
	change(site, "themes/default/layouts/partials/tags.html", func(string) string {
		return strings.Replace(string(src), "{{- range .}}", "{{- range slice . 0}}", 1)
	})
	res, err := Publish(context.Background(), site, dest, opts)
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Cache; c.Unfollowed == 0 || c.Unfollowed == c.Made {
		t.Errorf("cache %+v: want the pages with tags counted as not followed, and only those", c)
	}
	change(site, "content/providers/dr-maya-ortiz.md", func(s string) string {
		return strings.Replace(s, "title: Maya Ortiz", "title: Maya J. Ortiz", 1)
	})
	res, err = Publish(context.Background(), site, dest, opts)
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Cache; c.Rerendered == 0 || c.Reused == 0 {
		t.Errorf("cache %+v: want the pages not followed rendered again, the others kept", c)
	}
	sameAsClean(t, site, dest, opts)
}
