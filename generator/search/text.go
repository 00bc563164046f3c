package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/spanish"
	"golang.org/x/text/unicode/norm"

	"github.com/lumen-ssg/lumen/generator/ascii8"
	"github.com/lumen-ssg/lumen/generator/config"
)

// Words returns the words of s as the index and the script see them:
// folded as the script folds a query (toLowerCase, normalize("NFD"), then
// without U+0300–U+036F, so that "Ciática" and "ciatica" are one word), split at anything but a–z and 0–9, without stopwords and words
// of one character.
func Words(s string, stop map[string]bool) []string {
	var out []string
	var t tokenizer
	t.read(s)
	for k := range t.spans {
		if w := t.word(k); !stop[string(w)] {
			out = append(out, string(w))
		}
	}
	return out
}

// A tokenizer reads the words of a text as Words returns them, stopwords
// included, all at once, into one buffer: the analyzer's loop over every
// word of every page. It folds a letter at a time, as the script does a
// whole query (lowercasing and decomposing are both letter by letter):
// ASCII eight bytes at a time where it can (alnum), any other letter
// through unicode.ToLower and NFD, its accents dropped and what is left of
// it outside a–z and 0–9 a break between words.
type tokenizer struct {
	// arena holds the text last read, folded: each word's letters one
	// after the other, at spans[k] for the word k, between words
	// whatever the eight bytes read at once held there, and eight bytes
	// past the last word, so that any word's first eight bytes can be
	// loaded at once (wordTable.getAll).
	arena []byte
	spans []span
	dec   [16]byte
}

// A span is where a word is in a tokenizer's arena: arena[start:end].
type span struct{ start, end int32 }

// word returns the word k of the text last read (valid until the next
// read).
func (t *tokenizer) word(k int) []byte {
	return t.arena[t.spans[k].start:t.spans[k].end]
}

// read reads the words of s. Its loops work on local copies of the
// tokenizer's slices, which the compiler keeps in registers; a word ends
// where a letter or digit is followed by anything else, and is kept when
// it has two letters or more. ASCII is read eight bytes at a time
// (ascii8Words), anything else one letter at a time.
func (t *tokenizer) read(s string) {
	arena, spans := t.arena[:0], t.spans[:0]
	// start is where the word under way starts in arena, or -1 between
	// words.
	i, start := 0, -1
	for {
		// Room for what is left of s, which ascii8Words needs: a byte
		// of arena for each byte of s, eight more for its last store,
		// and a span for each two bytes (with the one under way).
		arena, spans = slices.Grow(arena, len(s)-i+8), slices.Grow(spans, (len(s)-i)/2+2)
		i, arena, spans, start = ascii8Words(s, i, arena, spans, start)
		for i < len(s) && s[i] < utf8.RuneSelf {
			if c := wordByte[s[i]]; c != 0 {
				if start < 0 {
					start = len(arena)
				}
				arena = append(arena, c)
			} else if start >= 0 {
				spans, start = addSpan(spans, start, len(arena)), -1
			}
			i++
		}
		if i >= len(s) {
			if start >= 0 {
				spans = addSpan(spans, start, len(arena))
			}
			// Eight bytes past every word (wordTable.getAll).
			t.arena, t.spans = append(arena, 0, 0, 0, 0, 0, 0, 0, 0), spans
			return
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			if start >= 0 {
				spans, start = addSpan(spans, start, len(arena)), -1
			}
			continue
		}
		var rb [utf8.UTFMax]byte
		for rest := norm.NFD.Append(t.dec[:0], rb[:utf8.EncodeRune(rb[:], unicode.ToLower(r))]...); len(rest) > 0; {
			r, n := utf8.DecodeRune(rest)
			rest = rest[n:]
			switch {
			case r >= 0x300 && r <= 0x36f:
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				if start < 0 {
					start = len(arena)
				}
				arena = append(arena, byte(r))
			case start >= 0:
				spans, start = addSpan(spans, start, len(arena)), -1
			}
		}
	}
}

