package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/readability"
	"github.com/lumen-ssg/lumen/generator/site"
)

// jargon maps words and phrases to plainer ones, from the US Federal Plain
// Language Guidelines and the CDC's Everyday Words for Public Health
// Communication.
var jargon = map[string]string{
	"utilize": "use", "utilise": "use", "utilization": "use", "facilitate": "help", "commence": "start",
	"terminate": "end", "prior to": "before", "subsequent to": "after", "in order to": "to",
	"approximately": "about", "sufficient": "enough", "assist": "help", "indicate": "show",
	"demonstrate": "show", "additional": "more", "numerous": "many", "obtain": "get",
	"purchase": "buy", "require": "need", "endeavor": "try", "ascertain": "find out",
	"analgesic": "pain reliever", "analgesics": "pain relievers", "ambulate": "walk",
	"ambulation": "walking", "anterior": "front", "posterior": "back", "bilateral": "on both sides",
	"contraindicated": "not advised", "etiology": "cause", "prognosis": "outlook",
	"edema": "swelling", "hypertension": "high blood pressure", "administer": "give",
	"adverse": "harmful", "adverse event": "side effect", "efficacy": "how well it works",
	"comorbidity": "other health problem", "comorbidities": "other health problems",
	"noncompliant": "not following the plan", "supine": "lying on your back",
	"prone position": "lying on your stomach", "cessation": "stopping", "ingest": "swallow",
	"oral": "by mouth", "void": "pass urine", "febrile": "feverish", "malignant": "cancerous",
	"benign": "not cancer", "intermittent": "on and off", "optimal": "best",
}

type jargonUse struct {
	at          int
	word, plain string
}

// findJargon returns the jargon in text, each use once, in order: the
// text's words are looked up one by one, and with the word after them for
// two-word phrases ("prior to", "adverse event"), which win over a single
// word. Three-word phrases ("in order to") are found by their first two
// words and checked whole.
func findJargon(text string) []jargonUse {
	var out []jargonUse
	words := wordSpans(text)
	for i := 0; i < len(words); i++ {
		w := words[i]
		lower := text[w[0]:w[1]]
		if hasUpper(lower) {
			lower = strings.ToLower(lower)
		}
		found, end := "", w[1]
		if phraseStarts[lower] && i+1 < len(words) {
			two := lower + " " + strings.ToLower(text[words[i+1][0]:words[i+1][1]])
			if i+2 < len(words) {
				three := two + " " + strings.ToLower(text[words[i+2][0]:words[i+2][1]])
				if _, ok := jargon[three]; ok {
					found, end = three, words[i+2][1]
				}
			}
			if _, ok := jargon[two]; ok && found == "" {
				found, end = two, words[i+1][1]
			}
		}
		if _, ok := jargon[lower]; ok && found == "" {
			found = lower
		}
		if found == "" {
			continue
		}
		out = append(out, jargonUse{at: w[0], word: text[w[0]:end], plain: fmt.Sprintf("%q", jargon[found])})
		i += strings.Count(found, " ")
	}
	return out
}

// phraseStarts are the first words of jargon's phrases.
var phraseStarts = map[string]bool{"prior": true, "subsequent": true, "in": true, "adverse": true, "prone": true}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

// wordSpans returns the start and end offsets of the words of text: runs
// of letters with inner apostrophes or hyphens.
func wordSpans(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || (start >= 0 && (r == '\'' || r == '-') && i+1 < len(text))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// wordIndexes returns the offsets where word occurs in s as a whole word.
func wordIndexes(s, word string) []int {
	var out []int
	for from := 0; ; {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return out
		}
		at := from + i
		end := at + len(word)
		if boundary(s, at, end) {
			out = append(out, at)
		}
		from = at + 1
	}
}

func boundary(s string, start, end int) bool {
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// explained reports whether the use s[start:end] of a term is explained
// in parentheses right before or after it: "a pinched nerve (sciatica)" or
// "sciatica (leg pain from a pinched nerve)".
func explained(s string, start, end int) bool {
	return strings.HasSuffix(strings.TrimRight(s[:start], " "), "(") || strings.HasPrefix(strings.TrimLeft(s[end:], " "), "(")
}

// undefinedTerms reports glossary terms that appear in the page's prose
// but are defined nowhere on it: neither by the renderer on their first
// use in the body, nor by the writer in parentheses.
func undefinedTerms(p *site.Page, blocks []readability.Block, g *content.Glossary, add func(int, string, Severity, string, ...any)) {
	defined := map[string]bool{}
	for _, d := range p.Defined {
		defined[strings.ToLower(d)] = true
	}
	for _, t := range g.Terms {
		if defined[strings.ToLower(t.Term)] {
			continue
		}
	forms:
		for _, form := range t.Forms() {
			form = strings.ToLower(form)
			for _, b := range blocks {
				lower := strings.ToLower(b.Text)
				for _, at := range wordIndexes(lower, form) {
					if explained(lower, at, at+len(form)) {
						break forms // the writer explained it in parentheses
					}
					add(b.Line+strings.Count(b.Text[:at], "\n"), "glossary.undefined", Warning,
						"the medical term %q is used without its definition (%s); explain it where it first appears, or use it in the page's text, where Lumen adds the definition",
						t.Term, t.Definition)
					break forms
				}
			}
		}
	}
}
