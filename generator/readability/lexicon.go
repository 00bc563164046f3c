package readability

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Lexicon maps lower-case words to their number of syllables. A site adds
// its own terms, typically the names of its procedures, drugs and places,
// on top of the built-in lexicons; its entries win. Regular inflections of
// an entry need no entry of their own: "herniations" is counted from
// "herniation", "discectomies" from "discectomy".
type Lexicon map[string]int

// exceptionsTxt lists common English words that the spelling rules count
// wrong, with their syllables in the CMU Pronouncing Dictionary.
//
//go:embed exceptions.txt
var exceptionsTxt string

// medicalTxt lists medical and spine terms. Where the CMU Pronouncing
// Dictionary has the word its count is used; otherwise the count follows
// the syllable breaks of Merriam-Webster's Medical Dictionary.
//
//go:embed medical.txt
var medicalTxt string

// ParseLexicon reads a lexicon in Lumen's text form: one word and its
// number of syllables a line, separated by spaces or a tab; blank lines and
// text after "#" are ignored. Words are lower-cased. file names the source
// in errors, which are a diag.List with one entry per bad line.
//
//	# spine terms of this practice
//	foraminoplasty 6
//	TLIF 2   # "tee-lif", not four letters
func ParseLexicon(file, text string) (Lexicon, error) {
	lex := Lexicon{}
	var errs diag.List
	for i, line := range strings.Split(text, "\n") {
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 2 {
			errs.Add(diag.Errorf(file, i+1, "lexicon line has %d fields, want a word and a number", len(f)).
				WithHint(`write one word a line, like "radiculopathy 6"`))
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil || n < 1 || n > 20 {
			errs.Add(diag.Errorf(file, i+1, "syllables of %q must be a whole number from 1 to 20, not %q", f[0], f[1]))
			continue
		}
		lex[strings.ToLower(f[0])] = n
	}
	return lex, errs.Err()
}

// builtinLexicon parses the embedded lexicons. Their format is checked by
// TestBuiltinLexicons, so errors cannot happen here.
func builtinLexicon() Lexicon {
	lex := Lexicon{}
	for _, src := range [...]string{exceptionsTxt, medicalTxt} {
		part, _ := ParseLexicon("", src)
		for w, n := range part {
			lex[w] = n
		}
	}
	return lex
}
