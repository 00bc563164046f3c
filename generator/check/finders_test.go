package check

// The finders of one list each, reading a text on its own: the references
// that Jargon.wording, which reads a text's words once for every list, is
// held to (TestWordingFindsLikeEachList), and what the finders' table
// tests call.

// find returns the uses of l's words and phrases in text, each once, in
// order (findIn).
func (l *phraseList) find(text string) []phraseUse { return l.findIn(wordsOf(text), nil) }

// findIn appends the uses of l's words and phrases among ws to out, each
// once, in order (at).
func (l *phraseList) findIn(ws *words, out []phraseUse) []phraseUse {
	var buf [96]byte
	for i := 0; i < ws.len(); {
		last := i
		if first, ok := l.words[ws.low(i)]; ok {
			var u phraseUse
			if u, last, ok = l.at(ws, i, first, buf[:0]); ok {
				out = append(out, u)
			}
		}
		i = last + 1
	}
	return out
}

// find returns the jargon in text, each use once, in order, with its
// plainer words, quoted, as what to say.
func (j *Jargon) find(text string) []phraseUse { return j.findIn(wordsOf(text)) }

// findIn returns the jargon among ws, as find does.
func (j *Jargon) findIn(ws *words) []phraseUse {
	return j.quoted(j.list.findIn(ws, nil))
}

// findPromotional returns the promotional wording in text, in order,
// leaving out uses that a word before denies and uses in a question ("Will
// the surgery cure my pain?"), which claim nothing.
func findPromotional(text string) []phraseUse { return promotionalIn(wordsOf(text)) }

// promotionalIn returns the promotional wording among ws, as
// findPromotional does.
func promotionalIn(ws *words) []phraseUse {
	return notDenied(ws.text, promotionalList.findIn(ws, nil), negations)
}

// findOutcomes returns the offsets of the claims of outcome or comparison
// in text, in order.
func findOutcomes(text string) [][2]int { return outcomesIn(wordsOf(text)) }

// outcomesIn returns the offsets of the claims of outcome or comparison
// among ws, in order.
func outcomesIn(ws *words) [][2]int { return claimOffsets(ws.text, outcomeList.findIn(ws, nil)) }

// findPassive returns the passive phrases of text with their offsets: a
// form of "be", then, after white space only, a past participle, or an
// adverb and a past participle.
func findPassive(text string) []phraseUse { return passiveIn(wordsOf(text)) }

// wordsOf returns text split into words.
func wordsOf(text string) *words {
	w := &words{}
	w.split(text)
	return w
}
