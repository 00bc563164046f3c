package search

import (
	"encoding/binary"
	"fmt"
	"sync"
	"sync/atomic"
)

// Saved is a Doc as a build cache keeps it between builds. A Doc's stems
// are numbered by the Analyzer that made it, so Saved names each by a
// word of the record instead; and it lists the record's distinct words,
// so that the index of the next build knows every word its pages have,
// as if it had read them. The words are numbers in a WordList that
// the Saved records of a whole site share.
type Saved struct {
	URL, Title, Kind, Snippet string
	Length                    int
	// Words are the record's distinct words but stopwords, as their
	// places in the WordList, in varints.
	Words []byte
	// Terms are the Doc's Terms in order: for each, the place in Words of
	// a word of its stem, and Freq shifted left by one with Named in the
	// low bit, as varints.
	Terms []byte
}

// WordList is the table of words of many Saved records: each word once. It
// is safe for concurrent use.
type WordList struct {
	mu    sync.Mutex
	List  []string
	index map[string]uint32
	// ids are, for each Analyzer that restored records, the number of
	// each word's stem plus one (0 until first asked).
	ids map[*Analyzer][]atomic.Uint32
	// to are the places of the words (plus one) in the table they are
	// moved to (Move): a build moves the records it reuses to the table
	// of the cache it writes.
	to []atomic.Uint32
}

// number returns the place of word w in the table, adding it. The caller
// holds t.mu.
func (t *WordList) number(w string) uint32 {
	if t.index == nil {
		t.index = make(map[string]uint32, len(t.List))
		for i, w := range t.List {
			t.index[w] = uint32(i)
		}
	}
	n, ok := t.index[w]
	if !ok {
		n = uint32(len(t.List))
		t.index[w] = n
		t.List = append(t.List, w)
	}
	return n
}

// stems returns the numbers (plus one) of the stems of the table's words
// for a, filled in as they are first asked for.
func (t *WordList) stems(a *Analyzer) []atomic.Uint32 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ids == nil {
		t.ids = map[*Analyzer][]atomic.Uint32{}
	}
	ids, ok := t.ids[a]
	if !ok {
		ids = make([]atomic.Uint32, len(t.List))
		t.ids[a] = ids
	}
	return ids
}

// Move returns s, saved with its words in from, with its words in t.
// Words that from does not have are dropped (a damaged cache, which
// Restore would have refused).
func (t *WordList) Move(s Saved, from *WordList) Saved {
	moved := from.moved()
	var words []byte
	t.mu.Lock()
	defer t.mu.Unlock()
	for b := s.Words; len(b) > 0; {
		n, k := binary.Uvarint(b)
		if k <= 0 || n >= uint64(len(moved)) {
			break
		}
		b = b[k:]
		to := moved[n].Load()
		if to == 0 {
			to = t.number(from.List[n]) + 1
			moved[n].Store(to)
		}
		words = binary.AppendUvarint(words, uint64(to-1))
	}
	s.Words = words
	return s
}

// moved returns the places (plus one) in the one table words of t are
// moved to, filled in as they are first asked for (Move).
func (t *WordList) moved() []atomic.Uint32 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.to == nil {
		t.to = make([]atomic.Uint32, len(t.List))
	}
	return t.to
}

// KeepWords makes the Analyzer's Docs keep their distinct words, so that
// they can be saved (Save). Call it before the first Doc.
func (a *Analyzer) KeepWords() { a.keepWords = true }

// Save returns d as a build cache keeps it, its words numbered in t. d
// must have been made by a after KeepWords, or restored by a.
func (a *Analyzer) Save(d Doc, t *WordList) Saved {
	first := make(map[uint32]int, len(d.words)) // stem → the place in d.words of its first word
	for i, id := range d.wordStems {
		if _, ok := first[id]; !ok {
			first[id] = i
		}
	}
	var words []byte
	t.mu.Lock()
	for _, w := range d.words {
		words = binary.AppendUvarint(words, uint64(t.number(w)))
	}
	t.mu.Unlock()
	var terms []byte
	d.eachTerm(func(term Term) {
		f := uint64(term.Freq) << 1
		if term.Named {
			f |= 1
		}
		terms = binary.AppendUvarint(terms, uint64(first[term.Stem]))
		terms = binary.AppendUvarint(terms, f)
	})
	return Saved{URL: d.URL, Title: d.Title, Kind: d.Kind, Snippet: d.Snippet, Length: d.Length, Words: words, Terms: terms}
}

// Restore returns the Doc that s saved, with its words in t, its stems
// numbered by a, which learns its words. A Saved that does not match t or
// its own words is an error: a damaged cache.
func (a *Analyzer) Restore(s Saved, t *WordList) (Doc, error) {
	d := Doc{URL: s.URL, Title: s.Title, Kind: s.Kind, Snippet: s.Snippet, Length: s.Length}
	damaged := fmt.Errorf("search: a saved record of %s is damaged", s.URL)
	known := t.stems(a)
	var ids []uint32
	for b := s.Words; len(b) > 0; {
		n, k := binary.Uvarint(b)
		if k <= 0 || n >= uint64(len(known)) {
			return Doc{}, damaged
		}
		b = b[k:]
		w := t.List[n]
		id := known[n].Load()
		if id == 0 {
			if w == "" {
				return Doc{}, damaged
			}
			id = a.stem([]byte(w)) + 1
			known[n].Store(id)
		}
		if id-1 == stopword {
			return Doc{}, damaged
		}
		ids = append(ids, id-1)
		d.words = append(d.words, w)
	}
	d.wordStems = ids
	var terms []Term
	for b := s.Terms; len(b) > 0; {
		i, n := binary.Uvarint(b)
		if n <= 0 {
			return Doc{}, damaged
		}
		f, m := binary.Uvarint(b[n:])
		if m <= 0 || i >= uint64(len(ids)) {
			return Doc{}, damaged
		}
		b = b[n+m:]
		terms = append(terms, Term{Stem: ids[i], Freq: uint16(f >> 1), Named: f&1 == 1})
	}
	d.terms = appendTerms(nil, terms)
	return d, nil
}

// Forget lets d's words go once it is saved, so that a build holds them
// only while a page is made.
func (d *Doc) Forget() { d.words, d.wordStems = nil, nil }
