package check_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

const site = `
-- site.yaml --
title: Test
base_url: https://example.com/
readability: {enforce: true}
-- content/glossary.yaml --
terms:
  - {term: radiculopathy, definition: nerve pain that spreads down a leg}
  - {term: spondylolisthesis, definition: a spine bone that slipped forward}
-- content/providers/dr-a.md --
---
title: Dr. A
---
-- content/conditions/easy.md --
---
title: Easy
summary: Most people get better in a few weeks.
symptoms: [Spondylolisthesis can hurt]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-01-01
key_points: [Rest helps.]
---
Rest a little and walk a lot. It helps. About 20% of people need more care.
Doctors utilize heat. See [the causes](#causes) and [the risks](#risks) and [hard](/conditions/hard/#outlook).
Our state-of-the-art clinic is the right place for you if your back pain will not go away after many weeks of rest and walking. There is no cure for age, and that is fine.

## Causes

Radiculopathy comes from a pinched nerve. Radiculopathy can last.
-- content/conditions/hard.md --
---
title: Hard
author: dr-a
reviewed_by: dr-a
last_reviewed: 2025-12-20
summary: Rest helps.
key_points: [Rest helps.]
---
Conservative physiotherapeutic rehabilitation constitutes foundational management of degenerative spinal pathology in ambulatory patients.
Intervertebral discogenic degeneration characteristically precipitates multifactorial radicular symptomatology necessitating comprehensive multidisciplinary evaluation. Percutaneous endoscopic decompression alternatively facilitates minimally invasive neurological amelioration. Radiofrequency neurotomy occasionally provides intermediate symptomatic alleviation. Conservative physiotherapeutic rehabilitation constitutes foundational management. Comprehensive interdisciplinary evaluation remains indispensable. Intervertebral discogenic degeneration characteristically precipitates multifactorial radicular symptomatology necessitating comprehensive multidisciplinary evaluation. Percutaneous endoscopic decompression alternatively facilitates minimally invasive neurological amelioration. Radiofrequency neurotomy occasionally provides intermediate symptomatic alleviation. Conservative physiotherapeutic rehabilitation constitutes foundational management. Comprehensive interdisciplinary evaluation remains indispensable. Intervertebral discogenic degeneration characteristically precipitates multifactorial radicular symptomatology necessitating comprehensive multidisciplinary evaluation.
-- content/conditions/excused.md --
---
title: Excused
author: dr-a
reviewed_by: dr-a
last_reviewed: 2020-01-01
readability: {max_grade: 30, max_smog: 30, reason: "a glossary of surgical terms for referring doctors"}
summary: Rest helps.
key_points: [Rest helps.]
---
Intervertebral discogenic degeneration characteristically precipitates multifactorial radicular symptomatology necessitating comprehensive multidisciplinary evaluation. Percutaneous endoscopic decompression alternatively facilitates minimally invasive neurological amelioration. Radiofrequency neurotomy occasionally provides intermediate symptomatic alleviation. Conservative physiotherapeutic rehabilitation constitutes foundational management. Comprehensive interdisciplinary evaluation remains indispensable. Intervertebral discogenic degeneration characteristically precipitates multifactorial radicular symptomatology necessitating comprehensive multidisciplinary evaluation. Percutaneous endoscopic decompression alternatively facilitates minimally invasive neurological amelioration. Radiofrequency neurotomy occasionally provides intermediate symptomatic alleviation. Conservative physiotherapeutic rehabilitation constitutes foundational management. Comprehensive interdisciplinary evaluation remains indispensable. Intervertebral discogenic degeneration characteristically precipitates multifactorial radicular symptomatology necessitating comprehensive multidisciplinary evaluation.
`

func report(t *testing.T) *check.Report {
	t.Helper()
	return reportOf(t, site)
}

// reportOf builds the site of archive, as on 2026-11-27, and returns its
// report with every detail.
func reportOf(t *testing.T, archive string) *check.Report {
	t.Helper()
	src, _ := sitetest.Parse(archive)
	res, _ := generator.Build(context.Background(), generator.Options{Source: src, Theme: themes.Default(),
		Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), Detail: true})
	if res.Site == nil {
		t.Fatalf("the site does not build: %v", res.Findings)
	}
	return res.Report
}

