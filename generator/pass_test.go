package generator

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/themes"
)

// findingsSite has pages with findings of every editorial rule that a
// build reports, links to #fragments of their own and of other pages, and
// FAQ answers.
const findingsSite = `
-- site.yaml --
title: Test
base_url: https://example.com/
-- content/glossary.yaml --
terms:
  - term: radiculopathy
    definition: a pinched nerve root
-- content/conditions/sciatica.md --
---
title: Sciatica
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-01-10
key_points: [We utilize rest first.]
---
About 40% of people get sciatica. Physicians utilize conservative
management of radiculopathy, anti-inflammatory medication, physiotherapy
and epidural corticosteroid injections administered fluoroscopically.
Comprehensive multidisciplinary evaluation, incorporating electrodiagnostic
investigations, magnetic resonance imaging and neurological examination,
characteristically precedes operative intervention, particularly whenever
progressive neurological deficits, intractable radicular symptomatology or
cauda equina syndrome necessitate immediate decompressive surgery.
Postoperative rehabilitation emphasizes individualized physiotherapeutic
conditioning, ergonomic modification, pharmacological optimization and
psychological reassurance regarding recurrence, functional limitations and
occupational reintegration following microdiscectomy or endoscopic
discectomy procedures performed ambulatorily.
See [when to call](#when-to-call), [the operation's risks](/procedures/discectomy/#risks)
and [our hours](/contact/#opening-hours).

## When to call

Call us if the pain gets worse.
-- content/procedures/discectomy.md --
---
title: Discectomy
summary: Surgery for radiculopathy.
author: dr-a
reviewed_by: dr-a
last_reviewed: 2025-12-10
---
The surgeon removes the part of the disc that presses on the nerve.

## Risks

Infection is rare.
-- content/faqs/basics.md --
---
title: Basics
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-01-10
questions:
  - question: Is it serious?
    answer: The prognosis is good; see [the risks](/procedures/discectomy/#risks).
---
-- content/providers/dr-a.md --
---
title: Dr. A
---
-- content/contact.md --
---
title: Contact
---
## Opening hours

Monday to Friday.
`

// TestOnePassBuildMatchesSnapshot proves that a one-shot build, which
// converts, renders, checks and reports each page in a single pass and
// then lets the page go, writes the same files and reports the same
// findings as a Snapshot rendered whole and checked afterwards (what lumen
// serve and lumen check do).
func TestOnePassBuildMatchesSnapshot(t *testing.T) {
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for name, archive := range map[string]string{
		"findings":       findingsSite,
		"anchor-missing": readArchive(t, "testdata/invalid/anchor-missing.txtar"),
		"practice":       practice,
		"page-without-ids": `
A theme whose pages have no ids: a link to a part of such a page is still checked.
-- site.yaml --
title: Test
base_url: https://example.com/
-- themes/default/layouts/baseof.html --
<!doctype html>
<html lang="en"><head><title>{{.Page.Title}}</title></head>
<body>{{block "main" .}}{{end}}</body></html>
-- themes/default/layouts/page.html --
{{define "main"}}<h1>{{.Page.Title}}</h1>{{.Page.Content}}{{end}}
-- content/about.md --
---
title: About us
---
Read [how to reach us](/contact/#hours).
-- content/contact.md --
---
title: Contact
---
Call us.
`,
	} {
		t.Run(name, func(t *testing.T) {
			src, _ := sitetest.Parse(archive)
			opts := Options{Source: src, Theme: themes.Default(), Today: today}

			mem := output.NewMem()
			opts.Out = mem
			res, buildErr := Build(context.Background(), opts)

			snap, _, err := NewBuilder(opts).Build(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if err := snap.RenderAll(context.Background()); err != nil {
				t.Fatal(err)
			}
			errs, warnings := snap.Quality(today).Diagnostics(check.Warning)
			if got, want := diagText(res.Warnings), diagText(warnings); got != want {
				t.Errorf("warnings of the one-pass build:\n%s\nwant (snapshot):\n%s", got, want)
			}
			if got, want := errText(buildErr), diagText(errs); got != want {
				t.Errorf("errors of the one-pass build:\n%s\nwant (snapshot):\n%s", got, want)
			}
			if name == "findings" {
				for _, rule := range []string{"readability.grade", "readability.smog", "review.due", "plain.jargon", "glossary.undefined"} {
					if !strings.Contains(diagText(warnings), "["+rule+"]") {
						t.Errorf("the site was meant to have a %s warning:\n%s", rule, diagText(warnings))
					}
				}
			}
			if name == "page-without-ids" && !strings.Contains(errText(buildErr), `the link "/contact/#hours" points to #hours, which is not on /contact/`) {
				t.Errorf("a link into a page without ids was not checked: %v", buildErr)
			}
			if buildErr != nil {
				return
			}
			built := mem.FS()
			for _, name := range snap.Names() {
				want, _ := snap.ReadFile(name)
				got, err := fs.ReadFile(built, name)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s differs from the snapshot's (%v): %s", name, err, firstDiff(string(want), string(got)))
				}
			}
			// Every page's converted Markdown was let go once written.
			for _, p := range res.Site.Pages {
				if p.Content != "" || p.Prose != nil || p.TOC != nil || p.Answers != nil {
					t.Errorf("%s keeps its converted Markdown after the build", p.URL)
				}
			}
		})
	}
}

func diagText(l diag.List) string {
	var b bytes.Buffer
	for _, e := range l {
		b.WriteString(e.Error() + "\n")
	}
	return b.String()
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error() + "\n"
}

// readArchive reads a txtar site from a file.
func readArchive(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
