package check

import "strings"

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
