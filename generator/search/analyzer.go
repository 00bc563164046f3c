package search

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"sync"

	"github.com/lumen-ssg/lumen/generator/freelist"
)

// An Analyzer turns records into Docs: the stems of their words, counted
// by the weight of the field each is in. One Analyzer serves every page of
// a build, from any number of goroutines: it stems each distinct word once
// and numbers each distinct stem, so that a Doc is a short list of
// numbers rather than the text it was made from, and so that the index
// knows, at the end, every word the pages had and its stem.
type Analyzer struct {
	// lang is the language of the pages, which chooses the stopwords and
	// the stemmer.
	lang string
	stop map[string]bool
	// words maps each word seen to its stem's number, or to stopword, in
	// parts by the word's first letter and length, so that goroutines
	// seldom wait for each other: a word is looked up far more often than
	// added.
	words [wordParts]struct {
		sync.RWMutex
		m map[string]uint32
	}

	// keepWords makes each Doc keep its distinct words, for Save.
	keepWords bool

	mu    sync.Mutex
	ids   map[string]uint32 // stem → its number
	stems []string          // number → stem
	// idle are the scratches no Doc is using: kept through garbage
	// collections, since a new scratch looks up every word under a lock
	// again until its table has them.
	idle freelist.List[*scratch]
}

// scratch is what one goroutine's Docs reuse, one after the other.
type scratch struct {
	// docs are the Docs being made: a record's own, and its page's
	// (see Docs).
	docs [2]docTerms
	// words are the words this scratch has looked up, with their stems'
	// numbers: after a few pages, every word is found here, without a
	// lock.
	words wordTable
	// enc is where a Doc's Terms are encoded, then copied out.
	enc []byte
	// tok reads the words of each text of a Doc, and refs are what
	// words has of them.
	tok  tokenizer
	refs []wordRef
	// strs[n] is the word numbered n in words as a string, made once,
	// when the Analyzer keeps words.
	strs []string
}

// wordParts is how many parts Analyzer.words is in.
const wordParts = 64

// stopword is the number of the stem of a stopword.
const stopword = ^uint32(0)

// NewAnalyzer returns an Analyzer of English pages that knows no words
// yet.
func NewAnalyzer() *Analyzer { return NewAnalyzerFor("en") }

// NewAnalyzerFor returns an Analyzer of pages in the language lang, a BCP
// 47 tag: Spanish words are stemmed and left out as Spanish ones, those of
// any other language as English ones.
func NewAnalyzerFor(lang string) *Analyzer {
	a := &Analyzer{lang: lang, stop: stopwords(lang), ids: map[string]uint32{}}
	for i := range a.words {
		a.words[i].m = map[string]uint32{}
	}
	return a
}

// A Doc is a record as the index needs it: what a result shows, and the
// stems of its words with their weighted counts.
type Doc struct {
	URL, Title, Kind string
	// Snippet is the start of the record's text, what a result shows.
	Snippet string
	// terms are the record's Terms, each once, in the order they were
	// found, encoded: for each, the stem's number (times two, plus one if
	// Named) and Freq, as unsigned varints. A build keeps a few hundred
	// Terms for each of up to hundreds of thousands of records until the
	// last page is made: three bytes or so each rather than eight.
	terms []byte
	// Length is the sum of the weights of the record's words, against
	// which BM25 weighs its counts.
	Length int
	// words are the record's distinct words but stopwords, when its
	// Analyzer keeps them (KeepWords), for Save, and wordStems the
	// numbers of their stems.
	words     []string
	wordStems []uint32
	// restored are the words of a Doc Restore made, as saved.
	restored *savedWords
}

// Terms returns the record's stems with their counts, in the order they
// were found in it.
func (d *Doc) Terms() []Term { return d.appendTerms(nil) }

// appendTerms appends the record's Terms to dst, in the order they were
// first found in it, and returns the extended slice. The postings read
// every Term of every record: the loop decodes the one- and two-byte
// varints nearly all of them are without a call, into room made first.
func (d *Doc) appendTerms(dst []Term) []Term {
	b := d.terms
	n := len(dst)
	dst = slices.Grow(dst, len(b)/2)[:n+len(b)/2] // a Term takes two bytes or more
	for i := 0; i < len(b); n++ {
		var stem, freq uint64
		ok := true
		if stem, i = varint2At(b, i); i < 0 {
			stem, i, ok = uvarintAt(b, -i-1)
		}
		if ok && i < len(b) && b[i] < 0x80 {
			freq, i = uint64(b[i]), i+1
		} else if ok {
			freq, i, ok = uvarintAt(b, i)
		}
		if !ok {
			break // not written by encodeTerms: never so
		}
		dst[n] = Term{Stem: uint32(stem >> 1), Freq: uint16(freq), Named: stem&1 == 1}
	}
	return dst[:n]
}

