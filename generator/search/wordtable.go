package search

// A wordTable maps words to their stems' numbers for one goroutine: an
// open-addressing hash table looked up with the bytes of a word and its
// hash as the tokenizer has them. The search analyzes every word of every
// page, and looking each one up is most of its time, so a slot holds the
// word's hash (most slots that are not the word's are told apart by it
// alone) and the words' letters lie end to end in one arena, close in
// memory, rather than in strings all over the heap.
type wordTable struct {
	slots []wordSlot
	arena []byte
	n     int
}

// A wordSlot is one word of a wordTable, or none when size is 0 (every
// word has two letters or more).
type wordSlot struct {
	hash, id  uint32
	off, size uint32 // the word is arena[off:off+size]
}

// get returns the number of the stem of w, whose hash is h (its FNV-1a
// hash, as the tokenizer gives it),
// if the table has w.
func (t *wordTable) get(w []byte, h uint32) (uint32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.size == 0 {
			return 0, false
		}
		if s.hash == h && int(s.size) == len(w) && string(t.arena[s.off:s.off+s.size]) == string(w) {
			return s.id, true
		}
	}
}

// put adds w, whose hash is h and which the table does not have, with its
// stem's number.
func (t *wordTable) put(w []byte, h, id uint32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]wordSlot, max(1024, 2*len(old)))
		for _, s := range old {
			if s.size != 0 {
				t.place(s)
			}
		}
	}
	t.place(wordSlot{hash: h, id: id, off: uint32(len(t.arena)), size: uint32(len(w))})
	t.arena = append(t.arena, w...)
	t.n++
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
