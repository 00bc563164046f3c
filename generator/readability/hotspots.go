package readability

import (
	"sort"
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
// page is analysed.
type hotspots struct {
	sentences []Sentence
	words     []Word
	letters   []int          // letters of words[i], the second sort key
	seen      map[string]int // lower-cased word → index in words
}

func (h *hotspots) addSentence(s Sentence) { h.sentences = append(h.sentences, s) }

// addWord records a word unless an equal word (ignoring case) was seen.
func (h *hotspots) addWord(text string, line, syllables int) {
	key := strings.ToLower(text)
	if _, ok := h.seen[key]; ok {
		return
	}
	if h.seen == nil {
		h.seen = map[string]int{}
	}
	h.seen[key] = len(h.words)
	h.words = append(h.words, Word{Text: text, Line: line, Syllables: syllables})
	h.letters = append(h.letters, letters(text))
}

// hardest returns up to MaxHardest sentences, highest grade first, ties
// broken by more words, then by order on the page.
func (h *hotspots) hardest() []Sentence {
	s := h.sentences
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].Grade != s[j].Grade {
			return s[i].Grade > s[j].Grade
		}
		return s[i].Words > s[j].Words
	})
	if len(s) > MaxHardest {
		s = s[:MaxHardest]
	}
	out := append([]Sentence(nil), s...)
	for i := range out {
		out[i].Text = strings.Join(strings.Fields(out[i].Text), " ")
	}
	return out
}

// longest returns up to MaxLongest distinct words, most syllables first,
// then most letters, then in order on the page.
func (h *hotspots) longest() []Word {
	idx := make([]int, len(h.words))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if h.words[i].Syllables != h.words[j].Syllables {
			return h.words[i].Syllables > h.words[j].Syllables
		}
		return h.letters[i] > h.letters[j]
	})
	if len(idx) > MaxLongest {
		idx = idx[:MaxLongest]
	}
	out := make([]Word, len(idx))
	for k, i := range idx {
		out[k] = h.words[i]
	}
	return out
}
