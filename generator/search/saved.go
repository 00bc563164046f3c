package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/lumen-ssg/lumen/generator/freelist"
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

// WordList is the table of words of many Saved records: each word once,
// in the order first saved. A table that starts with another's List
// numbers those words alike, so that a build cache can keep its table
// from build to build and write the records it carries over as they are.
// It is safe for concurrent use.
type WordList struct {
	mu    sync.RWMutex
	List  []string
	index map[string]uint32
	// ids are, for each Analyzer that restored records, the number of
	// each word's stem plus one (0 until first asked).
	ids map[*Analyzer][]atomic.Uint32
	// scratch are lists of stems Restore is not using.
	scratch freelist.List[*[]uint32]
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

// appendNumbers appends the places of words in the table to dst, as
// uvarints, adding the words it does not have. Most words of a site are
// in many of its records: they are looked up together, under a read
// lock, and only the new ones added under the lock.
func (t *WordList) appendNumbers(dst []byte, words []string) []byte {
	const none = ^uint32(0)
	nums := make([]uint32, len(words))
	missing := false
	t.mu.RLock()
	for i, w := range words {
		n, ok := t.index[w]
		if !ok {
			n, missing = none, true
		}
		nums[i] = n
	}
	t.mu.RUnlock()
	if missing {
		t.mu.Lock()
		for i, w := range words {
			if nums[i] == none {
				nums[i] = t.number(w)
			}
		}
		t.mu.Unlock()
	}
	for _, n := range nums {
		dst = binary.AppendUvarint(dst, uint64(n))
	}
	return dst
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

// KeepWords makes the Analyzer's Docs keep their distinct words, so that
// they can be saved (Save). Call it before the first Doc.
func (a *Analyzer) KeepWords() { a.keepWords = true }

// Save returns d as a build cache keeps it, its words numbered in t. d
// must have been made by a after KeepWords, or restored by a.
func (a *Analyzer) Save(d Doc, t *WordList) Saved {
	if d.restored != nil {
		// Restore leaves the words as they were saved.
		d.words, d.wordStems = nil, nil
		if err := d.restored.table.each(a, d.restored.words, func(w string, id uint32) {
			d.words = append(d.words, w)
			d.wordStems = append(d.wordStems, id)
		}); err != nil {
			d.words, d.wordStems = nil, nil
		}
	}
	first := make(map[uint32]int, len(d.words)) // stem → the place in d.words of its first word
	for i, id := range d.wordStems {
		if _, ok := first[id]; !ok {
			first[id] = i
		}
	}
	words := t.appendNumbers(nil, d.words)
	var terms []byte
	for _, term := range d.Terms() {
		f := uint64(term.Freq) << 1
		if term.Named {
			f |= 1
		}
		terms = binary.AppendUvarint(terms, uint64(first[term.Stem]))
		terms = binary.AppendUvarint(terms, f)
	}
	return Saved{URL: d.URL, Title: d.Title, Kind: d.Kind, Snippet: d.Snippet, Length: d.Length, Words: words, Terms: terms}
}

// savedWords are the words of a restored Doc as its Saved record has
// them: a build rarely saves a restored Doc again, so Restore does not
// make them a list.
type savedWords struct {
	words []byte
	table *WordList
}

// errDamaged is the error of a Saved record that does not match its
// WordList or its own words.
var errDamaged = errors.New("search: a saved record is damaged")

// each calls fn with each word of words, a Saved record's Words, and the
// number of its stem for a, which learns the words it had not seen.
func (t *WordList) each(a *Analyzer, words []byte, fn func(w string, stem uint32)) error {
	known := t.stems(a)
	for b := words; len(b) > 0; {
		n, k := binary.Uvarint(b)
		if k <= 0 || n >= uint64(len(known)) {
			return errDamaged
		}
		b = b[k:]
		w := t.List[n]
		id := known[n].Load()
		if id == 0 {
			if w == "" {
				return errDamaged
			}
			id = a.stem([]byte(w)) + 1
			known[n].Store(id)
		}
		if id-1 == stopword {
			return errDamaged
		}
		fn(w, id-1)
	}
	return nil
}

// Restore returns the Doc that s saved, with its words in t, its stems
// numbered by a, which learns its words. A Saved that does not match t or
// its own words is an error: a damaged cache.
func (a *Analyzer) Restore(s Saved, t *WordList) (Doc, error) {
	d := Doc{URL: s.URL, Title: s.Title, Kind: s.Kind, Snippet: s.Snippet, Length: s.Length,
		restored: &savedWords{words: s.Words, table: t}}
	// The stem of each word, by its place in s.Words (each takes a byte
	// at least).
	scratch := t.scratch.Get(func() *[]uint32 { return new([]uint32) })
	defer t.scratch.Put(scratch)
	ids := (*scratch)[:0]
	if err := t.each(a, s.Words, func(_ string, id uint32) { ids = append(ids, id) }); err != nil {
		return Doc{}, fmt.Errorf("%w: %s", err, s.URL)
	}
	*scratch = ids
	// The terms are as Saved has them, but for the stem of each word in
	// place of its place (see encodeTerms).
	terms := make([]byte, 0, len(s.Terms)+len(s.Terms)/2)
	for b := s.Terms; len(b) > 0; {
		i, n := binary.Uvarint(b)
		if n <= 0 {
			return Doc{}, fmt.Errorf("%w: %s", errDamaged, s.URL)
		}
		f, m := binary.Uvarint(b[n:])
		if m <= 0 || i >= uint64(len(ids)) {
			return Doc{}, fmt.Errorf("%w: %s", errDamaged, s.URL)
		}
		b = b[n+m:]
		terms = binary.AppendUvarint(terms, uint64(ids[i])<<1|f&1)
		terms = binary.AppendUvarint(terms, uint64(uint16(f>>1)))
	}
	d.terms = terms
	return d, nil
}

// Forget lets d's words go once it is saved, so that a build holds them
// only while a page is made.
func (d *Doc) Forget() { d.words, d.wordStems, d.restored = nil, nil, nil }
