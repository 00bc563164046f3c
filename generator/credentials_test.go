package generator

import (
	"testing"

	"github.com/lumen-ssg/lumen/internal/sitetest"
)

// TestCredentialsAfterTheName: the credentials written as letters follow
// a provider's name in their page's heading, on their card, in the
// review line of the pages they reviewed and in JSON-LD's
// honorificSuffix; the others stay in the credentials line.
func TestCredentialsAfterTheName(t *testing.T) {
	out := build(t, `
-- site.yaml --
title: Test
base_url: https://example.com/
-- content/providers/maya-ortiz.md --
---
title: Maya Ortiz
credentials: [MD, Board certified in Pain Medicine]
languages: [English, Spanish]
accepting_new_patients: true
locations: [main]
---
-- content/providers/dr-reed.md --
---
title: Dr. Samuel Reed
credentials: [DO]
locations: [main]
---
-- content/locations/main.md --
---
title: Main office
---
-- content/faqs/basics.md --
---
title: Basics
summary: Short answers.
author: maya-ortiz
reviewed_by: maya-ortiz
last_reviewed: 2026-02-01
questions: [{question: "Will it come back?", answer: It can.}]
---
`, Options{})
	sitetest.Contains(t, out, "providers/maya-ortiz/index.html",
		`<h1>Maya Ortiz, MD</h1>`,
		`MD · Board certified in Pain Medicine`,
		`"name":"Maya Ortiz","honorificSuffix":"MD"`,
		`Languages`, `English, Spanish`, `Accepting new patients`)
	sitetest.Contains(t, out, "providers/dr-reed/index.html",
		`<h1>Dr. Samuel Reed</h1>`, `"honorificSuffix":"DO"`)
	sitetest.Contains(t, out, "locations/main/index.html",
		`<a href="/providers/maya-ortiz/">Maya Ortiz, MD</a>`,
		`<a href="/providers/dr-reed/">Dr. Samuel Reed</a>`)
	sitetest.Contains(t, out, "faqs/basics/index.html",
		`<a href="/providers/maya-ortiz/">Maya Ortiz, MD</a>`)
}
