package check

import (
	"regexp"
	"strings"
)

// passive matches the passive voice: a form of "be", perhaps an adverb,
// then a past participle (a word ending in -ed, or an irregular one):
// "the disc is removed", "you will be given", "it was not done". Plain
// language guides ask for the active voice, which says who does what ("the
// surgeon removes the disc"). Without grammar some matches are adjectives
// ("you may be tired"): the rule is a hint.
var passive = regexp.MustCompile(`(?i)\b(?:am|is|are|was|were|be|been|being)\s+(?:(?:not|never|often|usually|also|then|only|always|sometimes|\w+ly)\s+)?(?:\w+ed|` + strings.Join(irregularParticiples, "|") + `)\b`)

// irregularParticiples are common past participles that do not end in -ed.
var irregularParticiples = []string{
	"done", "given", "taken", "seen", "made", "known", "shown", "found", "told", "put", "kept",
	"held", "left", "brought", "built", "cut", "set", "paid", "sent", "spent", "written",
	"driven", "chosen", "broken", "spoken", "drawn", "thrown", "hidden", "forgotten", "eaten",
	"begun", "frozen", "taught", "caught", "sold", "meant", "felt", "heard", "read", "run",
}

// notPassive are participles after "be" that describe or name rather than
// hide who acts, common on patient pages, which the rule leaves alone:
// "you may be tired", "this is called sciatica", "the clinic is closed".
var notPassive = map[string]bool{
	"tired": true, "worried": true, "scared": true, "pleased": true, "interested": true, "supposed": true,
	"allowed": true, "concerned": true, "bored": true, "tied": true, "limited": true, "related": true,
	"based": true, "called": true, "named": true, "closed": true, "located": true, "married": true,
	"surprised": true, "confused": true, "excited": true, "prepared": true,
}

// findPassive returns the passive phrases of text with their offsets.
func findPassive(text string) []phraseUse {
	var out []phraseUse
	for _, m := range passive.FindAllStringIndex(text, -1) {
		phrase := text[m[0]:m[1]]
		last := strings.ToLower(phrase[strings.LastIndexAny(phrase, " \t\n")+1:])
		if notPassive[last] {
			continue
		}
		out = append(out, phraseUse{at: m[0], word: strings.Join(strings.Fields(phrase), " ")})
	}
	return out
}
