package check

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/lumen-ssg/lumen/generator/ascii8"
)

// words is a text split into words once, for every wording check to read:
// each word's offsets and its lower-case form. A word is a run of letters
// with inner apostrophes or hyphens.
type words struct {
	text string
	// spans are the words' start and end offsets in text.
	spans [][2]int
	// lower holds the words lower-cased, one after the other: word i is
	// lower[ends[i-1]:ends[i]].
	lower []byte
	ends  []int
}

// split makes w the words of text, reusing w's memory: each run of
// letters, with the apostrophes and hyphens inside it (and one at its end,
// but at the text's), and its lower-case form (unicode.ToLower of each
// letter). It reads the text once, ASCII eight bytes at a time where it
// can and otherwise a byte at a time without a call.
func (w *words) split(text string) {
	spans, lower, ends := w.spans[:0], w.lower[:0], w.ends[:0]
	for i := 0; i < len(text); {
		// The next letter: eight ASCII bytes at a time first.
		for i+8 <= len(text) {
			x := ascii8.Load(text, i)
			if x&ascii8.High != 0 {
				break
			}
			if l := ascii8.Letters(x); l != 0 {
				i += bits.TrailingZeros64(l) >> 3
				break
			}
			i += 8
		}
		if i >= len(text) {
			break
		}
		if c := text[i]; c < utf8.RuneSelf {
			if asciiLower[c] == 0 {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			// Eight ASCII bytes at a time while a byte comes after them
			// (an apostrophe or a hyphen is in a word only then): the
			// word's bytes among them, lower-cased at once (OR 0x20
			// lowers a letter and leaves both marks as they are).
			for i+8 < len(text) {
				x := ascii8.Load(text, i)
				if x&ascii8.High != 0 {
					break
				}
				run := bits.TrailingZeros64(^(ascii8.Letters(x)|marks8(x))&ascii8.High) >> 3
				lower = binary.LittleEndian.AppendUint64(lower, x|0x20*ascii8.Ones)
				lower = lower[:len(lower)-8+run]
				i += run
				if run < 8 {
					break
				}
			}
			c := text[i]
			if c < utf8.RuneSelf {
				if l := asciiLower[c]; l != 0 {
					lower = append(lower, l)
				} else if (c == '\'' || c == '-') && i+1 < len(text) {
					lower = append(lower, c)
				} else {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			lower = utf8.AppendRune(lower, unicode.ToLower(r))
			i += size
		}
		spans = append(spans, [2]int{start, i})
		ends = append(ends, len(lower))
	}
	w.text, w.spans, w.lower, w.ends = text, spans, lower, ends
}

// marks8 returns, for eight ASCII bytes x, 0x80 in each byte that is an
// apostrophe or a hyphen and 0 in the others.
func marks8(x uint64) uint64 { return ascii8.Equal(x, '\'') | ascii8.Equal(x, '-') }

// asciiLower maps each ASCII letter to its lower case, and every other
// ASCII byte to 0.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

// len returns the number of words.
func (w *words) len() int { return len(w.spans) }

// low returns word i lower-cased, valid until the next split. It is not a
// copy: map lookups with it as a key do not allocate.
func (w *words) low(i int) string {
	from := 0
	if i > 0 {
		from = w.ends[i-1]
	}
	b := w.lower[from:w.ends[i]]
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// joined reports whether word i follows word i-1 with only white space
// between them, as the words of a phrase do.
func (w *words) joined(i int) bool {
	return i > 0 && i < len(w.spans) && spaceOnly(w.text[w.spans[i-1][1]:w.spans[i][0]])
}

// phrase appends words i to j-1, lower-cased and one space apart, to dst.
func (w *words) phrase(dst []byte, i, j int) []byte {
	for k := i; k < j; k++ {
		if k > i {
			dst = append(dst, ' ')
		}
		dst = append(dst, w.low(k)...)
	}
	return dst
}

// before returns the word before word i, lower-cased, or "".
func (w *words) before(i int) string {
	if i == 0 {
		return ""
	}
	return strings.Clone(w.low(i - 1))
}

// whole reports whether text[start:end], a word of letters, is not part of
// a longer name with digits or underscores ("helped_68", a name in code).
func whole(text string, start, end int) bool {
	nameByte := func(c byte) bool { return c == '_' || '0' <= c && c <= '9' }
	return (start == 0 || !nameByte(text[start-1])) && (end == len(text) || !nameByte(text[end]))
}

// spaceOnly reports whether s is white space only, and not empty.
func spaceOnly(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
		default:
			return false
		}
	}
	return true
}
