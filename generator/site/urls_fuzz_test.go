package site

import (
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/content"
)

// FuzzURLFor checks that every URL a content file can get stays inside the
// site: it starts and ends with "/", has no empty segment and no "." or
// ".." segment, whatever the file's path. The slug is what front matter
// validation lets through (content.ValidSlug), or, for any other text,
// what content.Slugify makes of it.
func FuzzURLFor(f *testing.F) {
	for _, s := range [][2]string{
		{"conditions/sciatica.md", ""},
		{"conditions/sciatica.md", "leg-pain"},
		{"articles/scope/index.md", ""},
		{"_index.md", ""},
		{"../../etc/x.md", ""},
		{"a/../../b/.md", "../../etc/x"},
		{"Guías/Dolor de Espalda.md", ""},
		{"a//b/./c/_index.md", "x"},
		{"./.././index", ""},
		{`a\..\b.md`, ""},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, rel, slug string) {
		if slug != "" && !content.ValidSlug(slug) {
			slug = content.Slugify(slug)
		}
		u := URLFor(rel, slug)
		if !strings.HasPrefix(u, "/") || !strings.HasSuffix(u, "/") {
			t.Fatalf("URLFor(%q, %q) = %q: not a /…/ path", rel, slug, u)
		}
		if u == "/" {
			return
		}
		for _, seg := range strings.Split(u[1:len(u)-1], "/") {
			switch {
			case seg == "":
				t.Fatalf("URLFor(%q, %q) = %q has an empty segment", rel, slug, u)
			case seg == "." || seg == "..":
				t.Fatalf("URLFor(%q, %q) = %q climbs out of the site", rel, slug, u)
			case strings.ContainsAny(seg, `\?#%`):
				t.Fatalf("URLFor(%q, %q) = %q has a segment %q that is not URL-safe", rel, slug, u, seg)
			}
		}
	})
}
