// Package check reviews every page of a site the way a careful health
// editor would, and reports what to fix. It is what lumen check prints and
// what lumen build enforces.
//
// For each page it gives:
//
//   - readability: the counts and scores of package readability over the
//     prose a patient reads — the front matter its kind shows as prose
//     (content.Meta's Readable), the Markdown body and FAQ answers — with
//     the hardest sentences and longest words;
//   - the medical review status: current, due soon (within 30 days),
//     overdue, not reviewed, or not applicable;
//   - findings (diag.Error values), each with a file, a line, a rule, a
//     severity and a message.
//
// The rules it applies are readability.grade, readability.smog,
// readability.long-sentence, readability.passive, review.overdue,
// review.due, review.future, link.anchor, numbers.percent, plain.jargon,
// claims.promotional, claims.unsourced and glossary.undefined; the
// registry of every rule, with its severity and what changes it, is
// diag.Rules. A Report gathers the pages' reports
// and every other finding of a build, so that lumen check shows all that
// lumen build would.
package check

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/readability"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Severity is how much a finding matters (diag.Severity).
type Severity = diag.Severity

// The severities.
const (
	Error   = diag.SeverityError
	Warning = diag.SeverityWarning
	Hint    = diag.SeverityHint
)

// Review is a page's medical review status.
type Review struct {
	LastReviewed string `json:"last_reviewed"`
	NextReview   string `json:"next_review"`
	// Status is current, due-soon, overdue, future (a last_reviewed
	// after today), not-reviewed or not-applicable.
	Status string `json:"status"`
}

// Page is the report on one page. Its JSON form is documented in the
// README.
type Page struct {
	Source string `json:"source"`
	URL    string `json:"url"`
	Kind   string `json:"kind"`
	// Language is the code of the page's language, such as "en".
	Language string `json:"language"`
	// FernandezHuerta and INFLESZ are, on a page in Spanish, the
	// Spanish readability scores of its full sentences
	// (readability.ScoreSpanish), and INFLESZScale the band of the
	// INFLESZ scale its score falls in ("bastante fácil"). The English
	// scores beside them are computed from the same counts but do not
	// judge a Spanish page.
	FernandezHuerta *float64 `json:"fernandez_huerta,omitempty"`
	INFLESZ         *float64 `json:"inflesz,omitempty"`
	INFLESZScale    string   `json:"inflesz_scale,omitempty"`
	Words           int      `json:"words"`
	Sentences       int      `json:"sentences"`
	Syllables       int      `json:"syllables"`
	Polysyllables   int      `json:"polysyllables"`
	// Scores are those of every block of the page.
	Scores
	// Prose holds the scores of the page's full sentences, without its
	// headings and the fragments of its lists: what the readability
	// targets judge. The scores above are of every block.
	Prose Prose `json:"prose"`
	// ReadingMinutes is how long the page takes to read, at
	// ReadingSpeed words a minute, rounded up.
	ReadingMinutes int        `json:"reading_minutes"`
	Review         Review     `json:"review"`
	Hardest        []Sentence `json:"hardest_sentences"`
	Longest        []Word     `json:"longest_words"`
	// Findings are every finding in the page's file, of every stage.
	Findings diag.List `json:"findings"`
}

// Prose is the readability of a page's full sentences
// (readability.Prose).
type Prose struct {
	Words     int `json:"words"`
	Sentences int `json:"sentences"`
	Scores
	// Headings and Fragments are the sentences left out: those of
	// headings, and those of list items that are not full sentences.
	Headings  int `json:"headings_left_out"`
	Fragments int `json:"fragments_left_out"`
	// LeftOut is their share of the page's sentences, from 0 to 1.
	LeftOut float64 `json:"share_left_out"`
	// MeanWords is the sentences' mean length in words, and SpreadWords
	// its standard deviation.
	MeanWords   float64 `json:"mean_sentence_words"`
	SpreadWords float64 `json:"sentence_words_spread"`
}

// Scores are a text's readability scores (readability.Scores), rounded to
// one decimal place, as reports show them and targets judge them.
type Scores struct {
	FleschReadingEase  float64 `json:"flesch_reading_ease"`
	FleschKincaidGrade float64 `json:"flesch_kincaid_grade"`
	SMOG               float64 `json:"smog"`
	GunningFog         float64 `json:"gunning_fog"`
	ColemanLiau        float64 `json:"coleman_liau"`
	ARI                float64 `json:"ari"`
	Consensus          float64 `json:"consensus_grade"`
}

