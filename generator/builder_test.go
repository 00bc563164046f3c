package generator

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// TestRebuildAfterABodyEdit edits a site step by step as an author in
// lumen serve does and, after each step, compares what the dev server's
// Builder prepares with what a new Builder prepares of the same files:
// every file and every finding must be the same. An edit below the front
// matter of pages keeps the last site graph (only the content and files
// stages run); any other edit prepares the site from the start.
func TestRebuildAfterABodyEdit(t *testing.T) {
	const sciatica, scope = "content/conditions/sciatica.md", "content/articles/scope/index.md"
	t.Run("practice", func(t *testing.T) {
		src, clock := timed(practice)
		rebuildSteps(t, src, []rebuildStep{
			{"a sentence added to a condition's body", func() []string {
				return save(src, &clock, sciatica, func(s string) string { return s + "\nMost people feel better within six weeks.\n" })
			}, true},
			{"a heading and a link to a missing page", func() []string {
				return save(src, &clock, scope, func(s string) string {
					return s + "\n## How the tube goes in\n\nSee [the missing page](/conditions/nowhere/).\n"
				})
			}, true},
			{"two bodies at once", func() []string {
				return append(save(src, &clock, sciatica, func(s string) string { return strings.Replace(s, "often gets better", "usually gets better", 1) }),
					save(src, &clock, "content/contact.md", func(s string) string { return s + "\nOr write to us.\n" })...)
			}, true},
			{"a title other pages show", func() []string {
				return save(src, &clock, sciatica, func(s string) string { return strings.Replace(s, "title: Sciatica", "title: Sciatica (leg pain)", 1) })
			}, false},
			{"the body of the page whose title changed", func() []string {
				return save(src, &clock, sciatica, func(s string) string { return s + "\nWalking helps.\n" })
			}, true},
			{"a file saved unchanged", func() []string {
				return save(src, &clock, "content/contact.md", func(s string) string { return s })
			}, true},
			{"a new page", func() []string {
				src["content/articles/new.md"] = &fstest.MapFile{Data: []byte("---\ntitle: New\ndate: 2026-02-01\n---\nHello.\n"), ModTime: clock}
				return []string{"content/articles/new.md"}
			}, false},
			{"a draft's body", func() []string {
				return save(src, &clock, "content/articles/draft.md", func(s string) string { return s + "Soon.\n" })
			}, false},
			{"a body that is no longer text", func() []string {
				return save(src, &clock, "content/contact.md", func(s string) string { return s + "\xff\xfe\n" })
			}, false},
			{"the text again", func() []string {
				return save(src, &clock, "content/contact.md", func(s string) string { return strings.Replace(s, "\xff\xfe\n", "", 1) })
			}, false},
			{"a page deleted", func() []string {
				delete(src, "content/articles/new.md")
				return []string{"content/articles/new.md"}
			}, false},
			{"site.yaml", func() []string {
				return save(src, &clock, "site.yaml", func(s string) string { return strings.Replace(s, "Test Practice", "Test Spine Practice", 1) })
			}, false},
			{"a body after a change to site.yaml", func() []string {
				return save(src, &clock, "content/procedures/discectomy.md", func(s string) string { return s + "\nMost people go home the same day.\n" })
			}, true},
		})
	})
	t.Run("cards that count words", func(t *testing.T) {
		// A theme's card shows a page's body (its word count) on the
		// pages that list it: a body edit changes those pages too.
		src, clock := timed(practice)
		src["themes/default/layouts/partials/card.html"] = &fstest.MapFile{ModTime: clock,
			Data: []byte(`<article class="card"><h3><a href="{{.URL}}">{{.Name}}</a></h3><p>{{.WordCount}} words</p></article>`)}
		rebuildSteps(t, src, []rebuildStep{
			{"a listed page's body", func() []string {
				return save(src, &clock, sciatica, func(s string) string { return s + "\nMost people feel better within six weeks.\n" })
			}, true},
		})
	})
	t.Run("bilingual", func(t *testing.T) {
		// A page of the default language has a version that its
		// translations record (original_version): a body edit changes
		// it, and what the translation's check says of it.
		const ciatica = "content/es/conditions/sciatica.md"
		src, clock := timed(bilingual)
		rebuildSteps(t, src, []rebuildStep{
			{"the translation's body", func() []string {
				return save(src, &clock, ciatica, func(s string) string { return s + "\nCaminar ayuda.\n" })
			}, true},
			{"the translation marked up to date", func() []string {
				version := content.Version(src[sciatica].Data)
				return save(src, &clock, ciatica, func(s string) string {
					return strings.Replace(s, "slug: ciatica\n", "slug: ciatica\noriginal_version: "+version+"\n", 1)
				})
			}, false},
			{"the original's body", func() []string {
				return save(src, &clock, sciatica, func(s string) string { return s + "\nWalking helps.\n" })
			}, true},
			{"the original's body as it was", func() []string {
				return save(src, &clock, sciatica, func(s string) string { return strings.TrimSuffix(s, "\nWalking helps.\n") })
			}, true},
		})
	})
}