// countStems adds one to count[st] for each Term of d with the stem st,
// decoding only the stems' numbers.
func (d *Doc) countStems(count []int) {
	b := d.terms
	for i := 0; i < len(b); {
		var stem uint64
		if stem, i = varint2At(b, i); i < 0 {
			var ok bool
			if stem, i, ok = uvarintAt(b, -i-1); !ok {
				return // not written by encodeTerms: never so
			}
		}
		count[stem>>1]++
		for i < len(b) && b[i] >= 0x80 { // the count, of a byte or more
			i++
		}
		i++
	}
}

// varint2At decodes the varint at b[i], i < len(b), when it takes one
// byte or two, as nearly all of a record's do, and returns it and the
// index after it; else it returns -i-1, for uvarintAt. It is inlined.
func varint2At(b []byte, i int) (uint64, int) {
	if b[i] < 0x80 {
		return uint64(b[i]), i + 1
	}
	if i+1 < len(b) && b[i+1] < 0x80 {
		return uint64(b[i]&0x7f) | uint64(b[i+1])<<7, i + 2
	}
	return 0, -i - 1
}

// uvarintAt decodes the varint at b[i:] and returns it and the index
// after it, or false when b has none there.
func uvarintAt(b []byte, i int) (v uint64, next int, ok bool) {
	if i >= len(b) {
		return 0, i, false
	}
	v, n := binary.Uvarint(b[i:])
	return v, i + n, n > 0
}

// encodeTerms appends terms to dst encoded as Doc.terms: each stem number,
// shifted left by one with Named in the low bit, and Freq, as varints.
// They are not sorted to be written as gaps: sorting cost more than the
// byte or so it saves a term.
func encodeTerms(out []byte, terms []Term) []byte {
	for _, t := range terms {
		stem := uint64(t.Stem) << 1
		if t.Named {
			stem |= 1
		}
		// Nearly all stems' numbers take one or two bytes, and counts one.
		switch {
		case stem < 0x80 && t.Freq < 0x80:
			out = append(out, byte(stem), byte(t.Freq))
		case stem < 0x4000 && t.Freq < 0x80:
			out = append(out, byte(stem)|0x80, byte(stem>>7), byte(t.Freq))
		default:
			out = binary.AppendUvarint(binary.AppendUvarint(out, stem), uint64(t.Freq))
		}
	}
	return out
}

// A Term is one stem of a Doc.
type Term struct {
	Stem uint32
	// Freq is how often the stem is in the record, each time counted by
	// the weight of its field, up to maxFreq.
	Freq uint16
	// Named says that the stem is in the record's title or another name.
	Named bool
}

// maxFreq is the most a Term counts: far past where BM25 has saturated.
const maxFreq = 1<<16 - 1

// Doc analyzes the record r.
func (a *Analyzer) Doc(r Record) Doc { return a.Docs([]Record{r})[0] }

// Docs analyzes the records of one page, as RecordsOf returns them. The
// headings and body of a record marked Part are also those of the last
// record before it that is not: their words are read once and counted in
// both.
func (a *Analyzer) Docs(rs []Record) []Doc {
	docs := make([]Doc, len(rs))
	sc := a.idle.Get(func() *scratch { return new(scratch) })
	// own is the Doc of the record being read; page that of the last
	// record not a Part, finished once its parts are read.
	own, page := &sc.docs[0], &sc.docs[1]
	pageAt := -1
	for i, r := range rs {
		docs[i] = Doc{URL: r.URL, Title: r.Title, Kind: r.Kind, Snippet: snippet(r.Text)}
		if r.Part && pageAt >= 0 {
			// The headings and body first, whose counts are then the
			// page's too.
			own.start()
			a.read(sc, own, field{r.Headings, weightHeadings}, field{r.Body, weightBody})
			page.merge(sc, own)
			a.read(sc, own, field{[]string{r.Title}, 0}, field{r.Names, 0}, field{r.Lead, weightLead})
			own.finish(&docs[i], &sc.enc)
			continue
		}
		if pageAt >= 0 {
			page.finish(&docs[pageAt], &sc.enc)
		}
		pageAt = i
		page.start()
		a.read(sc, page, field{[]string{r.Title}, 0}, field{r.Names, 0}, field{r.Lead, weightLead},
			field{r.Headings, weightHeadings}, field{r.Body, weightBody})
	}
	if pageAt >= 0 {
		page.finish(&docs[pageAt], &sc.enc)
	}
	a.idle.Put(sc)
	return docs
}