// scoresOf returns s rounded.
func scoresOf(s readability.Scores) Scores {
	return Scores{
		FleschReadingEase: round(s.FleschReadingEase), FleschKincaidGrade: round(s.FleschKincaidGrade),
		SMOG: round(s.SMOG), GunningFog: round(s.GunningFog), ColemanLiau: round(s.ColemanLiau),
		ARI: round(s.ARI), Consensus: round(s.Consensus),
	}
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
	// Findings are the findings in files that are not content pages:
	// site.yaml, the glossary, theme files, generated pages.
	Findings diag.List `json:"findings"`
	// Errors, Warnings and Hints count every finding.
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Hints    int `json:"hints"`
	// MoreWarnings are the warnings counted in Warnings but not listed:
	// a build (not lumen check) keeps only the first few
	// (generator.Options.MaxWarnings).
	MoreWarnings int `json:"more_warnings,omitempty"`
	// Translations say, for a site in several languages, how much of the
	// default language's content each other language has (Coverage).
	Translations []Coverage `json:"translations,omitempty"`
}

// Language is what the checks of the pages of a language other than
// English need: its readability scorer, its words with plainer ones, and
// its glossary, as Options has them for English. A language without one
// of them is not checked for it.
type Language struct {
	Analyzer *readability.Analyzer
	Jargon   *Jargon
	Glossary *content.Glossary
	Terms    *markdown.Glossary
}

// Options are what PageReport needs beyond the page.
type Options struct {
	// Today is the date review status is judged on.
	Today time.Time
	// Analyzer scores readability; it carries the site's lexicon.
	Analyzer *readability.Analyzer
	// Languages are what the checks of pages in other languages than
	// English need, by language (the primary subtag of its code, "es"):
	// Analyzer, Jargon, Glossary and Terms are English's.
	Languages map[string]Language
	// Glossary is the site's glossary, or nil, and Terms its forms
	// prepared for matching, each numbering its entry of Glossary
	// (markdown.Term.Entry).
	Glossary *content.Glossary
	Terms    *markdown.Glossary
	// Jargon finds words with plainer ones: NewJargon's, or, when nil,
	// the built-in list, leaving Glossary's terms alone.
	Jargon *Jargon
}

// ReadingSpeed is the words a minute reading times are given at: a slow,
// careful reader of health information, rather than the 230 to 250 of a
// practised one.
const ReadingSpeed = 180

// readingMinutes returns the minutes words take to read, rounded up.
func readingMinutes(words int) int {
	return (words + ReadingSpeed - 1) / ReadingSpeed
}

// DueSoon is how far ahead a coming review is reported.
const DueSoon = 30 * 24 * time.Hour

// MinWords is the length below which a page is scored but not gated:
// formulas are unstable on a few sentences.
const MinWords = 100

