package search

import (
	"encoding/binary"
	"math/bits"
)

// A wordTable maps words to their stems' numbers for one goroutine: an
// open-addressing hash table looked up with the bytes of a word as the
// tokenizer has them. The search analyzes every word of every
// page, and looking each one up is most of its time, so a slot holds the
// word's hash and its first eight bytes (most words are found, or told
// apart, by those alone, without reading the word's letters elsewhere);
// the letters of longer words lie end to end in one arena, close in
// memory, rather than in strings all over the heap.
type wordTable struct {
	slots []wordSlot
	arena []byte
	// offs[n] is where the letters of the word numbered n (the n-th put)
	// start in arena.
	offs []uint32
}

// A wordSlot is one word of a wordTable, or none when size is 0 (every
// word has two letters or more).
type wordSlot struct {
	hash, id uint32
	// n numbers the word in the order it was put; size is its length.
	n, size uint32
	// prefix is the word's first eight bytes (see prefixOf).
	prefix uint64
}

// prefixOf returns the first eight bytes of w as a little-endian number,
// with zeros past the end of a shorter word.
func prefixOf(w []byte) uint64 {
	if len(w) >= 8 {
		return binary.LittleEndian.Uint64(w)
	}
	if cap(w) >= 8 {
		// The tokenizer's words lie in a buffer of 64 bytes or more: one
		// load, and the bytes past the word masked off.
		return binary.LittleEndian.Uint64(w[:8]) & (1<<(8*len(w)) - 1)
	}
	var p uint64
	for i, c := range w {
		p |= uint64(c) << (8 * i)
	}
	return p
}

// hashOf returns the hash of w, whose first eight bytes are p
// (prefixOf): of its length, its first eight bytes and, when longer, its
// last eight, with one multiplication. Words that differ only between
// their first and last eight bytes share a hash, and are told apart by
// their letters.
func hashOf(w []byte, p uint64) uint32 {
	const k = 0x9e3779b97f4a7c15 // 2⁶⁴ over the golden ratio
	h := p ^ uint64(len(w))<<58
	if len(w) > 8 {
		h ^= bits.RotateLeft64(binary.LittleEndian.Uint64(w[len(w)-8:]), 29)
	}
	return uint32(h * k >> 32)
}

// get returns the number of the stem of w and the word's number in the
// table, if the table has w.
func (t *wordTable) get(w []byte) (id, n uint32, ok bool) {
	if len(t.slots) == 0 {
		return 0, 0, false
	}
	p := prefixOf(w)
	h := hashOf(w, p)
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.size == 0 {
			return 0, 0, false
		}
		if s.hash == h && s.prefix == p && int(s.size) == len(w) &&
			(len(w) <= 8 || string(t.arena[t.offs[s.n]:t.offs[s.n]+s.size]) == string(w)) {
			return s.id, s.n, true
		}
	}
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
	p := prefixOf(w)
	t.place(wordSlot{hash: hashOf(w, p), id: id, n: n, size: uint32(len(w)), prefix: p})
	t.offs = append(t.offs, uint32(len(t.arena)))
	t.arena = append(t.arena, w...)
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
