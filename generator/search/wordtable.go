package search

// A wordTable maps words to their stems' numbers for one goroutine: an
// open-addressing hash table looked up with the bytes of a word as the
// tokenizer has them, without making a string of them, as a Go map
// lookup with string(w) also does not, but without the map's general
// machinery. The search analyzes every word of every page, and looking
// each one up is most of its time.
type wordTable struct {
	keys []string // "" for an empty slot; words have two letters or more
	ids  []uint32
	n    int
}

// hashWord is the FNV-1a hash of w.
func hashWord(w []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range w {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// get returns the number of the stem of w, whose hash is h (hashWord(w)),
// if the table has w.
func (t *wordTable) get(w []byte, h uint32) (uint32, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	mask := uint32(len(t.keys) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		k := t.keys[i]
		if k == "" {
			return 0, false
		}
		if k == string(w) {
			return t.ids[i], true
		}
	}
}

// put adds w, which the table does not have, with its stem's number.
func (t *wordTable) put(w string, id uint32) {
	if 2*(t.n+1) > len(t.keys) {
		old, oldIDs := t.keys, t.ids
		t.keys = make([]string, max(1024, 2*len(old)))
		t.ids = make([]uint32, len(t.keys))
		t.n = 0
		for i, k := range old {
			if k != "" {
				t.put(k, oldIDs[i])
			}
		}
	}
	mask := uint32(len(t.keys) - 1)
	i := hashWord([]byte(w)) & mask
	for t.keys[i] != "" {
		i = (i + 1) & mask
	}
	t.keys[i], t.ids[i] = w, id
	t.n++
}
