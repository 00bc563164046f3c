// Package check reviews every page of a site the way a careful health
// editor would, and reports what to fix. It is what lumen check prints and
// what lumen build enforces.
//
// For each page it gives:
//
//   - readability: the counts and scores of package readability over the
//     prose a patient reads — the summary, key points and lists of the
//     front matter that the theme shows, the Markdown body and FAQ
//     answers — with the hardest sentences and longest words;
//   - the medical review status: current, due soon (within 30 days),
//     overdue, not reviewed, or not applicable;
//   - findings, each with a file, a line, a rule, a severity and a
//     message.
//
// The rules:
//
//	readability.grade     Flesch–Kincaid grade above readability.max_grade
//	readability.smog      SMOG grade above readability.max_smog
//	                      (both errors with readability.enforce: true,
//	                      else warnings; a page may raise its own limits
//	                      with readability: {max_grade, max_smog, reason};
//	                      pages under 100 words are scored but not gated)
//	review.due            the next review is due within 30 days (warning)
//	review.overdue        the next review date has passed (error, or a
//	                      warning with review.overdue: warning)
//	link.anchor           a link to #x on a page that has no id x (error)
//	numbers.percent       a percentage; whole numbers read better ("1 in
//	                      5 people") (hint)
//	plain.jargon          a word with a plainer alternative (warning)
//	glossary.undefined    a glossary term shown where no definition
//	                      appears on the page (warning)
//
// Broken links, images without alt text, malformed references and missing
// reviewers are errors of the build itself (packages content, markdown
// and site) and stop it before checks run.
package check

import (
	"fmt"
	"math"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/readability"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Severity is how much a finding matters: errors fail lumen check and
// lumen build, warnings are printed, hints are shown by lumen check only.
type Severity string

// The severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Hint    Severity = "hint"
)

// Finding is one thing to fix, at a place in a file.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// Review is a page's medical review status.
type Review struct {
	LastReviewed string `json:"last_reviewed"`
	NextReview   string `json:"next_review"`
	// Status is current, due-soon, overdue, not-reviewed or
	// not-applicable.
	Status string `json:"status"`
}

// Page is the report on one page. Its JSON form is documented in the
// README.
type Page struct {
	Source             string     `json:"source"`
	URL                string     `json:"url"`
	Kind               string     `json:"kind"`
	Words              int        `json:"words"`
	Sentences          int        `json:"sentences"`
	Syllables          int        `json:"syllables"`
	Polysyllables      int        `json:"polysyllables"`
	FleschReadingEase  float64    `json:"flesch_reading_ease"`
	FleschKincaidGrade float64    `json:"flesch_kincaid_grade"`
	SMOG               float64    `json:"smog"`
	GunningFog         float64    `json:"gunning_fog"`
	ColemanLiau        float64    `json:"coleman_liau"`
	ARI                float64    `json:"ari"`
	Consensus          float64    `json:"consensus_grade"`
	Review             Review     `json:"review"`
	Hardest            []Sentence `json:"hardest_sentences"`
	Longest            []Word     `json:"longest_words"`
	Findings           []Finding  `json:"findings"`
}

// Sentence is one of a page's hardest sentences.
type Sentence struct {
	Text  string  `json:"text"`
	Line  int     `json:"line"`
	Words int     `json:"words"`
	Grade float64 `json:"grade"`
}

// Word is one of a page's longest words.
type Word struct {
	Text      string `json:"word"`
	Line      int    `json:"line"`
	Syllables int    `json:"syllables"`
}

// Report is the review of a whole site.
type Report struct {
	Pages []Page `json:"pages"`
	// Errors, Warnings and Hints count the findings of all pages.
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Hints    int `json:"hints"`
}

// Options are what Run needs beyond the site.
type Options struct {
	// Today is the date review status is judged on.
	Today time.Time
	// Analyzer scores readability; it carries the site's lexicon.
	Analyzer *readability.Analyzer
	// Glossary is the site's glossary, or nil.
	Glossary *content.Glossary
	// IDs returns the ids of the rendered page at a URL, for anchor
	// checks; nil skips them.
	IDs func(url string) map[string]bool
}

// DueSoon is how far ahead a coming review is reported.
const DueSoon = 30 * 24 * time.Hour

// MinWords is the length below which a page is scored but not gated:
// formulas are unstable on a few sentences.
const MinWords = 100

// Run checks every content page of s, on all cores.
func Run(s *site.Site, o Options) *Report {
	var pages []*site.Page
	for _, p := range s.Pages {
		if p.Source != nil {
			pages = append(pages, p)
		}
	}
	reports := make([]Page, len(pages))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(pages); i = int(next.Add(1)) - 1 {
				reports[i] = PageReport(s, pages[i], o)
			}
		})
	}
	wg.Wait()
	return NewReport(reports)
}

