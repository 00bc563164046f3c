package check

import "strings"

// The passive voice is a form of "be", perhaps an adverb, then a past
// participle (a word ending in -ed, or an irregular one): "the disc is
// removed", "you will be given", "it was not done". Plain language guides
// ask for the active voice, which says who does what ("the surgeon removes
// the disc"). Without grammar some matches are adjectives ("you may be
// tired"): the rule is a hint.

// beForm reports whether w is one of the forms of "be" that start a
// passive. It is asked of nearly every word of every page: a switch, which
// the compiler makes a search by length and bytes, answers most without
// hashing the word, as a map would.
func beForm(w string) bool {
	switch w {
	case "am", "is", "are", "was", "were", "be", "been", "being":
		return true
	}
	return false
}

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

// passiveIn returns the passive phrases among ws with their offsets: a
// form of "be", then, after white space only, a past participle, or an
// adverb and a past participle.
func passiveIn(ws *words) []phraseUse {
	var out []phraseUse
	text, n := ws.text, ws.len()
	// ok reports whether word i is a whole word (not part of a name in
	// code) after word i-1 with only white space between.
	ok := func(i int) bool { return i < n && ws.joined(i) && whole(text, ws.spans[i][0], ws.spans[i][1]) }
	for i := 0; i < n; i++ {
		w := ws.low(i)
		if !beForm(w) || !whole(text, ws.spans[i][0], ws.spans[i][1]) || !ok(i+1) {
			continue
		}
		last := -1
		if w1 := ws.low(i + 1); participle(w1) {
			last = i + 1
		} else if (passiveAdverbs[w1] || strings.HasSuffix(w1, "ly")) && ok(i+2) && participle(ws.low(i+2)) {
			last = i + 2
		}
		if last < 0 {
			continue
		}
		out = append(out, phraseUse{at: ws.spans[i][0], word: strings.Join(strings.Fields(text[ws.spans[i][0]:ws.spans[last][1]]), " ")})
		i = last
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
