package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lumen-ssg/lumen/generator/ascii8"
)

// span is a byte range [start, end) of a block's text.
type span struct{ start, end int }

// titles are abbreviations that never end a sentence: a name or a number
// always follows them. Keys are lower-case, without the final period.
var titles = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true, "vs": true,
	"approx": true, "e.g": true, "i.e": true, "cf": true, "fig": true, "mt": true,
	"ca": true, "ref": true, "vol": true, "pp": true, "incl": true, "dept": true,
}

// endAbbreviations may end a sentence: they do when the next word starts
// with a capital letter ("... and so on, etc. The next ...").
var endAbbreviations = map[string]bool{
	"etc": true, "u.s": true, "u.k": true, "a.m": true, "p.m": true, "inc": true, "ltd": true,
	"jr": true, "sr": true, "co": true, "corp": true,
}

// splitSentences splits a block's text into sentences. A sentence ends at
// ".", "!", "?" or "…" (with any closing quotes or brackets) followed by
// white space or the end of the text, except:
//
//   - after an abbreviation such as "Dr." or "e.g.", which never ends a
//     sentence, or "etc." and "U.S.", which end one only before a capital;
//   - after an initial ("J. Smith");
//   - at a period followed by a lower-case word ("approx. two weeks").
//
// The full-width stops of Chinese and Japanese ("。", "！", "？") always end
// a sentence. Whatever follows the last end is a sentence too, so a heading or list
// item without a full stop is one sentence. Spans with no word are kept;
// the caller drops them.
func splitSentences(text string) []span { return appendSentences(nil, text) }

// appendSentences appends the sentences of text, as splitSentences finds
// them, to out and returns the extended slice.
func appendSentences(out []span, text string) []span {
	start := 0
	for i := 0; i < len(text); {
		// Most bytes: eight at a time, then one at a time, without
		// decoding.
		for i+8 <= len(text) && !endsOrNot8(ascii8.Load(text, i)) {
			i += 8
		}
		if i == len(text) {
			break
		}
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++ // most bytes: no need to decode
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '。' || r == '！' || r == '？' { // Chinese and Japanese: no space follows
			out = append(out, span{start, i + size})
			start = i + size
			i += size
			continue
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(".!?…\"'”’)]»", r2) {
				break
			}
			j += s2
		}
		if j < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r2) {
				i = j
				continue // "3.5", "e.g.," or "example.com"
			}
		}
		if r == '.' && !periodEnds(text, i, j) {
			i = j
			continue
		}
		out = append(out, span{start, j})
		start = j
		i = j
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, span{start, len(text)})
	}
	return out
}

// endsOrNot8 reports whether one of the eight bytes of x may end a
// sentence or is not ASCII: appendSentences looks at those one at a time.
func endsOrNot8(x uint64) bool {
	return x&ascii8.High != 0 || ascii8.Has(x, '.') || ascii8.Has(x, '!') || ascii8.Has(x, '?')
}

// periodEnds decides whether the period at text[i], whose run of end
// marks stops at j, ends a sentence.
func periodEnds(text string, i, j int) bool {
	// The token before the period: letters, digits and inner periods.
	k := i
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' {
			break
		}
		k -= size
	}
	prev := text[k:i]
	next := nextWordStart(text[j:])
	lower := strings.ToLower(prev)
	switch {
	case strings.HasSuffix(text[i:j], ".."):
		return unicode.IsUpper(next) // an ellipsis
	case titles[lower]:
		return false
	case lower == "no":
		return !unicode.IsDigit(next) // "No. 5", but "The answer is no. Then"
	case endAbbreviations[lower]:
		return unicode.IsUpper(next)
	case utf8.RuneCountInString(prev) == 1 && unicode.IsUpper([]rune(prev)[0]):
		return false // an initial
	case unicode.IsLower(next):
		return false
	}
	return true
}

// nextWordStart returns the first letter or digit of s after white space
// and opening punctuation, or 0.
func nextWordStart(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		if !unicode.IsSpace(r) && !strings.ContainsRune("\"'“‘([«*_", r) {
			return 0
		}
	}
	return 0
}
