package check

import (
	"slices"
	"strings"

	"github.com/lumen-ssg/lumen/generator/ascii8"
	"github.com/lumen-ssg/lumen/generator/readability"
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

// notDenied returns the uses of promotional wording in text that a word
// before, one of negations, does not deny and that are not in a question.
func notDenied(text string, uses []phraseUse, negations map[string]bool) []phraseUse {
	var out []phraseUse
	for _, u := range uses {
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

// numberClaims returns the offsets of the claims of outcome in text that
// are numbers: a percentage ("20%", "85 percent", "3.5 per cent"), or "1
// in 5" and "3 out of 10". Letters are compared in any case. It reads
// the text once, as the expression
//
//	(?i)\d+(?:[.,]\d+)?\s?(?:%|percent\b|per\s+cent\b)|\b\d+\s+(?:in|out\s+of)\s+\d+\b
//
// would match it (TestNumberClaimsMatchTheExpression), at a fraction of
// its cost on pages full of numbers.
func numberClaims(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		// Eight bytes at a time to the next digit: most text has few.
		for i+8 <= len(text) && !hasDigit8(ascii8.Load(text, i)) {
			i += 8
		}
		if i == len(text) {
			break
		}
		if !isDigit(text[i]) {
			i++
			continue
		}
		start, j := i, digitsEnd(text, i)
		// A percentage: digits, perhaps a decimal part, perhaps one space.
		k := j
		if k+1 < len(text) && (text[k] == '.' || text[k] == ',') && isDigit(text[k+1]) {
			k = digitsEnd(text, k+1)
		}
		end := -1
		if k < len(text) && isSpace(text[k]) {
			end = percentAt(text, k+1)
		}
		if end < 0 {
			end = percentAt(text, k)
		}
		// Or "1 in 5", "3 out of 10", whole numbers.
		if end < 0 && (start == 0 || !isWordByte(text[start-1])) {
			end = ratioAt(text, j)
		}
		if end < 0 {
			i = j
			continue
		}
		out = append(out, [2]int{start, end})
		i = end
	}
	return out
}

// containsDigit reports whether s has an ASCII digit, looking at eight
// bytes at a time.
func containsDigit(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if hasDigit8(ascii8.Load(s, i)) {
			return true
		}
	}
	for ; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// hasDigit8 reports whether one of the eight bytes of x is an ASCII
// digit: a byte of its low seven bits above '0'-1 and below '9'+1, the
// high bit clear (the bit trick "hasbetween" of Sean Anderson's Bit
// Twiddling Hacks, exact as a yes or no).
func hasDigit8(x uint64) bool {
	const ones = ascii8.Ones
	const low7 = 0x7f * ones
	y := x & low7
	return (low7+('9'+1)*ones-y)&^x&(y+(0x7f-('0'-1))*ones)&(0x80*ones) != 0
}

// percentAt returns the end of "%", "percent" or "per cent" (any white
// space between) at offset i of text, a word ending there, or -1.
func percentAt(text string, i int) int {
	if i < len(text) && text[i] == '%' {
		return i + 1
	}
	if end := wordAt(text, i, "percent"); end >= 0 {
		return end
	}
	if j := spaceEnd(text, i+3); j > i+3 && wordPrefixAt(text, i, "per") {
		return wordAt(text, j, "cent")
	}
	return -1
}

// ratioAt returns the end of " in 5" or " out of 10" (any white space
// between) at offset i of text, after the first number, or -1.
func ratioAt(text string, i int) int {
	j := spaceEnd(text, i)
	if j == i {
		return -1
	}
	k := -1
	if wordPrefixAt(text, j, "in") {
		k = j + 2
	} else if wordPrefixAt(text, j, "out") {
		if l := spaceEnd(text, j+3); l > j+3 && wordPrefixAt(text, l, "of") {
			k = l + 2
		}
	}
	if k < 0 {
		return -1
	}
	l := spaceEnd(text, k)
	if l == k || l >= len(text) || !isDigit(text[l]) {
		return -1
	}
	end := digitsEnd(text, l)
	if end < len(text) && isWordByte(text[end]) {
		return -1
	}
	return end
}

// wordAt returns the end of word w (lower case) at offset i of text, in
// any case, when no letter, digit or underscore follows it, or -1.
func wordAt(text string, i int, w string) int {
	if !wordPrefixAt(text, i, w) || i+len(w) < len(text) && isWordByte(text[i+len(w)]) {
		return -1
	}
	return i + len(w)
}

// wordPrefixAt reports whether text has w (lower case) at offset i, in any
// case.
func wordPrefixAt(text string, i int, w string) bool {
	if i < 0 || i+len(w) > len(text) {
		return false
	}
	for n := 0; n < len(w); n++ {
		if text[i+n]|0x20 != w[n] {
			return false
		}
	}
	return true
}

// digitsEnd returns the end of the run of ASCII digits at offset i.
func digitsEnd(text string, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

// spaceEnd returns the end of the run of white space at offset i.
func spaceEnd(text string, i int) int {
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isSpace reports whether c is white space as regular expressions' \s has
// it.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// isWordByte reports whether c is a letter, digit or underscore, as
// regular expressions' \w has it.
func isWordByte(c byte) bool {
	return isDigit(c) || c == '_' || 'a' <= c|0x20 && c|0x20 <= 'z'
}

// claimOffsets returns the offsets of the claims of outcome in text: the
// uses of outcomeList's phrases and the numbers that claim an outcome, in
// order.
func claimOffsets(text string, uses []phraseUse) [][2]int {
	var out [][2]int
	for _, u := range uses {
		out = append(out, [2]int{u.at, u.at + len(u.word)})
	}
	if nums := numberClaims(text); len(nums) > 0 {
		out = append(out, nums...)
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
// whether a link supports the claim, only whether there is one. blocks
// are the page's Blocks, and outcomes the offsets of the claims in each.
func unsourcedClaims(p *site.Page, body *site.Body, blocks []readability.Block, outcomes [][][2]int) []claim {
	var out []claim
	find := func(i int) {
		text, line := blocks[i].Text, blocks[i].Line
		for _, m := range outcomes[i] {
			out = append(out, claim{line + strings.Count(text[:m[0]], "\n"), strings.TrimSpace(text[m[0]:m[1]])})
		}
	}
	// Blocks lists the front matter's fields, then the body's prose.
	fields := len(blocks) - len(body.Prose)
	if m := p.Medical(); m == nil || len(m.References) == 0 {
		for i := range fields {
			find(i)
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
	for k, pr := range body.Prose {
		if !pr.Heading && !sourced[section(pr.Line)] {
			find(fields + k)
		}
	}
	return out
}
