package generator

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/internal/sitetest"
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
summary: Rest helps.
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
discectomy procedures performed ambulatorily. Interdisciplinary coordination
facilitates comprehensive perioperative optimization, encompassing
anesthesiological evaluation, hematological investigations and
individualized pharmacotherapeutic modifications preceding hospitalization.
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
key_points: [Rest helps.]
aftercare_warnings: [A fever.]
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
summary: Rest helps.
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

// TestServeMatchesBuild proves that the two ways one pipeline makes a
// site agree: a one-shot build, which makes each file once in a Pass and
// lets it go, and the Snapshot of lumen serve, which makes each file when
// it is first read (here in reverse order, so that pages are made in
// another order than a build's) and keeps it. Both give the same bytes
// for every file and the same findings.
func TestServeMatchesBuild(t *testing.T) {
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
			// Detail keeps the hints, which lumen serve's panel shows.
			opts := Options{Source: src, Theme: themes.Default(), Today: today, Detail: true}

			mem := output.NewMem()
			opts.Out = mem
			res, buildErr := Build(context.Background(), opts)

			opts.Out = nil
			snap, _, err := NewBuilder(opts).Prepare(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			names := snap.Names()
			served := map[string][]byte{}
			for i := len(names) - 1; i >= 0; i-- {
				served[names[i]], _ = snap.ReadFile(names[i])
			}
			pass, err := snap.Pass(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := diagText(untimed(res.Findings)), diagText(untimed(pass.Report.All())); got != want {
				t.Errorf("findings of the build:\n%s\nwant (served):\n%s", got, want)
			}
			if name == "findings" {
				for _, rule := range []string{"readability.grade", "readability.smog", "review.due", "plain.jargon", "glossary.undefined"} {
					if !strings.Contains(diagText(res.Findings.Warnings()), "["+rule+"]") {
						t.Errorf("the site was meant to have a %s warning:\n%s", rule, diagText(res.Findings))
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
			for _, name := range names {
				got, err := fs.ReadFile(built, name)
				if err != nil || !bytes.Equal(got, served[name]) {
					t.Errorf("%s differs from the served one (%v): %s", name, err, firstDiff(string(served[name]), string(got)))
				}
			}
		})
	}
}

// untimed returns the findings of l that do not depend on how fast the
// machine is (all but the slow rule's).
func untimed(l diag.List) diag.List {
	var out diag.List
	for _, e := range l {
		if e.Rule != diag.RuleSlow {
			out = append(out, e)
		}
	}
	return out
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
