package content

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
)

var (
	// slugPattern is what a slug may be: lower-case words joined by hyphens.
	slugPattern = regexp.MustCompile(SlugPattern)
	clockTime   = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
	doiPattern  = regexp.MustCompile(`^10\.\d{4,9}/\S+$`)
	pmidPattern = regexp.MustCompile(`^[1-9]\d{0,8}$`)
)

// procedureTypes are the accepted values of procedure_type.
var procedureTypes = []string{"percutaneous", "surgical", "injection", "diagnostic", "noninvasive"}

// ProcedureTypes returns the accepted values of procedure_type, for the
// editor to offer them as a closed list.
func ProcedureTypes() []string { return append([]string(nil), procedureTypes...) }

// SlugPattern is the regular expression a slug must match (ValidSlug).
const SlugPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

// validate checks the values of one page that need no other page.
func validate(p *Page) diag.List {
	var errs diag.List
	bad := func(key, format string, args ...any) *diag.Error {
		e := diag.Errorf(p.Source, p.Line(key), format, args...)
		errs = append(errs, e)
		return e
	}
	c := p.Common()
	if strings.TrimSpace(c.Title) == "" && p.Kind != KindHome && p.Kind != KindSection {
		bad("title", "title is required").WithHint("add a line such as title: Lumbar disc herniation to the front matter")
	}
	if c.Slug != "" && !ValidSlug(c.Slug) {
		bad("slug", "slug %q may hold only lower-case letters, digits and single hyphens", c.Slug).
			WithHint("write it as it should appear in the address, such as slug: %s", Slugify(c.Slug))
	}
	if c.Image != "" && strings.TrimSpace(c.ImageAlt) == "" {
		bad("image", "image %q has no image_alt", c.Image).
			WithHint("describe the image for people who cannot see it: image_alt: ...")
	}
	for i, t := range c.Tags {
		if Slugify(t) == "" {
			bad(fmt.Sprintf("tags.%d", i), "tag %q has no letters or digits", t).
				WithHint("write the tag in words, such as tags: [back pain]")
		}
	}
	if m := p.Medical(); m != nil {
		validateMedical(p, m, bad)
	}
	switch m := p.Meta.(type) {
	case *Procedure:
		if m.ProcedureType != "" && !contains(procedureTypes, m.ProcedureType) {
			e := bad("procedure_type", "procedure_type %q is not one of %s", m.ProcedureType, strings.Join(procedureTypes, ", "))
			if s := diag.Closest(m.ProcedureType, procedureTypes); s != "" {
				e.WithHint("did you mean %q?", s)
			}
		}
		for i, r := range m.Recovery {
			if strings.TrimSpace(r.When) == "" || strings.TrimSpace(r.What) == "" {
				bad(fmt.Sprintf("recovery.%d", i), "recovery step %d needs both when and what", i+1)
			}
		}
	case *FAQ:
		if len(m.Questions) == 0 {
			bad("questions", "an FAQ page needs questions").
				WithHint("add questions: with items of the form - question: ... and answer: ...")
		}
		for i, q := range m.Questions {
			if strings.TrimSpace(q.Question) == "" || strings.TrimSpace(q.Answer) == "" {
				bad(fmt.Sprintf("questions.%d", i), "question %d needs both question and answer", i+1)
			}
		}
	case *Provider:
		if m.NPI != "" && !ValidNPI(m.NPI) {
			bad("npi", "npi %q is not a valid 10-digit National Provider Identifier", m.NPI).
				WithHint("copy it from the NPI registry; the last digit is a check digit")
		}
		if m.Photo != "" && strings.TrimSpace(m.PhotoAlt) == "" {
			bad("photo", "photo %q has no photo_alt", m.Photo).WithHint("describe the photo, such as photo_alt: Dr. Ortiz smiling in her office")
		}
	case *Location:
		for i, h := range m.Hours {
			k := fmt.Sprintf("hours.%d", i)
			if strings.TrimSpace(h.Days) == "" {
				bad(k, "hours entry %d has no days", i+1)
			}
			for _, t := range []struct{ key, value string }{{"opens", h.Opens}, {"closes", h.Closes}} {
				if clockTime.MatchString(t.value) {
					continue
				}
				e := bad(k, "hours entry %d: %s %q is not a 24-hour time such as 08:30 or 17:00", i+1, t.key, t.value)
				if fixed, ok := to24Hour(t.value); ok {
					e.WithHint("write %s: %q", t.key, fixed)
				} else {
					e.WithHint(`write the time as HH:MM in quotes, such as %s: "08:30"`, t.key)
				}
			}
		}
		if m.Email != "" {
			if _, err := mail.ParseAddress(m.Email); err != nil {
				bad("email", "email %q is not an email address", m.Email).
					WithHint("write the address in full, such as email: hello@example.com")
			}
		}
		if m.DirectionsURL != "" && !isHTTPURL(m.DirectionsURL) {
			bad("directions_url", "directions_url %q is not an http or https address", m.DirectionsURL)
		}
		if g := m.Geo; g != nil && (g.Lat < -90 || g.Lat > 90 || g.Lng < -180 || g.Lng > 180) {
			bad("geo", "geo %v,%v is not a latitude and longitude", g.Lat, g.Lng)
		}
	}
	return errs
}

