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
// every page, so it reads s once and allocates once.
func squeeze(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is owed before the next character
	for i := 0; i < len(s); {
		c, n := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, n = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(c) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