// practice is the start of a small site: its site.yaml and a provider to
// review its medical pages.
const practice = `-- site.yaml --
title: Test
base_url: https://example.com/
-- content/providers/dr-a.md --
---
title: Dr. A
---
`

func page(t *testing.T, r *check.Report, source string) check.Page {
	t.Helper()
	for _, p := range r.Pages {
		if p.Source == source {
			return p
		}
	}
	t.Fatalf("no report for %s", source)
	return check.Page{}
}

// findings lists p's findings as rule/severity@line, leaving out those of
// the rules except.
func findings(p check.Page, except ...string) string {
	var out []string
	for _, f := range p.Findings {
		if slices.Contains(except, f.Rule) {
			continue
		}
		out = append(out, fmt.Sprintf("%s/%s@%d", f.Rule, f.Level(), f.Line))
	}
	return strings.Join(out, " ")
}

func TestFindings(t *testing.T) {
	r := report(t)
	easy := page(t, r, "content/conditions/easy.md")
	// The symptom names a glossary term that the body never uses; line 10
	// has a percentage, with no source; line 11 has jargon, a link to #causes that exists
	// and links to #risks and to hard.md's #outlook that do not; line 12
	// boasts in a sentence of 25 words, then denies a cure (not a claim).
	// The body's "Radiculopathy" is defined by the renderer, so not
	// reported.
	want := "glossary.undefined/warning@4 numbers.percent/hint@10 claims.unsourced/hint@10 link.anchor/error@11 link.anchor/error@11 plain.jargon/warning@11 claims.promotional/warning@12 readability.long-sentence/hint@12"
	if got := findings(easy); got != want {
		t.Errorf("easy.md findings:\n got %s\nwant %s\n%+v", got, want, easy.Findings)
	}
	// About 70 words: a minute to read, in sentences of about 8 words
	// give or take a few.
	if easy.ReadingMinutes != 1 || easy.Prose.MeanWords < 5 || easy.Prose.MeanWords > 15 || easy.Prose.SpreadWords <= 0 {
		t.Errorf("reading %d minutes, sentences %v ± %v words", easy.ReadingMinutes, easy.Prose.MeanWords, easy.Prose.SpreadWords)
	}
	if easy.Review.Status != "current" || easy.Review.NextReview != "2027-01-01" {
		t.Errorf("review %+v", easy.Review)
	}
	hard := page(t, r, "content/conditions/hard.md")
	if got := findings(hard, "plain.jargon"); got != "review.due/warning@5 readability.grade/error@10 readability.smog/error@10" {
		t.Errorf("hard.md findings: %s", got)
	}
	// hard.md's jargon: each word once, where it is first used, with how
	// often the page uses it.
	jargon := map[string]string{}
	for _, f := range hard.Findings {
		if f.Rule == "plain.jargon" {
			word, _, _ := strings.Cut(f.Msg, " has")
			jargon[word] = fmt.Sprintf("%d %s", f.Line, f.Msg)
		}
	}
	if len(jargon) != 18 || !strings.HasPrefix(jargon[`"Percutaneous"`], `10 "Percutaneous" has a plainer word: "through the skin" (used 2 times`) ||
		!strings.HasPrefix(jargon[`"ambulatory"`], `9 "ambulatory" has a plainer word: "able to walk"`) {
		t.Errorf("hard.md jargon: %d words %v", len(jargon), jargon)
	}
	if hard.FleschKincaidGrade < 15 || hard.Words < 100 || len(hard.Hardest) == 0 || len(hard.Longest) == 0 {
		t.Errorf("hard.md scores: %+v", hard)
	}
	excused := page(t, r, "content/conditions/excused.md")
	if got := findings(excused, "plain.jargon"); got != "review.overdue/error@5" {
		t.Errorf("excused.md findings: %s", got)
	}
	if r.Errors != 5 || r.Warnings != 37 || r.Hints != 3 {
		t.Errorf("totals %d errors, %d warnings, %d hints", r.Errors, r.Warnings, r.Hints)
	}
	if p := page(t, r, "content/providers/dr-a.md"); p.Review.Status != "not-applicable" {
		t.Errorf("provider review %+v", p.Review)
	}
}

