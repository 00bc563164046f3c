package generator

import (
	"testing"

	"github.com/lumen-ssg/lumen/internal/sitetest"
)

// TestBooking: each page books at the narrowest scope that has a booking
// address — the provider's, then their clinic's, then the practice's —
// and its button says what it does: "Book online" for an https address,
// "How to book" for a page of the site, "Call to book" with a tel: link
// when there is only a number.
func TestBooking(t *testing.T) {
	const site = `
-- site.yaml --
title: Test
base_url: https://example.com/
practice:
  phone: "(555) 010-0100"
privacy:
  allowed_hosts: [book.example.org]
-- content/articles/walk.md --
---
title: Walk every day
date: 2026-01-02
---
Short walks help.
-- content/book-riverton.md --
---
title: Booking at Riverton
---
-- content/providers/ortiz.md --
---
title: Maya Ortiz
credentials: [MD]
booking_url: https://book.example.org/ortiz
locations: [riverton]
---
-- content/providers/reed.md --
---
title: Samuel Reed
locations: [riverton]
---
-- content/providers/lee.md --
---
title: Jordan Lee
locations: [millbrook, riverton]
---
-- content/providers/kim.md --
---
title: Ana Kim
locations: [millbrook]
---
-- content/locations/riverton.md --
---
title: Riverton Clinic
phone: "(555) 010-0101"
booking_url: /book-riverton/
---
-- content/locations/millbrook.md --
---
title: Millbrook Clinic
phone: "(555) 010-0102"
---
`
	out := build(t, site, Options{})
	sitetest.Contains(t, out, "articles/walk/index.html",
		`<a class="btn btn-cta btn-call" href="tel:&#43;15550100100"><span>Call to book: <span class="nowrap">(555) 010-0100</span></span></a>`,
		`Call us at <a href="tel:&#43;15550100100">(555) 010-0100</a> to book a visit.`,
		`! Book online`, `! How to book`)
	sitetest.Contains(t, out, "providers/ortiz/index.html",
		`<p class="page-actions">`,
		"<a class=\"btn btn-cta\" href=\"https://book.example.org/ortiz\">Book online</a>\n    </div>", // the header's bar
		`<a class="btn btn-cta" href="https://book.example.org/ortiz">Book online</a>`,
		`or book a visit online.`,
		`href="tel:&#43;15550100101">Call (555) 010-0101</a>`)
	sitetest.Contains(t, out, "providers/reed/index.html",
		`<p class="page-actions">`, // their clinic's booking
		`<a class="btn btn-cta" href="/book-riverton/">How to book</a>`,
		`Call us at <a href="tel:&#43;15550100101">(555) 010-0101</a>, or read how to book a visit.`)
	sitetest.Contains(t, out, "providers/lee/index.html",
		`<a class="btn btn-cta" href="/book-riverton/">How to book</a>`,
		`href="tel:&#43;15550100100">Call (555) 010-0100</a>`) // two clinics: the practice's number
	sitetest.Contains(t, out, "providers/kim/index.html",
		`<p class="page-actions"><a class="btn btn-cta btn-call" href="tel:&#43;15550100102"><span>Call to book: <span class="nowrap">(555) 010-0102</span></span></a></p>`,
		`<a class="btn btn-cta btn-call" href="tel:&#43;15550100102"><span>Call to book: <span class="nowrap">(555) 010-0102</span></span></a>`)
	sitetest.Contains(t, out, "locations/riverton/index.html",
		`<p class="page-actions">`,
		`<a class="btn btn-cta" href="/book-riverton/">How to book</a>`)
	sitetest.Contains(t, out, "locations/millbrook/index.html",
		`<p class="page-actions"><a class="btn btn-cta btn-call" href="tel:&#43;15550100102"><span>Call to book: <span class="nowrap">(555) 010-0102</span></span></a></p>`,
		`<a class="btn btn-cta btn-call" href="tel:&#43;15550100102"><span>Call to book: <span class="nowrap">(555) 010-0102</span></span></a>`)
}
