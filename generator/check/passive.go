package check

import "strings"

// The passive voice is a form of "be", perhaps an adverb, then a past
// participle (a word ending in -ed, or an irregular one): "the disc is
// removed", "you will be given", "it was not done". Plain language guides
// ask for the active voice, which says who does what ("the surgeon removes
// the disc"). Without grammar some matches are adjectives ("you may be
// tired"): the rule is a hint.

// beForms are the forms of "be" that start a passive.
var beForms = map[string]bool{"am": true, "is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true}

// passiveAdverbs are the words other than those ending in -ly that may
// come between "be" and the participle.
var passiveAdverbs = map[string]bool{"not": true, "never": true, "often": true, "usually": true, "also": true, "then": true, "only": true, "always": true, "sometimes": true}

// irregularParticiples are common past participles that do not end in -ed.
var irregularParticiples = []string{
	"done", "given", "taken", "seen", "made", "known", "shown", "found", "told", "put", "kept",
	"held", "left", "brought", "built", "cut", "set", "paid", "sent", "spent", "written",
	"driven", "chosen", "broken", "spoken", "drawn", "thrown", "hidden", "forgotten", "eaten",
	"begun", "frozen", "taught", "caught", "sold", "meant", "felt", "heard", "read", "run",
}

// irregular holds irregularParticiples.
var irregular = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range irregularParticiples {
		m[w] = true
	}
	return m
}()

// notPassive are participles after "be" that describe or name rather than
// hide who acts, common on patient pages, which the rule leaves alone:
// "you may be tired", "this is called sciatica", "the clinic is closed".
var notPassive = map[string]bool{
	"tired": true, "worried": true, "scared": true, "pleased": true, "interested": true, "supposed": true,
	"allowed": true, "concerned": true, "bored": true, "tied": true, "limited": true, "related": true,
	"based": true, "called": true, "named": true, "closed": true, "located": true, "married": true,
	"surprised": true, "confused": true, "excited": true, "prepared": true,
}

// findPassive returns the passive phrases of text with their offsets: a
// form of "be", then, after white space only, a past participle, or an
// adverb and a past participle.
func findPassive(text string) []phraseUse {
	var out []phraseUse
	var buf [32]byte
	start, end := nextWord(text, 0)
	for start >= 0 {
		if end-start > 5 || !whole(text, start, end) || !beForms[string(appendLower(buf[:0], text[start:end]))] {
			start, end = nextWord(text, end)
			continue
		}
		last, ok := -1, false
		s1, e1 := nextWord(text, end)
		if s1 >= 0 && spaceOnly(text[end:s1]) && whole(text, s1, e1) {
			w1 := string(appendLower(buf[:0], text[s1:e1]))
			if ok = participle(w1); ok {
				last = e1
			} else if passiveAdverbs[w1] || strings.HasSuffix(w1, "ly") {
				if s2, e2 := nextWord(text, e1); s2 >= 0 && spaceOnly(text[e1:s2]) && whole(text, s2, e2) {
					if ok = participle(string(appendLower(buf[:0], text[s2:e2]))); ok {
						last = e2
					}
				}
			}
		}
		if !ok {
			start, end = s1, e1
			continue
		}
		out = append(out, phraseUse{at: start, word: strings.Join(strings.Fields(text[start:last]), " ")})
		start, end = nextWord(text, last)
	}
	return out
}

// participle reports whether the lower-case word w is a past participle
// that may make a passive: one ending in -ed, or an irregular one, but
// not one of notPassive.
func participle(w string) bool {
	if notPassive[w] {
		return false
	}
	return len(w) > 2 && strings.HasSuffix(w, "ed") && !strings.ContainsAny(w, "'-") || irregular[w]
}

// whole reports whether text[start:end], a word of letters, is not part of
// a longer name with digits or underscores ("helped_68", a name in code).
func whole(text string, start, end int) bool {
	nameByte := func(c byte) bool { return c == '_' || '0' <= c && c <= '9' }
	return (start == 0 || !nameByte(text[start-1])) && (end == len(text) || !nameByte(text[end]))
}

// spaceOnly reports whether s is white space only, and not empty.
func spaceOnly(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
		default:
			return false
		}
	}
	return true
}
