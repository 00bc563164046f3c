package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lumen-ssg/lumen/generator/ascii8"
)

// splitWords returns the words of s as byte spans. A word is a run of
// letters (of any script, with their combining marks) and digits, joined
// across:
//
//   - an apostrophe between letters: "patient's", "don't" are one word;
//   - a hyphen between letters or digits: "well-being", "L4-L5", "x-ray"
//     are one word, whose syllables are those of its parts;
//   - a period or comma between digits: "3.5", "1,250" are one number;
//   - the periods of an initialism: "e.g", "U.S" are one word.
//
// White-space separated chunks that are URLs or e-mail addresses are
// skipped: they are not read as prose.
func splitWords(s string) []span { return appendWords(nil, s) }

// appendWords appends the words of s, as splitWords finds them, to dst and
// returns the extended slice, so that a caller can reuse one slice for
// all the sentences of a page.
func appendWords(dst []span, s string) []span {
	i := 0
	for i < len(s) {
		// One white-space separated chunk at a time.
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if c != ' ' && (c < '\t' || c > '\r') {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		j := i
		punct := false // whether the chunk has a ":" or an "@"
		// Eight bytes at a time while none is white space, a control
		// character, ":", "@" or not ASCII.
		for j+8 <= len(s) && !chunkEndsOrNot8(ascii8.Load(s, j)) {
			j += 8
		}
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if c == ' ' || '\t' <= c && c <= '\r' {
					break
				}
				punct = punct || c == ':' || c == '@'
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		// Only a chunk with a ":" or an "@" needs the full test for a link.
		link := punct && isLink(s[i:j]) || hasWWW(trimOpening(s[i:j]))
		if i < j && !link {
			dst = appendChunkWords(dst, s[:j], i)
		}
		i = j
	}
	return dst
}

// chunkEndsOrNot8 reports whether one of the eight bytes of x is white
// space or another control character (under 0x21), ":", "@", or not
// ASCII: appendWords looks at those one at a time.
func chunkEndsOrNot8(x uint64) bool {
	return x&ascii8.High != 0 || ascii8.HasLess(x, 0x21) || ascii8.Has(x, ':') || ascii8.Has(x, '@')
}

// runeAt decodes the rune that starts at s[i], without a call for ASCII.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isSpace is unicode.IsSpace, without a call for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// isLetter is unicode.IsLetter, without a call for ASCII.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r)
}

// isDigit is unicode.IsDigit, without a call for ASCII.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// isASCIILetterOrDigit reports whether b is an ASCII letter or digit.
func isASCIILetterOrDigit(b byte) bool {
	return 'a' <= b|0x20 && b|0x20 <= 'z' || '0' <= b && b <= '9'
}

// isLetterOrDigit reports whether r is a letter or a digit.
func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isLink reports whether a chunk is a URL or an e-mail address: it has
// "://", starts with "www." (in any case, after opening punctuation) or
// has a domain after an "@".
func isLink(chunk string) bool {
	if strings.Contains(chunk, "://") || hasWWW(trimOpening(chunk)) {
		return true
	}
	at := strings.IndexByte(chunk, '@')
	return at > 0 && strings.Contains(chunk[at:], ".") && at+1 < len(chunk) && isWordRune(rune(chunk[at+1]))
}

// trimOpening trims the opening brackets and quotes that may come before
// a link.
func trimOpening(chunk string) string {
	i := 0
	for i < len(chunk) && (chunk[i] == '(' || chunk[i] == '<' || chunk[i] == '[' || chunk[i] == '"' || chunk[i] == '\'') {
		i++
	}
	return chunk[i:]
}

// hasWWW reports whether s starts with "www." in any case. (No rune but
// "W" and "w" lower-cases to "w".)
func hasWWW(s string) bool {
	return len(s) >= 4 && s[0]|0x20 == 'w' && s[1]|0x20 == 'w' && s[2]|0x20 == 'w' && s[3] == '.'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// appendChunkWords appends the words of the chunk c[i:], which has no
// white space, to dst, as spans of c.
func appendChunkWords(dst []span, c string, i int) []span {
	for i < len(c) {
		// runeAt and isLetterOrDigit, without a call for ASCII.
		r, size := rune(c[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(c[i:])
		}
		if r < utf8.RuneSelf && !isASCIILetterOrDigit(byte(r)) || r >= utf8.RuneSelf && !isLetterOrDigit(r) {
			i += size
			continue
		}
		start := i
		i += size
		prev := r
		singles, partLen := true, 1 // an initialism so far: single letters and periods
		for i < len(c) {
			if b := c[i]; isASCIILetterOrDigit(b) { // most of a word, quickly
				prev = rune(b)
				i++
				partLen++
				singles = singles && partLen == 1
				continue
			}
			// No other ASCII byte is a word's.
			r, size := rune(c[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(c[i:])
				if isWordRune(r) {
					prev = r
					i += size
					partLen++
					singles = singles && partLen == 1
					continue
				}
			}
			var next rune
			nsize := 0
			if i+size < len(c) {
				next, nsize = rune(c[i+size]), 1
				if next >= utf8.RuneSelf {
					next, nsize = utf8.DecodeRuneInString(c[i+size:])
				}
			}
			join := false
			switch {
			case r == '\'' || r == '’':
				join = isLetter(prev) && isLetter(next)
			case r == '-' || r == '‐' || r == '‑':
				join = isWordRune(prev) && isWordRune(next)
			case r == '.' || r == ',':
				join = isDigit(prev) && isDigit(next) ||
					r == '.' && singles && partLen == 1 && initialism(next, c[i+size+nsize:])
			}
			if !join {
				break
			}
			i += size
			partLen = 0
		}
		dst = append(dst, span{start, i})
	}
	return dst
}

// initialism reports whether a period after an initialism so far ("e",
// "U.S") is followed by one more initial: the letter next and, after it,
// no other letter or digit ("e.g.", not "J.Smith").
func initialism(next rune, after string) bool {
	if !isLetter(next) {
		return false
	}
	if after == "" {
		return true
	}
	r, _ := runeAt(after, 0)
	return !isWordRune(r)
}

// letters counts the letters and digits of a word, as Coleman–Liau and
// the Automated Readability Index count characters.
func letters(w string) int {
	n := 0
	for i := 0; i < len(w); {
		if b := w[i]; b < utf8.RuneSelf {
			if isASCIILetterOrDigit(b) {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if isLetterOrDigit(r) {
			n++
		}
		i += size
	}
	return n
}

// isCapitalised reports whether w starts with an upper-case letter.
func isCapitalised(w string) bool {
	if w == "" {
		return false
	}
	r, _ := runeAt(w, 0)
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}
