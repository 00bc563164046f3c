package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCachedFalseFrontMatter is a front matter's false kept by the build
// cache: encoding/gob sends a pointer to false as nothing, and a provider
// whose accepting_new_patients: false came back from the cache as unsaid
// lost its "Accepting new patients: No" once another page's edit made it
// again.
func TestCachedFalseFrontMatter(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site three times")
	}
	site, dest, opts := exampleWithCache(t)
	change(site, "content/providers/dr-samuel-reed.md", func(s string) string {
		return strings.Replace(s, "accepting_new_patients: true", "accepting_new_patients: false", 1)
	})
	if _, err := Publish(context.Background(), site, dest, opts); err != nil {
		t.Fatal(err)
	}
	// The page of providers lists them all: another's new name makes it
	// again, with the front matter of this one that the cache kept.
	change(site, "content/providers/dr-maya-ortiz.md", func(s string) string {
		return strings.Replace(s, "title: Maya Ortiz", "title: Maya J. Ortiz", 1)
	})
	res, err := Publish(context.Background(), site, dest, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Cache.Kept == 0 {
		t.Fatalf("cache %+v: no front matter kept", res.Cache)
	}
	page, err := os.ReadFile(filepath.Join(dest, "providers/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("No, not at the moment")) {
		t.Error("the providers' page lost the provider's accepting_new_patients: false")
	}
	sameAsClean(t, site, dest, opts)
}