// A field is the texts of one field of a record, and its weight: 0 for
// the title and other names.
type field struct {
	texts  []string
	weight int
}

// read reads the words of fields of a record into the Doc d is making.
// Its loops are the index's over every word of every page, in two steps
// with few variables each, which the compiler keeps in registers: the
// tokenizer reads a text's words and the scratch's words give most of
// their stems' numbers (getAll), then the loop here looks up the others
// (ref), leaves out stopwords and counts the rest.
func (a *Analyzer) read(sc *scratch, d *docTerms, fields ...field) {
	place, terms, length := d.place, d.terms, d.length
	for _, f := range fields {
		for _, text := range f.texts {
			sc.tok.read(text)
			refs, unknowns := sc.words.getAll(&sc.tok, sc.refs)
			sc.refs = refs
			// The words the scratch's table does not give, looked up
			// first (after a few pages, seldom any), and the words a Doc
			// keeps, so that the loop that counts calls nothing but to
			// grow its slices.
			for k := 0; unknowns > 0; k++ {
				if refs[k].id == unknown {
					refs[k] = a.ref(sc, sc.tok.word(k))
					unknowns--
				}
			}
			if a.keepWords {
				for k, r := range refs {
					if r.id != stopword {
						d.keep(sc, r.id, r.n, sc.tok.word(k))
					}
				}
			}
			// Room first for every stem of the text, in place and in
			// terms, so that the loops that count call nothing and grow
			// nothing (termIn is inlined, its append never grows): the
			// scratch's words gave every stem, so place needs room for
			// the numbers of those it has.
			place, terms = roomFor(place, int(sc.words.stems)-1), slices.Grow(terms, len(refs))
			if f.weight == 0 {
				for _, r := range refs {
					if r.id != stopword {
						var i int32
						terms, i = termIn(place, terms, r.id)
						terms[i].Named = true
					}
				}
				continue
			}
			// No count is more than length, the sum of every count of
			// the Doc: when the text cannot take it past maxFreq, the
			// counts are added to without a test.
			if length+len(refs)*f.weight <= maxFreq {
				w := uint16(f.weight)
				for _, r := range refs {
					if r.id != stopword {
						var i int32
						terms, i = termIn(place, terms, r.id)
						terms[i].Freq += w
						length += f.weight
					}
				}
				continue
			}
			for _, r := range refs {
				if r.id != stopword {
					var i int32
					terms, i = termIn(place, terms, r.id)
					t := &terms[i]
					t.Freq = uint16(min(int(t.Freq)+f.weight, maxFreq))
					length += f.weight
				}
			}
		}
	}
	d.place, d.terms, d.length = place, terms, length
}

// ref returns the wordRef of w, which the scratch's words did not find in
// its first slot: from the scratch's words, or else from the Analyzer,
// and then put in the scratch's words (the word may have been put for a
// word before it).
func (a *Analyzer) ref(sc *scratch, w []byte) wordRef {
	id, n, ok := sc.words.get(w)
	if !ok {
		id = a.stem(w)
		n = sc.words.put(w, id)
	}
	return wordRef{id, n}
}

// docTerms is a Doc being made: its Terms, and its words when the
// Analyzer keeps them.
type docTerms struct {
	// place[stem]-1 is the place of the stem's Term in terms: a slice as
	// long as there are stems, cleared of what each Doc set.
	place  []int32
	terms  []Term
	length int
	// seen[n] is the last Doc (counted by doc) that had the word
	// numbered n in the scratch's words.
	seen []uint32
	doc  uint32
	// words are the Doc's words, their numbers in the scratch's words
	// and the numbers of their stems.
	words     []string
	wordNums  []uint32
	wordStems []uint32
}

// start begins a new Doc.
func (d *docTerms) start() {
	d.terms, d.length = d.terms[:0], 0
	d.words, d.wordNums, d.wordStems = nil, d.wordNums[:0], nil
	d.doc++
}

// keep adds the word w, numbered n in the scratch's words, whose stem is
// id, to the Doc's words, unless it has it.
func (d *docTerms) keep(sc *scratch, id, n uint32, w []byte) {
	if d.first(n) {
		d.words = append(d.words, sc.word(n, w))
		d.wordNums = append(d.wordNums, n)
		d.wordStems = append(d.wordStems, id)
	}
}

