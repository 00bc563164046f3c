package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
func splitWords(s string) []span {
	var out []span
	i := 0
	for i < len(s) {
		// One white-space separated chunk at a time.
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if i < j && !isLink(s[i:j]) {
			for _, w := range chunkWords(s[i:j]) {
				out = append(out, span{i + w.start, i + w.end})
			}
		}
		i = j
	}
	return out
}

// isLink reports whether a chunk is a URL or an e-mail address.
func isLink(chunk string) bool {
	lower := strings.ToLower(chunk)
	if strings.Contains(lower, "://") || strings.HasPrefix(strings.TrimLeft(lower, "(<[\"'"), "www.") {
		return true
	}
	at := strings.IndexByte(chunk, '@')
	return at > 0 && strings.Contains(chunk[at:], ".") && at+1 < len(chunk) && isWordRune(rune(chunk[at+1]))
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// chunkWords splits a chunk without white space into words.
func chunkWords(c string) []span {
	var out []span
	i := 0
	for i < len(c) {
		r, size := utf8.DecodeRuneInString(c[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		i += size
		prev := r
		singles, partLen := true, 1 // an initialism so far: single letters and periods
		for i < len(c) {
			r, size := utf8.DecodeRuneInString(c[i:])
			if isWordRune(r) {
				prev = r
				i += size
				partLen++
				singles = singles && partLen == 1
				continue
			}
			var next rune
			nsize := 0
			if i+size < len(c) {
				next, nsize = utf8.DecodeRuneInString(c[i+size:])
			}
			join := false
			switch {
			case r == '\'' || r == '’':
				join = unicode.IsLetter(prev) && unicode.IsLetter(next)
			case r == '-' || r == '‐' || r == '‑':
				join = isWordRune(prev) && isWordRune(next)
			case r == '.' || r == ',':
				join = unicode.IsDigit(prev) && unicode.IsDigit(next) ||
					r == '.' && singles && partLen == 1 && initialism(next, c[i+size+nsize:])
			}
			if !join {
				break
			}
			i += size
			partLen = 0
		}
		out = append(out, span{start, i})
	}
	return out
}

// initialism reports whether a period after an initialism so far ("e",
// "U.S") is followed by one more initial: the letter next and, after it,
// no other letter or digit ("e.g.", not "J.Smith").
func initialism(next rune, after string) bool {
	if !unicode.IsLetter(next) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || !isWordRune(r)
}

// letters counts the letters and digits of a word, as Coleman–Liau and
// the Automated Readability Index count characters.
func letters(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// isCapitalised reports whether w starts with an upper-case letter.
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