// PageReport checks content page p of s, whose converted Markdown is
// body. Links to #fragments are checked apart, by Anchors, once every
// page's ids are known.
func PageReport(s *site.Site, p *site.Page, body *site.Body, o Options) Page {
	cfg := s.Config
	blocks := Blocks(p, body)
	// The page's language's tools: English's, unless Options has its
	// own.
	english := isEnglish(p.Lang())
	tools := Language{Analyzer: o.Analyzer, Jargon: o.Jargon, Glossary: o.Glossary, Terms: o.Terms}
	if !english {
		tools = o.Languages[config.Primary(p.Lang())]
	}
	if tools.Analyzer == nil {
		tools.Analyzer = o.Analyzer // counts words and sentences, judges nothing
	}
	spanish := isSpanish(p.Lang()) && tools.Analyzer != o.Analyzer
	rep := tools.Analyzer.Analyze(blocks)
	pr := Page{
		Source: p.Source.Source, URL: p.URL, Kind: string(p.Kind), Language: p.Lang(),
		Words: rep.Words, Sentences: rep.Sentences, Syllables: rep.Syllables, Polysyllables: rep.Polysyllables,
		Scores: scoresOf(rep.Scores),
		Prose: Prose{
			Words: rep.Prose.Words, Sentences: rep.Prose.Sentences, Scores: scoresOf(rep.Prose.Scores),
			Headings: rep.Prose.Headings, Fragments: rep.Prose.Fragments, LeftOut: math.Round(rep.Prose.LeftOut()*100) / 100,
			SpreadWords: round(rep.Prose.SpreadWords),
		},
		ReadingMinutes: readingMinutes(rep.Words),
		Findings:       diag.List{},
	}
	if rep.Prose.Sentences > 0 {
		pr.Prose.MeanWords = round(float64(rep.Prose.Words) / float64(rep.Prose.Sentences))
	}
	if spanish {
		sc := readability.ScoreSpanish(rep.Prose.Counts)
		fh, inflesz := round(sc.FernandezHuerta), round(sc.INFLESZ)
		pr.FernandezHuerta, pr.INFLESZ, pr.INFLESZScale = &fh, &inflesz, readability.INFLESZScale(sc.INFLESZ)
	}
	for _, s := range rep.Hardest {
		pr.Hardest = append(pr.Hardest, Sentence{Text: s.Text, Line: s.Line, Words: s.Words, Grade: round(s.Grade)})
	}
	for _, w := range rep.Longest {
		pr.Longest = append(pr.Longest, Word{Text: w.Text, Line: w.Line, Syllables: w.Syllables})
	}
	add := func(line int, rule string, sev Severity, format string, args ...any) {
		pr.Findings = append(pr.Findings, &diag.Error{File: p.Source.Source, Line: line, Rule: rule, Severity: sev, Msg: fmt.Sprintf(format, args...)})
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
	// The targets judge the full sentences (Prose): headings and the
	// fragments of lists would make the page look easier than it is.
	// The formulas below are English ones: a page in another language is
	// not judged by them.
	if min := s.Lang.Readability.MinINFLESZ; spanish && min > 0 && rep.Prose.Words >= MinWords && *pr.INFLESZ < min {
		line, hard := 1, ""
		if len(rep.Hardest) > 0 {
			h := rep.Hardest[0]
			line, hard = h.Line, fmt.Sprintf("; the hardest sentence is on line %d: %q", h.Line, clip(h.Text, 90))
		}
		add(line, diag.RuleINFLESZ, sev, "its sentences score %.1f on the INFLESZ scale (%s; Szigriszt-Pazos, headings and list fragments left out), below the target of %g: use shorter sentences and shorter words%s", *pr.INFLESZ, pr.INFLESZScale, min, hard)
	}
	if english && rep.Prose.Words >= MinWords {
		line := max(overrideLine, 1)
		hard := ""
		if len(rep.Hardest) > 0 {
			h := rep.Hardest[0]
			line = h.Line
			hard = fmt.Sprintf("; the hardest sentence is on line %d: %q", h.Line, clip(h.Text, 90))
		}
		// Scores are compared as shown, to one decimal place.
		if pr.Prose.FleschKincaidGrade > maxGrade {
			add(line, diag.RuleGrade, sev, "its sentences read at grade %.1f (Flesch–Kincaid, headings and list fragments left out), above the target of %g%s", pr.Prose.FleschKincaidGrade, maxGrade, hard)
		}
		if pr.Prose.SMOG > maxSMOG {
			add(line, diag.RuleSMOG, sev, "its sentences read at SMOG grade %.1f (headings and list fragments left out), above the target of %g; use fewer words of three or more syllables%s", pr.Prose.SMOG, maxSMOG, longest(rep.Longest))
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
		add(p.Source.Line("last_reviewed"), diag.RuleOverdue, sev, "the medical review was due on %s; review the page and update last_reviewed", pr.Review.NextReview)
	case "due-soon":
		add(p.Source.Line("last_reviewed"), diag.RuleDue, Warning, "the next medical review is due on %s", pr.Review.NextReview)
	case "future":
		add(p.Source.Line("last_reviewed"), diag.RuleFuture, Error, "last_reviewed is %s, after today (%s): a review cannot have happened yet; write the day the page was reviewed", pr.Review.LastReviewed, o.Today.Format(time.DateOnly))
	}

	// Wording, by the lists of the page's language: all of them in
	// English, the words with plainer ones and the promotional words in
	// another language that has them.
	jargon := tools.Jargon
	if jargon == nil && english {
		jargon = NewJargon(nil, o.Glossary)
	}
	subject := subjectWords(p)
	// Each word is reported once, where the page first uses it, with how
	// often it does: a writer changes them all.
	type wording struct {
		line         int
		rule, format string
		word, say    string
		uses         int
	}
	var found []*wording
	seen := map[string]*wording{}
	note := func(line int, rule, format string, u phraseUse) {
		key := rule + "\x00" + strings.ToLower(u.word)
		if w := seen[key]; w != nil {
			w.uses++
			return
		}
		w := &wording{line, rule, format, u.word, u.say, 1}
		seen[key] = w
		found = append(found, w)
	}
	// Each block is split into words once, for every check of its
	// wording; the claims of outcome are kept for unsourcedClaims.
	var ws words
	outcomes := make([][][2]int, len(blocks))
	worded := blocks
	if jargon == nil {
		worded = nil
	}
	for i, b := range worded {
		if english && mayHavePercent(b.Text) { // most blocks: no need for the regular expression
			for _, m := range percent.FindAllStringIndex(b.Text, -1) {
				add(lineOf(b, m[0]), diag.RulePercent, Hint,
					"%q: many readers find whole numbers easier than percentages, such as \"about 1 in 5 people\"", strings.TrimSpace(b.Text[m[0]:m[1]]))
			}
		}
		ws.split(b.Text)
		jargonUses, promotionalUses, claims := jargon.wording(&ws)
		for _, j := range jargonUses {
			if !jargon.explained(j.word, subject) {
				note(lineOf(b, j.at), diag.RuleJargon, "%q has a plainer word: %s", j)
			}
		}
		for _, u := range promotionalUses {
			note(lineOf(b, u.at), diag.RulePromotional,
				"%q: %s; health claims must be truthful and backed by evidence (FTC), so say what the evidence shows, with its source", u)
		}
		if english && !b.Heading {
			for _, u := range passiveIn(&ws) {
				add(lineOf(b, u.at), diag.RulePassive, Hint, "%q: passive voice; say who does it, such as \"the surgeon removes the disc\" for \"the disc is removed\"", u.word)
			}
		}
		outcomes[i] = claims
	}
	for _, w := range found {
		msg := fmt.Sprintf(w.format, w.word, w.say)
		if w.uses > 1 {
			msg += fmt.Sprintf(" (used %d times on the page; the first is here)", w.uses)
		}
		add(w.line, w.rule, Warning, "%s", msg)
	}
	if english {
		for _, c := range unsourcedClaims(p, body, blocks, outcomes) {
			add(c.line, diag.RuleUnsourced, Hint, "%q: a claim of outcome or comparison with no source in its section; link the study or guideline that shows it, or say it less surely", c.text)
		}
	}
	for _, s := range rep.Long {
		add(s.Line, diag.RuleLong, Hint, "a sentence of %d words (%q): split it; plain-language guides keep sentences to %d words or fewer", s.Words, clip(s.Text, 60), readability.LongWords)
	}
	if tools.Glossary != nil && tools.Terms != nil {
		undefinedTerms(body, blocks, tools.Glossary, tools.Terms, add)
	}
	if e := outdated(p); e != nil {
		pr.Findings = append(pr.Findings, e)
	}
	for _, l := range otherLanguageLinks(s, p, body) {
		add(l.line, diag.RuleLanguageLink, Warning, "the link to %s leads to a page in %s: this page is in %s, and that page has no translation yet; say in the text that it is in %s, or translate it", l.url, l.lang.Name, s.Lang.Name, l.lang.Name)
	}
	pr.Findings.Sort()
	return pr
}

// isSpanish reports whether the language tag code is Spanish.
func isSpanish(code string) bool { return config.Primary(code) == "es" }

// isEnglish reports whether the language tag code is English, the
// language of the readability formulas and word lists of this package.
func isEnglish(code string) bool {
	lang := config.Primary(code)
	return lang == "en" || lang == ""
}

// percent matches numbers written as percentages.
var percent = regexp.MustCompile(`(?i)\b\d+(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b)`)

// lineOf returns the file line of the byte at offset at of block b.
func lineOf(b readability.Block, at int) int {
	return b.Line + strings.Count(b.Text[:at], "\n")
}

// ReviewStatus returns the status of page p's medical review on the day
// today, as its report gives it: "current", "due-soon", "overdue",
// "future", "not-reviewed" or "not-applicable". It is all of a page's
// report that depends on the day (see the build cache).
func ReviewStatus(p *site.Page, today time.Time) string {
	m := p.Medical()
	switch {
	case m == nil:
		return "not-applicable"
	case m.LastReviewed.IsZero() || p.NextReview.IsZero():
		return "not-reviewed"
	case m.LastReviewed.Time.After(today.Add(24 * time.Hour)):
		// A day's grace: a writer ahead of UTC may write today's date
		// while it is still yesterday here.
		return "future"
	case today.After(p.NextReview.Time):
		return "overdue"
	case p.NextReview.Sub(today) <= DueSoon:
		return "due-soon"
	default:
		return "current"
	}
}

// review returns the Review of page p as of today: its dates, as
// ReviewStatus, which the build cache asks of every page, does not.
func review(p *site.Page, today time.Time) Review {
	r := Review{Status: ReviewStatus(p, today)}
	if m := p.Medical(); m != nil {
		r.LastReviewed, r.NextReview = m.LastReviewed.String(), p.NextReview.String()
	}
	return r
}

func round(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return math.Round(f*10) / 10
}

// clip returns s with each run of spaces made one space and none at
// either end, cut to n-1 characters and "…" when it is longer than n (n
// at least 1). It stops reading at the character past n: a long
// sentence is not copied whole to show its start.
func clip(s string, n int) string {
	buf := make([]byte, 0, min(len(s), 4*n))
	runes, cut := 0, 0 // cut is the length of buf's first n-1 characters
	put := func(c string) bool {
		if runes == n-1 {
			cut = len(buf)
		}
		if runes == n {
			return false
		}
		buf = append(buf, c...)
		runes++
		return true
	}
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = len(buf) > 0
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if space && !put(" ") || !put(s[i:i+size]) {
			return string(buf[:cut]) + "…"
		}
		space = false
	}
	return string(buf)
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
