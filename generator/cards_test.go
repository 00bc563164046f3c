package generator

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// TestCardsFollowEdits proves that the cards of page lists, each rendered
// once per build (partialCached) and shared by every list that shows the
// page, show a page as it is now: a rebuild after an edit, with the same
// parsed theme, shows the new title on the section page and the tag page.
func TestCardsFollowEdits(t *testing.T) {
	src, _ := sitetest.Parse(`
-- site.yaml --
title: Test
base_url: https://example.com/
-- content/articles/a.md --
---
title: The old title
date: 2026-01-02
tags: [walking]
---
Walk every day.
-- content/articles/b.md --
---
title: Another article
date: 2026-01-03
tags: [walking]
---
Rest when you need to.
`)
	b := NewBuilder(Options{Source: src, Theme: themes.Default()})
	read := func(name string) string {
		t.Helper()
		snap, _, err := b.Prepare(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		data, err := snap.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for _, page := range []string{"articles/index.html", "tags/walking/index.html"} {
		if got := read(page); strings.Count(got, "The old title") != 1 || !strings.Contains(got, "Another article") {
			t.Fatalf("%s before the edit lacks its cards:\n%s", page, got)
		}
	}
	src["content/articles/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: The new title\ndate: 2026-01-02\ntags: [walking]\n---\nWalk every day.\n")}
	b.Changed("content/articles/a.md")
	for _, page := range []string{"articles/index.html", "tags/walking/index.html"} {
		if got := read(page); strings.Contains(got, "The old title") || !strings.Contains(got, "The new title") {
			t.Errorf("%s after the edit shows a stale card:\n%s", page, got)
		}
	}
}