func validateMedical(p *Page, m *Medical, bad func(string, string, ...any) *diag.Error) {
	if p.Kind.NeedsReview() {
		if m.Author == "" {
			bad("author", "a %s page needs author: the provider who wrote it", p.Kind).WithRule(diag.RuleReviewer).
				WithHint("add author: with the slug of a provider page, such as author: dr-samuel-reed")
		}
		if m.ReviewedBy == "" {
			bad("reviewed_by", "a %s page needs reviewed_by: the provider who medically reviewed it", p.Kind).WithRule(diag.RuleReviewer).
				WithHint("add reviewed_by: with the slug of a provider page, such as reviewed_by: dr-maya-ortiz")
		}
		if m.LastReviewed.IsZero() {
			bad("last_reviewed", "a %s page needs last_reviewed: the date of its last medical review", p.Kind).WithRule(diag.RuleReviewer).
				WithHint("add a line such as last_reviewed: 2026-03-14")
		}
		// What patients read first: a summary, and on condition and
		// procedure pages the key points; a draft may wait for them.
		draft := p.Common().Draft
		if !draft && strings.TrimSpace(p.Common().Summary) == "" {
			bad("summary", "a %s page needs a summary: what a patient should take away, in two or three plain sentences, shown first", p.Kind).WithRule(diag.RuleSummary).
				WithHint("add a line such as summary: Most people with a slipped disc get better within a few months without surgery.")
		}
		if !draft && (p.Kind == KindCondition || p.Kind == KindProcedure) && len(m.KeyPoints) == 0 {
			bad("key_points", "a %s page needs key_points: the three to five things a patient must know", p.Kind).WithRule(diag.RuleSummary).
				WithHint("add key_points: [First point., Second point., Third point.]")
		}
		if pr, ok := p.Meta.(*Procedure); ok && !draft && len(pr.AftercareWarnings) == 0 {
			bad("aftercare_warnings", "a procedure page needs aftercare_warnings: the signs after it that need a call or emergency care").WithRule(diag.RuleSummary).
				WithHint("add aftercare_warnings: [A fever over 101 °F (38.3 °C), Redness or fluid from the wound, New weakness in a leg]")
		}
	}
	if !m.NextReview.IsZero() && !m.LastReviewed.IsZero() && m.NextReview.Before(m.LastReviewed.Time) {
		bad("next_review", "next_review %s is before last_reviewed %s", m.NextReview, m.LastReviewed).
			WithHint("give a later next_review, or leave it out: it defaults to last_reviewed plus review.interval_months")
	}
	for i, r := range m.References {
		validateReference(fmt.Sprintf("references.%d", i), fmt.Sprintf("reference %d", i+1), r, bad)
	}
	if pr, ok := p.Meta.(*Procedure); ok {
		for i, o := range pr.Outcomes {
			k := fmt.Sprintf("outcomes.%d", i)
			switch {
			case strings.TrimSpace(o.Text) == "":
				bad(k, "outcome %d has no text", i+1).
					WithHint("say how well it works, with numbers, such as text: About 8 in 10 people have less leg pain a year later.")
			case o.Source == (Reference{}):
				bad(k, "outcome %d has no source: a patient weighing the procedure needs to see where the number comes from", i+1).
					WithHint("add source: {title: \"Author A, et al. Title. Journal. Year\", doi: 10.…}, or leave the outcome out")
			default:
				validateReference(k+".source", fmt.Sprintf("outcome %d: source", i+1), o.Source, bad)
			}
		}
	}
	if o := m.Readability; o != nil && strings.TrimSpace(o.Reason) == "" {
		bad("readability", "a readability override needs a reason").
			WithHint(`say why this page may read harder, such as reason: "names of procedures the surgeon must use"`)
	}
}

