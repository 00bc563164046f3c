package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// squeeze returns s with each run of white space made one space and none
// at either end, as strings.Join(strings.Fields(s), " ") does, in one
// new string: never a part of s, so that a report holding it does not
// hold on to the page's text. A build squeezes every long sentence of
// every page, so it reads s once, allocates once, and copies the words
// that are one space apart already (nearly all of a sentence) at once.
func squeeze(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if n := spaceLen(s, i); n > 0 {
			i += n
			continue
		}
		j := runEnd(s, i)
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i:j])
		i = j
	}
	return b.String()
}

// runEnd returns where the words from s[i] on end that are one ASCII space
// apart: at the first white space other than one space between two
// words, or at the end of s.
func runEnd(s string, i int) int {
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			if spaceLen(s, i) > 0 {
				return i
			}
		} else if c == ' ' || '\t' <= c && c <= '\r' {
			if c != ' ' || i+1 == len(s) || spaceLen(s, i+1) > 0 {
				return i
			}
		}
	}
	return i
}

// spaceLen returns the length of the white space (unicode.IsSpace) at
// s[i], or 0.
func spaceLen(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if c == ' ' || '\t' <= c && c <= '\r' {
			return 1
		}
		return 0
	}
	if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
		return n
	}
	return 0
}
