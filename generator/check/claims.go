package check

import (
	"regexp"
	"slices"
	"strings"

	"github.com/lumen-ssg/lumen/generator/site"
)

// promotional are words and phrases that promise or boast rather than
// inform, each with why a patient page should not use it. The Federal
// Trade Commission asks that health claims be truthful and backed by
// competent and reliable scientific evidence, and guides to patient
// information (NHS, PEMAT) ask for balanced, unbiased wording: say what
// the evidence shows, with its source, instead.
//
// "Best" alone is left alone: on patient pages it mostly gives advice ("it
// works best with exercise", "which clinic is best for you"); the phrases
// that boast with it are listed.
var promotional = map[string]string{
	"best care":        "a superlative that cannot be shown",
	"best results":     "a superlative that cannot be shown",
	"best outcomes":    "a superlative that cannot be shown",
	"best doctors":     "a superlative that cannot be shown",
	"best surgeons":    "a superlative that cannot be shown",
	"best-in-class":    "a superlative that cannot be shown",
	"best in class":    "a superlative that cannot be shown",
	"guarantee":        "no treatment is certain to work",
	"guaranteed":       "no treatment is certain to work",
	"guarantees":       "no treatment is certain to work",
	"painless":         "most procedures hurt a little, during or after",
	"pain-free":        "a promise no treatment can keep for everyone",
	"cure":             "a promise of outcome; say how many people it helps, with a source",
	"cures":            "a promise of outcome; say how many people it helps, with a source",
	"risk-free":        "every treatment has risks",
	"no risk":          "every treatment has risks",
	"no risks":         "every treatment has risks",
	"uniquely":         "a claim of being the only one that cannot be shown",
	"unique":           "a claim of being the only one that cannot be shown",
	"state-of-the-art": "a boast; say what the equipment or method does",
	"cutting-edge":     "a boast; say what the method does and how well",
	"world-class":      "a boast that cannot be shown",
	"revolutionary":    "a boast; say what is new and what the evidence shows",
	"miracle":          "a promise no treatment can keep",
	"breakthrough":     "a boast; say what is new and what the evidence shows",
	"seamless":         "a boast; say what will happen",
	"seamlessly":       "a boast; say what will happen",
	"unmatched":        "a comparison that cannot be shown",
	"unparalleled":     "a comparison that cannot be shown",
	"top-rated":        "a ranking, which needs its source",
	"premier":          "a boast that cannot be shown",
	"completely safe":  "every treatment has risks",
	"100% safe":        "every treatment has risks",
	"permanent relief": "a promise of outcome no treatment can keep for everyone",
}

// promotionalList finds promotional's words and phrases in a text.
var promotionalList = newPhraseList(promotional)

// negations are words before a promotional word that deny it rather than
// make it: "there is no cure", "not painless".
var negations = map[string]bool{"no": true, "not": true, "never": true, "cannot": true, "can't": true, "isn't": true, "aren't": true, "won't": true}

// findPromotional returns the promotional wording in text, in order,
// leaving out uses that a word before denies and uses in a question ("Will
// the surgery cure my pain?"), which claim nothing.
func findPromotional(text string) []phraseUse {
	var out []phraseUse
	for _, u := range promotionalList.find(text) {
		if !negations[u.before] && !inQuestion(text, u.at) {
			out = append(out, u)
		}
	}
	return out
}

// inQuestion reports whether the sentence of text around offset at ends
// with a question mark.
func inQuestion(text string, at int) bool {
	end := strings.IndexAny(text[at:], ".!?")
	return end >= 0 && text[at+end] == '?'
}

// outcomeList finds claims of outcome or comparison that a patient would
// weigh a choice on, and so need a source: a word of more or less before
// what patients weigh ("less pain", "faster recovery", "lower complication
// rates", "reduced opioid use"), or a success rate.
var outcomeList = func() *phraseList {
	more := []string{"less", "more", "lower", "higher", "fewer", "faster", "quicker", "shorter", "longer",
		"better", "reduced", "increased", "improved", "smaller", "greater"}
	things := []string{"pain", "recovery", "recoveries", "complication", "complications", "complication rate",
		"complication rates", "complications rate", "complications rates", "risk", "risks", "opioid use",
		"success", "success rate", "success rates", "outcome", "outcomes", "result", "results", "scarring",
		"blood loss", "hospital stay", "hospital stays", "infection rate", "infection rates", "relief", "function"}
	m := map[string]string{"success rate": "", "success rates": ""}
	for _, c := range more {
		for _, t := range things {
			m[c+" "+t] = ""
		}
	}
	return newPhraseList(m)
}()

// outcomeNumber matches the claims of outcome that are numbers: a
// percentage, or "1 in 5" and "3 out of 10". It is only run on texts with
// a digit.
var outcomeNumber = regexp.MustCompile(`(?i)\d+(?:[.,]\d+)?\s?(?:%|percent\b|per\s+cent\b)|\b\d+\s+(?:in|out\s+of)\s+\d+\b`)

// findOutcomes returns the offsets of the claims of outcome or comparison
// in text, in order.
func findOutcomes(text string) [][2]int {
	var out [][2]int
	for _, u := range outcomeList.find(text) {
		out = append(out, [2]int{u.at, u.at + len(u.word)})
	}
	if strings.ContainsAny(text, "0123456789") {
		for _, m := range outcomeNumber.FindAllStringIndex(text, -1) {
			out = append(out, [2]int{m[0], m[1]})
		}
		slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	}
	return out
}

// A claim is an outcome or comparison found in a page's text, with its
// line.
type claim struct {
	line int
	text string
}

// unsourcedClaims returns the claims of outcome or comparison of page p,
// whose converted Markdown is body, that have no source near them: in the
// body, no link to another site in the same section (from one heading to
// the next); in the front matter, no references. Lumen cannot tell
// whether a link supports the claim, only whether there is one.
func unsourcedClaims(p *site.Page, body *site.Body) []claim {
	var out []claim
	find := func(text string, line int) {
		for _, m := range findOutcomes(text) {
			out = append(out, claim{line + strings.Count(text[:m[0]], "\n"), strings.TrimSpace(text[m[0]:m[1]])})
		}
	}
	if m := p.Medical(); m == nil || len(m.References) == 0 {
		src := p.Source
		for _, f := range p.Meta.Readable() {
			find(f.Text, src.Line(f.Key))
		}
	}
	// The body's sections: the lines from each heading to the next.
	var starts []int // first line of each section after the first
	for _, pr := range body.Prose {
		if pr.Heading {
			starts = append(starts, pr.Line)
		}
	}
	section := func(line int) int {
		n := 0
		for n < len(starts) && starts[n] <= line {
			n++
		}
		return n
	}
	sourced := map[int]bool{}
	for _, l := range body.Links {
		if l.External && !l.Image {
			sourced[section(l.Line)] = true
		}
	}
	for _, pr := range body.Prose {
		if !pr.Heading && !sourced[section(pr.Line)] {
			find(pr.Text, pr.Line)
		}
	}
	return out
}