// rebuildStep is one edit of a site by an author in lumen serve.
type rebuildStep struct {
	name string
	// edit changes the files and returns the paths it changed.
	edit func() []string
	kept bool // whether the site graph is kept
}

// timed returns the files of the txtar archive, each saved at the returned
// time.
func timed(archive string) (fstest.MapFS, time.Time) {
	src, _ := sitetest.Parse(archive)
	clock := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for _, f := range src {
		f.ModTime = clock
	}
	return src, clock
}

// rebuildSteps prepares the site src with a dev server's Builder, then
// applies each step and compares what the Builder prepares with what a new
// Builder prepares of the same files.
func rebuildSteps(t *testing.T, src fstest.MapFS, steps []rebuildStep) {
	t.Helper()
	opts := Options{Source: src, Theme: themes.Default(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), Detail: true}
	b := NewBuilder(opts)
	last, _, err := b.Prepare(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range steps {
		// Every file of the last build is made, as for a browser that
		// has the whole site open; its pages' bodies are still being
		// read while the site is prepared again.
		for _, name := range last.Names() {
			last.ReadFile(name)
		}
		changed := step.edit()
		var reading sync.WaitGroup
		reading.Go(func() {
			for _, ls := range last.Site.Languages() {
				for _, p := range ls.Pages {
					ls.Hold(p)
					ls.Release(p)
				}
			}
		})
		b.Changed(changed...)
		snap, res, err := b.Prepare(context.Background())
		reading.Wait()
		want, wantRes, wantErr := NewBuilder(opts).Prepare(context.Background())
		if errText(err) != errText(wantErr) || diagText(res.Findings) != diagText(wantRes.Findings) {
			t.Fatalf("%s: prepared with\n%s%s\nwant\n%s%s", step.name, errText(err), diagText(res.Findings), errText(wantErr), diagText(wantRes.Findings))
		}
		var stages []string
		for _, s := range res.Timings {
			stages = append(stages, s.Stage)
		}
		if kept := slices.Equal(stages, []string{"content", "files"}); kept != step.kept {
			t.Errorf("%s: stages %v; want the site graph kept = %v", step.name, stages, step.kept)
		}
		if err != nil {
			continue
		}
		if !slices.Equal(snap.Names(), want.Names()) {
			t.Fatalf("%s: files\n%v\nwant\n%v", step.name, snap.Names(), want.Names())
		}
		for _, name := range want.Names() {
			got, err := snap.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if w, _ := want.ReadFile(name); !bytes.Equal(got, w) {
				t.Errorf("%s: %s differs from a new build's:\n%s\nwant\n%s", step.name, name, got, w)
			}
		}
		pass, err := snap.Pass(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		wantPass, err := want.Pass(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, w := diagText(untimed(pass.Report.All())), diagText(untimed(wantPass.Report.All())); got != w {
			t.Errorf("%s: findings\n%s\nwant\n%s", step.name, got, w)
		}
		last = snap
	}
}

// save changes the file at name in src with edit, as a save at the next
// second of clock, and returns its name.
func save(src fstest.MapFS, clock *time.Time, name string, edit func(string) string) []string {
	*clock = clock.Add(time.Second)
	f := src[name]
	src[name] = &fstest.MapFile{Data: []byte(edit(string(f.Data))), ModTime: *clock, Mode: f.Mode}
	return []string{name}
}