// first reports whether the Doc has not had the word numbered n in the
// scratch's words before, and marks it as had.
func (d *docTerms) first(n uint32) bool {
	for int(n) >= len(d.seen) {
		d.seen = append(d.seen, 0)
	}
	if d.seen[n] == d.doc {
		return false
	}
	d.seen[n] = d.doc
	return true
}

// merge adds the counts and words of the Doc from is making to d's. from
// must have no names yet.
func (d *docTerms) merge(sc *scratch, from *docTerms) {
	for _, t := range from.terms {
		var i int32
		d.place, d.terms, i = termOf(d.place, d.terms, t.Stem)
		d.terms[i].Freq = uint16(min(int(d.terms[i].Freq)+int(t.Freq), maxFreq))
	}
	d.length += from.length
	for k, n := range from.wordNums {
		if d.first(n) {
			d.words = append(d.words, from.words[k])
			d.wordNums = append(d.wordNums, n)
			d.wordStems = append(d.wordStems, from.wordStems[k])
		}
	}
}

// termOf returns the place in terms of the Term of the stem id, adding
// one when there is none, and place and terms as they are then: place[id]
// is that place plus one (see docTerms).
func termOf(place []int32, terms []Term, id uint32) ([]int32, []Term, int32) {
	place = roomFor(place, int(id))
	terms, i := termIn(place, terms, id)
	return place, terms, i
}

// roomFor returns place with room for the stem top and those before it.
func roomFor(place []int32, top int) []int32 {
	if top >= len(place) {
		place = append(place, make([]int32, top+1-len(place)+1024)...)
	}
	return place
}

// termIn is termOf for a place that has room for id already.
func termIn(place []int32, terms []Term, id uint32) ([]Term, int32) {
	i := place[id] - 1
	if i < 0 {
		i = int32(len(terms))
		place[id] = i + 1
		terms = append(terms, Term{Stem: id})
	}
	return terms, i
}

// finish sets out's terms, length and words to the Doc's, and clears
// place, encoding the terms in enc first.
func (d *docTerms) finish(out *Doc, enc *[]byte) {
	for _, t := range d.terms {
		d.place[t.Stem] = 0
	}
	*enc = encodeTerms((*enc)[:0], d.terms)
	out.terms = bytes.Clone(*enc)
	out.Length = d.length
	out.words, out.wordStems = d.words, d.wordStems
	d.words, d.wordStems = nil, nil
}

// word returns the word numbered n in sc.words, which is w, as a string,
// made once.
func (sc *scratch) word(n uint32, w []byte) string {
	for int(n) >= len(sc.strs) {
		sc.strs = append(sc.strs, "")
	}
	if sc.strs[n] == "" {
		sc.strs[n] = string(w)
	}
	return sc.strs[n]
}

// stem returns the number of the stem of the word w, or stopword.
func (a *Analyzer) stem(w []byte) uint32 {
	part := &a.words[(int(w[0])*31+len(w))%wordParts]
	part.RLock()
	id, ok := part.m[string(w)]
	part.RUnlock()
	if ok {
		return id
	}
	word := string(w)
	id = stopword
	if !a.stop[word] {
		st := stemIn(a.lang, word)
		a.mu.Lock()
		id, ok = a.ids[st]
		if !ok {
			id = uint32(len(a.stems))
			a.ids[st] = id
			a.stems = append(a.stems, st)
		}
		a.mu.Unlock()
	}
	part.Lock()
	part.m[word] = id
	part.Unlock()
	return id
}

// vocabulary returns every word the Analyzer has seen but the stopwords,
// in order, with the number of its stem, and how many stems there are.
func (a *Analyzer) vocabulary() (words []string, stemOf map[string]uint32, stems int) {
	stemOf = map[string]uint32{}
	for i := range a.words {
		part := &a.words[i]
		part.RLock()
		for w, id := range part.m {
			if id != stopword {
				stemOf[w] = id
				words = append(words, w)
			}
		}
		part.RUnlock()
	}
	slices.Sort(words)
	a.mu.Lock()
	defer a.mu.Unlock()
	return words, stemOf, len(a.stems)
}

// stemsOf returns the numbers of the stems for which keep reports true, in
// the alphabetical order of the stems.
func (a *Analyzer) stemsOf(keep func(uint32) bool) []uint32 {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []uint32
	for id := range a.stems {
		if keep(uint32(id)) {
			out = append(out, uint32(id))
		}
	}
	slices.SortFunc(out, func(x, y uint32) int { return strings.Compare(a.stems[x], a.stems[y]) })
	return out
}
