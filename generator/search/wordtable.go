package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// A wordTable maps words to their stems' numbers for one goroutine: an
// open-addressing hash table looked up with the bytes of a word as the
// tokenizer has them. The search analyzes every word of every page, and
// looking each one up is much of its time, so a slot holds the word's
// hash, size, and first and last eight bytes (a word of 16 letters or
// fewer is found, or told apart, by those alone, without reading its
// letters elsewhere); the letters of longer words lie end to end in one
// arena, close in memory, rather than in strings all over the heap.
type wordTable struct {
	slots []wordSlot
	arena []byte
	// offs[n] is where the letters of the word numbered n (the n-th put)
	// start in arena.
	offs []uint32
	// stems is one more than the largest number of a stem put (but
	// stopword's), or 0: no word the table gives has a stem numbered
	// stems or more.
	stems uint32
}

// A wordSlot is one word of a wordTable, or none when size is 0 (every
// word has two letters or more).
type wordSlot struct {
	hash, id uint32
	// n numbers the word in the order it was put; size is its length.
	n, size uint32
	// prefix is the word's first eight bytes (see prefixOf), and suffix
	// its last eight when it is longer (see suffixOf): a word of 16
	// letters or fewer is told apart by them and its size alone.
	prefix, suffix uint64
}

// prefixOf returns the first eight bytes of w as a little-endian number,
// with zeros past the end of a shorter word.
func prefixOf(w []byte) uint64 {
	if len(w) >= 8 {
		return binary.LittleEndian.Uint64(w)
	}
	if cap(w) >= 8 {
		// The tokenizer's words lie in a buffer with room past them: one
		// load, and the bytes past the word masked off.
		return binary.LittleEndian.Uint64(w[:8]) & prefixMasks[len(w)]
	}
	var p uint64
	for i, c := range w {
		p |= uint64(c) << (8 * i)
	}
	return p
}

// prefixMasks[n] keeps the first n bytes of eight loaded at once, all
// eight for n of 8 or more (up to 31, so that a length masked with 31
// needs no bounds check).
var prefixMasks = func() (m [32]uint64) {
	for n := range m {
		m[n] = 1<<(8*min(n, 8)) - 1
	}
	return m
}()

// suffixOf returns the last eight bytes of w as a little-endian number
// when it is longer than eight bytes, and 0 otherwise.
func suffixOf(w []byte) uint64 {
	if len(w) > 8 {
		return binary.LittleEndian.Uint64(w[len(w)-8:])
	}
	return 0
}

// hashOf returns the hash of a word of size bytes whose first and last
// eight bytes are p and q (prefixOf, suffixOf), with one multiplication.
// Words that differ only between their first and last eight bytes share
// a hash, and are told apart by their letters.
func hashOf(p, q uint64, size int) uint32 {
	const k = 0x9e3779b97f4a7c15 // 2⁶⁴ over the golden ratio
	return uint32((p ^ uint64(size)<<58 ^ bits.RotateLeft64(q, 29)) * k >> 32)
}

// get returns the number of the stem of w and the word's number in the
// table, if the table has w.
func (t *wordTable) get(w []byte) (id, n uint32, ok bool) {
	if len(t.slots) == 0 {
		return 0, 0, false
	}
	p, q := prefixOf(w), suffixOf(w)
	h := hashOf(p, q, len(w))
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.size == 0 {
			return 0, 0, false
		}
		if s.hash == h && s.prefix == p && s.suffix == q && int(s.size) == len(w) &&
			(len(w) <= 16 || string(t.arena[t.offs[s.n]:t.offs[s.n]+s.size]) == string(w)) {
			return s.id, s.n, true
		}
	}
}

// A wordRef is a word looked up in a wordTable: the number of its stem
// (or unknown) and its number in the table.
type wordRef struct{ id, n uint32 }

// unknown is the wordRef.id of a word a wordTable does not have.
const unknown = stopword - 1

// getAll returns the wordRef of each word the tokenizer tok read, in
// refs, reusing its memory: that of get for each word of 16 letters or
// fewer, and one with the id unknown for a longer word, which get looks
// up (its letters are not all in its slot); and how many are unknown.
// Its loop calls nothing, so that the compiler keeps its variables in
// registers, rather than saving them around a call for every word: Go's
// calls keep no register.
func (t *wordTable) getAll(tok *tokenizer, refs []wordRef) ([]wordRef, int) {
	refs = slices.Grow(refs[:0], len(tok.spans))[:len(tok.spans)]
	arena, spans, slots := tok.arena, tok.spans[:len(refs)], t.slots
	if len(slots) == 0 {
		for k := range refs {
			refs[k] = wordRef{unknown, 0}
		}
		return refs, len(refs)
	}
	mask := uint32(len(slots) - 1)
	unknowns := 0
	for k, sp := range spans {
		n := int(sp.end - sp.start)
		if n > 16 {
			refs[k] = wordRef{unknown, 0}
			unknowns++
			continue
		}
		// The tokenizer leaves eight bytes past each word in its arena.
		p := binary.LittleEndian.Uint64(arena[sp.start:]) & prefixMasks[n&31]
		var q uint64
		if n > 8 {
			q = binary.LittleEndian.Uint64(arena[sp.end-8:])
		}
		// A slot whose word has the same first and last eight bytes and
		// size has the same hash: the hash is not compared again.
		ref := wordRef{unknown, 0}
		for i := hashOf(p, q, n) & mask; ; i = (i + 1) & mask {
			s := &slots[i]
			if s.prefix == p && s.suffix == q && int(s.size) == n {
				ref = wordRef{s.id, s.n}
				break
			}
			if s.size == 0 {
				unknowns++
				break
			}
		}
		refs[k] = ref
	}
	return refs, unknowns
}

// put adds w, which the table does not have, with its stem's number, and
// returns the word's number in the table: 0 for the first word put, 1 for
// the next, and so on.
func (t *wordTable) put(w []byte, id uint32) uint32 {
	n := uint32(len(t.offs))
	if 2*(n+1) > uint32(len(t.slots)) {
		old := t.slots
		t.slots = make([]wordSlot, max(1024, 2*len(old)))
		for _, s := range old {
			if s.size != 0 {
				t.place(s)
			}
		}
	}
	p, q := prefixOf(w), suffixOf(w)
	t.place(wordSlot{hash: hashOf(p, q, len(w)), id: id, n: n, size: uint32(len(w)), prefix: p, suffix: q})
	t.offs = append(t.offs, uint32(len(t.arena)))
	t.arena = append(t.arena, w...)
	if id != stopword {
		t.stems = max(t.stems, id+1)
	}
	return n
}

// place puts s in the first free slot from its hash on.
func (t *wordTable) place(s wordSlot) {
	mask := uint32(len(t.slots) - 1)
	i := s.hash & mask
	for t.slots[i].size != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}
