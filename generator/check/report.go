package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/site"
)

// NewReport makes the report of a site from the reports of its pages and
// the findings in other files, sorted by file, and counts every finding by
// severity.
func NewReport(pages []Page, other diag.List) *Report {
	r := &Report{Pages: pages, Findings: other}
	if r.Pages == nil {
		r.Pages = []Page{}
	}
	if r.Findings == nil {
		r.Findings = diag.List{}
	}
	r.Findings.Sort()
	count := func(l diag.List) {
		for _, f := range l {
			switch f.Level() {
			case Error:
				r.Errors++
			case Warning:
				r.Warnings++
			default:
				r.Hints++
			}
		}
	}
	count(r.Findings)
	for _, pr := range pages {
		count(pr.Findings)
	}
	sort.Slice(r.Pages, func(i, j int) bool { return r.Pages[i].Source < r.Pages[j].Source })
	return r
}

// WithMoreWarnings counts n more warnings in the report, which it does not
// list, and returns it.
func (r *Report) WithMoreWarnings(n int) *Report {
	r.MoreWarnings += n
	r.Warnings += n
	return r
}

// All returns every finding of the report, sorted by file and line.
func (r *Report) All() diag.List {
	all := append(diag.List(nil), r.Findings...)
	for _, p := range r.Pages {
		all = append(all, p.Findings...)
	}
	all.Sort()
	return all
}

// AddFindings adds findings to the page's report, keeping them in order:
// by line, then in the order of diag.Rules.
func (pr *Page) AddFindings(fs ...*diag.Error) {
	if len(fs) == 0 {
		return
	}
	pr.Findings = append(pr.Findings, fs...)
	pr.Findings.Sort()
}

// Anchors checks the links of page p that point to a #fragment of a page
// of the site (p itself included) against the ids of the rendered target,
// which ids returns (nil when the target is not a page, which other
// checks report). links are the page's links to #fragments
// (FragmentLinks). It is the link.anchor rule; it runs apart from
// PageReport because it needs other pages rendered.
func Anchors(p *site.Page, links []markdown.Link, ids func(url string) map[string]bool) diag.List {
	var out diag.List
	targets := map[string]map[string]bool{} // each target's ids, asked for once
	hints := map[string]string{}            // by target and fragment
	for _, l := range links {
		target, frag, _ := strings.Cut(l.URL, "#")
		if target == "" {
			target = p.URL
		}
		if i := strings.IndexByte(target, '?'); i >= 0 {
			target = target[:i]
		}
		got, ok := targets[target]
		if !ok {
			got = ids(target)
			targets[target] = got
		}
		if got != nil && !got[frag] {
			e := &diag.Error{File: p.Source.Source, Line: l.Line, Rule: diag.RuleAnchor, Severity: Error,
				Msg: fmt.Sprintf("the link %q points to #%s, which is not on %s", l.Dest, frag, target)}
			key := target + "#" + frag
			hint, ok := hints[key]
			if !ok {
				hint = anchorHint(frag, got, len(hints) < maxAnchorHints)
				hints[key] = hint
			}
			e.Hint = hint
			out = append(out, e)
		}
	}
	return out
}

// maxAnchorHints is how many missing anchors of one page get the closest
// id as a hint; and maxAnchorIDs how many ids a target may have for it to
// be looked for. A hostile page with thousands of missing anchors, into a
// page with thousands of ids, stays linear.
const (
	maxAnchorHints = 50
	maxAnchorIDs   = 2000
)

// anchorHint says what to link to instead of the missing frag: the
// closest id of ids when close is allowed and there are not too many.
func anchorHint(frag string, ids map[string]bool, closest bool) string {
	if closest && len(ids) <= maxAnchorIDs {
		list := make([]string, 0, len(ids))
		for id := range ids {
			list = append(list, id)
		}
		sort.Strings(list)
		if c := diag.Closest(frag, list); c != "" {
			return "did you mean #" + c + "?"
		}
	}
	return "link to the id of a heading on that page: ## Risks {#risks} gives one, or its words make one (#risks-and-side-effects)"
}

// FragmentLinks returns the links of links that point to a #fragment of
// a page of the site, the only links Anchors looks at.
func FragmentLinks(links []markdown.Link) []markdown.Link {
	var out []markdown.Link
	for _, l := range links {
		if _, frag, ok := strings.Cut(l.URL, "#"); ok && frag != "" && !l.External {
			out = append(out, l)
		}
	}
	return out
}