// ascii8Words reads the words of s from i on, eight ASCII bytes at a
// time, into the room of arena and spans past their lengths, which must
// hold a byte for each byte read (and eight more) and a span for each two:
// it copies the eight bytes folded as they are, and finds where words
// start and end among them from the mask of their letters and digits,
// without a branch for each byte. It returns where it stopped (at a byte
// of a longer letter, or fewer than eight bytes from the end), arena and
// spans with what it added, and start, as read keeps it. Its loop calls
// nothing (a bounds check's panic aside), not even to grow a slice:
// around a call Go's compiler saves the loop's variables and loads them
// again (when the loop appended, the tokenizer took 4% more
// instructions: 225 against 216 million at 2,000 pages).
func ascii8Words(s string, i int, arena []byte, spans []span, start int) (int, []byte, []span, int) {
	at, n := len(arena), len(spans)
	room, out := arena[:cap(arena)], spans[:cap(spans)]
	for ; i+8 <= len(s); at += 8 {
		x := ascii8.Load(s, i)
		if x&ascii8.High != 0 {
			break // a byte of a longer letter: one at a time
		}
		word, lower := alnum(x)
		binary.LittleEndian.PutUint64(room[at:at+8], lower)
		i += 8
		// before marks each byte that follows a letter or digit.
		before := word << 8
		if start >= 0 {
			before |= 0x80
		}
		starts, ends := word&^before, before&^word&ascii8.High
		if start >= 0 {
			if ends == 0 {
				continue // the word goes on past the eight
			}
			end := at + bits.TrailingZeros64(ends)>>3
			out[n] = span{int32(start), int32(end)}
			n += kept(start, end)
			ends &= ends - 1
			start = -1
		}
		// Starts and ends take turns: each start's end is the first
		// end after it, or none when the word goes on.
		for starts != 0 {
			first := at + bits.TrailingZeros64(starts)>>3
			starts &= starts - 1
			if ends == 0 {
				start = first
				break
			}
			end := at + bits.TrailingZeros64(ends)>>3
			ends &= ends - 1
			out[n] = span{int32(first), int32(end)}
			n += kept(first, end)
		}
	}
	return i, room[:at], out[:n], start
}

// kept is 1 when the word from start to end has two letters or more and
// is kept, and 0 otherwise: a span is stored always, and counted only
// then, which costs less than a branch that guesses wrong (most
// one-letter words are "a" and "I", among longer words at random).
func kept(start, end int) int {
	if end-start > 1 {
		return 1
	}
	return 0
}

// addSpan adds the word from start to end to spans when it has two
// letters or more: appended always, and then cut off again when it is
// shorter (see kept).
func addSpan(spans []span, start, end int) []span {
	spans = append(spans, span{int32(start), int32(end)})
	return spans[:len(spans)-1+kept(start, end)]
}

// alnum returns, for eight ASCII bytes x (each under 0x80), word: 0x80 in
// each byte of x that is a letter or a digit and 0 in the others, and
// lower: x with its letters lowercased (0x20 set in each: the letters'
// mask shifted right by two). It is wordByte on eight bytes at once.
func alnum(x uint64) (word, lower uint64) {
	letters := ascii8.Letters(x)
	return letters | ascii8.Digits(x), x | letters>>2
}

// wordByte maps each ASCII byte to itself lowercased when it is a letter
// or a digit, and to 0, a break between words, when it is anything else.
var wordByte = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			t[c] = byte(c)
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// Stem returns the English stem of a folded word: "herniated" →
// "herniat". Words of digits are their own stem.
func Stem(w string) string { return stemIn("en", w) }

// stemIn returns the stem of a folded word in the language lang: Snowball's
// Spanish stemmer for Spanish ("herniado" → "herni"), its English one for
// any other language. Words of digits are their own stem.
func stemIn(lang, w string) string {
	if w == "" || w[0] >= '0' && w[0] <= '9' {
		return w
	}
	if config.Primary(lang) == "es" {
		return spanish.Stem(w, false)
	}
	return english.Stem(w, false)
}

