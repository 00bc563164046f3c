package check

import (
	"fmt"
	"sort"
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

// jargonList is jargon's keys, longest first, so that phrases win.
func jargonList() []string {
	keys := make([]string, 0, len(jargon))
	for k := range jargon {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return keys
}

type jargonUse struct {
	at          int
	word, plain string
}

// findJargon returns the jargon in text, each use once, in order.
func findJargon(text string) []jargonUse {
	lower := strings.ToLower(text)
	var out []jargonUse
	taken := make([]bool, len(lower))
	for _, k := range jargonList() {
		for _, at := range wordIndexes(lower, k) {
			if taken[at] {
				continue
			}
			for i := at; i < at+len(k); i++ {
				taken[i] = true
			}
			out = append(out, jargonUse{at: at, word: text[at : at+len(k)], plain: fmt.Sprintf("%q", jargon[k])})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at < out[j].at })
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