// TestJargonOfTheSite checks the jargon rule with a site's own list: its
// words are reported beside the built-in ones, while a page's own subject
// (title, other names) and the glossary's terms are not.
func TestJargonOfTheSite(t *testing.T) {
	r := reportOf(t, practice+`-- content/jargon.txt --
# Our own words.
nociception = pain signals
-- content/glossary.yaml --
terms:
  - {term: fluoroscopy, definition: live X-ray}
-- content/conditions/radicular-pain.md --
---
title: Radicular pain
also_known_as: [Lumbar radiculitis]
summary: Pain that spreads along a nerve.
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-11-01
key_points: [Rest helps.]
---
Radicular pain comes with radiculitis. Nociception is how we feel it. We may use fluoroscopy. Percutaneous care helps.
`)
	var got []string
	for _, f := range page(t, r, "content/conditions/radicular-pain.md").Findings {
		if f.Rule == "plain.jargon" {
			got = append(got, f.Msg)
		}
	}
	want := []string{`"Nociception" has a plainer word: "pain signals"`, `"Percutaneous" has a plainer word: "through the skin"`}
	if !slices.Equal(got, want) {
		t.Errorf("jargon %q, want %q", got, want)
	}
}

// TestUnsourcedClaims checks claims.unsourced: a claim of outcome or
// comparison needs a link to another site in its section of the body, or,
// in the front matter, the page's references, among which are the sources
// of a procedure's outcomes.
func TestUnsourcedClaims(t *testing.T) {
	r := reportOf(t, practice+`-- content/procedures/unsourced.md --
---
title: Unsourced
summary: About 1 in 5 people need it.
key_points: [Walking helps.]
aftercare_warnings: [A fever.]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-11-01
---
It means less pain after surgery.

## Results

Most people have a faster recovery ([a trial](https://example.org/trial)).

## Risks

Few people have problems.
-- content/procedures/sourced.md --
---
title: Sourced
summary: About 1 in 5 people need it.
key_points: [Walking helps.]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-11-01
references:
  - {title: "A trial", url: "https://example.org/trial"}
aftercare_warnings: [A fever.]
---
Walking helps.
-- content/procedures/outcomes.md --
---
title: Outcomes
summary: About 1 in 5 people need it.
key_points: [Walking helps.]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-11-01
outcomes:
  - text: About 8 in 10 people have less pain a year later.
    source: {title: "A trial", doi: "10.1000/trial"}
aftercare_warnings: [A fever.]
---
Walking helps.
`)
	claims := func(source string) string {
		var out []string
		for _, f := range page(t, r, source).Findings {
			if f.Rule == "claims.unsourced" {
				out = append(out, fmt.Sprintf("%d %s", f.Line, strings.SplitN(f.Msg, ":", 2)[0]))
			}
		}
		return strings.Join(out, "; ")
	}
	if got, want := claims("content/procedures/unsourced.md"), `3 "1 in 5"; 10 "less pain"`; got != want {
		t.Errorf("unsourced.md: %s, want %s", got, want)
	}
	for _, source := range []string{"content/procedures/sourced.md", "content/procedures/outcomes.md"} {
		if got := claims(source); got != "" {
			t.Errorf("%s: %s, want none", source, got)
		}
	}
}

// TestReviewInTheFuture checks review.future: a last_reviewed after the day
// of the build is an error on its line.
func TestReviewInTheFuture(t *testing.T) {
	r := reportOf(t, practice+`-- content/conditions/later.md --
---
title: Later
summary: Rest helps.
key_points: [Rest helps.]
author: dr-a
reviewed_by: dr-a
last_reviewed: 2027-03-01
---
Rest helps.
`)
	p := page(t, r, "content/conditions/later.md")
	if got := findings(p); got != "review.future/error@7" || p.Review.Status != "future" {
		t.Errorf("findings %s, review %+v", got, p.Review)
	}
}