// stopwords are the words a query leaves out, in the language lang
// (English for a language without a list): they are in nearly every page,
// and patients' questions are full of them ("what is the best thing for
// my back", "qué es lo mejor para mi espalda"). The script gets the same
// list from the index. They are folded as the index folds words: "qué" is
// "que".
func stopwords(lang string) map[string]bool {
	list := `a about after again all also am an and any are as at be because been
		before being but by can could did do does doing done for from get gets getting had has have having
		he her here hers him his how i if in into is it its just me more most my no not of off on once only
		or other our out over own same she should so some such than that the their them then there these
		they this those through to too under until up very was we were what when where which while who whom
		why will with would you your yours`
	if config.Primary(lang) == "es" {
		list = `a al algo algun alguna algunas alguno algunos ante antes aqui asi aun cada como con contra cual
		cuales cuando de del desde donde dos el ella ellas ello ellos en entre era eran es esa esas ese eso
		esos esta estaba estan estar estas este esto estos fue fueron ha hace hacer hay he la las le les lo
		los mas me mi mis muy nada ni no nos nosotros o otra otras otro otros para pero poco por porque puede
		pueden que quien se sea ser si sido sin sobre son su sus tambien tan tanto te tener tengo tiene tienen
		todo todos tu tus un una uno unos usted ustedes y ya yo`
	}
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// shardOf returns the shard of the index that holds a word: the FNV-1a
// hash of its first two bytes, modulo the number of shards. The script
// computes the same, so a query fetches only the shards of its words.
func shardOf(w string, shards int) int {
	h := uint32(2166136261)
	for i := 0; i < len(w) && i < 2; i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return int(h % uint32(shards))
}

// snippet returns the start of the text of parts that a result shows:
// their words, one space apart, cut to snippetBytes at a word boundary.
// It copies a run of words at a time, as long as they are one space apart
// already (nearly all prose), and stops as soon as it has enough: a page's
// body is far longer than its snippet.
func snippet(parts []string) string {
	b := make([]byte, 0, snippetBytes+64)
	for _, p := range parts {
		for i := 0; i < len(p) && len(b) <= snippetBytes; {
			for i < len(p) {
				n := spaceAt(p, i)
				if n == 0 {
					break
				}
				i += n
			}
			j := wordsEnd(p, i)
			if j > i {
				if len(b) > 0 {
					b = append(b, ' ')
				}
				// What clip reads: snippetBytes and one more.
				b = append(b, p[i:min(j, i+max(snippetBytes+1-len(b), 0))]...)
			}
			i = j
		}
	}
	return clip(string(b), snippetBytes)
}

// wordsEnd returns where the words of s from i on that are one ASCII space
// apart end: at the first white space that is not a single space between
// two words.
func wordsEnd(s string, i int) int {
	for i < len(s) {
		// Eight bytes at a time while they are ASCII, with no control
		// byte and no two spaces together, and with a space last only
		// when what follows it is no white space.
		for i+8 <= len(s) {
			x := ascii8.Load(s, i)
			sp := ascii8.Equal(x, ' ')
			if x&ascii8.High != 0 || ascii8.HasLess(x, 0x20) || sp&(sp>>8) != 0 {
				break
			}
			if sp>>56 != 0 && (i+8 == len(s) || spaceAt(s, i+8) != 0) {
				break
			}
			i += 8
		}
		// Then up to eight bytes one at a time.
		for end := min(i+8, len(s)); i < end; i++ {
			if wordsStop(s, i) {
				return i
			}
		}
	}
	return i
}

// wordsStop reports whether the words one space apart end at s[i] (see
// wordsEnd).
func wordsStop(s string, i int) bool {
	c := s[i]
	switch {
	case c >= utf8.RuneSelf:
		return unicodeSpaceAt(s[i:]) != 0
	case asciiSpaceLen[c] != 0:
		return c != ' ' || i+1 == len(s) || spaceAt(s, i+1) != 0
	}
	return false
}

// spaceAt returns the length of the white space (unicode.IsSpace) at
// s[i:], or 0 when there is none.
func spaceAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		return int(asciiSpaceLen[c])
	}
	return unicodeSpaceAt(s[i:])
}

// unicodeSpaceAt is spaceAt for text that does not start with ASCII.
func unicodeSpaceAt(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// asciiSpaceLen is 1 for the ASCII bytes unicode.IsSpace is true of, 0
// for the others.
var asciiSpaceLen = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// clip returns s cut to at most n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