// PageReport checks one content page of s.
func PageReport(s *site.Site, p *site.Page, o Options) Page {
	cfg := s.Config
	blocks := Blocks(p)
	rep := o.Analyzer.Analyze(blocks)
	pr := Page{
		Source: p.Source.Source, URL: p.URL, Kind: string(p.Kind),
		Words: rep.Words, Sentences: rep.Sentences, Syllables: rep.Syllables, Polysyllables: rep.Polysyllables,
		FleschReadingEase: round(rep.FleschReadingEase), FleschKincaidGrade: round(rep.FleschKincaidGrade),
		SMOG: round(rep.SMOG), GunningFog: round(rep.GunningFog), ColemanLiau: round(rep.ColemanLiau),
		ARI: round(rep.ARI), Consensus: round(rep.Consensus),
		Findings: []Finding{},
	}
	for _, s := range rep.Hardest {
		pr.Hardest = append(pr.Hardest, Sentence{Text: s.Text, Line: s.Line, Words: s.Words, Grade: round(s.Grade)})
	}
	for _, w := range rep.Longest {
		pr.Longest = append(pr.Longest, Word{Text: w.Text, Line: w.Line, Syllables: w.Syllables})
	}
	add := func(line int, rule string, sev Severity, format string, args ...any) {
		pr.Findings = append(pr.Findings, Finding{File: p.Source.Source, Line: line, Rule: rule, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}

	// Readability targets.
	maxGrade, maxSMOG := cfg.Readability.MaxGrade, cfg.Readability.MaxSMOG
	overrideLine := 0
	if m := p.Medical(); m != nil && m.Readability != nil {
		overrideLine = p.Source.Line("readability")
		if m.Readability.MaxGrade > 0 {
			maxGrade = m.Readability.MaxGrade
		}
		if m.Readability.MaxSMOG > 0 {
			maxSMOG = m.Readability.MaxSMOG
		}
	}
	sev := Warning
	if cfg.Readability.Enforce {
		sev = Error
	}
	if rep.Words >= MinWords {
		line := max(overrideLine, 1)
		hard := ""
		if len(rep.Hardest) > 0 {
			h := rep.Hardest[0]
			line = h.Line
			hard = fmt.Sprintf("; the hardest sentence is on line %d: %q", h.Line, clip(h.Text, 90))
		}
		// Scores are compared as shown, to one decimal place.
		if pr.FleschKincaidGrade > maxGrade {
			add(line, "readability.grade", sev, "reads at grade %.1f (Flesch–Kincaid), above the target of %g%s", pr.FleschKincaidGrade, maxGrade, hard)
		}
		if pr.SMOG > maxSMOG {
			add(line, "readability.smog", sev, "reads at SMOG grade %.1f, above the target of %g; use fewer words of three or more syllables%s", pr.SMOG, maxSMOG, longest(rep.Longest))
		}
	}

	// Medical review.
	pr.Review = review(p, o.Today)
	switch pr.Review.Status {
	case "overdue":
		sev := Error
		if cfg.Review.Overdue == "warning" {
			sev = Warning
		}
		add(p.Source.Line("last_reviewed"), "review.overdue", sev, "the medical review was due on %s; review the page and update last_reviewed", pr.Review.NextReview)
	case "due-soon":
		add(p.Source.Line("last_reviewed"), "review.due", Warning, "the next medical review is due on %s", pr.Review.NextReview)
	}

	// Wording.
	for _, b := range blocks {
		if !mayHavePercent(b.Text) {
			continue // most blocks: no need for the regular expression
		}
		for _, m := range percent.FindAllStringIndex(b.Text, -1) {
			add(b.Line+strings.Count(b.Text[:m[0]], "\n"), "numbers.percent", Hint,
				"%q: many readers find whole numbers easier than percentages, such as \"about 1 in 5 people\"", strings.TrimSpace(b.Text[m[0]:m[1]]))
		}
	}
	for _, b := range blocks {
		for _, j := range findJargon(b.Text) {
			add(b.Line+strings.Count(b.Text[:j.at], "\n"), "plain.jargon", Warning, "%q has a plainer word: %s", j.word, j.plain)
		}
	}
	if o.Glossary != nil {
		undefinedTerms(p, blocks, o.Glossary, add)
	}
	pr.sortFindings()
	if o.IDs != nil {
		pr.AddFindings(Anchors(p, o.IDs)...)
	}
	return pr
}

// percent matches numbers written as percentages.
var percent = regexp.MustCompile(`(?i)\b\d+(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b)`)

// review works out the review status of p on today.
func review(p *site.Page, today time.Time) Review {
	m := p.Medical()
	if m == nil {
		return Review{Status: "not-applicable"}
	}
	r := Review{LastReviewed: m.LastReviewed.String(), NextReview: p.NextReview.String()}
	switch {
	case m.LastReviewed.IsZero() || p.NextReview.IsZero():
		r.Status = "not-reviewed"
	case today.After(p.NextReview.Time):
		r.Status = "overdue"
	case p.NextReview.Sub(today) <= DueSoon:
		r.Status = "due-soon"
	default:
		r.Status = "current"
	}
	return r
}

// Diagnostics returns the findings of severity at least min as diag
// errors, for printing with the build's other errors.
func (r *Report) Diagnostics(min Severity) (errs, warnings diag.List) {
	for i := range r.Pages {
		e, w := r.Pages[i].Diagnostics(min)
		errs, warnings = append(errs, e...), append(warnings, w...)
	}
	return errs, warnings
}

// Diagnostics returns the page's findings of severity at least min as
// diag errors, as Report.Diagnostics does.
func (pr *Page) Diagnostics(min Severity) (errs, warnings diag.List) {
	for _, f := range pr.Findings {
		switch {
		case f.Severity == Error:
			errs = append(errs, f.Diag())
		case f.Severity == Warning || min == Hint:
			warnings = append(warnings, f.Diag())
		}
	}
	return errs, warnings
}

// Diag returns the finding as a diag error: its message followed by its
// rule in brackets.
func (f Finding) Diag() *diag.Error {
	return &diag.Error{File: f.File, Line: f.Line, Msg: f.Message + " [" + f.Rule + "]"}
}

func round(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return math.Round(f*10) / 10
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func longest(words []readability.Word) string {
	if len(words) == 0 {
		return ""
	}
	var w []string
	for i, x := range words {
		if i == 3 {
			break
		}
		w = append(w, fmt.Sprintf("%s (line %d)", x.Text, x.Line))
	}
	return "; the longest words are " + strings.Join(w, ", ")
}
