package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/site"
)

// NewReport makes the report of a site from the reports of its pages,
// sorted by source file, and counts their findings by severity.
func NewReport(pages []Page) *Report {
	r := &Report{Pages: pages}
	for _, pr := range pages {
		for _, f := range pr.Findings {
			switch f.Severity {
			case Error:
				r.Errors++
			case Warning:
				r.Warnings++
			default:
				r.Hints++
			}
		}
	}
	sort.Slice(r.Pages, func(i, j int) bool { return r.Pages[i].Source < r.Pages[j].Source })
	return r
}

// AddFindings adds findings to the page's report, keeping them in order:
// by line, then in the order of the rules in the package documentation
// (readability, review, anchors, wording, glossary).
func (pr *Page) AddFindings(fs ...Finding) {
	if len(fs) == 0 {
		return
	}
	pr.Findings = append(pr.Findings, fs...)
	pr.sortFindings()
}

func (pr *Page) sortFindings() {
	f := pr.Findings
	sort.SliceStable(f, func(i, j int) bool {
		if f[i].Line != f[j].Line {
			return f[i].Line < f[j].Line
		}
		return ruleOrder(f[i].Rule) < ruleOrder(f[j].Rule)
	})
}

// ruleOrder is the place of a rule in the order PageReport runs them.
func ruleOrder(rule string) int {
	switch rule {
	case "readability.grade":
		return 0
	case "readability.smog":
		return 1
	case "review.overdue", "review.due":
		return 2
	case "link.anchor":
		return 3
	case "numbers.percent":
		return 4
	case "plain.jargon":
		return 5
	}
	return 6
}

// Anchors checks the links of page p that point to a #fragment of a page
// of the site (p itself included) against the ids of the rendered target,
// which ids returns (nil when the target is not a page, which other
// checks report). It is the link.anchor rule; it runs apart from
// PageReport because it needs other pages rendered.
func Anchors(p *site.Page, ids func(url string) map[string]bool) []Finding {
	var out []Finding
	for _, l := range FragmentLinks(p) {
		target, frag, _ := strings.Cut(l.URL, "#")
		if target == "" {
			target = p.URL
		}
		if i := strings.IndexByte(target, '?'); i >= 0 {
			target = target[:i]
		}
		if got := ids(target); got != nil && !got[frag] {
			out = append(out, Finding{File: p.Source.Source, Line: l.Line, Rule: "link.anchor", Severity: Error,
				Message: fmt.Sprintf("the link %q points to #%s, which is not on %s", l.Dest, frag, target)})
		}
	}
	return out
}

// FragmentLinks returns the links of page p to a #fragment of a page of
// the site, the only links Anchors looks at.
func FragmentLinks(p *site.Page) []markdown.Link {
	var out []markdown.Link
	for _, l := range p.Links {
		if _, frag, ok := strings.Cut(l.URL, "#"); ok && frag != "" && !l.External {
			out = append(out, l)
		}
	}
	return out
}