// validateReference reports what is wrong with reference r, written at
// key k and named in messages as what ("reference 2"): it needs a title
// and exactly one of url, doi and pmid, each well formed.
func validateReference(k, what string, r Reference, bad func(string, string, ...any) *diag.Error) {
	n := 0
	for _, s := range []string{r.URL, r.DOI, r.PMID} {
		if s != "" {
			n++
		}
	}
	switch {
	case strings.TrimSpace(r.Title) == "":
		bad(k, "%s has no title", what)
	case n == 0:
		bad(k, "%s has no url, doi or pmid", what).
			WithHint("add where to find it: url: https://…, doi: 10.1097/BRS.0000000000001234 or pmid: 12345678")
	case n > 1:
		bad(k, "%s has more than one of url, doi and pmid", what).
			WithHint("keep only one of them")
	case r.URL != "" && !isHTTPURL(r.URL):
		bad(k, "%s: url %q is not an http or https address", what, r.URL)
	case r.DOI != "" && !doiPattern.MatchString(r.DOI):
		bad(k, "%s: doi %q is not a DOI", what, r.DOI).WithHint("a DOI looks like 10.1097/BRS.0000000000001234, without https://doi.org/")
	case r.PMID != "" && !pmidPattern.MatchString(r.PMID):
		bad(k, "%s: pmid %q is not a PubMed ID", what, r.PMID).WithHint("a PubMed ID is a number of up to 9 digits")
	}
}

// ValidSlug reports whether s may be written as a page's slug: lower-case
// letters and digits joined by single hyphens, so that a slug can never
// hold a "/", a "." or anything else that would lead a URL out of its
// section.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// ValidNPI reports whether s is a 10-digit National Provider Identifier
// with a valid Luhn check digit (computed with the 80840 prefix, as CMS
// specifies).
func ValidNPI(s string) bool {
	if len(s) != 10 {
		return false
	}
	sum := 24 // the contribution of the prefix 80840
	for i := 0; i < 10; i++ {
		c := s[9-i]
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// amPM matches a time written with am or pm: "8am", "5:30 PM", "12 p.m.".
var amPM = regexp.MustCompile(`^(?i)\s*(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\.?\s*$`)

// to24Hour rewrites a 12-hour time such as "5pm" as "17:00".
func to24Hour(s string) (string, bool) {
	m := amPM.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	h, _ := strconv.Atoi(m[1])
	minutes := "00"
	if m[2] != "" {
		minutes = m[2]
	}
	if h < 1 || h > 12 || minutes > "59" {
		return "", false
	}
	h %= 12
	if strings.EqualFold(m[3], "p") {
		h += 12
	}
	return fmt.Sprintf("%02d:%s", h, minutes), true
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
