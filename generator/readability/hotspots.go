package readability

import (
	"strings"
)

// MaxHardest and MaxLongest cap the hot spots of a Report.
const (
	MaxHardest = 5
	MaxLongest = 10
)

// Sentence is one sentence of a page, located for the writer.
type Sentence struct {
	// Text is the sentence with its white space collapsed to single spaces.
	Text string
	// Line is the 1-based line of the file on which the sentence starts.
	Line int
	// Words and Syllables are the sentence's counts.
	Words, Syllables int
	// Grade is the Flesch–Kincaid grade of the sentence on its own:
	// 0.39·Words + 11.8·Syllables/Words − 15.59.
	Grade float64
}

// Word is one long word of a page, located where it first occurs.
type Word struct {
	// Text is the word as first written.
	Text string
	// Line is the 1-based line of the file of its first occurrence.
	Line int
	// Syllables is its number of syllables.
	Syllables int
}

// hotspots collects the hardest sentences and the longest words while a
// page is analysed. It keeps only the best MaxHardest sentences and
// MaxLongest words seen so far, in their final order, so that a page costs
// no more memory and no sorting however long it is: a stable sort of every
// candidate followed by a cut would give the same lists.
type hotspots struct {
	sentences []Sentence // at most MaxHardest, hardest first
	words     []rankedWord
}

// rankedWord is a candidate longest word with its letters, the second
// sort key.
type rankedWord struct {
	Word
	letters int
}

// harder reports whether sentence s ranks before t: a higher grade, or an
// equal grade and more words. Of two sentences that rank equal, the one
// earlier on the page comes first.
func harder(s, t *Sentence) bool {
	if s.Grade != t.Grade {
		return s.Grade > t.Grade
	}
	return s.Words > t.Words
}

// longer reports whether word v ranks before w: more syllables, or as many
// and more letters. Of two words that rank equal, the one earlier on the
// page comes first.
func longer(v, w *rankedWord) bool {
	if v.Syllables != w.Syllables {
		return v.Syllables > w.Syllables
	}
	return v.letters > w.letters
}

// addSentence considers a sentence, given in page order, for the hardest.
// Its text keeps its white space, collapsed by hardest for those kept.
func (h *hotspots) addSentence(s Sentence) {
	// The new sentence goes after every kept one that ranks before it or
	// equal (those are earlier on the page).
	i := len(h.sentences)
	for i > 0 && harder(&s, &h.sentences[i-1]) {
		i--
	}
	if i == MaxHardest {
		return
	}
	if len(h.sentences) < MaxHardest {
		h.sentences = append(h.sentences, Sentence{})
	}
	copy(h.sentences[i+1:], h.sentences[i:])
	h.sentences[i] = s
}

// addWord considers a word of three or more syllables and so many
// letters, given in page order, for the longest. The caller gives each
// word once, in whatever case it first has on the page (Analyze asks its
// wordCache).
func (h *hotspots) addWord(text string, line, syllables, letters int) {
	w := rankedWord{Word: Word{Text: text, Line: line, Syllables: syllables}, letters: letters}
	i := len(h.words)
	for i > 0 && longer(&w, &h.words[i-1]) {
		i--
	}
	if i == MaxLongest {
		return
	}
	if len(h.words) < MaxLongest {
		h.words = append(h.words, rankedWord{})
	}
	copy(h.words[i+1:], h.words[i:])
	h.words[i] = w
}

// hardest returns up to MaxHardest sentences, highest grade first, ties
// broken by more words, then by order on the page.
func (h *hotspots) hardest() []Sentence {
	if len(h.sentences) == 0 {
		return nil
	}
	out := make([]Sentence, len(h.sentences))
	for i, s := range h.sentences {
		// A copy, so that the report does not hold on to the page's text.
		s.Text = squeeze(s.Text)
		out[i] = s
	}
	return out
}

// longest returns up to MaxLongest distinct words, most syllables first,
// then most letters, then in order on the page.
func (h *hotspots) longest() []Word {
	out := make([]Word, len(h.words))
	for i, w := range h.words {
		out[i] = w.Word
		out[i].Text = strings.Clone(w.Text) // not a part of the page's text
	}
	return out
}
